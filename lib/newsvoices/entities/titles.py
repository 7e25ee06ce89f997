"""Titles ("Secretary of State", "President") kept as attributes of the person they precede, never as organisations."""
from __future__ import annotations

from collections import defaultdict

from .. import lexicon
from .index import EntityIndex


def _ends_a_title(doc, mention) -> bool:
    """"State" in "Secretary of State" is part of a title, not an organisation."""
    titles = lexicon.person_titles()
    for begin in range(max(0, mention.token_start - 4), mention.token_start):
        if doc[begin:mention.token_end].text.lower() in titles:
            return True
    return False


def without_title_tail(ent):
    """"Secretary of [State Alison Lundergan Grimes]": NER runs a title's last words into the name
    after it and calls the whole an organisation; the name is a person's."""
    from spacy.tokens import Span

    doc, titles = ent.doc, lexicon.person_titles()
    for k in (1, 2):
        rest = ent[k:]
        if len(rest) < 2 or not all(t.pos_ == "PROPN" for t in rest):
            continue
        if any(doc[begin:ent.start + k].text.lower() in titles for begin in range(max(0, ent.start - 4), ent.start)):
            return Span(doc, ent.start + k, ent.end, label="PERSON")
    return ent


def _attach_titles(index: EntityIndex, doc) -> None:
    titles = lexicon.person_titles()
    countries = lexicon.nationalities()
    seen = defaultdict(list)
    for mention in index.mentions:
        if mention.label != "PERSON":
            continue
        title = _title_before(doc, mention.token_start, titles, countries) or _title_inside(mention.text, titles)
        if title:
            mention.title = title
            if title not in seen[mention.canonical]:
                seen[mention.canonical].append(title)
    index.titles = dict(seen)


def _title_inside(text: str, titles) -> str | None:
    words = text.split()
    taken = []
    for word in words[:-1]:
        if word.lower().rstrip(".") in titles or word.lower() in titles:
            taken.append(word)
        else:
            break
    return " ".join(taken) or None


def _title_before(doc, start: int, titles, countries) -> str | None:
    """Longest title (from data/titles.csv) that ends right before token `start`."""
    best = None
    for length in range(1, 6):
        begin = start - length
        if begin < 0:
            break
        span = doc[begin:start]
        if any(t.is_punct or t.is_space for t in span):
            break
        phrase = span.text.lower().rstrip(".")
        if phrase in titles or span.text.lower() in titles:
            best = span.text
    if best is None:
        return None
    return best
