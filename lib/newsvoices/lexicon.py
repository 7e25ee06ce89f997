"""Loading of the data files in `newsvoices/data/` (rules and tables as data, not code)."""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources


# How news marks an unnamed source: "who asked not to be identified", "on condition of anonymity".
ANONYMITY_WORDS = re.compile(r"\b(?:not (?:to be |being )?(?:identified|named)|anonymity|anonymously|unnamed|"
                             r"declined to be (?:identified|named)|not authori[sz]ed)\b", re.I)


def data_path(name: str):
    return resources.files("newsvoices").joinpath("data", name)


def read_lines(name: str) -> list[str]:
    """A word list: one entry per line; `#` starts a comment; blank lines are ignored."""
    text = data_path(name).read_text(encoding="utf-8")
    entries = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            entries.append(line)
    return entries


def read_table(name: str) -> list[dict[str, str]]:
    with data_path(name).open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(line for line in handle if not line.startswith("#"))]


@lru_cache(maxsize=None)
def nationalities() -> dict[str, tuple[str, str]]:
    """Lower-cased surface form -> (country, kind) for country names, adjectives and peoples."""
    table = {}
    for row in read_table("nationalities.csv"):
        table.setdefault(row["form"].strip().lower(), (row["country"].strip(), row["kind"].strip()))
    return table


@lru_cache(maxsize=None)
def titles() -> dict[str, frozenset[str]]:
    """Lower-cased title or role noun -> its kinds (honorific, title, role); a word such as
    "minister" is both a title ("Minister Ana Ruiz") and a role ("the minister said")."""
    table: dict[str, set[str]] = {}
    for row in read_table("titles.csv"):
        table.setdefault(row["title"].strip().lower(), set()).add(row["kind"].strip())
    return {form: frozenset(kinds) for form, kinds in table.items()}


@lru_cache(maxsize=None)
def role_nouns() -> frozenset[str]:
    return frozenset(t for t, kinds in titles().items() if "role" in kinds and " " not in t)


@lru_cache(maxsize=None)
def person_titles() -> frozenset[str]:
    return frozenset(t for t, kinds in titles().items() if kinds & {"title", "honorific"})


@lru_cache(maxsize=None)
def gendered_words() -> dict[str, str]:
    """Lower-cased honorific, title or role noun -> "m" or "f" ("Mrs.", "spokeswoman")."""
    return {row["word"].strip().lower(): row["gender"].strip() for row in read_table("gendered_words.csv")}


@lru_cache(maxsize=None)
def organisation_nouns() -> frozenset[str]:
    return frozenset(read_lines("organisation_nouns.txt"))


def generic_name_words() -> frozenset[str]:
    """"New", "National", "First": words that open organisations' names without naming one."""
    return frozenset(read_lines("generic_name_words.txt"))


def is_organisation_noun(lemma: str) -> bool:
    """"company", "union", "chipmaker": a common noun that stands for an organisation."""
    lemma = lemma.lower()
    return lemma in organisation_nouns() or (lemma.endswith("maker") and len(lemma) > 5)
