"""Step 3: entity mentions resolved to canonical people, organisations and places.

spaCy's NER finds mentions; this module decides which mentions are the same entity:
"Ruiz" and "Ana Ruiz" are one PERSON, a surname before or after the full name
resolves to it when unambiguous (else to the nearest full name before it), a known person's
surname mis-tagged as ORG or GPE is still that person, and titles ("Secretary of State",
"President") are kept as attributes of the person they precede.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from . import lexicon
from .nlp import doc_text, sentence_numbers

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
        # headline case glues a verb or noun of saying to the name: "Lee Says", "Lee Speech"
        while len(words) > 1 and words[-1][:1].isupper() and _is_speech_word(words[-1]):
            words = words[:-1]
        name = " ".join(words)
    return re.sub(r"\s+", " ", name).strip(" ,.;:-–—\"“”'‘’")


@lru_cache(maxsize=None)
def _headline_speech_words() -> frozenset[str]:
    """Inflected verbs and nouns of saying that headline case capitalises after a name
    ("Lee Says", "Lee Warns", "Lee Speech"). Bare verbs are left out: "Post" is also a surname."""
    from .lexicon import speech_nouns, speech_verbs

    words = {"said", "told", "wrote", "spoke", "speaks", "speech", "speeches", "interview"}
    for verb in speech_verbs():
        words |= {verb + "s", verb + "es", verb + "ed", verb + "d"}
    for noun in speech_nouns():
        words |= {noun, noun + "s"}
    return frozenset(words)


def _is_speech_word(word: str) -> bool:
    return word.lower() in _headline_speech_words()


def _name_tokens(name: str) -> list[str]:
    return [t.lower() for t in re.split(r"\s+", name) if t]


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


def find_entities(doc, paragraph_of_char) -> EntityIndex:
    """Collect and resolve the named-entity mentions of a parsed article."""
    sentence_of_token = _sentence_numbers(doc)
    mentions = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        words = ent
        if ent.label_ == "PERSON":
            # "Injecting Clinton's", "Crooked Hillary Clinton": leading words that are not names
            while len(words) > 1 and words[0].pos_ not in {"PROPN"} and words[0].lower_ not in lexicon.person_titles():
                words = words[1:]
        key = clean_name(words.text, ent.label_)
        if not key or not any(ch.isalpha() for ch in key):
            continue
        mentions.append(Mention(ent.text, ent.label_, ent.start_char, ent.end_char, sentence_of_token[ent.start],
                                paragraph_of_char(ent.start_char), key=key, token_start=ent.start, token_end=ent.end))
    mentions = [m for m in mentions if m.label == "PERSON" or not _ends_a_title(doc, m)]
    for mention in mentions:
        # "Nordlys Freight, the largest operator at the port": a name in apposition with a
        # kind of organisation is one, whatever NER guessed
        if mention.label == "PERSON":
            root = doc[mention.token_start:mention.token_end].root
            if any(c.dep_ == "appos" and lexicon.is_organisation_noun(c.lemma_) for c in root.children):
                mention.label = "ORG"
                mention.key = clean_name(mention.text, "ORG")
    mentions = _join_split_names(mentions, doc)
    index = EntityIndex(mentions)
    _organisation_short_names(index, doc, sentence_of_token, paragraph_of_char)
    _resolve_people(index, doc, sentence_of_token, paragraph_of_char)
    _people_spoken_of_as_it(index, doc)
    _resolve_others(index, doc)
    _attach_titles(index, doc)
    index.mentions.sort(key=lambda m: m.start_char)
    return index


def _ends_a_title(doc, mention) -> bool:
    """"State" in "Secretary of State" is part of a title, not an organisation."""
    titles = lexicon.person_titles()
    for begin in range(max(0, mention.token_start - 4), mention.token_start):
        if doc[begin:mention.token_end].text.lower() in titles:
            return True
    return False


def _sentence_numbers(doc) -> list[int]:
    return sentence_numbers(doc).tolist()


def _looks_like_a_named_role_holder(mention, doc) -> bool:
    """"union leader Marta de Vries", "spokesman Li Wei": a name right after a role noun or
    title is a person, whatever label NER gave it."""
    if mention.token_start == 0 or len(mention.key.split()) < 2:
        return False
    before = doc[mention.token_start - 1]
    words = mention.key.split()
    name_like = all(w[:1].isupper() or w in lexicon.word_list("name_particles.txt")
                    for w in words) and words[-1][:1].isupper()
    if name_like and (before.lemma_.lower() in lexicon.role_nouns() or before.lower_ in lexicon.person_titles()):
        return True
    # "Its director, Helena Moritz, said": a name in apposition to a role noun
    root = doc[mention.token_start:mention.token_end].root
    return name_like and root.dep_ == "appos" and root.head.lemma_.lower() in lexicon.role_nouns()


def _join_split_names(mentions: list[Mention], doc) -> list[Mention]:
    """"Amélia Rocha" tagged as a place "Amélia" and a person "Rocha": a given name the model
    does not know, written right before a one-word PERSON, joins it. Only when that word is no
    country or nationality and the article never uses it on its own elsewhere."""
    countries = lexicon.nationalities()
    joined, skip = [], set()
    ordered = sorted(mentions, key=lambda m: m.start_char)
    for first, second in zip(ordered, ordered[1:]):
        if first.label == "PERSON" or second.label != "PERSON" or first.token_end - first.token_start != 1 \
                or second.token_end - second.token_start != 1 or second.token_start != first.token_end \
                or doc[first.token_start].whitespace_ != " " or not first.text[:1].isupper() \
                or first.key.lower() in countries or doc[first.token_start].is_stop:
            continue
        if sum(1 for t in doc if t.text == first.text) != 1:
            continue
        text = doc[first.token_start:second.token_end].text
        joined.append(Mention(text, "PERSON", first.start_char, second.end_char, first.sentence, first.paragraph,
                              key=clean_name(text, "PERSON"), token_start=first.token_start, token_end=second.token_end))
        skip.update({id(first), id(second)})
    return sorted([m for m in mentions if id(m) not in skip] + joined, key=lambda m: m.start_char)


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


def _people_spoken_of_as_it(index: EntityIndex, doc) -> None:
    """"Brightlane said it would appeal": a one-word "person" that the article takes up as "it"
    in the clause it governs is an organisation NER misread. One-word names only, and never
    one the article also writes as a full name or with a title."""
    by_name = defaultdict(list)
    for mention in index.mentions:
        if mention.label == "PERSON":
            by_name[mention.canonical].append(mention)
    for name, mentions in by_name.items():
        if len(name.split()) != 1 or any(m.title for m in mentions):
            continue
        for mention in mentions:
            root = doc[mention.token_start:mention.token_end].root
            if root.dep_ != "nsubj":
                continue
            clauses = [c for c in root.head.children if c.dep_ in {"ccomp", "xcomp"}]
            if any(t.lower_ == "it" and t.dep_ in {"nsubj", "nsubjpass"} and t.head.i == clause.i
                   for clause in clauses for t in clause.children):
                for other in mentions:
                    other.label = "ORG"
                break


def _organisation_short_names(index: EntityIndex, doc, sentence_of_token, paragraph_of_char) -> None:
    """"Corvant" after "Corvant Semiconductor": the first word of an organisation's name, used
    alone, is that organisation, whatever NER made of it (often a PERSON, often nothing). Only
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
    short = {word: next(iter(names)) for word, names in long_names.items()
             if len(names) == 1 and word.lower() not in countries and word.lower() not in titles
             and word.lower() not in lower_case and word not in person_words and len(word) > 2
             and word.lower() not in lexicon.generic_name_words()}
    if not short:
        return
    for mention in index.mentions:
        if mention.key in short and mention.label in {"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "FAC"}:
            mention.label, mention.key = "ORG", short[mention.key]
    covered = {i for m in index.mentions for i in range(m.token_start, m.token_end)}
    for token in _tokens_spelled(doc, short):
        # any part of speech: the tagger often calls an unknown name in a headline an adjective
        if token.i not in covered:
            index.mentions.append(Mention(token.text, "ORG", token.idx, token.idx + len(token.text), sentence_of_token[token.i],
                                          paragraph_of_char(token.idx), key=short[token.text], token_start=token.i,
                                          token_end=token.i + 1))


def _resolve_people(index: EntityIndex, doc, sentence_of_token, paragraph_of_char) -> None:
    countries = lexicon.nationalities()
    for mention in index.mentions:
        if mention.label in {"ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"} and mention.key.lower() not in countries \
                and _looks_like_a_named_role_holder(mention, doc):
            mention.label = "PERSON"
    people = [m for m in index.mentions if m.label == "PERSON"]
    full_names = Counter(m.key for m in people if len(m.key.split()) >= 2)
    # A full name that is the tail of a longer one ("de Vries" in "Marta de Vries") is the same
    # person: the longer form is canonical, unless the shorter is clearly the usual one and the
    # longer only adds an epithet or a stray word ("Crooked Hillary Clinton", "Miss Universe Alicia Machado").
    for name in sorted(full_names, key=lambda n: len(n.split())):
        if name not in full_names:
            continue
        longer = _matching_people(name, [f for f in full_names if f != name])
        if len(longer) != 1:
            continue
        if full_names[name] > full_names[longer[0]] and len(name.split()) >= 2 and len(longer[0].split()) - len(name.split()) >= 1 \
                and longer[0].split()[-len(name.split()):] == name.split():
            full_names[name] += full_names.pop(longer[0])
        else:
            full_names[longer[0]] += full_names.pop(name)
    countries = lexicon.nationalities()
    # NER slips: a known person's name tagged as an organisation or place is that person.
    for mention in index.mentions:
        if mention.label in {"ORG", "GPE", "NORP", "LOC", "PRODUCT", "WORK_OF_ART", "FAC"} and mention.key.lower() not in countries:
            if _matching_people(mention.key, full_names) and len(mention.key.split()) <= 3:
                mention.label = "PERSON"
                people.append(mention)
    # Surnames of known people that NER missed entirely.
    covered = {i for m in index.mentions for i in range(m.token_start, m.token_end)}
    surnames = defaultdict(set)
    for full in full_names:
        surnames[full.split()[-1]].add(full)
    lower_case = _lower_case_words(doc)
    for token in _tokens_spelled(doc, surnames):
        if token.i in covered:
            continue
        # the tagger may call a surname that opens a sentence a noun ("Mendes says…"); a
        # surname that is also a common word ("Young people…") must then be tagged PROPN
        if token.pos_ != "PROPN" and (token.lower_ in lower_case or not token.text[:1].isupper()):
            continue
        mention = Mention(token.text, "PERSON", token.idx, token.idx + len(token.text), sentence_of_token[token.i],
                          paragraph_of_char(token.idx), key=token.text, token_start=token.i, token_end=token.i + 1)
        index.mentions.append(mention)
        people.append(mention)
    people.sort(key=lambda m: m.start_char)
    marked = {id(m): _marked_gender(doc, m) for m in people}
    full_name_gender = _full_name_genders(people, marked)
    for position, mention in enumerate(people):
        candidates = _matching_people(mention.key, full_names)
        if marked[id(mention)] and len(mention.key.split()) == 1:
            # "Mr. Lee" is not "Anna Lee" when the article calls her "Mrs." or "his wife"
            same = [c for c in candidates if full_name_gender.get(c) == marked[id(mention)]]
            candidates = same or [c for c in candidates if full_name_gender.get(c) is None]
        if len(candidates) == 1:
            mention.canonical = candidates[0]
        elif candidates:
            earlier = [(p.canonical, p.sentence) for p in people[:position] if p.canonical in candidates]
            if earlier:
                mention.canonical = _most_likely_referent(candidates, earlier, mention.sentence)
            else:
                mention.canonical = max(candidates, key=lambda c: (full_names[c], -_first_start(people, c)))
        else:
            mention.canonical = mention.key


def _marked_gender(doc, mention) -> str | None:
    """"m" or "f" when the words right around a name mark it: an honorific or title before it
    ("Mr.", "Queen"), or a gendered noun it is in apposition with ("his wife, Ana Lee",
    "Ana Lee, a spokeswoman")."""
    words = lexicon.gendered_words()
    first = mention.text.split()[0].lower() if mention.text.split() else ""
    if first in words and len(mention.text.split()) > 1:
        return words[first]
    if mention.token_start > 0 and doc[mention.token_start - 1].lower_ in words:
        return words[doc[mention.token_start - 1].lower_]
    root = doc[mention.token_start:mention.token_end].root
    around = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
    for word in around:
        if word.lower_ in words:
            return words[word.lower_]
    return None


def _full_name_genders(people, marked) -> dict[str, str]:
    votes: dict[str, Counter] = defaultdict(Counter)
    for mention in people:
        if marked[id(mention)] and len(mention.key.split()) >= 2:
            votes[mention.key][marked[id(mention)]] += 1
    return {name: counts.most_common(1)[0][0] for name, counts in votes.items() if len(counts) == 1}


def _first_start(people, name: str) -> int:
    return min((p.start_char for p in people if p.key == name), default=1 << 60)


def _acronyms(index: EntityIndex, doc) -> dict[str, str]:
    """Acronyms introduced in brackets after a name, "the Joint Employers' Council (JEC)", when
    the capitalised words before the bracket have the acronym's initials (NER often misses
    the long name itself)."""
    found = {}
    connectors = {"of", "for", "and", "the", "on", "'", "’", "'s", "’s", "&", "-"}
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
        while words and (words[0].lower_ in connectors or words[0].lower_ in {"a", "an"}):
            words = words[1:]
        initials = "".join(w.text[0] for w in words if w.text[:1].isupper())
        if len(words) >= 2 and initials.upper() == acronym.upper().replace("&", ""):
            found.setdefault(acronym, doc[words[0].i:words[-1].i + 1].text)
    return found


def _resolve_others(index: EntityIndex, doc=None) -> None:
    countries = lexicon.nationalities()
    acronyms = _acronyms(index, doc) if doc is not None else {}
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
    # "Security Council" after "UN Security Council": the shorter form is the longer one's tail.
    for mentions in by_label.values():
        names = Counter(m.canonical for m in mentions)
        for mention in mentions:
            longer = [n for n in names if n != mention.canonical and len(n.split()) > len(mention.canonical.split())
                      and n.lower().endswith(" " + mention.canonical.lower())]
            if len(longer) == 1 and len(mention.canonical.split()) >= 2:
                mention.canonical = longer[0]


def _attach_titles(index: EntityIndex, doc) -> None:
    titles = lexicon.person_titles()
    countries = lexicon.nationalities()
    seen = defaultdict(list)
    for mention in index.mentions:
        if mention.label != "PERSON":
            continue
        title = _title_before(doc, mention.token_start, titles, countries) or _title_inside(mention.text, titles)
        if title:
            mention.title = title
            if title not in seen[mention.canonical]:
                seen[mention.canonical].append(title)
    index.titles = dict(seen)


def _title_inside(text: str, titles) -> str | None:
    words = text.split()
    taken = []
    for word in words[:-1]:
        if word.lower().rstrip(".") in titles or word.lower() in titles:
            taken.append(word)
        else:
            break
    return " ".join(taken) or None


def _title_before(doc, start: int, titles, countries) -> str | None:
    """Longest title (from data/titles.csv) that ends right before token `start`."""
    best = None
    for length in range(1, 6):
        begin = start - length
        if begin < 0:
            break
        span = doc[begin:start]
        if any(t.is_punct or t.is_space for t in span):
            break
        phrase = span.text.lower().rstrip(".")
        if phrase in titles or span.text.lower() in titles:
            best = span.text
    if best is None:
        return None
    return best
