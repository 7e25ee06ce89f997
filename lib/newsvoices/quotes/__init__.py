"""Step 4: attributed statements (their speakers are step 5, `speakers`).

One module per pass over a parsed article:

1. `marks`: every span inside quotation marks of any style (not apostrophes), including quotes
   that run over paragraphs and quotes left open by a missing mark;
2. `cues`: speech verbs and nouns from `data/` matched on lemmas, each with the head of its
   speaker's mention, read through the cue frames of `frames` (DependencyMatcher patterns in
   `data/cue_frames.json`); `content`: what each cue reports (ordered sieves of named rules
   reading a `spans.CueFrame`);
   `edges`: the content's edges and its kind (direct, indirect, mixed);
3. `floating`: a quoted sentence with no cue goes with the statement next to it in the same or
   the previous paragraph.
"""
from __future__ import annotations

from ..lexicon import clause_object_verbs, directive_verbs, object_content_verbs, speech_nouns, speech_verbs
from ..nlp import doc_text, sentence_numbers
from .cues import cue_candidates, statement_from_cue
from .floating import add_floating_quotes
from .marks import QuoteSpan, find_quotes, quote_membership
from .statement import FoundStatements, QuoteContext, Statement

__all__ = [
    "FoundStatements",
    "QuoteContext",
    "QuoteSpan",
    "Statement",
    "clause_object_verbs",
    "directive_verbs",
    "find_quotes",
    "find_statements",
    "object_content_verbs",
    "speech_nouns",
    "speech_verbs",
]


def find_statements(doc, article) -> FoundStatements:
    """Statements of a parsed article, in text order, their speakers not yet resolved."""
    text = doc_text(doc)
    quotes = find_quotes(text, [(p.start, p.end) for p in article.paragraphs])
    ctx = QuoteContext(doc, text, quotes, quote_membership(doc, quotes), body_start(article))
    numbers = sentence_numbers(doc).tolist()
    sentence_number = {i: numbers[i] for i in range(len(doc)) if i == 0 or numbers[i] != numbers[i - 1]}

    statements: list[Statement] = []
    for i in cue_candidates(doc):
        if ctx.in_quote[i] is not None:
            continue
        statement = statement_from_cue(doc[i], ctx)
        if statement is None:
            continue
        statement.sentence = numbers[i]
        statements.append(statement)

    statements = drop_overlaps(statements)
    floating = add_floating_quotes(statements, ctx, article, sentence_number)
    statements.sort(key=lambda s: s.content_start)
    for statement in statements:
        statement.content = text[statement.content_start:statement.content_end]
        first = statement.content_start if statement.mention_start is None else min(statement.content_start, statement.mention_start)
        statement.paragraph = article.paragraph_at(first)
    return FoundStatements(statements, ctx.in_quote, floating)


def body_start(article) -> int:
    """Offset after the title and dateline: content never starts inside them."""
    if not article.paragraphs:
        return 0
    first = article.paragraphs[1] if article.title and len(article.paragraphs) > 1 else article.paragraphs[0]
    start = first.start
    if article.dateline and article.text.startswith(article.dateline, start):
        start += len(article.dateline)
    return start


def drop_overlaps(statements: list[Statement]) -> list[Statement]:
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
