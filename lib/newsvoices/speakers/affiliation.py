"""A speaker's affiliation from the article's own words: `AFFILIATION_SIEVE`, an ordered list of
small rules, each named after the pattern it recognises and returning an affiliation or None;
the first that answers wins.

1. `party_bracket`: "Sen. Jane Roe (D-Ohio)", "Rep. John Doe, R-Texas," (data/parties.csv);
2. `party_word`: "Republican Rep. John Doe", "Democrat Jane Roe", "Roe, a Republican,";
3. `apposition_of_org`: "Helen Marsh, chief executive of Veltrax", "Raj Patel, an analyst at
   Crestline Securities", "Marsh, Veltrax's chief executive";
4. `prenominal_org_title`: "Veltrax CEO Helen Marsh", "Rovers striker Tom Hale", "the United
   manager", "Marsh campaign chairman Tom Hale" (the Helen Marsh campaign);
5. `possessive_org`: "Veltrax's spokesperson", "Marsh's spokeswoman";
6. `for_org`: "a spokesman for Veltrax";
7. `at_org`: "an analyst at X", "Tom Hale, with X", "Councillor Ann Lee of Portmouth City Council";
8. `clause_of_org`: "Dr Ann Lee, who heads the Guild of ...";
9. `nationality_word`: "a Danish official", "US officials" (data/nationalities.csv), or the
   country the article names for a demonym not in the table ("Taldorian": Taldoria);
10. `named_organisation`: any other organisation named in the speaker's own words;
11. `office_in_the_news`: "Chief Executive Officer Helen Marsh", "coach Ann Lee" with no
    organisation named: the organisation the article has named most so far;
12. `named_place`: a place that is no country, for an unnamed speaker ("a Leeds resident").

`introduced_affiliations` runs the sieve over every mention of every person, so that what the
article says when it introduces someone carries over to their later mentions ("Marsh said"); an
earlier rule's answer beats a later one's ("Veltrax CEO Helen Marsh" over "Marsh, a Briton").
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise

from .. import lexicon
from . import describe


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
        words = [t for d in described for child in d.children if child.dep_ in {"amod", "compound", "nmod"} and child.i < d.i
                 for t in child.subtree]
        words += [d for d in described if d.pos_ == "NOUN"]
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
    def appositions(self) -> list:
        # a plural noun is no apposition of one person: "the charms of Trump, the two million members of
        # the union, ..." is the parser joining a name to the next clause's subject
        return [c for head in self.heads for c in head.children if c.dep_ == "appos" and not self.in_person(c)
                and not (c.tag_ in {"NNS", "NNPS"} and self.person is not None)]


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
    return describe.organisation_for(token, c.doc, c.orgs, c.position)


def _opens_a_title(token) -> bool:
    """"Labor" of "Labor Secretary" is part of a title, not a party."""
    doc = token.doc
    return any(doc[token.i:token.i + k].text.lower() in lexicon.person_titles() for k in (2, 3, 4))


def _objects(heads, job: str) -> list:
    """The objects of the heads' prepositions that do `job` (function_words.csv)."""
    return [o for head in heads for prep in head.children if prep.dep_ == "prep" and prep.lower_ in lexicon.function_words(job)
            for o in prep.children if o.dep_ == "pobj"]


# ---------------------------------------------------------------- the rules, in order

def party_bracket(c: AffiliationContext) -> str | None:
    """"Sen. Jane Roe (D-Ohio)", "Rep. John Doe, R-Texas,", "(Lab)": a party letter after a name."""
    if c.person is None:
        return None
    doc, k = c.doc, c.person.token_end
    if k < len(doc) and doc[k].text in {"(", ","}:
        k += 1
    if k >= len(doc):
        return None
    word = doc[k].text
    party = lexicon.party_of(word.split("-")[0], brackets=True)
    after = doc[k + 1].text if k + 1 < len(doc) else ""
    if party and ("-" in word or after in {"-", "–", ")"}):
        return party
    return None


def party_word(c: AffiliationContext) -> str | None:
    """"Republican Rep. John Doe", "Democrat Jane Roe", "Roe, a Republican,", "the Labour MP"."""
    for token in c.words:
        if not token.text[:1].isupper() or _opens_a_title(token):
            continue
        for length in (3, 2, 1):
            party = lexicon.party_of(c.doc[token.i:token.i + length].text)
            if party:
                return party
    return None


def apposition_of_org(c: AffiliationContext) -> str | None:
    """"Helen Marsh, chief executive of Veltrax", "Raj Patel, an analyst at Crestline Securities",
    "Marsh, Veltrax's chief executive", "Hale, a Rovers striker"."""
    for appos in c.appositions:
        for obj in _objects([appos], "member_of") + _objects([appos], "speaks_for"):
            found = name_at(c, obj, people=False)
            if found:
                return found
        found = _prenominal_name(c, appos) or _possessor(c, appos)
        if found:
            return found
    return None


def _first_over_heads(c: AffiliationContext, read) -> str | None:
    """The first affiliation `read(c, head)` finds on any of the speaker's head nouns."""
    return next((found for head in c.heads if (found := read(c, head))), None)


def prenominal_org_title(c: AffiliationContext) -> str | None:
    """"Veltrax CEO Helen Marsh", "Crestline Securities analyst Raj Patel", "the United manager",
    "Marsh campaign chairman Tom Hale": a name before the speaker's title or role."""
    return _first_over_heads(c, _prenominal_name)


def _prenominal_name(c: AffiliationContext, head) -> str | None:
    before = [t for t in head.subtree if t.i < head.i and t.dep_ in {"compound", "nmod", "amod"} and not c.in_person(t)]
    for token in before:
        if not token.text[:1].isupper() or is_title_word(token) or _opens_a_title(token) \
                or describe.is_place_word(token) and not _named_as_organisation(c, token):
            continue
        if token.pos_ not in {"PROPN", "NOUN"} and token.ent_type_ != "ORG":
            continue
        mention = c.mentions_by_token.get(token.i)
        end = mention.token_end if mention is not None else token.i + 1
        while end < head.i and c.doc[end].pos_ == "PROPN" and not is_title_word(c.doc[end]):
            end += 1
        if c.in_person(head) and end >= c.person.token_start:
            continue  # "the Jane Roe years" of John Roe: a name run into the person's, not a title's organisation
        name = _organisation_named(c, _organisation_text(c, mention) if mention is not None else c.doc[token.i:end].text)
        name = _country_of_demonym(c, name) or name if name else None
        # "Marsh campaign chairman": the body named after someone stands between
        body = [t.text for t in c.doc[end:head.i] if t.pos_ == "NOUN" and t.lemma_.lower() in lexicon.word_list("body_nouns.txt")]
        if name and (end == head.i or is_title_word(c.doc[end]) or c.doc[end].pos_ == "NOUN"):
            return " ".join([name, *body[:1]])
    return None


def _named_as_organisation(c: AffiliationContext, token) -> bool:
    """"Veltrax spokeswoman": NER called the word a place here, the article an organisation elsewhere."""
    mention = c.mentions_by_token.get(token.i)
    return mention is not None and mention.canonical.lower() not in lexicon.nationalities() \
        and any(m.label == "ORG" and m.canonical == mention.canonical for m in c.orgs)


def _organisation_text(c: AffiliationContext, mention) -> str | None:
    if mention.label in {"GPE", "NORP"} and _named_as_organisation(c, c.doc[mention.token_start]):
        return mention.canonical
    return name_at(c, c.doc[mention.token_start])


def _organisation_named(c: AffiliationContext, text: str | None) -> str | None:
    """The organisation earlier in the article whose name holds `text` ("United" of "Portmouth
    United"), else `text` itself."""
    words = text.split() if text else []
    for mention in reversed(c.orgs):
        if words and mention.label in {"ORG", "GPE"} and len(mention.canonical.split()) > len(words) \
                and all(w in mention.canonical.split() for w in words):
            return mention.canonical
    return text


def is_title_word(token) -> bool:
    lower = token.lower_.rstrip(".")
    return lower in lexicon.person_titles() or token.lower_ in lexicon.person_titles() or lower in lexicon.role_nouns()


def possessive_org(c: AffiliationContext) -> str | None:
    """"Veltrax's spokesperson", "Marsh's spokeswoman": whoever the speaker works for."""
    return _first_over_heads(c, _possessor)


def _possessor(c: AffiliationContext, head) -> str | None:
    """"Veltrax's", or "the union's" for the union named before."""
    for child in head.children:
        if child.dep_ == "poss" and child.pos_ == "PROPN" and not c.in_person(child):
            return name_at(c, child) or child.text
        if child.dep_ == "poss" and child.pos_ == "NOUN":
            return describe.organisation_for(child, c.doc, c.orgs, c.position)
    return None


def for_org(c: AffiliationContext) -> str | None:
    """"a spokesman for Veltrax", "a lawyer for Marsh"."""
    return next(filter(None, (name_at(c, obj) for obj in _objects(c.heads, "speaks_for"))), None)


def at_org(c: AffiliationContext) -> str | None:
    """"an analyst at X", "Tom Hale, with X", "Councillor Ann Lee of Portmouth City Council"."""
    return next(filter(None, (name_at(c, obj, people=False) for obj in _objects(c.heads, "member_of"))), None)


def clause_of_org(c: AffiliationContext) -> str | None:
    """"Dr Ann Lee, who heads the Guild of ...", "Tom Hale, who works for X": the
    organisation a clause about the person says they lead or belong to (data/affiliation_verbs.txt)."""
    for head in c.heads:
        for clause in head.children:
            if clause.dep_ != "relcl" or clause.lemma_.lower() not in lexicon.word_list("affiliation_verbs.txt"):
                continue
            objects = [o for o in clause.children if o.dep_ in {"dobj", "attr"}] + _objects([clause], "member_of") \
                + _objects([clause], "speaks_for")
            found = next(filter(None, (name_at(c, o, people=False) for o in objects)), None)
            if found:
                return found
    return None


def nationality_word(c: AffiliationContext) -> str | None:
    """"a Danish official", "US officials", "Kenya's prime minister": the country."""
    nationalities = lexicon.nationalities()
    for token in c.words:
        found = nationalities.get(token.text.lower())
        if found:
            return found[0]
        mention = c.mentions_by_token.get(token.i)
        if mention is not None and mention.label in {"NORP", "GPE"} and describe.country_or_self(mention) != mention.canonical:
            return describe.country_or_self(mention)
        if mention is not None and mention.label in {"NORP", "GPE"}:
            country = _country_of_demonym(c, mention.canonical)
            if country:
                return country
    return None


def _country_of_demonym(c: AffiliationContext, word: str) -> str | None:
    """"Taldorian" of a country the article names "Taldoria" (a name not in the table): the
    adjective is the name with a short ending."""
    for mention in c.orgs:
        name = mention.canonical
        if mention.label in {"GPE", "NORP"} and len(name) >= 4 and len(name) < len(word) and word.startswith(name[:-1]) \
                and len(word) - len(name) <= 3:
            return name
    return None


def named_organisation(c: AffiliationContext) -> str | None:
    """Any other organisation the speaker's own words name."""
    for token in c.words:
        mention = c.mentions_by_token.get(token.i)
        if token.ent_type_ == "ORG" and mention is not None and mention.label == "ORG":
            return mention.canonical
    return None


def office_in_the_news(c: AffiliationContext) -> str | None:
    """"Chief Executive Officer Helen Marsh", "coach Ann Lee", "a spokeswoman": an office inside one
    organisation, with none named, is in the organisation the article has named most so far
    (data/organisation_offices.txt)."""
    offices = lexicon.word_list("organisation_offices.txt")
    words = sorted({t.i: t for t in [*c.words, *c.heads] if not c.in_person(t)}.values(), key=lambda t: t.i)
    said = {t.lemma_.lower() for t in words} | {f"{a.lower_} {b.lower_}" for a, b in pairwise(words)}
    if c.person is not None and c.person.title:
        said.add(c.person.title.lower())
    if not said & offices:
        return None
    position = c.position if c.position is not None else len(c.doc.text)
    named = [m for m in c.orgs if m.label == "ORG" and m.start_char < position and lexicon.party_of(m.canonical) is None]
    if not named:
        return None
    counts = Counter(m.canonical for m in named)
    return max(reversed(named), key=lambda m: counts[m.canonical]).canonical


def named_place(c: AffiliationContext) -> str | None:
    """A place or group that is no country, for an unnamed speaker ("a Leeds resident", "Texas
    officials"); a named politician's state is where they stand for, not their side."""
    if c.person is not None:
        return None
    for token in c.words:
        mention = c.mentions_by_token.get(token.i)
        if mention is not None and mention.label in {"NORP", "GPE"}:
            return describe.country_or_self(mention)
    return None


AFFILIATION_SIEVE = (party_bracket, party_word, apposition_of_org, prenominal_org_title, possessive_org, for_org, at_org,
                     clause_of_org, nationality_word, named_organisation, office_in_the_news, named_place)


def ranked_affiliation(c: AffiliationContext) -> tuple[int, str] | None:
    """(the place in `AFFILIATION_SIEVE` of the first rule that finds an affiliation, the affiliation)."""
    for rank, rule in enumerate(AFFILIATION_SIEVE):
        found = rule(c)
        if found:
            return rank, found
    return None


def affiliation_of(c: AffiliationContext) -> str | None:
    """The first rule of `AFFILIATION_SIEVE` that finds an affiliation."""
    found = ranked_affiliation(c)
    return found[1] if found else None


def introduced_affiliations(doc, entity_index, orgs, mentions_by_token) -> dict[str, tuple[int, str]]:
    """Canonical person -> (rank, affiliation): of what the article says of them over all their
    mentions, speaking or not, the answer of the earliest rule, then the most often given, then
    the first given."""
    votes: dict[str, Counter] = {}
    for mention in entity_index.mentions if entity_index is not None else ():
        if mention.label != "PERSON":
            continue
        root = doc[mention.token_start:mention.token_end].root
        found = ranked_affiliation(AffiliationContext(doc, root, orgs, mentions_by_token, mention.start_char, mention))
        if found:
            votes.setdefault(mention.canonical, Counter())[found] += 1
    return {person: min(counts, key=lambda k: (k[0], -counts[k])) for person, counts in votes.items()}
