"""Pronouns: the gender the article gives each person, and the speaker a pronoun stands for."""
from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from dataclasses import dataclass

from .. import lexicon


@dataclass
class Referent:
    """A speaker a later mention can point back to."""

    position: int
    speaker: str
    kind: str  # person, group, thing
    role: str | None = None
    affiliation: str | None = None
    anonymous: bool = False


def person_genders(doc, entity_index) -> dict[str, str]:
    """The grammatical gender the article itself gives each person: honorifics and gendered
    role words around their name ("Mrs.", "spokeswoman", "his wife, ...") count three; the
    first he/she after a mention as a sentence's subject, with no other person named in that
    sentence (a possessive aside) or before the pronoun, counts one. Names alone
    say nothing: a person with no such evidence stays unknown."""
    if entity_index is None:
        return {}
    votes: dict[str, Counter] = defaultdict(Counter)
    _vote_titles(votes, entity_index)
    people = [m for m in entity_index.mentions if m.label == "PERSON"]
    starts = sorted(m.token_start for m in people)
    named_in_sentence: dict[int, set[str]] = defaultdict(set)
    for mention in people:
        if doc[mention.token_start:mention.token_end].root.dep_ != "poss":  # "Clinton's use" is no one taken up
            named_in_sentence[doc[mention.token_start].sent.start].add(mention.canonical)
    for mention in people:
        root = doc[mention.token_start:mention.token_end].root
        _vote_words_around(votes, mention, root)
        # "Axelrod tried telling Clinton she had been an able opponent. She later ...": with a
        # second person in the sentence, the next sentence's pronoun may be either of them
        alone = named_in_sentence[root.sent.start] <= {mention.canonical}
        gender = _pronoun_taking_up(root, doc, starts) if alone else None
        if gender:
            votes[mention.canonical][gender] += 1
    genders = {}
    for person, counts in votes.items():
        (first, n), *rest = counts.most_common() + [(None, 0)]
        if first and n > rest[0][1]:
            genders[person] = first
    return genders


def first_name_genders(names) -> dict[str, str]:
    """The gender a full name's first name usually has ("Margaret Olsen": female), for one use
    only: keeping a pronoun off a person of the other gender when the article itself marks
    neither. Never reported: the gender figures count what the article says, not what a name
    suggests. A lone surname gives nothing."""
    genders = {}
    for name in names:
        words = name.split()
        gender = lexicon.given_name_gender(words[0]) if len(words) >= 2 else None
        if gender:
            genders[name] = gender
    return genders


def _vote_titles(votes, entity_index) -> None:
    """"Mrs. Ana Ruiz", "Spokeswoman Ana Ruiz": a gendered title."""
    words = lexicon.gendered_words()
    for person, titles in entity_index.titles.items():
        for title in titles:
            gender = words.get(title.split()[0].lower())
            if gender:
                votes[person][gender] += 3


def _vote_words_around(votes, mention, root) -> None:
    """"Ana Ruiz, a spokeswoman", "his wife, Ana Ruiz": gendered words beside the name."""
    words = lexicon.gendered_words()
    around = [c for c in root.children if c.dep_ in {"appos", "compound", "amod"}
              and c.i not in range(mention.token_start, mention.token_end)]
    if root.dep_ == "appos":
        around.append(root.head)
    for word in around:
        gender = words.get(word.lower_)
        if gender:
            votes[mention.canonical][gender] += 3


def _pronoun_taking_up(root, doc, starts) -> str | None:
    """"Ana Ruiz taught for 30 years. She says ...": the subject of one sentence taken up by a
    subject pronoun at the start of the next, before anyone else is named."""
    if root.dep_ == "appos" and root.head.dep_ in {"nsubj", "nsubjpass"}:
        root = root.head  # "the Minister of State, Abubakar Lawal, told reporters ..."
    if root.dep_ not in {"nsubj", "nsubjpass"} or root.head.dep_ != "ROOT":
        return None
    sentence_end = root.sent.end
    if sentence_end >= len(doc):
        return None
    following = bisect.bisect_left(starts, sentence_end)
    stop = starts[following] if following < len(starts) else len(doc)
    for token in doc[sentence_end:min(stop, sentence_end + 8, doc[sentence_end].sent.end)]:
        if token.is_quote:
            return None  # quoted speech: "He got sick," she said — "he" is someone else
        if token.dep_ in {"nsubj", "nsubjpass"}:
            if token.lower_ not in lexicon.gendered_subject_pronouns():
                return None
            gender = lexicon.pronoun_genders()[token.lower_]
            # "She did receive the emails, he said": with both genders speaking in the sentence,
            # the "she" may be anyone's
            others = {lexicon.pronoun_genders()[t.lower_] for t in token.sent
                      if t.dep_ in {"nsubj", "nsubjpass"} and t.lower_ in lexicon.gendered_subject_pronouns()}
            return gender if others == {gender} else None
    return None


def resolve_pronoun(lower, position, referents, person_subjects, organisations, genders=None, opening=()) -> Referent:
    if lower in lexicon.pronoun_forms("person"):
        wanted = lexicon.pronoun_genders().get(lower)
        genders = genders or {}

        def fits(name: str) -> bool:  # "she" never goes to a person the article calls "Mr."
            return wanted is None or genders.get(name) in {None, wanted}

        last_referent = next((r for r in reversed(referents) if r.kind == "person" and r.position < position and fits(r.speaker)), None)
        index = bisect.bisect_left(person_subjects, position, key=lambda m: m.start_char)
        # a one-word "person" the article never names in full is often NER's reading of a
        # company or a country ("Brightlane said it would appeal"); a full name comes first
        earlier = [m for m in reversed(person_subjects[:index]) if fits(m.canonical)][:3]
        named = [m for m in earlier if len(m.canonical.split()) >= 2 or m.canonical in genders]
        last_subject = (named or earlier or [None])[0]
        # a paragraph that names one person before its pronoun, with no subject or speaker of its
        # own yet, is about that person
        in_paragraph = {m.canonical for m in opening if fits(m.canonical)}
        paragraph_start = min((m.start_char for m in opening), default=position)
        if len(in_paragraph) == 1 and not (last_subject is not None and last_subject.start_char >= paragraph_start) \
                and not (last_referent is not None and last_referent.position >= paragraph_start):
            name = next(iter(in_paragraph))
            known = next((r for r in reversed(referents) if r.speaker == name), None)
            return known or Referent(position, name, "person")
        if last_subject is not None and (last_referent is None or last_subject.start_char > last_referent.position):
            known = next((r for r in reversed(referents) if r.speaker == last_subject.canonical), None)
            return known or Referent(position, last_subject.canonical, "person")
        if last_referent is not None:
            return last_referent
        return Referent(position, lower, "person")
    if lower in lexicon.pronoun_forms("group"):
        last = next((r for r in reversed(referents) if r.kind == "group" and r.position < position), None)
        if last is not None:
            return last
    org = _last_before(organisations, position)
    if org is not None:
        return Referent(position, org.canonical, "group", None, org.canonical)
    last = next((r for r in reversed(referents) if r.position < position), None)
    return last or Referent(position, lower, "group")


def _last_before(mentions, position):
    """The last mention (sorted by offset) that starts before `position`."""
    index = bisect.bisect_left(mentions, position, key=lambda m: m.start_char)
    return mentions[index - 1] if index else None
