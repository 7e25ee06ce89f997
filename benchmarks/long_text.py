"""Very long articles: time and peak memory at 1, 5 and 20 MB, with and without paragraphs.

    .venv/bin/python benchmarks/long_text.py [--megabytes 1 5 20] [--layouts paragraphs one-line]

The text is the seed article repeated: with paragraphs (copies joined by blank lines) or as
one line (every run of white space made a single space, so there is no line break at all).
Each size and layout runs in a fresh process, so each peak RSS is its own. Prints wall time,
CPU time (less disturbed by other work on the machine) and CPU time per MB, peak RSS, statements per copy (16 in the seed) and whether every token, entity
and statement offset still indexes the text exactly.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def long_text(megabytes: float, layout: str) -> tuple[str, int]:
    seed = (HERE.parent / "seeds" / "000_378cb35899c8b263.txt").read_text(encoding="utf-8").strip()
    if layout == "one-line":
        seed = " ".join(seed.split())
    copies = int(megabytes * 1_000_000 / len(seed.encode("utf-8"))) + 1
    joiner = "\n\n" if layout == "paragraphs" else " "
    return joiner.join([seed] * copies), copies


def measure(megabytes: float, layout: str) -> dict:
    """One run in this process (called in a fresh one by `main`)."""
    os.environ["NEWSVOICES_CACHE"] = "off"
    import newsvoices
    from newsvoices.nlp import load_model

    text, copies = long_text(megabytes, layout)
    nlp = load_model()
    rss_model = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started, cpu_started = time.perf_counter(), time.process_time()
    analysis = newsvoices.analyze(text=text, nlp=nlp, max_chars=max(len(text), 1))
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    tokens_ok = all(text[t.idx:t.idx + len(t.text)] == t.text for t in analysis.doc)
    entities_ok = all(text[r.start_char:r.end_char] == r.text for r in analysis.entities.itertuples())
    statements_ok = all(text[r.content_start:r.content_end] == r.content for r in analysis.statements.itertuples())
    return {"megabytes": len(text.encode("utf-8")) / 1e6, "layout": layout, "copies": copies, "tokens": len(analysis.doc),
            "statements": len(analysis.statements), "seconds": elapsed, "cpu_seconds": cpu, "peak_mb": peak, "model_mb": rss_model,
            "offsets_exact": tokens_ok and entities_ok and statements_ok}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=float, nargs="+", default=[1, 5, 20])
    parser.add_argument("--layouts", nargs="+", default=["paragraphs", "one-line"], choices=["paragraphs", "one-line"])
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # a single run, JSON on stdout
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.megabytes[0], args.layouts[0])))
        return 0
    print("| layout | MB | tokens | statements per copy | wall time | CPU time | CPU s per MB | peak RSS | offsets exact |")
    print("|---|---|---|---|---|---|---|---|---|")
    for layout in args.layouts:
        for megabytes in args.megabytes:
            run = subprocess.run([sys.executable, __file__, "--one", "--megabytes", str(megabytes), "--layouts", layout],
                                 capture_output=True, text=True, check=False)
            if run.returncode != 0:
                print(f"| {layout} | {megabytes} | failed: {run.stderr.strip().splitlines()[-1:]} |")
                continue
            r = json.loads(run.stdout.strip().splitlines()[-1])
            print(f"| {layout} | {r['megabytes']:.1f} | {r['tokens']:,} | {r['statements'] / r['copies']:.2f} | "
                  f"{r['seconds']:.0f} s | {r.get('cpu_seconds', float('nan')):.0f} s | "
                  f"{r.get('cpu_seconds', float('nan')) / r['megabytes']:.1f} | {r['peak_mb']:,.0f} MB | {r['offsets_exact']} |",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
