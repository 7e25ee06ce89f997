"""Quote extraction accuracy on PolNeAR dev (and the seed reference), printed as a table.

    .venv/bin/python benchmarks/quotes_polnear.py [--split dev] [--limit N] [--errors FILE]

PolNeAR annotates every attribution, beliefs and non-verbal cues included; figures are given
on all attributions and on those whose cue is a speech verb (a cue token whose lemma is in
data/speech_verbs.txt). In the speech-cue figures, a prediction that matches a non-speech
attribution is set aside (neither right nor wrong). Source accuracy compares the mention we
name with the annotated source mention (same last token, one a subset of the other).
If benchmarks/results/textacy_polnear_dev.json exists (benchmarks/textacy_baseline.sh),
textacy's direct_quotations is scored on the same data.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from newsvoices import evaluate
from newsvoices.article import load_article
from newsvoices.entities import find_entities
from newsvoices.lexicon import speech_verbs
from newsvoices.nlp import load_model
from newsvoices.pipeline import attributed_statements

HERE = Path(__file__).resolve().parent


def speech_flags(doc, gold):
    flags = []
    for statement in gold:
        flag = False
        for a, b in statement.cue_spans:
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is not None and any(t.lemma_.lower() in speech_verbs() for t in span):
                flag = True
        flags.append(flag)
    return flags


def seed_figures(nlp) -> str:
    """The seed article against its reference reading, at both thresholds."""
    from newsvoices.pipeline import analyze

    seed = HERE.parent / "seeds" / "000_378cb35899c8b263.txt"
    gold_file = HERE.parent.parent / "shared" / "gold" / "000_378cb35899c8b263.gold.json"
    if not gold_file.exists():
        return "seed reference not found"
    analysis = analyze(seed, nlp=nlp)
    gold = evaluate.read_gold_json(gold_file, analysis.article.text)
    predicted = analysis.statements.to_dict("records")
    parts = []
    for t in (0.3, 0.8):
        s = evaluate.score(gold, predicted, t)
        parts.append(f"t={t}: P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}, speakers {s.speaker_correct}/{s.matched}")
    return "; ".join(parts)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--errors", help="write unmatched gold and predictions (speech cues, t=0.3) to this file")
    args = parser.parse_args(argv)
    root = Path(os.environ.get("NEWSVOICES_POLNEAR", HERE.parent.parent / "shared" / "data" / "polnear"))
    if not root.exists():
        print(f"PolNeAR not found at {root}; set NEWSVOICES_POLNEAR", file=sys.stderr)
        return 2
    nlp = load_model()
    articles = list(evaluate.polnear_articles(root, args.split))[: args.limit]
    loaded = [load_article(path) for _, path, _ in articles]
    started = time.perf_counter()
    docs = list(nlp.pipe((a.text for a in loaded), batch_size=16))
    textacy_file = HERE / "results" / f"textacy_polnear_{args.split}.json"
    textacy = json.loads(textacy_file.read_text())["predictions"] if textacy_file.exists() else None
    totals = {}
    errors = []
    for (name, _, ann), article, doc in zip(articles, loaded, docs):
        gold = evaluate.read_brat(ann)
        flags = speech_flags(doc, gold)
        index = find_entities(doc, article.paragraph_at)
        predicted = [vars(s) | {"speaker_mention": s.mention} for s in attributed_statements(doc, article, index)]
        systems = {"newsvoices": predicted}
        if textacy is not None:
            systems["textacy"] = textacy.get(name, [])
        for system, preds in systems.items():
            field = "speaker_mention" if system == "newsvoices" else "speaker"
            for t in (0.3, 0.8):
                for subset, keep in (("all", [True] * len(gold)), ("speech", flags)):
                    key = (system, subset, t)
                    s = evaluate.score_subset(gold, keep, preds, t, field)
                    totals[key] = totals.get(key, evaluate.Score(0, 0, 0, 0)) + s
        if args.errors:
            inside = [g for g, k in zip(gold, flags) if k]
            pairs = evaluate.match(inside, predicted, 0.3)
            hit_g = {g for g, _ in pairs}
            hit_p = {p for _, p in pairs}
            outside = [g for g, k in zip(gold, flags) if not k]
            aside = {p for _, p in evaluate.match(outside, predicted, 0.3)}
            for g, statement in enumerate(inside):
                if g not in hit_g:
                    best = max((evaluate.coverage(statement, q["content_start"], q["content_end"]) for q in predicted), default=0.0)
                    errors.append(f"MISS {name} | covered {best:.2f} | {statement.speaker} | {statement.cue} | {' … '.join(article.text[a:b] for a, b in statement.spans)[:300]}")
            for p, prediction in enumerate(predicted):
                if p not in hit_p and p not in aside:
                    errors.append(f"FP   {name} | {prediction['mention']} | {prediction['cue']} | {prediction['content'][:300]}")
            for g, p in pairs:
                if not evaluate.same_person(inside[g].speaker, predicted[p]["mention"]):
                    errors.append(f"SPKR {name} | gold {inside[g].speaker} | ours {predicted[p]['mention']} -> {predicted[p]['speaker']}")
    elapsed = time.perf_counter() - started
    print(f"Seed reference: {seed_figures(nlp)}")
    print(f"PolNeAR {args.split}: {len(articles)} articles, parsed and extracted in {elapsed:.1f}s")
    print(f"{'system':<11} {'subset':<7} {'t':>4} {'gold':>5} {'pred':>5} {'match':>5} {'P':>6} {'R':>6} {'F1':>6} {'source acc':>10}")
    for (system, subset, t), s in sorted(totals.items(), key=lambda kv: (kv[0][0] != "newsvoices", kv[0][1] != "speech", kv[0][2])):
        print(f"{system:<11} {subset:<7} {t:>4} {s.gold:>5} {s.predicted:>5} {s.matched:>5} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f} {s.speaker_accuracy:>10.3f}")
    if args.errors:
        Path(args.errors).write_text("\n".join(errors) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
