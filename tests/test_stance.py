"""The default stance method: the learned classifier (`newsvoices.stance.classifier`)."""
import json
import subprocess
import sys

import pytest

from conftest import GOLD, ROOT
from newsvoices.stance import METHODS, score_text, score_texts


@pytest.mark.parametrize("text, context, expected", [
    ("We are ready to negotiate and hope for a breakthrough soon.", "said", "hopeful"),
    ("We believe we can go all the way this season.", "said", "hopeful"),  # sport: plain confidence
    ("Sales will recover next year and we are confident in our strategy.", "said", "hopeful"),  # business
    ("He is the worst abuser in the history of politics and not fit to be president.", "said", "hardline"),
    ("We will never accept their conditions and they must be defeated.", "vowed", "hardline"),
    ("I doubt the polls are right, and it is unclear whether the plan will work.", "said", "skeptical"),
    ("The committee meets on Tuesday in the capital.", "said", "neutral"),
    ("Profits fell 5% in the quarter.", "said", "neutral"),  # business: a plain fact
    # hardline when trained on political news alone; right since the business stories of benchmarks/varied
    ("Demand for memory chips fell sharply in the third quarter.", "said", "neutral"),
])
def test_each_label(nlp, text, context, expected):
    assert score_text(text, context, nlp).label == expected


def test_confidence_score_and_examples(nlp):
    result = score_text("They are liars and crooks, and we will sue them.", "said", nlp)
    assert result.method == "classifier" and result.label == "hardline"
    assert result.probabilities[result.label] == result.confidence == max(result.probabilities.values())
    assert abs(sum(result.probabilities.values()) - 1) < 1e-3
    assert -1 <= result.score < 0  # hardline is below zero
    assert len(result.examples) == 3
    assert all({"text", "label", "similarity"} <= set(e) for e in result.examples)
    similarities = [e["similarity"] for e in result.examples]
    assert similarities == sorted(similarities, reverse=True)


def test_cues_are_the_lexicon_matches_that_agree(nlp):
    result = score_text("Their capabilities must be annihilated.", "said", nlp)
    assert result.label == "hardline"
    assert result.cues and all(c.side == "hardline" for c in result.cues)
    neutral = score_text("The committee meets on Tuesday.", "said", nlp)
    assert neutral.cues == []


def test_lexicon_fallback(nlp, monkeypatch):
    monkeypatch.setenv("NEWSVOICES_STANCE", "lexicon")
    result = score_text("We will never accept their conditions.", nlp=nlp)
    assert result.method == "lexicon" and result.confidence is None and result.examples == []
    monkeypatch.setenv("NEWSVOICES_STANCE", "classifier")
    assert score_text("We will never accept their conditions.", nlp=nlp).method == "classifier"
    assert METHODS == ("classifier", "fast", "lexicon")


def test_batch_keeps_order(nlp):
    items = [("We hope for peace and will work together.", "said"), ("The meeting is on Monday.", None),
             ("They must be crushed.", "vowed")]
    batch = [r.label for r in score_texts(items, nlp)]
    assert batch == [score_text(t, c, nlp).label for t, c in items]


def test_seed_reference_stance(seed_analysis):
    if not GOLD.exists():
        pytest.skip(f"the seed's reference reading is not at {GOLD}")
    gold = [s["stance"] for s in json.loads(GOLD.read_text(encoding="utf-8"))["statements"]]
    ours = list(seed_analysis.statements["stance"])
    assert len(ours) == len(gold) == 16
    assert sum(g == o for g, o in zip(gold, ours)) >= 13
    assert not any({g, o} == {"hopeful", "hardline"} for g, o in zip(gold, ours))


def test_statement_and_speaker_columns(seed_analysis):
    statements = seed_analysis.statements
    assert {"stance", "stance_score", "stance_confidence", "stance_cues", "stance_examples", "polarity",
            "subjectivity", "vader"} <= set(statements.columns)
    assert statements["stance_score"].between(-1, 1).all() and statements["polarity"].between(-1, 1).all()
    assert statements["stance_confidence"].between(0.25, 1).all()
    speakers = seed_analysis.speakers.set_index("speaker")
    assert speakers.loc["Antony Blinken", "stance_score_mean"] > 0 > speakers.loc["senior Israeli government official", "stance_score_mean"]


def run_stance(lines: str):
    return subprocess.run([sys.executable, "-m", "newsvoices", "stance"], input=lines, capture_output=True, text=True, check=False,
                          cwd=ROOT)


def test_cli_contract():
    result = run_stance('{"text": "We are ready to negotiate and hope for a deal."}\n'
                        '{"text": "They must be destroyed.", "context": "he vowed"}\n')
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["label"] for r in records] == ["hopeful", "hardline"]
    assert set(records[0]) == {"label", "score", "confidence", "cues", "examples", "polarity"}


def test_cli_bad_line_is_named_on_stderr_and_the_rest_scored():
    result = run_stance('{"text": "We hope for peace."}\nnot json\n{"context": "said"}\n{"text": "They must be crushed."}\n')
    assert result.returncode == 2
    out = result.stdout.splitlines()
    assert len(out) == 4 and out[1] == "null" and out[2] == "null"
    assert json.loads(out[3])["label"] == "hardline"
    errors = result.stderr.strip().splitlines()
    assert errors[0].startswith("newsvoices: line 2: not JSON") and errors[1].startswith("newsvoices: line 3:")
    assert "Traceback" not in result.stderr


def test_the_neutral_shift_moves_only_near_ties_to_neutral():
    import numpy as np

    from newsvoices.stance.train import shifted_labels

    classes = ["hardline", "hopeful", "neutral", "skeptical"]
    log_p = np.log(np.array([[0.05, 0.50, 0.40, 0.05],    # a near tie: the shift gives it to neutral
                             [0.02, 0.90, 0.06, 0.02]]))  # a clear hopeful stays hopeful
    assert shifted_labels(log_p, classes, 0.0) == ["hopeful", "hopeful"]
    assert shifted_labels(log_p, classes, 0.3) == ["neutral", "hopeful"]


def test_both_encoders_give_unit_vectors_and_the_head_reads_parts_they_give():
    import numpy as np

    from newsvoices.stance import classifier, encoder
    from newsvoices.stance.training import variant_parts

    parts = variant_parts(classifier.head().variant)
    assert "lexicon" in parts and {p.partition(".")[0] for p in parts if p != "lexicon"} <= set(encoder.ENCODERS)
    assert classifier.example_bank().part in parts
    for name in encoder.ENCODERS:
        vectors = encoder.encode(["We will win this election.", "The talks have collapsed."], name)
        assert vectors.shape == (2, encoder.DIMENSIONS)
        assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
        assert float(vectors[0] @ vectors[1]) < 0.99


@pytest.mark.parametrize("variant, wrong", [
    ("bert.statement+lexicon", "bert.statement"),  # no such encoder
    ("e5.max+lexicon", "e5.max"),  # e5 gives sentence vectors only
    ("minilm.statement+minilm.verb", "minilm.verb"),  # no such kind of input
])
def test_an_unknown_stance_input_is_named_in_a_one_line_error(variant, wrong):
    from newsvoices.errors import NewsvoicesError
    from newsvoices.stance.training import variant_parts

    with pytest.raises(NewsvoicesError, match=f"unknown stance input '{wrong}'") as error:
        variant_parts(variant)
    assert "\n" not in str(error.value)


def test_the_trainer_refuses_an_unknown_variant_with_exit_status_2(capsys):
    from newsvoices.stance.__main__ import main

    assert main(["train", "--variant", "e5.statement+e5.mood", "--out", "/nonexistent/head.json"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: unknown stance input 'e5.mood'") and "\n" not in err


def test_a_second_run_takes_stance_from_the_cache_without_encoding(nlp, monkeypatch, tmp_path):
    from newsvoices.stance import classifier

    monkeypatch.setenv("NEWSVOICES_CACHE_DIR", str(tmp_path))
    items = [("We will never accept their conditions.", "vowed"), ("We hope for a deal this week.", "said")]
    first = score_texts(items, nlp)
    assert list((tmp_path / "stance").rglob("*.json"))

    def no_encoding(*args, **kwargs):
        raise AssertionError("encoded again")

    monkeypatch.setattr(classifier, "feature_parts", no_encoding)
    second = score_texts(items, nlp)
    assert [(r.label, r.probabilities, r.examples) for r in second] == [(r.label, r.probabilities, r.examples) for r in first]
    with pytest.raises(AssertionError, match="encoded again"):  # other statements are a new key
        score_texts([("The meeting is on Monday.", "said")], nlp)
    monkeypatch.setenv("NEWSVOICES_CACHE", "off")
    with pytest.raises(AssertionError, match="encoded again"):  # off means off
        score_texts(items, nlp)


def test_a_damaged_stance_cache_entry_is_computed_again(nlp, monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSVOICES_CACHE_DIR", str(tmp_path))
    items = [("They must be crushed.", "vowed")]
    first = score_texts(items, nlp)
    for entry in (tmp_path / "stance").rglob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    assert [r.probabilities for r in score_texts(items, nlp)] == [r.probabilities for r in first]


def test_the_fast_method_reads_minilm_alone(nlp, monkeypatch):
    from newsvoices.stance import encoder

    real = encoder.encoder

    def minilm_only(name):
        assert name == "minilm", "the fast head encoded with e5"
        return real(name)

    monkeypatch.setattr(encoder, "encoder", minilm_only)
    hardline = score_text("They are liars and crooks, and we will sue them.", "said", nlp, method="fast")
    hopeful = score_text("We are ready to negotiate and hope for a breakthrough soon.", "said", nlp, method="fast")
    assert (hardline.method, hardline.label, hopeful.label) == ("fast", "hardline", "hopeful")
    assert hardline.confidence == max(hardline.probabilities.values()) and len(hardline.examples) == 3


def test_an_unknown_stance_method_is_a_one_line_error(nlp):
    from newsvoices.errors import NewsvoicesError

    with pytest.raises(NewsvoicesError, match="stance method must be one of classifier, fast, lexicon, not 'quick'"):
        score_text("We will win.", nlp=nlp, method="quick")
