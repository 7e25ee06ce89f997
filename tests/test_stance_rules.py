
"""The rule-based stance method (`method="lexicon"`, `newsvoices.stance.rules`)."""
from functools import partial

import pytest

from newsvoices.stance import score_text as any_method

score_text = partial(any_method, method="lexicon")


def label(nlp, text, context=None):
    return score_text(text, context, nlp).label


@pytest.mark.parametrize("text, expected", [
    ("We are ready to negotiate and hope for a breakthrough.", "hopeful"),
    ("Talks will continue next week in a constructive spirit.", "hopeful"),
    ("The militants must be destroyed and will face total defeat.", "hardline"),
    ("We will never accept their conditions.", "hardline"),
    ("I doubt the polls are right, and it is unclear whether the plan will work.", "skeptical"),
    ("The committee meets on Tuesday in the capital.", "neutral"),
])
def test_each_label(nlp, text, expected):
    assert label(nlp, text) == expected


def test_negation_turns_willingness_into_refusal(nlp):
    assert label(nlp, "We are ready to negotiate.") == "hopeful"
    result = score_text("We will not negotiate with them.", nlp=nlp)
    assert result.label == "hardline"
    assert [c.kind for c in result.cues] == ["refusal"]


def test_negated_threat_is_cancelled_and_negated_progress_is_doubt(nlp):
    assert label(nlp, "The new road poses no threat to the river.") == "neutral"
    assert label(nlp, "The two sides have not reached an agreement.") == "skeptical"


def test_modality_and_absolutes_strengthen_hardline(nlp):
    plain = score_text("Troops should withdraw.", nlp=nlp).score
    strong = score_text("All troops must withdraw immediately and completely.", nlp=nlp).score
    assert strong < plain <= 0
    assert label(nlp, "All troops must withdraw immediately and completely.") == "hardline"


def test_conditions(nlp):
    assert label(nlp, "We will believe it only when we see it.") == "skeptical"
    # a condition attached to a hardline demand makes it harder, not skeptical
    assert label(nlp, "They will be released only if the fighters surrender unconditionally.") == "hardline"


def test_reporting_verb_as_context(nlp):
    base = score_text("The plan is a step.", nlp=nlp)
    tilted = score_text("The plan is a step.", "The minister welcomed the plan.", nlp=nlp)
    assert base.label == "neutral" and tilted.score > base.score


def test_cues_explain_the_label(nlp):
    result = score_text("Their capabilities must be annihilated.", nlp=nlp)
    assert {c.text for c in result.cues} == {"must", "annihilated"}
    assert all(c.side == "hardline" for c in result.cues)


@pytest.mark.parametrize("text, expected", [
    ("Demand for memory chips fell sharply.", "neutral"),  # the noun "demand" is no demand
    ("If they have to pay, they'll just go to the retail park.", "neutral"),  # plain necessity
    ("They demand a full withdrawal.", "hardline"),
])
def test_false_cues_fixed(nlp, text, expected):
    assert label(nlp, text) == expected
