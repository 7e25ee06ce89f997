import re

import pytest

from conftest import SEED
from newsvoices.article import load_article, split_paragraphs
from newsvoices.errors import (
    ArticleNotFoundError,
    ArticleUnreadableError,
    EmptyArticleError,
    NewsvoicesWarning,
)

SAMPLE = "Harbour Town: The mayor said on Friday that “the ferry will run again”, officials said.\n\nSecond paragraph — café, naïve, 50€.\n"


def test_seed_paragraphs_follow_blank_lines():
    article = load_article(SEED)
    text = SEED.read_text(encoding="utf-8")
    expected = [block.strip() for block in re.split(r"\n\s*\n", text) if block.strip()]
    assert [p.text for p in article.paragraphs] == expected
    for paragraph in article.paragraphs:
        assert article.text[paragraph.start:paragraph.end] == paragraph.text
    assert article.text == text
    assert article.dateline == "Cairo/Tel Aviv:"
    assert article.title is None
    assert [p.text for p in article.paragraphs if p.is_heading] == ["Post-deal planning"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_encodings_round_trip(tmp_path, encoding):
    path = tmp_path / "sample.txt"
    path.write_bytes(SAMPLE.encode(encoding))
    article = load_article(path)
    assert article.text == SAMPLE
    assert article.dateline == "Harbour Town:"


def test_cp1252_falls_back_with_a_warning(tmp_path):
    text = "He said “yes” to the café.\n"
    path = tmp_path / "old.txt"
    path.write_bytes(text.encode("cp1252"))
    with pytest.warns(NewsvoicesWarning, match="cp1252"):
        article = load_article(path)
    assert article.text == text


def test_html_keeps_article_text_only(tmp_path):
    page = """<html><head><title>Site | Story</title><style>p{color:red}</style><script>var x = "said";</script></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Ferry to run again</h1><p>The mayor said the ferry would run again.</p>
    <p>“It is a good day,” she said.</p></article><footer>© Site</footer></body></html>"""
    path = tmp_path / "story.html"
    path.write_text(page, encoding="utf-8")
    article = load_article(path)
    assert article.title == "Ferry to run again"
    assert [p.text for p in article.paragraphs] == ["Ferry to run again", "The mayor said the ferry would run again.", "“It is a good day,” she said."]
    assert "Home" not in article.text and "var x" not in article.text and "color" not in article.text


def test_markdown_title(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# A headline\n\nWASHINGTON (Reuters) - The senator said no.\n", encoding="utf-8")
    article = load_article(path)
    assert article.title == "A headline"
    assert article.dateline == "WASHINGTON (Reuters) -"


def test_text_title_line():
    article = load_article("Ferry Service To Resume Next Week\n\nThe mayor said the ferry would run again.\n")
    assert article.title == "Ferry Service To Resume Next Week"


def test_bad_inputs_raise_clear_errors(tmp_path):
    with pytest.raises(ArticleNotFoundError, match="No such file"):
        load_article(tmp_path / "missing.txt")
    with pytest.raises(ArticleUnreadableError, match="folder"):
        load_article(tmp_path)
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n ", encoding="utf-8")
    with pytest.raises(EmptyArticleError):
        load_article(empty)
    image = tmp_path / "picture.txt"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with pytest.raises(ArticleUnreadableError, match="PNG"):
        load_article(image)


def test_lines_without_blank_lines_are_paragraphs():
    paragraphs = split_paragraphs("One line.\nAnother line.\n")
    assert [p.text for p in paragraphs] == ["One line.", "Another line."]


def test_polnear_articles_load_exactly(polnear_dev):
    for name, path, _ in polnear_dev[:20]:
        article = load_article(path)
        assert article.text == path.read_text(encoding="utf-8")
        assert article.title  # PolNeAR texts open with their headline
        for paragraph in article.paragraphs:
            assert article.text[paragraph.start:paragraph.end] == paragraph.text
