from newsvoices import evaluate
from newsvoices.evaluate import GoldStatement


def test_matching_rule_and_scores():
    gold = [GoldStatement([(0, 100)], "Antony Blinken"), GoldStatement([(200, 300)], "Sami Abu Zuhri")]
    predicted = [{"content_start": 50, "content_end": 100, "speaker": "Blinken"},
                 {"content_start": 0, "content_end": 40, "speaker": "Blinken"},
                 {"content_start": 200, "content_end": 220, "speaker": "Abu Zuhri"}]
    assert evaluate.match(gold, predicted, 0.3) == [(0, 0)]
    low = evaluate.score(gold, predicted, 0.1)
    assert (low.matched, low.speaker_correct) == (2, 2)
    assert round(low.precision, 3) == 0.667 and low.recall == 1.0
    strict = evaluate.score(gold, predicted, 0.8)
    assert strict.matched == 0 and strict.f1 == 0.0


def test_an_unnamed_reference_source_wants_an_unnamed_prediction():
    gold = "unnamed: executive at an equipment supplier"
    described = {"speaker": "executive at one of the company's equipment suppliers", "anonymous": True}
    assert evaluate.speaker_right(gold, described)
    assert not evaluate.speaker_right(gold, {**described, "anonymous": False})
    assert not evaluate.speaker_right(gold, {"speaker": "Hsu Wei", "anonymous": False})
    assert evaluate.speaker_right("Hsu Wei", {"speaker": "Hsu Wei", "anonymous": False})


def test_same_person():
    assert evaluate.same_person("Antony Blinken", "Blinken")
    assert evaluate.same_person("senior Israeli government official (unnamed)", "senior Israeli government official")
    assert not evaluate.same_person("Joe Biden", "Hunter Biden")
    assert not evaluate.same_person("Blinken", None)
    assert evaluate.same_person("Crestbrook Minerals Nigeria Ltd", "Crestbrook Minerals Nigeria")  # a legal form


def test_brat_reader(polnear_dev):
    _name, text_path, ann = polnear_dev[0]
    text = text_path.read_text(encoding="utf-8")
    gold = evaluate.read_brat(ann)
    assert gold and all(g.spans for g in gold)
    for statement in gold:
        assert 0 <= statement.spans[0][0] < statement.spans[-1][1] <= len(text)
        if statement.cue and statement.cue_spans:
            a, b = statement.cue_spans[0]
            assert text[a:b] in statement.cue
    assert any(g.cue and "said" in g.cue for g in gold)
