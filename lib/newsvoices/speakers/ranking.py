"""Ranking of candidate antecedents: a logistic-regression score over the features of
`candidates` with the weights of `data/antecedent_weights.json` (trained by
`benchmarks/train_antecedents.py --half both` on the PolNeAR speaker set).

There is one model per kind of mention: `pronoun` (he, she), `description` ("the retired
neurosurgeon", "the Yellowhead MP") and `indefinite description` ("an independent political
expert", "a Treasury spokesman"); all three share the ranking weights. A pronoun takes its best
candidate; a description takes its best only when the model gives it at least the model's
`threshold` (its bias is chosen apart for each kind: a definite description mostly refers
back, an indefinite one mostly brings in someone new), else it stays an unnamed source of its own.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from .. import lexicon
from .candidates import Candidate


@dataclass
class Ranked:
    """A candidate and the model's probability that it is the antecedent."""

    candidate: Candidate
    probability: float


def score(candidate: Candidate, model: dict) -> float:
    weights = model["weights"]
    z = model.get("bias", 0.0) + sum(weights.get(name, 0.0) * value for name, value in candidate.features.items())
    return 1.0 / (1.0 + math.exp(-z))


def rank(candidates: list[Candidate], kind: str) -> list[Ranked]:
    """The candidates best first under the model for `kind` (a key of the weights file);
    ties go to the one named last (candidates come in order of first mention)."""
    model = lexicon.antecedent_model(kind)
    ranked = [Ranked(c, score(c, model)) for c in candidates]
    order = sorted(range(len(ranked)), key=lambda k: (-ranked[k].probability, -k))
    return [ranked[k] for k in order]


def best(candidates: list[Candidate], kind: str) -> Ranked | None:
    """The top candidate if the model for `kind` accepts it."""
    ranked = rank(candidates, kind)
    if not ranked:
        return None
    threshold = lexicon.antecedent_model(kind).get("threshold", 0.0)
    return ranked[0] if ranked[0].probability >= threshold else None
