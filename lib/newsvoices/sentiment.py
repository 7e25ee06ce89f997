"""Step 5b: general sentiment per statement, the figures users know, next to stance.

TextBlob polarity and subjectivity (only `.sentiment`, which needs no NLTK corpora) and VADER's
compound score (vaderSentiment ships its lexicon). Neither measures hopeful vs hardline; they
are shown beside the stance score, not instead of it."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass
class Sentiment:
    polarity: float
    subjectivity: float
    vader: float


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def sentiment(text: str) -> Sentiment:
    from textblob import TextBlob

    blob = TextBlob(text).sentiment
    return Sentiment(round(float(blob.polarity), 4), round(float(blob.subjectivity), 4),
                     round(float(_vader().polarity_scores(text)["compound"]), 4))


def textblob_label(text: str, threshold: float = 0.1) -> str:
    """The usual baseline: TextBlob polarity above +t is hopeful, below -t hardline."""
    polarity = sentiment(text).polarity
    return "hopeful" if polarity > threshold else "hardline" if polarity < -threshold else "neutral"


def vader_label(text: str, threshold: float = 0.05) -> str:
    compound = sentiment(text).vader
    return "hopeful" if compound >= threshold else "hardline" if compound <= -threshold else "neutral"
