"""Quotation marks: every span inside quotation marks of any style (not apostrophes), including
quotes that run over paragraphs and quotes left open by a missing mark."""
from __future__ import annotations

from dataclasses import dataclass

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
ALL_MARKS = DOUBLE_OPEN + DOUBLE_CLOSE + SINGLE_OPEN + SINGLE_CLOSE + "\"'"


@dataclass
class QuoteSpan:
    """Text inside quotation marks. `start`/`end` are the content, without the marks;
    `close_mark` is the last character of the closing mark."""

    start: int
    end: int
    open_mark: int
    close_mark: int | None  # None: the quote was never closed (ends at its paragraph's end)
    double: bool = True


def find_quotes(text: str, paragraph_bounds: list[tuple[int, int]] | None = None) -> list[QuoteSpan]:
    """All quotation-mark spans of `text`. Never raises, whatever the marks."""
    if paragraph_bounds is None:
        from ..article import split_paragraphs

        paragraph_bounds = [(p.start, p.end) for p in split_paragraphs(text)]
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
                still_open.end = trim_end(text, still_open.start, p_end)
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
            double.end = trim_end(text, double.start, i)
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
        elif double is None and single is not None and ch in SINGLE_CLOSE + "'":  # noqa: SIM102 - an elif chain
            if not before.isspace() and not after.isalnum():
                single.end, single.close_mark = i, i
                if i - single.start >= 2:
                    spans.append(single)
                single = None
        i += 1
    return spans, double


def trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end



def quote_membership(doc, quotes) -> list[int | None]:
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
