"""What happens with bad input: a result where one makes sense, otherwise a NewsvoicesError
with a one-line message (CLI: that line and exit status 2)."""
import subprocess
import sys
import zipfile

import matplotlib.figure
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsvoices
from conftest import ROOT
from newsvoices import plots
from newsvoices.errors import (
    ArticleUnreadableError,
    EmptyArticleError,
    NewsvoicesError,
    NewsvoicesWarning,
)


def cli(*args):
    return subprocess.run([sys.executable, "-m", "newsvoices", *args], capture_output=True, text=True, cwd=ROOT,
                          check=False)


def one_line_error(result):
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("newsvoices: ") and result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr


@pytest.fixture
def files(tmp_path):
    made = {}
    made["empty"] = tmp_path / "empty.txt"
    made["empty"].write_text("", encoding="utf-8")
    made["blank"] = tmp_path / "blank.txt"
    made["blank"].write_text(" \n\t\n  \n", encoding="utf-8")
    made["image"] = tmp_path / "photo.txt"
    made["image"].write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4)
    made["zip"] = tmp_path / "archive.txt"
    with zipfile.ZipFile(made["zip"], "w") as archive:
        archive.writestr("a.txt", "hello")
    return made


@pytest.mark.parametrize("name, error", [("empty", EmptyArticleError), ("blank", EmptyArticleError),
                                         ("image", ArticleUnreadableError), ("zip", ArticleUnreadableError)])
def test_unusable_files(files, name, error):
    with pytest.raises(error) as info:
        newsvoices.analyze(files[name])
    assert "\n" not in str(info.value)
    one_line_error(cli("analyze", str(files[name])))


def test_missing_folder_and_unreadable(tmp_path, monkeypatch):
    one_line_error(cli("analyze", str(tmp_path / "nope.txt")))
    one_line_error(cli("analyze", str(tmp_path)))
    locked = tmp_path / "locked.txt"
    locked.write_text("The mayor said no.", encoding="utf-8")
    # tests may run as root, where chmod does not lock a file: simulate the refusal instead
    import os

    original = os.open

    def refuse(path, *args, **kwargs):
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied")
        return original(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(ArticleUnreadableError, match="permission denied"):
        newsvoices.analyze(locked)


def test_old_encodings_give_results(tmp_path, nlp):
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("“We are ready to talk,” the minister said.\n".encode("utf-16"))
    assert newsvoices.analyze(utf16, nlp=nlp).statements["content"].tolist() == ["We are ready to talk"]
    cp1252 = tmp_path / "cp1252.txt"
    cp1252.write_bytes("“We are ready to talk,” the minister said.\n".encode("cp1252"))
    with pytest.warns(NewsvoicesWarning):
        analysis = newsvoices.analyze(cp1252, nlp=nlp)
    assert analysis.statements["content"].tolist() == ["We are ready to talk"]
    result = cli("quotes", str(cp1252), "--json")
    assert result.returncode == 0 and "warning" in result.stderr and result.stderr.count("\n") == 1


def test_non_english_warns_but_works(nlp):
    text = ("Der Minister sagte am Dienstag, die Verhandlungen würden fortgesetzt. "
            "„Wir sind bereit zu verhandeln“, sagte er. Die Regierung wies die Forderungen zurück "
            "und kündigte weitere Gespräche mit den Vermittlern an, die in Kairo stattfinden sollen.")
    with pytest.warns(NewsvoicesWarning, match="does not look like English"):
        analysis = newsvoices.analyze(text, nlp=nlp)
    assert analysis.tokens is not None


def test_html_page_with_clutter(tmp_path, nlp):
    page = tmp_path / "page.html"
    page.write_text("<html><head><script>var said = 'x';</script><style>.a{}</style></head><body>"
                    "<nav>Home | World | Sport</nav><div><p>“We will rebuild the bridge,” the mayor said.</p></div>"
                    "<footer>Copyright</footer></body></html>", encoding="utf-8")
    analysis = newsvoices.analyze(page, nlp=nlp)
    assert analysis.statements["content"].tolist() == ["We will rebuild the bridge"]
    assert "Home" not in analysis.article.text


def test_interrupted_export_keeps_previous_files(seed_analysis, tmp_path, monkeypatch):
    plots.export_all(seed_analysis, tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    calls = {"n": 0}
    original = matplotlib.figure.Figure.savefig

    def interrupted(self, target, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 4:
            with open(target, "wb") as handle:  # half a file, then the user presses Ctrl-C
                handle.write(b"\x89PNG partial")
            raise KeyboardInterrupt
        return original(self, target, *args, **kwargs)

    monkeypatch.setattr(matplotlib.figure.Figure, "savefig", interrupted)
    with pytest.raises(KeyboardInterrupt):
        plots.export_all(seed_analysis, tmp_path)
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert after == before  # every file complete and as it was; no temporary left behind


marks = st.sampled_from(list("“”‘’\"'«»„ \n\n.,:;!?—") + ["\x00", "\x07", "\u200b", "é", "中", "😀", " said ", " told ", "\r\n"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(marks, st.text(max_size=8), st.sampled_from(["The minister", "Ana Ruiz", "he", "according to"])),
                max_size=40).map("".join))
def test_random_text_never_raises_anything_else(nlp, text):
    try:
        analysis = newsvoices.analyze(text, nlp=nlp)
    except NewsvoicesError:
        return
    for row in analysis.statements.itertuples():
        assert 0 <= row.content_start <= row.content_end <= len(text)
