"""Acronyms the article never spells out in brackets: "IRCC" is Immigration, Refugees and
Citizenship Canada, "the F.B.I." the Federal Bureau of Investigation, when the article names
exactly one organisation whose capitalised words have the acronym's initials."""
from __future__ import annotations

import re

CONNECTORS = {"of", "for", "and", "the", "on", "in", "&", "to", "de", "du", "des", "la", "le"}
ACRONYM = re.compile(r"(?:[A-Z]\.){2,8}|[A-Z][A-Z&]{1,7}")


def acronym_letters(key: str) -> str | None:
    """"IRCC" -> "IRCC", "F.B.I." -> "FBI"; None for a word that is not an acronym."""
    key = key.strip()
    if not ACRONYM.fullmatch(key):
        return None
    return key.replace(".", "").replace("&", "")


def initials(name: str) -> str:
    """"Immigration, Refugees and Citizenship Canada" -> "IRCC" (connecting words left out;
    a hyphenated word gives each part's initial: "Rio-Antirrio" -> "RA")."""
    words = [w for w in re.split(r"[\s,]+", name) if w]
    letters = []
    for word in words:
        if word.lower() in CONNECTORS:
            continue
        for part in word.split("-"):
            if part[:1].isupper():
                letters.append(part[0])
    return "".join(letters)


def unbracketed_acronyms(mentions) -> dict[str, str]:
    """Acronym key -> the one organisation name of the article with its initials."""
    long_names = {m.key for m in mentions if m.label == "ORG" and len(m.key.split()) >= 2}
    by_initials: dict[str, set[str]] = {}
    for name in long_names:
        by_initials.setdefault(initials(name).upper(), set()).add(name)
    found = {}
    for mention in mentions:
        if mention.label not in {"ORG", "GPE", "NORP"}:
            continue
        letters = acronym_letters(mention.key)
        names = by_initials.get(letters or "", set())
        if letters and len(names) == 1:
            found[mention.key] = next(iter(names))
    return found
