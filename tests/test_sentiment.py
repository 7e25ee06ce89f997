import pytest

from newsvoices.sentiment import sentiment, textblob_label


def test_textblob_and_vader_work_offline():
    good = sentiment("This is a wonderful, excellent result.")
    bad = sentiment("This is a terrible, awful failure.")
    assert good.polarity > 0.5 > -0.5 > bad.polarity
    assert good.vader > 0.5 and bad.vader < -0.5
    assert 0 <= good.subjectivity <= 1


def test_textblob_threshold_baseline_misses_stance():
    # the reason newsvoices has its own stance: general sentiment reads a demand as neutral
    assert textblob_label("Their capabilities must be annihilated.") == "neutral"


@pytest.mark.parametrize("text", ["This is terribly good!", "not bad at all", "I never liked it", "",
                                  "The talks collapsed in bitter acrimony.", "Ça va très bien, merci."])
def test_scores_are_textblobs_own_and_textblob_stays_importable(text):
    from textblob import TextBlob

    ours = sentiment(text)
    theirs = TextBlob(text).sentiment
    assert (ours.polarity, ours.subjectivity) == (round(theirs.polarity, 4), round(theirs.subjectivity, 4))
