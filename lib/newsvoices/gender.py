"""Gender as the article gives it: f, m or unknown per statement's speaker.

Read only from the text (`speakers.person_genders`: honorifics, gendered role words and the
he/she that takes a person up) and, for an unnamed source, from a gendered word in how the
article describes them ("a spokeswoman", "the chairman"). Nothing is guessed from a first
name: a person the article never marks stays "unknown". This is the Gender Gap Tracker's
measure of who is quoted, without its name-based guessing."""
from __future__ import annotations

import re

from . import lexicon
from .speakers import person_genders

GENDERS = ("f", "m", "unknown")
LABELS = {"f": "women", "m": "men", "unknown": "not stated"}
CAPTION = "as the article refers to them"


def _described_gender(description: str | None) -> str | None:
    """The gender a description marks ("a spokeswoman for the ministry" -> "f"), if exactly one."""
    if not description:
        return None
    words = lexicon.gendered_words()
    found = {words[w] for w in re.findall(r"[\w.]+", description.lower()) if w in words}
    return found.pop() if len(found) == 1 else None


def statement_genders(statements, doc, entity_index) -> tuple[list[str], dict[str, str]]:
    """The speaker's gender for each statement, and the gender of every person the article marks."""
    pronoun_gender = lexicon.pronoun_genders()
    people = dict(person_genders(doc, entity_index)) if entity_index is not None else {}
    # "…," he said: a pronoun the analysis resolved to the speaker is the article's own word for them
    pronouns: dict = {}
    for statement in statements:
        word = (statement.mention or "").lower()
        if statement.speaker and word in pronoun_gender:
            pronouns.setdefault(statement.speaker, set()).add(pronoun_gender[word])
    for speaker, found in pronouns.items():
        if speaker not in people and len(found) == 1:
            people[speaker] = found.pop()
    genders = []
    for statement in statements:
        gender = people.get(statement.speaker) if statement.speaker else None
        if gender is None and (statement.anonymous or statement.speaker not in people):
            gender = _described_gender(statement.role) or (_described_gender(statement.speaker) if statement.anonymous else None)
        genders.append(gender or "unknown")
    return genders, people


def speaker_gender(genders) -> str:
    """One speaker's gender from their statements': the one stated, unknown if none or two."""
    known = set(genders) - {"unknown", None}
    return known.pop() if len(known) == 1 else "unknown"
