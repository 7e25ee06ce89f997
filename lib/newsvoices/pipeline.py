"""The one entry point: `analyze(path=...)` or `analyze(text=...)` runs every step and returns an `Analysis`."""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from functools import partial

import pandas as pd

from . import segments, tables
from .article import MAX_CHARS, Article, load_article
from .corrections import Corrected, apply_corrections, corrections_beside, read_corrections, statement_ids
from .entities import EntityIndex, find_entities
from .errors import ArticleTooLongError, NewsvoicesWarning
from .gender import statement_genders
from .nlp import load_model, parse
from .quotes import Statement, find_statements
from .sentiment import sentiment
from .speakers import resolve_speakers
from .stance import score_statements


@dataclass
class Analysis:
    """Everything newsvoices reads off one article, as DataFrames (offsets index `article.text`)."""

    article: Article
    doc: object = field(repr=False)
    entity_index: EntityIndex = field(repr=False)
    entities: pd.DataFrame = field(repr=False)
    entity_counts: pd.DataFrame = field(repr=False)
    statements: pd.DataFrame = field(repr=False)
    speakers: pd.DataFrame = field(repr=False)
    statement_list: list = field(default_factory=list, repr=False)
    corrections: Corrected | None = field(default=None, repr=False)  # what a corrections file changed

    _tokens: pd.DataFrame | None = field(default=None, repr=False)

    @property
    def tokens(self) -> pd.DataFrame:
        """One row per token (built on first use: a corpus run never needs it)."""
        if self._tokens is None:
            self._tokens = tables.token_table(self.doc, self.article.paragraph_at)
        return self._tokens

    @property
    def affiliations(self) -> pd.DataFrame:
        """One row per affiliation: speakers, statements, mean stance and polarity."""
        return tables.affiliation_table(self.statements)

    def people(self) -> pd.DataFrame:
        return self.entity_counts[self.entity_counts["label"] == "PERSON"].reset_index(drop=True)


def attributed_statements(doc, article: Article, entity_index: EntityIndex | None) -> list[Statement]:
    """Steps 4 and 5 of one parsed article: its statements, then who said each."""
    found = find_statements(doc, article)
    resolve_speakers(found, doc, article, entity_index)
    return found.statements


def annotate_statements(statements, doc, stance_method: str | None = None) -> None:
    """Stance (all of an article's statements in one batch) and sentiment, stored on each statement."""
    spans = [(s.content_start, s.content_end, s.cue_start, s.cue_end) for s in statements]
    for statement, result in zip(statements, score_statements(doc, spans, stance_method)):
        feeling = sentiment(statement.content)
        statement.stance = result.label
        statement.stance_score = result.score
        statement.stance_confidence = result.confidence
        statement.stance_cues = [cue.as_dict() for cue in result.cues if cue.weight > 0]
        statement.stance_examples = result.examples
        statement.polarity = feeling.polarity
        statement.subjectivity = feeling.subjectivity
        statement.vader = feeling.vader


ENGLISH_STOPWORD_SHARE = 0.15


def warn_if_not_english(doc, article) -> None:
    """English news has about four words in ten from spaCy's stop list; far fewer means the
    text is probably in another language and the English model will misread it."""
    from spacy.attrs import IS_ALPHA, IS_STOP

    flags = doc.to_array([IS_ALPHA, IS_STOP])  # one array, not a Token object per word
    words = int(flags[:, 0].sum()) if len(doc) else 0
    if words < 20:
        return
    share = int((flags[:, 0] & flags[:, 1]).sum()) / words
    if share < ENGLISH_STOPWORD_SHARE:
        warnings.warn(f"{article.path or article.id} does not look like English ({share:.0%} common English words); "
                      "newsvoices reads English only, so its results here are unreliable.", NewsvoicesWarning, stacklevel=3)


def analyze(source=None, *, path=None, text=None, nlp=None, doc=None, name: str | None = None,
            max_chars: int = MAX_CHARS, stance_method: str | None = None, corrections=None) -> Analysis:
    """Analyse one article: `path=` a .txt/.md/.html file (or pass a `pathlib.Path`), `text=`
    the text itself (never read as a path), or an `Article`. Texts over `max_chars` characters
    are refused; running out of memory is a one-line `ArticleTooLongError` naming the size.
    `stance_method` is "classifier" (the default), "fast" (MiniLM alone, about a fifth of the
    stance cost) or "lexicon" (also `NEWSVOICES_STANCE`).
    `corrections`: a corrections file (CSV or YAML, see `newsvoices.corrections`); by default
    `<article>.corrections.csv|yaml` beside the article is applied when present; False applies none."""
    if isinstance(source, Article):
        article = source
    else:
        article = load_article(source, path=path, text=text, name=name, max_chars=max_chars)
    try:
        return _analyze_article(article, nlp, doc, stance_method, corrections)
    except MemoryError:
        raise ArticleTooLongError(f"Ran out of memory analysing {article.path or article.id} ({len(article.text):,} "
                                  "characters); analyse a shorter text or give the process more memory.") from None


def _corrections_file(article: Article, corrections):
    if corrections is False:
        return None
    if corrections is None:
        return corrections_beside(article.path)
    return corrections  # a file, or a list of Correction (`corrections.parse_corrections`)


def _analyze_article(article: Article, nlp, doc, stance_method: str | None = None, corrections=None) -> Analysis:
    nlp = nlp or load_model()
    doc = doc if doc is not None else parse(article.text, nlp)
    warn_if_not_english(doc, article)
    if len(article.text) > segments.SEGMENT_CHARS:  # a cost linear in the length (see segments)
        annotate = partial(annotate_statements, stance_method=stance_method)
        index, statement_list = segments.analyze_in_segments(doc, article, annotate)
    else:
        index = find_entities(doc, article.paragraph_at)  # step 3: people and organisations
        found = find_statements(doc, article)  # step 4: statements
        resolve_speakers(found, doc, article, index)  # step 5: who said each
        statement_list = found.statements
        annotate_statements(statement_list, doc, stance_method)  # step 6: stance and sentiment
    genders, people = statement_genders(statement_list, doc, index)
    ids = statement_ids(article.id, statement_list)
    corrections_path = _corrections_file(article, corrections)
    corrected = None
    if corrections_path is not None:
        given = corrections_path if isinstance(corrections_path, list) else read_corrections(corrections_path)
        source = None if isinstance(corrections_path, list) else str(corrections_path)
        corrected = apply_corrections(given, statement_list, ids, genders, article, doc,
                                      partial(annotate_statements, stance_method=stance_method), source, people)
        statement_list, ids, genders = corrected.statements, corrected.ids, corrected.genders
    flags = corrected.corrected if corrected else [False] * len(statement_list)
    entities = tables.entity_table(index)
    statements = tables.statement_table(statement_list, {"id": ids, "gender": genders, "corrected": flags})
    return Analysis(
        article=article,
        doc=doc,
        entity_index=index,
        entities=entities,
        entity_counts=tables.entity_count_table(entities, index.titles),
        statements=statements,
        speakers=tables.speaker_table(statements),
        statement_list=statement_list,
        corrections=corrected,
    )
