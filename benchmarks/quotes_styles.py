"""Quote extraction on made-up articles in eight outlet styles (wire, British broadsheet with
‘single’ quotes, local news, business, magazine feature, sports, diplomacy, science with
straight quotes), each with a reference reading in the seed's format. The articles were
written and annotated by a separate session that never ran newsvoices, as a check beyond
PolNeAR on the kind of article the tool is meant for. `--folder benchmarks/heldout` and
`--folder benchmarks/blind` score the second and third such sets.

    .venv/bin/python benchmarks/quotes_styles.py [--errors]

Prints precision, recall and F1 at t=0.3 and t=0.8, speaker accuracy, and kind and stance
agreement on matched statements, per article and overall.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsvoices import evaluate
from newsvoices.nlp import load_model
from newsvoices.pipeline import analyze

HERE = Path(__file__).resolve().parent
STYLES = HERE / "styles"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="print unmatched and mis-attributed statements")
    parser.add_argument("--folder", default=str(STYLES),
                        help="articles with .gold.json readings (default: benchmarks/styles; also benchmarks/heldout)")
    args = parser.parse_args(argv)
    folder = Path(args.folder)
    nlp = load_model()
    totals = {0.3: evaluate.Score(0, 0, 0, 0), 0.8: evaluate.Score(0, 0, 0, 0)}
    kinds = stances = matched = 0
    print(f"{'article':16s} {'gold':>4s} {'pred':>4s}  F1@0.3  F1@0.8  speakers")
    for gold_file in sorted(folder.glob("*.gold.json")):
        name = gold_file.name.removesuffix(".gold.json")
        analysis = analyze(folder / f"{name}.txt", nlp=nlp)
        gold = evaluate.read_gold_json(gold_file, analysis.article.text)
        predicted = analysis.statements.to_dict("records")
        scores = {t: evaluate.score(gold, predicted, t) for t in totals}
        for t, s in scores.items():
            totals[t] = totals[t] + s
        pairs = evaluate.match(gold, predicted, 0.3)
        kinds += sum(gold[g].kind == predicted[p]["kind"] for g, p in pairs)
        stances += sum(gold[g].stance == predicted[p]["stance"] for g, p in pairs)
        matched += len(pairs)
        s3 = scores[0.3]
        print(f"{name:16s} {s3.gold:4d} {s3.predicted:4d}  {s3.f1:6.3f}  {scores[0.8].f1:6.3f}  {s3.speaker_correct}/{s3.matched}")
        if args.errors:
            hit_g = {g for g, _ in pairs}
            hit_p = {p for _, p in pairs}
            text = analysis.article.text
            for g, statement in enumerate(gold):
                if g not in hit_g:
                    print(f"   MISS {statement.speaker} | {statement.cue} | {text[statement.spans[0][0]:statement.spans[0][1]][:110]}")
            for p, prediction in enumerate(predicted):
                if p not in hit_p:
                    print(f"   FP   {prediction['speaker']} | {prediction['cue']} | {prediction['content'][:110]}")
            for g, p in pairs:
                if not evaluate.speaker_right(gold[g].speaker, predicted[p]):
                    print(f"   SPKR gold {gold[g].speaker} | ours {predicted[p]['mention']} -> {predicted[p]['speaker']}")
    for t, s in totals.items():
        print(f"all {folder.name}, t={t}: P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}, speakers {s.speaker_correct}/{s.matched} ({s.speaker_accuracy:.3f})")
    if matched:
        print(f"on matched statements (t=0.3): kind agrees {kinds}/{matched}, stance agrees {stances}/{matched}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
