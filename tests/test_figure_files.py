"""Figure files (newsvoices.figure_files, part of plots' API): formats, fonts, layout, display."""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

from newsvoices import plots


@pytest.mark.parametrize(("label", "font_type"), [
    ("Jane Doe \u2212 \u201cno\u201d \u2014 caf\u00e9", 3),  # Latin-1 letters; a minus, curly quotes, a dash
    ("\u0141ukasz Nowak", 42),  # a letter beyond Latin-1: Type 3 would draw it as a shape
    ("\u674e\u5a1c", 42),
])
def test_pdf_font_type_keeps_every_letter_searchable(label, font_type):
    fig, ax = plt.subplots()
    ax.set_title(label)
    assert plots.pdf_font_type(fig) == font_type
    plt.close(fig)


def test_saving_keeps_the_figures_own_layout(tmp_path, seed_analysis):
    fig = plots.share_of_voice(seed_analysis)
    engine = fig.get_layout_engine()
    written = plots.save_figure(fig, "share_of_voice", seed_analysis.article, tmp_path)
    assert [p.suffix for p in written] == [".png", ".svg", ".pdf"] and all(p.stat().st_size > 1000 for p in written)
    assert fig.get_layout_engine() is engine  # a user's figure is left as it was
    plt.close(fig)


def test_show_displays_the_saved_png(tmp_path, seed_analysis):
    written = plots.export_all(seed_analysis, tmp_path)
    image = plots.show(written, "timeline")
    assert image.data == (tmp_path / "timeline.png").read_bytes() and image.alt == "timeline"
    with pytest.raises(KeyError, match="no PNG was written for 'timelines'"):
        plots.show(written, "timelines")
