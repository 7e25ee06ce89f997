"""The learned stance classifier: sentence embeddings (`encoder.py`), a logistic-regression head, the lexicon's
agreeing cues as the explanation, and the nearest labelled statements as examples.

The head (`data/stance_head.json`) is written by `python -m newsvoices.stance train`. Its
probabilities give the label (the most probable), `confidence` (that label's probability) and
the score on the hopeful-hardline axis:

    score = P(hopeful) - P(hardline) - 0.5 * P(skeptical)

so hopeful statements sit above 0, hardline below, neutral near 0, and skeptical ones on the
hardline side of 0 (doubt pulls away from hope, but less than an attack or a demand).
"""
from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .. import lexicon
from . import cache
from .rules import StanceResult
from .training import assemble, feature_parts

SKEPTICAL_WEIGHT = 0.5
EXAMPLES = 3


@dataclass(frozen=True)
class Head:
    variant: str  # the inputs it reads (`training.VARIANTS`), each encoder's parts named after it
    labels: tuple[str, ...]
    coef: np.ndarray
    intercept: np.ndarray

    def probabilities(self, X: np.ndarray) -> np.ndarray:
        z = X @ self.coef.T + self.intercept
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)


# each learned method's head file: "classifier" reads both encoders, "fast" MiniLM alone (about a
# fifth of the cost, 0.02 less cross-validated macro-F1; README, Stance)
HEAD_FILES = {"classifier": "stance_head.json", "fast": "stance_head_fast.json"}


@lru_cache(maxsize=2)
def head(method: str = "classifier") -> Head:
    record = json.loads(lexicon.data_path(HEAD_FILES[method]).read_text(encoding="utf-8"))
    return Head(record["variant"], tuple(record["labels"]), np.array(record["coef"], dtype=np.float32),
                np.array(record["intercept"], dtype=np.float32))


@dataclass(frozen=True)
class ExampleBank:
    texts: tuple[str, ...]
    labels: tuple[str, ...]
    origins: tuple[str, ...]
    part: str  # the statement embedding it is searched by, e.g. "minilm.statement"
    vectors: np.ndarray  # unit rows


@lru_cache(maxsize=1)
def example_bank() -> ExampleBank:
    record = json.loads(lexicon.data_path("stance_examples.json").read_text(encoding="utf-8"))
    codes = np.frombuffer(base64.b64decode(record["vectors_int8"]), dtype=np.int8).reshape(len(record["texts"]), -1)
    vectors = codes.astype(np.float32)
    vectors /= np.clip(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12, None)
    return ExampleBank(tuple(record["texts"]), tuple(record["labels"]), tuple(record["origins"]), record["part"], vectors)


def encode_bank(vectors: np.ndarray) -> str:
    """Unit vectors as int8 codes (base64): a quarter of the size, the same neighbours."""
    return base64.b64encode(np.round(vectors * 127).clip(-127, 127).astype(np.int8).tobytes()).decode("ascii")


def nearest_examples(vectors: np.ndarray, k: int = EXAMPLES) -> list[list[dict]]:
    """The k labelled statements nearest to each row of `vectors` (in the bank's own embedding)."""
    bank = example_bank()
    similarity = vectors @ bank.vectors.T
    out = []
    for row in similarity:
        best = np.argsort(-row, kind="stable")[:k]
        out.append([{"text": bank.texts[i], "label": bank.labels[i], "similarity": round(float(row[i]), 3)}
                    for i in best])
    return out


def axis_score(p: dict[str, float]) -> float:
    return round(max(-1.0, min(1.0, p["hopeful"] - p["hardline"] - SKEPTICAL_WEIGHT * p["skeptical"])), 4)


def warm_up(method: str = "classifier") -> None:
    """Load the head, the example bank and every encoder the head reads, so the first article
    does not pay for them (benchmarks time articles, not start-up)."""
    from .encoder import encoder
    from .training import variant_parts

    for name in dict.fromkeys(p.partition(".")[0] for p in variant_parts(head(method).variant) if p != "lexicon"):
        encoder(name)
    example_bank()


def _scored(texts, cues, sentences, totals, with_examples: bool, method: str) -> tuple[list[list[float]], list[list[dict]]]:
    """Each statement's label probabilities and nearest examples, from the stance cache when
    this article's statements were scored before (`cache`)."""
    digest = cache.key(texts, cues, sentences, totals, with_examples, HEAD_FILES[method])
    stored = cache.get(digest)
    if stored is not None and len(stored[0]) == len(texts):
        return stored
    model = head(method)
    parts = feature_parts(texts, cues, sentences, totals, model.variant)
    probabilities = model.probabilities(assemble(parts, model.variant)).tolist()
    examples = nearest_examples(parts[example_bank().part]) if with_examples else [[] for _ in texts]
    cache.put(digest, probabilities, examples)
    return probabilities, examples


def classify(texts: list[str], cues: list[str], sentences: list[str], rule_results: list[StanceResult],
             with_examples: bool = True, method: str = "classifier") -> list[StanceResult]:
    """One result per statement, all encoded in one batch. `rule_results` are the lexicon's
    readings of the same statements: their totals are features, their cues the explanation.
    `method` names the head (`HEAD_FILES`)."""
    if not texts:
        return []
    model = head(method)
    totals = [r.totals for r in rule_results]
    probabilities, examples = _scored(texts, cues, sentences, totals, with_examples, method)
    results = []
    for row, rules, near in zip(probabilities, rule_results, examples):
        p = {label: float(v) for label, v in zip(model.labels, row)}
        label = max(p, key=p.get)
        agreeing = [c for c in rules.cues if c.side == label and c.weight > 0]
        results.append(StanceResult(label, axis_score(p), agreeing, rules.totals, confidence=round(p[label], 4),
                                    probabilities={k: round(v, 4) for k, v in p.items()}, examples=near,
                                    method=method))
    return results
