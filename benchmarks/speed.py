"""Corpus speed and memory, measured in one run on the same texts (PolNeAR dev, 84 articles,
and a 10x repetition of it, 840 articles).

    .venv/bin/python benchmarks/speed.py [--quick]

Each measurement runs in a fresh Python process (so peak RSS is its own; libraries are
imported before the clock starts) with the parse cache off unless the measurement is about the cache:

- full analysis time / bare `nlp.pipe` time on the 84 articles (target <= 1.5), and the cost of the
  stance classifier per article (the same run with `NEWSVOICES_STANCE=lexicon`), and of the
  `fast` head (`NEWSVOICES_STANCE=fast`);
- `n_process=2` / `n_process=1` speed-up on the 84 articles (target >= 1.6 on 2 cores);
- second run with a warm parse cache / first run (target <= 0.2);
- peak RSS for 84 and for 840 articles (target: within 10% of each other).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent

WORKER = textwrap.dedent('''
    import json, os, resource, sys, time
    from pathlib import Path
    mode, repeat, n_process = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    root = Path(os.environ["POLNEAR"])
    paths = sorted((root / "dev" / "text").glob("*.txt")) * repeat
    from newsvoices.nlp import load_model
    nlp = load_model()
    texts = [p.read_text(encoding="utf-8") for p in paths]
    import newsvoices.pipeline, textblob, vaderSentiment.vaderSentiment  # one-time imports, outside the timing
    if os.environ.get("NEWSVOICES_STANCE") != "lexicon":  # the encoder and head load once, outside the timing too
        from newsvoices.stance import classifier
        classifier.warm_up(os.environ["NEWSVOICES_STANCE"])
    started = time.perf_counter()
    marks = []
    if mode == "pipe":
        for doc in nlp.pipe(texts, batch_size=16, n_process=n_process):
            pass
    elif mode == "stream":  # peak RSS after every 84 articles, to see whether memory levels off
        from newsvoices.corpus import article_summary, stream_corpus
        kept = []
        for k, result in enumerate(stream_corpus(paths, nlp=nlp, progress=False), 1):
            kept.append(article_summary(result))
            if k % 84 == 0:
                marks.append(round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
    else:
        from newsvoices.corpus import analyze_corpus
        result = analyze_corpus(paths, nlp=nlp, n_process=n_process, progress=False)
        assert len(result.articles) == len(paths)
    elapsed = time.perf_counter() - started
    print(json.dumps({"seconds": elapsed, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "marks": marks}))
''')


def measure(mode: str, repeat: int = 1, n_process: int = 1, cache: str = "off", cache_dir: str | None = None,
            stance: str = "classifier") -> dict:
    env = dict(os.environ, NEWSVOICES_CACHE=cache, POLNEAR=str(polnear_root()), NEWSVOICES_STANCE=stance)
    if cache_dir:
        env["NEWSVOICES_CACHE_DIR"] = cache_dir
    out = subprocess.run([sys.executable, "-c", WORKER, mode, str(repeat), str(n_process)], env=env,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def polnear_root() -> Path:
    return Path(os.environ.get("NEWSVOICES_POLNEAR", HERE.parent.parent / "shared" / "data" / "polnear"))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="skip the 840-article run")
    args = parser.parse_args()
    if not (polnear_root() / "dev" / "text").is_dir():
        print(f"PolNeAR not found at {polnear_root()}", file=sys.stderr)
        return 2
    print(f"PolNeAR dev, 84 articles; {os.cpu_count()} cores")
    pipe = measure("pipe")
    full = measure("full")
    print(f"bare nlp.pipe            {pipe['seconds']:7.1f} s")
    print(f"full analysis            {full['seconds']:7.1f} s   ratio {full['seconds'] / pipe['seconds']:.2f} (target <= 1.5)")
    lexicon = measure("full", stance="lexicon")
    print(f"full analysis, lexicon   {lexicon['seconds']:7.1f} s   ratio {lexicon['seconds'] / pipe['seconds']:.2f}; "
          f"the stance classifier costs {1000 * (full['seconds'] - lexicon['seconds']) / 84:.0f} ms an article")
    fast = measure("full", stance="fast")
    print(f"full analysis, fast      {fast['seconds']:7.1f} s   ratio {fast['seconds'] / pipe['seconds']:.2f}; "
          f"its head (MiniLM alone) costs {1000 * (fast['seconds'] - lexicon['seconds']) / 84:.0f} ms an article")
    two = measure("full", n_process=2)
    print(f"full analysis, 2 procs   {two['seconds']:7.1f} s   speed-up {full['seconds'] / two['seconds']:.2f} (target >= 1.6)")
    with tempfile.TemporaryDirectory() as cache_dir:
        cold = measure("full", cache="on", cache_dir=cache_dir)
        warm = measure("full", cache="on", cache_dir=cache_dir)
    print(f"cache: first run         {cold['seconds']:7.1f} s")
    print(f"cache: second run        {warm['seconds']:7.1f} s   ratio {warm['seconds'] / cold['seconds']:.2f} (target <= 0.2)")
    if not args.quick:
        big = measure("full", repeat=10)
        print(f"peak RSS, 84 articles    {full['rss_mb']:7.0f} MB")
        print(f"peak RSS, 840 articles   {big['rss_mb']:7.0f} MB   ratio {big['rss_mb'] / full['rss_mb']:.2f} (target <= 1.10); "
              f"840 articles in {big['seconds']:.0f} s")
        pipe_big = measure("pipe", repeat=10)
        print(f"bare nlp.pipe peak RSS   {pipe['rss_mb']:7.0f} MB (84) -> {pipe_big['rss_mb']:.0f} MB (840), "
              f"ratio {pipe_big['rss_mb'] / pipe['rss_mb']:.2f}: spaCy's batches of 16 texts, for comparison "
              "(newsvoices also bounds a batch by characters)")
        stream = measure("stream", repeat=10)
        print("peak RSS after each 84 articles of the 840 (MB): " + ", ".join(str(m) for m in stream["marks"]))
        later = stream["marks"][len(stream["marks"]) // 2:]
        print(f"  second half of the run: {min(later)}-{max(later)} MB, growth {max(later) / min(later) - 1:.1%} "
              "(what remains is the per-article records the run keeps)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
