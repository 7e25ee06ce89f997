"""Step 5: who said it. Each statement's mention resolves to one canonical speaker by
`RESOLUTION_SIEVE`, an ordered list of passes (as in Stanford's multi-pass coreference sieve),
each named after the mention it recognises and returning a `Referent` or None:

1. `apposed_to_a_name`: "Alfonso Reyes, a historian at ..., who said" is Alfonso Reyes;
2. `named_person`: a name ("de Vries", "senior union official Marta de Vries") through the
   article's canonical people; the words around it become the role and the affiliation;
3. `gendered_pronoun`: he, she to the best-ranked candidate (`anaphora`, `ranking`);
4. `counted_group`: "some Democrats", "some of his allies", "those surveyed" (`groups`), an
   unnamed group (before `pronoun`: "some", "most of them" are counted, not referred back);
5. `the_author`: I, we outside any quotation: the article's writer, an unnamed source;
6. `pronoun`: they, it, I to the nearest earlier speaker, group or organisation that fits;
7. `title_holder`: a title alone ("the US Secretary of State") to the one person holding it;
8. `earlier_speaker_with_role`: "the official", "her son" to the earlier speaker with that role;
9. `age_epithet`: "the 47-year-old" to the best-ranked person, as a pronoun (never one of
   another age);
10. `person_description`: "the retired neurosurgeon" to the best-ranked named person, if any;
11. `organisation_or_country`: "the union said", "the White House said";
12. `organisation_noun`: "the company", "the chipmaker" to the organisation it stands for;
13. `issued_document`: "the report said", "a release from X" to whoever issued it (`documents`);
14. `group_or_unnamed_source`: groups ("both sides") and unnamed sources, anonymous, described
   by their role.
A floating quote takes the speaker of the statement beside it. Affiliations come from the
article's own words by `affiliation.AFFILIATION_SIEVE` (parties, appositions, titles before a
name, possessives, "for X", "at X", nationality words, organisations), and what the article says
of a person anywhere carries over to their other mentions.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property

from .. import lexicon
from ..quotes import body_start
from . import anaphora, bodies, describe, described, documents, groups, places, ranking
from .affiliation import (
    AFFILIATION_SIEVE,
    AffiliationContext,
    affiliation_of,
    dateline_town,
    introduced_affiliations,
    named_place,
    people_named,
    ranked_affiliation,
    unify_affiliations,
)
from .candidates import Discourse, gather
from .pronouns import Referent, first_name_genders, person_genders, resolve_pronoun

__all__ = ["RESOLUTION_SIEVE", "MentionFacts", "Referent", "ResolutionContext", "person_genders", "resolve_speakers"]

ORGANISATION_LABELS = {"ORG", "GPE", "NORP"}


def _words(name: str) -> frozenset[str]:
    return lexicon.word_list(name)


@dataclass
class ResolutionContext:
    """What resolution knows of the article, and the speakers resolved so far."""

    doc: object
    article: object
    entity_index: object | None
    in_quote: list[int | None]
    people_by_token: dict = field(default_factory=dict)  # token index -> the entity mention over it
    orgs: list = field(default_factory=list)  # ORG, GPE and NORP mentions, in text order
    organisations: list = field(default_factory=list)  # ORG mentions only
    person_subjects: list = field(default_factory=list)  # people named as a subject outside quoted words
    genders: dict = field(default_factory=dict)
    referents: list[Referent] = field(default_factory=list)
    discourse: Discourse = field(default_factory=Discourse)  # the people as pronouns and descriptions need them
    ranked: dict = field(default_factory=dict)  # mention offset -> (model kind, candidates ranked there)
    introduced: dict = field(default_factory=dict)  # canonical person -> (rank, affiliation) the article gives them
    home_town: str | None = None  # the town of the dateline ("HALLORAN FALLS, Ore. —"), for local offices

    @classmethod
    def build(cls, found, doc, article, entity_index) -> ResolutionContext:
        ctx = cls(doc, article, entity_index, found.in_quote)
        # people named inside quoted words are not who "he says" after the quote refers to
        quoted = sorted((s.content_start, s.content_end) for s in found.statements if s.kind == "direct")
        quoted_starts = [a for a, _ in quoted]

        def inside_quote(char: int) -> bool:
            k = bisect.bisect_right(quoted_starts, char) - 1
            return k >= 0 and char < quoted[k][1]

        for mention in entity_index.mentions if entity_index is not None else ():
            for i in range(mention.token_start, mention.token_end):
                ctx.people_by_token.setdefault(i, mention)
            # not "(Reuters)", nor "OSLO" read as an organisation, of "OSLO (Reuters) -"; its place still counts
            if mention.label in ORGANISATION_LABELS and not (mention.label == "ORG" and in_the_dateline(mention.start_char, article)):
                ctx.orgs.append(mention)
            if mention.label == "PERSON":
                root = doc[mention.token_start:mention.token_end].root
                if (root.dep_ in {"nsubj", "nsubjpass"} or root.head.dep_ in {"nsubj", "nsubjpass"}) \
                        and not inside_quote(mention.start_char):
                    ctx.person_subjects.append(mention)
        ctx.organisations = [m for m in ctx.orgs if m.label == "ORG"]
        people = {m.canonical for m in entity_index.mentions if m.label == "PERSON"} if entity_index is not None else set()
        # what the article says of a person's gender wins over what a first name suggests
        ctx.genders = {**first_name_genders(people), **person_genders(doc, entity_index)}
        ctx.discourse = Discourse.build(doc, entity_index, found.in_quote, article.paragraph_at)
        ctx.home_town = dateline_town(article.dateline, article.text, ctx.orgs)
        ctx.introduced = introduced_affiliations(doc, entity_index, ctx.orgs, ctx.people_by_token, ctx.pronoun_owner,
                                                 ctx.home_town, quoted=lambda i: found.in_quote[i] is not None)
        return ctx

    def pronoun_owner(self, token) -> str | None:
        """The person "his", "her" stands for, by the pronoun ranker ("his campaign manager")."""
        place = anaphora.possessive_place(token, self)
        chosen = ranking.best(gather(place, self.discourse, self.referents, self.genders), "pronoun")
        return chosen.candidate.name if chosen is not None else None

    def affiliation_context(self, m: MentionFacts, person=None, words=None) -> AffiliationContext:
        return AffiliationContext(self.doc, m.root, self.orgs, self.people_by_token, m.position, person, words or [],
                                  self.pronoun_owner, self.home_town)

    def affiliation(self, m: MentionFacts, person=None, words=None) -> str | None:
        """The affiliation the mention's own words give (`affiliation.AFFILIATION_SIEVE`)."""
        return affiliation_of(self.affiliation_context(m, person, words))

    def person_affiliation(self, m: MentionFacts, person) -> str | None:
        """What this mention says of the person, unless the article says something stronger
        elsewhere (an earlier rule of the sieve)."""
        own = ranked_affiliation(self.affiliation_context(m, person))
        elsewhere = self.introduced.get(person.canonical)
        best = min(filter(None, (own, elsewhere)), key=lambda found: found[0], default=None)
        return best[1] if best else None

    def introduced_affiliation(self, person: str) -> str | None:
        found = self.introduced.get(person)
        return found[1] if found else None

    def people_opening_paragraph(self, position) -> list:
        """People named in the pronoun's own paragraph before it, in any role ("For Marchetti,
        the work is personal. She said ...")."""
        if self.entity_index is None or position is None:
            return []
        paragraphs = self.article.paragraphs
        paragraph_start = paragraphs[self.article.paragraph_at(position)].start if paragraphs else 0
        return [m for m in self.entity_index.mentions if m.label == "PERSON" and paragraph_start <= m.start_char < position
                and self.in_quote[m.token_start] is None]


@dataclass
class MentionFacts:
    """One speaker mention as the passes read it."""

    root: object  # the mention's head Token
    position: int | None  # its character offset
    mention: str  # its text

    @cached_property
    def phrase(self) -> list:
        return describe.noun_phrase(self.root)

    @property
    def lower(self) -> str:
        return self.root.lower_

    @property
    def lemma(self) -> str:
        return self.root.lemma_.lower()

    @cached_property
    def definite(self) -> bool:
        return any(t.dep_ in {"det", "poss"} and t.lower_ in lexicon.function_words("definite") for t in self.root.children)

    @cached_property
    def possessed(self) -> bool:
        """"the country's health ministry" points back to an organisation as "the ministry" does."""
        return any(t.dep_ == "poss" and t.pos_ in {"NOUN", "PROPN"} for t in self.root.children)


def resolve_speakers(found, doc, article, entity_index) -> ResolutionContext:
    """Set speaker, anonymous, affiliation and role on every statement of `found`
    (`quotes.FoundStatements`); returns what resolution knew (with each ranked candidate list)."""
    ctx = ResolutionContext.build(found, doc, article, entity_index)
    floating = {id(s) for s, _ in found.floating}
    statements = found.statements
    for statement in sorted(statements, key=lambda s: (s.mention_start if s.mention_start is not None else s.content_start)):
        if id(statement) in floating:
            continue
        facts = MentionFacts(doc[statement.mention_root], statement.mention_start, statement.mention or doc[statement.mention_root].text)
        referent = _with_own_affiliation(resolve_mention(facts, ctx), facts, ctx)
        _take_speaker(statement, referent)
        position = statement.mention_start if statement.mention_start is not None else statement.content_start
        if referent.anonymous and documents.in_headline(statement, article):
            continue  # "…, minister says": the body names the minister; a headline's role is no one to refer back to
        ctx.referents.append(Referent(position, referent.speaker, referent.kind, referent.role, referent.affiliation,
                                      referent.anonymous))
    for statement, neighbour in found.floating:
        _take_speaker(statement, neighbour)
        statement.mention = None
    documents.merge_headline_sources(statements, article, doc)
    roots = {s.mention_root for s in statements if s.mention_root is not None}
    for person, given in described.described_people(ctx, roots, _facts_of_description).items():
        ctx.introduced.setdefault(person, given)  # what a name's own mentions say comes first
    for person, given in described.pairs_described(ctx).items():
        ctx.introduced.setdefault(person, given)
    unify_affiliations(statements, {person: found[1] for person, found in ctx.introduced.items()}, people_named(entity_index),
                       doc.text)
    return ctx


def in_the_dateline(char: int, article) -> bool:
    """Whether `char` is inside the article's dateline ("OSLO, May 3 (Nordwire) -")."""
    if not article.dateline:
        return False
    end = body_start(article)  # just after the dateline, when the text has it there
    start = end - len(article.dateline)
    return article.text.startswith(article.dateline, start) and start <= char < end


def _facts_of_description(token) -> MentionFacts:
    return MentionFacts(token, token.idx, " ".join(t.text for t in describe.noun_phrase(token)))


def _with_own_affiliation(referent: Referent, m: MentionFacts, ctx: ResolutionContext) -> Referent:
    """"The Ohio Republican" resolved to a named person: the description's own words give
    the affiliation of that statement (and vote for the speaker's, `unify_affiliations`)."""
    named = ctx.people_by_token.get(m.root.i)
    if referent.kind != "person" or referent.anonymous or m.root.pos_ == "PRON" or (named is not None and named.label == "PERSON"):
        return referent
    own = ranked_affiliation(ctx.affiliation_context(m, None, m.phrase))
    if own is not None and AFFILIATION_SIEVE[own[0]] is named_place:
        own = None  # "the Florida senator" of a named senator: the state they stand for, not their side
    elsewhere = ctx.introduced.get(referent.speaker)
    # "the midfielder" guessed into the club in the news does not outvote "Rovers captain Tom Hale"
    if own is None or own[1] == referent.affiliation or elsewhere is not None and elsewhere[0] < own[0]:
        return referent
    return Referent(referent.position, referent.speaker, referent.kind, referent.role, own[1], referent.anonymous)


def _take_speaker(statement, source) -> None:
    statement.speaker = source.speaker
    statement.anonymous = source.anonymous
    statement.affiliation = source.affiliation
    statement.role = source.role


def resolve_mention(facts: MentionFacts, ctx: ResolutionContext) -> Referent:
    """The first pass of `RESOLUTION_SIEVE` that recognises the mention (the last always does)."""
    for resolve in RESOLUTION_SIEVE:
        referent = resolve(facts, ctx)
        if referent is not None:
            anaphora.described_further(facts.root, referent, ctx.discourse)
            return referent
    raise AssertionError("group_or_unnamed_source resolves every mention")


# ---------------------------------------------------------------- the passes, in order

def named_person(m: MentionFacts, ctx: ResolutionContext) -> Referent | None:
    """A named person anywhere in the mention (the head, a compound, an apposition)."""
    root, doc = m.root, ctx.doc
    person = ctx.people_by_token.get(root.i)
    if person is None or person.label != "PERSON":
        person = describe.person_named_in(root, ctx.people_by_token)
    if person is None or person.label != "PERSON":
        return None
    role = _role_beside_name(m, person, doc)
    affiliation = ctx.person_affiliation(m, person) or describe.affiliation_of_title(person.title) \
        or describe.known_affiliation(ctx.referents, person.canonical)
    return Referent(m.position, person.canonical, "person", role or None, affiliation)


def _role_beside_name(m: MentionFacts, person, doc) -> str:
    """"union leader" of "union leader Marta de Vries", "the son" of "her son, Thomas Ellory"."""
    role_tokens = [t for t in m.phrase if t.i < person.token_start and t.dep_ not in {"det", "poss", "case"} and not t.is_punct]
    if not any(t.pos_ == "NOUN" or t.lower_ in lexicon.role_nouns() or t.lower_ in lexicon.person_titles() for t in role_tokens):
        role_tokens = []  # "de" of "de Vries" is part of the name, not a role
    role = " ".join(t.text for t in role_tokens) or person.title
    person_root = doc[person.token_start:person.token_end].root
    if not role and person_root.dep_ == "appos" and person_root.head.lemma_.lower() in lexicon.role_nouns():
        role = person_root.head.text  # "her son, Thomas Ellory, who said": the son
    if person.title and role and person.title not in role:
        role = person.title + ", " + role
    return role


def pronoun(m: MentionFacts, ctx: ResolutionContext) -> Referent | None:
    """He, she, they, it: the nearest earlier speaker or subject that fits."""
    forms = lexicon.pronoun_forms("person") | lexicon.pronoun_forms("group") | lexicon.pronoun_forms("thing")
    if m.root.pos_ != "PRON" and m.lower not in forms:
        return None
    return resolve_pronoun(m.lower, m.position, ctx.referents, ctx.person_subjects, ctx.organisations, ctx.genders,
                           ctx.people_opening_paragraph(m.position))


def body_of_a_person(m: MentionFacts, ctx: ResolutionContext) -> Referent | None:
    """"her campaign said", "the Sanders campaign said": the body named after a person (`bodies`)."""
    name = bodies.persons_body(m.root, ctx.people_by_token, ctx.pronoun_owner)
    return Referent(m.position, name, "group", None, name) if name else None


def organisation_or_country(m: MentionFacts, ctx: ResolutionContext) -> Referent | None:
    """"the union said", "the White House said": an organisation or a country speaking."""
    mention = ctx.people_by_token.get(m.root.i)
    if mention is not None and mention.label in ORGANISATION_LABELS | {"FAC", "LOC"}:
        # "Democrats", "Palestinians": members of a party or a people, none of them named
        members = mention.label == "NORP" and m.root.tag_ in {"NNPS", "NNS"}
        return Referent(m.position, mention.canonical, "group", None, describe.country_or_self(mention), members)
    return None


def title_holder(m: MentionFacts, ctx: ResolutionContext) -> Referent | None:
    """"the US Secretary of State": a title standing for the one person who holds it."""
    root, entity_index = m.root, ctx.entity_index
    if not (entity_index is not None and root.pos_ == "PROPN" or (m.lower in lexicon.person_titles())):
        return None
    words = [t for t in m.phrase if t.dep_ not in {"det", "predet"} and not t.is_punct]
    title_words = [t.text for t in words if not describe.is_place_word(t)]
    holder = entity_index.person_with_title(" ".join(title_words)) if entity_index is not None and title_words else None
    if not holder:
        return None
    affiliation = ctx.affiliation(m, words=m.phrase) or ctx.introduced_affiliation(holder) \
        or describe.known_affiliation(ctx.referents, holder)
    return Referent(m.position, holder, "person", " ".join(title_words), affiliation)


def earlier_speaker_with_role(m: MentionFacts, ctx: ResolutionContext) -> Referent | None:
    """"the official", "the minister", "her son": the earlier speaker with that role."""
    owned = any(t.dep_ == "poss" and t.lower_ in lexicon.possessive_pronouns() for t in m.root.children)
    if not (m.definite or owned) or m.root.pos_ != "NOUN":
        return None
    for word in (m.lemma, m.lower):
        found = next((r for r in reversed(ctx.referents) if anaphora.role_fits(m, r, word)), None)
        if found is not None:
            return found
    return None


def organisation_noun(m: MentionFacts, ctx: ResolutionContext) -> Referent | None:
    """"the company", "the chipmaker": the organisation it stands for."""
    root = m.root
    owned = any(t.dep_ == "poss" and t.pos_ == "PRON" for t in root.children)  # "their union announced"
    if not (m.definite or m.possessed or owned) or root.pos_ != "NOUN":
        return None
    # "The manufacturer, Nutrilait Inc., said", "the maker, Hollins Foods,": the name set beside it
    apposed = next((mention for c in root.children if c.dep_ == "appos"
                    and (mention := ctx.people_by_token.get(c.i)) is not None and mention.label == "ORG"), None)
    if apposed is None and not lexicon.is_organisation_noun(root.lemma_):
        return None
    named = apposed.canonical if apposed is not None else \
        describe.organisation_meant_by(root, ctx.doc, ctx.organisations, m.position)
    return Referent(m.position, named, "group", None, named) if named else None


def issued_document(m: MentionFacts, ctx: ResolutionContext) -> Referent | None:
    """"the report said", "a release from X": whoever issued it (`documents`); "the statement"
    after "X said in a statement" is X."""
    if not documents.is_document(m.root):
        return None
    issuer = anaphora.possessor_pronoun(m, ctx) or documents.issuer_in_phrase(m.root, ctx) \
        or documents.issuer_of_earlier(m.root, ctx, m.position)
    if issuer is not None:
        return Referent(m.position, issuer.speaker, issuer.kind, issuer.role, issuer.affiliation, issuer.anonymous)
    if not m.definite:
        return None
    return next((r for r in reversed(ctx.referents) if r.position < m.position), None)


def counted_group(m: MentionFacts, ctx: ResolutionContext) -> Referent | None:
    """"some Democrats", "a full 79 percent of voters", "those surveyed": an unnamed group."""
    if not groups.is_counted_group(m.root, m.phrase):
        return None
    description = describe.description(m.phrase, m.root, ctx.doc, ctx.orgs, m.position)
    return Referent(m.position, description, "group", None, ctx.affiliation(m, words=m.phrase), True)


def group_or_unnamed_source(m: MentionFacts, ctx: ResolutionContext) -> Referent:
    """Groups ("both sides", "officials") and unnamed sources, described by their words."""
    root, phrase = m.root, m.phrase
    sources = _words("source_nouns.txt") | lexicon.role_nouns()
    description = describe.description(phrase, root, ctx.doc, ctx.orgs, m.position)
    affiliation = ctx.affiliation(m, words=phrase)
    if affiliation is None and root.pos_ == "PROPN" and root.text[:1].isupper() and lexicon.is_organisation_noun(root.lemma_):
        affiliation = description  # "the Regional Bus Operators' Association said", untagged: it speaks for itself
    anonymous = bool(lexicon.anonymity_words().search(m.mention)) or (m.lemma in sources and not m.definite)
    group = root.tag_ in {"NNS", "NNPS"} or root.lower_ in _words("group_nouns.txt") or any(t.lower_ == "both" for t in phrase)
    if group:  # "the aides", "critics", "a group of 67 artists": people the article does not name
        anonymous = anonymous or anaphora.unnamed_people(root)
    elif not group and root.pos_ == "NOUN" and anaphora.is_person_noun(m.lemma):
        anonymous = True  # "the heckler", "a young boy": a person no named one fits is an unnamed source
    anonymous = anonymous or documents.is_document(root)  # a document whose issuer the article never gives
    # "the movie", "part of the problem" (a parser's wrong subject) are no one a later "he" takes up
    person = root.pos_ in {"PROPN", "PRON"} or m.lemma in sources or anaphora.is_person_noun(m.lemma)
    kind = "group" if group else "person" if person else "thing"
    return Referent(m.position, description, kind, description if m.lemma in sources else None, affiliation, anonymous)


RESOLUTION_SIEVE = (anaphora.apposed_to_a_name, named_person, anaphora.gendered_pronoun, counted_group, anaphora.the_author,
                    pronoun, title_holder, earlier_speaker_with_role, anaphora.age_epithet, anaphora.person_description,
                    body_of_a_person, organisation_or_country, organisation_noun, places.governing_place, issued_document,
                    group_or_unnamed_source)
