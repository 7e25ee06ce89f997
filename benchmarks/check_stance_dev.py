#!/usr/bin/env python3
"""Check benchmarks/stance_dev.tsv against the PolNeAR annotations.

For every row, verifies that
  * the label is one of hopeful / hardline / skeptical / neutral,
  * the article's .ann file (first in sorted order if several annotators)
    contains a Content text-bound annotation with exactly these spans,
  * that Content belongs to an attribution (E line) whose Cue text equals
    the stored cue (a mismatch is reported as a warning).
Then prints label counts and the number of articles.

Standard library only. Corpus location: $NEWSVOICES_POLNEAR, else
/work/shared/data/polnear. Usage: python benchmarks/check_stance_dev.py [TSV]  (also checks stance_train.tsv, stance_agreement.tsv)
"""
import csv
import os
import re
import sys
from collections import Counter

LABELS = ("hopeful", "hardline", "skeptical", "neutral")
HEADER = ["file", "content_spans", "cue", "label", "note"]
SPLITS = ("train", "dev")


def find_ann(root, name):
    """Return the first (sorted) .ann file for article NAME, or None."""
    for split in SPLITS:
        d = os.path.join(root, split, "attributions")
        if not os.path.isdir(d):
            continue
        hits = sorted(
            f for f in os.listdir(d)
            if f == name + ".ann" or re.fullmatch(re.escape(name) + r"_[0-9a-f]{4}\.ann", f)
        )
        if hits:
            return os.path.join(d, hits[0])
    return None


def norm_spans(s):
    return ";".join(" ".join(p.split()) for p in s.strip().split(";"))


def read_ann(path):
    """Return (contents: {tid: spans}, cues_by_content: {tid: [cue text]})."""
    tb, events = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if re.match(r"^T\d+\t", line):
                parts = line.split("\t")
                typ, spans = parts[1].split(" ", 1)
                tb[parts[0]] = (typ, norm_spans(spans), parts[2] if len(parts) > 2 else "")
            elif re.match(r"^E\d+\t", line):
                args = dict(a.split(":", 1) for a in line.split("\t")[1].split())
                events.append(args)
    contents = {t: v[1] for t, v in tb.items() if v[0] == "Content"}
    cues = {}
    for args in events:
        c, q = args.get("Content"), args.get("Cue")
        if c in tb and q in tb:
            cues.setdefault(c, []).append(" ".join(tb[q][2].split()))
    return contents, cues


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    tsv = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "stance_dev.tsv")
    root = os.environ.get("NEWSVOICES_POLNEAR", "/work/shared/data/polnear")
    errors, warnings = [], []
    labels, articles, seen = Counter(), set(), set()
    cache = {}
    with open(tsv, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        if header not in (HEADER, HEADER + ["batch"]):  # stance_train.tsv names the labelling batch too
            errors.append(f"bad header: {header!r}")
        for n, row in enumerate(reader, start=2):
            if not row or not "".join(row).strip():
                continue
            if len(row) != len(header):
                errors.append(f"line {n}: expected {len(header)} fields, got {len(row)}")
                continue
            name, spans, cue, label, note = row[:5]
            spans = norm_spans(spans)
            if label not in LABELS:
                errors.append(f"line {n}: bad label {label!r}")
                continue
            if not note.strip():
                warnings.append(f"line {n}: empty note")
            if (name, spans) in seen:
                errors.append(f"line {n}: duplicate row {name} {spans}")
                continue
            seen.add((name, spans))
            if name not in cache:
                path = find_ann(root, name)
                cache[name] = read_ann(path) if path else None
            if cache[name] is None:
                errors.append(f"line {n}: no .ann file for {name} under {root}")
                continue
            contents, cues = cache[name]
            tids = [t for t, s in contents.items() if s == spans]
            if not tids:
                errors.append(f"line {n}: Content {spans!r} not found in .ann of {name}")
                continue
            cue_texts = [c for t in tids for c in cues.get(t, [])]
            if " ".join(cue.split()) not in cue_texts:
                warnings.append(f"line {n}: cue {cue!r} not linked to that Content (has {cue_texts!r})")
            labels[label] += 1
            articles.add(name)
    for w in warnings:
        print("WARNING:", w)
    for e in errors:
        print("ERROR:", e)
    total = sum(labels.values())
    print(f"rows verified: {total}   articles: {len(articles)}")
    for lab in LABELS:
        print(f"  {lab:<10} {labels[lab]:4d}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
