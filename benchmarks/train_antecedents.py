"""Train the antecedent rankers (`newsvoices.speakers.ranking`) on the PolNeAR speaker set (the
shipped weights: `--half both`; `--half tune` or `check` holds the other half out), and write
`lib/newsvoices/data/antecedent_weights.json`.

    .venv/bin/python benchmarks/train_antecedents.py [--half both] [--rounds 3] [--dry-run]

Every pronoun and description that resolution ranks records its candidates and their features
(`ResolutionContext.ranked`). A ranked mention inside a labelled source span (of the chosen
half, `speakers_polnear.half`) gives one row per candidate: 1 when the candidate is the labelled
speaker (or, for an unnamed source, an unnamed candidate), else 0. A pairwise ranking model: a logistic regression on the feature differences of right and wrong
candidates of the same mention (scikit-learn, L2, C=1, random_state=0: deterministic), fitted on
pronouns and descriptions together (descriptions alone are too few; the features that only a
description has are 0 for a pronoun). The
bias of each description model (definite, indefinite) is the one that makes the most of its descriptions right with the
threshold at 0.5, counting "no candidate taken" as right when the labelled source is unnamed. Features depend on the speakers resolved
before a mention, so training repeats for `--rounds`, each round resolving with the last round's
weights (the first with none: `start_models`), and writes the weights file only at the end.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import defaultdict

import numpy as np
from sklearn.linear_model import LogisticRegression

from newsvoices import lexicon
from newsvoices.article import load_article
from newsvoices.entities import find_entities
from newsvoices.evaluate import same_person
from newsvoices.nlp import load_model, parse
from newsvoices.quotes import find_statements
from newsvoices.speakers import resolve_speakers
from speakers_polnear import HERE, half, spans

WEIGHTS = HERE.parent / "lib" / "newsvoices" / "data" / "antecedent_weights.json"
SEED = 20261203


def examples(nlp, by_file, root) -> dict[str, list]:
    """kind -> [(gold speaker, candidates)] for every ranked mention in a labelled source span."""
    found = defaultdict(list)
    for name, items in sorted(by_file.items()):
        article = load_article(path=root / "train" / "text" / f"{name}.txt")
        doc = parse(article.text, nlp)
        index = find_entities(doc, article.paragraph_at)
        ctx = resolve_speakers(find_statements(doc, article), doc, article, index)
        for item in items:
            start, end = spans(item["source_spans"])[0]
            for position, (kind, candidates) in ctx.ranked.items():
                if start <= position < end:
                    found[kind].append((item["speaker"], candidates))
    return found


def label(gold: str, candidate) -> int:
    if gold.startswith("unnamed"):
        return int(candidate.features.get("unnamed", 0) == 1 and bool(candidate.referent and candidate.referent.anonymous))
    return int(same_person(gold, candidate.name))


def fit(items, names) -> dict:
    """Pairwise ranking: a logistic regression (no intercept) on the feature differences between
    the right candidate and each wrong one of the same mention, both ways round."""
    x, y = [], []
    for gold, candidates in items:
        vectors = [np.array([c.features.get(n, 0.0) for n in names]) for c in candidates]
        labels = [label(gold, c) for c in candidates]
        for right in (k for k, v in enumerate(labels) if v):
            for wrong in (k for k, v in enumerate(labels) if not v):
                x += [vectors[right] - vectors[wrong], vectors[wrong] - vectors[right]]
                y += [1, 0]
    model = LogisticRegression(C=1.0, max_iter=2000, fit_intercept=False, random_state=0).fit(np.array(x), np.array(y))
    return {n: round(float(w), 3) for n, w in zip(names, model.coef_[0])}


def best_bias(items, weights) -> float:
    """The bias that makes the most items right with the threshold at 0.5 (see the module
    docstring): the top candidate is taken when its score plus the bias is positive."""
    tops = []
    for gold, candidates in items:
        scored = [(sum(weights.get(n, 0.0) * v for n, v in c.features.items()), k) for k, c in enumerate(candidates)]
        top = max(scored) if scored else None
        tops.append((gold, top[0] if top else None, label(gold, candidates[top[1]]) if top else 0))

    def right(bias):
        return sum((z is not None and z + bias >= 0 and ok) or ((z is None or z + bias < 0) and gold.startswith("unnamed"))
                   for gold, z, ok in tops)
    values = sorted({-z for _, z, _ in tops if z is not None})
    return max(values or [0.0], key=lambda b: (right(b), -abs(b)))


def start_models() -> dict:
    """The first round's models: no evidence weighed, so every pronoun goes to the person named
    last and every description takes its best candidate. Training starts here, not from the
    committed file, so a clean checkout retrains to the same weights."""
    kinds = {"pronoun": 0.0, "description": 0.5, "indefinite description": 0.5}
    return {"about": "", "models": {kind: {"bias": 0.0, "threshold": threshold, "weights": {}}
                                    for kind, threshold in kinds.items()}}


def use_models(models: dict) -> None:
    """Resolution ranks with `models` from now on (in memory; the weights file is untouched)."""
    lexicon.antecedent_models = lambda: models["models"]


def train_round(nlp, by_file, root, part: str, current: dict) -> dict:
    found = examples(nlp, by_file, root)
    current = json.loads(json.dumps(current))
    pooled = [item for items in found.values() for item in items]
    names = sorted({n for _, candidates in pooled for c in candidates for n in c.features})
    weights = fit(pooled, names)  # one ranking for both kinds: descriptions alone are too few
    for kind, items in sorted(found.items()):
        model = {"bias": 0.0, "threshold": 0.0, "weights": weights}
        if kind != "pronoun":  # a description is taken only when probable enough, else an unnamed source
            model["bias"], model["threshold"] = round(best_bias(items, weights), 3), 0.5
        current["models"][kind] = model
        print(f"{kind}: {len(items)} mentions, {sum(len(c) for _, c in items)} candidates, bias {model['bias']}")
    current["about"] = ("logistic regression per kind of mention, trained by benchmarks/train_antecedents.py "
                        f"on {'both halves' if part == 'both' else 'the ' + part + ' half'} of benchmarks/speakers_polnear.tsv")
    return current


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--dry-run", action="store_true", help="print the weights, do not write them")
    parser.add_argument("--half", choices=["tune", "check", "both"], default="both",
                        help="the articles to train on (the other half is then held out; 'both' holds out none)")
    args = parser.parse_args(argv)
    random.seed(SEED)
    np.random.seed(SEED)
    root = HERE.parent.parent / "shared" / "data" / "polnear"
    rows = list(csv.DictReader((HERE / "speakers_polnear.tsv").open(encoding="utf-8"), delimiter="\t"))
    by_file = defaultdict(list)
    for row in rows:
        if args.half in {half(row["file"]), "both"} and row["mention_kind"] in {"pronoun", "description"}:
            by_file[row["file"]].append(row)
    models = start_models()
    for _ in range(args.rounds):
        use_models(models)
        models = train_round(load_model(), by_file, root, args.half, models)
    text = json.dumps(models, indent=1, sort_keys=True) + "\n"
    if args.dry_run:
        print(text)
        return 0
    WEIGHTS.write_text(text, encoding="utf-8")
    print(f"wrote {WEIGHTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
