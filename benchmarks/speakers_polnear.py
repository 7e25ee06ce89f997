"""Who said it, on real news: speaker and affiliation accuracy (issue 15's development set).

    .venv/bin/python benchmarks/speakers_polnear.py

`speakers_polnear.tsv`: PolNeAR train attributions with a speech-verb cue whose source is a
pronoun, a description or an organisation noun, each resolved by reading the article to a
canonical name (or "unnamed: ...") with the speaker's affiliation where the article gives it
(sampling: `speakers_sample.py`). Each is matched to a newsvoices statement by content overlap
(the rule of `newsvoices.evaluate`, t=0.3). A resolved speaker is right when it is the same
person (last name and one name's words within the other's), or when both sides say the source
is unnamed. An affiliation is right when one's words are within the other's, when one is the
other's acronym ("F.B.I." and "Federal Bureau of Investigation"), or when both name one country
("U.S. government" and "United States", "French government" and "France"). The made-up sets
(`styles/`, `heldout/`, `blind/`) are scored for affiliation the same way.

The articles are split in two halves by a hash of the file name: rules are developed on
`tune` and `check` is looked at only to report, so a rule that fits the tune half's articles
shows as a gap between the two.
"""
from __future__ import annotations

import csv
import hashlib
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

import pandas as pd

import newsvoices
from newsvoices import lexicon
from newsvoices.corpus_tables import affiliations_across_articles
from newsvoices.entities.acronyms import initials
from newsvoices.evaluate import GoldStatement, _name_tokens, match, read_gold_json, same_person
from newsvoices.nlp import load_model

HERE = Path(__file__).resolve().parent
GENERIC = {"party", "campaign", "the", "of", "u", "s", "us"}
GOVERNMENT = {"government", "administration"}  # "U.S. government" is the United States speaking


def country_meant(text: str) -> str:
    """"U.S. government", "the French government", "America" -> the country (data/nationalities.csv)."""
    words = [w for w in text.split() if w.lower() != "the"]
    table = lexicon.nationalities()
    for n in range(len(words), 0, -1):
        country = table.get(" ".join(words[:n]).lower())
        if country and all(w.lower() in GOVERNMENT for w in words[n:]):
            return country[0]
    return text


def acronym_of(short: str, name: str) -> bool:
    """"F.B.I." for "Federal Bureau of Investigation"."""
    letters = short.replace(".", "").strip()
    return 2 <= len(letters) <= 6 and letters.isupper() and letters == initials(name)


def same_affiliation(a: str | None, b: str | None) -> bool:
    a, b = (x if isinstance(x, str) else None for x in (a, b))  # an empty table cell is NaN
    if not a or not b:
        return False
    if acronym_of(a, b) or acronym_of(b, a):
        return True
    a, b = country_meant(a), country_meant(b)
    ta, tb = set(_name_tokens(a)) - GENERIC, set(_name_tokens(b)) - GENERIC
    return bool(ta and tb) and (ta <= tb or tb <= ta)


def spans(text: str) -> list[tuple[int, int]]:
    return [tuple(int(x) for x in part.split()) for part in text.split(";")]


def speaker_right(gold: dict, predicted: dict) -> bool:
    if gold["speaker"].startswith("unnamed"):
        return bool(predicted.get("anonymous"))
    speaker = predicted.get("speaker")
    return same_person(gold["speaker"], speaker if isinstance(speaker, str) else None)


def tally(rows: list[tuple[dict, dict | None]], affiliation_only: bool = False) -> None:
    by_kind = defaultdict(lambda: [0, 0, 0])  # gold, matched, right
    affiliation = [0, 0, 0]  # gold with one, matched, right
    for gold, predicted in rows:
        counts = by_kind[gold["mention_kind"]]
        counts[0] += 1
        if predicted is not None:
            counts[1] += 1
            counts[2] += speaker_right(gold, predicted)
        if gold["affiliation"]:
            affiliation[0] += 1
            if predicted is not None:
                affiliation[1] += 1
                affiliation[2] += same_affiliation(gold["affiliation"], predicted.get("affiliation"))
    g, m, r = affiliation
    if affiliation_only:
        print(f"affiliation: {g} statements with one, {m} found, right for {r} ({r / m if m else 0:.3f})")
        return
    print(f"{'mention':<14}{'gold':>6}{'found':>7}{'speaker right':>15}")
    for kind in ("pronoun", "description", "organisation", "name"):
        g, m, r = by_kind[kind]
        print(f"{kind:<14}{g:>6}{m:>7}{r:>9} ({r / m if m else 0:.3f})")
    g, m, r = (sum(v[i] for v in by_kind.values()) for i in range(3))
    print(f"{'all':<14}{g:>6}{m:>7}{r:>9} ({r / m if m else 0:.3f})")
    g, m, r = affiliation
    print(f"affiliation: {g} statements with one, {m} found, right for {r} ({r / m if m else 0:.3f})")


def half(name: str) -> str:
    """`tune` or `check`, fixed by the file name."""
    return "check" if hashlib.md5(name.encode("utf-8")).digest()[0] % 2 else "tune"


def polnear(nlp) -> None:
    root = Path(os.environ.get("NEWSVOICES_POLNEAR", HERE.parent.parent / "shared" / "data" / "polnear"))
    rows = list(csv.DictReader((HERE / "speakers_polnear.tsv").open(encoding="utf-8"), delimiter="\t"))
    by_file = defaultdict(list)
    for row in rows:
        by_file[row["file"]].append(row)
    scored, matched, tables = [], [], []
    for name, items in sorted(by_file.items()):
        analysis = newsvoices.analyze(path=root / "train" / "text" / f"{name}.txt", nlp=nlp)
        predicted = analysis.statements.to_dict("records")
        gold = [GoldStatement(spans(i["content_spans"])) for i in items]
        found = dict(match(gold, predicted, 0.3))
        scored += [(item, predicted[found[g]] if g in found else None) for g, item in enumerate(items)]
        matched.append((name, items, found))
        tables.append(analysis.statements.assign(article=name))
    print(f"PolNeAR train, {len(rows)} attributions from {len(by_file)} articles (speakers_polnear.tsv)")
    tally(scored)
    # the same articles read as one corpus (`newsvoices.analyze_corpus`): an affiliation one article
    # leaves out is taken from the others (`corpus_tables.affiliations_across_articles`)
    filled = affiliations_across_articles(pd.concat(tables, ignore_index=True))
    corpus_scored = []
    parts = {name: part.to_dict("records") for name, part in filled.groupby("article")}
    for name, items, found in matched:
        predicted = parts.get(name, [])
        corpus_scored += [(item, predicted[found[g]] if g in found else None) for g, item in enumerate(items)]
    print("\nthe same articles read as one corpus (affiliations filled across articles):")
    tally(corpus_scored, affiliation_only=True)
    for part in ("tune", "check"):
        chosen = [(g, p) for g, p in scored if half(g["file"]) == part]
        print(f"\n{part} half: {len({g['file'] for g, _ in chosen})} articles")
        tally(chosen)


def made_up(nlp) -> None:
    right = found = total = 0
    for folder in ("styles", "heldout", "blind"):
        for gold_file in sorted((HERE / folder).glob("*.gold.json")):
            article = gold_file.with_name(gold_file.name.replace(".gold.json", ".txt"))
            text = article.read_text(encoding="utf-8")
            statements = json.loads(gold_file.read_text(encoding="utf-8"))["statements"]
            gold = read_gold_json(gold_file, text)
            predicted = newsvoices.analyze(path=article, nlp=nlp).statements.to_dict("records")
            for g, p in match(gold, predicted, 0.3):
                if statements[g].get("affiliation"):
                    found += 1
                    right += same_affiliation(statements[g]["affiliation"], predicted[p].get("affiliation"))
            total += sum(1 for s in statements if s.get("affiliation"))
    print(f"\nMade-up sets: {total} statements whose speaker has an affiliation, {found} found, "
          f"affiliation right for {right} ({right / found if found else 0:.3f})")


def main() -> int:
    nlp = load_model()
    polnear(nlp)
    made_up(nlp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
