"""`party_contest`: a named person running in one party's own contest is that party's ("Cruz and
Trump are stumping heading into the Republican primary", "Rubio prepares for a long Republican
race", "Pataki ended his own brief Republican presidential campaign", "Roe's bid for the Labour
leadership"; data/party_contests.txt), by a verb of taking part (data/contest_verbs.txt):
"Trump slammed the Democratic convention", "Sanders tweeted throughout the Republican debate",
"Price covered the Republican convention" are not. A contest with no party named, the person's
own ("Roe won the primary", "her campaign"), is the one party's whose contests the article
names, when the article names only one party's: news says "the primary" once it has said whose."""
from __future__ import annotations

from ... import lexicon
from .context import AffiliationContext

# a contest inside a reported clause, a relative clause or a clause with its own subject is not
# the person's own: "Trump said the Democratic race was rigged", "after Khan spoke at the
# Democratic convention"
OTHER_CLAUSE = {"ccomp", "parataxis", "relcl", "csubj"}
SUBJECTS = {"nsubj", "nsubjpass"}


def party_contest(c: AffiliationContext) -> str | None:
    """The one party whose contest the person takes part in: in the clause they are the subject
    (or possessor) of, in their apposition ("Roe, a candidate for the Democratic nomination,") or
    relative clause ("Roe, who is seeking the Republican nomination,"), or the contest they are
    "for" ("the path to the Democratic nomination for Roe")."""
    if c.person is None:
        return None
    name = c.doc[c.person.token_start:c.person.token_end].root
    while name.dep_ == "conj" and name.head.pos_ == "PROPN":  # "Cruz and Trump are stumping"
        name = name.head
    contests = lexicon.word_list("party_contests.txt")
    anchors = [k for k in name.children if k.dep_ == "relcl" or k.dep_ == "appos" and k.pos_ == "NOUN"]
    if name.dep_ in SUBJECTS or name.dep_ == "poss" and name.head.lemma_.lower() in contests:
        # not "Roe's attack on the Democratic campaign": a possessor's own contest only
        anchors.append(name.head)
    if name.dep_ == "pobj" and name.head.lower_ in lexicon.function_words("speaks_for") \
            and name.head.head.lemma_.lower() in contests:
        anchors.append(name.head.head)
    parties, unnamed = set(), False
    for anchor in anchors:
        for token in anchor.subtree:
            if token.pos_ in {"NOUN", "PROPN"} and token.lemma_.lower() in contests and _taken_part_in(token, anchor):
                named = _parties_of(token)
                parties |= named
                unnamed = unnamed or not named and _own_contest(token, anchor)
    if not parties and unnamed:
        # "Roe won the primary" in an article whose every party contest is the Democratic one
        parties = {party for token in c.doc if token.lemma_.lower() in contests for party in _parties_of(token)}
    return parties.pop() if len(parties) == 1 else None


def _parties_of(contest) -> set[str]:
    """The parties named on a contest noun: "the Republican primary", "a long Democratic race"."""
    return {party for mod in contest.children if mod.dep_ in {"amod", "compound", "nmod"}
            and mod.text[:1].isupper() and (party := lexicon.party_of(mod.text))}


def _own_contest(contest, anchor) -> bool:
    """A contest with no party named is the person's own only as the object of a verb of taking
    part or as their possession ("Roe won the primary", "her campaign"), not "Roe said little
    about the race" nor a general "the presidential race is close"."""
    return contest.i == anchor.i or contest.head.i == anchor.i and (contest.dep_ in {"dobj", "pobj", "poss"} or anchor.pos_ in {"NOUN", "PROPN"}) \
        or contest.dep_ == "pobj" and contest.head.head.i == anchor.i \
        or any(k.dep_ == "poss" and k.pos_ == "PRON" for k in contest.children)


def _taken_part_in(token, anchor) -> bool:
    """The contest is in the anchor's own clause, under a verb of taking part ("won the Republican
    primary", "heading into the Republican primary"), or is the possessed contest itself; not
    "slammed the Democratic convention", "tweeted throughout the Republican debate"."""
    node, verbs = token, lexicon.word_list("contest_verbs.txt")
    taking_part = anchor.pos_ in {"NOUN", "PROPN"}
    while node.i != anchor.i:
        if node.dep_ in OTHER_CLAUSE or node.i != token.i and any(k.dep_ in SUBJECTS for k in node.children):
            return False
        if node.head.i == node.i:
            return False
        node = node.head
        taking_part = taking_part or node.pos_ in {"VERB", "AUX"} and node.lemma_.lower() in verbs
    return taking_part
