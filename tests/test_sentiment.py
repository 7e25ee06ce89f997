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
