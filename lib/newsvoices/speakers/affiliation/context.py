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
        elif self.root.tag_ == "NN":
            # "the Florida senator and Republican presidential candidate": one person, two nouns
            conjuncts = [k for k in self.root.conjuncts if k.tag_ == "NN" and k.i > self.root.i]
            self.words = [*self.words, *(t for k in conjuncts for child in k.children if child.i < k.i
                                         and child.dep_ in {"amod", "compound", "nmod"} for t in child.subtree), *conjuncts]

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
        would, and so does the office a verb of `office_verb` gives them ("Khan was elected mayor
        of London", "Roe serves as chief executive of Veltrax"); not under a negation."""
        if self.person is None:
            return []
        name_root = self.doc[self.person.token_start:self.person.token_end].root
        verb, copulas, lemma = name_root.head, lexicon.function_words("copula"), name_root.head.lemma_.lower()
        if any(c.dep_ == "neg" for c in verb.children):
            return []
        if name_root.dep_ == "nsubj" and lemma in copulas:
            attributes = [c for c in verb.children if c.dep_ == "attr"]
        elif name_root.dep_ in {"nsubj", "nsubjpass"} and lemma in lexicon.function_words("office_verb"):
            # "Khan was elected mayor of London", "was named chief executive of X", "serves as ..."
            attributes = [c for c in verb.children if c.dep_ in {"oprd", "attr"}] + [
                o for p in verb.children if p.dep_ == "prep" and p.lower_ == "as" for o in p.children if o.dep_ == "pobj"]
        else:
            return []
        attributes = [c for c in attributes if c.pos_ in {"NOUN", "PROPN"} and not self.in_person(c)]
        # "a member of the coalition and the head of Sikh Voters": each conjunct describes them
        return attributes + [c for a in attributes for c in a.conjuncts if c.pos_ in {"NOUN", "PROPN"} and not self.in_person(c)]

    @cached_property
    def appositions(self) -> list:
        # a plural noun is no apposition of one person: "the charms of Trump, the two million members of
        # the union, ..." is the parser joining a name to the next clause's subject
        return [c for head in self.heads for c in head.children if c.dep_ == "appos" and not self.in_person(c)
                and not (c.tag_ in {"NNS", "NNPS"} and self.person is not None and not _conjoined_role(c))] + self.predicates


def _initials(name: str) -> bool:
    """"F.B.I", "NRA": three or more capitals, no country's (data/nationalities.csv)."""
    letters = name.replace(".", "")
    return len(letters) >= 3 and letters.isalpha() and letters.isupper() and name.lower() not in lexicon.nationalities()


def _conjoined_role(noun) -> bool:
    """"Facebook's global politics and government outreach director": a plural modifier the
    parser made the apposition, with the role as its conjunct."""
    return any(k.lower_ in lexicon.role_nouns() for k in noun.conjuncts)


def name_at(c: AffiliationContext, token, people: bool = True) -> str | None:
    """The organisation, place or (if `people`) person named at `token`; "the group" for an
    organisation named earlier."""
    mention = c.mentions_by_token.get(token.i)
    if mention is not None and mention.label in {"ORG", "FAC"}:  # "the Harbour Research Centre" is often a FAC
        return lexicon.party_of(mention.canonical) or mention.canonical
    if mention is not None and mention.label in {"GPE", "NORP"}:
        # "the senator from Ohio": a named person's state is not their side
        place = describe.country_or_self(mention)
        if c.person is not None and place == mention.canonical:
            # "the F.B.I. director", "the NRA's lobbying arm": the small model tags many an
            # organisation's initials a place; a named person's own place is no side
            return place if _initials(place) else None
        return place
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
    # "editor in chief of Mic.com": the title goes on past its first object
    titles = [o for o in first if o.lower_ in lexicon.role_nouns() | lexicon.person_titles()]
    # "a senior adviser on the Sanders campaign": one serves "on" a body named after someone
    bodies_served = [o for head in heads for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "on"
                     for o in prep.children if o.dep_ == "pobj" and o.lemma_.lower() in lexicon.word_list("body_nouns.txt")]
    of_title = [o for t in titles for prep in t.children if prep.dep_ == "prep" and prep.lower_ in lexicon.function_words(job)
                for o in prep.children if o.dep_ == "pobj"]
    later = _objects(first, "workplace") + of_title + bodies_served
    return direct + [o for o in dict.fromkeys(later) if o not in direct]


PORTFOLIO_TITLES = {"minister", "secretary"}


def is_portfolio(head, obj) -> bool:
    """"Education" of "the Cabinet Secretary for Education", "State" and "Solid Minerals
    Development" of "the Minister of State for Solid Minerals Development": what a minister's
    title is for is their brief, not an organisation they speak for ("General Secretary of the
    Allied Workers' Union" names one: a kind of organisation is in it)."""
    return head.lower_ in PORTFOLIO_TITLES and head.text[:1].isupper() \
        and not any(lexicon.is_organisation_noun(t.lemma_) for t in obj.subtree) \
        and (head.lower_ == "minister" or any(t.lower_ in {"cabinet", "state"} for t in head.subtree))
