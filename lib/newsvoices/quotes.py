"""Step 4: attributed statements and their speakers.

Three passes over a parsed article:

1. quotation marks: every span inside quotation marks of any style (not apostrophes),
   including quotes that run over paragraphs and quotes left open by a missing mark;
2. cues: speech verbs and nouns from `data/` matched on lemmas, each with its speaker
   (subject, inverted subject, "according to X") and its content (a complement clause, the
   clause the cue is a parenthetical of, a quote next to it, "what X called Y");
3. floating quotes: a quoted sentence with no cue goes to the speaker of the statement next
   to it in the same or the previous paragraph.

Speakers are then resolved to one canonical person or source (`speakers.py`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import lexicon
from .nlp import doc_text, sentence_numbers

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + "\"'"
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
# Subject words that never name a source ("it is said", "there was said to be"), and nobody
# ("nobody asks the fishermen what they see" reports that something is not said).
NON_SOURCES = {"there", "which", "that", "what", "who", "whom", "nobody", "none", "nothing", "noone"}
MIN_FLOATING_WORDS = 4


@lru_cache(maxsize=None)
def speech_verbs() -> frozenset[str]:
    return frozenset(lexicon.read_lines("speech_verbs.txt"))


@lru_cache(maxsize=None)
def object_content_verbs() -> frozenset[str]:
    return frozenset(lexicon.read_lines("object_content_verbs.txt"))


@lru_cache(maxsize=None)
def label_verbs() -> frozenset[str]:
    return frozenset(lexicon.read_lines("label_verbs.txt"))


def _quoted_label_as(token) -> bool:
    """"dismissed her work as “sentimental postcards”": an "as" phrase holding a quotation."""
    return any(c.dep_ == "prep" and c.lower_ == "as" and any(t.is_quote for t in c.subtree) for c in token.children)


@lru_cache(maxsize=None)
def speech_nouns() -> frozenset[str]:
    return frozenset(lexicon.read_lines("speech_nouns.txt"))


@lru_cache(maxsize=None)
def directive_verbs() -> frozenset[str]:
    return frozenset(lexicon.read_lines("directive_verbs.txt"))


@lru_cache(maxsize=None)
def clause_object_verbs() -> frozenset[str]:
    return frozenset(lexicon.read_lines("clause_object_verbs.txt"))


@dataclass
class QuoteSpan:
    """Text inside quotation marks. `start`/`end` are the content, without the marks;
    `close_mark` is the last character of the closing mark."""

    start: int
    end: int
    open_mark: int
    close_mark: int | None  # None: the quote was never closed (ends at its paragraph's end)
    double: bool = True


@dataclass
class Statement:
    content_start: int
    content_end: int
    kind: str  # direct, indirect, mixed
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    mention: str | None = None
    mention_start: int | None = None
    mention_end: int | None = None
    mention_root: int | None = None  # token index of the mention's head word
    content: str = ""
    speaker: str | None = None
    anonymous: bool = False
    affiliation: str | None = None
    role: str | None = None
    paragraph: int = 0
    sentence: int = 0
    floating: bool = False
    quotes: list = field(default_factory=list, repr=False)
    # set by the stance and sentiment step (`pipeline.annotate_statements`)
    stance: str | None = None  # hopeful, hardline, skeptical, neutral
    stance_score: float | None = None  # in [-1, 1]: hopeful > 0 > hardline
    stance_confidence: float | None = None  # probability of the chosen label
    stance_cues: list = field(default_factory=list, repr=False)  # the words that explain the label
    stance_examples: list = field(default_factory=list, repr=False)  # most similar labelled statements
    polarity: float | None = None
    subjectivity: float | None = None
    vader: float | None = None



# ---------------------------------------------------------------- quotation marks

def find_quotes(text: str, paragraph_bounds: list[tuple[int, int]] | None = None) -> list[QuoteSpan]:
    """All quotation-mark spans of `text`. Never raises, whatever the marks."""
    if paragraph_bounds is None:
        paragraph_bounds = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text)]
    spans: list[QuoteSpan] = []
    pending: QuoteSpan | None = None  # a double quote carried over from the previous paragraph
    for number, (p_start, p_end) in enumerate(paragraph_bounds):
        para_spans, still_open = _quotes_in_paragraph(text, p_start, p_end, pending)
        spans.extend(para_spans)
        pending = None
        if still_open is not None:
            next_start = paragraph_bounds[number + 1][0] if number + 1 < len(paragraph_bounds) else None
            if next_start is not None and text[next_start] in DOUBLE_OPEN + '"':
                pending = still_open  # the quote goes on in the next paragraph, which reopens it
            else:
                still_open.end = _trim_end(text, still_open.start, p_end)
                spans.append(still_open)
    return [s for s in spans if s.end > s.start]


def _quotes_in_paragraph(text, p_start, p_end, pending):
    spans = []
    double = pending
    single = None
    i = p_start
    if pending is not None and text[p_start] in DOUBLE_OPEN + '"':
        i += 1  # the reopening mark of a continued quote
    while i < p_end:
        ch = text[i]
        before = text[i - 1] if i > p_start else " "
        after = text[i + 1] if i + 1 < p_end else " "
        if text.startswith(("''", "``"), i):
            # Two apostrophes (or backquotes) used as a double quotation mark, as in some
            # newspaper archives: ''It's more tinkering,'' he said.
            after = text[i + 2] if i + 2 < p_end else " "
            if double is None and not after.isspace() and (text[i] == "`" or not before.isalnum()):
                double = QuoteSpan(i + 2, i + 2, i, None, True)
                single = None
            elif double is not None and text[i] == "'" and not before.isspace():
                double.end, double.close_mark = i, i + 1
                spans.append(double)
                double = None
            i += 2
            continue
        if ch in DOUBLE_OPEN and double is None:
            double = QuoteSpan(i + 1, i + 1, i, None, True)
            single = None
        elif ch in DOUBLE_OPEN and double is not None and ch == "“" and before.isspace():
            # A second opener: the earlier quote lost its closing mark; restart here.
            double.end = _trim_end(text, double.start, i)
            spans.append(double)
            double = QuoteSpan(i + 1, i + 1, i, None, True)
        elif ch in DOUBLE_CLOSE and double is not None:
            double.end, double.close_mark = i, i
            spans.append(double)
            double = None
        elif ch == '"':
            if double is not None and not (before.isspace() and not after.isspace()):
                double.end, double.close_mark = i, i
                spans.append(double)
                double = None
            elif double is None and not after.isspace():
                double = QuoteSpan(i + 1, i + 1, i, None, True)
        elif double is None and ch in SINGLE_OPEN + "'" and single is None:
            if not before.isalnum() and (after.isalpha() or after in "“\""):
                single = QuoteSpan(i + 1, i + 1, i, None, False)
        elif double is None and single is not None and ch in SINGLE_CLOSE + "'":
            if not before.isspace() and not after.isalnum():
                single.end, single.close_mark = i, i
                if i - single.start >= 2:
                    spans.append(single)
                single = None
        i += 1
    return spans, double


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


# ---------------------------------------------------------------- statements

def find_statements(doc, article, entity_index=None) -> list[Statement]:
    """Statements of a parsed article, in text order, with speakers resolved."""
    from .speakers import resolve_speakers

    text = doc_text(doc)
    bounds = [(p.start, p.end) for p in article.paragraphs]
    quotes = find_quotes(text, bounds)
    in_quote = _quote_membership(doc, quotes)
    doc.user_data["newsvoices_in_quote"] = in_quote  # speakers: names inside quotes are not antecedents
    numbers = sentence_numbers(doc).tolist()
    sentence_number = {i: numbers[i] for i in range(len(doc)) if i == 0 or numbers[i] != numbers[i - 1]}
    body_start = _body_start(article)

    statements: list[Statement] = []
    claimed: set[int] = set()  # quotes already given to a statement
    for i in _cue_candidates(doc):
        if in_quote[i] is not None:
            continue
        statement = _statement_from_cue(doc[i], doc, quotes, in_quote, claimed, body_start)
        if statement is None:
            continue
        statement.sentence = numbers[i]
        statements.append(statement)

    statements = _drop_overlaps(statements)
    _add_floating_quotes(statements, quotes, claimed, doc, article, sentence_number)
    statements.sort(key=lambda s: s.content_start)
    for statement in statements:
        statement.content = text[statement.content_start:statement.content_end]
        statement.paragraph = article.paragraph_at(statement.content_start if statement.mention_start is None else min(statement.content_start, statement.mention_start))
    resolve_speakers(statements, doc, article, entity_index)
    return statements


def _body_start(article) -> int:
    """Offset after the title and dateline: content never starts inside them."""
    if not article.paragraphs:
        return 0
    first = article.paragraphs[1] if article.title and len(article.paragraphs) > 1 else article.paragraphs[0]
    start = first.start
    if article.dateline and article.text.startswith(article.dateline, start):
        start += len(article.dateline)
    return start


def _quote_membership(doc, quotes) -> list[int | None]:
    """For each token, the quote whose content it starts in, or None (token offsets as one
    array, each quote's tokens found by binary search)."""
    membership: list[int | None] = [None] * len(doc)
    if not quotes or not len(doc):
        return membership
    import numpy as np
    from spacy.attrs import IDX

    starts = doc.to_array([IDX]).reshape(-1)
    for q, span in enumerate(quotes):
        first, last = np.searchsorted(starts, [span.start, span.end], side="left")
        for i in range(int(first), int(last)):
            membership[i] = q
    return membership


@lru_cache(maxsize=None)
def _cue_lemma_ids() -> frozenset[int]:
    from spacy.strings import get_string_id

    words = speech_verbs() | object_content_verbs() | label_verbs() | speech_nouns() | {"accord", "according"}
    return frozenset(get_string_id(form) for w in words for form in (w, w.capitalize(), w.upper()))


def _cue_candidates(doc) -> list[int]:
    """Indices of the tokens that could be a cue (their lemma is on one of the cue lists), in
    text order: one array operation instead of a Python call per token."""
    import numpy as np
    from spacy.attrs import LEMMA, LOWER

    if not len(doc):
        return []
    ids = np.fromiter(_cue_lemma_ids(), dtype="uint64")
    table = doc.to_array([LEMMA, LOWER])
    return np.flatnonzero(np.isin(table[:, 0], ids) | np.isin(table[:, 1], ids)).tolist()


def _is_cue(token) -> bool:
    lemma = token.lemma_.lower()
    if lemma not in speech_verbs() and lemma not in object_content_verbs() and not (
            lemma in label_verbs() and _quoted_label_as(token)):
        return False
    if token.pos_ not in {"VERB", "AUX"} and not (token.tag_.startswith("VB")):
        return False
    return True


def _statement_from_cue(token, doc, quotes, in_quote, claimed, body_start) -> Statement | None:
    if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
        return _according_to(token, doc, quotes, in_quote, claimed, body_start)
    if token.pos_ == "NOUN" and token.lemma_.lower() in speech_nouns():
        return _noun_cue(token, doc, quotes, claimed, body_start)
    if not _is_cue(token):
        return None
    speaker = _speaker_head(token)
    if speaker is None:
        return None
    content = _content_span(token, speaker, doc, in_quote)
    kind = "indirect"
    quote_ids: list[int] = []
    if content is None:
        adjacent = _adjacent_quote(token, speaker, doc, quotes, claimed)
        if adjacent is None:
            return None
        quote = quotes[adjacent]
        content = (quote.start, quote.end)
    content = _clip(content, body_start, doc_text(doc))
    if content is None:
        return None
    content, kind, quote_ids = _classify(content, quotes, claimed, doc_text(doc))
    if kind == "indirect" and _is_anonymity_request(doc_text(doc)[content[0]:content[1]]):
        return None  # "who asked not to be identified" describes the source; it is not a statement
    claimed.update(quote_ids)
    if kind == "direct" and quote_ids:
        content = _resume_after_cue(content, quote_ids, token, speaker, doc, quotes, claimed)
    mention_start, mention_end = _mention_bounds(speaker, token)
    return Statement(
        content_start=content[0], content_end=content[1], kind=kind,
        cue=_cue_text(token), cue_start=token.idx, cue_end=token.idx + len(token.text),
        mention=doc_text(doc)[mention_start:mention_end], mention_start=mention_start, mention_end=mention_end,
        mention_root=speaker.i, quotes=quote_ids,
    )


def _is_anonymity_request(content: str) -> bool:
    """"(who asked) not to be named [because he was not authorised to speak]": a request for
    anonymity is short, or opens with its reason for being one."""
    found = lexicon.ANONYMITY_WORDS.search(content)
    return found is not None and (len(content.split()) <= 8 or len(content[:found.start()].split()) <= 2)


def _resume_after_cue(content, quote_ids, cue, speaker, doc, quotes, claimed):
    """“My hope,” he said, “is that …”: a quote interrupted by its cue goes on after it; the
    statement runs from the first quote to the end of the second."""
    text = doc_text(doc)
    last = quotes[quote_ids[-1]]
    frame_end = max(cue.idx + len(cue.text), speaker.right_edge.idx + len(speaker.right_edge.text))
    if last.end > cue.idx:
        return content
    following = quote_ids[-1] + 1
    if following >= len(quotes) or following in claimed:
        return content
    nxt = quotes[following]
    gap = text[frame_end:nxt.open_mark]
    if nxt.open_mark < frame_end or not re.fullmatch(r"[ \t]*[,:;—–-]?[ \t]*", gap):
        return content
    claimed.add(following)
    quote_ids.append(following)
    end = nxt.end
    while end > nxt.start and text[end - 1] in ", \n":
        end -= 1
    return content[0], end


def _cue_text(token) -> str:
    particles = [c for c in token.children if c.dep_ == "prt"]
    return token.text + "".join(" " + p.text for p in particles)


def _after_comma(token) -> bool:
    return token.i > 0 and token.doc[token.i - 1].text == ","


def _speaker_head(cue):
    """The token heading the source of a cue verb, or None."""
    if cue.dep_ == "acl" and _after_comma(cue) and cue.head.pos_ == "PROPN" and cue.lemma_.lower() in {"call", "describe", "label"}:
        return cue.head  # "Colin Fairweather, who speaks for the opposition, called the plan ‘a shrug’" misread as a name
    subjects = [c for c in cue.children if c.dep_ in SUBJECT_DEPS]
    if len(subjects) > 1:
        # "Outside the station on Tuesday, Ann Lee, 71, said": a fronted phrase misread as a
        # second subject; the named person, else the subject nearest the verb
        subjects.sort(key=lambda c: (c.ent_type_ != "PERSON", abs(cue.i - c.i)))
    for child in subjects:
        if child.dep_ in SUBJECT_DEPS:
            if child.dep_ == "nsubjpass":
                agent = [g for g in cue.children if g.dep_ == "agent"]
                pobj = [p for a in agent for p in a.children if p.dep_ == "pobj"]
                return pobj[0] if pobj else None  # "it was said" names no source
            if child.lower_ in {"who", "that"} and not child.text.isupper() and cue.dep_ == "relcl":
                return cue.head  # "a man who said ...": the man
            if child.lower_ == "one" and any(c.lower_ == "no" for c in child.children):
                return None  # "no one said"
            return None if child.lower_ in NON_SOURCES and not child.text.isupper() else child  # "WHO" is an organisation
    # "..., saying that ..." / "and added that ...": the subject of the verb it hangs on.
    if cue.dep_ in {"conj", "advcl", "xcomp"} and cue.head.i != cue.i:
        if cue.dep_ != "conj" and cue.tag_ not in {"VBG", "VBN"}:
            return None
        if cue.dep_ == "advcl" and cue.tag_ == "VBN" and not any(c.dep_ == "aux" for c in cue.children):
            return None  # "Asked about the deal, she said ...": she was asked; her answer is the statement
        return _speaker_head(cue.head) if _has_subject(cue.head) else None
    # Parse slips around appositions: the nearest noun phrase before the cue in its sentence.
    if cue.dep_ in {"ROOT", "parataxis", "ccomp"}:
        return _nearest_noun_before(cue) or _nearest_noun_after(cue)
    return None


def _has_subject(verb) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _nearest_noun_before(cue):
    sent = cue.sent
    for token in reversed(list(sent[: cue.i - sent.start])):
        if token.dep_ in {"relcl", "acl"} or token.is_punct:
            continue
        if token.pos_ in {"NOUN", "PROPN"} and token.dep_ in {"appos", "nsubj", "npadvmod", "dep"}:
            if not any(a.dep_ in {"relcl", "acl"} and a.i < token.i for a in token.ancestors if a.i < cue.i and a.sent == sent and a.dep_ in {"relcl"}):
                return token
        if token.pos_ in {"VERB", "AUX"} and token.dep_ not in {"relcl", "acl", "xcomp", "auxpass", "aux"} and not any(a.dep_ == "relcl" for a in token.ancestors):
            break
    return None


def _nearest_noun_after(cue):
    for token in cue.doc[cue.i + 1: cue.sent.end]:
        if token.pos_ in {"NOUN", "PROPN"} and token.dep_ in {"nsubj", "dobj", "attr", "npadvmod", "appos", "dep"}:
            return token
        if token.pos_ in {"VERB", "AUX"} or token.is_punct:
            return None
    return None


def _mention_bounds(speaker, cue) -> tuple[int, int]:
    """The speaker's noun phrase, without a trailing comma or a following clause after the cue."""
    left = speaker.left_edge
    right = speaker.right_edge
    if speaker.is_ancestor(cue):
        # "an official who said ...": the mention stops before the clause holding the cue
        right = speaker.doc[max(speaker.i, cue.left_edge.i - 1)]
    elif speaker.i < cue.i < right.i:
        # a parse that hangs words after the cue on the speaker ("One reviewer dismissed her work
        # as “…,” a judgment she framed"): the mention stops before the cue
        right = speaker.doc[max(speaker.i, cue.i - 1)]
    while right.i > left.i and (right.is_punct or right.is_space):
        right = right.doc[right.i - 1]
    return left.idx, right.idx + len(right.text)


def _subtree_bounds(token, exclude=None) -> tuple[int, int]:
    words = [t for t in token.subtree if exclude is None or t.i not in exclude]
    return words[0].i, words[-1].i + 1


def _quoted_label_after(obj, doc, in_quote) -> tuple[int, int] | None:
    """"called the delay “unacceptable by any standard”": a quotation opening right after the
    object is the label, whatever the parser made of it (often a modifier of the object)."""
    k = obj.i + 1
    while k < len(doc) and doc[k].is_quote and in_quote[k] is None:
        k += 1
    if k == obj.i + 1 or k >= len(doc) or in_quote[k] is None:
        return None
    last = k
    while last + 1 < len(doc) and in_quote[last + 1] == in_quote[k]:
        last += 1
    if last + 1 < len(doc) and doc[last + 1].is_quote and in_quote[last + 1] is None:
        last += 1  # the closing mark
    return _token_span_chars(doc, obj.left_edge.i, last + 1)


def _content_span(cue, speaker, doc, in_quote) -> tuple[int, int] | None:
    """Character span of what the cue reports, found on the dependency parse."""
    # "an official who said ...": the speaker's subtree holds the cue; only the rest is the speaker
    speaker_tokens = {t.i for t in speaker.subtree} - {t.i for t in cue.subtree}
    # "in what X called a hopeful sign": the naming complement is the content.
    if cue.lemma_.lower() in {"call", "describe", "label", "term", "dub"} or (
            cue.lemma_.lower() in label_verbs() and _quoted_label_as(cue)):
        if cue.dep_ == "acl" and cue.tag_ == "VBN" and not _after_comma(cue):
            return None  # "a program called Safe Streets": a name, not a statement
        objects = [c for c in cue.children if c.dep_ == "dobj" and c.pos_ in {"PROPN", "PRON"}]
        if cue.lemma_.lower() == "call" and objects and any(
                c.dep_ in {"xcomp", "advcl"} and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in cue.children):
            return None  # "he had called Vukovic to congratulate her": a telephone call
        for obj in (c for c in cue.children if c.dep_ == "dobj" and c.lower_ != "what"):
            names = [c for c in obj.children if c.dep_ == "appos" and c.i > obj.i]
            if names and not any(c.dep_ in {"oprd", "xcomp", "attr", "ccomp"} for c in cue.children):
                # "called the plan ‘a false economy’" parsed as an apposition
                return _token_span_chars(doc, obj.left_edge.i, _subtree_bounds(names[-1])[1])
        objects = [c for c in cue.children if c.dep_ == "dobj" and c.lower_ != "what"]
        labelled = _quoted_label_after(objects[0], doc, in_quote) if objects and not any(
            c.dep_ in {"oprd", "xcomp", "attr", "ccomp"} for c in cue.children) else None
        if labelled is not None:
            return labelled
        for child in cue.children:
            if child.dep_ in {"oprd", "xcomp", "attr", "ccomp"} and not child.i in speaker_tokens:
                start, end = _subtree_bounds(child)
                if objects and objects[0].i < child.i:  # "called the plan a disaster": object and label
                    start = objects[0].left_edge.i
                return _token_span_chars(doc, start, end)
            # "called for X", "called on X to ...": the preposition right after the verb; "called
            # her on Friday", "On Twitter, she called ..." are not that
            if child.dep_ == "prep" and child.lower_ == "as" and cue.lemma_.lower() != "call":
                # "in what she described as “a gesture”", "labelled the law as unjust"
                target = next((g for g in child.children if g.dep_ in {"pobj", "pcomp", "amod", "acomp"}), None)
                if target is not None:
                    start = objects[0].left_edge.i if objects and objects[0].i < child.i else target.left_edge.i
                    return _token_span_chars(doc, start, _subtree_bounds(child)[1])
            if child.dep_ == "prep" and child.lower_ in {"for", "on"} and child.i == cue.i + 1:
                objects = [g for g in child.children if g.dep_ in {"pobj", "pcomp"}]
                if objects:
                    start = objects[0].left_edge.i
                    end = max(t.i for t in child.subtree) + 1
                    tail = [c for c in cue.children if c.dep_ in {"xcomp", "ccomp"} and c.i > child.i]
                    if tail:
                        end = max(end, tail[-1].right_edge.i + 1)
                    return _token_span_chars(doc, start, end)
        return None
    medial = _medial_cue_content(cue, speaker, doc, in_quote)
    if medial is not None:
        return medial
    # A complement clause: "X said (that) ...", "X told reporters ...".
    for child in cue.children:
        if child.dep_ in {"ccomp", "xcomp"} and child.i not in speaker_tokens:
            if child.dep_ == "xcomp" and cue.lemma_.lower() not in directive_verbs() \
                    and not _misparsed_clause(child, cue):
                continue
            start, end = _subtree_bounds(child, _narrator_tail(child))
            if child.dep_ == "xcomp":
                # "urged Congress to act": the object is part of what was urged.
                objects = [c for c in cue.children if c.dep_ in {"dobj"} and c.i < child.i]
                if objects:
                    start = objects[0].left_edge.i
            if start > cue.i:
                end = _extend_to_sentence_end(doc, cue, end)
            return _token_span_chars(doc, start, end)
    # "said the movement that is sweeping the country appeals to ...": a clause misparsed as
    # the object; an object that long, with a verb of its own, is what was said.
    if cue.lemma_.lower() in clause_object_verbs():
        for child in cue.children:
            if child.dep_ == "dobj" and child.i > cue.i and child.lemma_.lower() not in speech_nouns():
                subtree = list(child.subtree)
                words = [t for t in subtree if not (t.is_punct or t.is_space)]
                quoted = any(t.text in ALL_MARKS and t.text != "'" for t in subtree)
                if (len(words) >= 6 and any(t.pos_ in {"VERB", "AUX"} for t in subtree)) or (quoted and len(words) >= 3):
                    end = _extend_to_sentence_end(doc, cue, subtree[-1].i + 1)
                    return _token_span_chars(doc, child.left_edge.i, end)
    # "said in a statement that ...", "said on Twitter that ...": the that-clause hung on the
    # preposition's object by the parser
    for child in cue.children:
        if child.dep_ == "prep" and child.i > cue.i:
            for obj in (g for g in child.children if g.dep_ == "pobj"):
                for clause in obj.children:
                    if clause.dep_ in {"acl", "relcl", "ccomp"} and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
                        start, end = _subtree_bounds(clause)
                        return _token_span_chars(doc, start, _extend_to_sentence_end(doc, cue, end))
    # "repeated the stance that ...": a statement noun with its that-clause.
    for child in cue.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in speech_nouns():
            for clause in child.children:
                if clause.dep_ in {"acl", "ccomp"} and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
                    start, end = _subtree_bounds(clause)
                    return _token_span_chars(doc, start, _extend_to_sentence_end(doc, cue, end))
    # "X cited polls showing ...", "X denied the allegations", "X pointed to the numbers"
    if cue.lemma_.lower() in object_content_verbs():
        for child in cue.children:
            target = child
            if child.dep_ == "prep" and child.lower_ in {"to", "out"}:
                target = next((g for g in child.children if g.dep_ == "pobj"), None)
            elif child.dep_ != "dobj":
                continue
            if target is not None and target.pos_ != "PRON" and target.i > cue.i:
                start, end = _subtree_bounds(child if child.dep_ == "dobj" else target)
                if child.dep_ == "dobj":
                    # "accused the government of closing ...", "praised the team for its work"
                    reasons = [c for c in cue.children if c.dep_ == "prep" and c.lower_ in {"of", "for"} and c.i >= end]
                    if reasons:
                        end = _subtree_bounds(reasons[0])[1]
                return _token_span_chars(doc, start, end)
    # A dobj that is a quotation or a clause-like object ("said 'no'") is not handled; a
    # parenthetical cue ("..., he said") reports the clause it hangs on.
    if cue.dep_ in {"parataxis", "ccomp", "conj", "advcl"} and cue.head.i < cue.i and cue.head.pos_ in {"VERB", "AUX"}:
        head = cue.head
        if head.lemma_.lower() in speech_verbs() and _has_subject(head):
            return None  # "X said A and added B" is handled as its own cue
        sent = cue.sent
        start = sent.start
        cue_left = min(t.i for t in cue.subtree)
        if speaker.i < cue.i:
            cue_left = min(cue_left, speaker.left_edge.i)
        return _token_span_chars(doc, start, cue_left) if cue_left > start else None
    # Cue at the root with the clause before it attached elsewhere: "A, B said." with A parsed as a sibling.
    return None


def _medial_cue_content(cue, speaker, doc, in_quote) -> tuple[int, int] | None:
    """"Too often, Ms. Lee said, the debate is ...": a cue set off by commas inside the
    sentence it reports. What was said is the sentence on both sides of it, so the statement
    spans the sentence (as a quote interrupted by its cue does)."""
    sent = cue.sent
    if speaker.sent != sent:
        return None
    frame_left = min(cue.i, speaker.left_edge.i)
    frame_right = max(cue.i, speaker.right_edge.i)
    before = frame_left - 1
    if before <= sent.start or doc[before].text != ",":
        return None
    after = None
    for token in doc[frame_right + 1: min(sent.end, frame_right + 8)]:
        if token.text == ",":
            after = token.i
            break
        # "he said on Monday," / "she said in an interview,": modifiers of the cue only
        if not cue.is_ancestor(token) or token.pos_ in {"VERB", "AUX"}:
            return None
    if after is None or in_quote[before] is not None or in_quote[after] is not None:
        return None
    words_before = [t for t in doc[sent.start:before] if not (t.is_punct or t.is_space)]
    rest = [t for t in doc[after + 1: sent.end] if not t.is_space]
    words_after = [t for t in rest if not t.is_punct]
    if not words_before or len(words_after) < 3 or rest[0].text in ALL_MARKS:
        return None
    start = sent.start
    if doc[start].tag_ in {"VBN", "VBG"}:
        # "Asked about the deal, he said, ...": the narrator's frame, not the statement
        start = after + 1
    end = sent.end
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space) and doc[end - 1].text not in ALL_MARKS:
        end -= 1
    return _token_span_chars(doc, start, end)


def _misparsed_clause(xcomp, cue) -> bool:
    """"He said legalizing it could put ...": a clause read as the cue's open complement. After
    a verb of saying, a gerund or an infinitive holding a finite verb of its own is the clause."""
    if cue.lemma_.lower() not in clause_object_verbs() or xcomp.i < cue.i:
        return False
    finite = any(t.tag_ in {"MD", "VBD", "VBZ", "VBP"} for t in xcomp.subtree if t.i != xcomp.i)
    return xcomp.tag_ == "VBG" or finite


def _narrator_tail(clause) -> set[int]:
    """Tokens of a trailing ", raising doubt ..." / ", prompting ..." participle: the writer's
    comment on the reported clause, not part of what was said."""
    for child in reversed(list(clause.children)):
        if child.dep_ == "advcl" and child.tag_ == "VBG" and child.i > clause.i and child.i > 0 \
                and clause.doc[child.left_edge.i - 1].text == ",":
            return {t.i for t in child.subtree} | {child.left_edge.i - 1}
    return set()


def _extend_to_sentence_end(doc, cue, end: int) -> int:
    """Let content after the cue run on through "..., and B" when the parse cut it short."""
    sent_end = cue.sent.end
    tail = doc[end:sent_end]
    if not len(tail):
        return end
    words = [t for t in tail if not t.is_punct and not t.is_space]
    if not words:
        return end
    first = next((t for t in tail if not t.is_space and t.text != ","), None)
    if first is None or first.lower_ not in {"and", "but", "or", "while", "as"}:
        return end
    if any(t.lemma_.lower() in speech_verbs() and t.pos_ == "VERB" for t in tail):
        return end
    return sent_end


def _token_span_chars(doc, start: int, end: int) -> tuple[int, int] | None:
    if end <= start:
        return None
    span = doc[start:end]
    return span.start_char, span.end_char


def _clip(content, body_start: int, text: str) -> tuple[int, int] | None:
    """Trim marks, punctuation, connectives and the dateline from a content span's edges."""
    start, end = content
    if start < body_start <= end:
        start = body_start
    changed = True
    while changed and start < end:
        changed = False
        while start < end and (text[start].isspace() or text[start] in ",;:—–-…" or (text[start] in ALL_MARKS and _is_closing_at(text, start))):
            start += 1
            changed = True
        match = re.match(r"(?:that|but|and|so|yet|however|also)(?=[\s,])[\s,]*", text[start:end], flags=re.I)
        if match and match.end() < end - start and text[start:start + match.end()].strip().lower() in {"that", "but", "and", "so", "yet", "however", "also", "however,"}:
            start += match.end()
            changed = True
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-."):
            end -= 1
            changed = True
        # a closing mark left without its opener, or an opener left without its closer
        while end > start and text[end - 1] in ALL_MARKS and _count_marks(text[start:end - 1]) % 2 == 0:
            end -= 1
            changed = True
    if end - start < 2 or not any(ch.isalnum() for ch in text[start:end]):
        return None
    return start, end


def _is_closing_at(text: str, i: int) -> bool:
    return text[i] in DOUBLE_CLOSE + SINGLE_CLOSE or (i + 1 < len(text) and text[i + 1].isspace())


def _count_marks(text: str) -> int:
    return sum(1 for ch in text if ch in "“”\"«»")


def _classify(content, quotes, claimed, text):
    """direct (a quote is the content), mixed (content holds a quoted fragment) or indirect."""
    start, end = content
    inside = [q for q, span in enumerate(quotes) if span.start < end and span.end > start and q not in claimed]
    if not inside:
        return content, "indirect", []
    covered = sum(min(end, quotes[q].end) - max(start, quotes[q].start) for q in inside)
    outside_words = len(re.findall(r"\w+", _outside_quotes(text, start, end, [quotes[q] for q in inside])))
    first, last = quotes[inside[0]], quotes[inside[-1]]
    if covered >= 0.6 * (end - start) or outside_words <= 2:
        # The quote is the statement: take it whole, even the parts the parse left out.
        end = last.end
        while end > first.start and text[end - 1] in ", \n":
            end -= 1
        if _woven_into_the_sentence(text, first):
            # “called the plan ‘a false economy’”, “said the cost was ‘small’”: a quoted
            # fragment inside reported speech is mixed, however much of it is quoted
            begin = min(start, first.start)
            if begin == first.start:  # nothing but the quotation: its marks stay out, as for a direct quote
                return (begin, end), "mixed", inside
            closed = last.close_mark + 1 if last.close_mark is not None else end
            return (begin, max(closed, content[1])), "mixed", inside
        return (first.start, end), "direct", inside
    if last.close_mark is not None and last.start <= end <= last.close_mark + 1:
        end = last.close_mark + 1  # a fragment quoted at the end keeps its closing mark
    return (start, end), "mixed", inside


def _woven_into_the_sentence(text: str, quote) -> bool:
    """Does a word run straight into the quote's opening mark ("called “a hopeful sign”"),
    rather than a comma, a colon or the start of a paragraph setting it off?"""
    before = text[:quote.open_mark].rstrip(" \t")
    if not before or before.endswith("\n"):
        return False
    return before[-1].isalnum() and quote.start < len(text) and not text[quote.start].isupper()


def _outside_quotes(text, start, end, spans) -> str:
    pieces, position = [], start
    for span in sorted(spans, key=lambda s: s.start):
        pieces.append(text[position:max(position, span.open_mark)])
        position = max(position, (span.close_mark + 1) if span.close_mark is not None else span.end)
    pieces.append(text[position:end])
    return " ".join(pieces)


def _adjacent_quote(cue, speaker, doc, quotes, claimed) -> int | None:
    """A quote right before the cue ("…,” she said) or right after it (she said: “…”)."""
    import bisect

    sent = cue.sent
    text = doc_text(doc)
    left = min(cue.i, speaker.left_edge.i)
    right = max(cue.i, speaker.right_edge.i)
    left_char = doc[left].idx
    right_char = doc[right].idx + len(doc[right].text)
    opens = doc.user_data.get("newsvoices_quote_opens")
    if opens is None or len(opens) != len(quotes):
        opens = doc.user_data["newsvoices_quote_opens"] = [q.open_mark for q in quotes]
    # quotes never overlap and come in text order: only the few around the cue can touch it
    middle = bisect.bisect_left(opens, left_char)
    best = None
    for q in range(max(0, middle - 3), min(len(quotes), middle + 4)):
        span = quotes[q]
        if q in claimed:
            continue
        close = span.close_mark if span.close_mark is not None else span.end
        gap_before = text[close + 1:left_char] if close < left_char else None
        gap_after = text[right_char:span.open_mark] if span.open_mark >= right_char else None
        if gap_before is not None and len(gap_before) <= 3 and "\n" not in gap_before:
            return q  # "…,” she said: the quote that ends at the cue is its statement
        if best is None and gap_after is not None and re.fullmatch(r"[^\n\w]{0,3}|\s*(?:that|,)\s*", gap_after) \
                and span.open_mark < sent.end_char + 3:
            best = q
        # "she said:" closing a paragraph, the quotation set off as the next one
        if best is None and gap_after is not None and re.fullmatch(r"[ \t]*:[ \t]*\n\s*", gap_after):
            best = q
        # "she repeats it to me as she winds the cable in: “…”": a colon that closes the cue's own clause
        if best is None and gap_after is not None and span.open_mark < sent.end_char + 3 \
                and re.fullmatch(r"[^\n]*:[ \t]*", gap_after) and _colon_closes_clause(cue, doc, span.open_mark):
            best = q
    return best


def _colon_closes_clause(cue, doc, before_char: int) -> bool:
    """Is the last colon before `before_char` in the cue's sentence part of the cue's clause,
    with no other speech verb between the cue and it?"""
    colons = [t for t in cue.sent if t.text == ":" and cue.i < t.i and t.idx < before_char]
    if not colons:
        return False
    colon = colons[-1]
    # the parser often hangs the colon, and the cue, on the quotation's first verb
    if cue not in list(colon.ancestors) and colon.head.i != cue.i and colon.head.i < colon.i:
        return False
    return not any(_is_cue(t) for t in doc[cue.i + 1:colon.i])


def _noun_cue(token, doc, quotes, claimed, body_start) -> Statement | None:
    """"Trump's claim that ...", "the minister's warning that ...": a possessor and a that-clause."""
    if token.dep_ == "dobj" and token.head.lemma_.lower() in speech_verbs():
        return None  # "X repeated Y's stance that ...": the verb's statement, with X as the speaker
    owners = [c for c in token.children if c.dep_ == "poss" and c.lower_ not in {"its", "their"}]
    clauses = [c for c in token.children if c.dep_ in {"acl", "ccomp"} and c.i > token.i
               and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    if not owners or not clauses:
        return None
    span = _clip(_token_span_chars(doc, *_subtree_bounds(clauses[0])), body_start, doc_text(doc))
    if span is None:
        return None
    span, kind, quote_ids = _classify(span, quotes, claimed, doc_text(doc))
    claimed.update(quote_ids)
    speaker = owners[0]
    left, right = speaker.left_edge, speaker
    return Statement(span[0], span[1], kind, cue=token.text, cue_start=token.idx, cue_end=token.idx + len(token.text),
                     mention=doc_text(doc)[left.idx:right.idx + len(right.text)], mention_start=left.idx,
                     mention_end=right.idx + len(right.text), mention_root=speaker.i, quotes=quote_ids)


def _according_to(token, doc, quotes, in_quote, claimed, body_start) -> Statement | None:
    to = doc[token.i + 1]
    objects = [c for c in list(to.children) + list(token.children) if c.dep_ == "pobj"]
    if not objects:
        return None
    speaker = objects[0]
    phrase_start = token.i
    phrase_end = max(t.i for t in speaker.subtree) + 1
    sent = token.sent
    before = (sent.start, phrase_start)
    after = (phrase_end, sent.end)
    content = before if (before[1] - before[0]) >= (after[1] - after[0]) else after
    span = _token_span_chars(doc, *content)
    if span is None:
        return None
    span = _clip(span, body_start, doc_text(doc))
    if span is None:
        return None
    span, kind, quote_ids = _classify(span, quotes, claimed, doc_text(doc))
    claimed.update(quote_ids)
    return Statement(span[0], span[1], kind, cue="according to", cue_start=token.idx, cue_end=to.idx + len(to.text),
                     mention=doc[speaker.left_edge.i:speaker.right_edge.i + 1].text,
                     mention_start=speaker.left_edge.idx, mention_end=speaker.right_edge.idx + len(speaker.right_edge.text),
                     mention_root=speaker.i, quotes=quote_ids)


def _drop_overlaps(statements: list[Statement]) -> list[Statement]:
    """Where two cues yield nearly the same content, keep the first (outer) one."""
    kept: list[Statement] = []
    for statement in statements:
        duplicate = False
        for other in kept[-12:]:  # statements come in text order: duplicates are neighbours
            overlap = min(other.content_end, statement.content_end) - max(other.content_start, statement.content_start)
            shorter = min(other.content_end - other.content_start, statement.content_end - statement.content_start)
            if overlap > 0.8 * shorter and other.mention_start == statement.mention_start:
                duplicate = True
                break
        if not duplicate:
            kept.append(statement)
    return kept


def _stands_as_sentence(text, span, article) -> bool:
    """A floating quote is a quoted sentence: nothing but the start of a paragraph or the end
    of a sentence before its opening mark, and the end of a sentence or paragraph after it."""
    paragraph = article.paragraphs[article.paragraph_at(span.open_mark)]
    before = text[paragraph.start:span.open_mark].rstrip()
    if before and before[-1] not in ".!?…:" + DOUBLE_CLOSE + '"':
        return False
    inner = text[span.start:span.end].rstrip()
    if not inner or not (inner[0].isupper() or inner[0].isdigit() or inner[0] in "…."):
        return False
    end = (span.close_mark + 1) if span.close_mark is not None else span.end
    after = text[end:paragraph.end].lstrip()
    return not after or after[0] in DOUBLE_OPEN + '"' or after[0].isupper() or inner[-1] in ".!?…" and not after[:1].islower()


def _add_floating_quotes(statements, quotes, claimed, doc, article, sentence_number) -> None:
    """Quoted sentences with no cue take the speaker of the statement beside them."""
    import bisect

    text = doc_text(doc)
    ordered = sorted(statements, key=lambda s: s.content_start)
    starts = [s.content_start for s in ordered]
    for q, span in enumerate(quotes):
        if q in claimed:
            continue
        position = bisect.bisect_right(starts, span.start)
        nearby = ordered[max(0, position - 8):position + 8]
        if any(s.content_start <= span.start and span.end <= s.content_end for s in nearby):
            continue
        words = re.findall(r"\w+", text[span.start:span.end])
        if len(words) < MIN_FLOATING_WORDS or not _stands_as_sentence(text, span, article):
            continue  # a title, a nickname, a scare-quoted term, a phrase inside someone else's sentence
        paragraph = article.paragraph_at(span.start)
        before = [s for s in ordered[max(0, position - 8):position]
                  if s.content_end <= span.open_mark and article.paragraph_at(s.content_start) >= paragraph - 1]
        after = [s for s in ordered[position:position + 4]
                 if s.content_start > span.end and article.paragraph_at(s.content_start) == paragraph]
        neighbour = before[-1] if before else (after[0] if after else None)
        if neighbour is None:
            continue
        chars = doc.char_span(span.start, span.end, alignment_mode="expand")
        sentence = sentence_number.get(chars.sent.start, 0) if chars is not None and len(chars) else 0
        content = (span.start, _trim_end(text, span.start, span.end))
        floating = Statement(content[0], content[1], "direct", sentence=sentence, floating=True, quotes=[q])
        floating.mention_root = None
        floating.speaker_of = neighbour  # resolved with the neighbour's speaker
        statements.append(floating)
        claimed.add(q)
