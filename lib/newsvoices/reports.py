"""The main job: run notebook 01 headless on an article (papermill) and export it as HTML
(nbconvert), beside the figures. Both files are written atomically."""
from __future__ import annotations

from pathlib import Path

from .article import load_article
from .errors import NewsvoicesError
from .files import atomic_path, remove_stale_temporaries, write_text

# The notebook lives in the project (the package is installed editable from it); a copy
# elsewhere can be passed to run_report.
NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "01_explore_article.ipynb"


class ReportError(NewsvoicesError):
    pass


def run_report(article_path: str | Path, reports_dir: str | Path = "reports", figures_root: str | Path = "figures",
               notebook: str | Path = NOTEBOOK, timeout: int = 600) -> tuple[Path, Path]:
    """Execute the explore notebook on one article; return the executed notebook and HTML paths."""
    import nbformat
    import papermill
    from nbconvert import HTMLExporter

    article_path = Path(article_path).resolve()
    article = load_article(path=article_path)  # fails early, in one line, on a bad file
    notebook = Path(notebook)
    if not notebook.exists():
        raise ReportError(f"Notebook not found: {notebook}")
    reports_dir = Path(reports_dir)
    remove_stale_temporaries(reports_dir)
    executed_path = reports_dir / f"{article.slug}.ipynb"
    html_path = reports_dir / f"{article.slug}.html"
    with atomic_path(executed_path) as temporary:
        output = temporary.with_suffix(".ipynb")
        try:
            papermill.execute_notebook(
                str(notebook), str(output),
                parameters={"article_path": str(article_path), "figures_root": str(Path(figures_root).resolve())},
                cwd=str(notebook.parent), kernel_name="python3", progress_bar=False, execution_timeout=timeout,
            )
            output.replace(temporary)
        except papermill.PapermillExecutionError as exc:
            raise ReportError(f"The notebook failed on {article_path.name}: {exc.ename}: {exc.evalue}") from None
        finally:
            output.unlink(missing_ok=True)  # interrupted or failed: leave nothing half-written behind
    executed = nbformat.read(executed_path, as_version=4)
    body, _ = HTMLExporter(template_name="lab").from_notebook_node(executed)
    write_text(html_path, without_mathjax(body))
    return executed_path, html_path


def without_mathjax(page: str) -> str:
    """The HTML report without MathJax: the notebook has no mathematics, and MathJax would
    typeset "$5 and $10" in a quotation as a formula (and load a script from a CDN)."""
    start, end = page.find("<!-- Load mathjax -->"), page.find("<!-- End of mathjax configuration -->")
    if start < 0 or end < start:
        return page
    return page[:start] + page[end + len("<!-- End of mathjax configuration -->"):]
