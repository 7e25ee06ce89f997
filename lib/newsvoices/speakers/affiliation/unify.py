"""One affiliation per speaker over an article's statements, after every statement has its own.

`unify_affiliations` gives each speaker the affiliation most often read off their mentions, else
the one the article gives them elsewhere; then `staff_of_a_person` turns a person given as an
affiliation ("his top aide", "a spokesman for Mayor Pembry") into that person's side.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from ... import lexicon


def people_named(entity_index) -> frozenset[str]:
    """The canonical names of the people an article names."""
    mentions = entity_index.mentions if entity_index is not None else ()
    return frozenset(m.canonical for m in mentions if m.label == "PERSON")


def unify_affiliations(statements, introduced: dict[str, str], people=frozenset(), text: str = "") -> None:
    """A speaker's affiliation is the one most often read off their mentions, else the one the
    article gives them elsewhere (`introduced`); a person as the affiliation of someone on their
    staff becomes that person's side (`staff_of_a_person`)."""
    seen = defaultdict(Counter)
    roles = defaultdict(Counter)
    for s in statements:
        if s.affiliation:
            seen[s.speaker][s.affiliation] += 1
        if s.role:
            roles[s.speaker][s.role] += 1
    for s in statements:
        if seen[s.speaker]:
            s.affiliation = seen[s.speaker].most_common(1)[0][0]
        elif not s.anonymous and s.speaker in introduced:
            s.affiliation = introduced[s.speaker]
        if not s.role and roles[s.speaker]:
            s.role = roles[s.speaker].most_common(1)[0][0]
    own = {s.speaker: s.affiliation for s in statements if s.affiliation} | {
        p: a for p, a in introduced.items() if p not in seen}
    for s in statements:
        side = staff_of_a_person(s.affiliation, s.role, s.speaker, people, own, text)
        if side:
            s.affiliation = side


def staff_of_a_person(affiliation: str | None, role: str | None, speaker: str, people, own: dict[str, str],
                      text: str) -> str | None:
    """"Tad Devine, a senior adviser to Bernie Sanders", given the person Sanders: in an article
    about campaigning (a campaign noun in it), the "Bernie Sanders campaign" unless Sanders's side
    is a government (he holds an office); else Sanders's own affiliation ("an aide to the president" is
    with the government), when the article gives one."""
    affiliation = _person_named(affiliation, people)
    if affiliation is None or affiliation == speaker or not _on_staff(role):
        return None
    principal = own.get(affiliation)
    if principal in people:
        principal = None  # one step only: an aide's aide stays with the person named
    campaigning = any(re.search(rf"\b{re.escape(noun)}", text, re.IGNORECASE) for noun in lexicon.word_list("campaign_nouns.txt"))
    if campaigning and not _a_government(principal):
        return f"{affiliation} campaign"
    return principal


def _a_government(affiliation: str | None) -> bool:
    """A country or a government ("United States", "government", "Ohio state government"): the side
    of someone in office, whose staff speak for it rather than for a campaign."""
    if not affiliation:
        return False
    countries = {country.lower() for country, _kind in lexicon.nationalities().values()}
    return affiliation.lower() in countries or affiliation.split()[-1].lower() in {"government", "administration"}


def _person_named(affiliation: str | None, people) -> str | None:
    """The person an affiliation names: a canonical name, or the one person whose surname it is
    ("Obama aides": Barack Obama)."""
    if not isinstance(affiliation, str) or not affiliation:
        return None
    if affiliation in people:
        return affiliation
    bearers = [p for p in people if p.endswith(" " + affiliation)]
    return bearers[0] if len(bearers) == 1 else None


def _on_staff(role: str | None) -> bool:
    """A role on someone's staff (data/staff_nouns.txt), not "lawyer": one hired from outside
    keeps their own firm. A named speaker's role is often not kept (the apposition that gave
    the person as affiliation was a service role, `rules._possessor`): no role counts as staff."""
    if not isinstance(role, str) or not role:
        return True
    words = role.lower().split()
    role = " ".join([*words[:-1], words[-1].removesuffix("s")])  # "aides", "top aides"
    return any(role == noun or role.endswith(" " + noun) for noun in lexicon.word_list("staff_nouns.txt"))
