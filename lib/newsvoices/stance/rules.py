"""Step 5a: stance on the hopeful-hardline axis, with the cues behind it.

Lexicons in `data/stance_*.txt` (lemma patterns with weights) are matched with spaCy's
Matcher. Overlapping matches keep the longest, so "end the war" is one hopeful cue, not a
hopeful cue plus the hardline word "war". Then:

- negation ("will not negotiate", "no threat", "have not received"): a negated willingness
  cue becomes a refusal (hardline), a negated progress cue becomes doubt (skeptical), a
  negated hardline or tone cue is cancelled;
- modality and absolutes ("must", "will never", "total", "all", "immediately") strengthen
  the hardline cues of the statement;
- conditions ("only when", "only if") are skeptical on their own and strengthen a hardline
  demand when there is one; "not ... yet" is doubt.

The score is tanh((hopeful - hardline) / 2) in [-1, 1]; the label is the strongest side once
it passes a small threshold, "neutral" otherwise.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache, lru_cache

from .. import lexicon
from .. import nlp as _nlp  # noqa: F401 (declares the Doc extensions this module uses)

LABELS = ("hopeful", "hardline", "skeptical", "neutral")
THRESHOLD = 0.55
ABSOLUTES = lexicon.word_list("stance_absolutes.txt")  # "total", "never", "immediately"
NEGATIONS = lexicon.word_list("stance_negations.txt")  # "not", "no", "without"


@dataclass
class Cue:
    text: str
    side: str  # hopeful, hardline, skeptical
    weight: float
    kind: str
    start: int  # character offsets in the scored text
    end: int
    negated: bool = False

    def as_dict(self) -> dict:
        return {"text": self.text, "side": self.side, "weight": round(self.weight, 2), "kind": self.kind,
                "negated": self.negated}


@dataclass
class StanceResult:
    label: str
    score: float
    cues: list[Cue] = field(default_factory=list)
    totals: dict = field(default_factory=dict)
    confidence: float | None = None  # the classifier's probability of `label` (None from the lexicon)
    probabilities: dict = field(default_factory=dict)
    examples: list = field(default_factory=list)  # the most similar labelled statements
    method: str = "lexicon"


def _read_lexicon(name: str, side: str):
    entries = []
    for line in lexicon.read_lines(name):
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) < 2:
            continue
        weight, pattern = float(parts[0]), parts[1]
        kind = parts[2] if len(parts) > 2 else side
        entries.append((side, weight, kind, pattern))
    return entries


@cache
def lexicon_entries():
    return (_read_lexicon("stance_hopeful.txt", "hopeful") + _read_lexicon("stance_hardline.txt", "hardline")
            + _read_lexicon("stance_skeptical.txt", "skeptical"))


def _token_pattern(pattern: str):
    tokens = []
    for word in pattern.split():
        if word == "...":
            tokens.append({"OP": "{0,6}"})
        else:
            word, _, pos = word.partition("/")  # "demand/VERB": the verb only, never the noun
            for piece in word.replace("-", " - ").split():
                tokens.append({"LEMMA": piece, "POS": pos} if pos else {"LEMMA": piece})
    return tokens


# The matchers are built once per vocabulary: `lru_cache` keys them by the Vocab object itself
# (held, so never confused with a later one), not by a reusable id().
@lru_cache(maxsize=8)
def _dependency_matcher(vocab):
    """Patterns written "subject < verb" ("talk < continue"): the subject's head is the verb,
    however many words stand between them ("Discussions on the plans will continue")."""
    from spacy.matcher import DependencyMatcher

    matcher = DependencyMatcher(vocab)
    for number, (side, weight, kind, pattern) in enumerate(lexicon_entries()):
        if " < " not in pattern:
            continue
        subject, verb = [p.strip() for p in pattern.split(" < ")]
        matcher.add(f"{side}|{weight}|{kind}|{number}", [[
            {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": verb}},
            {"LEFT_ID": "verb", "REL_OP": ">>", "RIGHT_ID": "subject",
             "RIGHT_ATTRS": {"LEMMA": subject, "DEP": {"IN": ["nsubj", "nsubjpass"]}}},
        ]])
    return matcher


@lru_cache(maxsize=8)
def _matchers(vocab):
    """A PhraseMatcher on lemmas for the plain word sequences (most entries: one pass over the
    span whatever the lexicon's size) and a token Matcher for patterns with a gap ("...")."""
    from spacy.matcher import Matcher, PhraseMatcher
    from spacy.tokens import Doc

    phrases = PhraseMatcher(vocab, attr="LEMMA")
    gapped = Matcher(vocab)
    for number, (side, weight, kind, pattern) in enumerate(lexicon_entries()):
        if " < " in pattern:
            continue
        label = f"{side}|{weight}|{kind}|{number}"
        tokens = _token_pattern(pattern)
        if all(list(t) == ["LEMMA"] for t in tokens):
            lemmas = [t["LEMMA"] for t in tokens]
            phrases.add(label, [Doc(vocab, words=lemmas, lemmas=lemmas)])
        else:
            gapped.add(label, [tokens])
    return phrases, gapped


@cache
def _match_labels() -> dict[int, tuple[str, float, str]]:
    """Match id -> (side, weight, kind). Looked up here rather than in the vocab's StringStore,
    whose strings added inside `nlp.memory_zone()` (corpus mode) are freed when the zone ends."""
    from spacy.strings import get_string_id

    return {get_string_id(f"{side}|{weight}|{kind}|{number}"): (side, float(weight), kind)
            for number, (side, weight, kind, _) in enumerate(lexicon_entries())}


@cache
def _dependency_anchors() -> frozenset[str]:
    return frozenset(p.split(" < ")[1].strip() for _, _, _, p in lexicon_entries() if " < " in p)


def _span_matches(doc, start_token: int, end_token: int) -> list[tuple[int, int, str, float, str]]:
    """Lexicon matches inside tokens [start_token, end_token). The token Matcher runs on the
    span alone; the DependencyMatcher converts the whole document whenever it runs, so it runs
    once per document and only if the span holds one of its anchor verbs."""
    found = []
    span = doc[start_token:end_token]
    phrases, gapped = _matchers(doc.vocab)
    labels = _match_labels()
    # the PhraseMatcher gives positions in the doc, the Matcher positions in the span
    for matches, shift in ((phrases(span), 0), (gapped(span), start_token)):
        for match_id, start, end in matches:
            side, weight, kind = labels[match_id]
            found.append((start + shift, end + shift, side, weight, kind))
    anchors = _dependency_anchors()
    if doc.has_annotation("DEP") and any(t.lemma_ in anchors for t in doc[start_token:end_token]):
        cached = doc._.newsvoices_stance_dependency_matches
        if cached is None:
            cached = []
            for match_id, (verb, subject) in _dependency_matcher(doc.vocab)(doc):
                side, weight, kind = labels[match_id]
                first, last = sorted((verb, subject))
                cached.append((first, last + 1, side, weight, kind))
            doc._.newsvoices_stance_dependency_matches = cached
        found.extend(m for m in cached if m[0] >= start_token and m[1] <= end_token)
    return found


def score_doc(span) -> StanceResult:
    """Stance of a parsed Doc or Span."""
    doc = span.doc if hasattr(span, "doc") else span
    offset = span.start_char if hasattr(span, "start_char") else 0
    start_token = span.start if hasattr(span, "start") else 0
    end_token = span.end if hasattr(span, "end") else len(doc)
    found = _span_matches(doc, start_token, end_token)
    # keep the longest match where matches overlap (then the heavier one)
    found.sort(key=lambda m: (-(m[1] - m[0]), -m[3], m[0]))
    taken: set[int] = set()
    cues: list[Cue] = []
    for start, end, side, weight, kind in found:
        if any(i in taken for i in range(start, end)):
            continue
        taken.update(range(start, end))
        words = doc[start:end]
        if end - start == 1 and start > 0 and doc[start - 1].text in {"-", "‑"}:
            continue  # "post-war", "anti-terror": a modifier, not the thing itself
        negated = _negated(words)
        cue = Cue(words.text, side, weight, kind, words.start_char - offset, words.end_char - offset, negated)
        if negated:
            if side == "hopeful" and kind == "willingness":
                cue.side, cue.kind = "hardline", "refusal"
            elif side == "hopeful" and kind == "progress":
                cue.side, cue.kind = "skeptical", "no progress"
            else:
                cue.weight = 0.0
        cues.append(cue)
    # "not ... yet": doubt that something has happened
    for token in doc[start_token:end_token]:
        if token.lower_ == "yet" and _negated(doc[token.i:token.i + 1], window=6):
            cues.append(Cue(token.text, "skeptical", 1.0, "not yet", token.idx - offset, token.idx + len(token.text) - offset))
    cues.sort(key=lambda c: c.start)
    return _decide(cues, [t.lower_ for t in doc[start_token:end_token]])


def _negated(words, window: int = 2) -> bool:
    """Is a cue negated? A negation on the cue's own head word ("will not negotiate"), or a
    negation word just before it in the same sentence ("no threat"); never one inside the
    cue itself ("not sure" is a cue, not a negated "sure")."""
    doc = words.doc
    inside = set(range(words.start, words.end))
    heads = [words.root] + ([words.root.head] if words.root.dep_ in {"dobj", "xcomp", "acomp", "attr", "pobj", "amod"} else [])
    for head in heads:
        for child in head.children:
            if child.i not in inside and (child.dep_ == "neg" or (child.lower_ in lexicon.function_words("negating_adverb") and child.dep_ in {"det", "neg", "advmod"})):
                return True
    sentence_start = words.sent.start
    for token in doc[max(words.start - window, sentence_start):words.start]:
        if token.lower_ in NEGATIONS or token.dep_ == "neg":
            return True
    return False


def _decide(cues: list[Cue], words: list[str]) -> StanceResult:
    totals = {"hopeful": 0.0, "hardline": 0.0, "skeptical": 0.0}
    for cue in cues:
        totals[cue.side] += cue.weight
    if totals["hardline"] > 0:
        strength = sum(1 for w in words if w in ABSOLUTES)
        totals["hardline"] *= 1 + 0.25 * min(strength, 3)
        conditions = sum(c.weight for c in cues if c.kind == "condition")
        if totals["hardline"] >= THRESHOLD and conditions:
            totals["hardline"] += conditions
            totals["skeptical"] -= conditions
    hopeful, hardline, skeptical = totals["hopeful"], totals["hardline"], totals["skeptical"]
    score = math.tanh((hopeful - hardline) / 2)
    strongest = max(totals, key=totals.get)
    if totals[strongest] < THRESHOLD:
        label = "neutral"
    elif skeptical >= max(hopeful, hardline) or (skeptical >= THRESHOLD and abs(hopeful - hardline) < 0.5):
        label = "skeptical"
        score = min(score, 0.0) - 0.2 * math.tanh(skeptical)
    elif abs(hopeful - hardline) < 0.3:
        label = "neutral"
    else:
        label = "hopeful" if hopeful > hardline else "hardline"
    return StanceResult(label, max(-1.0, min(1.0, round(score, 4))), cues, {k: round(v, 3) for k, v in totals.items()})


CONTEXT_WEIGHT = 0.5


def score_text(text: str, context: str | None = None, nlp=None) -> StanceResult:
    """Stance of a piece of text (parsed with the cached model).

    `context` is the sentence around it (or the reporting verb): its cues outside the text
    count at half weight, so "X slammed ..." or "X welcomed ..." tilts a plain statement."""
    from ..nlp import load_model

    nlp = nlp or load_model()
    result = score_doc(nlp(text))
    if not context:
        return result
    context_doc = nlp(context)
    inside = context.find(text) if text else -1
    extra = []
    for cue in score_doc(context_doc).cues:
        if inside >= 0 and inside <= cue.start < inside + len(text):
            continue
        extra.append(Cue(cue.text, cue.side, cue.weight * CONTEXT_WEIGHT, cue.kind + " (context)", -1, -1, cue.negated))
    if not extra:
        return result
    words = [t.lower_ for t in nlp.make_doc(text)]
    return _decide(result.cues + extra, words)


def score_statement(doc, start_char: int, end_char: int, cue_start: int | None = None,
                    cue_end: int | None = None) -> StanceResult:
    """Stance of a statement inside a parsed article: its own cues, plus its reporting verb
    ("slammed", "welcomed") at half weight. The rest of the sentence is left out: it often
    holds another speaker's words."""
    content = doc.char_span(start_char, end_char, alignment_mode="expand")
    if content is None or not len(content):
        return StanceResult("neutral", 0.0, [], {})
    result = score_doc(content)
    for cue in result.cues:
        if cue.start or cue.end:
            cue.start += content.start_char - start_char
            cue.end += content.start_char - start_char
    verb = doc.char_span(cue_start, cue_end, alignment_mode="expand") if cue_start is not None and cue_end else None
    extra = []
    if verb is not None and len(verb):
        for cue in score_doc(verb).cues:
            extra.append(Cue(cue.text, cue.side, cue.weight * CONTEXT_WEIGHT, cue.kind + " (reporting verb)", -1, -1, cue.negated))
    if not extra:
        return result
    return _decide(result.cues + extra, [t.lower_ for t in content])
