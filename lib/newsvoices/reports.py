"""The main job: run notebook 01 headless on an article (papermill) and export it as HTML
(nbconvert), beside the figures. Both files are written atomically.

The HTML report is for pasting into a newsroom document: no code cells, no parameters or
paths, and the cells tagged `report-hide` (tokens, entities, how-to sections) left out;
figures at full width. `with_code=True` exports the whole notebook instead. PDF is not
offered: nbconvert's PDF needs LaTeX, and its webpdf a Chromium browser (playwright), and
neither is part of the install; print the HTML page to PDF from a browser instead."""
from __future__ import annotations

import html as html_escape
import sys
import threading
from importlib import import_module
from pathlib import Path

from .article import load_article
from .errors import NewsvoicesError
from .files import atomic_path, remove_stale_temporaries, write_text
from .output_text import for_terminal

# The notebook lives in the project (the package is installed editable from it); a copy
# elsewhere can be passed to run_report.
NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "01_explore_article.ipynb"
HIDDEN_TAGS = {"report-hide", "parameters", "injected-parameters"}
REPORT_CSS = """<style>
.jp-OutputArea-output img, .jp-RenderedImage img { width: 100% !important; max-width: 100% !important; height: auto; }
.jp-RenderedHTMLCommon table { font-size: 0.85em; }
.jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th { text-align: left; vertical-align: top; }
body { max-width: 60rem; margin: 0 auto; }
</style>
"""


class ReportError(NewsvoicesError):
    pass


class Summary:
    """What notebook 01 shows first: the headline and summary as HTML in the notebook and the
    report, and as the terminal summary in plain text (which `make run` prints)."""

    def __init__(self, analysis):
        self.analysis = analysis

    def _repr_html_(self) -> str:
        return summary_html(self.analysis)

    def __repr__(self) -> str:
        from .cli import summary

        return summary(self.analysis)


def executed_summary(executed) -> str | None:
    """The plain-text summary printed by the cell tagged `summary` of an executed notebook."""
    for cell in executed.cells:
        if "summary" in cell.metadata.get("tags", []):
            for output in cell.get("outputs", []):
                text = output.get("data", {}).get("text/plain")
                if text:
                    return text if isinstance(text, str) else "".join(text)
    return None


def summary_html(analysis) -> str:
    """Headline and one-paragraph summary of an analysis, as escaped HTML (for notebook 01)."""
    article, statements, speakers = analysis.article, analysis.statements, analysis.speakers
    kinds = statements["kind"].value_counts().to_dict() if len(statements) else {}
    parts = [(f"{len(article.paragraphs)} paragraphs, {len(statements)} attributed statements "
             f"({', '.join(f'{v} {k}' for k, v in kinds.items()) or 'none'}) from {len(speakers)} speakers.")]
    if len(speakers):
        top = speakers.iloc[0]
        parts.append(f"Most quoted: {top['speaker']} ({top['statements']}).")
    if analysis.corrections is not None:
        parts.append(f"{len(analysis.corrections.applied)} corrections applied"
                     + (f", {len(analysis.corrections.stale)} no longer match." if analysis.corrections.stale else "."))
    meta = getattr(article, "metadata", None)
    byline = ", ".join(str(v) for v in (getattr(meta, "outlet", None), getattr(meta, "date", None)) if v)
    escape = html_escape.escape
    return (f'<h1 class="tex2jax_ignore">{escape(article.display_name(200))}</h1>'
            + (f"<p><em>{escape(byline)}</em></p>" if byline else "")
            + f'<p class="tex2jax_ignore">{escape(" ".join(parts))}</p>')


def run_report(article_path: str | Path, reports_dir: str | Path = "reports", figures_root: str | Path = "figures",
               notebook: str | Path = NOTEBOOK, timeout: int = 600, with_code: bool = False,
               corrections: str | Path | None = None) -> tuple[Path, Path]:
    """Execute the explore notebook on one article; return the executed notebook and HTML paths."""
    # jsonschema (under nbformat) imports rfc3987_syntax when it is installed, which compiles a
    # grammar for about 1.6 s, only to check "iri" string formats that notebooks never use
    sys.modules.setdefault("rfc3987_syntax", None)
    import nbformat

    from .outputs import output_name

    article_path = Path(article_path).resolve()
    article = load_article(path=article_path)  # fails early, in one line, on a bad file
    notebook = Path(notebook)
    if not notebook.exists():
        raise ReportError(f"Notebook not found: {notebook}")
    if corrections is not None and not Path(corrections).is_file():
        raise ReportError(f"No such corrections file: {corrections}")
    reports_dir = Path(reports_dir)
    remove_stale_temporaries(reports_dir)
    name = output_name(article, figures_root)  # the figures' folder name, so the two never disagree
    executed_path = reports_dir / f"{name}.ipynb"
    html_path = reports_dir / f"{name}.html"
    parameters = {"article_path": str(article_path), "figures_root": str(Path(figures_root).resolve()),
                  "corrections_path": str(Path(corrections).resolve()) if corrections else None}
    # nbconvert takes seconds to import: do it on the other core while the kernel works
    exporter_import = threading.Thread(target=import_module, args=("nbconvert",), daemon=True)
    exporter_import.start()
    _execute(notebook, executed_path, parameters, timeout, article_path.name)
    exporter_import.join()
    executed = nbformat.read(executed_path, as_version=4)
    write_text(html_path, notebook_html(executed, with_code))
    return executed_path, html_path


def _execute(notebook: Path, executed_path: Path, parameters: dict, timeout: int, what: str) -> None:
    import papermill

    with atomic_path(executed_path) as temporary:
        output = temporary.with_suffix(".ipynb")
        try:
            # The kernel listens on localhost only, for this one run; its "running over TCP without
            # encryption" notice (a log line of the kernel process) would only alarm users.
            papermill.execute_notebook(str(notebook), str(output), parameters=parameters, cwd=str(notebook.parent),
                                       kernel_name="python3", progress_bar=False, execution_timeout=timeout,
                                       log_output=False, extra_arguments=["--IPKernelApp.log_level=ERROR"])
            output.replace(temporary)
        except papermill.PapermillExecutionError as exc:
            raise ReportError(f"The notebook failed on {for_terminal(what)}: {exc.ename}: {for_terminal(exc.evalue)}") from None
        finally:
            output.unlink(missing_ok=True)  # interrupted or failed: leave nothing half-written behind


def notebook_html(executed, with_code: bool = False) -> str:
    """An executed notebook as an HTML page: the clean report, or the whole notebook with code."""
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    config = Config()
    if not with_code:
        config.TagRemovePreprocessor.enabled = True
        config.TagRemovePreprocessor.remove_cell_tags = HIDDEN_TAGS
        config.HTMLExporter.exclude_input = True
        config.HTMLExporter.exclude_input_prompt = True
        config.HTMLExporter.exclude_output_prompt = True
    exporter = HTMLExporter(template_name="lab", config=config)
    body, _ = exporter.from_notebook_node(executed)
    body = without_mathjax(body)
    if not with_code:
        body = body.replace("</head>", REPORT_CSS + "</head>", 1)
    return body


def without_mathjax(page: str) -> str:
    """The HTML report without MathJax: the notebook has no mathematics, and MathJax would
    typeset "$5 and $10" in a quotation as a formula (and load a script from a CDN)."""
    start, end = page.find("<!-- Load mathjax -->"), page.find("<!-- End of mathjax configuration -->")
    if start < 0 or end < start:
        return page
    return page[:start] + page[end + len("<!-- End of mathjax configuration -->"):]
