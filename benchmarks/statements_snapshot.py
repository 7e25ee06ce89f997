"""Every statement of the seed and of PolNeAR dev as JSON, one file per article, to show that a
change moved nothing, or exactly what it moved (issue 14's before/after check).

    .venv/bin/python benchmarks/statements_snapshot.py OUTDIR            # this checkout's newsvoices
    .venv/bin/python benchmarks/statements_snapshot.py --diff OLD NEW    # what differs, per article

Run it against an older revision with that revision's package first on the path, for example
`git worktree add /tmp/old REV && PYTHONPATH=/tmp/old/lib .venv/bin/python benchmarks/statements_snapshot.py
/tmp/snap-old`. Stance is the lexicon's (fast, and not what a refactor of the statement steps
should move); the fields kept are the statement's span, kind, cue, mention and speaker.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIELDS = ("content_start", "content_end", "kind", "cue", "mention", "speaker", "anonymous", "affiliation")


def articles() -> list[Path]:
    polnear = Path(os.environ.get("NEWSVOICES_POLNEAR", HERE.parent.parent / "shared" / "data" / "polnear"))
    return [HERE.parent / "seeds" / "000_378cb35899c8b263.txt", *sorted((polnear / "dev" / "text").glob("*.txt"))]


def snapshot(folder: Path) -> None:
    os.environ["NEWSVOICES_STANCE"] = "lexicon"
    import newsvoices
    from newsvoices.nlp import load_model

    nlp = load_model()
    folder.mkdir(parents=True, exist_ok=True)
    for path in articles():
        table = newsvoices.analyze(path=path, nlp=nlp).statements
        table = table[[f for f in FIELDS if f in table]].astype(object)
        rows = table.where(table.notna(), None).to_dict("records")
        (folder / f"{path.stem}.json").write_text(json.dumps(rows, indent=1, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    print(f"{len(articles())} articles written to {folder} by {Path(newsvoices.__file__).parent}")


def diff(old: Path, new: Path) -> None:
    changed = 0
    for before_file in sorted(old.glob("*.json")):
        before = json.loads(before_file.read_text(encoding="utf-8"))
        after = json.loads((new / before_file.name).read_text(encoding="utf-8"))
        if before == after:
            continue
        changed += 1
        gone = [s for s in before if s not in after]
        came = [s for s in after if s not in before]
        print(f"\n{before_file.stem}: {len(before)} -> {len(after)} statements")
        for s in gone:
            print(f"  - {s}")
        for s in came:
            print(f"  + {s}")
    print(f"\n{changed} of {len(list(old.glob('*.json')))} articles differ")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--diff", action="store_true", help="compare two snapshot folders")
    args = parser.parse_args()
    if args.diff:
        diff(*args.folders[:2])
    else:
        snapshot(args.folders[0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
