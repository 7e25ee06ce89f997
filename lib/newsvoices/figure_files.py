"""Figure files: every figure of an article as PNG (220 dpi), SVG and PDF, beside its tables as
CSV and one Excel workbook, under figures/<article>/. Part of `plots`' API (`plots.export_all`).

Each file is written to a temporary name and renamed, so an interrupted run leaves no
half-written file, and the same figure gives the same bytes."""
from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import matplotlib.text

from .files import atomic_path, remove_stale_temporaries
from .output_text import clean_figure_text

METADATA = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None},
            "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None}}


def figure_dir(article, directory: str | Path | None = None, root: str | Path = "figures") -> Path:
    """`directory` if given, else <root>/<name>/, where the name is the article's slug unless
    that folder holds another file's outputs (see `outputs.output_name`)."""
    from .outputs import output_name

    return Path(directory) if directory is not None else Path(root) / output_name(article, root)


def save_figure(fig, name: str, article, directory: str | Path | None = None, formats=("png", "svg", "pdf")) -> list[Path]:
    """Write `fig` as PNG (220 dpi), SVG and PDF under figures/<article-slug>/ (or `directory`)."""
    from .plots import style

    folder = figure_dir(article, directory)
    written = []
    clean_figure_text(fig)
    layout = fig.get_layout_engine()
    with style():
        for fmt in formats:
            path = folder / f"{name}.{fmt}"
            with atomic_path(path) as temporary, plt.rc_context({"pdf.fonttype": pdf_font_type(fig)}):
                fig.savefig(temporary, format=fmt, dpi=220, metadata=METADATA[fmt])
            written.append(path)
            # the layout is settled by the first file; the others keep it rather than redo it
            fig.set_layout_engine("none")
    fig.set_layout_engine(layout)
    return written


def pdf_font_type(fig) -> int:
    """Type 3 when every letter and digit of the figure's text is in Latin-1, else TrueType
    (Type 42). Both keep text as text, but matplotlib's Type 3 holds only the first 256
    characters and draws the others as shapes, which no reader can search: harmless for a minus
    sign or a curly quote, not for a name in another script. Type 42 costs about three times as
    much to write, since fontTools subsets the whole font for each file."""
    texts = [t.get_text() for t in fig.findobj(matplotlib.text.Text)]
    return 3 if all(ord(c) < 256 or not c.isalnum() for text in texts for c in text) else 42


def export_all(analysis, directory: str | Path | None = None, root: str | Path = "figures") -> dict[str, list[Path]]:
    """Every figure and the statements, speakers, affiliations and entities tables as CSV and
    as one Excel workbook (`tables.xlsx`, a sheet each), in `directory` or <root>/<name>/.
    Returns the files written, by figure or table name."""
    from .exports import write_csv, write_workbook
    from .outputs import claim
    from .plots import all_figures

    folder = figure_dir(analysis.article, directory, root)
    remove_stale_temporaries(folder)
    if directory is None:
        claim(folder, analysis.article)
    written = {}
    for name, fig in all_figures(analysis).items():
        written[name] = save_figure(fig, name, analysis.article, folder)
        plt.close(fig)
    tables = {"statements": analysis.statements, "speakers": analysis.speakers,
              "affiliations": analysis.affiliations, "entities": analysis.entity_counts}
    for name, table in tables.items():
        written[f"{name}.csv"] = [write_csv(folder / f"{name}.csv", table)]
    written["tables.xlsx"] = [write_workbook(folder / "tables.xlsx", tables)]
    return written


def show(written: dict[str, list[Path]], name: str):
    """The PNG that `export_all` wrote for figure `name`, for display in a notebook: the figure
    as it was saved, without drawing it again (retina: shown at half its 220-dpi pixel size)."""
    from IPython.display import Image

    png = next((p for p in written.get(name, []) if p.suffix == ".png"), None)
    if png is None:
        raise KeyError(f"no PNG was written for {name!r}; written: {', '.join(sorted(written))}")
    return Image(filename=str(png), retina=True, alt=name.replace("_", " "))
