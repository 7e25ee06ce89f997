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
6. `its_organisation`: "Its chief executive, Nigel Armistead," after a sentence about an organisation;
7. `for_org`: "a spokesman for Veltrax";
8. `at_org`: "an analyst at X", "Tom Hale, with X", "Councillor Ann Lee of Portmouth City Council";
9. `family_of`: "her son, Thomas Ellory", "Walter Bates's widow": the relative's family, when
   no job of theirs gives another (data/family_nouns.txt);
10. `clause_of_org`: "Dr Ann Lee, who heads the Guild of ...";
11. `organisation_run`: "Per Haugland runs the summer ski centre", "Lee works at Veltrax";
12. `sentence_at_organisation`: "At the Children's Hospital in Drosna, Dr Mirela Baranyi said";
13. `court_of_judge`: "U.S. District Judge Ann Lee": the court the article names, else
    the one her title names ("District Court"); "Assistant U.S. Attorney Tom Hale": the
    "U.S. Attorney's Office";
14. `nationality_word`: "a Danish official", "US officials" (data/nationalities.csv), or the
    country the article names for a demonym not in the table ("Taldorian": Taldoria);
15. `named_organisation`: any other organisation named in the speaker's own words;
16. `unnamed_organisation_at`: "a nephrologist at a university hospital in Utrecht";
17. `government_office`: "Finance Minister Oskar Velden", "President Obama", "a ministry
    spokesperson": the government of the country the article is about (data/government_offices.txt);
18. `council_seat`: "Cr Deepa Raman": the council the article names most, else its town
    (data/council_offices.txt);
19. `local_office`: "Mayor Leonard Aske": the dateline's town, else the one the article names most
    (data/local_offices.txt);
20. `standing_body_before_office`: "a police spokesman", "opposition leader Viktor Ansel": a kind
    of body named by the kind alone, the one of that kind the article names if any
    (data/standing_bodies.txt);
21. `party_contest`: "Cruz and Trump are stumping heading into the Republican primary": a named
    person running in one party's own contest (data/party_contests.txt), or in a contest with no
    party named in an article whose contests are all one party's ("Roe won the primary");
22. `office_in_the_news`: "Chief Executive Officer Helen Marsh", "coach Ann Lee" with no
    organisation named: the organisation the article has named most so far;
23. `research_institution`: "the molecular biologist who led the work": the one university,
    institute or hospital the article names (data/research_roles.txt, research_institutions.txt);
24. `named_place`: a place that is no country, for an unnamed speaker ("a Leeds resident");
25. `one_of_a_group`: "a bus driver", "Residents tell a different story. Marisol Vance said": a
    member of a loose group speaks as the group (data/lay_groups.csv).

`introduced_affiliations` runs the sieve over every mention of every person, so that what the
article says when it introduces someone carries over to their later mentions ("Marsh said"); an
earlier rule's answer beats a later one's ("Veltrax CEO Helen Marsh" over "Marsh, a Briton").
"""
from __future__ import annotations

from collections import Counter

from ... import lexicon
from .contests import party_contest
from .context import AffiliationContext
from .lay_groups import one_of_a_group
from .offices import (
    council_seat,
    court_of_judge,
    dateline_town,
    government_office,
    its_organisation,
    local_office,
    organisation_run,
    research_institution,
    sentence_at_organisation,
    standing_body_before_office,
    unnamed_organisation_at,
)
from .rules import (
    apposition_of_org,
    at_org,
    clause_of_org,
    family_of,
    for_org,
    named_organisation,
    named_place,
    nationality_word,
    office_in_the_news,
    party_bracket,
    party_word,
    possessive_org,
    prenominal_org_title,
)
from .unify import people_named, unify_affiliations

__all__ = ["AFFILIATION_SIEVE", "AffiliationContext", "affiliation_of", "dateline_town", "introduced_affiliations",
           "named_place", "own_words_affiliation", "people_named", "ranked_affiliation", "unify_affiliations"]

AFFILIATION_SIEVE = (party_bracket, party_word, apposition_of_org, prenominal_org_title, possessive_org,
                     its_organisation, for_org, at_org, family_of, clause_of_org, organisation_run, sentence_at_organisation,
                     court_of_judge, nationality_word, named_organisation, unnamed_organisation_at, government_office,
                     council_seat, local_office, standing_body_before_office, party_contest, office_in_the_news, research_institution,
                     named_place, one_of_a_group)


def ranked_affiliation(c: AffiliationContext, rules=AFFILIATION_SIEVE) -> tuple[int, str] | None:
    """(the place in `AFFILIATION_SIEVE` of the first of `rules` that finds an affiliation, the affiliation)."""
    for rank, rule in enumerate(AFFILIATION_SIEVE):
        found = rule(c) if rule in rules else None
        if found:
            return rank, found
    return None


# the rules that read only the mention's own words, not the article around it: what a description
# that does not speak can tell of the person it stands for (`described`)
OWN_WORDS = (party_word, apposition_of_org, prenominal_org_title, possessive_org, for_org, at_org, family_of, clause_of_org,
             nationality_word, named_organisation)


def own_words_affiliation(c: AffiliationContext) -> tuple[int, str] | None:
    """`ranked_affiliation` by the rules of `OWN_WORDS` alone."""
    return ranked_affiliation(c, OWN_WORDS)


def affiliation_of(c: AffiliationContext) -> str | None:
    """The first rule of `AFFILIATION_SIEVE` that finds an affiliation."""
    found = ranked_affiliation(c)
    return found[1] if found else None


def introduced_affiliations(doc, entity_index, orgs, mentions_by_token, owner_of=None, town=None,
                            quoted=None) -> dict[str, tuple[int, str]]:
    """Canonical person -> (rank, affiliation): of what the article says of them over all their
    mentions, speaking or not, the answer of the earliest rule, then the most often given, then
    the first given. Not inside quoted words (`quoted(token index)`): "Hillary's qualified to be
    president" is a speaker's claim, not the article saying who she is."""
    votes: dict[str, Counter] = {}
    for mention in entity_index.mentions if entity_index is not None else ():
        if mention.label != "PERSON" or quoted is not None and quoted(mention.token_start):
            continue
        root = doc[mention.token_start:mention.token_end].root
        found = ranked_affiliation(AffiliationContext(doc, root, orgs, mentions_by_token, mention.start_char, mention,
                                                      owner_of=owner_of, town=town))
        if found:
            votes.setdefault(mention.canonical, Counter())[found] += 1
    return {person: _first_given(counts) for person, counts in votes.items()}


INDEPENDENT = "independent"


def _first_given(counts: Counter) -> tuple[int, str]:
    """The earliest rule's answer, then the most often given; but an independent ("Sen. Bernie
    Sanders (I-Vt.)") whom the article puts in one party's contest runs as that party's."""
    best = min(counts, key=lambda k: (k[0], -counts[k]))
    if best[1] == INDEPENDENT:
        parties = {party for party, _kind in lexicon.parties().values()} - {INDEPENDENT}
        running = [k for k in counts if k[1] in parties and AFFILIATION_SIEVE[k[0]] is party_contest]
        if running:
            return min(running, key=lambda k: -counts[k])
    return best
