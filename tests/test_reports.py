import re

import nbformat

from conftest import ROOT, SEED
from newsvoices.reports import run_report


def test_report_runs_twice_with_identical_figures(tmp_path):
    for run in ("one", "two"):
        notebook, html = run_report(SEED, tmp_path / run / "reports", tmp_path / run / "figures")
        assert notebook.exists() and html.exists()
    one = sorted((tmp_path / "one" / "figures").rglob("*.*"))
    two = sorted((tmp_path / "two" / "figures").rglob("*.*"))
    assert [p.name for p in one] == [p.name for p in two] and len(one) >= 22
    for a, b in zip(one, two):
        assert a.read_bytes() == b.read_bytes(), a.name
    executed = nbformat.read(notebook, as_version=4)
    assert not [o for c in executed.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert "Antony Blinken" in html.read_text(encoding="utf-8")


def test_hostile_article_leaves_no_live_markup(tmp_path):
    article = tmp_path / "hostile.txt"
    article.write_text("“<script>alert('x')</script> and <img src=x onerror=alert(1)> and {{ 7*7 }}”, "
                       "the mayor said.\n\nThe council said the plan would go ahead.\n", encoding="utf-8")
    _, html = run_report(article, tmp_path / "reports", tmp_path / "figures")
    page = html.read_text(encoding="utf-8")
    assert "alert('x')</script>" not in page and "<img src=x" not in page
    for svg in (tmp_path / "figures").rglob("*.svg"):
        text = svg.read_text(encoding="utf-8")
        assert "<script" not in text and "<img" not in text


def test_notebooks_are_paired_with_their_scripts():
    import jupytext

    for name in ("01_explore_article", "02_compare_articles"):
        notebook = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
        script = jupytext.read(ROOT / "notebooks" / f"{name}.py")
        assert [c.source for c in notebook.cells] == [c.source for c in script.cells], name
        assert notebook.metadata["kernelspec"]["name"] == "python3"
        tagged = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(tagged) == 1


def test_make_run_with_spaces_and_brackets_writes_a_clean_report(tmp_path):
    """`make run ARTICLE=...` with spaces, brackets, a quote and a $ in the path; the HTML report
    has no code cell, no parameters and no absolute path; the full notebook has the code."""
    import shutil
    import subprocess

    from newsvoices.reports import notebook_html

    folder = tmp_path / "My (draft) [v2]"
    folder.mkdir()
    article = folder / "It's a $test (1).txt"
    shutil.copy(SEED, article)
    run = subprocess.run(["make", "-s", "run", f"ARTICLE={article}", f"REPORTS={tmp_path / 'reports'}",
                          f"FIGURES={tmp_path / 'figures'}"], cwd=ROOT, capture_output=True, text=True, timeout=600,
                         check=False)
    assert run.returncode == 0, run.stderr
    assert "Statements: 16" in run.stdout and "Antony Blinken" in run.stdout
    assert "TCP" not in run.stdout + run.stderr
    html_path = tmp_path / "reports" / "it-s-a-test-1.html"
    page = html_path.read_text(encoding="utf-8")
    assert "Antony Blinken" in page and page.count("<img") >= 7
    for leak in ("import newsvoices", "article_path", "figures_root", str(tmp_path), str(ROOT), "/home/"):
        assert leak not in page, leak
    assert not re.search(r'class="[^"]*jp-InputPrompt', page)  # no input prompt (the CSS still names the class)
    assert "Tokens" not in page and "displacy" not in page.lower()
    assert "\\n\\n" not in page  # the cue table shows a quotation over paragraphs as one text
    assert len(list((tmp_path / "figures" / "it-s-a-test-1").glob("*.png"))) == 7
    full = notebook_html(nbformat.read(tmp_path / "reports" / "it-s-a-test-1.ipynb", as_version=4), with_code=True)
    code = re.sub(r"<[^>]+>", "", full)  # the code is highlighted: one span per word
    assert "import newsvoices" in code and "Tokens" in full
