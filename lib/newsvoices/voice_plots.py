"""Share of voice by gender, as the article refers to them (see `newsvoices.gender`): one
article (an `Analysis`) or, per outlet, a corpus (`corpus.analyze_corpus`)."""
from __future__ import annotations

import matplotlib.patches
import matplotlib.pyplot as plt
import matplotlib.ticker
import numpy as np
import pandas as pd

from .gender import CAPTION, GENDERS, LABELS
from .plots import NO_STATEMENTS, _done, _empty, _height, _title, style

GENDER_COLOURS = {"f": "#CC79A7", "m": "#0072B2", "unknown": "#BBBBBB"}


def _gender_counts(statements: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    gender = statements["gender"].where(statements["gender"].isin(GENDERS), "unknown") if "gender" in statements else \
        pd.Series("unknown", index=statements.index)
    groups = statements[by].fillna("unknown").astype(str) if by else pd.Series("all", index=statements.index)
    return pd.crosstab(groups, gender).reindex(columns=list(GENDERS), fill_value=0)


def share_by_gender(analysis):
    """Statements and speakers by gender, as the article refers to them (f, m, not stated)."""
    with style():
        fig, ax = plt.subplots(figsize=(6.5, 2.8))
        statements = analysis.statements
        if hasattr(analysis, "article"):
            _title(fig, ax, f"Share of voice by gender, {CAPTION}", analysis)
        else:
            fig.suptitle(f"Share of voice by gender, {CAPTION}", x=0.01, ha="left", fontsize=10.5, fontweight="bold")
        if statements.empty:
            _empty(fig, ax, NO_STATEMENTS)
            return _done(fig)
        speakers = statements.drop_duplicates([c for c in ("article", "speaker") if c in statements])
        rows = {"statements": _gender_counts(statements).iloc[0], "speakers": _gender_counts(speakers).iloc[0]}
        _stacked(ax, rows)
        return _done(fig)


def _stacked(ax, rows: dict) -> None:
    """100% stacked bars, one per row, each segment labelled with its count."""
    names = list(rows)[::-1]
    y = np.arange(len(names))
    left = np.zeros(len(names))
    for gender in GENDERS:
        counts = np.array([rows[n][gender] for n in names], dtype=float)
        totals = np.array([max(1, sum(rows[n])) for n in names], dtype=float)
        share = counts / totals
        ax.barh(y, share, left=left, color=GENDER_COLOURS[gender], height=0.6, edgecolor="white", linewidth=0.6)
        for yi, (s, c, l) in enumerate(zip(share, counts, left)):
            if c:
                ax.text(l + s / 2, yi, f"{int(c)}", ha="center", va="center", fontsize=7.5,
                        color="white" if gender != "unknown" else "#333333")
        left += share
    ax.set_yticks(y, names)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    ax.set_xlabel("share (numbers in the bars are counts)")
    handles = [matplotlib.patches.Patch(color=GENDER_COLOURS[g], label=LABELS[g]) for g in GENDERS]
    ax.figure.legend(handles=handles, loc="outside lower center", ncols=3)


def share_by_gender_per_outlet(corpus):
    """Statements by gender in each outlet, as the articles refer to the speakers."""
    with style():
        statements = corpus.statements
        by = "outlet" if "outlet" in statements and statements["outlet"].notna().any() else "article"
        counts = _gender_counts(statements, by) if len(statements) else pd.DataFrame()
        fig, ax = plt.subplots(figsize=(6.5, _height(max(1, len(counts)), 1.8, 0.32)))
        fig.suptitle(f"Share of voice by gender per {by}, {CAPTION}", x=0.01, ha="left", fontsize=10.5, fontweight="bold")
        if statements.empty:
            _empty(fig, ax, "No attributed statements were found in these articles.")
            return _done(fig)
        _stacked(ax, {name: row for name, row in counts.iterrows()})
        return _done(fig)
