"""The affiliation rules that read the sentence around the speaker and the office they hold,
not only the words of their name (`AFFILIATION_SIEVE`, see the package docstring)."""
from __future__ import annotations

import re
from collections import Counter

from ... import lexicon
from .. import describe
from .context import AffiliationContext, _objects, name_at, standing_body

PLACE_LABELS = {"GPE", "NORP"}


def its_organisation(c: AffiliationContext) -> str | None:
    """"Its chief executive, Nigel Armistead, said": the organisation the sentences before are
    about, in this paragraph or the one before: the last one that was a subject, else the last named."""
    if not any(child.dep_ == "poss" and child.lower_ in lexicon.function_words("organisation_possessive")
               for head in c.heads for child in head.children):
        return None
    sentence = c.root.sent
    since = _previous_paragraph_start(c.doc.text, sentence.start_char)
    earlier = [m for m in c.orgs if m.label == "ORG" and m.token_start < sentence.start and m.start_char >= since]
    subjects = [m for m in earlier if c.doc[m.token_start:m.token_end].root.dep_ in {"nsubj", "nsubjpass"}]
    chosen = subjects or earlier
    return chosen[-1].canonical if chosen else _subject_name_ner_missed(c.doc, since, sentence.start)


def _subject_name_ner_missed(doc, since_char: int, before: int) -> str | None:
    """"The Regional Bus Operators' Association ... said": the last subject in the span that is a
    capitalised name ending in an organisation noun, which NER did not tag."""
    for token in reversed(doc[:before]):
        if token.idx < since_char:
            return None
        if token.dep_ == "nsubj" and token.text[:1].isupper() and lexicon.is_organisation_noun(token.lemma_):
            start = token.i
            while start > 0 and (doc[start - 1].tag_ == "POS" or doc[start - 1].text in {"’", "'"} or doc[start - 1].pos_ == "PROPN"):
                start -= 1  # "Operators’ Association": a plural's apostrophe
            if start < token.i and doc[start].pos_ == "PROPN":
                return doc[start:token.i + 1].text
    return None


def _previous_paragraph_start(text: str, char: int) -> int:
    """Where the paragraph before the one holding `char` starts."""
    here = text.rfind("\n", 0, char)
    if here < 0:
        return 0
    return text[:here].rstrip("\n").rfind("\n") + 1


def organisation_run(c: AffiliationContext) -> str | None:
    """"Per Haugland runs the summer ski centre", "Lee works at Veltrax": the person is the subject
    of a verb of leading or belonging (data/affiliation_verbs.txt) whose object is an organisation."""
    verb = c.root.head
    if c.root.dep_ != "nsubj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in lexicon.word_list("affiliation_verbs.txt"):
        return None
    objects = [o for o in verb.children if o.dep_ == "dobj"] + _objects([verb], "member_of") + _objects([verb], "speaks_for")
    return next(filter(None, (name_at(c, o, people=False) or organisation_phrase(c, o) for o in objects)), None)


def sentence_at_organisation(c: AffiliationContext) -> str | None:
    """"At the Children's Hospital in Drosna, paediatrician Dr Mirela Baranyi said": a sentence that
    opens at a named organisation, of which the speaker is the subject."""
    verb = c.root.head
    if c.root.dep_ != "nsubj":
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.i < c.root.i and prep.i == verb.sent.start and prep.lower_ == "at":
            for place in prep.children:
                mention = c.mentions_by_token.get(place.i)
                if place.dep_ == "pobj" and mention is not None and mention.label in {"ORG", "FAC"}:
                    return name_at(c, place, people=False)
    return None


def unnamed_organisation_at(c: AffiliationContext) -> str | None:
    """"Samuel Achterberg, a nephrologist at a university hospital in Utrecht": an organisation the
    article describes without naming it."""
    heads = [*c.heads, *c.appositions]
    return next(filter(None, (organisation_phrase(c, o) for o in _objects(heads, "member_of"))), None)


def organisation_phrase(c: AffiliationContext, noun) -> str | None:
    """"the summer ski centre", "a university hospital in Utrecht" -> "summer ski centre",
    "university hospital in Utrecht": an organisation noun with its modifiers and a named place."""
    if noun.pos_ != "NOUN" or not lexicon.is_organisation_noun(noun.lemma_) or c.mentions_by_token.get(noun.i) is not None:
        return None
    words = [t for child in noun.children if child.i < noun.i and child.dep_ in {"compound", "amod", "nmod"}
             for t in child.subtree] + [noun]
    for prep in noun.children:
        places = [o for o in prep.children if o.dep_ == "pobj" and o.ent_type_ == "GPE"]
        if prep.dep_ == "prep" and prep.lower_ == "in" and places:
            words += [prep, *(t for t in places[0].subtree if t.ent_type_ == "GPE" and t.i <= places[0].i)]
    words = sorted(words, key=lambda t: t.i)
    if len(words) == 1 and any(k.dep_ == "det" and k.lower_ == "the" for k in noun.children):
        return None  # "the face of the party, Donald Trump": a kind named before, not an organisation's name
    return " ".join(t.text for t in words) if len(words) <= 6 else None


def _described_words(c: AffiliationContext) -> list:
    """The words that describe the speaker, outside the name, in text order."""
    return sorted({t.i: t for t in [*c.words, *c.heads] if not c.in_person(t)}.values(), key=lambda t: t.i)


def _words_said(words, c: AffiliationContext) -> set[str]:
    """The lower-case words, their runs of two to four, and the person's title."""
    lowers = [t.lower_ for t in words]
    said = set(lowers) | {" ".join(lowers[i:i + n]) for n in (2, 3, 4) for i in range(len(lowers))}
    if c.person is not None and c.person.title:
        said.add(c.person.title.lower().rstrip("."))
    return said


def _offices_held(c: AffiliationContext) -> set[str]:
    """The speaker's title and the words of their office ("finance minister", "president")."""
    words = _described_words(c)
    said = _words_said(words, c)
    if said & lexicon.function_words("not_in_office") or any(lexicon.is_organisation_noun(t.lemma_) for t in words
                                                               if t.lemma_.lower() not in {"ministry", "government", "administration"}):
        return set()  # "former President", "the club president": not an office of the state now
    return said


def _subnational(c: AffiliationContext) -> bool:
    """"the state's attorney general", "a county commissioner": an office below the national
    government (function_words.csv, job `subnational`; lower case, so not "Secretary of State")."""
    words = lexicon.function_words("subnational")
    described = [*c.words, *c.heads, *c.predicates]
    return any(t.text in words for w in described for t in [w, *w.children] if t is w or t.dep_ in {"poss", "compound", "amod"})


def government_office(c: AffiliationContext) -> str | None:
    """"Finance Minister Oskar Velden", "the transport minister", "President Obama", "a ministry
    spokesperson": the country the article is about, whose government they speak for
    (data/government_offices.txt)."""
    said = _offices_held(c)
    words = {w for phrase in said for w in phrase.split()}
    if _subnational(c):
        return None
    if not (said & lexicon.word_list("government_offices.txt")
            or any(w.endswith(("minister", "ministry")) for w in words)):
        return None
    region = _region_before_title(c) or _province_of_the_article(c, said)
    if region:  # "Quebec Economy Minister X": a province's or a state's government, not the country's
        return region
    # the country itself, as `nationality_word` gives it for "a U.S. official": one side, one name
    title_country = describe.affiliation_of_title(c.person.title) if c.person is not None else None
    # with several countries, which government is left open ("the US Secretary of State" elsewhere
    # may say); with none named at all, the only government in the story is the one it is about
    return title_country or _country_of_the_article(c) or _the_only_government(c)


def _region_before_title(c: AffiliationContext) -> str | None:
    """The place right before a person's title that is no country: "Quebec" of "Quebec Economy
    Minister Benoit Lavoie", "Nova Scotia" of "Nova Scotia Premier Callum Dunphy"."""
    if c.person is None or not c.person.title:
        return None
    doc, i = c.root.doc, c.person.token_start - 1
    title_words = len(c.person.title.split())
    while i >= 0 and title_words and doc[i].ent_type_ != "GPE" and doc[i].pos_ in {"PROPN", "NOUN"}:
        i, title_words = i - 1, title_words - 1
    place = next((m for m in c.orgs if m.label == "GPE" and m.token_start <= i < m.token_end), None) if i >= 0 else None
    if place is None or place.canonical.lower() in lexicon.nationalities():
        return None
    return place.canonical


def _province_of_the_article(c: AffiliationContext, said: set[str]) -> str | None:
    """"Premier Tim Houston", "Education Minister Jill Dunlop" in a story that names Nova Scotia
    or Ontario more than any other province or state, and more than its country: a premier or a
    minister there is the province's (data/function_words.csv, job `provincial_office`), unless
    the words say federal ("Federal Housing Minister Sean Fraser", "Prime Minister"), or, for a
    minister, the story does anywhere ("federal funding for hospitals in Victoria")."""
    words = {w for phrase in said for w in phrase.split()}
    national = lexicon.function_words("national_office")
    premier = bool(words & lexicon.function_words("provincial_office"))
    if not premier and not any(w.endswith("minister") for w in words) or words & national or "prime minister" in said:
        return None
    # a minister in a story that speaks of federal money or a national plan may be the country's
    if not premier and any(t.lower_ in national for t in c.doc):
        return None
    divisions = lexicon.first_level_divisions()
    named = Counter(m.canonical for m in c.orgs if m.label in PLACE_LABELS | {"ORG"}
                    and lexicon.plain_letters(m.canonical) in divisions and lexicon.country_of_region(m.canonical))
    province = _most_named(named)
    if province is None or named[province] < 2:
        return None
    country = lexicon.country_of_region(province)
    country_named = sum(describe.country_or_self(m) == country for m in c.orgs if m.canonical.lower() in lexicon.nationalities())
    return province if named[province] > country_named else None


def _country_of_the_article(c: AffiliationContext) -> str | None:
    """The country the article names in at least two thirds of its mentions of a country
    (data/nationalities.csv); if it names none from the table, the place it names most, when
    that place is named at least twice and more than any other (an invented or unlisted country),
    or its country when it is a state or province ("South Carolina": the United States)."""
    countries = Counter(describe.country_or_self(m) for m in c.orgs if m.label in PLACE_LABELS
                        and m.canonical.lower() in lexicon.nationalities())
    if countries:
        country, count = countries.most_common(1)[0]
        return country if count * 3 >= 2 * sum(countries.values()) else None
    # not the dateline's town ("BRAMPTON, Ont. —"): a dateline names a town, not the country
    places = Counter(m.canonical for m in c.orgs if m.label == "GPE" and m.canonical != c.town)
    ranked = places.most_common(2)
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return lexicon.country_of_region(ranked[0][0]) or ranked[0][0]
    return None


def _the_only_government(c: AffiliationContext) -> str | None:
    """"government" when the article names no country and no place that could be one: a minister
    of a country left unnamed, or invented and never named, speaks for its government."""
    places = Counter(m.canonical for m in c.orgs if m.label == "GPE")
    if any(m.canonical.lower() in lexicon.nationalities() for m in c.orgs) or any(n > 1 for n in places.values()):
        return None
    return "government"


def council_seat(c: AffiliationContext) -> str | None:
    """"Cr Deepa Raman, who also voted against": a councillor (data/council_offices.txt) with no
    council named in their own words sits on the town council the article names most, else speaks
    for its town (`_most_named_town`)."""
    # an organisation noun is allowed here ("infrastructure committee chair Cr Margaret Te Huia");
    # the title may be left in the name ("Cr Deepa Raman")
    said = _words_said(_described_words(c), c)
    if c.person is not None:
        said.add(c.person.text.split()[0].lower().rstrip("."))
    if not said & lexicon.word_list("council_offices.txt") or said & lexicon.function_words("not_in_office"):
        return None
    # a town's council ("Hamilton City Council"), not the "Arts Council England" or a bare "council"
    kinds = lexicon.function_words("local_council")
    councils = Counter(m.canonical for m in c.orgs if m.label == "ORG" and len(words := m.canonical.lower().split()) > 2
                       and words[-1] == "council" and words[-2] in kinds)
    return _most_named(councils) or _most_named_town(c)


def _most_named(counts: Counter) -> str | None:
    ranked = counts.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


def _most_named_town(c: AffiliationContext) -> str | None:
    """A town in the speaker's own words ("Chicago Mayor Brandon Johnson", "the mayor of
    Chicago"), else the dateline's town, else the town the article names most."""
    return _own_town(c) or c.town or _most_named(Counter(m.canonical for m in c.orgs if m.label == "GPE"
                                                         and m.canonical.lower() not in lexicon.nationalities()))


def _own_town(c: AffiliationContext) -> str | None:
    described = [*c.words, *(t for node in [*c.heads, *c.appositions] for t in node.subtree)]
    towns = [(abs(token.i - c.root.i), mention.canonical) for token in described
             if (mention := c.mentions_by_token.get(token.i)) is not None and mention.label == "GPE"
             and mention.canonical.lower() not in lexicon.nationalities() and not mention.canonical.isupper()
             and not c.in_person(token)]
    return min(towns)[1] if towns else None  # the nearest: not a dateline the parser ran into the title


def dateline_town(dateline: str | None, text: str, orgs, named_elsewhere: bool = True) -> str | None:
    """"Halloran Falls" of "HALLORAN FALLS, Ore. —": the place a dateline opens with, as the
    article writes it elsewhere (or, without `named_elsewhere`, as the dateline gives it), unless it
    is a country."""
    if not dateline:
        return None
    place = re.split(r",|\(|:| [—–-]", dateline, maxsplit=1)[0].strip()
    if not place or "/" in place or place.lower() in lexicon.nationalities() \
            or place.lower() in lexicon.word_list("story_labels.txt"):
        return None  # "Cairo/Tel Aviv:" is no one town, "BREAKING:" none
    # as the article writes it elsewhere (NER often calls a small town an organisation or a person)
    named = next((m.canonical for m in orgs if m.canonical.lower() == place.lower() and not m.canonical.isupper()), None)
    written = place.title() if place.isupper() else place
    return named or (written if not named_elsewhere or text.count(written) > dateline.count(written) else None)


def local_office(c: AffiliationContext) -> str | None:
    """"Mayor Leonard Aske said": the town the article names most (data/local_offices.txt)."""
    if not _offices_held(c) & lexicon.word_list("local_offices.txt"):
        return None
    return _most_named_town(c)


def research_institution(c: AffiliationContext) -> str | None:
    """"Dr Helga Marchetti, the molecular biologist who led the work", with "the test, developed
    at the University of Eastbrook" elsewhere: a researcher (data/research_roles.txt) with no
    organisation named is at the research institution the article names most (an organisation
    whose name has a word of data/research_institutions.txt); with a tie, at none."""
    roles = lexicon.word_list("research_roles.txt")
    said = {t.lemma_.lower() for t in [*c.words, *c.heads] if not c.in_person(t)}
    if c.person is not None and c.person.title:
        said |= {w.lower() for w in c.person.title.split()}
    if not said & roles:
        return None
    kinds = lexicon.word_list("research_institutions.txt")
    named = Counter(m.canonical for m in c.orgs if m.label in {"ORG", "FAC"}
                    and {w.lower() for w in m.canonical.split()} & kinds).most_common(2)
    if not named or len(named) == 2 and named[1][1] == named[0][1]:
        return None
    return named[0][0]


COURT_TITLES = {"judge", "justice", "magistrate"}
RANKS = {"chief", "associate", "senior", "presiding", "deputy", "assistant", "acting", "lead"}
COURTS = {"court", "tribunal"}


def court_of_judge(c: AffiliationContext) -> str | None:
    """"U.S. District Judge Ann Lee": the court her title names ("U.S. District Court"), or the
    court the article names with that word ("the U.S. District Court in Manhattan"); "Judge Ann
    Lee" with no kind in her title: the one court the article names, if it names one only;
    "Assistant U.S. Attorney Tom Hale": the prosecutor's office ("U.S. Attorney's Office"). Not a
    former or retired judge (function_words.csv, job `not_in_office`)."""
    title = c.person.title.split() if c.person is not None and c.person.title else []
    before = {t.lower_ for t in c.words} | {w.lower() for w in title}
    if not title or before & lexicon.function_words("not_in_office"):
        return None
    kind = [w for w in title if w.lower() not in RANKS]
    place = [t.text for t in c.words if describe.is_place_word(t) and t.text not in title][:1]  # "U.S.", "Manhattan"
    if title[-1].lower() in COURT_TITLES:
        courts = {m.canonical for m in c.orgs if m.label == "ORG" and {w.lower() for w in m.canonical.split()} & COURTS}
        if len(kind) > 1:
            named = [n for n in courts if kind[-2] in n.split()]
            return named[0] if len(named) == 1 else " ".join([*place, *kind[:-1], "Court"])
        return courts.pop() if len(courts) == 1 else None
    if title[-1] == "Attorney" and len(kind) > 1:  # a public prosecutor's title, capitalised
        return " ".join([*place, *kind]) + "'s Office"
    return None


def standing_body_before_office(c: AffiliationContext) -> str | None:
    """"a police spokesman", "opposition leader Viktor Ansel", "a senior coalition official": a
    kind of body named by the kind alone before the speaker's office (`context.standing_body`)."""
    # the kind may hang on the title rather than on the name: "opposition leader Viktor Ansel"
    before = (t for head in c.heads for t in head.subtree
              if t.i < head.i and t.dep_ in {"compound", "amod", "nmod"} and not c.in_person(t))
    return next(filter(None, (standing_body(c, t) for t in before)), None)
