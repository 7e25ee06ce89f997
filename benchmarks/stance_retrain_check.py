"""Retrain the stance head from this checkout and compare it with the committed one.

    .venv/bin/python benchmarks/stance_retrain_check.py

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
from newsvoices.stance.train import train


def main() -> int:
    committed = json.loads(lexicon.data_path("stance_head.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        retrained = train(Path(folder) / "stance_head.json", log=lambda *_: None)
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
