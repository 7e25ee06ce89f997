"""Affiliations from descriptions that do not speak. "The Republican nominee caused howls of
outrage", "the club's new manager arrived in June": a definite description of one person, outside
quoted words, that resolves to a named person (as a speaking description would,
`anaphora.person_description`) gives that person the affiliation its own words state. News
writing often names someone bare ("Trump said") and says who they are only in such a phrase.
"""
from __future__ import annotations

from collections import Counter

from .. import lexicon
from . import anaphora
from .affiliation import AffiliationContext, own_words_affiliation

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
