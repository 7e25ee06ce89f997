"""Acronyms the article never spells out in brackets: "IRCC" is Immigration, Refugees and
Citizenship Canada, "the F.B.I." the Federal Bureau of Investigation, when the article names
exactly one organisation whose capitalised words have the acronym's initials."""
from __future__ import annotations

import re

from ..lexicon import function_words

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
        if word.lower() in function_words("name_connector"):
            continue
        for part in word.split("-"):
            if part[:1].isupper():
                letters.append(part[0])
    return "".join(letters)


def unbracketed_acronyms(mentions, doc=None) -> dict[str, str]:
    """Acronym key -> the one organisation name of the article with its initials: a name NER
    found, else a run of capitalised words in the text ("Immigration, Refugees and Citizenship
    Canada", which NER often cuts at the comma)."""
    long_names = {m.key for m in mentions if m.label == "ORG" and len(m.key.split()) >= 2}
    by_initials: dict[str, set[str]] = {}
    for name in long_names:
        by_initials.setdefault(initials(name).upper(), set()).add(name)
    wanted = {acronym_letters(m.key) for m in mentions if m.label in {"ORG", "GPE", "NORP"}} - {None}
    if doc is not None and wanted - set(by_initials):
        for name in _capitalised_runs(doc, wanted - set(by_initials)):
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


def _capitalised_runs(doc, wanted: set[str]) -> set[str]:
    """Spans of capitalised words (with connectors and commas between them) whose initials are
    one of `wanted`."""
    found = set()
    run: list = []
    for token in list(doc) + [None]:
        joins = token is not None and run and (token.lower_ in function_words("name_connector") or token.text == ",") and token.sent == run[0].sent
        if token is not None and token.text[:1].isupper() and token.is_alpha and (not run or token.sent == run[0].sent):
            run.append(token)
            continue
        if joins:
            run.append(token)
            continue
        found |= _matching_spans(doc, run, wanted)
        run = [token] if token is not None and token.text[:1].isupper() and token.is_alpha else []
    return found


def _matching_spans(doc, run, wanted) -> set[str]:
    words = [k for k, t in enumerate(run) if t.text[:1].isupper()]
    found = set()
    for a in words:
        for b in words:
            if b > a and initials(" ".join(t.text for t in run[a:b + 1])).upper() in wanted \
                    and run[a].lower_ not in function_words("name_connector"):
                found.add(doc[run[a].i:run[b].i + 1].text)
    return found
