"""Stance results kept beside the parse cache (`nlp.cache_folder()`, in its `stance/` folder).

The encoders are most of an analysis's cost, and a parse cache alone leaves them to run again on
every rerun. So the classifier's output for one article (the probabilities and the nearest
examples of each statement) is stored under a hash of everything it was computed from: the
statements, their cues and sentences, the lexicon's totals, and the head and example-bank files.
Any change to these is a new key, so a stored result is never stale. NEWSVOICES_CACHE=off turns
it off with the parse cache; a damaged or unreadable entry is computed again.
"""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache

from .. import lexicon
from ..nlp import cache_folder

EXAMPLES_FILE = "stance_examples.json"


@lru_cache(maxsize=2)
def _model_digest(head_file: str) -> str:
    digest = hashlib.sha256()
    for name in (head_file, EXAMPLES_FILE):
        digest.update(lexicon.data_path(name).read_bytes())
    return digest.hexdigest()


def key(texts, cues, sentences, totals, with_examples: bool, head_file: str) -> str:
    inputs = json.dumps([_model_digest(head_file), list(texts), list(cues), list(sentences), list(totals), with_examples],
                        ensure_ascii=False, sort_keys=True, default=float)
    return hashlib.sha256(inputs.encode("utf-8", "surrogatepass")).hexdigest()


def _path(digest: str):
    folder = cache_folder()
    return folder / "stance" / digest[:2] / f"{digest}.json" if folder is not None else None


def get(digest: str) -> tuple[list[list[float]], list[list[dict]]] | None:
    """(probabilities, examples) stored under `digest`, or None."""
    path = _path(digest)
    if path is None or not path.exists():
        return None
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        return stored["probabilities"], stored["examples"]
    except (OSError, ValueError, KeyError, TypeError):  # a damaged entry is computed again, never trusted
        return None


def put(digest: str, probabilities, examples) -> None:
    from ..errors import OutputError
    from ..files import atomic_path

    path = _path(digest)
    if path is None:
        return
    try:
        with atomic_path(path) as temporary:
            temporary.write_text(json.dumps({"probabilities": probabilities, "examples": examples}), encoding="utf-8")
    except (OSError, OutputError):
        pass  # a read-only or full disk only costs the cache
