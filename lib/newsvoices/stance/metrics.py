"""Figures for stance labels: macro-F1 over four and three labels, swaps, confusion, kappa."""
from __future__ import annotations

from collections import Counter

LABELS = ("hopeful", "hardline", "skeptical", "neutral")
THREE = ("hopeful", "hardline", "other")


def macro_f1(gold: list[str], predicted: list[str], labels=LABELS) -> float:
    total = 0.0
    for label in labels:
        tp = sum(1 for g, p in zip(gold, predicted) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, predicted) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, predicted) if g == label and p != label)
        total += 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return total / len(labels)


def three_way(labels: list[str]) -> list[str]:
    """Hopeful and hardline kept, skeptical and neutral merged into "other"."""
    return [label if label in {"hopeful", "hardline"} else "other" for label in labels]


def confusion(gold: list[str], predicted: list[str], labels=LABELS) -> list[list[int]]:
    """Rows gold, columns predicted, both in `labels` order."""
    counts = Counter(zip(gold, predicted))
    return [[counts[(g, p)] for p in labels] for g in labels]


def cohen_kappa(first: list[str], second: list[str], labels=LABELS) -> float:
    n = len(first)
    observed = sum(a == b for a, b in zip(first, second)) / n
    a, b = Counter(first), Counter(second)
    expected = sum(a[label] * b[label] for label in labels) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def scores(gold: list[str], predicted: list[str]) -> dict:
    return {"n": len(gold),
            "f1_4": round(macro_f1(gold, predicted), 4),
            "f1_3": round(macro_f1(three_way(gold), three_way(predicted), THREE), 4),
            "accuracy": round(sum(g == p for g, p in zip(gold, predicted)) / max(len(gold), 1), 4),
            "swaps": sum(1 for g, p in zip(gold, predicted) if {g, p} == {"hopeful", "hardline"}),
            "confusion": confusion(gold, predicted)}
