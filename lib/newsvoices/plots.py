"""Step 7: figures for reports, and their export.

Every function takes an `Analysis` and returns a matplotlib `Figure`, drawn with the style in
`data/newsvoices.mplstyle` (Okabe-Ito colour-blind-safe palette, sized for a report column).
`save_figure` writes PNG, SVG and PDF atomically, byte-identical on a rerun; `export_all` every figure and table.
"""
from __future__ import annotations

import textwrap
from contextlib import contextmanager

import matplotlib.patches
import matplotlib.pyplot as plt
import matplotlib.ticker
import numpy as np
import pandas as pd

from .lexicon import data_path
from .tables import LOW_CONFIDENCE, low_confidence

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
KIND_COLOURS = {"direct": "#0072B2", "indirect": "#56B4E9", "mixed": "#E69F00"}
STANCE_COLOURS = {"hopeful": "#009E73", "hardline": "#D55E00", "skeptical": "#CC79A7", "neutral": "#999999"}
LABEL_COLOURS = {"PERSON": "#0072B2", "ORG": "#E69F00", "GPE": "#009E73", "NORP": "#CC79A7", "LOC": "#56B4E9"}
OTHER_COLOUR = "#BBBBBB"
# Okabe-Ito without its yellow, which is too light for small markers on white
SPEAKER_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000"]
FIGURES = ("share_of_voice", "stance_by_speaker", "stance_vs_sentiment", "timeline", "affiliations", "entities",
           "share_by_gender")
MAX_SPEAKERS = 30


@contextmanager
def style():
    with plt.style.context(str(data_path("newsvoices.mplstyle"))):
        yield


def article_name(analysis, width: int = 80) -> str:
    return analysis.article.display_name(width)


def _title(fig, ax, what: str, analysis) -> None:
    """Figure title on the left, the article it is about beneath it."""
    fig.suptitle(what, x=0.01, ha="left", fontsize=10.5, fontweight="bold")
    ax.set_title(article_name(analysis, 62), loc="left", fontsize=8, color="#555555", fontweight="normal")


def _done(fig):
    """Detach the figure from pyplot: the caller owns it, and a notebook shows it once."""
    plt.close(fig)
    return fig


def _empty(fig, ax, message: str) -> None:
    ax.axis("off")
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=10, color="#555555", transform=ax.transAxes, wrap=True)


def _speaker_label(row) -> str:
    name = str(row["speaker"]) + (" (unnamed)" if row.get("anonymous") else "")
    return "\n".join(textwrap.wrap(name, 30, max_lines=2, placeholder="…")) or name  # wrapped, not cut


def _affiliation_colours(affiliations) -> dict:
    """A colour for each of the first seven affiliations (most quoted first); grey for the rest,
    since a colour used twice would tell the reader two affiliations are one."""
    names = [a for a in dict.fromkeys(affiliations) if a]
    colours = {a: SPEAKER_COLOURS[i] if i < len(SPEAKER_COLOURS) else OTHER_COLOUR for i, a in enumerate(names)}
    colours[None] = OTHER_COLOUR
    return colours


def _top_speakers(analysis, limit: int = MAX_SPEAKERS) -> pd.DataFrame:
    speakers = analysis.speakers.copy()
    speakers["affiliation"] = pd.Series([a if isinstance(a, str) and a else None for a in speakers["affiliation"]],
                                        index=speakers.index, dtype=object)
    return speakers.head(limit)


def _height(rows: int, base: float = 1.4, per_row: float = 0.26) -> float:
    return max(3.0, base + per_row * rows)


NO_STATEMENTS = "No attributed statements were found in this article."


def _speaker_figure(analysis, what: str):
    """Figure, axes and the speakers to draw (most quoted first) for a per-speaker figure;
    speakers is empty when the article has none, and the axes then say so."""
    speakers = _top_speakers(analysis)
    fig, ax = plt.subplots(figsize=(6.5, _height(len(speakers))))
    _title(fig, ax, what, analysis)
    if speakers.empty:
        _empty(fig, ax, NO_STATEMENTS)
    return fig, ax, speakers


def share_of_voice(analysis):
    """Statements per speaker, split direct / indirect / mixed, grouped by affiliation."""
    with style():
        fig, ax, speakers = _speaker_figure(analysis, "Who is quoted, and how")
        if speakers.empty:
            return _done(fig)
        speakers = speakers.iloc[::-1]  # most quoted at the top
        y = np.arange(len(speakers))
        left = np.zeros(len(speakers))
        for kind, colour in KIND_COLOURS.items():
            values = speakers[kind].to_numpy(dtype=float)
            bars = ax.barh(y, values, left=left, color=colour, height=0.7, edgecolor="white", linewidth=0.6)
            for bar, anonymous in zip(bars, speakers["anonymous"]):
                if anonymous:
                    bar.set_hatch("///")
            left += values
        ax.set_yticks(y, [_speaker_label(r) for _, r in speakers.iterrows()])
        colours = _affiliation_colours(speakers["affiliation"][::-1])  # most quoted first, as in the scatter
        for yi, (total, affiliation) in enumerate(zip(left, speakers["affiliation"])):
            if affiliation:
                ax.text(total + 0.08, yi, affiliation, va="center", fontsize=7.5, color=colours[affiliation], fontweight="bold")
        ax.set_xlabel("statements (affiliation at the end of each bar)")
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_xlim(0, max(left) * 1.3 + 0.6)
        handles = [matplotlib.patches.Patch(color=c, label=k) for k, c in KIND_COLOURS.items()]
        handles.append(matplotlib.patches.Patch(facecolor="white", edgecolor="#555555", hatch="///", label="unnamed source"))
        fig.legend(handles=handles, loc="outside lower center", ncols=4)
        return _done(fig)


def _stance_dots(ax, x, y, colours, unsure, size: int, label=None) -> None:
    """Statements as dots: filled when the stance is sure, hollow (white, coloured ring) when not."""
    x, y, colours, unsure = np.asarray(x), np.asarray(y), np.asarray(colours, dtype=object), np.asarray(unsure)
    ax.scatter(x[~unsure], y[~unsure], s=size, c=list(colours[~unsure]), edgecolors="white", linewidths=0.5, zorder=3)
    ax.scatter(x[unsure], y[unsure], s=size, facecolors="white", edgecolors=list(colours[unsure]), linewidths=1.3,
               zorder=3)
    if label is not None and len(colours):  # the legend's marker is filled, whichever dots there are
        ax.scatter([], [], s=size, c=[colours[0]], edgecolors="white", linewidths=0.5, label=label)


def stance_by_speaker(analysis):
    """Where each speaker sits from hardline to hopeful: statements as dots, the mean as a bar."""
    with style():
        fig, ax, speakers = _speaker_figure(analysis, "How hopeful or hardline each voice is")
        if speakers.empty:
            return _done(fig)
        speakers = speakers.sort_values("stance_score_mean")
        statements = analysis.statements
        ax.axvspan(-1.05, 0, color="#D55E00", alpha=0.05, zorder=0)
        ax.axvspan(0, 1.05, color="#009E73", alpha=0.05, zorder=0)
        ax.axvline(0, color="#888888", linewidth=0.8)
        for yi, (_, row) in enumerate(speakers.iterrows()):
            own = statements[statements["speaker"] == row["speaker"]]
            jitter = np.linspace(-0.18, 0.18, len(own)) if len(own) > 1 else np.zeros(1)
            _stance_dots(ax, own["stance_score"], yi + jitter, [STANCE_COLOURS[s] for s in own["stance"]],
                         low_confidence(own), 26)
            for low, high in ((yi - 0.42, yi - 0.26), (yi + 0.26, yi + 0.42)):  # ticks outside the dots' band
                ax.plot([row["stance_score_mean"]] * 2, [low, high], color="#222222", linewidth=2.2, zorder=2)
        ax.set_yticks(range(len(speakers)), [_speaker_label(r) for _, r in speakers.iterrows()])
        ax.set_xlim(-1.05, 1.05)
        ax.set_xlabel("stance score   ◀ hardline        hopeful ▶")
        handles = [plt.Line2D([], [], marker="o", linestyle="", color=c, label=l) for l, c in STANCE_COLOURS.items()]
        handles.append(plt.Line2D([], [], marker="o", linestyle="", markerfacecolor="white", markeredgecolor="#555555",
                                  label=f"uncertain (confidence < {LOW_CONFIDENCE:.0%})"))
        handles.append(plt.Line2D([], [], color="#222222", linewidth=2.2, label="speaker mean (ticks)"))
        fig.legend(handles=handles, loc="outside lower center", ncols=3)
        return _done(fig)


def stance_vs_sentiment(analysis):
    """Speakers as points: stance (hopeful-hardline) against general sentiment (polarity)."""
    with style():
        fig, ax = plt.subplots(figsize=(6.5, 4.6))
        _title(fig, ax, "Stance against sentiment, by speaker", analysis)
        speakers = _top_speakers(analysis)
        if speakers.empty:
            _empty(fig, ax, NO_STATEMENTS)
            return _done(fig)
        colours = _affiliation_colours(speakers["affiliation"])
        sizes = 40 + 60 * speakers["statements"].to_numpy()
        ax.axhline(0, color="#888888", linewidth=0.8)
        ax.axvline(0, color="#888888", linewidth=0.8)
        ax.scatter(speakers["stance_score_mean"], speakers["polarity_mean"], s=sizes,
                   c=[colours.get(a, OTHER_COLOUR) for a in speakers["affiliation"]], alpha=0.85, edgecolors="white", linewidths=0.8)
        texts = [ax.text(x, y, textwrap.shorten(str(name), 28, placeholder="…"), fontsize=7.5)
                 for x, y, name in zip(speakers["stance_score_mean"], speakers["polarity_mean"], speakers["speaker"])]
        ax.set_xlim(-1.1, 1.1)
        low, high = speakers["polarity_mean"].min(), speakers["polarity_mean"].max()
        ax.set_ylim(min(-0.5, low - 0.15), max(0.5, high + 0.15))
        ax.set_xlabel("mean stance score   ◀ hardline        hopeful ▶")
        ax.set_ylabel("mean polarity (TextBlob)")
        ax.grid(axis="y")
        handles = [plt.Line2D([], [], marker="o", linestyle="", color=c, label=textwrap.shorten(str(a), 26, placeholder="…"))
                   for a, c in colours.items() if a and c != OTHER_COLOUR]
        most = int(speakers["statements"].max())
        handles += [plt.scatter([], [], s=40 + 60 * n, color="#999999", edgecolors="white", label=f"{n} statement{'s' if n > 1 else ''}")
                    for n in sorted({1, max(1, most // 2), most})]
        if handles:
            # below the plot, where point labels cannot run into it; three short columns fit the width
            fig.legend(handles=handles, loc="outside lower center", ncols=min(3, len(handles)),
                       title="affiliation", title_fontsize=7.5)
        _spread_labels(ax, texts)  # last: the layout must be final before labels are placed
        return _done(fig)


LABEL_ITERATIONS = 400  # adjustText's default is one second of work, which differs between machines and runs
LABEL_EXPAND = (1.6, 2.2)  # generous room around each label, then
LABEL_FORCE = (0.3, 0.6)  # a firm push apart: on long PolNeAR articles no label had to be dropped


def _spread_labels(ax, texts) -> None:
    """Move point labels apart (adjustText, for a fixed number of iterations so that a rerun
    writes identical files). A label that still overlaps the label of a speaker quoted more
    often is left off; its point stays."""
    from adjustText import adjust_text

    if len(texts) <= 1:
        return
    _, arrows = adjust_text(texts, ax=ax, arrowprops={"arrowstyle": "-", "color": "#999999", "lw": 0.5},
                            expand=LABEL_EXPAND, force_text=LABEL_FORCE, iter_lim=LABEL_ITERATIONS)
    renderer = ax.figure.canvas.get_renderer()
    boxes = [text.get_window_extent(renderer) for text in texts]
    hidden = set()
    for j in range(len(texts)):  # texts come most quoted first
        if any(i not in hidden and boxes[i].overlaps(boxes[j]) for i in range(j)):
            texts[j].set_visible(False)
            hidden.add(id(texts[j]))
    for arrow in arrows or []:
        if id(getattr(arrow, "patchA", None)) in hidden:
            arrow.set_visible(False)


def timeline(analysis):
    """Statements in article order (paragraph), placed by stance, coloured by speaker."""
    with style():
        fig, ax = plt.subplots(figsize=(6.5, 3.8))
        _title(fig, ax, "Voices through the article", analysis)
        statements = analysis.statements
        if statements.empty:
            _empty(fig, ax, NO_STATEMENTS)
            return _done(fig)
        top = list(analysis.speakers["speaker"].head(len(SPEAKER_COLOURS)))
        colours = dict(zip(top, SPEAKER_COLOURS))
        ax.axhline(0, color="#888888", linewidth=0.8)
        order = {name: n for n, name in enumerate(analysis.speakers["speaker"])}
        for speaker, group in sorted(statements.groupby("speaker", sort=False), key=lambda item: order.get(item[0], 999)):
            colour = colours.get(speaker, OTHER_COLOUR)
            _stance_dots(ax, _stacked_x(group, statements), group["stance_score"], [colour] * len(group), low_confidence(group),
                         34, textwrap.shorten(str(speaker), 30, placeholder="…") if speaker in colours else None)
        if len(colours) < statements["speaker"].nunique():
            ax.scatter([], [], color=OTHER_COLOUR, label="other speakers")
        if low_confidence(statements).any():
            ax.scatter([], [], facecolors="white", edgecolors="#555555", linewidths=1.3, label="hollow: uncertain stance")
        ax.set_xlim(-0.5, len(analysis.article.paragraphs) - 0.5)
        ax.set_ylim(-1.1, 1.1)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_xlabel("paragraph (from 0, as in the tables)")
        ax.set_ylabel("stance score\n◀ hardline   hopeful ▶")
        ax.grid(axis="both")
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=7.5)
        return _done(fig)


def _stacked_x(group, statements):
    """Paragraph of each statement of `group`, moved sideways when statements share a paragraph
    and (nearly) a score, so that none hides another."""
    key = list(zip(statements["paragraph"], statements["stance_score"].round(1)))
    rank, seen = {}, {}
    for index, k in zip(statements.index, key):
        rank[index] = seen.get(k, 0)
        seen[k] = rank[index] + 1
    return [p + 0.2 * (rank[i] - (seen[k] - 1) / 2) for i, p, k in zip(group.index, group["paragraph"],
                                                                           zip(group["paragraph"], group["stance_score"].round(1)))]


def affiliations(analysis):
    """Statements and mean stance per affiliation."""
    with style():
        table = analysis.affiliations
        fig, (left, right) = plt.subplots(1, 2, figsize=(6.5, _height(len(table), 1.6, 0.3)), sharey=True)
        _title(fig, left, "Voices by affiliation", analysis)
        if table.empty:
            _empty(fig, left, NO_STATEMENTS)
            right.axis("off")
            return _done(fig)
        table = table.iloc[::-1]
        y = np.arange(len(table))
        left.barh(y, table["statements"], color="#0072B2", height=0.65)
        left.set_yticks(y, ["\n".join(textwrap.wrap(str(a), 26, max_lines=2, placeholder="…")) for a in table["affiliation"]])
        left.set_xlabel("statements")
        left.xaxis.get_major_locator().set_params(integer=True)
        colours = ["#009E73" if v > 0.05 else "#D55E00" if v < -0.05 else "#999999" for v in table["stance_score_mean"]]
        right.barh(y, table["stance_score_mean"], color=colours, height=0.65)
        for yi, value in zip(y, table["stance_score_mean"]):  # the value itself, so a zero mean is visible
            right.plot([value], [yi], marker="|", color="#222222", markersize=10, zorder=3)
            right.text(value + (0.04 if value >= 0 else -0.04), yi, f"{value:+.2f}", va="center", fontsize=7,
                       ha="left" if value >= 0 else "right", color="#333333")
        right.axvline(0, color="#888888", linewidth=0.8)
        right.set_xlim(-1, 1)
        right.set_xlabel("mean stance  ◀ hardline   hopeful ▶")
        return _done(fig)


def entities(analysis, top: int = 15):
    """Most mentioned people, organisations, places and groups, coloured by type."""
    names = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "NORP": "group / nationality", "LOC": "place"}
    with style():
        counts = analysis.entity_counts
        counts = counts[counts["label"].isin(list(names))].head(top)
        fig, ax = plt.subplots(figsize=(6.5, _height(len(counts))))
        _title(fig, ax, "Most mentioned entities", analysis)
        if counts.empty:
            _empty(fig, ax, "No named entities were found in this article.")
            return _done(fig)
        rows = counts.iloc[::-1]
        ax.barh(range(len(rows)), rows["mentions"], color=[LABEL_COLOURS.get(l, OTHER_COLOUR) for l in rows["label"]], height=0.65)
        ax.set_yticks(range(len(rows)), [textwrap.shorten(str(c), 34, placeholder="…") for c in rows["canonical"]])
        ax.set_xlabel("mentions")
        ax.xaxis.get_major_locator().set_params(integer=True)
        shown = [l for l in LABEL_COLOURS if l in set(rows["label"]) and l != "LOC"]
        handles = [matplotlib.patches.Patch(color=LABEL_COLOURS[l], label=names[l]) for l in shown]
        fig.legend(handles=handles, loc="outside lower center", ncols=len(handles))
        return _done(fig)


def all_figures(analysis) -> dict:
    return {name: globals()[name](analysis) for name in FIGURES}


# figures that compare articles, and writing figure files, live in their own modules; they are
# part of this one's API
from .corpus_plots import compare_affiliations, compare_stance  # noqa: F401
from .figure_files import export_all, figure_dir, pdf_font_type, save_figure, show  # noqa: F401
from .voice_plots import share_by_gender, share_by_gender_per_outlet  # noqa: F401
