"""People: role holders NER missed, split given names, surnames NER missed, and which full name each mention of a person is."""
from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict

from .. import lexicon
from .index import (
    EntityIndex,
    Mention,
    _lower_case_words,
    _matching_people,
    _most_likely_referent,
    _spans_spelled,
    clean_name,
    without_name_suffix,
)


def _looks_like_a_named_role_holder(mention, doc) -> bool:
    """"union leader Marta de Vries", "spokesman Li Wei": a name right after a role noun or
    title is a person, whatever label NER gave it."""
    if mention.token_start == 0 or len(mention.key.split()) < 2:
        return False
    before = doc[mention.token_start - 1]
    words = mention.key.split()
    name_like = all(w[:1].isupper() or w in lexicon.word_list("name_particles.txt")
                    for w in words) and words[-1][:1].isupper()
    shared = lexicon.word_list("shared_role_nouns.txt")  # "the new owner, Harbour Global Holdings"
    if name_like and (before.lemma_.lower() in lexicon.role_nouns() and before.lemma_.lower() not in shared
                      or before.lower_ in lexicon.person_titles()):
        return True
    # "Its director, Helena Moritz, said": a name in apposition to a role noun
    root = doc[mention.token_start:mention.token_end].root
    return name_like and root.dep_ == "appos" and root.head.lemma_.lower() in lexicon.role_nouns() \
        and root.head.lemma_.lower() not in shared


def _listed_with_people(mention, doc, person_tokens) -> bool:
    """"Ben Carson, Carly Fiorina or Mike Huckabee": a two- or three-word name NER calls an
    organisation, listed (conjoined) with people and with no organisation, is a person."""
    words = mention.key.split()
    if not 2 <= len(words) <= 3 or not all(t.pos_ == "PROPN" for t in doc[mention.token_start:mention.token_end]):
        return False
    root = doc[mention.token_start:mention.token_end].root
    node = root
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    listed = [node] + [t for t in node.subtree if t.dep_ == "conj" and t.i != root.i]
    others = [t for t in listed if t.i != root.i and not mention.token_start <= t.i < mention.token_end]
    return bool(others) and all(t.i in person_tokens for t in others)


def places_ner_called_people(mentions: list[Mention], doc) -> None:
    """"New Brunswick's measles outbreak" tagged a person: a PERSON mention that spells a country
    or a state or province (ISO 3166-2) is that place, unless a title or honorific opens it or it
    is one word that is also a first name ("Georgia", "Victoria")."""
    divisions = lexicon.first_level_divisions()
    for mention in mentions:
        titled = mention.text.split()[0] in lexicon.title_forms() or mention.token_start > 0 \
            and doc[mention.token_start - 1].text in lexicon.title_forms()  # "Ms Washington said"
        if mention.label != "PERSON" or titled:
            continue
        words = mention.key.split()
        if len(words) == 1 and lexicon.is_given_name(words[0]):
            continue
        if mention.key.lower() in lexicon.nationalities() or lexicon.plain_letters(mention.key) in divisions:
            mention.label = "GPE"


def without_adjectives_called_people(mentions: list[Mention], doc) -> list[Mention]:
    """"The Olympic silver medallist" with "Olympic" tagged a person: one word the tagger reads
    as an adjective modifying a noun is no one's name."""
    return [m for m in mentions if not (m.label == "PERSON" and m.token_end - m.token_start == 1
                                        and doc[m.token_start].tag_ == "JJ" and doc[m.token_start].dep_ == "amod")]


def _join_split_names(mentions: list[Mention], doc) -> list[Mention]:
    """"Amélia Rocha" tagged as a place "Amélia" and a person "Rocha": a given name the model
    does not know, written right before a one-word PERSON, joins it. Only when that word is no
    country or nationality and the article never uses it on its own elsewhere."""
    countries = lexicon.nationalities()
    joined, skip = [], set()
    ordered = sorted(mentions, key=lambda m: m.start_char)
    for first, second in itertools.pairwise(ordered):
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


def _resolve_people(index: EntityIndex, doc, sentence_of_token, paragraph_of_char) -> None:
    countries = lexicon.nationalities()
    for mention in index.mentions:
        if mention.label in {"ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"} and mention.key.lower() not in countries \
                and _looks_like_a_named_role_holder(mention, doc):
            mention.label = "PERSON"
    honorifics = {t for t, kinds in lexicon.titles().items() if "honorific" in kinds}
    for mention in index.mentions:  # "Ms Dhaliwal" is no organisation, whatever NER says
        words = mention.text.split()
        if mention.label != "PERSON" and len(words) > 1 and words[0].lower() in honorifics:
            mention.label, mention.key = "PERSON", clean_name(mention.text, "PERSON")
    person_tokens = {i for m in index.mentions if m.label == "PERSON" for i in range(m.token_start, m.token_end)}
    for mention in index.mentions:
        if mention.label in {"ORG", "GPE", "NORP"} and mention.key.lower() not in countries \
                and _listed_with_people(mention, doc, person_tokens):
            mention.label = "PERSON"
    people = [m for m in index.mentions if m.label == "PERSON"]
    full_names = _full_name_counts(people)
    # NER slips: a known person's name tagged as an organisation or place is that person.
    for mention in index.mentions:
        if mention.label in {"ORG", "GPE", "NORP", "LOC", "PRODUCT", "WORK_OF_ART", "FAC", "LAW", "EVENT"} \
                and mention.key.lower() not in countries and _matching_people(mention.key, full_names) \
                and len(mention.key.split()) <= 3:
            mention.label = "PERSON"
            people.append(mention)
    people += _missed_surnames(index, doc, full_names, sentence_of_token, paragraph_of_char)
    people.sort(key=lambda m: m.start_char)
    _assign_canonical_names(people, full_names, doc)


def _full_name_counts(people) -> Counter:
    """Mentions per full name. A full name that is the tail of a longer one ("de Vries" in
    "Marta de Vries") is the same person: the longer form is canonical, unless the shorter is
    clearly the usual one and the longer only adds an epithet or a stray word ("Crooked Hillary
    Clinton", "Miss Universe Alicia Machado")."""
    full_names = Counter(m.key for m in people if len(m.key.split()) >= 2)
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
    return full_names


def _missed_surnames(index: EntityIndex, doc, full_names, sentence_of_token, paragraph_of_char) -> list[Mention]:
    """Surnames of known people that NER missed entirely, added to the index."""
    covered = {i for m in index.mentions for i in range(m.token_start, m.token_end)}
    surnames = defaultdict(set)
    for full in full_names:
        surname = without_name_suffix(full.split())[-1]
        if re.fullmatch(r"[\w'’.-]+", surname):  # not NER's "Glace Bay–Dominion": a dash joins places, not names
            surnames[surname].add(full)
    lower_case = _lower_case_words(doc)
    added = []
    for span in _spans_spelled(doc, surnames):  # "Walsh", or "Amory-Walsh" in three tokens
        token = span[0]
        if any(i in covered for i in range(span.start, span.end)):
            continue
        # the tagger may call a surname that opens a sentence a noun ("Mendes says…"); a
        # surname that is also a common word ("Young people…") must then be tagged PROPN
        if token.pos_ != "PROPN" and (span.text.lower() in lower_case or not token.text[:1].isupper()):
            continue
        mention = Mention(span.text, "PERSON", span.start_char, span.end_char, sentence_of_token[token.i],
                          paragraph_of_char(token.idx), key=span.text, token_start=span.start, token_end=span.end)
        index.mentions.append(mention)
        added.append(mention)
    return added


def _assign_canonical_names(people, full_names, doc) -> None:
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
