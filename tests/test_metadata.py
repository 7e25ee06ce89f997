"""Article metadata (newsvoices.metadata) from HTML <meta>, Markdown front matter and metadata.csv."""
import pytest

from newsvoices import corpus, load_article
from newsvoices.metadata import iso_date

BODY = "“We will build the bridge,” said Ana Ruiz, the mayor, on Monday.\n\nThe council said it would vote.\n"


@pytest.fixture()
def folder(tmp_path):
    (tmp_path / "page.html").write_text(
        '<html><head><title>Bridge vote | Daily</title><meta property="og:site_name" content="The Daily Planet">'
        '<meta property="article:published_time" content="2024-06-11T09:30:00Z">'
        '<meta property="og:url" content="https://planet.example/bridge"><meta property="og:title" content="Bridge vote">'
        f'</head><body><p>{BODY}</p></body></html>', encoding="utf-8")
    (tmp_path / "story.md").write_text(f"---\ntitle: Council vote\noutlet: Harbour Gazette\ndate: 12 June 2024\n"
                                       f"url: https://gazette.example/vote\n---\n\n{BODY}", encoding="utf-8")
    (tmp_path / "plain.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,outlet,date,url,title\nplain.txt,Harbour Gazette,2024-06-13,"
                                           "https://gazette.example/plain,Plain story\n"
                                           "page.html,,,,Bridge vote (updated)\n", encoding="utf-8")
    return tmp_path


def test_each_source_fills_the_article_metadata(folder):
    html = load_article(path=folder / "page.html").metadata
    assert (html.outlet, html.date, html.url, html.title) == ("The Daily Planet", "2024-06-11", "https://planet.example/bridge",
                                                              "Bridge vote (updated)")  # metadata.csv overrides the page
    md = load_article(path=folder / "story.md")
    assert (md.metadata.outlet, md.metadata.date, md.metadata.title) == ("Harbour Gazette", "2024-06-12", "Council vote")
    assert "outlet:" not in md.text
    txt = load_article(path=folder / "plain.txt").metadata
    assert (txt.outlet, txt.date, txt.url) == ("Harbour Gazette", "2024-06-13", "https://gazette.example/plain")


def test_metadata_reaches_the_corpus_tables(folder, nlp):
    result = corpus.analyze_corpus(folder, nlp=nlp, progress=False)
    articles = result.articles.set_index("article")
    assert articles.loc["page", "outlet"] == "The Daily Planet" and articles.loc["story", "date"] == "2024-06-12"
    assert articles.loc["plain", "url"] == "https://gazette.example/plain" and articles.loc["plain", "title"] == "Plain story"
    assert set(result.statements["outlet"]) == {"The Daily Planet", "Harbour Gazette"}
    assert set(result.speakers["date"]) == {"2024-06-11", "2024-06-12", "2024-06-13"}
    people = result.people.set_index("speaker")
    assert people.loc["Ana Ruiz", "articles"] == 3 and people.loc["Ana Ruiz", "outlets"] == "Harbour Gazette, The Daily Planet"


def test_dates_read_as_iso_or_stay_as_given():
    assert iso_date("11 June 2024") == "2024-06-11" and iso_date("summer") == "summer"
