"""Hostile and broken input (issue 17): one test per numbered case of the issue's "Why", and a
property test over article-shaped text. Each test asserts on real outputs."""
import os
import subprocess
import sys
import warnings

import pytest

import newsvoices
from conftest import ROOT, SEED
from newsvoices.errors import ArticleUnreadableError, NewsvoicesWarning

SAID = 'Jane Doe said "we will never negotiate."\n'


def run_cli(*args, cwd=ROOT, timeout=120):
    return subprocess.run([sys.executable, "-m", "newsvoices", *args], capture_output=True, text=True, cwd=cwd,
                          check=False, timeout=timeout)


cli = run_cli


def one_line_error(result, match=None):
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = [line for line in result.stderr.splitlines() if not line.startswith("newsvoices: warning")]
    assert len(lines) == 1 and lines[0].startswith("newsvoices: "), result.stderr
    assert "Traceback" not in result.stderr
    if match:
        assert match in lines[0], lines[0]


# ---------------------------------------------------------------- 1. a FIFO hangs forever

def test_1_fifo_is_refused_before_any_read(tmp_path):
    fifo = tmp_path / "f.txt"
    os.mkfifo(fifo)
    with pytest.raises(ArticleUnreadableError, match="FIFO"):
        newsvoices.analyze(path=fifo)
    one_line_error(run_cli("analyze", str(fifo)), "FIFO")  # the timeout makes a hang a failure
    one_line_error(run_cli("report", str(fifo), "--reports", str(tmp_path / "r")), "FIFO")
    (tmp_path / "good.txt").write_text(SAID, encoding="utf-8")
    result = run_cli("quotes", str(tmp_path), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "skipped f.txt" in result.stderr and "FIFO" in result.stderr
    assert (tmp_path / "out" / "good.json").exists()


def test_1_device_is_refused():
    with pytest.raises(ArticleUnreadableError, match="character device"):
        newsvoices.analyze(path="/dev/zero")


# ---------------------------------------------------------------- 5. text read as a file

def test_5_text_is_never_read_as_a_file(tmp_path, nlp):
    secret = tmp_path / "secret.txt"
    secret.write_text('The clerk said "the vault code is 1234."\n', encoding="utf-8")
    as_text = newsvoices.analyze(text=str(secret), nlp=nlp)
    assert as_text.article.text == str(secret) and as_text.article.path is None
    with pytest.warns(FutureWarning, match="path="):
        legacy = newsvoices.analyze(str(secret), nlp=nlp)
    assert "vault code" in legacy.article.text
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        explicit = newsvoices.analyze(path=str(secret), nlp=nlp)
        from_path = newsvoices.analyze(secret, nlp=nlp)
    assert explicit.article.text == from_path.article.text == secret.read_text(encoding="utf-8")
    with pytest.raises(TypeError):
        newsvoices.analyze(text=str(secret), path=secret)


# ---------------------------------------------------------------- 2. HTML of <div>s loses its body

def test_2_html_of_divs_and_loose_text_keeps_the_body(tmp_path, nlp):
    page = tmp_path / "d.html"
    page.write_text('<html><body><h1>T</h1>\n<div>Jane Doe said "we will never negotiate."</div></body></html>', encoding="utf-8")
    analysis = newsvoices.analyze(path=page, nlp=nlp)
    assert analysis.statements["content"].tolist() == ["we will never negotiate."]  # no closing mark (Why 10)
    loose = tmp_path / "loose.html"
    loose.write_text("<html><body><nav>Home | World</nav><article>Loose text opens the story, the mayor said."
                     "<section><p>A <b>bold</b> claim.</p></section> A tail, too.<footer>(c) Site</footer></article>"
                     "<aside>Most read</aside><form>Subscribe</form><script>var said = 1;</script></body></html>",
                     encoding="utf-8")
    text = newsvoices.load_article(path=loose).text
    assert text.split("\n\n") == ["Loose text opens the story, the mayor said.", "A bold claim.", "A tail, too."]


def test_2_html_with_less_than_a_sentence_warns(tmp_path):
    page = tmp_path / "empty.html"
    page.write_text("<html><body><nav>Home</nav><div id='app'>Loading…</div><script>render()</script></body></html>",
                    encoding="utf-8")
    with pytest.warns(NewsvoicesWarning, match="less than a sentence"):
        newsvoices.load_article(path=page)


# ---------------------------------------------------------------- 3. CSV formula injection

def test_3_csv_cells_are_neutralised_parquet_and_json_keep_the_text(tmp_path, nlp):
    import json

    import pandas as pd

    from newsvoices import corpus, plots

    article = tmp_path / "clerk.txt"
    article.write_text('Town notes\n\n"+cmd|calc" is here, said the clerk. "=HYPERLINK(1)" was next, said the clerk.\n',
                       encoding="utf-8")
    analysis = newsvoices.analyze(path=article, nlp=nlp)
    contents = analysis.statements["content"].tolist()
    assert "+cmd|calc" in contents
    plots.export_all(analysis, tmp_path / "figures")
    written = pd.read_csv(tmp_path / "figures" / "statements.csv")["content"].tolist()
    assert "'+cmd|calc" in written and not any(str(cell).startswith(("=", "+", "-", "@")) for cell in written)
    result = corpus.analyze_corpus(tmp_path, nlp=nlp, progress=False)
    result.export(tmp_path / "out")
    csv_cells = pd.read_csv(tmp_path / "out" / "statements.csv")["content"].tolist()
    assert "'+cmd|calc" in csv_cells
    assert "+cmd|calc" in pd.read_parquet(tmp_path / "out" / "statements.parquet")["content"].tolist()
    out = run_cli("quotes", str(article), "--json")
    assert "+cmd|calc" in [record["content"] for record in json.loads(out.stdout)]


# ---------------------------------------------------------------- 4. terminal escape injection

def test_4_terminal_summary_strips_escape_sequences(tmp_path, nlp):
    from newsvoices.cli import summary

    article = tmp_path / "esc.txt"
    article.write_text("City \x1b[2K\x1b]0;owned\x07Hall \x1b]8;;http://evil\x1b\\Vote\x1b]8;;\x1b\\\n\n" + SAID, encoding="utf-8")
    result = run_cli("analyze", "--no-figures", str(article))
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "Article: esc — City Hall Vote" in result.stdout and "Doe" in result.stdout
    analysis = newsvoices.analyze(path=article, nlp=nlp)
    analysis.speakers["speaker"] = "Jane \x1b[31mDoe\x1b[0m\x1b]0;title\x07\r\nnext"
    printed = summary(analysis)
    assert "Jane Doe next" in printed and not any(ch in printed for ch in "\x1b\x07\r")


# ---------------------------------------------------------------- 6. U+FEFF and controls in the writers

@pytest.mark.parametrize("poison", ["\ufeff", "\x1b", "\x07", "\x00"])
def test_6_every_writer_handles_controls_and_bom(tmp_path, nlp, poison):
    import xml.dom.minidom

    import pandas as pd

    from newsvoices import plots
    from newsvoices.highlight import article_html, entities_html

    text = f"City{poison} hall\n\nJane{poison} Doe said \"no{poison} deal.\"\n"
    analysis = newsvoices.analyze(text=text, nlp=nlp)
    written = plots.export_all(analysis, tmp_path / "figures")
    assert len(written) == len(plots.FIGURES) + 5 and all(path.exists() for paths in written.values() for path in paths)
    for svg in (tmp_path / "figures").glob("*.svg"):
        xml.dom.minidom.parse(str(svg))  # valid XML
    for pdf in (tmp_path / "figures").glob("*.pdf"):
        assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000
    cells = pd.read_csv(tmp_path / "figures" / "statements.csv", dtype=str, keep_default_na=False).to_numpy().ravel()
    assert not any(poison in cell for cell in cells)
    for page in (article_html(analysis), entities_html(analysis)):
        assert poison not in page and "hall" in page


# ---------------------------------------------------------------- 10 (Why). output errors (a read-only, full or blocked --figures folder)

def test_10_output_errors_are_one_line_and_keep_earlier_files(tmp_path, monkeypatch, nlp):
    from newsvoices import plots
    from newsvoices.errors import OutputError

    article = tmp_path / "a.txt"
    article.write_text(SAID, encoding="utf-8")
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    one_line_error(run_cli("analyze", str(article), "--figures", str(blocker / "sub")), "Cannot write")
    analysis = newsvoices.analyze(path=article, nlp=nlp)
    from newsvoices import files

    calls = {"n": 0}
    original = files.os.replace

    def full_disk_after_three(source, target):
        calls["n"] += 1
        if calls["n"] > 3:
            raise OSError(28, "No space left on device")
        return original(source, target)

    monkeypatch.setattr(files.os, "replace", full_disk_after_three)
    with pytest.raises(OutputError, match="no space left"):
        plots.export_all(analysis, tmp_path / "figures")
    kept = sorted(p.name for p in (tmp_path / "figures").iterdir())
    assert kept == ["share_of_voice.pdf", "share_of_voice.png", "share_of_voice.svg"]  # intact, no temporaries


# ---------------------------------------------------------------- 8 (Why). one bad byte garbles the whole file

def test_8_decoding_is_per_file_but_bad_bytes_stay_local(tmp_path):
    from newsvoices.errors import EmptyArticleError

    mixed = tmp_path / "mixed.txt"
    mixed.write_bytes("“Good,” she said.\n\n".encode() + "“Bad,” he said.\n".encode("cp1252"))
    with pytest.warns(NewsvoicesWarning, match="line 3"):
        article = newsvoices.load_article(path=mixed)
    assert article.text == "“Good,” she said.\n\n“Bad,” he said.\n" and article.encoding == "utf-8"
    utf32 = tmp_path / "utf32.txt"
    utf32.write_bytes("“Yes,” she said.\n".encode("utf-32"))
    assert newsvoices.load_article(path=utf32).text == "“Yes,” she said.\n"
    noise = tmp_path / "noise.txt"
    noise.write_bytes(bytes((i * 37 + 11) % 256 for i in range(20000)).replace(b"\x00", b"\x01"))
    with pytest.raises(ArticleUnreadableError, match="binary"):
        newsvoices.load_article(path=noise)
    invisible = tmp_path / "zw.txt"
    invisible.write_text("\u200b\u200c\u200d\ufeff" * 50, encoding="utf-8")
    with pytest.raises(EmptyArticleError):
        newsvoices.load_article(path=invisible)
    one_line_error(run_cli("analyze", str(invisible)), "empty")


# ---------------------------------------------------------------- 9 (Why). silent loss in corpus mode

def test_9_corpus_lists_every_skipped_entry_and_keeps_ids_unique(tmp_path, nlp):
    from newsvoices import corpus

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "sub").mkdir()
    (folder / "sub" / "inner.txt").write_text(SAID, encoding="utf-8")
    os.symlink(folder / "loop", folder / "loop")
    os.mkfifo(folder / "pipe.txt")
    (folder / "notes.docx").write_bytes(b"not an article")
    (folder / "metadata.csv").write_text("file,outlet\nstory.txt,The Daily\n", encoding="utf-8")
    (folder / "story.corrections.csv").write_text("action,statement,value\n", encoding="utf-8")
    for name in ("LOUD.TXT", "story.txt", "story.md", "story.html", "Story A.txt", "story-a.txt"):
        (folder / name).write_text(SAID.replace("Jane Doe", name.split(".")[0].title() + " Smith"), encoding="utf-8")
    result = corpus.analyze_corpus(folder, nlp=nlp, progress=False)
    reasons = {os.path.basename(f.source): f.message for f in result.failures}
    assert set(reasons) == {"sub", "loop", "pipe.txt", "notes.docx"}  # metadata and corrections are read, not skipped
    assert "folder" in reasons["sub"] and "link loop" in reasons["loop"] and "FIFO" in reasons["pipe.txt"]
    assert "unsupported extension .docx" in reasons["notes.docx"]
    ids = result.articles["article"].tolist()
    assert len(ids) == 6 and len(set(ids)) == 6 and "LOUD" in ids
    assert {"story.txt", "story.md", "story.html"} <= set(ids)
    slugs = {newsvoices.article.slugify(i) for i in ids}
    assert len(slugs) == 6  # so figures/<slug>/ folders never overwrite each other
    assert result.statements.groupby("article").size().eq(1).all()


def test_9_a_lone_surrogate_is_not_fatal_whatever_n_process(nlp):
    from newsvoices import corpus

    texts = ['The mayor said "the bridge \ud800 is safe."', 'Jane Doe said "we will never negotiate."']
    for n_process in (1, 2):
        with pytest.warns(NewsvoicesWarning, match="surrogate"):
            result = corpus.analyze_corpus(texts, nlp=nlp, n_process=n_process, progress=False)
        assert len(result.articles) == 2 and not result.failures, (n_process, result.failures)
        assert "\ufffd" in " ".join(result.statements["content"])


# ---------------------------------------------------------------- 7. cost grows faster than the input

def test_7_no_statement_is_lost_at_a_cut_and_offsets_stay_exact(monkeypatch, nlp):
    from newsvoices import nlp as nlp_module
    from newsvoices import segments

    seed = " ".join(SEED.read_text(encoding="utf-8").split())  # no paragraphs, no line breaks
    text = " ".join([seed] * 3)
    whole = newsvoices.analyze(text=text, nlp=nlp).statements  # short enough to be read in one piece
    monkeypatch.setattr(nlp_module, "CHUNK_CHARS", 2_500)
    monkeypatch.setattr(segments, "SEGMENT_CHARS", 3_000)
    monkeypatch.setattr(segments, "OVERLAP_CHARS", 800)
    assert len(segments.segments(text)) >= 4
    cut = newsvoices.analyze(text=text, nlp=nlp, name="cut").statements
    assert len(whole) == 48 and cut["content"].tolist() == whole["content"].tolist()
    assert all(text[r.content_start:r.content_end] == r.content for r in cut.itertuples())
    assert (cut["speaker"] == whole["speaker"]).mean() >= 0.9


def test_7_max_chars_and_memory_errors_are_one_line(tmp_path, monkeypatch, capsys, nlp):
    from newsvoices import cli as command_line
    from newsvoices import pipeline
    from newsvoices.errors import ArticleTooLongError

    with pytest.raises(ArticleTooLongError, match="max_chars=50"):
        newsvoices.analyze(text="The mayor said the bridge is safe. " * 10, max_chars=50)
    article = tmp_path / "a.txt"
    article.write_text(SAID * 5, encoding="utf-8")
    one_line_error(run_cli("analyze", "--no-figures", "--max-chars", "100", str(article)), "more than max_chars=100")
    one_line_error(run_cli("analyze", "--no-figures", "--max-chars", "10", str(article)), "more than max_chars allows")

    def out_of_memory(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(pipeline, "find_entities", out_of_memory)
    assert command_line.main(["analyze", "--no-figures", str(article)]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "Ran out of memory" in error and f"{len(SAID * 5):,} characters" in error


# ---------------------------------------------------------------- 10. the smaller ones

def test_10_report_on_a_path_with_a_newline_reads_the_file_and_no_mathjax(tmp_path):
    from newsvoices.reports import run_report

    article = tmp_path / "odd\nname.txt"
    article.write_text('Budget talks\n\nThe treasurer said "it costs $5 and $10 a head."\n', encoding="utf-8")
    _, html = run_report(article, tmp_path / "reports", tmp_path / "figures")
    page = html.read_text(encoding="utf-8")
    assert "costs $5 and $10 a head" in page  # the article was read, not the path string
    assert "MathJax" not in page and "tex2jax_ignore" in page


def test_10_stale_temporaries_are_removed_and_fresh_ones_kept(tmp_path, nlp):
    import time

    from newsvoices import plots

    folder = tmp_path / "figures"
    folder.mkdir()
    stale, fresh = folder / ".timeline.svg.abcd1234.tmp", folder / ".timeline.svg.live5678.tmp"
    stale.write_text("half", encoding="utf-8")
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    fresh.write_text("being written", encoding="utf-8")
    os.utime(fresh, (time.time() + 60, time.time() + 60))
    plots.export_all(newsvoices.analyze(text=SAID, nlp=nlp), folder)
    assert not stale.exists() and fresh.exists()


def test_10_lone_cr_front_matter_and_closing_marks(tmp_path, nlp):
    old_mac = tmp_path / "mac.txt"
    old_mac.write_bytes(b"Ferry news\r\rThe mayor said the ferry would run.\rThe council agreed.\r")
    article = newsvoices.load_article(path=old_mac)
    assert [p.text for p in article.paragraphs] == ["Ferry news", "The mayor said the ferry would run.\nThe council agreed."]
    assert len(article.text) == len(old_mac.read_bytes())  # one character for one: offsets do not move
    front = tmp_path / "story.md"
    front.write_text("---\ntitle: 'Ferry to resume'\nauthor: A. Writer\n---\nThe mayor said the ferry would run.\n",
                     encoding="utf-8")
    article = newsvoices.load_article(path=front)
    assert article.title == "Ferry to resume" and "author" not in article.text
    assert article.text.startswith("The mayor said")
    said = newsvoices.analyze(text="Jane Doe said “we will never negotiate.”\n", nlp=nlp).statements
    assert said["content"].tolist() == ["we will never negotiate."]
    # a quotation opening the reported clause stays in the statement, whatever it starts with
    formula = newsvoices.analyze(text='The clerk said "=HYPERLINK(1)" was the only entry.\n', nlp=nlp).statements
    assert formula["content"].tolist() == ['"=HYPERLINK(1)" was the only entry']
    quoted = newsvoices.analyze(text='The clerk said "the deal" was the only option.\n', nlp=nlp).statements
    assert quoted["content"].tolist() == ['"the deal" was the only option'] and quoted["kind"].tolist() == ["mixed"]


# ---------------------------------------------------------------- property: article-shaped text

def _article_shaped():
    from hypothesis import strategies as st

    names = st.sampled_from(["Jane Doe", "Mr. Lee", "the minister", "Anna Lee", "a senior official", "=cmd", "Dr. Ruiz"])
    cues = st.sampled_from(["said", "told reporters", "added", "warned", "says"])
    words = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Zs", "Cc", "Cf", "S")),
                    min_size=1, max_size=40)
    marks = st.sampled_from([("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»"), ("''", "''"), ("“", ""), ("", "”")])
    quoted = st.builds(lambda m, w, n, c: f"{m[0]}{w}{m[1]} {n} {c}.", marks, words, names, cues)
    reported = st.builds(lambda n, c, w: f"{n} {c} that {w}.", names, cues, words)
    sentence = st.one_of(quoted, reported, words, st.sampled_from(["\ufeff", "\x1b[31m", "\x00", "$x$", "\r", "\u202e"]))
    paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
    return st.lists(paragraph, min_size=1, max_size=6).map(lambda ps: "\n\n".join(ps))


def test_property_article_shaped_text_never_raises_and_offsets_stay_exact(nlp, tmp_path_factory):
    from hypothesis import HealthCheck, given, settings

    from newsvoices import plots
    from newsvoices.errors import EmptyArticleError

    folder = tmp_path_factory.mktemp("property-figures")

    @settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(_article_shaped())
    def check(text):
        try:
            analysis = newsvoices.analyze(text=text, nlp=nlp)
        except EmptyArticleError:
            assert not any(ch.isprintable() and not ch.isspace() for ch in text)
            return
        shown = analysis.article.text
        assert len(shown) == len(text)
        for row in analysis.statements.itertuples():
            assert shown[row.content_start:row.content_end] == row.content
        for row in analysis.entities.itertuples():
            assert shown[row.start_char:row.end_char] == row.text
        written = plots.export_all(analysis, folder)
        assert all(path.stat().st_size > 0 for paths in written.values() for path in paths)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        check()
