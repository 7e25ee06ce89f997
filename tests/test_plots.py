import xml.etree.ElementTree as ET

import matplotlib.pyplot as plt
import pytest

from newsvoices import plots


@pytest.fixture(scope="module")
def many_speakers(analyze_text):
    first = ["Maria", "John", "Aisha", "Kenji", "Olga", "Pedro", "Fatima", "Liam", "Chen", "Amara",
             "Ivan", "Sofia", "Omar", "Grace", "Ravi", "Elena", "Tariq", "Hannah", "Diego", "Yuki",
             "Samuel", "Leila", "Marco", "Nadia", "Peter", "Zara", "Ahmed", "Clara", "Jonas", "Mei"]
    last = ["Garcia", "Smith", "Okafor", "Tanaka", "Petrova", "Alves", "Haddad", "Murphy", "Wei", "Diallo",
            "Sokolov", "Rossi", "Farouk", "Kim", "Sharma", "Popescu", "Aziz", "Schmidt", "Lopez", "Sato",
            "Mensah", "Karimi", "Bianchi", "Novak", "Larsen", "Malik", "Hassan", "Weber", "Berg", "Lin"]
    text = "\n\n".join(
        f"“The plan number {n} will work out fine in the end, and we are ready to talk,” said {f} {l}, a local official."
        for n, (f, l) in enumerate(zip(first, last)))
    return analyze_text(text)


def bars(ax):
    return [p for p in ax.patches if p.get_width() > 0]


def test_share_of_voice_bars(seed_analysis):
    fig = plots.share_of_voice(seed_analysis)
    ax = fig.axes[0]
    # one bar segment per speaker and statement kind present: Blinken has 3 kinds, Abu Zuhri 2
    expected = sum(int((seed_analysis.speakers[k] > 0).sum()) for k in ("direct", "indirect", "mixed"))
    assert len(bars(ax)) == expected == 10
    assert sum(p.get_width() for p in bars(ax)) == 16
    hatched = [p for p in bars(ax) if p.get_hatch()]
    assert len(hatched) == 3  # three unnamed sources, one segment each
    assert len(ax.get_yticklabels()) == 7
    plt.close(fig)


def test_stance_and_scatter_points(seed_analysis):
    fig = plots.stance_by_speaker(seed_analysis)
    points = sum(len(c.get_offsets()) for c in fig.axes[0].collections)
    assert points == 16
    plt.close(fig)
    fig = plots.stance_vs_sentiment(seed_analysis)
    assert len(fig.axes[0].collections[0].get_offsets()) == 7
    assert len(fig.axes[0].texts) == 7
    plt.close(fig)
    fig = plots.timeline(seed_analysis)
    assert sum(len(c.get_offsets()) for c in fig.axes[0].collections) == 16
    plt.close(fig)


def test_affiliation_and_entity_bars(seed_analysis):
    fig = plots.affiliations(seed_analysis)
    assert len(bars(fig.axes[0])) == len(seed_analysis.affiliations)
    plt.close(fig)
    fig = plots.entities(seed_analysis)
    assert len(bars(fig.axes[0])) == 15
    plt.close(fig)


def _overlaps(fig, texts):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in texts if t.get_text()]
    return [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:] if a.overlaps(b)]


def test_many_speakers_without_overlapping_labels(many_speakers):
    assert len(many_speakers.speakers) == 30
    fig = plots.share_of_voice(many_speakers)
    assert len(bars(fig.axes[0])) == 30
    assert not _overlaps(fig, fig.axes[0].get_yticklabels())
    plt.close(fig)
    fig = plots.stance_vs_sentiment(many_speakers)
    assert len(fig.axes[0].collections[0].get_offsets()) == 30
    labels = [t for t in fig.axes[0].texts if t.get_visible()]
    assert labels and not _overlaps(fig, labels)  # 30 speakers at one point: the labels that fit, no pile
    plt.close(fig)


def test_seed_scatter_labels_all_shown_and_apart(seed_analysis):
    fig = plots.stance_vs_sentiment(seed_analysis)
    labels = fig.axes[0].texts
    assert len(labels) == 7 and all(t.get_visible() for t in labels)
    assert not _overlaps(fig, labels)
    plt.close(fig)


def test_empty_article_figures_say_so(analyze_text):
    analysis = analyze_text("The river rose overnight.\n\nRoads were closed in the valley.")
    for name in plots.FIGURES[:5]:
        fig = getattr(plots, name)(analysis)
        assert any("No attributed statements" in t.get_text() for ax in fig.axes for t in ax.texts), name
        plt.close(fig)


def test_export_formats_and_byte_identical_rerun(seed_analysis, tmp_path):
    first = plots.export_all(seed_analysis, tmp_path / "a")
    second = plots.export_all(seed_analysis, tmp_path / "b")
    for name, paths in first.items():
        for path, again in zip(paths, second[name]):
            assert path.read_bytes() == again.read_bytes(), path.name
    png, svg, pdf = first["share_of_voice"]
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    ET.parse(svg)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert (tmp_path / "a" / "statements.csv").read_text().startswith("content,")
    assert not list((tmp_path / "a").glob(".*.tmp"))


def test_no_two_affiliations_share_a_colour():
    names = [f"Group {k}" for k in range(9)]
    colours = plots._affiliation_colours(names)
    coloured = [colours[n] for n in names if colours[n] != plots.OTHER_COLOUR]
    assert len(coloured) == len(set(coloured)) == len(plots.SPEAKER_COLOURS)
    assert colours["Group 8"] == plots.OTHER_COLOUR
