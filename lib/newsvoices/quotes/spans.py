"""What the content rules read: a cue's `CueFrame` (the cue, its speaker, the parse around
them) and the small questions about the parse that several rules ask."""
from __future__ import annotations

from dataclasses import dataclass

from .. import lexicon

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
COMPLEMENT_DEPS = {"oprd", "xcomp", "attr", "ccomp"}


@dataclass
class CueFrame:
    """A cue with its speaker, the parse around them and the article's quote membership."""

    cue: object  # the cue Token
    speaker: object  # the Token heading the speaker's mention
    doc: object
    in_quote: list[int | None]
    speaker_tokens: set[int]  # the speaker's words, without the cue's clause ("an official who said ...")

    @classmethod
    def of(cls, cue, speaker, doc, in_quote) -> CueFrame:
        return cls(cue, speaker, doc, in_quote, {t.i for t in speaker.subtree} - {t.i for t in cue.subtree})

    @property
    def lemma(self) -> str:
        return self.cue.lemma_.lower()

    def objects(self) -> list:
        """The cue's direct objects, "what" excepted ("in what X called ...")."""
        return [c for c in self.cue.children if c.dep_ == "dobj" and c.lower_ != "what"]


def token_span_chars(doc, start: int, end: int) -> tuple[int, int] | None:
    if end <= start:
        return None
    span = doc[start:end]
    return span.start_char, span.end_char


def subtree_bounds(token, exclude=None) -> tuple[int, int]:
    words = [t for t in token.subtree if exclude is None or t.i not in exclude]
    return words[0].i, words[-1].i + 1


def after_comma(token) -> bool:
    return token.i > 0 and token.doc[token.i - 1].text == ","


def has_subject(verb) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def quoted_label_as(token) -> bool:
    """"dismissed her work as “sentimental postcards”": an "as" phrase holding a quotation."""
    return any(c.dep_ == "prep" and c.lower_ == "as" and any(t.is_quote for t in c.subtree) for c in token.children)


def is_naming_cue(cue) -> bool:
    lemma = cue.lemma_.lower()
    return lemma in lexicon.naming_verbs() or (lemma in lexicon.label_verbs() and quoted_label_as(cue))


def has_that_mark(clause) -> bool:
    return any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)


def extend_to_sentence_end(doc, cue, end: int) -> int:
    """Let content after the cue run on through "..., and B" when the parse cut it short."""
    sent_end = cue.sent.end
    tail = doc[end:sent_end]
    if not len(tail):
        return end
    words = [t for t in tail if not t.is_punct and not t.is_space]
    if not words:
        return end
    first = next((t for t in tail if not t.is_space and t.text != ","), None)
    if first is None or first.lower_ not in lexicon.function_words("continuing"):
        return end
    if any(t.lemma_.lower() in lexicon.speech_verbs() and t.pos_ == "VERB" for t in tail):
        return end
    return sent_end


def object_read_as_subject(subject):
    """"A spokesperson for Health Minister Sylvia Jones said", parsed as two subjects with "for"
    left empty: the subject whose preposition ends right before the other subject, which is its
    object; None when there is no such other subject."""
    empty = [c for c in subject.children if c.dep_ == "prep" and not any(True for _ in c.children) and c.i > subject.i]
    return next((other for p in empty for other in subject.head.children if other.dep_ in SUBJECT_DEPS
                 and other.i != subject.i and other.left_edge.i == p.i + 1), None)
