"""The candidate antecedents of a pronoun or a description, and the evidence news writing gives
for each (`ranking` scores them).

`Discourse` reads the article once: every person mention with its sentence, paragraph, whether
it is the subject of its sentence's main clause, whether it is inside quoted words, and the words
that describe the person ("Yellowhead MP", "the retired neurosurgeon", "Ana Ruiz, a spokeswoman",
"Ruiz is a labourer"). `gather` lists the people (and the unnamed sources already speaking)
before a mention, and, for an indefinite description, the people named just after it ("an
independent political expert ... Jane Roe, a professor at ..."), each with its features.
"""
from __future__ import annotations

import bisect
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .. import lexicon
from ..nlp import sentence_numbers

SUBJECTS = {"nsubj", "nsubjpass"}
WINDOW_PARAGRAPHS = 5  # a pronoun or a description looks back this many paragraphs
FORWARD_SENTENCES = 2


@dataclass
class PersonMention:
    """One mention of a person as the discourse reads it."""

    name: str
    start: int  # character offset
    sentence: int
    paragraph: int
    subject: bool  # the subject of some clause
    main_subject: bool  # the subject of its sentence's main clause
    quoted: bool  # inside quoted words


@dataclass
class Candidate:
    """One possible antecedent: a person named in the article or an unnamed source already
    speaking, with the evidence for it (feature name -> value in [0, 1])."""

    name: str
    referent: object | None = None  # the `Referent` it spoke as, if it has
    forward: bool = False  # named after the mention
    features: dict[str, float] = field(default_factory=dict)


@dataclass
class Discourse:
    """The people of one article as pronouns and descriptions need them."""

    mentions: list[PersonMention] = field(default_factory=list)
    descriptors: dict[str, set[str]] = field(default_factory=dict)  # person -> lower-cased words describing them
    # person -> more words only a description is matched against: names and numbers beside the
    # name, and the words of descriptions already resolved to the person (`anaphora.described_further`)
    matched_words: dict[str, set[str]] = field(default_factory=dict)
    sentence_of_token: list[int] = field(default_factory=list)
    paragraph_at: object = None  # character offset -> paragraph index (`Article.paragraph_at`)
    indefinites: dict[str, list[int]] = field(default_factory=dict)  # noun lemma -> offsets of "a/one <noun>"
    sentence_starts: list[int] = field(default_factory=list)  # character offset where each sentence begins
    # where each object's phrase begins: an unnamed speaker named as one does not weigh as its
    # sentence's subject ("Cain was asked by a caller why ...": the sentence is Cain's)
    object_starts: set[int] = field(default_factory=set)

    def sentence_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, char) - 1)

    @classmethod
    def build(cls, doc, entity_index, in_quote, paragraph_at) -> Discourse:
        discourse = cls(sentence_of_token=sentence_numbers(doc).tolist(), paragraph_at=paragraph_at)
        descriptors: dict[str, set[str]] = defaultdict(set)
        for person, titles in (entity_index.titles.items() if entity_index is not None else ()):
            for title in titles:
                descriptors[person].update(w.lower().rstrip(".") for w in title.split())
        for mention in entity_index.mentions if entity_index is not None else ():
            if mention.label != "PERSON":
                continue
            root = doc[mention.token_start:mention.token_end].root
            subject, main = _subject_roles(_phrase_head(root))
            discourse.mentions.append(PersonMention(mention.canonical, mention.start_char, mention.sentence,
                                                    mention.paragraph, subject, main,
                                                    in_quote[mention.token_start] is not None))
            descriptors[mention.canonical].update(_words_describing(root, mention, doc))
            discourse.matched_words.setdefault(mention.canonical, set()).update(_names_beside(root, mention))
        discourse.descriptors = dict(descriptors)
        indefinites = defaultdict(list)
        for token in doc:
            if token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in lexicon.function_words("indefinite") for c in token.children):
                indefinites[token.lemma_.lower()].append(token.idx)
        discourse.indefinites = dict(indefinites)
        discourse.sentence_starts = [sent.start_char for sent in doc.sents]
        discourse.object_starts = {t.left_edge.idx for t in doc if t.dep_ in {"pobj", "dobj"}} \
            - {t.left_edge.idx for t in doc if t.dep_ in SUBJECTS}
        return discourse


def _phrase_head(root):
    """The head of the noun phrase a name stands in: the name itself, or what it is in apposition
    with ("the spokeswoman, Ana Ruiz, said", "Her editor at Fennick, Colin Ashdown, said")."""
    if root.dep_ == "compound":
        return root.head
    if root.dep_ != "appos":
        return root
    node = root.head
    while node.dep_ in {"pobj", "prep"} and node.head.i != node.i:
        node = node.head
    return node


def _subject_roles(head) -> tuple[bool, bool]:
    """(subject of some clause, subject of the main clause) for the head of a name's phrase. A
    name that opens a sentence the parser made it the root of is its subject ("Trump, when asked
    about it, often steam-rolls ...": "steam-rolls" read as a noun). (The owner of a subject,
    "Mr. Sanders's campaign vowed", counted as a subject cost more pronouns than it won.)"""
    if head.dep_ == "ROOT" and head.pos_ == "PROPN":
        opens = all(t.pos_ == "PROPN" or t.is_punct for t in head.doc[head.sent.start:head.i])
        misparsed = opens and len(head.sent) > 5  # not a headline fragment ("Trump.")
        return misparsed, misparsed
    subject = head.dep_ in SUBJECTS
    return subject, subject and (head.head.dep_ == "ROOT" or head.head.dep_ == "conj" and head.head.head.dep_ == "ROOT")


def _words_describing(root, mention, doc) -> set[str]:
    """"Yellowhead MP Jim Eglinski", "Ramos, 58, a journalist", "her son, Tom", "Roe is a
    labourer": the nouns and modifiers news puts beside a name, lower-cased lemmas."""
    inside = range(mention.token_start, mention.token_end)
    words = set()
    for child in root.children:
        if child.i in inside:
            continue
        if age_word(child):  # "47-year-old Steve Marsh", "Marsh, 47,"
            words.add(age_word(child))
        if child.dep_ in {"compound", "amod", "nmod"} and child.i < mention.token_start:
            words.add(child.lemma_.lower())
        if child.dep_ == "appos":
            words.update(noun_and_modifiers(child))
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        words.update(noun_and_modifiers(root.head))
    if root.dep_ in SUBJECTS and root.head.pos_ == "AUX":  # "Roe is a labourer"
        for attr in (c for c in root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"):
            words.update(noun_and_modifiers(attr))
    return {w for w in words if w.isalpha() or "-" in w}


def _names_beside(root, mention) -> set[str]:
    """The names and numbers a name's phrase gives beside its nouns, which a later description
    may take as modifiers: "Ward 4 Coun. X", "X, chief executive of Maplecrest", "X, who
    represents Dartmouth East" (kept apart from `_words_describing`, which the ranker's
    `has_descriptors` and `no_other_role` read)."""
    words = set()
    for child in root.children:
        if child.i in range(mention.token_start, mention.token_end):
            continue
        if child.dep_ in {"compound", "amod", "nmod"} and child.i < mention.token_start:
            words.update(n.text for n in child.children if n.dep_ == "nummod" and n.like_num)
        if child.dep_ in {"appos", "relcl"}:
            words.update(_names_within(child))
    return words


def age_word(token) -> str | None:
    """"the 47-year-old" (its "old"), "Marsh, 47," (the number set beside a name): "47-year-old"."""
    nouns, adjectives = lexicon.function_words("age_noun"), lexicon.function_words("age_adjective")
    if token.lemma_.lower() in nouns and token.head.lower_ in adjectives:  # a parse that hangs "old" elsewhere
        token = token.head
    if token.lower_ in adjectives:
        year = next((c for c in token.children if c.lemma_.lower() in nouns), None)
        number = next((c for c in year.children if c.dep_ == "nummod" and c.like_num), None) if year is not None else None
        return f"{number.text}-year-old" if number is not None else None
    if token.dep_ == "appos" and token.like_num and token.text.isdigit() and 1 < int(token.text) < 120:
        return f"{token.text}-year-old"
    return None


def _names_within(phrase, longest: int = 14) -> set[str]:
    """The proper nouns of a short phrase beside a name ("chief executive of Maplecrest", "who
    represents Ward 11"), lower-cased: a later description may use them as modifiers."""
    tokens = list(phrase.subtree)
    if len(tokens) > longest:
        return set()
    return {t.lemma_.lower() for t in tokens if t.pos_ == "PROPN" or t.like_num and t.head.pos_ == "PROPN"}


def with_role_families(words) -> set[str]:
    """The words and the role families they name (`data/role_families.csv`): "coun" and
    "councillor" are one role, "chief executive" is a "ceo", a president the "leader"."""
    bare = {w.rstrip(".") for w in words}
    found = set(words) | bare
    for key, families in lexicon.role_families().items():
        if key <= bare:
            found |= families
    return found


def described_words(candidate: Candidate, discourse: Discourse) -> set[str]:
    """Everything the article has called a candidate: the words beside its name, the role and
    the affiliation it spoke with, and the role families of those words."""
    words = set(discourse.descriptors.get(candidate.name, set())) | discourse.matched_words.get(candidate.name, set())
    known = candidate.referent
    if known is not None and known.role:
        words |= {w.lower() for w in known.role.split()}
    if known is not None and known.affiliation:
        words |= {w.lower() for w in known.affiliation.split()}
    return with_role_families(words)


def noun_and_modifiers(noun) -> set[str]:
    words = {noun.lemma_.lower()}
    words.update(c.lemma_.lower() for c in noun.children if c.dep_ in {"compound", "amod", "nmod"})
    for conj in (c for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN"):
        words.add(conj.lemma_.lower())
    return words


# ---------------------------------------------------------------- gathering


@dataclass
class MentionPlace:
    """Where the mention being resolved stands."""

    position: int
    sentence: int
    paragraph: int
    gender: str | None = None  # wanted gender: "m", "f" or None
    head_words: frozenset[str] = frozenset()  # a description's head lemma and modifiers
    head: str | None = None  # a description's head lemma
    indefinite: bool = False
    end: int | None = None  # a description's end: names inside it are not its antecedents
    not_names: frozenset[str] = frozenset()  # "Lindqvist, he said, had ...": never the pronoun's


def gather(place: MentionPlace, discourse: Discourse, referents, genders, forward: int = FORWARD_SENTENCES) -> list[Candidate]:
    """The people before the mention (within `WINDOW_PARAGRAPHS`) and the unnamed sources
    speaking there, and, for an indefinite description, the people named just after it (within
    `forward` sentences); a person the article marks with the other gender is no candidate."""
    before = [m for m in discourse.mentions if m.start < place.position
              and m.paragraph >= place.paragraph - WINDOW_PARAGRAPHS]
    spoken = [r for r in referents if r.position < place.position and r.kind == "person"
              and discourse.paragraph_at(r.position) >= place.paragraph - WINDOW_PARAGRAPHS]
    # a speaker the text did not name where it spoke ("another driver, who asked not to be named,
    # said", "her son said") stands there as the subject of its sentence, unless named as an object
    named_at = {(m.name, m.sentence) for m in before}
    spoken_at = [PersonMention(r.speaker, r.position, discourse.sentence_at(r.position), discourse.paragraph_at(r.position),
                               subject=as_subject, main_subject=as_subject, quoted=False)
                 for r in spoken for as_subject in [r.position not in discourse.object_starts]]
    before = sorted(before + [m for m in spoken_at if (m.name, m.sentence) not in named_at], key=lambda m: m.start)
    names = list(dict.fromkeys([m.name for m in before] + [r.speaker for r in spoken]))
    if place.end is not None:  # a description: "the heckler" is not whoever speaks in its sentence
        same_sentence = {m.name for m in discourse.mentions if m.sentence == place.sentence and not m.quoted}
        names = [n for n in names if n not in same_sentence]
    if place.indefinite:
        after = [m for m in discourse.mentions if m.start > (place.end or place.position) and not m.quoted
                 and m.sentence <= place.sentence + forward]
        names = list(dict.fromkeys(m.name for m in after))
        before, spoken = after, []
    wanted = place.gender
    candidates = []
    for name in names:
        if wanted and genders.get(name) not in {None, wanted} or name in place.not_names:
            continue
        referent = next((r for r in reversed(spoken) if r.speaker == name), None)
        candidate = Candidate(name, referent, forward=place.indefinite)
        candidate.features = _features(candidate, place, before, spoken, discourse, genders)
        candidates.append(candidate)
    return candidates


def _features(candidate: Candidate, place: MentionPlace, before, spoken, discourse: Discourse, genders) -> dict:
    name = candidate.name
    own = [m for m in before if m.name == name]
    unquoted = [m for m in before if not m.quoted]
    own_unquoted = [m for m in own if not m.quoted]
    last_speaker = spoken[-1].speaker if spoken else None
    mains = [m for m in unquoted if m.main_subject]
    subjects = [m for m in unquoted if m.subject]
    paragraph_people = [m for m in unquoted if m.paragraph == place.paragraph]
    previous_paragraph = [m for m in unquoted if m.paragraph == place.paragraph - 1]
    counts = Counter(m.name for m in unquoted)
    last = own_unquoted[-1] if own_unquoted else (own[-1] if own else None)
    sentences = abs(place.sentence - last.sentence) if last else 10
    paragraphs = abs(place.paragraph - last.paragraph) if last else WINDOW_PARAGRAPHS
    descriptors = described_words(candidate, discourse)
    # what the ranker weighs as "described at all" and "given another role": the words beside the
    # name and the role it spoke with, as the weights were trained on
    plain = discourse.descriptors.get(name, set())
    if candidate.referent is not None and candidate.referent.role:
        plain = plain | {w.lower() for w in candidate.referent.role.split()}
    features = {
        "last_speaker": float(name == last_speaker),
        "earlier_speaker": float(candidate.referent is not None),
        "previous_main_subject": float(any(m.name == name for m in mains if m.sentence == place.sentence - 1)),
        "main_subject_this_sentence": float(any(m.name == name for m in mains if m.sentence == place.sentence)),
        "last_main_subject": float(bool(mains) and mains[-1].name == name),
        "last_subject": float(bool(subjects) and subjects[-1].name == name),
        "last_named": float(bool(unquoted) and unquoted[-1].name == name),
        "paragraph_first": float(bool(paragraph_people) and paragraph_people[0].name == name),
        "previous_paragraph_first": float(bool(previous_paragraph) and previous_paragraph[0].name == name),
        "in_paragraph": float(any(m.name == name for m in paragraph_people)),
        "gender_agrees": float(place.gender is not None and genders.get(name) == place.gender),
        "only_quoted": float(bool(own) and not own_unquoted),
        "unnamed": float(bool(candidate.referent is not None and candidate.referent.anonymous) or not own),
        "sentence_distance": min(sentences, 10) / 10,
        "paragraph_distance": min(paragraphs, WINDOW_PARAGRAPHS) / WINDOW_PARAGRAPHS,
        "share_of_mentions": counts[name] / max(1, sum(counts.values())),
        "mentions": min(1.0, math.log1p(counts[name]) / math.log(20)),
        "head_matches": float(place.head is not None and bool(with_role_families({place.head}) & descriptors)),
        "modifier_matches": float(bool(place.head_words - {place.head}) and bool((place.head_words - {place.head}) & descriptors)),
        "has_descriptors": float(bool(plain)),
        # a relative ("the man's sister") holds no role: "the 31-year-old nursing assistant" may be her
        "no_other_role": float(not (plain & lexicon.role_nouns() - lexicon.word_list("family_nouns.txt"))),
        # "One man in the crowd shouted ... the man said": someone new was introduced with that noun
        # after the candidate was last named
        "introduced_since": float(place.head is not None and any(
            (last.start if last else -1) < start < place.position for start in discourse.indefinites.get(place.head, ()))),
    }
    return features


def wanted_gender(word: str) -> str | None:
    """"he" -> "m", "spokeswoman" -> "f"."""
    return lexicon.pronoun_genders().get(word) or lexicon.gendered_words().get(word)
