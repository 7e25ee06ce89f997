"""The edges and the kind of a content span: marks, punctuation, connectives and the dateline
trimmed off its ends; direct (a quotation is the content), mixed (the content holds a quoted
fragment) or indirect."""
from __future__ import annotations

import re
from functools import cache

from .. import lexicon
from .marks import ALL_MARKS, DOUBLE_CLOSE, SINGLE_CLOSE


@cache
def _connective_pattern() -> re.Pattern:
    """A leading connective of `function_words.csv` and the spaces and commas after it."""
    words = sorted({w.rstrip(",") for w in lexicon.function_words("leading_connective")}, key=len, reverse=True)
    alternatives = "|".join(map(re.escape, words))
    return re.compile(rf"(?:{alternatives})(?=[\s,])[\s,]*", flags=re.IGNORECASE)


def clip(content, body_start: int, text: str) -> tuple[int, int] | None:
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
        match = _connective_pattern().match(text[start:end])
        # a word joining the content to its cue ("said that ...", "said, but ...") is never its first
        joining = text[start:start + match.end()].strip().lower() if match else ""
        if match and match.end() < end - start and joining in lexicon.function_words("leading_connective"):
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


def classify(content, quotes, claimed, text):
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
