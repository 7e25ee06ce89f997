"""A body named after a person speaking: "her campaign said", "the Sanders campaign said",
"Trump's team said", and "the campaign said" for the last such body the article named. The
speaker is the body under its owner's canonical name ("Hillary Clinton campaign"), and speaks
for itself. The nouns are `data/body_nouns.txt`."""
from __future__ import annotations

from .. import lexicon

LOOK_BACK_TOKENS = 400  # "the campaign" looks back about three paragraphs for the one named


def body_owner(root, people_by_token, pronoun_owner) -> str | None:
    """The person a body noun is named after: "her" (by the pronoun ranker), "Trump's", the
    compound "Sanders" of "the Sanders campaign"."""
    for child in root.children:
        if child.dep_ not in {"poss", "compound"}:
            continue
        if child.pos_ == "PRON" and child.dep_ == "poss":
            return pronoun_owner(child)
        mention = people_by_token.get(child.i)
        if mention is not None and mention.label == "PERSON":
            return mention.canonical
    return None


def persons_body(root, people_by_token, pronoun_owner) -> str | None:
    """"Hillary Clinton campaign" for "her campaign", "the Clinton campaign", and "the
    campaign" after either; None for any other mention."""
    lemma = root.lemma_.lower()
    if root.pos_ != "NOUN" or root.tag_ != "NN" or lemma not in lexicon.word_list("body_nouns.txt"):
        return None
    owner = body_owner(root, people_by_token, pronoun_owner)
    if owner is None and any(c.dep_ == "det" and c.lower_ == "the" for c in root.children) \
            and not any(c.dep_ in {"poss", "compound", "amod"} for c in root.children):
        owner = _last_body_named(root, people_by_token, pronoun_owner)
    return f"{owner} {lemma}" if owner else None


def _last_body_named(root, people_by_token, pronoun_owner) -> str | None:
    doc = root.doc
    for token in reversed(doc[max(0, root.i - LOOK_BACK_TOKENS):root.i]):
        if token.lemma_.lower() == root.lemma_.lower() and token.pos_ == "NOUN":
            owner = body_owner(token, people_by_token, pronoun_owner)
            if owner:
                return owner
    return None
