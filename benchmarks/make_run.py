"""`make run` on the seed: wall time, median of 3 runs, beside the bare cost of loading the
model and parsing the seed in a fresh process (the floor no report can go under).

    .venv/bin/python benchmarks/make_run.py [--runs 3]
"""
import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE = ("import newsvoices.nlp as n, pathlib; nlp = n.load_model(); "
        "nlp(pathlib.Path('seeds/000_378cb35899c8b263.txt').read_text(encoding='utf-8'))")


def timed(command, **kwargs) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, **kwargs)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        make = [timed(["make", "-s", "run", f"REPORTS={folder}/reports", f"FIGURES={folder}/figures"]) for _ in range(runs)]
    bare = [timed([sys.executable, "-c", BARE]) for _ in range(runs)]
    print(f"make run (seed): median {statistics.median(make):.1f} s of {runs} ({', '.join(f'{t:.1f}' for t in make)})")
    print(f"bare load model + parse seed: median {statistics.median(bare):.1f} s ({', '.join(f'{t:.1f}' for t in bare)})")


if __name__ == "__main__":
    main()
