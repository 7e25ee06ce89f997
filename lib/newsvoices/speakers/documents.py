"""Documents speak for their issuers, and a headline's source is the body's.

A document noun (`data/document_nouns.txt`: report, study, statement, suit, claim, filing,
memo, letter, post, ...) heading a speaker mention stands for whoever issued it, read in this
order (`issuer_of`):
1. in its own phrase: "released by X", "X's report", "a release from X", "a report by X",
   "the X study" (a name modifying it);
2. at an earlier mention of the same document: the same readings, or the subject of the verb
   that issued it ("X released a report ...", "X filed a suit ...", "the Y campaign is releasing
   an ad": a candidate's campaign, `bodies`);
3. "the statement" just after "X said in a statement": the speaker before it.
A document whose issuer the article never gives is an unnamed source.

`merge_headline_sources`: a headline or dek ("…, sources say") is not a source of its own when
the body quotes an unnamed source with the same head noun: its statement goes to that source.
"""
from __future__ import annotations

from .. import lexicon
from ..entities.acronyms import initials
from . import bodies, describe
from .pronouns import Referent

HEADLINE_PARAGRAPHS = 2  # a headline and a dek open the text
HEADLINE_WORDS = 35


def document_nouns() -> frozenset[str]:
    return lexicon.word_list("document_nouns.txt")


def issuer_verbs() -> frozenset[str]:
    return lexicon.word_list("issuer_verbs.txt")


def is_document(token) -> bool:
    return token.lemma_.lower() in document_nouns() or token.lower_ in document_nouns()


def issuer_in_phrase(root, ctx) -> Referent | None:
    """"released by X", "X's report", "a release from X", "the X study"."""
    for token in (t for t in root.subtree if t.i < root.i):  # "a 1996 FEC advisory opinion"
        if token.dep_ == "poss" or (token.dep_ in {"compound", "nmod"} and token.pos_ == "PROPN"):
            found = _named(token, ctx)
            if found:
                return found
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ in lexicon.function_words("issuer_preposition"):
            found = _object_named(child, ctx)
            if found:
                return found
        if child.dep_ == "acl" and child.tag_ == "VBN":  # "the study released by Civic Action"
            for agent in (c for c in child.children if c.dep_ in {"agent", "prep"} and c.lower_ in lexicon.function_words("release_preposition")):
                found = _object_named(agent, ctx)
                if found:
                    return found
    return None


def issuer_of_earlier(root, ctx, position) -> Referent | None:
    """This or an earlier mention of the same document: its issuer in its phrase, or the subject of the
    verb that put it out ("Sanders is releasing a new ad ... The ad says")."""
    lemma = root.lemma_.lower()
    for token in reversed(ctx.doc[:root.i + 1]):  # itself too: "X is releasing an ad that urges ..."
        if token.lemma_.lower() != lemma or token.pos_ != "NOUN":
            continue
        found = issuer_in_phrase(token, ctx)
        if found:
            return found
        while token.dep_ == "compound" and token.head.pos_ == "NOUN":
            token = token.head  # "sent out an email fundraising appeal": the appeal was sent
        verb = token.head
        if token.dep_ in {"dobj", "nsubjpass"} and verb.lemma_.lower() in issuer_verbs():
            for child in verb.children:
                if child.dep_ == "nsubj" or child.dep_ == "agent":
                    subject = child if child.dep_ == "nsubj" else next((c for c in child.children if c.dep_ == "pobj"), None)
                    found = _named(subject, ctx) if subject is not None else None
                    if found:
                        return found
    return None


def _object_named(preposition, ctx) -> Referent | None:
    target = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    return _named(target, ctx) if target is not None else None


def _named(token, ctx) -> Referent | None:
    """The person or organisation a token names: an entity, a resolved earlier speaker for a
    pronoun ("its report", "his letter"), or an organisation noun ("the agency's report")."""
    mention = ctx.people_by_token.get(token.i)
    if mention is not None and mention.label == "PERSON":
        known = next((r for r in reversed(ctx.referents) if r.speaker == mention.canonical), None)
        return known or Referent(token.idx, mention.canonical, "person")
    if mention is not None and mention.label in {"ORG", "GPE", "NORP"}:
        return Referent(token.idx, mention.canonical, "group", None, describe.country_or_self(mention))
    campaign = bodies.persons_body(token, ctx.people_by_token, ctx.pronoun_owner)
    if campaign:  # "The Jeb Bush campaign is releasing a new ad ... The ad says"
        return Referent(token.idx, campaign, "group", None, campaign)
    if lexicon.is_organisation_noun(token.lemma_):
        named = describe.organisation_meant_by(token, ctx.doc, ctx.organisations, token.idx)
        if named:
            return Referent(token.idx, named, "group", None, named)
    return _acronym_named(token, ctx)


def _acronym_named(token, ctx) -> Referent | None:
    """"a 1996 FEC advisory opinion": an acronym NER left untagged is the organisation whose
    initials it spells, else an organisation under that acronym."""
    letters = token.text.replace(".", "")
    if token.pos_ != "PROPN" or not letters.isalpha() or not letters.isupper() or not 2 <= len(letters) <= 6:
        return None
    full = next((m.canonical for m in ctx.organisations if initials(m.canonical) == letters), None)
    return Referent(token.idx, full or token.text, "group", None, full or token.text)


# ---------------------------------------------------------------- headlines


def merge_headline_sources(statements, article, doc) -> None:
    """A headline's or dek's unnamed source is the body's unnamed source with the same head noun,
    else the one the body's first mention with that head noun resolved to ("…, minister says"
    and "Ontario's housing minister says": the minister the lead goes on to name)."""
    for statement in statements:
        if not statement.anonymous or not in_headline(statement, article):
            continue
        head = _head_lemma(statement, doc)
        if head is None:
            continue
        body = [s for s in statements if s.paragraph >= HEADLINE_PARAGRAPHS and s.speaker != statement.speaker
                and _head_lemma(s, doc) == head]
        match = next((s for s in body if s.anonymous), None) or next(iter(body), None)
        if match is not None:
            statement.speaker, statement.role = match.speaker, match.role
            statement.affiliation, statement.anonymous = match.affiliation, match.anonymous


def in_headline(statement, article) -> bool:
    """Is the statement in the headline or a dek, before the body?"""
    paragraphs = article.paragraphs
    if statement.paragraph >= min(HEADLINE_PARAGRAPHS, len(paragraphs) - 1):
        return False
    text = paragraphs[statement.paragraph].text.strip()
    sentence_end = text.endswith((".", "!", "?", ".”", '."'))
    # a headline ends without a full stop: a text whose first paragraph is already a sentence of
    # the story ("A senior diplomat ... said the talks had stalled.") has no headline
    return not sentence_end and (bool(article.title) and text == article.title.strip() or len(text.split()) <= HEADLINE_WORDS)


def _head_lemma(statement, doc) -> str | None:
    """"sources" of "…, sources say" and "source" of "a source close to the talks": "source"."""
    return doc[statement.mention_root].lemma_.lower() if statement.mention_root is not None else None
