"""What the statement finder produces: `Statement`, and the per-article facts it shares with
the speaker step (`QuoteContext`, `FoundStatements`)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .marks import QuoteSpan

Kind = Literal["direct", "indirect", "mixed"]
Stance = Literal["hopeful", "hardline", "skeptical", "neutral"]


@dataclass
class Statement:
    content_start: int
    content_end: int
    kind: Kind
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    mention: str | None = None
    mention_start: int | None = None
    mention_end: int | None = None
    mention_root: int | None = None  # token index of the mention's head word
    content: str = ""
    # set by the speaker step (`speakers.resolve_speakers`)
    speaker: str | None = None
    anonymous: bool = False
    affiliation: str | None = None
    role: str | None = None
    paragraph: int = 0
    sentence: int = 0
    floating: bool = False  # a quoted sentence with no cue, attributed to the statement beside it
    quotes: list = field(default_factory=list, repr=False)
    # set by the stance and sentiment step (`pipeline.annotate_statements`)
    stance: Stance | None = None
    stance_score: float | None = None  # in [-1, 1]: hopeful > 0 > hardline
    stance_confidence: float | None = None  # probability of the chosen label
    stance_cues: list = field(default_factory=list, repr=False)  # the words that explain the label
    stance_examples: list = field(default_factory=list, repr=False)  # most similar labelled statements
    polarity: float | None = None
    subjectivity: float | None = None
    vader: float | None = None


@dataclass
class QuoteContext:
    """One article's quotations as the cue rules read them: the spans, which quote each token
    starts in, which quotes a statement has already taken, and where the body text begins."""

    doc: object
    text: str
    quotes: list[QuoteSpan]
    in_quote: list[int | None]  # per token: the index of the quote it is inside, or None
    body_start: int  # offset after the title and dateline: content never starts before it
    claimed: set[int] = field(default_factory=set)  # quotes already given to a statement
    opens: list[int] = field(default_factory=list)  # opening-mark offset of each quote, in order

    def __post_init__(self):
        self.opens = [q.open_mark for q in self.quotes]


@dataclass
class FoundStatements:
    """The statements of an article, in text order, before their speakers are resolved; and
    what the speaker step needs from this one."""

    statements: list[Statement]
    in_quote: list[int | None]  # per token, as in `QuoteContext`: names inside quotes are not antecedents
    floating: list[tuple[Statement, Statement]] = field(default_factory=list)  # (floating quote, its neighbour)
