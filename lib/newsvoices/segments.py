"""Long texts at a cost that grows linearly: cut points, and analysis segment by segment.

Some look-ups in the analysis search back through the whole article ("the company" looks for
the last company named). On a news article that is nothing, but on a 20 MB text it is a cost
that grows with the square of the length. A text longer than SEGMENT_CHARS is therefore
analysed in segments of about that size, each with OVERLAP_CHARS of text on either side as
context (the paragraph before "He added: …", the cue after a quotation), and keeps only the
statements and names that start in its own part. Cuts fall where no statement can straddle
them: a paragraph break, else the end of a sentence, and never inside a quotation.
"""
from __future__ import annotations

import bisect
import dataclasses
import itertools
import re

SEGMENT_CHARS = 100_000
OVERLAP_CHARS = 5_000

_PARAGRAPH_GAP = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# The end of a sentence: a full stop, question or exclamation mark (and any closing marks or
# brackets), white space, then what can open a sentence.
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘'(\[A-Z0-9])")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(opening mark, end) of every quotation, sorted, from the statement finder's own reading."""
    from .quotes import find_quotes

    spans = [(q.open_mark, (q.close_mark + 1) if q.close_mark is not None else q.end) for q in find_quotes(text)]
    return sorted(spans)


def _inside_a_quote(position: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    index = bisect.bisect_right(starts, position) - 1
    return index >= 0 and spans[index][0] < position < spans[index][1]


def cut_points(text: str, size: int, spans: list[tuple[int, int]] | None = None) -> list[int]:
    """Offsets that cut `text` into pieces of at most about `size` characters: the last
    paragraph break in each window, else the last sentence end outside a quotation, else the
    last line break or space (a sentence of `size` characters has no better place)."""
    spans = quote_spans(text) if spans is None else spans
    starts = [s for s, _ in spans]
    cuts, start = [], 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = _last_cut(window, start, size, spans, starts)
        cuts.append(start + cut)
        start += cut
    return cuts


def _last_cut(window: str, offset: int, size: int, spans, starts) -> int:
    floor = size // 4
    for pattern in (_PARAGRAPH_GAP, _SENTENCE_END):
        ends = [m.end() for m in pattern.finditer(window) if m.end() > floor]
        for end in reversed(ends):
            if not _inside_a_quote(offset + end, spans, starts):
                return end
    newline, space = window.rfind("\n"), window.rfind(" ")
    return (newline + 1) if newline > floor else (space + 1 if space > 0 else size)


def segments(text: str, size: int | None = None, overlap: int | None = None) -> list[tuple[int, int, int, int]]:
    """(context start, own start, own end, context end) for each segment: the own parts tile
    the text; the context reaches about `overlap` characters further each way, to a cut point."""
    size, overlap = size or SEGMENT_CHARS, overlap or OVERLAP_CHARS
    spans = quote_spans(text)
    bounds = [0] + cut_points(text, size, spans) + [len(text)]
    context_cuts = [0] + cut_points(text, max(overlap // 2, 200), spans) + [len(text)]
    result = []
    for own_start, own_end in itertools.pairwise(bounds):
        before = context_cuts[max(0, bisect.bisect_right(context_cuts, own_start - overlap) - 1)]
        after = context_cuts[min(len(context_cuts) - 1, bisect.bisect_left(context_cuts, own_end + overlap))]
        result.append((min(before, own_start), own_start, own_end, max(after, own_end)))
    return result


def shifted(record, chars: int, tokens: int, fields_chars: tuple[str, ...], fields_tokens: tuple[str, ...] = ()):
    """A copy of a dataclass record with its character and token offsets moved."""
    changes = {name: getattr(record, name) + chars for name in fields_chars if getattr(record, name) is not None}
    changes.update({name: getattr(record, name) + tokens for name in fields_tokens if getattr(record, name) is not None})
    return dataclasses.replace(record, **changes)


STATEMENT_CHAR_FIELDS = ("content_start", "content_end", "cue_start", "cue_end", "mention_start", "mention_end")


def analyze_in_segments(doc, article, annotate) -> tuple:
    """Entities and statements of a long article, found segment by segment (see the module
    docstring); `annotate(statements, doc)` adds stance. Offsets, sentence and paragraph
    numbers index the whole article, as for a short one."""
    import numpy as np
    from spacy.attrs import IDX

    from .entities import EntityIndex
    from .nlp import sentence_numbers

    token_starts = doc.to_array([IDX]).reshape(-1).astype("int64")
    sentence_of = sentence_numbers(doc)
    merged = EntityIndex()
    statements = []
    for context_start, own_start, own_end, context_end in segments(article.text):
        first, stop = (int(t) for t in np.searchsorted(token_starts, [context_start, context_end]))
        chars = int(token_starts[first])
        index, found = _analyze_piece(doc[first:stop].as_doc(), article, chars, annotate)
        for mention in index.mentions:
            if own_start <= mention.start_char + chars < own_end:
                moved = shifted(mention, chars, first, ("start_char", "end_char"), ("token_start", "token_end"))
                merged.mentions.append(dataclasses.replace(
                    moved, sentence=int(sentence_of[moved.token_start]), paragraph=article.paragraph_at(moved.start_char)))
        for person, titles in index.titles.items():
            merged.titles.setdefault(person, [])
            merged.titles[person].extend(t for t in titles if t not in merged.titles[person])
        for statement in found:
            if own_start <= statement.content_start + chars < own_end:
                statements.append(_placed(statement, chars, first, article, token_starts, sentence_of))
    return merged, statements


def _analyze_piece(piece_doc, article, chars: int, annotate):
    from .article import Article, split_paragraphs
    from .entities import find_entities
    from .nlp import doc_text
    from .quotes import find_statements
    from .speakers import resolve_speakers

    text = doc_text(piece_doc)
    at_start = chars == 0
    piece = Article(text=text, id=article.id, slug=article.slug, title=article.title if at_start else None,
                    dateline=article.dateline if at_start else None, paragraphs=split_paragraphs(text),
                    path=article.path, encoding=article.encoding, format=article.format)
    index = find_entities(piece_doc, piece.paragraph_at)
    found = find_statements(piece_doc, piece)
    resolve_speakers(found, piece_doc, piece, index)
    annotate(found.statements, piece_doc)
    return index, found.statements


def _placed(statement, chars: int, tokens: int, article, token_starts, sentence_of):
    """A statement of a piece, moved to its place in the whole article."""
    import numpy as np

    moved = shifted(statement, chars, tokens, STATEMENT_CHAR_FIELDS, ("mention_root",))
    token = max(0, int(np.searchsorted(token_starts, moved.content_start, side="right")) - 1)
    return dataclasses.replace(moved, sentence=int(sentence_of[token]),
                               paragraph=article.paragraph_at(moved.content_start))
