"""A governing place speaking under its kind: "the province said", "the city said", "the state
argued", "the provincial government said". News names a province, a state or a city once, then
lets "the province" stand for its government, as "the company" stands for the company named
before.

The nouns are `function_words.csv`'s jobs `region_noun` ("province", "state", "territory",
"canton", "prefecture") and `town_noun` ("city", "town", "municipality"), and a government by the
adjective of its kind (jobs `region_adjective`, `town_adjective`: "the provincial government").
A region noun stands for a country's first-level division of that kind (ISO 3166-2,
`lexicon.first_level_divisions`: "the province" is Ontario, never Madrid, a province inside a
community; "the state" is Florida, never the prefecture of Tokyo). A town noun stands for a named
place that is no country and no state, province or territory: London boroughs, Tokyo and Paris
are cities here. The place meant is the one named "City of X", "State of X" or with the word
("Quebec City"); else, of the places of that kind named in the last few paragraphs, the one named
most; else, for a town, the dateline's town.
"""
from __future__ import annotations

import re

from .. import lexicon
from . import describe
from .affiliation.offices import dateline_town
from .pronouns import Referent

# ISO 3166-2 kinds a region noun stands for, and the kinds that are no town
DIVISION_KINDS = {"province": {"province", "territory"}, "state": {"state", "land", "regional state"},
                  "territory": {"territory", "union territory"}, "canton": {"canton"}, "prefecture": {"prefecture"}}
NOT_A_TOWN = {"state", "province", "territory", "land", "canton", "union territory", "regional state"}


def governing_place(m, ctx) -> Referent | None:
    """"The province said" after "Ontario": Ontario, speaking for itself."""
    root = m.root
    noun = _place_noun(root)
    modifiers = [c for c in root.children if c.dep_ in {"poss", "compound", "nmod", "amod"}]
    if noun is None or not m.definite or len(modifiers) > (root.lemma_.lower() == "government"):
        return None  # "her city", "the host city", "Ottawa's state": not the place the article names
    earlier = [p for p in ctx.orgs if p.start_char < m.position]
    named = _named_as_one(noun, root, ctx.doc, earlier)
    if named is not None:
        return Referent(m.position, named, "group", None, named)
    # NER often calls a province an organisation ("Nunavut will hire"); a town it must call a place
    kind = [p for p in earlier if (p.label == "GPE" or noun in DIVISION_KINDS) and _of_kind(p.canonical, noun)]
    place = describe.named_most_of_late(kind, kind) if kind else None
    name = place.canonical if place is not None else _dateline_town(ctx) if noun not in DIVISION_KINDS else None
    return Referent(m.position, name, "group", None, name) if name else None


def _dateline_town(ctx) -> str | None:
    """"Toronto" of "TORONTO —" when the body names no town: the story's own town."""
    town = dateline_town(ctx.article.dateline, ctx.article.text, ctx.orgs, named_elsewhere=False)
    return town if town and _of_kind(town, "city") else None


def _place_noun(root) -> str | None:
    """The noun of the place's kind: "province" of "the province", "province" of "the provincial
    government" (its adjective's noun, by the order of the jobs' rows), else None."""
    if root.pos_ != "NOUN" or root.tag_ != "NN":
        return None
    word = root.lemma_.lower()
    if word in lexicon.function_words("region_noun") | lexicon.function_words("town_noun"):
        return word
    if word != "government":
        return None
    adjectives = {c.lower_ for c in root.children if c.dep_ in {"amod", "compound"}}
    for adjective in adjectives & lexicon.function_words("region_adjective"):
        # each adjective begins as its noun does: provincial, territorial, cantonal, prefectural, state
        return next((n for n in DIVISION_KINDS if adjective.startswith(n[:5])), None)
    return "city" if adjectives & lexicon.function_words("town_adjective") else None


def _named_as_one(noun: str, root, doc, earlier) -> str | None:
    """"Quebec City", "the City of Hamilton", "the State of Michigan": the last place named with the
    noun's own word, or the last "<Noun> of <Name>" written before (whatever NER called it; not
    "Manchester City" the club)."""
    if root.lemma_.lower() == "government":
        return None
    named = describe.named_with_word(root, doc, [p for p in earlier if p.label == "GPE"])
    written = list(re.finditer(rf"\b{noun.capitalize()} of (?:[A-Z][\w'.-]*(?: |$)){{1,3}}", doc.text[:root.idx]))
    if written and (named is None or written[-1].start() > doc.text.rfind(named, 0, root.idx)):
        return written[-1].group(0).strip()
    return named


def _of_kind(name: str, noun: str) -> bool:
    if name.lower() in lexicon.nationalities():
        return False  # a country, or a people
    kinds = lexicon.first_level_divisions().get(lexicon.plain_letters(name), frozenset())
    if noun in DIVISION_KINDS:
        return bool(kinds & DIVISION_KINDS[noun])
    return not kinds & NOT_A_TOWN
