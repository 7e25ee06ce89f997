#!/usr/bin/env python3
"""Draw the stance training pool from PolNeAR train (issue 13), reproducibly.

The candidate filter is the one of `STANCE_DEV.md` (speech-verb cue, not negated, content of
at least five words, first annotator file per article). The 223 articles that `stance_dev.tsv`
draws from are excluded, so the dev split shares no article with training. From each remaining
article at most 4 candidates are taken, one per stratum in turn (doubt words, hopeful words,
hardline words, any), with `random.Random(20261201)`; a keyword only decides which stratum an
item is eligible for, never its label.

Writes `stance_train_pool.tsv` (file, content_spans, cue: no article text) next to this
script, and with `--batches DIR N` also N labelling batches with the statement and its
paragraph for labellers to read (not committed: they hold article text); `--from ID K` writes
batches of the pool from that id on only, numbered from K. `--assemble DIR` adds the labellers'
`DIR/labels_NN.tsv` (id, label, note) to `stance_train.tsv`, keeping the rows already there,
and the second labeller's `DIR/labels_agreement.tsv`, if any, as `stance_agreement.tsv`.

Five rounds: round 1 (ids 0-2007, batches 01-06) takes at most 4 statements an article; rounds
2 (ids 2008-3254, batches 07-10), 3 (ids 3255-3980, batches 11-13), 4 (ids 3981-4403, batches
14-15) and 5 (ids 4404-4652, batches 16-17), each with its own seed, take up to 4 more of each
article's remaining candidates, with the same strata (124 candidates are left after round 5, in
articles with more than 20).

Standard library only. Corpus: $NEWSVOICES_POLNEAR, else /work/shared/data/polnear.
"""
import csv
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.environ.get("NEWSVOICES_POLNEAR", "/work/shared/data/polnear")
SPEECH = ["accuse", "acknowledge", "add", "admit", "announce", "argue", "ask", "assert", "assure", "blast", "boast", "call", "chant", "charge", "claim", "comment", "complain", "concede", "confirm", "contend", "criticize", "declare", "decry", "demand", "denounce", "deny", "dismiss", "emphasize", "stress", "explain", "insist", "joke", "lament", "maintain", "mock", "note", "pledge", "post", "praise", "predict", "proclaim", "promise", "propose", "quip", "rail", "recall", "reiterate", "remark", "repeat", "reply", "retort", "respond", "say", "scold", "shout", "slam", "state", "suggest", "tell", "thank", "threaten", "tout", "tweet", "urge", "vow", "warn", "write", "yell"]
IRREGULAR = {"said": "say", "says": "say", "told": "tell", "tells": "tell", "wrote": "write",
             "written": "write", "writes": "write", "replied": "reply", "replies": "reply",
             "denied": "deny", "denies": "deny", "decried": "decry", "criticized": "criticize",
             "criticised": "criticize", "criticises": "criticize", "emphasised": "emphasize"}
SKIP = {"also", "has", "have", "had", "will", "would", "is", "was", "were", "be", "been", "being", "later", "then", "previously", "once", "recently", "repeatedly", "again", "publicly", "privately", "just", "flatly", "even", "often", "he", "she", "they", "it"}
NEGATED = re.compile(r"\b(not|never|declined|refused|didn't|doesn't|won't|didn’t|doesn’t|won’t)\b", re.IGNORECASE)
STRATA = {
    "doubt": r"doubt|unclear|skeptic|sceptic|whether|not sure|uncertain|unlikely|don'?t know|remains to be "
             r"seen|not convinced|wonder|questionable|(do|does)n[’']?t think|hard to|not clear|can'?t say|"
             r"premature|too early|concern|worr|\bif\b|(may|might) not|not enough",
    "hopeful": r"confident|hope|optimis|together|unit(e|y)|progress|agree|deal|welcome|great|proud|praise|"
               r"positive|forward|opportunit|excited|thank|win|good|better|best|support|endorse|work "
               r"with|bipartisan|compromise|heal|bring",
    "hardline": r"liar|\blie|lying|never|must|fight|destroy|defeat|corrupt|disgrace|dangerous|unfit|crook|"
                r"lock|\bsue\b|\bban\b|wall|attack|fraud|terrible|disaster|racist|bigot|hate|stupid|loser|"
                r"weak|rigged|prison|jail|fail|incompeten|shame|evil|enemy|threat|demand|refuse|won'?t|"
                r"reject|idiot|pathetic|crazy|radical",
}


def cue_lemma(cue):
    for tok in re.findall(r"[a-z’']+", cue.lower()):
        if tok in SKIP:
            continue
        tok = IRREGULAR.get(tok, tok)
        for verb in SPEECH:
            forms = {verb, verb + "s", verb + "ed", verb + "d", verb + "ing", verb[:-1] + "ing",
                     verb + verb[-1] + "ed", verb + verb[-1] + "ing", verb[:-1] + "ied"}
            if tok in forms:
                return verb
        return None
    return None


def first_ann(split, name):
    d = os.path.join(ROOT, split, "attributions")
    hits = sorted(f for f in os.listdir(d)
                  if f == name + ".ann" or re.fullmatch(re.escape(name) + r"_[0-9a-f]{4}\.ann", f))
    return os.path.join(d, hits[0]) if hits else None


def read_ann(path):
    """A brat file: {T id: (type, spans, text)} and the attribution events as {role: T id}."""
    tb, events = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if line.startswith("T") and len(parts) >= 2:
                typ, spans = parts[1].split(" ", 1)
                tb[parts[0]] = (typ, ";".join(" ".join(p.split()) for p in spans.split(";")),
                                parts[2] if len(parts) > 2 else "")
            elif line.startswith("E") and len(parts) >= 2:
                events.append(dict(a.split(":", 1) for a in parts[1].split()))
    return tb, events


def candidates(name):
    """(content_spans, cue, content text) of every eligible attribution of one article."""
    path = first_ann("train", name)
    if path is None:
        return []
    tb, events = read_ann(path)
    out, seen = [], set()
    for ev in events:
        content, cue = tb.get(ev.get("Content")), tb.get(ev.get("Cue"))
        if not content or not cue or content[1] in seen:
            continue
        cue_text = " ".join(cue[2].split())
        if NEGATED.search(cue_text) or cue_lemma(cue_text) is None or len(content[2].split()) < 5:
            continue
        seen.add(content[1])
        out.append((content[1], cue_text, content[2]))
    return out


def draw(seed=20261201, taken=frozenset()):
    """At most 4 candidates an article, leaving out the (file, content_spans) already `taken`."""
    with open(os.path.join(HERE, "stance_dev.tsv"), encoding="utf-8") as f:
        dev_articles = {row["file"] for row in csv.DictReader(f, delimiter="\t")}
    names = sorted(n[:-4] for n in os.listdir(os.path.join(ROOT, "train", "text")) if n.endswith(".txt"))
    rng = random.Random(seed)
    pool = []
    for name in names:
        if name in dev_articles:
            continue
        items = [item for item in candidates(name) if (name, item[0]) not in taken]
        rng.shuffle(items)
        chosen = []
        for stratum in ("doubt", "hopeful", "hardline", None):
            for item in items:
                if item in chosen:
                    continue
                if stratum is None or re.search(STRATA[stratum], item[2], re.IGNORECASE):
                    chosen.append(item)
                    break
        for item in items:  # an article short of a stratum fills up from the rest
            if len(chosen) >= 4:
                break
            if item not in chosen:
                chosen.append(item)
        pool.extend((name, spans, cue) for spans, cue, _ in chosen[:4])
    rng.shuffle(pool)
    return pool


def paragraph_of(text, start, end):
    lo = text.rfind("\n\n", 0, start)
    hi = text.find("\n\n", end)
    return text[lo + 2 if lo >= 0 else 0: hi if hi >= 0 else len(text)].strip()


def write_batches(pool, outdir, n, first=0, number=1):
    """N batches of the pool from id `first` on, numbered from `number`."""
    os.makedirs(outdir, exist_ok=True)
    size = -(-(len(pool) - first) // n)
    for b in range(n):
        lo = first + b * size
        with open(os.path.join(outdir, f"batch_{b + number:02d}.tsv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, delimiter="\t", quoting=csv.QUOTE_MINIMAL)
            w.writerow(["id", "cue", "statement", "paragraph"])
            for i, (name, spans, cue) in enumerate(pool[lo:lo + size], start=lo):
                with open(os.path.join(ROOT, "train", "text", name + ".txt"), encoding="utf-8") as t:
                    text = t.read()
                parts = [tuple(map(int, p.split())) for p in spans.split(";")]
                statement = " … ".join(text[s:e] for s, e in parts)
                para = paragraph_of(text, parts[0][0], parts[-1][1])
                w.writerow([i, cue, " ".join(statement.split()), " ".join(para.split())])


ROUND_SEEDS = (20261201, 20261202, 20261203, 20261204, 20261205)


def drawn_pool():
    """Round 1, then each later round: up to 4 more of each article's remaining candidates,
    with its own seed, ids after the rounds before it (see the module docstring)."""
    pool = []
    for seed in ROUND_SEEDS:
        pool += draw(seed=seed, taken=frozenset((name, spans) for name, spans, _ in pool))
    return pool


def labelled_rows(out, by_id):
    """The rows `out` already holds, keyed by pool id, so a new round adds to them."""
    path = os.path.join(HERE, out)
    if not os.path.exists(path):
        return []
    id_of = {(file, spans): int(i) for i, (file, spans, _) in by_id.items()}
    with open(path, encoding="utf-8", newline="") as f:
        return [(id_of[(r["file"], r["content_spans"])], r["file"], r["content_spans"], r["cue"], r["label"],
                 r["note"], r["batch"]) for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE,
                                                                  escapechar="\\")]


def assemble(pool, labels_dir):
    by_id = {str(i): row for i, row in enumerate(pool)}
    outputs = (("stance_train.tsv", sorted(f for f in os.listdir(labels_dir) if re.fullmatch(r"labels_\d+\.tsv", f))),
               ("stance_agreement.tsv", [f for f in ["labels_agreement.tsv"] if os.path.exists(os.path.join(labels_dir, f))]))
    for out, files in outputs:
        if not files:
            continue
        rows = []
        for name in files:
            with open(os.path.join(labels_dir, name), encoding="utf-8", newline="") as f:
                for r in csv.DictReader(f, delimiter="\t"):
                    file, spans, cue = by_id[r["id"]]
                    rows.append((int(r["id"]), file, spans, cue, r["label"], " ".join(r["note"].split()),
                                 name[len("labels_"):-len(".tsv")]))
        if out == "stance_train.tsv":  # earlier rounds' rows stay unless a labels file relabels them
            relabelled = {r[0] for r in rows}
            rows += [r for r in labelled_rows(out, by_id) if r[0] not in relabelled]
        rows.sort()
        with open(os.path.join(HERE, out), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\")
            w.writerow(["file", "content_spans", "cue", "label", "note", "batch"])
            w.writerows(r[1:] for r in rows)
        print(f"{out}: {len(rows)} rows")


def main(argv):
    pool = drawn_pool()
    with open(os.path.join(HERE, "stance_train_pool.tsv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t")
        w.writerow(["id", "file", "content_spans", "cue"])
        for i, row in enumerate(pool):
            w.writerow([i, *row])
    print(f"pool: {len(pool)} statements from {len({p[0] for p in pool})} articles")
    if len(argv) in (3, 6) and argv[0] == "--batches":  # --batches DIR N [--from FIRST_ID FIRST_BATCH]
        first, number = (int(argv[4]), int(argv[5])) if len(argv) == 6 else (0, 1)
        write_batches(pool, argv[1], int(argv[2]), first, number)
    if len(argv) == 2 and argv[0] == "--assemble":
        assemble(pool, argv[1])


if __name__ == "__main__":
    main(sys.argv[1:])
