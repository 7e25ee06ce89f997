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

def _article_labels(corpus) -> dict:
    labels = {}
    for row in corpus.articles.itertuples():
        title = row.title if isinstance(row.title, str) and row.title else row.article
        labels[row.article] = textwrap.shorten(str(title), 42, placeholder="…")
    return labels


def compare_affiliations(corpus, top: int = 6):
    """Share of statements by affiliation in each article (100% stacked bars)."""
    with style():
        statements = corpus.statements
        fig, ax = plt.subplots(figsize=(6.5, _height(max(1, len(corpus.articles)), 1.8, 0.32)))
        fig.suptitle("Share of voice by affiliation, per article", x=0.01, ha="left", fontsize=10.5, fontweight="bold")
        if statements.empty:
            _empty(fig, ax, "No attributed statements were found in these articles.")
            return _done(fig)
        affiliation = statements["affiliation"].astype(object).where(statements["affiliation"].notna(), "unknown")
        leading = [a for a in affiliation[affiliation != "unknown"].value_counts().index[:top]]
        grouped = affiliation.where(affiliation.isin(leading + ["unknown"]), "other")
        table = pd.crosstab(statements["article"], grouped, normalize="index")
        columns = leading + [c for c in ("other", "unknown") if c in table.columns]
        table = table.reindex(columns=columns, fill_value=0)
        labels = _article_labels(corpus)
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


def compare_stance(corpus):
    """Each article's statements by stance score, with the article mean."""
    with style():
        statements = corpus.statements
        fig, ax = plt.subplots(figsize=(6.5, _height(max(1, len(corpus.articles)), 1.8, 0.32)))
        fig.suptitle("How hopeful or hardline each article's voices are", x=0.01, ha="left", fontsize=10.5, fontweight="bold")
        if statements.empty:
            _empty(fig, ax, "No attributed statements were found in these articles.")
            return _done(fig)
        labels = _article_labels(corpus)
        order = statements.groupby("article")["stance_score"].mean().sort_values()
        ax.axvline(0, color="#888888", linewidth=0.8)
        for yi, (article, mean) in enumerate(order.items()):
            own = statements[statements["article"] == article]
            jitter = np.linspace(-0.2, 0.2, len(own)) if len(own) > 1 else np.zeros(1)
            ax.scatter(own["stance_score"], yi + jitter, s=16, c=[STANCE_COLOURS[s] for s in own["stance"]], alpha=0.8, linewidths=0)
            ax.plot([mean, mean], [yi - 0.35, yi + 0.35], color="#222222", linewidth=2.2)
        ax.set_yticks(range(len(order)), [labels.get(a, a) for a in order.index])
        ax.set_xlim(-1.05, 1.05)
        ax.set_xlabel("stance score   ◀ hardline        hopeful ▶")
        handles = [plt.Line2D([], [], marker="o", linestyle="", color=c, label=l) for l, c in STANCE_COLOURS.items()]
        handles.append(plt.Line2D([], [], color="#222222", linewidth=2.2, label="article mean"))
        fig.legend(handles=handles, loc="outside lower center", ncols=5)
        return _done(fig)
