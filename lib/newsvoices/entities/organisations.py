"""Organisations and places: short names ("Corvant" for "Corvant Semiconductor"), acronyms, and one canonical name per organisation or place."""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from .. import lexicon
from .acronyms import unbracketed_acronyms
from .index import (
    _BRACKETED_ACRONYM,
    EntityIndex,
    Mention,
    _lower_case_words,
    _tokens_matching,
    _tokens_spelled,
    clean_name,
)


def _organisation_short_names(index: EntityIndex, doc, sentence_of_token, paragraph_of_char) -> None:
    """"Corvant" after "Corvant Semiconductor": the first word of an organisation's name, used
    alone, is that organisation, whatever NER made of it (often a PERSON, often nothing, often a
    place when the article never writes it as one). Only
    when the word is in no full name of a person, no country or nationality, no title, no word
    that opens many names ("New", "National"; data/generic_name_words.txt), and never written in
    lower case in the article ("General" of "General Motors" is not short for it if the text
    also says "general")."""
    countries = lexicon.nationalities()
    titles = lexicon.person_titles()
    lower_case = _lower_case_words(doc)
    person_words = {w for m in index.mentions if m.label == "PERSON" and len(m.key.split()) >= 2 for w in m.key.split()}
    long_names = defaultdict(set)
    for mention in index.mentions:
        words = mention.key.split()
        if mention.label == "ORG" and len(words) >= 2 and words[0][:1].isupper() and words[0].isalpha():
            long_names[words[0]].add(mention.key)
    for word, names in long_names.items():
        # "Veltrax" beside "Veltrax Semiconductor" and "Veltrax Workers Union": a body named
        # after the company (its union, its foundation) is not what the short name stands for
        own = {n for n in names if n.split()[-1].lower() not in lexicon.function_words("affiliate_body")}
        long_names[word] = own if len(own) == 1 else names
    short = {word: next(iter(names)) for word, names in long_names.items()
             if len(names) == 1 and word.lower() not in countries and word.lower() not in titles
             and word.lower() not in lower_case and word not in person_words and len(word) > 2
             and word.lower() not in lexicon.generic_name_words()}
    if not short:
        return
    # a place NER made of the short name ("a release from Maplecrest" read as LOC or GPE) is the
    # organisation too, unless the article writes it as a place somewhere ("in Toronto")
    places = {m.key for m in index.mentions if m.label in {"GPE", "LOC"} and m.token_start > 0
              and doc[m.token_start - 1].lower_ in lexicon.function_words("place_preposition")}
    for mention in index.mentions:
        words = mention.key.split()
        if mention.label in {"GPE", "LOC"} and len(words) > 1 and words[0] in short and words[0] not in places \
                and all(w.islower() for w in words[1:]):  # "Maplecrest later": NER ran on into the sentence
            mention.text, mention.key, mention.token_end = words[0], words[0], mention.token_start + 1
            mention.end_char = mention.start_char + len(words[0])
        if mention.key in short and (mention.label in {"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "FAC"}
                                     or mention.label in {"GPE", "LOC"} and mention.key not in places):
            mention.label, mention.key = "ORG", short[mention.key]
    covered = {i for m in index.mentions for i in range(m.token_start, m.token_end)}
    for token in _tokens_spelled(doc, short):
        # any part of speech: the tagger often calls an unknown name in a headline an adjective
        if token.i not in covered:
            index.mentions.append(Mention(token.text, "ORG", token.idx, token.idx + len(token.text), sentence_of_token[token.i],
                                          paragraph_of_char(token.idx), key=short[token.text], token_start=token.i,
                                          token_end=token.i + 1))


def _acronyms(index: EntityIndex, doc) -> dict[str, str]:
    """Acronyms introduced in brackets after a name, "the Joint Employers' Council (JEC)", when
    the capitalised words before the bracket have the acronym's initials (NER often misses
    the long name itself)."""
    found = {}
    connectors = lexicon.function_words("acronym_connector")
    for token in _tokens_matching(doc, _BRACKETED_ACRONYM):
        if token.text != "(" or token.i + 2 >= len(doc) or doc[token.i + 2].text != ")":
            continue
        acronym = doc[token.i + 1].text
        if not re.fullmatch(r"[A-Z][A-Za-z&]{1,9}", acronym) or sum(ch.isupper() for ch in acronym) < 2:
            continue
        words = []
        k = token.i - 1
        while k >= 0 and (doc[k].text[:1].isupper() or doc[k].lower_ in connectors) and doc[k].sent == token.sent:
            words.insert(0, doc[k])
            k -= 1
        while words and (words[0].lower_ in connectors or words[0].lower_ in lexicon.function_words("article")):
            words = words[1:]
        initials = "".join(w.text[0] for w in words if w.text[:1].isupper())
        if len(words) >= 2 and initials.upper() == acronym.upper().replace("&", ""):
            found.setdefault(acronym, doc[words[0].i:words[-1].i + 1].text)
    return found


def _resolve_others(index: EntityIndex, doc=None) -> None:
    countries = lexicon.nationalities()
    acronyms = unbracketed_acronyms(index.mentions, doc)
    acronyms.update(_acronyms(index, doc) if doc is not None else {})
    by_label = defaultdict(list)
    for mention in index.mentions:
        if mention.label == "PERSON":
            continue
        country = countries.get(mention.key.lower())
        if mention.label in {"GPE", "LOC"} and country and country[1] == "name":
            mention.canonical = country[0]
        else:
            mention.canonical = acronyms.get(mention.key, mention.key)
        by_label[mention.label].append(mention)
    _short_forms_of_longer_names(index.mentions)
    # "Security Council" after "UN Security Council": the shorter form is the longer one's tail.
    for mentions in by_label.values():
        names = Counter(m.canonical for m in mentions)
        for mention in mentions:
            longer = [n for n in names if n != mention.canonical and len(n.split()) > len(mention.canonical.split())
                      and n.lower().endswith(" " + mention.canonical.lower())]
            if len(longer) == 1 and len(mention.canonical.split()) >= 2:
                mention.canonical = longer[0]


def _short_forms_of_longer_names(mentions) -> None:
    """"Portmouth General" beside "Portmouth General Hospital": a name of two words or more that
    the article also writes followed by an organisation noun is that organisation, whether NER
    called it an organisation or a building."""
    names = {m.canonical for m in mentions if m.label in {"ORG", "FAC"}}
    for mention in mentions:
        if mention.label not in {"ORG", "FAC"} or len(mention.canonical.split()) < 2:
            continue
        longer = [n for n in names if n.startswith(mention.canonical + " ")
                  and all(lexicon.is_organisation_noun(w.lower()) for w in n[len(mention.canonical):].split())]
        if len(longer) == 1:
            mention.canonical, mention.label = longer[0], "ORG"


def giving_way(mentions: list[Mention], found: list[Mention]) -> list[Mention]:
    """The `found` names, and the mentions that overlap none of them, in text order."""
    kept = [m for m in mentions if not any(f.token_start < m.token_end and m.token_start < f.token_end for f in found)]
    return sorted(kept + found, key=lambda m: m.start_char)


def organisation_names_ner_missed(mentions: list[Mention], doc, sentence_of_token, paragraph_of_char) -> list[Mention]:
    """"A senior official at the Geneva Maritime Dialogue Centre": a run of capitalised words
    ending in a kind of body (data/organisation_nouns.txt, research_institutions.txt), with an
    "of"/"for" phrase in capitals after it ("the University of Eastbrook", "the Institute for
    Fiscal Studies"), is an organisation's name, whatever NER made of it (the small model often
    tags its last word a PERSON, or nothing); so is one set beside a kind of body ("Carrick Community
    Transport, a charity that runs ..."). The mentions it covers give way to it."""
    kinds = lexicon.organisation_nouns() | lexicon.word_list("research_institutions.txt")
    found = []
    for token in doc:
        if token.pos_ != "PROPN" or not token.text[:1].isupper() or token.lower_ not in kinds and not _set_beside_a_kind(token, kinds):
            continue
        start, end = _capitalised_name_around(token)
        # already a name of its own: an organisation, or a person NER read whole ("Margaret Court")
        if end - start < 2 or any(m.label in {"ORG", "FAC", "PERSON"} and m.token_start <= start and end <= m.token_end
                                  for m in mentions):
            continue
        span = doc[start:end]
        found.append(Mention(span.text, "ORG", span.start_char, span.end_char, sentence_of_token[start],
                             paragraph_of_char(span.start_char), key=clean_name(span.text, "ORG"), token_start=start,
                             token_end=end))
    return giving_way(mentions, found)


def agencies_named_after_a_country(mentions: list[Mention], doc, sentence_of_token, paragraph_of_char) -> list[Mention]:
    """"Environment Canada said", "Transport Canada says": one capitalised noun right before a
    country's name, the two the subject of their clause, is a body named after the country (an
    agency, "Air Canada"), where NER often tags the country alone. Not a direction or a scope
    ("Atlantic Canada", "Northern Ireland"; data/generic_name_words.txt). The country gives way."""
    found = []
    for mention in mentions:
        start = mention.token_start - 1
        if mention.label != "GPE" or mention.text.lower() not in lexicon.nationalities() or start < 0:
            continue
        word = doc[start]
        if word.pos_ not in {"PROPN", "NOUN"} or not word.text[:1].isupper() or word.ent_type_ \
                or word.lower_ in lexicon.generic_name_words() or word.lower_ in lexicon.nationalities() \
                or start > word.sent.start and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha:
            continue
        span = doc[start:mention.token_end]
        if span.root.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        found.append(Mention(span.text, "ORG", span.start_char, span.end_char, sentence_of_token[start],
                             paragraph_of_char(span.start_char), key=clean_name(span.text, "ORG"), token_start=start,
                             token_end=mention.token_end))
    return giving_way(mentions, found)


def team_names_ner_missed(mentions: list[Mention], doc, sentence_of_token, paragraph_of_char) -> list[Mention]:
    """"the Portmouth Harriers ... the Harriers": a capitalised plural after "the" that the article
    writes so at least twice, once as a subject, that no table knows as a people or a party and NER
    never calls an event, a people or (alone) a place, is the name of a team or a band, whatever
    else NER made of it (nothing, a place for the full name, a person for the plural alone). The
    mentions it covers give way to it."""
    runs = []
    # "the Clintons" are a family of people the article names
    surnames = {w for m in mentions if m.label == "PERSON" and m.token_end - m.token_start > 1 for w in m.canonical.split()}
    for token in doc:
        if token.tag_ not in {"NNPS", "NNS"} or not token.text[:1].isupper() or token.i == token.sent.start \
                or token.lower_ in lexicon.nationalities() or lexicon.party_of(token.text) is not None \
                or token.text.removesuffix("es") in surnames or token.text.removesuffix("s") in surnames:
            continue
        start = token.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper() \
                and doc[start - 1].ent_type_ not in {"PERSON", "DATE"}:
            start -= 1
        # NER often reads "the Harriers" as a person; a plural is no one person's name
        if start > 0 and doc[start - 1].lower_ == "the" and not any(
                m.label in {"ORG", "GPE"} or m.label == "PERSON" and m.token_end - m.token_start > 1
                for m in mentions if m.token_start <= token.i < m.token_end):
            runs.append((start, token.i + 1))
    written = Counter(doc[end - 1].text for _, end in runs)
    # a team acts ("the Harriers led at halftime"); "the Olympics", "the Maoists", "the Balkans"
    # are an event, a people and a place to NER, at least somewhere
    not_a_team = {doc[b - 1].text for a, b in runs if doc[b - 1].ent_type_ in {"EVENT", "NORP", "WORK_OF_ART", "LAW"}
                  or b - a == 1 and doc[a].ent_type_ in {"LOC", "GPE", "FAC"}}
    acting = {doc[b - 1].text for _, b in runs if doc[b - 1].dep_ in {"nsubj", "nsubjpass"}}
    found = [Mention(doc[a:b].text, "ORG", doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text), sentence_of_token[a],
                     paragraph_of_char(doc[a].idx), key=clean_name(doc[a:b].text, "ORG"), token_start=a, token_end=b)
             for a, b in runs if written[doc[b - 1].text] >= 2 and doc[b - 1].text in acting - not_a_team]
    for mention in found:  # "the Harriers" is the "Portmouth Harriers" named in full
        longer = {f.key for f in found if f.key.endswith(" " + mention.key)}
        if len(longer) == 1:
            mention.key = longer.pop()
    return giving_way(mentions, found)


def _set_beside_a_kind(token, kinds) -> bool:
    """"Carrick Community Transport, a charity that runs ...": a name with a kind of organisation
    in apposition, as news introduces a body its readers may not know."""
    return token.ent_type_ not in {"PERSON", "GPE"} and any(
        k.dep_ == "appos" and k.pos_ == "NOUN" and k.lemma_.lower() in kinds and k.i > token.i for k in token.children)


def _capitalised_name_around(head) -> tuple[int, int]:
    """The token range of the capitalised compound words before `head` and a capitalised
    "of"/"for" phrase after it."""
    doc = head.doc
    start = head.i
    while start > 0:
        if doc[start - 1].dep_ == "compound" and start <= doc[start - 1].head.i <= head.i \
                and doc[start - 1].text[:1].isupper() and doc[start - 1].pos_ == "PROPN":
            start -= 1
        elif start > 1 and _plural_possessive(doc[start - 2], doc[start - 1]):
            start -= 2  # "the Indian Cricketers' Association", "the Allied Workers' Union"
        else:
            break
    end = head.i + 1
    if end + 1 < len(doc) and doc[end].lower_ in {"of", "for"} and doc[end].head.i == head.i:
        objects = [c for c in doc[end].children if c.dep_ == "pobj"]
        if objects and all(t.text[:1].isupper() or t.lower_ in lexicon.function_words("name_connector")
                           for t in objects[0].subtree) and objects[0].left_edge.i == end + 1:
            end = objects[0].right_edge.i + 1
    return start, end


def organisations_ner_called_people(mentions: list[Mention], doc) -> None:
    """A PERSON mention that the sentence shows to be an organisation becomes one, with every
    mention of the same name and one-word mentions of its last word: `named_after_organisation_noun`
    ("advocacy group Bike Kirikiriroa"), `taken_up_by_which` ("Northline Rail, which operates the
    trains, said") or `subject_of_a_plural_verb` ("Brackwater Rovers have agreed")."""
    tests = (named_after_organisation_noun, taken_up_by_which, subject_of_a_plural_verb)
    found = {m.key for m in mentions if m.label == "PERSON" and any(test(m, doc) for test in tests)}
    # "Rovers" after "Brackwater Rovers": the name's tail is the same organisation
    tails = defaultdict(set)
    for key in found:
        for k in range(1, len(key.split())):
            tails[" ".join(key.split()[-k:])].add(key)
    for mention in mentions:
        if mention.label == "PERSON" and len(tails.get(mention.key, ())) == 1 and mention.token_end - mention.token_start == 1:
            mention.label, mention.key = "ORG", next(iter(tails[mention.key]))
        elif mention.label == "PERSON" and mention.key in found:
            mention.label, mention.key = "ORG", clean_name(mention.text, "ORG")


def named_after_organisation_noun(mention: Mention, doc) -> bool:
    """"a spokesman for advocacy group Bike Kirikiriroa", "the charity Oxfam": a name right after
    a lower-case kind of organisation that modifies it names that organisation."""
    if mention.token_start == 0:
        return False
    before = doc[mention.token_start - 1]
    root = doc[mention.token_start:mention.token_end].root
    # not "on board Hillary Clinton's campaign": a possessor, or a noun right after a preposition
    if root.dep_ == "poss" or doc[mention.token_end - 1].tag_ == "POS" or mention.text.endswith(("'s", "’s")) \
            or before.i > 0 and doc[before.i - 1].pos_ == "ADP":
        return False
    # "advocacy group Bike Kirikiriroa": the kind has no words of its own but a compound
    # (not "whatever real authority Manafort had")
    if any(c.dep_ != "compound" for c in before.children):
        return False
    if before.lower_.endswith(("er", "or")):
        return False  # "publisher Ron Unz", "manufacturer Ron Johnson": an agent noun is as often a person
    return before.text[:1].islower() and before.pos_ == "NOUN" and lexicon.is_organisation_noun(before.lemma_) \
        and before.lemma_.lower() not in lexicon.role_nouns() and before.dep_ in {"compound", "nmod"} \
        and mention.token_start <= before.head.i < mention.token_end


def taken_up_by_which(mention: Mention, doc) -> bool:
    """"Northline Rail, which operates the freight trains, said": a subject that a relative
    clause takes up with "which" is no person."""
    root = doc[mention.token_start:mention.token_end].root
    if root.dep_ not in {"nsubj", "nsubjpass"} or mention.token_end + 1 >= len(doc):
        return False
    comma, which = doc[mention.token_end], doc[mention.token_end + 1]
    return comma.text == "," and which.lower_ == "which" and which.head.dep_ == "relcl" and which.head.head.i == root.i


def _plural_possessive(word, mark) -> bool:
    """"Cricketers'" of "the Indian Cricketers' Association": a capitalised plural that owns the
    next word, part of a name; the parser's attachment of it is too often wrong to ask."""
    return mark.text in {"'", "’"} and mark.tag_ == "POS" and word.text[:1].isupper() and word.text.endswith("s") \
        and word.pos_ in {"PROPN", "NOUN"} and word.ent_type_ != "PERSON"


PLURAL_FINITE_VERBS = {"have", "are", "were", "do"}


def subject_of_a_plural_verb(mention: Mention, doc) -> bool:
    """"Brackwater Rovers have agreed to sell", "Rovers were in debt": a name that is the subject,
    alone, of a plural verb is a team or a company, not one person."""
    root = doc[mention.token_start:mention.token_end].root
    if root.dep_ != "nsubj" or root.tag_ != "NNPS" or any(c.dep_ == "conj" for c in root.children):
        return False
    verb = root.head
    # an auxiliary or "be" only: "that Sanders leave the race" is a subjunctive, not a plural
    finite = [c for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.i > root.i] or [verb]
    return finite[0].lower_ in PLURAL_FINITE_VERBS
