"""Stance accuracy: the classifier (default), the `fast` head (MiniLM alone), the lexicon,
TextBlob and VADER.

    .venv/bin/python benchmarks/stance.py

On the dev split (`stance_dev.tsv`, PolNeAR train statements from 223 articles never trained
on), on each made-up set (training data of the classifier, so its figures there are training
figures), the classifier's cross-validated figure on the training set (from the record in
`data/stance_head.json`), the labellers' agreement (`stance_agreement.tsv`), the made-up sets
`fresh/`, `fresh2/` and `fresh3/` as read by a labeller (`stance_fresh.tsv`; never trained on, and
outside politics), and the seed's 16 reference statements. Each statement is scored with its reporting verb and its sentence.
Prints macro-F1 over four labels and over hopeful / hardline / other, swaps and confusion.
"""
from __future__ import annotations

import csv
import json
import sys
import time
from collections import Counter
from pathlib import Path

from newsvoices import lexicon
from newsvoices.nlp import load_model
from newsvoices.sentiment import textblob_label, vader_label
from newsvoices.stance import LABELS
from newsvoices.stance.classifier import HEAD_FILES, classify
from newsvoices.stance.metrics import cohen_kappa, scores
from newsvoices.stance.rules import score_text as lexicon_text
from newsvoices.stance.training import MADE_UP_SETS, dev_set, read_made_up

HERE = Path(__file__).resolve().parent


def show(name: str, figures: dict) -> None:
    print(f"  {name:<12} macro-F1 {figures['f1_4']:.3f} (4 labels) {figures['f1_3']:.3f} (3); accuracy "
          f"{figures['accuracy']:.3f}; hopeful<->hardline swaps {figures['swaps']}")


def confusion(figures: dict) -> None:
    print("    gold / predicted".ljust(22) + "".join(f"{label:>10}" for label in LABELS))
    for label, row in zip(LABELS, figures["confusion"]):
        print(f"    {label:<18}" + "".join(f"{n:>10}" for n in row))


def compare(title: str, items, nlp) -> None:
    gold = [i.label for i in items]
    started = time.perf_counter()
    rules = [lexicon_text(i.text, i.cue or None, nlp) for i in items]
    ours = classify([i.text for i in items], [i.cue for i in items], [i.sentence for i in items], rules,
                    with_examples=False)
    seconds = time.perf_counter() - started
    fast = classify([i.text for i in items], [i.cue for i in items], [i.sentence for i in items], rules,
                    with_examples=False, method="fast")
    print(f"\n{title} ({len(items)} statements; {', '.join(f'{lab} {gold.count(lab)}' for lab in LABELS)}); "
          f"classifier {1000 * seconds / len(items):.1f} ms a statement")
    classifier = scores(gold, [r.label for r in ours])
    show("classifier", classifier)
    show("fast", scores(gold, [r.label for r in fast]))
    show("lexicon", scores(gold, [r.label for r in rules]))
    show("TextBlob", scores(gold, [textblob_label(i.text) for i in items]))
    show("VADER", scores(gold, [vader_label(i.text) for i in items]))
    confusion(classifier)


def agreement() -> None:
    first = {(r["file"], r["content_spans"]): r["label"]
             for r in csv.DictReader((HERE / "stance_train.tsv").open(encoding="utf-8"), delimiter="\t")}
    second = list(csv.DictReader((HERE / "stance_agreement.tsv").open(encoding="utf-8"), delimiter="\t"))
    a = [first[(r["file"], r["content_spans"])] for r in second]
    b = [r["label"] for r in second]
    figures = scores(a, b)
    print(f"\nLabellers' agreement ({len(b)} statements labelled twice, independently): Cohen's kappa "
          f"{cohen_kappa(a, b):.3f}, macro-F1 of one against the other {figures['f1_4']:.3f} / {figures['f1_3']:.3f}, "
          f"agreement {figures['accuracy']:.3f}")
    confusion(figures)


FRESH_SETS = ("fresh", "fresh2", "fresh3")


def fresh_read(nlp) -> tuple[list, list[str]]:
    """The statements of the three `fresh` sets with the labels a reader gave them
    (`stance_fresh.tsv`, by statement id "<set>/<article>#<n>"), and the labels their writers gave."""
    rows = {r["statement"]: r for r in csv.DictReader((HERE / "stance_fresh.tsv").open(encoding="utf-8"), delimiter="\t")}
    items, writer, seen = [], [], Counter()
    for name in FRESH_SETS:
        for item in read_made_up(HERE / name, nlp):
            article = f"{name}/{item.group.removesuffix('.gold.json')}"
            row = rows[f"{article}#{seen[article]}"]
            seen[article] += 1
            writer.append(row["writer_label"])
            item.label = row["label"]
            items.append(item)
    return items, writer


def fresh() -> None:
    nlp = load_model()
    items, writer = fresh_read(nlp)
    reader = [i.label for i in items]
    print(f"\nWriters' labels against a reader's on {FRESH_SETS} ({len(items)} statements): Cohen's kappa "
          f"{cohen_kappa(writer, reader):.3f}, agreement {scores(writer, reader)['accuracy']:.3f} (writers mark more "
          "statements hopeful, hardline or skeptical)")
    compare("Made-up fresh sets outside politics, as read by a labeller (never trained on)", items, nlp)


def main() -> int:
    nlp = load_model()
    record = json.loads(lexicon.data_path("stance_head.json").read_text(encoding="utf-8"))
    cv = record["cross_validation"]
    print(f"Classifier: {record['variant']}, C={record['settings']['C']}, trained on "
          f"{record['training_data']['statements']} statements {record['training_data']['by_origin']}")
    print(f"Cross-validated on the training set (5 folds by article): macro-F1 {cv['f1_4']:.3f} / {cv['f1_3']:.3f}, "
          f"accuracy {cv['accuracy']:.3f}, swaps {cv['swaps']}")
    for variant, figures in record.get("compared", {}).items():
        print(f"  compared: {variant:<44} cv {figures['f1_4']:.3f} / {figures['f1_3']:.3f}")
    fast = json.loads(lexicon.data_path(HEAD_FILES["fast"]).read_text(encoding="utf-8"))
    print(f"Fast method (`fast`): {fast['variant']}, C={fast['settings']['C']}; cross-validated macro-F1 "
          f"{fast['cross_validation']['f1_4']:.3f} / {fast['cross_validation']['f1_3']:.3f}, "
          f"swaps {fast['cross_validation']['swaps']}")
    compare("Dev split, stance_dev.tsv (never trained on)", dev_set(nlp), nlp)
    for name in MADE_UP_SETS:
        compare(f"Made-up set {name}/ (in the classifier's training data)", read_made_up(HERE / name, nlp), nlp)
    agreement()
    fresh()
    gold_file = HERE.parent.parent / "shared" / "gold" / "000_378cb35899c8b263.gold.json"
    if gold_file.exists():
        import newsvoices

        gold = [s["stance"] for s in json.loads(gold_file.read_text(encoding="utf-8"))["statements"]]
        ours = list(newsvoices.analyze(HERE.parent / "seeds" / "000_378cb35899c8b263.txt", nlp=nlp).statements["stance"])
        swaps = sum(1 for g, p in zip(gold, ours) if {g, p} == {"hopeful", "hardline"})
        print(f"\nSeed reference (16, as found in the article): {sum(g == p for g, p in zip(gold, ours))}/16 right, "
              f"{swaps} swaps")
    return 0


if __name__ == "__main__":
    sys.exit(main())
