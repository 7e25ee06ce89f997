"""A very long article (5 MB, longer than spaCy's max_length): time, peak memory, exact offsets.

    .venv/bin/python benchmarks/long_text.py [--megabytes 5]

The text is the seed article repeated; it is parsed in chunks cut at paragraph boundaries
(newsvoices.nlp.chunk_bounds) and analysed as one article. Prints wall time, peak RSS and
whether every token and statement offset still indexes the text exactly.
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--megabytes", type=float, default=5.0)
    args = parser.parse_args()
    os.environ["NEWSVOICES_CACHE"] = "off"
    import newsvoices
    from newsvoices.nlp import load_model

    seed = (HERE.parent / "seeds" / "000_378cb35899c8b263.txt").read_text(encoding="utf-8")
    copies = int(args.megabytes * 1_000_000 / len(seed.encode("utf-8"))) + 1
    text = "\n\n".join([seed.strip()] * copies) + "\n"
    nlp = load_model()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    analysis = newsvoices.analyze(text, nlp=nlp)
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    tokens_ok = all(text[r.start_char:r.end_char] == r.text for r in analysis.tokens.itertuples())
    statements_ok = all(text[r.content_start:r.content_end] == r.content for r in analysis.statements.itertuples())
    print(f"{len(text.encode('utf-8')) / 1e6:.1f} MB ({copies} copies of the seed, max_length {nlp.max_length:,}): "
          f"{len(analysis.tokens):,} tokens, {len(analysis.statements):,} statements "
          f"({len(analysis.statements) / copies:.1f} per copy) in {elapsed:.0f} s")
    print(f"peak RSS {peak:,.0f} MB (after loading the model: {rss_before:,.0f} MB); "
          f"token offsets exact: {tokens_ok}; statement offsets exact: {statements_ok}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
