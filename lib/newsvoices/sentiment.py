"""Step 5b: general sentiment per statement, the figures users know, next to stance.

TextBlob polarity and subjectivity (only `.sentiment`, which needs no NLTK corpora) and VADER's
compound score (vaderSentiment ships its lexicon). Neither measures hopeful vs hardline; they
are shown beside the stance score, not instead of it."""
from __future__ import annotations

import importlib
import importlib.util
import sys
import types
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


@lru_cache(maxsize=1)
def _textblob_sentiment():
    """The scorer behind `TextBlob(text).sentiment`: pattern's lexicon, `textblob.en.sentiment`
    (TextBlob's default PatternAnalyzer returns exactly its polarity and subjectivity).
    `import textblob` imports NLTK, and NLTK imports SciPy's statistics: 2.4 s of every fresh
    process, for a scorer that needs neither. So `textblob.en` is loaded under a stand-in parent
    package, and the stand-ins are then taken out of `sys.modules`, so that a later
    `import textblob` by anyone gets the real package."""
    if "textblob" in sys.modules:  # already imported by someone: nothing to save
        from textblob.en import sentiment as scorer

        return scorer
    package = types.ModuleType("textblob")
    package.__path__ = list(importlib.util.find_spec("textblob").submodule_search_locations)
    sys.modules["textblob"] = package
    try:
        return importlib.import_module("textblob.en").sentiment
    finally:
        for name in [n for n in sys.modules if n == "textblob" or n.startswith("textblob.")]:
            del sys.modules[name]


def sentiment(text: str) -> Sentiment:
    polarity, subjectivity = _textblob_sentiment()(text)
    return Sentiment(round(float(polarity), 4), round(float(subjectivity), 4),
                     round(float(_vader().polarity_scores(text)["compound"]), 4))


def textblob_label(text: str, threshold: float = 0.1) -> str:
    """The usual baseline: TextBlob polarity above +t is hopeful, below -t hardline."""
    polarity = sentiment(text).polarity
    return "hopeful" if polarity > threshold else "hardline" if polarity < -threshold else "neutral"


def vader_label(text: str, threshold: float = 0.05) -> str:
    compound = sentiment(text).vader
    return "hopeful" if compound >= threshold else "hardline" if compound <= -threshold else "neutral"
