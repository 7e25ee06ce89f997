"""A body named after a person speaking: "her campaign said", "the Sanders campaign said", and
"the campaign said" when the last campaign the article named was one. The speaker is the body
under its owner's canonical name ("Hillary Clinton campaign"), and speaks for itself. The nouns are `data/campaign_nouns.txt`: only a campaign, which speaks as
its candidate's. A government, an administration or an office speaks as a body only when a
name owns it ("the Obama administration said", "Netanyahu's office said", `data/named_bodies.txt`):
"his government", "the office" are as often someone else's ("the government in Kyiv", "the
office of the inspector general") and stay what they were."""
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
    campaign = lemma in lexicon.word_list("campaign_nouns.txt")
    if root.pos_ != "NOUN" or root.tag_ != "NN" or not campaign and lemma not in lexicon.word_list("named_bodies.txt") \
            or any(c.dep_ in {"prep", "acl", "relcl"} for c in root.children):
        return None  # not "the campaign against smoking", "the office of the inspector general"
    # "the Obama administration", "Netanyahu's office": by a name only, not "his office"
    owner = body_owner(root, people_by_token, pronoun_owner if campaign else lambda _pronoun: None)
    if not campaign:
        return f"{owner} {lemma}" if owner else None
    if owner is None and any(c.dep_ == "det" and c.lower_ == "the" for c in root.children) \
            and not any(c.dep_ in {"poss", "compound", "amod"} for c in root.children):
        owner = _last_body_named(root, people_by_token, pronoun_owner)
    return f"{owner} {lemma}" if owner else None


def _last_body_named(root, people_by_token, pronoun_owner) -> str | None:
    """The owner of the last body of this kind before `root`, if a person owns it ("Kamala
    Harris's campaign ... a charity's new campaign ... the campaign said" is the charity's)."""
    doc = root.doc
    for token in reversed(doc[max(0, root.i - LOOK_BACK_TOKENS):root.i]):
        if token.lemma_.lower() == root.lemma_.lower() and token.pos_ == "NOUN":
            return body_owner(token, people_by_token, pronoun_owner)
    return None
