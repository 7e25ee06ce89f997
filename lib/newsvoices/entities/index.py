"""Entity mentions and the index that resolves them: the shared pieces of the entities step."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from .. import lexicon
from ..nlp import doc_text, sentence_numbers

NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}


_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")


@dataclass
class Mention:
    text: str
    label: str
    start_char: int
    end_char: int
    sentence: int
    paragraph: int
    canonical: str = ""
    key: str = ""
    title: str | None = None
    token_start: int = 0
    token_end: int = 0


@dataclass
class EntityIndex:
    """All mentions of an article and what each resolves to."""

    mentions: list[Mention] = field(default_factory=list)
    titles: dict[str, list[str]] = field(default_factory=dict)  # canonical person -> titles seen

    def people(self) -> list[str]:
        return sorted({m.canonical for m in self.mentions if m.label == "PERSON"})

    def resolve_name(self, text: str, before_char: int | None = None) -> str | None:
        """Canonical person for a name or surname written in the text, if any."""
        key = clean_name(text, "PERSON")
        if not key:
            return None
        candidates = _matching_people(key, {m.canonical for m in self.mentions if m.label == "PERSON"})
        if len(candidates) == 1:
            return candidates[0]
        if candidates and before_char is not None:
            earlier = [m for m in self.mentions if m.label == "PERSON" and m.canonical in candidates and m.start_char < before_char]
            if earlier:
                sentence = max(m.sentence for m in self.mentions if m.start_char < before_char)
                return _most_likely_referent(candidates, [(m.canonical, m.sentence) for m in earlier], sentence)
        return None

    def person_with_title(self, title: str) -> str | None:
        """The one person who carries `title` in this article, if exactly one does."""
        title = title.lower()
        holders = [person for person, seen in self.titles.items() if any(_title_matches(title, t.lower()) for t in seen)]
        return holders[0] if len(set(holders)) == 1 else None


def _most_likely_referent(candidates, earlier: list[tuple[str, int]], sentence: int) -> str:
    """Which of several people sharing a surname a bare surname means. A full name in the same
    or the previous sentence wins ("Heidi Lang spoke first. Lang said ..."); otherwise the
    person the article has mentioned most so far, then the one it introduced first: reporters
    give the secondary bearer of a surname their full or first name."""
    if earlier and earlier[-1][1] >= sentence - 1:
        return earlier[-1][0]
    counts = Counter(name for name, _ in earlier)
    first_seen = {}
    for position, (name, _) in enumerate(earlier):
        first_seen.setdefault(name, position)
    return max(candidates, key=lambda c: (counts[c], -first_seen.get(c, len(earlier))))


def _title_matches(wanted: str, seen: str) -> bool:
    return wanted == seen or wanted.endswith(" " + seen) or seen.endswith(" " + wanted)


def clean_name(text: str, label: str) -> str:
    """The name inside a mention: no possessive, no leading 'the', no leading titles (people)."""
    name = _POSSESSIVE.sub("", text.strip()).strip()
    name = _LEADING_THE.sub("", name)
    name = re.sub(r"^(?:A|An)\s+(?=[A-Z])", "", name) if label != "PERSON" else name
    if name.count("(") > name.count(")"):  # "World Health Organization (WHO": NER cut the bracket
        name = name[:name.rindex("(")]
    if label == "PERSON":
        words = name.split()
        titles = lexicon.person_titles()
        while len(words) > 1 and (words[0].lower().rstrip(".") in titles or words[0].lower() in titles):
            words = words[1:]
        # "Goaltender Simon Brodeur": a noun for a person opening a sentence before a first name
        while len(words) > 2 and lexicon.is_person_noun(words[0].lower()) and not lexicon.is_given_name(words[0]) \
                and lexicon.is_given_name(words[1]):  # not "Hunter Lee Smith"
            words = words[1:]
        # headline case glues a verb or noun of saying to the name: "Lee Says", "Lee Speech"
        while len(words) > 1 and words[-1][:1].isupper() and _is_speech_word(words[-1]):
            words = words[:-1]
        name = " ".join(words)
    name = re.sub(r"\s+", " ", name).strip(" ,.;:-–—\"“”'‘’")
    if label == "ORG":
        # "the Toronto Maple Leafs 5-2": NER glues the score that follows a team to its name
        name = re.sub(r"\s+\d{1,3}\s?[-–]\s?\d{1,3}$", "", name)
        # "Veltrax Semiconductor Corp." is "Veltrax Semiconductor"; "Pty Ltd" has two (data/legal_forms.txt)
        words = name.split()
        # never after "&": "Rothschild & Co." is the name itself
        while len(words) > 1 and words[-1].rstrip(".,") in lexicon.legal_forms() and words[-2] != "&":
            words = words[:-1]
        name = " ".join(words).rstrip(" ,&")
    return name



@cache
def _headline_speech_words() -> frozenset[str]:
    """Inflected verbs and nouns of saying that headline case capitalises after a name
    ("Lee Says", "Lee Warns", "Lee Speech"). Bare verbs are left out: "Post" is also a surname."""
    from ..lexicon import read_lines, speech_nouns, speech_verbs

    words = set(read_lines("headline_speech_words.txt"))
    for verb in speech_verbs():
        words |= {verb + "s", verb + "es", verb + "ed", verb + "d"}
    for noun in speech_nouns():
        words |= {noun, noun + "s"}
    return frozenset(words)


def _is_speech_word(word: str) -> bool:
    return word.lower() in _headline_speech_words()


def _name_tokens(name: str) -> list[str]:
    # "O’Neill" and "O'Neill" are one name, however the article's apostrophes were typed
    return without_name_suffix([t.lower().replace("’", "'") for t in re.split(r"\s+", name) if t])


def without_name_suffix(words: list[str]) -> list[str]:
    """"Morris J. Brooks Jr." ends in its surname, "Brooks": a generational suffix (Jr., III)
    is no part of how the article shortens the name."""
    suffixes = lexicon.function_words("name_suffix")
    while len(words) > 1 and words[-1].lower().strip(".,") in suffixes:
        words = words[:-1]
    return words


def _matching_people(key: str, full_names) -> list[str]:
    """Full names that `key` is a surname (suffix), first name or exact form of."""
    tokens = _name_tokens(key)
    found = []
    for full in full_names:
        full_tokens = _name_tokens(full)
        if full_tokens == tokens:
            return [full]
        if len(tokens) > len(full_tokens) >= 2 and tokens[-len(full_tokens):] == full_tokens:
            found.append(full)  # a longer form with an epithet in front: "Crooked Hillary Clinton"
        elif len(full_tokens) > len(tokens) and (
            full_tokens[-len(tokens):] == tokens
            or (len(tokens) == 1 and full_tokens[0] == tokens[0])
            or (len(tokens) == 1 and full_tokens[-1].split("-")[-1] == tokens[0])
        ):
            found.append(full)
    return sorted(found)


def _sentence_numbers(doc) -> list[int]:
    return sentence_numbers(doc).tolist()


_BRACKETED_ACRONYM = re.compile(r"\((?=[A-Z][A-Za-z&]{1,9}\))")


def _tokens_matching(doc, pattern) -> list:
    """The tokens that begin where `pattern` matches the text. A regular expression over the
    text finds the few places worth looking at far faster than a Python pass over every token."""
    found = []
    for match in pattern.finditer(doc_text(doc)):
        span = doc.char_span(match.start(), match.end() or match.start() + 1, alignment_mode="expand")
        if span is not None and len(span) and span[0].idx == match.start():
            found.append(span[0])
    return found


def _spans_spelled(doc, words) -> list:
    """Spans whose text is exactly one of `words` (case-sensitive), of one token or several
    ("Amory-Walsh" is three)."""
    if not words:
        return []
    pattern = re.compile(r"(?<![\w'’-])(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?![\w-])")
    spans = (doc.char_span(match.start(), match.end()) for match in pattern.finditer(doc_text(doc)))
    return [span for span in spans if span is not None and span.text in words]


def _tokens_spelled(doc, words) -> list:
    """Tokens whose text is exactly one of `words` (case-sensitive)."""
    if not words:
        return []
    pattern = re.compile(r"(?<![\w'’-])(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?![\w-])")
    return [t for t in _tokens_matching(doc, pattern) if t.text in words]


_LOWER_CASE_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*")


def _lower_case_words(doc) -> frozenset[str]:
    """Words the article writes in lower case somewhere ("general", "summit"), read off the text
    once (a regular expression over the text is far cheaper than a pass over the tokens)."""
    found = doc._.newsvoices_lower_case_words
    if found is None:
        found = doc._.newsvoices_lower_case_words = frozenset(_LOWER_CASE_WORD.findall(doc_text(doc)))
    return found
