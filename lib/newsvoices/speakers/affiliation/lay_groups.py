"""The weakest affiliation rule (`AFFILIATION_SIEVE` 25): a member of a loose group speaks as the group."""
from __future__ import annotations

from functools import cache

from ... import lexicon
from .context import AffiliationContext


def one_of_a_group(c: AffiliationContext) -> str | None:
    """"a Quarry Street resident", "a bus driver": an unnamed member of a loose group speaks as
    the group ("Quarry Street residents"); "Residents tell a different story. Marisol Vance, 61,
    said ...": a person introduced right after a sentence about such a group is one of them
    (data/lay_groups.csv). The weakest rule: any organisation found comes first."""
    groups = _groups()
    if c.person is None:
        head = c.root
        if head.pos_ != "NOUN" or head.lemma_.lower() not in groups or head.tag_ != "NN":
            return None
        modifiers = [t.text for t in head.children if t.dep_ == "compound" and t.i < head.i]
        return " ".join([*modifiers, groups[head.lemma_.lower()]])
    if _mentioned_before(c):
        return None
    sentence = c.doc[c.person.token_start].sent
    previous = c.doc[sentence.start - 1].sent if sentence.start > 0 else None
    plurals = set(groups.values())
    for part in (previous, sentence):
        if part is None or "\n" in c.doc[part.end - 1:sentence.start + 1].text.strip(" "):
            continue  # the sentence before, in the same paragraph only
        for token in part:
            # before the name: "Mayor Roe said residents had cut back" is what she says of them
            if token.tag_ == "NNS" and token.lower_ in plurals and token.dep_ in {"nsubj", "nsubjpass"} \
                    and token.i < c.person.token_start and not _of_a_person(c, token):
                modifiers = [t.text for t in token.children if t.dep_ == "compound" and t.i < token.i]
                return " ".join([*modifiers, token.lower_])
    return None


@cache
def _groups() -> dict[str, str]:
    """Singular -> plural of data/lay_groups.csv, read once (the rule runs on every mention)."""
    return {row["singular"]: row["plural"] for row in lexicon.read_table("lay_groups.csv")}


def _mentioned_before(c: AffiliationContext) -> bool:
    """Whether the person was named before this mention (the group reads only their introduction)."""
    start = c.person.start_char
    return any(m.label == "PERSON" and m.canonical == c.person.canonical and m.start_char < start
               for m in c.mentions_by_token.values())


def _of_a_person(c: AffiliationContext, group) -> bool:
    """"Sanders supporters", "Trump's fans": a group named after a person is theirs, not one they belong to."""
    return any((m := c.mentions_by_token.get(t.i)) is not None and m.label == "PERSON"
               for k in group.children if k.dep_ in {"compound", "poss", "nmod"} for t in k.subtree)
