"""The affiliation rules that read the speaker's own words (`AFFILIATION_SIEVE` 1-12)."""
from __future__ import annotations

from collections import Counter
from itertools import pairwise

from ... import lexicon
from .. import describe
from ..anaphora import is_person_noun
from .context import AffiliationContext, _initials, _objects, _opens_a_title, is_portfolio, name_at

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
        if _is_staff(appos) and not _past_role(appos):
            # "Ann Lee, a spokeswoman for Ms. Roe", "a senior adviser to Mr. Sanders": the person
            # they serve, whose side `unify.staff_of_a_person` then gives
            served = [o for p in appos.children if p.dep_ == "prep" and p.lower_ in {"for", "to"} for o in p.children
                      if o.dep_ == "pobj"]
            found = next(filter(None, (name_at(c, o) for o in served)), None)
            if found:
                return found
        # "Facebook's global politics and government outreach director": the parser may make the
        # first of coordinated modifiers the apposition and the person noun its conjunct
        person_noun = _names_a_person(appos) or any(_names_a_person(k) for k in appos.conjuncts)
        found = _prenominal_name(c, appos) or (_possessor(c, appos) if person_noun else None)
        if found:
            return found
    return None


def _is_staff(noun) -> bool:
    """"spokeswoman", "senior adviser", "campaign manager": a role on someone's staff (data/staff_nouns.txt)."""
    lemma = noun.lemma_.lower()
    forms = {lemma} | {f"{k.lower_} {lemma}" for k in noun.children if k.dep_ == "compound"}
    return bool(forms & lexicon.word_list("staff_nouns.txt"))


def _past_role(noun) -> bool:
    """"former top adviser", "ex-spokesman": a role held once (function_words.csv, `past_role`)."""
    return any(k.dep_ in {"amod", "advmod"} and k.lower_.rstrip("-") in lexicon.function_words("past_role") for k in noun.children)


def _names_a_person(noun) -> bool:
    """"chief executive", "spokeswoman", "lawyer": a noun that can describe a person, not a
    parser's apposition ("Sanders: Clinton's massive lead")."""
    return is_title_word(noun) or noun.lemma_.lower() in lexicon.word_list("organisation_offices.txt") \
        or is_person_noun(noun.lemma_)


def _first_over_heads(c: AffiliationContext, read) -> str | None:
    """The first affiliation `read(c, head)` finds on any of the speaker's head nouns."""
    return next((found for head in c.heads if (found := read(c, head))), None)


def prenominal_org_title(c: AffiliationContext) -> str | None:
    """"Veltrax CEO Helen Marsh", "Crestline Securities analyst Raj Patel", "the United manager",
    "Marsh campaign chairman Tom Hale": a name before the speaker's title or role."""
    return _first_over_heads(c, _prenominal_name)


def _prenominal_name(c: AffiliationContext, head) -> str | None:
    if head.lemma_.lower() in lexicon.word_list("family_nouns.txt"):
        return None  # "Walter Bates's widow": the person she is related to, no organisation (`family_of`)
    if c.person is not None and head.pos_ == "PROPN" and not c.in_person(head):
        return None  # "Bernie Sanders and Hillary Clinton": the first name's words are not the second's title
    before = [t for t in head.subtree if t.i < head.i and t.dep_ in {"compound", "nmod", "amod"} and not c.in_person(t)]
    for token in before:
        if token.text[:1].islower() and token.pos_ == "NOUN" and lexicon.is_organisation_noun(token.lemma_.lower()) \
                and (token.head.i == head.i or _names_a_person(token.head)) and c.mentions_by_token.get(token.i) is None:
            # "union chairwoman Mary Holt": the body of that kind named before, by a name with the word
            named = _named_with_word(c, token)
            if named:
                return named
        if not token.text[:1].isupper() or is_title_word(token) or _opens_a_title(token) or _inside_a_title(token) \
                or describe.is_place_word(token) and not _named_as_organisation(c, token) and not _initials(token.text):
            continue
        if token.pos_ not in {"PROPN", "NOUN"} and token.ent_type_ != "ORG":
            continue
        mention = c.mentions_by_token.get(token.i)
        end = mention.token_end if mention is not None else token.i + 1
        if end + 2 < head.i and c.doc[end].text == "(" and c.doc[end + 2].text == ")":
            end += 3  # "Indian Cricketers' Association (ICA) secretary general Suresh Nair"
        while end < head.i and c.doc[end].pos_ == "PROPN" and not is_title_word(c.doc[end]):
            end += 1
        if c.in_person(head) and end >= c.person.token_start:
            continue  # "the Jane Roe years" of John Roe: a name run into the person's, not a title's organisation
        name = _organisation_named(c, _organisation_text(c, mention) if mention is not None else c.doc[token.i:end].text)
        # not "a Middle East spokesperson for Amnesty International": the body it is for comes first
        if name is None and mention is not None and mention.label == "LOC" and not _objects([head], "speaks_for") \
                and head.lemma_.lower() in lexicon.word_list("organisation_offices.txt") and not _objects([head], "member_of"):
            name = mention.canonical  # "a Downing Street spokesperson": an office's seat stands for it
        name = _country_of_demonym(c, name) or name if name else None
        if name == token.text and end == token.i + 1 and lexicon.is_organisation_noun(token.lemma_.lower()):
            # "Board President Tom Hale": a bare kind of body is the one of that kind named before
            name = _named_with_word(c, token) or name
        # "Marsh campaign chairman": the body named after someone stands between
        body = [t.text for t in c.doc[end:head.i] if t.pos_ == "NOUN" and t.lemma_.lower() in lexicon.word_list("body_nouns.txt")]
        after = end
        while after < head.i and c.doc[after].pos_ == "ADJ" and c.doc[after].text[:1].islower():
            after += 1  # "Unifor national president Lana Payne"
        if name and (after == head.i or is_title_word(c.doc[after]) or c.doc[after].pos_ == "NOUN"):
            return " ".join([name, *body[:1]])
    return None


def _inside_a_title(token) -> bool:
    """"Financial" of "Chief Financial Officer": a word inside a title of several words
    (data/titles.csv, data/organisation_offices.txt), not a name before one."""
    doc, titles = token.doc, lexicon.person_titles() | lexicon.word_list("organisation_offices.txt")
    return any(doc[start:end].text.lower() in titles for start in range(max(0, token.i - 3), token.i)
               for end in range(token.i + 1, min(len(doc), token.i + 4) + 1))


def _named_with_word(c: AffiliationContext, noun) -> str | None:
    earlier = [m for m in c.orgs if m.label == "ORG" and m.start_char < (c.position if c.position is not None else len(c.doc.text))]
    return describe.named_with_word(noun, c.doc, earlier)


def _named_as_organisation(c: AffiliationContext, token) -> bool:
    """"Veltrax spokeswoman", "Comets captain": NER called the word a place or a people here, the
    article an organisation elsewhere, by that name or by a longer one ending in it ("Cedar
    Valley Comets")."""
    mention = c.mentions_by_token.get(token.i)
    return mention is not None and mention.canonical.lower() not in lexicon.nationalities() \
        and any(m.label == "ORG" and (m.canonical == mention.canonical or m.canonical.endswith(" " + mention.canonical))
                for m in c.orgs)


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


def family_of(c: AffiliationContext) -> str | None:
    """"her son, Thomas Ellory", "Walter Bates's widow": the family of the person a relative is
    related to (data/family_nouns.txt), by a name or a pronoun the ranker resolves."""
    return _first_over_heads(c, _relative_of)


def _relative_of(c: AffiliationContext, head) -> str | None:
    if head.lemma_.lower() not in lexicon.word_list("family_nouns.txt"):
        return None
    for child in head.children:
        if child.dep_ != "poss":
            continue
        if child.lower_ in lexicon.pronoun_genders():
            owner = c.owner_of(child) if c.owner_of is not None else None
        else:
            mention = c.mentions_by_token.get(child.i)
            owner = mention.canonical if mention is not None and mention.label == "PERSON" else None
        if owner and not (c.person is not None and owner == c.person.canonical):
            return f"{owner} family"
    return None


def possessive_org(c: AffiliationContext) -> str | None:
    """"Veltrax's spokesperson", "Marsh's spokeswoman": whoever the speaker works for."""
    return _first_over_heads(c, _possessor)


def _possessor(c: AffiliationContext, head) -> str | None:
    """"Veltrax's", "the union's" for the union named before, "his" for the person it stands for
    ("his campaign manager": that person's campaign, data/service_nouns.txt); not "Clinton's rival"
    (data/relation_nouns.txt)."""
    if head.lemma_.lower() in lexicon.word_list("relation_nouns.txt") | lexicon.word_list("family_nouns.txt"):
        return None  # a relative speaks for the family (`family_of`), after any job they hold
    if _past_role(head):
        return None  # "President Obama's former top adviser" is no longer his
    for child in head.children:
        if child.dep_ == "poss" and child.lower_ in lexicon.pronoun_genders() and c.owner_of is not None \
                and _in_service(head):
            owner = c.owner_of(child)
            if owner is None or c.person is not None and owner == c.person.canonical:
                return None
            body = [t.text for t in head.subtree if t.i < head.i and t.lemma_.lower() in lexicon.word_list("body_nouns.txt")]
            return " ".join([owner, *body[:1]])
        # the parser sometimes calls "the theatre's" of "the theatre's artistic director" an nmod
        possessive = child.dep_ == "poss" or child.dep_ == "nmod" and any(
            k.dep_ == "case" and k.lower_ in {"'s", "’s"} for k in child.children)
        if possessive and child.pos_ == "PROPN" and not c.in_person(child):
            owner = name_at(c, child) or child.text
            # "Sanders' campaign manager": the body named after the possessor
            body = [t.text for t in head.children if t.dep_ == "compound" and t.lemma_.lower() in lexicon.word_list("body_nouns.txt")]
            return owner if not body or owner.endswith(body[0]) else f"{owner} {body[0]}"
        if possessive and child.pos_ == "NOUN":
            return describe.organisation_for(child, c.doc, c.orgs, c.position)
    return None


def _in_service(head) -> bool:
    """"aide", "campaign manager", "chief of staff": a role in another person's service
    (data/service_nouns.txt), read with its compound or its "of" object."""
    lemma = head.lemma_.lower()
    forms = {lemma} | {f"{k.lower_} {lemma}" for k in head.children if k.dep_ == "compound"}
    forms |= {f"{lemma} of {o.lower_}" for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children}
    return bool(forms & lexicon.word_list("service_nouns.txt"))


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
            if clause.dep_ != "relcl":
                continue
            if clause.lemma_.lower() in lexicon.function_words("speaking_verb"):
                # "who speaks on transport for the opposition": only "for" (one speaks *at* an event),
                # which the parser may hang on the topic
                topics = [o for p in clause.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
                objects = _objects([clause, *topics], "speaks_for")
            elif clause.lemma_.lower() in lexicon.word_list("affiliation_verbs.txt"):
                objects = [o for o in clause.children if o.dep_ in {"dobj", "attr"}] + _objects([clause], "member_of") \
                    + _objects([clause], "speaks_for")
                # "who runs the NRA's lobbying arm": a part of a body, by its owner
                objects += [k for o in objects for k in o.children if k.dep_ == "poss" and k.pos_ == "PROPN"]
            else:
                continue
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
        # (one of the article's organisations: not the "(Reuters)" of a dateline the parser ran in)
        if token.ent_type_ == "ORG" and mention is not None and mention.label == "ORG" and any(m is mention for m in c.orgs) \
                and not _opens_a_title(token) and not _in_a_portfolio(token):
            return mention.canonical
    return None


def _in_a_portfolio(token) -> bool:
    """"Education" of "the Cabinet Secretary for Education" (`context.is_portfolio`)."""
    node = token
    while node.dep_ in {"compound", "conj", "cc"} and node.head.i != node.i:
        node = node.head
    return node.dep_ == "pobj" and node.head.dep_ == "prep" and is_portfolio(node.head.head, node)


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
    # an organisation named only as a modifier of a thing ("a UN resolution", "the Veltrax share price") is
    # not the story's subject; one before a role ("Rovers captain") or a possessor ("Veltrax's shares") is
    standing = {m.canonical for m in named if (root := c.doc[m.token_start:m.token_end].root).dep_ not in
                {"compound", "nmod", "amod"} or is_title_word(root.head) or root.head.lemma_.lower() in offices}
    named = [m for m in named if m.canonical in standing] or named
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

