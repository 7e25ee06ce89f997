#!/usr/bin/env python3
"""Draw the speaker-resolution development set from PolNeAR train (issue 15), reproducibly.

Candidates: attributions with a speech-verb cue (the filter of `stance_train_sample.py`) whose
Source is a pronoun ("he", "they", "I"), a description ("the senator", "a campaign aide",
"officials") or another common-noun phrase, i.e. not a proper name. Articles are shuffled with
`random.Random(20261202)` and taken whole (every candidate of an article, so a labeller reads
the article once) until the pool holds at least 920 candidates.

Writes `speakers_pool.tsv` (id, file, source_spans, content_spans, cue, source_kind; no article
text) next to this script, and with `--batches DIR N`, N labelling batches: one folder per
article with the text, paragraphs numbered, and its candidates (not committed).
`--batches DIR N FIRST` writes only the items from id FIRST on (the second round,
ids 850 and up). `--assemble DIR` joins the labellers' `DIR/labels_NN.tsv` to the pool as `speakers_polnear.tsv`.

Standard library only. Corpus: $NEWSVOICES_POLNEAR, else /work/shared/data/polnear.
"""
import csv
import os
import random
import re
import sys

from stance_train_sample import NEGATED, ROOT, cue_lemma, first_ann, read_ann

HERE = os.path.dirname(os.path.abspath(__file__))
PRONOUNS = {"i", "me", "my", "we", "us", "our", "he", "him", "his", "she", "her", "they", "them", "their", "it", "its", "you", "your", "one", "this", "that", "these", "those", "who"}
TARGET = 920


def source_kind(text):
    words = re.findall(r"[A-Za-z’'.-]+", text)
    if not words:
        return None
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return "pronoun"
    if words[0][0].islower() or words[0].lower() in {"the", "a", "an", "another", "some", "two", "three", "several",
                                                      "many", "most", "both", "other", "one", "few"}:
        return "description"
    return None  # starts with a capital: a name (or a named organisation), not this set's concern


def article_candidates(name):
    path = first_ann("train", name)
    if path is None:
        return []
    tb, events = read_ann(path)
    out = []
    for ev in events:
        source, cue, content = tb.get(ev.get("Source")), tb.get(ev.get("Cue")), tb.get(ev.get("Content"))
        if not source or not cue or not content:
            continue
        cue_text = " ".join(cue[2].split())
        kind = source_kind(source[2])
        if kind is None or NEGATED.search(cue_text) or cue_lemma(cue_text) is None:
            continue
        out.append((name, source[1], content[1], cue_text, kind))
    return sorted(out, key=lambda c: int(c[1].split()[0]))


def draw():
    names = sorted(n[:-4] for n in os.listdir(os.path.join(ROOT, "train", "text")) if n.endswith(".txt"))
    random.Random(20261202).shuffle(names)
    pool = []
    for name in names:
        if len(pool) >= TARGET:
            break
        pool.extend(article_candidates(name))
    return pool


def write_batches(pool, outdir, n, first=0):
    """Batches of the items from id `first` on (a second round labels only the new ones)."""
    articles = list(dict.fromkeys(p[0] for p in pool[first:]))
    per = -(-len(articles) // n)
    for b in range(n):
        folder = os.path.join(outdir, f"batch_{b + 1:02d}")
        os.makedirs(folder, exist_ok=True)
        for name in articles[b * per:(b + 1) * per]:
            with open(os.path.join(ROOT, "train", "text", name + ".txt"), encoding="utf-8") as t:
                text = t.read()
            paragraphs = [p for p in text.split("\n\n") if p.strip()]
            with open(os.path.join(folder, name + ".article.txt"), "w", encoding="utf-8") as f:
                f.write("\n\n".join(f"[{i}] {' '.join(p.split())}" for i, p in enumerate(paragraphs)))
            with open(os.path.join(folder, name + ".items.tsv"), "w", encoding="utf-8", newline="") as f:
                w = csv.writer(f, delimiter="\t")
                w.writerow(["id", "source_text", "cue", "content_start", "where"])
                for i, (file, src, content, cue, kind) in enumerate(pool):
                    if file != name or i < first:
                        continue
                    a, z = (int(x) for x in src.split(";")[0].split())
                    c = int(content.split()[0])
                    para = text[:a].count("\n\n")
                    w.writerow([i, text[a:z], cue, " ".join(text[c:c + 80].split()) + "…",
                                f"paragraph {para}, around: …{' '.join(text[max(0, a - 60):z + 60].split())}…"])


def assemble(pool, labels_dir):
    rows = []
    for name in sorted(f for f in os.listdir(labels_dir) if re.fullmatch(r"labels_\d+\.tsv", f)):
        with open(os.path.join(labels_dir, name), encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f, delimiter="\t"):
                file, src, content, cue, kind = pool[int(r["id"])]
                rows.append((int(r["id"]), file, src, content, cue, kind, r["mention_kind"], r["speaker"],
                             r.get("affiliation", ""), " ".join(r.get("note", "").split())))
    rows.sort()
    with open(os.path.join(HERE, "speakers_polnear.tsv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writerow(["file", "source_spans", "content_spans", "cue", "source_kind", "mention_kind", "speaker",
                    "affiliation", "note"])
        w.writerows(r[1:] for r in rows)
    print(f"speakers_polnear.tsv: {len(rows)} rows")


def main(argv):
    pool = draw()
    with open(os.path.join(HERE, "speakers_pool.tsv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t")
        w.writerow(["id", "file", "source_spans", "content_spans", "cue", "source_kind"])
        for i, row in enumerate(pool):
            w.writerow([i, *row])
    print(f"pool: {len(pool)} attributions from {len({p[0] for p in pool})} articles")
    if len(argv) in (3, 4) and argv[0] == "--batches":
        write_batches(pool, argv[1], int(argv[2]), int(argv[3]) if len(argv) == 4 else 0)
    if len(argv) == 2 and argv[0] == "--assemble":
        assemble(pool, argv[1])


if __name__ == "__main__":
    main(sys.argv[1:])
