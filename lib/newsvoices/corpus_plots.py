"""Figures that compare the articles of a corpus (`corpus.analyze_corpus`): share of voice by
affiliation per article, and stance per article. Drawn in the style of `plots`."""
from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import matplotlib.ticker
import numpy as np
import pandas as pd

from .plots import SPEAKER_COLOURS, STANCE_COLOURS, _done, _empty, _height, style

# ---------------------------------------------------------------- comparing articles

def _wrap(text: str, width: int = 34, lines: int = 2) -> str:
    return "\n".join(textwrap.wrap(str(text), width, max_lines=lines, placeholder="…")) or str(text)


def _article_labels(corpus) -> dict:
    """Each article's label: its title wrapped on two lines, with its outlet and date when known."""
    labels = {}
    for row in corpus.articles.to_dict("records"):
        title = row["title"] if isinstance(row.get("title"), str) and row["title"] else row["article"]
        source = ", ".join(str(row[k]) for k in ("outlet", "date") if isinstance(row.get(k), str) and row[k])
        labels[row["article"]] = _wrap(title) + (f"\n({source})" if source else "")
    return labels


def _groups(corpus, by: str) -> tuple[pd.Series, dict]:
    """The group of each statement (its article, or its outlet) and the label of each group."""
    statements = corpus.statements
    if by == "article":
        return statements["article"], _article_labels(corpus)
    groups = statements[by].astype(object).where(statements[by].notna(), "unknown")
    return groups, {g: _wrap(g, 30) for g in groups.unique()}


def _rows(corpus, by: str) -> int:
    return max(1, len(corpus.articles) if by == "article" else corpus.statements[by].nunique(dropna=False))


def _corpus_figure(corpus, by: str, title: str):
    """A figure with one row per article (or outlet) and its title; a note if nothing was found."""
    fig, ax = plt.subplots(figsize=(6.5, _height(_rows(corpus, by), 1.8, 0.5)))
    fig.suptitle(title, x=0.01, ha="left", fontsize=10.5, fontweight="bold")
    if corpus.statements.empty:
        _empty(fig, ax, "No attributed statements were found in these articles.")
    return fig, ax


def compare_affiliations(corpus, top: int = 6, by: str = "article"):
    """Share of statements by affiliation in each article, or each outlet (`by="outlet"`)."""
    with style():
        statements = corpus.statements
        fig, ax = _corpus_figure(corpus, by, f"Share of voice by affiliation, per {by}")
        if statements.empty:
            return _done(fig)
        affiliation = statements["affiliation"].astype(object).where(statements["affiliation"].notna(), "unknown")
        leading = [a for a in affiliation[affiliation != "unknown"].value_counts().index[:top]]
        grouped = affiliation.where(affiliation.isin(leading + ["unknown"]), "other")
        groups, labels = _groups(corpus, by)
        table = pd.crosstab(groups, grouped, normalize="index")
        columns = leading + [c for c in ("other", "unknown") if c in table.columns]
        table = table.reindex(columns=columns, fill_value=0)
        colours = dict(zip(leading, SPEAKER_COLOURS)) | {"other": "#BBBBBB", "unknown": "#E5E5E5"}
        left = np.zeros(len(table))
        y = np.arange(len(table))
        for column in table.columns:
            ax.barh(y, table[column], left=left, color=colours[column], label=column, height=0.7, edgecolor="white", linewidth=0.5)
            left += table[column].to_numpy()
        ax.set_yticks(y, [labels.get(a, a) for a in table.index])
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
        ax.set_xlabel("share of the article's statements")
        fig.legend(loc="outside lower center", ncols=min(4, len(table.columns)))
        return _done(fig)


def compare_stance(corpus, by: str = "article"):
    """Each article's (or outlet's) statements by stance score, with the mean as a tick beside them."""
    with style():
        statements = corpus.statements
        fig, ax = _corpus_figure(corpus, by, f"How hopeful or hardline the voices are, per {by}")
        if statements.empty:
            return _done(fig)
        groups, labels = _groups(corpus, by)
        order = statements["stance_score"].groupby(groups).mean().sort_values()
        ax.axvline(0, color="#888888", linewidth=0.8)
        for yi, (group, mean) in enumerate(order.items()):
            own = statements[groups == group]
            jitter = np.linspace(-0.25, 0.25, len(own)) if len(own) > 1 else np.zeros(1)
            ax.scatter(own["stance_score"], yi + jitter, s=16, c=[STANCE_COLOURS[s] for s in own["stance"]], alpha=0.8,
                       linewidths=0, zorder=3)
            ax.plot([mean, mean], [yi - 0.45, yi - 0.32], color="#222222", linewidth=2.2, zorder=2)  # under the dots' row
            ax.plot([mean, mean], [yi + 0.32, yi + 0.45], color="#222222", linewidth=2.2, zorder=2)
        ax.set_yticks(range(len(order)), [labels.get(a, a) for a in order.index])
        ax.set_xlim(-1.05, 1.05)
        ax.set_xlabel("stance score   ◀ hardline        hopeful ▶")
        handles = [plt.Line2D([], [], marker="o", linestyle="", color=c, label=l) for l, c in STANCE_COLOURS.items()]
        handles.append(plt.Line2D([], [], color="#222222", linewidth=2.2, label=f"{by} mean (ticks)"))
        fig.legend(handles=handles, loc="outside lower center", ncols=5)
        return _done(fig)


def stance_over_time(corpus):
    """Mean stance of each article by its date, one colour per outlet (articles without a date left out)."""
    with style():
        articles = corpus.articles
        dated = articles[pd.to_datetime(articles["date"], errors="coerce").notna()] if "date" in articles else articles.head(0)
        fig, ax = plt.subplots(figsize=(6.5, 3.6))
        fig.suptitle("Stance over time, per outlet", x=0.01, ha="left", fontsize=10.5, fontweight="bold")
        if dated.empty or dated["stance_score_mean"].isna().all():
            _empty(fig, ax, "No article has a date (give one in metadata.csv, a <meta> tag or front matter).")
            return _done(fig)
        dated = dated.assign(when=pd.to_datetime(dated["date"]), outlet=dated["outlet"].fillna("unknown")).sort_values("when")
        ax.axhline(0, color="#888888", linewidth=0.8)
        for colour, (outlet, group) in zip(SPEAKER_COLOURS * 3, dated.groupby("outlet", sort=True)):
            ax.plot(group["when"], group["stance_score_mean"], marker="o", color=colour, label=_wrap(outlet, 30),
                    linewidth=1.2, markersize=6)
        ax.set_ylim(-1.05, 1.05)
        ax.set_ylabel("article mean stance\n◀ hardline   hopeful ▶")
        ax.grid(axis="y")
        fig.autofmt_xdate()
        fig.legend(loc="outside lower center", ncols=3, title="outlet", title_fontsize=7.5)
        return _done(fig)


def save_corpus_figures(figures: dict, folder: str, root="figures") -> list:
    """Save comparison figures under <root>/<folder>/ as PNG, SVG and PDF (like notebook 01's)."""
    from pathlib import Path

    from .plots import save_figure

    directory = Path(root) / folder
    return [path for name, fig in figures.items() for path in save_figure(fig, name, None, directory)]
