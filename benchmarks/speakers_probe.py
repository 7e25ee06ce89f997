"""Who said it, on made-up Canadian news: speaker and affiliation by expectation line.

    .venv/bin/python benchmarks/speakers_probe.py benchmarks/canada1 benchmarks/canada2

Each folder holds articles `NN.txt` written by helper sessions in the style of Canadian online
news (wire copy, provincial politics, courts, sport, local stories), and beside each an
`NN.exp` its writer wrote before any run: one line per attributed statement of the body,
`snippet|speaker|affiliation`, where the snippet is a few words of what was said. A statement
is found when a newsvoices statement's content holds the snippet. Its speaker is right when it is
the same person (`evaluate.same_person`) or organisation (`same_affiliation`, acronyms too),
or, for an "unnamed: ..." speaker, when newsvoices marks it anonymous; its affiliation is right
when both are empty or `same_affiliation` holds.

`canada1/` (64 articles, 362 statements) and `canada2/` (48 articles, 400 statements, written to
be hard: descriptions, pronouns near people of one gender, first mentions without a speech
verb) were development sets: rules were written looking at their failures. `canada3/` was
written after them and only measured.
"""
from __future__ import annotations

import sys
from pathlib import Path

import newsvoices
from newsvoices.evaluate import same_person
from newsvoices.nlp import load_model

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speakers_polnear import same_affiliation


def expectations(path: Path) -> list[tuple[str, str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            snippet, speaker, affiliation = line.split("|")
            rows.append((snippet, speaker.strip(), affiliation.strip()))
    return rows


def speaker_right(expected: str, row) -> bool:
    speaker = row["speaker"] if isinstance(row["speaker"], str) else None
    if expected.startswith("unnamed"):
        return bool(row["anonymous"])
    return same_person(expected, speaker) or same_affiliation(expected, speaker)


def affiliation_right(expected: str, row) -> bool:
    found = row["affiliation"] if isinstance(row["affiliation"], str) else None
    return same_affiliation(expected, found) if expected else not found


def score_folder(folder: Path, nlp) -> tuple[int, int, int, int]:
    total = found = right = affiliated = 0
    for text_path in sorted(folder.glob("*.txt")):
        table = newsvoices.analyze(path=text_path, nlp=nlp).statements
        for snippet, speaker, affiliation in expectations(text_path.with_suffix(".exp")):
            total += 1
            hits = table[table["content"].str.contains(snippet, regex=False, na=False)]
            if hits.empty:
                continue
            row = hits.iloc[0]
            found += 1
            right += speaker_right(speaker, row)
            affiliated += affiliation_right(affiliation, row)
    return total, found, right, affiliated


def main(folders: list[str]) -> None:
    nlp = load_model()
    print(f"{'set':10} {'statements':>10} {'found':>6} {'speaker right':>16} {'affiliation right':>18}")
    for name in folders:
        total, found, right, affiliated = score_folder(Path(name), nlp)
        print(f"{Path(name).name:10} {total:10} {found:6} {right:7} ({right / max(1, found):.3f}) "
              f"{affiliated:8} ({affiliated / max(1, found):.3f})")


if __name__ == "__main__":
    main(sys.argv[1:] or [str(Path(__file__).resolve().parent / name) for name in ("canada1", "canada2", "canada3")
                          if (Path(__file__).resolve().parent / name).is_dir()])
