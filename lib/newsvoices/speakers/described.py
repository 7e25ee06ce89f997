"""Affiliations from descriptions that do not speak. "The Republican nominee caused howls of
outrage", "the club's new manager arrived in June": a definite description of one person, outside
quoted words, that resolves to a named person (as a speaking description would,
`anaphora.person_description`) gives that person the affiliation its own words state. News
writing often names someone bare ("Trump said") and says who they are only in such a phrase.
A plural party description of two, "the two Democrats", does the same for the two people named
beside it (`pairs_described`).
"""
from __future__ import annotations

from collections import Counter

from .. import lexicon
from . import anaphora
from .affiliation import AFFILIATION_SIEVE, AffiliationContext, own_words_affiliation

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
OBJECT_DEPS = {"dobj", "pobj", "appos", "attr"}


def described_people(ctx, mention_roots: set[int], facts_of) -> dict[str, tuple[int, str]]:
    """Canonical person -> (rank in `AFFILIATION_SIEVE`, affiliation) read off the definite
    descriptions of one person that stand as the subject of a sentence, are no statement's
    mention (`mention_roots`) and resolve to that person; the earliest rule, then the most often
    given. `facts_of(token)` builds the `MentionFacts` the resolution passes read."""
    votes: dict[str, Counter] = {}
    saved = dict(ctx.ranked)  # the ranker's training data records only the statements' mentions
    for token in ctx.doc:
        if not _a_description(token, ctx, mention_roots):
            continue
        facts = facts_of(token)
        found = own_words_affiliation(AffiliationContext(ctx.doc, token, ctx.orgs, ctx.people_by_token, token.idx,
                                                         None, facts.phrase))
        # as an object, only a party's own: "attacking the presumptive Republican nominee" is one
        # person of a kind the article has few of; "the club's manager" as an object may be anyone's
        if found is None or token.dep_ not in SUBJECT_DEPS and not _a_party(found[1]):
            continue
        referent = anaphora.person_description(facts, ctx)
        if referent is not None and referent.kind == "person" and not referent.anonymous:
            votes.setdefault(referent.speaker, Counter())[found] += 1
    ctx.ranked = saved
    return {person: min(counts, key=lambda k: (k[0], -counts[k])) for person, counts in votes.items()}


def _a_party(affiliation: str) -> bool:
    """"Republican Party", "independent": one of `parties.csv`'s parties."""
    return any(party == affiliation for party, _kind in lexicon.parties().values())


def _a_description(token, ctx, mention_roots: set[int]) -> bool:
    if token.pos_ != "NOUN" or token.tag_ != "NN" or token.dep_ not in SUBJECT_DEPS | OBJECT_DEPS or token.i in mention_roots:
        return False
    if ctx.in_quote[token.i] is not None or token.i in ctx.people_by_token:
        return False
    definite = any(c.dep_ == "det" and c.lower_ in lexicon.function_words("definite_singular") for c in token.children)
    return definite


def pairs_described(ctx) -> dict[str, tuple[int, str]]:
    """Canonical person -> (last rank, party) from a plural party description of two people:
    "campaigned with Clinton, the first event that featured the two Democrats together", "the
    two Republican candidates" after a sentence that names both. The two are the named people of
    its sentence, else of the sentence before, when there are exactly two; outside quoted words."""
    given: dict[str, tuple[int, str]] = {}
    rank = len(AFFILIATION_SIEVE)
    for token in ctx.doc:
        party = _party_of_a_pair(token) if ctx.in_quote[token.i] is None else None
        if party is None:
            continue
        sentence = token.sent
        people = _named_in(ctx, sentence.start, sentence.end)
        if not people and sentence.start > 0:
            before = ctx.doc[sentence.start - 1].sent
            people = _named_in(ctx, before.start, before.end)
        if len(people) == 2:
            for person in people:
                given.setdefault(person, (rank, party))
    return given


def _party_of_a_pair(token) -> str | None:
    """"the two Democrats", "both Republican candidates": a plural noun counted as two (function_words.csv,
    job `pair_word`) that is a party's name or has one before it."""
    if token.tag_ not in {"NNS", "NNPS"}:
        return None
    pairs = lexicon.function_words("pair_word")
    if not any(k.dep_ in {"nummod", "det", "predet"} and k.lower_ in pairs for k in token.children):
        return None
    words = [token, *(k for k in token.children if k.dep_ in {"amod", "compound"} and k.i < token.i)]
    return next((p for w in words if w.text[:1].isupper() and (p := lexicon.party_of(w.text))), None)


def _named_in(ctx, start: int, end: int) -> list[str]:
    """The distinct people named between two token indices, outside quoted words, in order."""
    return list(dict.fromkeys(m.canonical for i in range(start, end) if ctx.in_quote[i] is None
                              and (m := ctx.people_by_token.get(i)) is not None and m.label == "PERSON"))
