"""Stance accuracy on the hand-labelled PolNeAR train dev set (benchmarks/stance_dev.tsv).

    .venv/bin/python benchmarks/stance.py

newsvoices scores each statement with its reporting verb (the cue) as context.
Prints macro-F1 over the four labels and over hopeful / hardline / other, and the confusion
matrix, for newsvoices and for the TextBlob-threshold (±0.1) and VADER (±0.05) baselines.
Also the seed's 16 reference statements. The statement text is read from PolNeAR by offsets.
"""
from __future__ import annotations

import csv
import json
import os
import sys
from pathlib import Path

from newsvoices.nlp import load_model
from newsvoices.sentiment import textblob_label, vader_label
from newsvoices.stance import LABELS, score_doc, score_text

HERE = Path(__file__).resolve().parent


def macro_f1(gold, predicted, labels):
    scores = []
    for label in labels:
        tp = sum(1 for g, p in zip(gold, predicted) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, predicted) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, predicted) if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / len(scores)


def three_way(labels):
    return [label if label in {"hopeful", "hardline"} else "other" for label in labels]


def report(name, gold, predicted):
    print(f"\n{name}: macro-F1 {macro_f1(gold, predicted, LABELS):.3f} (4 labels), "
          f"{macro_f1(three_way(gold), three_way(predicted), ('hopeful', 'hardline', 'other')):.3f} (hopeful/hardline/other); "
          f"accuracy {sum(g == p for g, p in zip(gold, predicted)) / len(gold):.3f}; "
          f"hopeful<->hardline swaps {sum(1 for g, p in zip(gold, predicted) if {g, p} == {'hopeful', 'hardline'})}")
    print("  " + "gold / predicted".ljust(18) + "".join(f"{label:>10}" for label in LABELS))
    for g in LABELS:
        print(f"  {g:<18}" + "".join(f"{sum(1 for x, y in zip(gold, predicted) if x == g and y == p):>10}" for p in LABELS))


def report_made_up(nlp, folder: str, about: str) -> None:
    styles = [s for f in sorted((HERE / folder).glob("*.gold.json"))
              for s in json.loads(f.read_text(encoding="utf-8"))["statements"]]
    if not styles:
        return
    style_gold = [s["stance"] for s in styles]
    style_texts = [s["content"] for s in styles]
    print("\n" + about.format(n=len(styles)))
    print("  " + "; ".join(f"{name} macro-F1 {macro_f1(style_gold, labels, LABELS):.3f} (4 labels), "
                           f"{macro_f1(three_way(style_gold), three_way(labels), ('hopeful', 'hardline', 'other')):.3f} (3)"
                           for name, labels in (
                               ("newsvoices", [score_text(t, s.get("cue"), nlp).label for t, s in zip(style_texts, styles)]),
                               ("TextBlob", [textblob_label(t) for t in style_texts]),
                               ("VADER", [vader_label(t) for t in style_texts]))))


def main() -> int:
    root = Path(os.environ.get("NEWSVOICES_POLNEAR", HERE.parent.parent / "shared" / "data" / "polnear"))
    rows = list(csv.DictReader((HERE / "stance_dev.tsv").open(encoding="utf-8"), delimiter="\t"))
    texts = []
    for row in rows:
        article = (root / "train" / "text" / f"{row['file']}.txt").read_text(encoding="utf-8")
        spans = [tuple(int(x) for x in part.split()) for part in row["content_spans"].split(";")]
        texts.append(" ".join(article[a:b] for a, b in spans))
    gold = [row["label"] for row in rows]
    nlp = load_model()
    ours = [score_text(text, row["cue"], nlp).label for text, row in zip(texts, rows)]
    print(f"Stance dev set: {len(rows)} statements from PolNeAR train ({', '.join(f'{l} {gold.count(l)}' for l in LABELS)})")
    report("newsvoices", gold, ours)
    report("TextBlob ±0.1", gold, [textblob_label(t) for t in texts])
    report("VADER ±0.05", gold, [vader_label(t) for t in texts])
    for folder, about in (("styles", "Made-up outlet styles (benchmarks/styles, {n} reference statements; labelled by a "
                                     "separate session, and used to find missing general words, so a development figure):"),
                          ("heldout", "Second made-up set (benchmarks/heldout, 8 articles, {n} statements, another session; "
                                      "articles 01-04 used to find missing words, 05-08 never looked at for stance):"),
                          ("blind", "Third made-up set (benchmarks/blind, 4 articles, {n} statements, another session; "
                                    "never looked at for stance):")):
        report_made_up(nlp, folder, about)
    gold_file = HERE.parent.parent / "shared" / "gold" / "000_378cb35899c8b263.gold.json"
    if gold_file.exists():
        statements = json.loads(gold_file.read_text(encoding="utf-8"))["statements"]
        seed_gold = [s["stance"] for s in statements]
        seed_ours = [score_doc(doc).label for doc in nlp.pipe(s["content"] for s in statements)]
        seed_tb = [textblob_label(s["content"]) for s in statements]
        print(f"\nSeed reference (16): newsvoices {sum(g == p for g, p in zip(seed_gold, seed_ours))}/16 right, "
              f"TextBlob {sum(g == p for g, p in zip(seed_gold, seed_tb))}/16")
    return 0


if __name__ == "__main__":
    sys.exit(main())
