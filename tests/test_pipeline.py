"""pipeline: analyze() runs entities, statements, speakers, then stance, in that order."""
import pytest

from newsvoices import pipeline
from newsvoices.article import load_article
from newsvoices.errors import EmptyArticleError

TEXT = ("The strike entered its second week.\n\n"
        "“We will not go back without a contract,” union leader Ana Ruiz said on Monday.\n\n"
        "The company said it had made a fair offer.")


def test_the_steps_run_in_order(monkeypatch, nlp):
    calls = []
    for name in ("find_entities", "find_statements", "resolve_speakers", "annotate_statements"):
        original = getattr(pipeline, name)

        def spy(*args, _original=original, _name=name, **kwargs):
            calls.append(_name)
            return _original(*args, **kwargs)

        monkeypatch.setattr(pipeline, name, spy)
    analysis = pipeline.analyze(text=TEXT, nlp=nlp)
    assert calls == ["find_entities", "find_statements", "resolve_speakers", "annotate_statements"]
    assert analysis.statements["speaker"].iloc[0] == "Ana Ruiz"


def test_analysis_tables_and_offsets(nlp):
    analysis = pipeline.analyze(text=TEXT, nlp=nlp)
    table = analysis.statements
    assert list(table["kind"]) == ["direct", "indirect"]
    for row in table.itertuples():
        assert analysis.article.text[row.content_start:row.content_end] == row.content
    assert set(table["stance"]) <= {"hopeful", "hardline", "skeptical", "neutral"}
    assert analysis.speakers["statements"].sum() == len(table)


def test_attributed_statements_without_stance(nlp):
    article = load_article(text=TEXT)
    doc = nlp(article.text)
    statements = pipeline.attributed_statements(doc, article, pipeline.find_entities(doc, article.paragraph_at))
    assert next(s.speaker for s in statements) == "Ana Ruiz"
    assert all(s.stance is None for s in statements)


def test_an_article_object_and_bad_input(nlp):
    article = load_article(text=TEXT)
    assert pipeline.analyze(article, nlp=nlp).article is article
    with pytest.raises(EmptyArticleError):
        pipeline.analyze(text="   \n ", nlp=nlp)
