# ---
# jupyter:
#   jupytext:
#     cell_metadata_filter: -papermill,-execution
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Who speaks in this article, and how?
#
# This notebook reads one news article the way a media analyst would: **who is quoted, how
# often, and how hopeful or hardline each voice sounds.** Every step calls the `newsvoices`
# package; nothing is computed here.
#
# **To analyse another article**, change `article_path` in the next cell (a `.txt`, `.md` or
# `.html` file) and run all cells, or from a terminal:
# `make run ARTICLE=path/to/article.txt`, which runs this notebook headless and writes an HTML
# report to `reports/` and the figures to `figures/`.

# %% tags=["parameters"]
article_path = "../seeds/000_378cb35899c8b263.txt"
figures_root = "../figures"  # figures go to <figures_root>/<article>/

# %%
import pandas as pd
from IPython.display import HTML, display

import newsvoices
from newsvoices import highlight, plots, tables

pd.set_option("display.max_colwidth", 120)
analysis = newsvoices.analyze(path=article_path)
print(f"{analysis.article.display_name()}\n{len(analysis.article.paragraphs)} paragraphs, "
      f"{len(analysis.statements)} attributed statements from {len(analysis.speakers)} speakers")

# %% [markdown]
# ## 1. The article, with its voices marked
#
# Each attributed statement is shaded in its speaker's colour; the words that name the
# speaker are **bold**, the reporting verb (*said*, *told*, *called*) is underlined. Hover over
# a marked passage to see whose it is. Statements without a reporting verb are quotes the
# article leaves to the previous speaker.

# %%
display(HTML(highlight.article_html(analysis)))

# %% [markdown]
# ## 2. Tokens
#
# The article as spaCy reads it: one row per token, with its lemma, part of speech, syntactic
# role, sentence and paragraph. Offsets (`start_char`, `end_char`) index the article text
# exactly.

# %%
print(f"{len(analysis.tokens)} tokens in {analysis.tokens['sentence'].nunique()} sentences")
display(analysis.tokens.head(12))
display(analysis.tokens["pos"].value_counts().head(8).to_frame("tokens"))

# %% [markdown]
# ## 3. People, organisations and places
#
# Named entities as spaCy finds them, then resolved: a surname ("Ruiz") and the full name
# ("Ana Ruiz") are one person, and titles ("Prime Minister") are kept beside the name.

# %%
display(HTML(highlight.entities_html(analysis)))
display(analysis.entity_counts.head(15))

# %% [markdown]
# ## 4. Every attributed statement
#
# One row per statement: who said it, whether it is a **direct** quote (inside quotation
# marks), **indirect** (reported speech) or **mixed** (reported speech with a quoted
# fragment), what was said, and its stance. Stance runs from hardline (−1) to hopeful (+1).

# %%
display(tables.styled_statements(analysis.statements))

# %% [markdown]
# ## 5. Speakers
#
# One row per speaker: affiliation (read off words like "French diplomat" or "union official"),
# role, whether the source is unnamed, how many statements of each kind, and the mean and
# spread of their stance and of general sentiment (TextBlob polarity).

# %%
display(analysis.speakers)
display(analysis.affiliations)

# %% [markdown]
# ## 6. Why each statement got its stance
#
# Stance comes from a classifier trained on about 2,350 statements labelled by reading. Check
# first the statements it was least sure of: `stance_confidence` is the probability of the
# label it chose (below 50% the figures draw the statement hollow). Where you disagree, the
# label is yours to change.

# %%
display(tables.least_certain(analysis.statements))

# %% [markdown]
# The words behind each label: the matches of the stance lexicons
# (`lib/newsvoices/data/stance_*.txt`) that agree with it, with their weights. "negated"
# means the cue was turned around ("will not negotiate" is a refusal; "have not received
# replies" is doubt). A label with no cue was read from the statement as a whole. Beside
# each statement's row in `analysis.statements`, `stance_examples` holds the most similar
# labelled statements, to judge the label by example.

# %%
display(tables.stance_cue_table(analysis.statements))

# %% [markdown]
# ## 7. Figures
#
# **Who is quoted, and how**: statements per speaker, split by kind; hatched bars are unnamed
# sources, and the affiliation is written at the end of each bar.

# %%
plots.share_of_voice(analysis)

# %% [markdown]
# **How hopeful or hardline each voice is**: each dot is a statement, coloured by its stance
# label (hollow when the classifier was unsure); the black bar is the speaker's mean.

# %%
plots.stance_by_speaker(analysis)

# %% [markdown]
# **Stance against sentiment**: speakers placed by mean stance (left hardline, right hopeful)
# and mean polarity; bigger points mean more statements.

# %%
plots.stance_vs_sentiment(analysis)

# %% [markdown]
# **Voices through the article**: the statements in reading order, by paragraph.

# %%
plots.timeline(analysis)

# %% [markdown]
# **Voices by affiliation** and the **most mentioned entities**.

# %%
plots.affiliations(analysis)

# %%
plots.entities(analysis)

# %% [markdown]
# ## 8. Export
#
# Every figure as PNG (220 dpi), SVG and PDF, and the statements, speakers, affiliations and
# entities tables as CSV. Files are written to a temporary name first and renamed, so an
# interrupted run never leaves a half-written file; the same article gives the same files.

# %%
written = plots.export_all(analysis, root=figures_root)
folder = plots.figure_dir(analysis.article, root=figures_root)
print(f"Wrote {sum(len(v) for v in written.values())} files to {folder}/")
