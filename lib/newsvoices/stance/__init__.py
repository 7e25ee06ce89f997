"""Step 5a: stance on the hopeful-hardline axis, with the words and examples behind it.

Two methods, the same result type (`StanceResult`):

- `classifier` (the default): a logistic-regression head over frozen all-MiniLM-L6-v2 and
  multilingual-e5-small embeddings of the statement, its reporting verb and its sentence, plus
  the lexicon's totals
  (`classifier.py`, trained by `python -m newsvoices.stance train`). It gives `confidence` and
  the most similar labelled statements as `examples`; its `cues` are the lexicon's matches
  that agree with its label, so a reader can still see why.
- `fast`: the same kind of head over MiniLM alone (`data/stance_head_fast.json`): about a fifth
  of the classifier's cost, for 0.02 less cross-validated macro-F1 (README, Stance).
- `lexicon`: the rule-based scorer alone (`rules.py`, lexicons in `data/stance_*.txt`).

Choose with `method=` or the environment variable `NEWSVOICES_STANCE` (`fast`, `lexicon`).
"""
from __future__ import annotations

import os

from .rules import LABELS, Cue, StanceResult, score_doc
from .rules import score_statement as lexicon_statement
from .rules import score_text as lexicon_text

METHODS = ("classifier", "fast", "lexicon")
__all__ = [
    "LABELS",
    "METHODS",
    "Cue",
    "StanceResult",
    "default_method",
    "score_doc",
    "score_statements",
    "score_text",
    "score_texts",
]


def default_method() -> str:
    method = os.environ.get("NEWSVOICES_STANCE", "classifier").strip().lower() or "classifier"
    if method not in METHODS:
        from ..errors import NewsvoicesError

        raise NewsvoicesError(f"NEWSVOICES_STANCE must be one of {', '.join(METHODS)}, not {method!r}")
    return method


def _checked(method: str | None) -> str:
    """`method`, or the default; a one-line error for a name that is none of `METHODS`."""
    if method is None:
        return default_method()
    if method not in METHODS:
        from ..errors import NewsvoicesError

        raise NewsvoicesError(f"stance method must be one of {', '.join(METHODS)}, not {method!r}")
    return method


def _sentence_of(doc, start_char: int, end_char: int) -> str:
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or not len(span) or not doc.has_annotation("SENT_START"):
        return doc.text[start_char:end_char]
    return doc[span[0].sent.start:span[-1].sent.end].text


def score_statements(doc, spans: list[tuple[int, int, int | None, int | None]], method: str | None = None,
                     with_examples: bool = True) -> list[StanceResult]:
    """Stance of every statement of a parsed article, in one batch. `spans` holds
    (content_start, content_end, cue_start, cue_end) per statement, offsets into `doc.text`."""
    rules = [lexicon_statement(doc, *span) for span in spans]
    method = _checked(method)
    if method == "lexicon":
        return rules
    from .classifier import classify

    texts = [doc.text[a:b] for a, b, _, _ in spans]
    cues = [doc.text[c:d] if c is not None and d else "" for _, _, c, d in spans]
    sentences = [_sentence_of(doc, a, b) for a, b, _, _ in spans]
    return classify(texts, cues, sentences, rules, with_examples, method)


def score_texts(items: list[tuple[str, str | None]], nlp=None, method: str | None = None) -> list[StanceResult]:
    """Stance of loose statements, each (text, context): the context is its reporting verb or
    its sentence. Encoded in one batch."""
    from ..nlp import load_model

    nlp = nlp or load_model()
    rules = [lexicon_text(text, context, nlp) for text, context in items]
    method = _checked(method)
    if method == "lexicon":
        return rules
    from .classifier import classify

    cues = [c if c and len(c.split()) <= 4 else "" for _, c in items]  # a verb, or a few words with it
    sentences = [c if c and len(c.split()) > 4 else t for t, c in items]
    return classify([t for t, _ in items], cues, sentences, rules, method=method)


def score_text(text: str, context: str | None = None, nlp=None, method: str | None = None) -> StanceResult:
    """Stance of one piece of text, with an optional context (reporting verb or sentence)."""
    return score_texts([(text, context)], nlp, method)[0]
