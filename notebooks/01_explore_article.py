# ---
# jupyter:
#   jupytext:
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

# %% [markdown] papermill={"duration": 0.003115, "end_time": "2026-11-25T17:06:53.512367+00:00", "exception": false, "start_time": "2026-11-25T17:06:53.509252+00:00", "status": "completed"}
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

# %% papermill={"duration": 0.009442, "end_time": "2026-11-25T17:06:53.524754+00:00", "exception": false, "start_time": "2026-11-25T17:06:53.515312+00:00", "status": "completed"} tags=["parameters"]
article_path = "../seeds/000_378cb35899c8b263.txt"
figures_root = "../figures"  # figures go to <figures_root>/<article>/

# %% papermill={"duration": 2.437613, "end_time": "2026-11-25T17:06:55.964374+00:00", "exception": false, "start_time": "2026-11-25T17:06:53.526761+00:00", "status": "completed"}
import pandas as pd
from IPython.display import HTML, display

import newsvoices
from newsvoices import highlight, plots, tables

pd.set_option("display.max_colwidth", 120)
analysis = newsvoices.analyze(article_path)
print(f"{analysis.article.display_name()}\n{len(analysis.article.paragraphs)} paragraphs, "
      f"{len(analysis.statements)} attributed statements from {len(analysis.speakers)} speakers")

# %% [markdown] papermill={"duration": 0.002121, "end_time": "2026-11-25T17:06:55.969244+00:00", "exception": false, "start_time": "2026-11-25T17:06:55.967123+00:00", "status": "completed"}
# ## 1. The article, with its voices marked
#
# Each attributed statement is shaded in its speaker's colour; the words that name the
# speaker are **bold**, the reporting verb (*said*, *told*, *called*) is underlined. Hover over
# a marked passage to see whose it is. Statements without a reporting verb are quotes the
# article leaves to the previous speaker.

# %% papermill={"duration": 0.011829, "end_time": "2026-11-25T17:06:55.982976+00:00", "exception": false, "start_time": "2026-11-25T17:06:55.971147+00:00", "status": "completed"}
display(HTML(highlight.article_html(analysis)))

# %% [markdown] papermill={"duration": 0.002181, "end_time": "2026-11-25T17:06:55.988803+00:00", "exception": false, "start_time": "2026-11-25T17:06:55.986622+00:00", "status": "completed"}
# ## 2. Tokens
#
# The article as spaCy reads it: one row per token, with its lemma, part of speech, syntactic
# role, sentence and paragraph. Offsets (`start_char`, `end_char`) index the article text
# exactly.

# %% papermill={"duration": 0.02008, "end_time": "2026-11-25T17:06:56.010884+00:00", "exception": false, "start_time": "2026-11-25T17:06:55.990804+00:00", "status": "completed"}
print(f"{len(analysis.tokens)} tokens in {analysis.tokens['sentence'].nunique()} sentences")
display(analysis.tokens.head(12))
display(analysis.tokens["pos"].value_counts().head(8).to_frame("tokens"))

# %% [markdown] papermill={"duration": 0.002298, "end_time": "2026-11-25T17:06:56.015931+00:00", "exception": false, "start_time": "2026-11-25T17:06:56.013633+00:00", "status": "completed"}
# ## 3. People, organisations and places
#
# Named entities as spaCy finds them, then resolved: a surname ("Ruiz") and the full name
# ("Ana Ruiz") are one person, and titles ("Prime Minister") are kept beside the name.

# %% papermill={"duration": 0.015228, "end_time": "2026-11-25T17:06:56.033494+00:00", "exception": false, "start_time": "2026-11-25T17:06:56.018266+00:00", "status": "completed"}
display(HTML(highlight.entities_html(analysis)))
display(analysis.entity_counts.head(15))

# %% [markdown] papermill={"duration": 0.002964, "end_time": "2026-11-25T17:06:56.039635+00:00", "exception": false, "start_time": "2026-11-25T17:06:56.036671+00:00", "status": "completed"}
# ## 4. Every attributed statement
#
# One row per statement: who said it, whether it is a **direct** quote (inside quotation
# marks), **indirect** (reported speech) or **mixed** (reported speech with a quoted
# fragment), what was said, and its stance. Stance runs from hardline (−1) to hopeful (+1).

# %% papermill={"duration": 0.047343, "end_time": "2026-11-25T17:06:56.089812+00:00", "exception": false, "start_time": "2026-11-25T17:06:56.042469+00:00", "status": "completed"}
display(tables.styled_statements(analysis.statements))

# %% [markdown] papermill={"duration": 0.003458, "end_time": "2026-11-25T17:06:56.097073+00:00", "exception": false, "start_time": "2026-11-25T17:06:56.093615+00:00", "status": "completed"}
# ## 5. Speakers
#
# One row per speaker: affiliation (read off words like "French diplomat" or "union official"),
# role, whether the source is unnamed, how many statements of each kind, and the mean and
# spread of their stance and of general sentiment (TextBlob polarity).

# %% papermill={"duration": 0.025374, "end_time": "2026-11-25T17:06:56.125472+00:00", "exception": false, "start_time": "2026-11-25T17:06:56.100098+00:00", "status": "completed"}
display(analysis.speakers)
display(analysis.affiliations)

# %% [markdown] papermill={"duration": 0.003368, "end_time": "2026-11-25T17:06:56.132719+00:00", "exception": false, "start_time": "2026-11-25T17:06:56.129351+00:00", "status": "completed"}
# ## 6. Why each statement got its stance
#
# The cues behind each label, with their weights: words and phrases from the stance
# lexicons (`lib/newsvoices/data/stance_*.txt`). "negated" means the cue was turned around
# ("will not negotiate" is a refusal; "have not received replies" is doubt). General
# sentiment (polarity) is shown beside it: it often disagrees, because sentiment measures
# pleasant versus unpleasant words, not hope versus hard line.

# %% papermill={"duration": 0.013408, "end_time": "2026-11-25T17:06:56.149308+00:00", "exception": false, "start_time": "2026-11-25T17:06:56.135900+00:00", "status": "completed"}
display(tables.stance_cue_table(analysis.statements))

# %% [markdown] papermill={"duration": 0.003877, "end_time": "2026-11-25T17:06:56.157022+00:00", "exception": false, "start_time": "2026-11-25T17:06:56.153145+00:00", "status": "completed"}
# ## 7. Figures
#
# **Who is quoted, and how**: statements per speaker, split by kind; hatched bars are unnamed
# sources, and the affiliation is written at the end of each bar.

# %% papermill={"duration": 0.174253, "end_time": "2026-11-25T17:06:56.334618+00:00", "exception": false, "start_time": "2026-11-25T17:06:56.160365+00:00", "status": "completed"}
plots.share_of_voice(analysis)

# %% [markdown] papermill={"duration": 0.003833, "end_time": "2026-11-25T17:06:56.342663+00:00", "exception": false, "start_time": "2026-11-25T17:06:56.338830+00:00", "status": "completed"}
# **How hopeful or hardline each voice is**: each dot is a statement, coloured by its stance
# label; the black bar is the speaker's mean.

# %% papermill={"duration": 0.152833, "end_time": "2026-11-25T17:06:56.499018+00:00", "exception": false, "start_time": "2026-11-25T17:06:56.346185+00:00", "status": "completed"}
plots.stance_by_speaker(analysis)

# %% [markdown] papermill={"duration": 0.004079, "end_time": "2026-11-25T17:06:56.507641+00:00", "exception": false, "start_time": "2026-11-25T17:06:56.503562+00:00", "status": "completed"}
# **Stance against sentiment**: speakers placed by mean stance (left hardline, right hopeful)
# and mean polarity; bigger points mean more statements.

# %% papermill={"duration": 0.235653, "end_time": "2026-11-25T17:06:56.747093+00:00", "exception": false, "start_time": "2026-11-25T17:06:56.511440+00:00", "status": "completed"}
plots.stance_vs_sentiment(analysis)

# %% [markdown] papermill={"duration": 0.004327, "end_time": "2026-11-25T17:06:56.756240+00:00", "exception": false, "start_time": "2026-11-25T17:06:56.751913+00:00", "status": "completed"}
# **Voices through the article**: the statements in reading order, by paragraph.

# %% papermill={"duration": 0.202379, "end_time": "2026-11-25T17:06:56.962555+00:00", "exception": false, "start_time": "2026-11-25T17:06:56.760176+00:00", "status": "completed"}
plots.timeline(analysis)

# %% [markdown] papermill={"duration": 0.004736, "end_time": "2026-11-25T17:06:56.974076+00:00", "exception": false, "start_time": "2026-11-25T17:06:56.969340+00:00", "status": "completed"}
# **Voices by affiliation** and the **most mentioned entities**.

# %% papermill={"duration": 0.140405, "end_time": "2026-11-25T17:06:57.118868+00:00", "exception": false, "start_time": "2026-11-25T17:06:56.978463+00:00", "status": "completed"}
plots.affiliations(analysis)

# %% papermill={"duration": 0.295199, "end_time": "2026-11-25T17:06:57.419745+00:00", "exception": false, "start_time": "2026-11-25T17:06:57.124546+00:00", "status": "completed"}
plots.entities(analysis)

# %% [markdown] papermill={"duration": 0.005383, "end_time": "2026-11-25T17:06:57.431452+00:00", "exception": false, "start_time": "2026-11-25T17:06:57.426069+00:00", "status": "completed"}
# ## 8. Export
#
# Every figure as PNG (220 dpi), SVG and PDF, and the statements, speakers, affiliations and
# entities tables as CSV. Files are written to a temporary name first and renamed, so an
# interrupted run never leaves a half-written file; the same article gives the same files.

# %% papermill={"duration": 3.910001, "end_time": "2026-11-25T17:07:01.346723+00:00", "exception": false, "start_time": "2026-11-25T17:06:57.436722+00:00", "status": "completed"}
written = plots.export_all(analysis, root=figures_root)
folder = plots.figure_dir(analysis.article, root=figures_root)
print(f"Wrote {sum(len(v) for v in written.values())} files to {folder}/")
