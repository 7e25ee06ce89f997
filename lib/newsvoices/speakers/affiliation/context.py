"""A speaker's mention as the affiliation rules read it, and the helpers they share."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from ... import lexicon
from .. import bodies, describe


@dataclass
class AffiliationContext:
    """A speaker's mention as the affiliation rules read it."""

    doc: object
    root: object  # the head token of the mention
    orgs: list  # ORG, GPE and NORP mentions, in text order
    mentions_by_token: dict  # token index -> the entity mention over it
    position: int | None
    person: object | None = None  # the person the mention names, if any
    words: list = field(default_factory=list)  # the words that describe the speaker directly
    # who a possessive pronoun stands for ("his campaign manager"): the resolver's own ranking,
    # given by `ResolutionContext`; None where no resolver is at hand
    owner_of: object | None = None
    town: str | None = None  # the town of the article's dateline, if it has one (`offices.dateline_town`)

    def __post_init__(self):
        if not self.words:
            self.words = describe.close_words(self.root, self.person) if self.person else describe.noun_phrase(self.root)
        if self.person is not None:
            self.words = [t for t in self.words if not self.in_person(t)] + self.shared_modifiers()

    def shared_modifiers(self) -> list:
        """"Democratic candidates Jane Roe and John Doe", "the Republican front-runner,
        John Doe": the words before a first conjunct describe the later ones too, and the noun
        a name is set beside describes it."""
        name_root = first = self.doc[self.person.token_start:self.person.token_end].root
        while first.dep_ == "conj" and first.head.pos_ in {"PROPN", "NOUN"}:
            first = first.head
        described = [first] if first.i != name_root.i else []
        if first.dep_ == "appos" and first.head.pos_ == "NOUN":
            described.append(first.head)
        described += self.predicates
        words = [t for d in described for child in d.children if child.dep_ in {"amod", "compound", "nmod"} and child.i < d.i
                 for t in child.subtree]
        words += [d for d in described if d.pos_ == "NOUN"] + [p for p in self.predicates if p.pos_ == "PROPN"]
        words += self.others_of_a_kind(first)
        return [t for t in words if not self.in_person(t) and (self.mentions_by_token.get(t.i) is None
                                                              or self.mentions_by_token[t.i].label != "PERSON")]

    def others_of_a_kind(self, first) -> list:
        """"Kasich, Bush and other GOP candidates": the words of an "other ..." conjunct describe
        the names listed before it."""
        chain, conjuncts = [first], []
        while chain:  # the coordination itself, not conjuncts deeper in a clause of one of its members
            node = chain.pop()
            for child in node.children:
                if child.dep_ == "conj":
                    chain.append(child)
                    if child.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in lexicon.function_words("others_of_a_kind") for c in child.children):
                        conjuncts.append(child)
        return [t for noun in conjuncts for child in noun.children if child.dep_ in {"amod", "compound", "nmod"}
                and child.lower_ not in lexicon.function_words("others_of_a_kind") for t in child.subtree] + conjuncts

    def in_person(self, token) -> bool:
        return self.person is not None and self.person.token_start <= token.i < self.person.token_end

    @cached_property
    def heads(self) -> list:
        """The mention's head, the person's own name root and the noun the name is set beside
        ("the union's general secretary, Ann Lee"): where modifiers hang."""
        heads = [self.root]
        if self.person is not None:
            name_root = self.doc[self.person.token_start:self.person.token_end].root
            while name_root.dep_ == "conj" and name_root.head.pos_ in {"PROPN", "NOUN"}:
                name_root = name_root.head
            if name_root.i != self.root.i:
                heads.append(name_root)
            if name_root.dep_ == "appos" and name_root.head.pos_ == "NOUN" and name_root.head.i != self.root.i:
                heads.append(name_root.head)
        return heads

    @cached_property
    def predicates(self) -> list:
        """"Roe is a Republican", "Marsh became chief executive of Veltrax": the noun a copula
        (function_words.csv, job `copula`) gives a named subject describes them as an apposition
        would; not under a negation ("Roe is not a Republican")."""
        if self.person is None:
            return []
        name_root = self.doc[self.person.token_start:self.person.token_end].root
        verb, copulas = name_root.head, lexicon.function_words("copula")
        if name_root.dep_ != "nsubj" or verb.lemma_.lower() not in copulas \
                or any(c.dep_ == "neg" for c in verb.children):
            return []
        attributes = [c for c in verb.children if c.dep_ == "attr" and c.pos_ in {"NOUN", "PROPN"} and not self.in_person(c)]
        # "a member of the coalition and the head of Sikh Voters": each conjunct describes them
        return attributes + [c for a in attributes for c in a.conjuncts if c.pos_ in {"NOUN", "PROPN"} and not self.in_person(c)]

    @cached_property
    def appositions(self) -> list:
        # a plural noun is no apposition of one person: "the charms of Trump, the two million members of
        # the union, ..." is the parser joining a name to the next clause's subject
        return [c for head in self.heads for c in head.children if c.dep_ == "appos" and not self.in_person(c)
                and not (c.tag_ in {"NNS", "NNPS"} and self.person is not None)] + self.predicates


def name_at(c: AffiliationContext, token, people: bool = True) -> str | None:
    """The organisation, place or (if `people`) person named at `token`; "the group" for an
    organisation named earlier."""
    mention = c.mentions_by_token.get(token.i)
    if mention is not None and mention.label in {"ORG", "FAC"}:  # "the Harbour Research Centre" is often a FAC
        return lexicon.party_of(mention.canonical) or mention.canonical
    if mention is not None and mention.label in {"GPE", "NORP"}:
        # "the senator from Ohio": a named person's state is not their side
        place = describe.country_or_self(mention)
        return None if c.person is not None and place == mention.canonical else place
    if mention is not None and mention.label == "PERSON":
        return mention.canonical if people and not c.in_person(token) else None
    # "a spokesman for the Pembry campaign", "an aide to her campaign": the candidate's campaign
    campaign = bodies.persons_body(token, c.mentions_by_token, c.owner_of or (lambda _pronoun: None))
    return campaign or describe.organisation_for(token, c.doc, c.orgs, c.position) or standing_body(c, token)


def standing_body(c: AffiliationContext, token) -> str | None:
    """"police", "the opposition", "coalition": a kind of body news names by the kind alone
    (data/standing_bodies.txt); the body of that kind the article names, else the kind itself."""
    if token.lemma_.lower() not in lexicon.word_list("standing_bodies.txt") or not token.text[:1].islower() \
            or c.mentions_by_token.get(token.i) is not None:
        return None
    return describe.named_with_word(token, c.doc, [m for m in c.orgs if m.label == "ORG"]) or token.lemma_.lower()


def _opens_a_title(token) -> bool:
    """"Labor" of "Labor Secretary" is part of a title, not a party."""
    doc = token.doc
    return any(doc[token.i:token.i + k].text.lower() in lexicon.person_titles() for k in (2, 3, 4))


def _objects(heads, job: str) -> list:
    """The objects of the heads' prepositions that do `job` (function_words.csv). For
    `member_of`, also a workplace the parser hung on the head's first object ("a researcher on
    water disputes at the Nordic Centre", "an expert in tax law with the Brookings Institution")."""
    direct = [o for head in heads for prep in head.children if prep.dep_ == "prep" and prep.lower_ in lexicon.function_words(job)
              for o in prep.children if o.dep_ == "pobj" and not is_portfolio(head, o)]
    if job != "member_of":
        return direct
    first = [o for head in heads for prep in head.children if prep.dep_ == "prep" for o in prep.children
             if o.dep_ == "pobj" and o.pos_ == "NOUN" and not o.ent_type_]
    return direct + [o for o in _objects(first, "workplace") if o not in direct]


PORTFOLIO_TITLES = {"minister", "secretary"}


def is_portfolio(head, obj) -> bool:
    """"Education" of "the Cabinet Secretary for Education", "State" and "Solid Minerals
    Development" of "the Minister of State for Solid Minerals Development": what a minister's
    title is for is their brief, not an organisation they speak for ("General Secretary of the
    Allied Workers' Union" names one: a kind of organisation is in it)."""
    return head.lower_ in PORTFOLIO_TITLES and head.text[:1].isupper() \
        and not any(lexicon.is_organisation_noun(t.lemma_) for t in obj.subtree) \
        and (head.lower_ == "minister" or any(t.lower_ in {"cabinet", "state"} for t in head.subtree))
