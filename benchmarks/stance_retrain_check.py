"""Retrain the stance head from this checkout and compare it with the committed one.

    .venv/bin/python benchmarks/stance_retrain_check.py [--fast]

Trains into a temporary file (`python -m newsvoices.stance train --out ...`, about five minutes
on two cores) and prints the committed and the retrained cross-validation and dev figures and
the largest difference between their weights. Exit 1 if the dev figures differ.
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from newsvoices import lexicon
from newsvoices.stance.classifier import HEAD_FILES
from newsvoices.stance.train import train
from newsvoices.stance.training import FAST_VARIANT


def main() -> int:
    fast = "--fast" in sys.argv[1:]  # the `fast` method's head instead
    method = "fast" if fast else "classifier"
    committed = json.loads(lexicon.data_path(HEAD_FILES[method]).read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        retrained = train(Path(folder) / HEAD_FILES[method], log=lambda *_: None,
                          variant=FAST_VARIANT if fast else None, fast=fast)
    for name in ("cross_validation", "dev"):
        a, b = committed[name], retrained[name]
        print(f"{name:<17} committed {a['f1_4']:.4f} / {a['f1_3']:.4f} swaps {a['swaps']}   "
              f"retrained {b['f1_4']:.4f} / {b['f1_3']:.4f} swaps {b['swaps']}")
    gap = max(abs(x - y) for ra, rb in zip(committed["coef"], retrained["coef"]) for x, y in zip(ra, rb))
    print(f"largest weight difference {gap:.2e}; same variant and C: "
          f"{committed['variant'] == retrained['variant'] and committed['settings'] == retrained['settings']}")
    same = all(committed["dev"][k] == retrained["dev"][k] for k in ("f1_4", "f1_3", "swaps", "confusion"))
    print("dev figures reproduced" if same else "dev figures DIFFER")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
