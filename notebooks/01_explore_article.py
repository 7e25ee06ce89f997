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

# %% [markdown] tags=["report-hide"]
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
corrections_path = None  # a corrections file; None: <article>.corrections.csv or .yaml beside the article, if any

# %% tags=["summary"]
import pandas as pd
from IPython.display import HTML, display

import newsvoices
from newsvoices import corrections, highlight, plots, reports, tables

pd.set_option("display.max_colwidth", 120)
analysis = newsvoices.analyze(path=article_path, corrections=corrections_path)
reports.Summary(analysis)

# %% [markdown]
# ## The article, with its voices marked
#
# Each attributed statement is shaded in its speaker's colour; the words that name the
# speaker are **bold**, the reporting verb (*said*, *told*, *called*) is underlined. Hover over
# a marked passage to see whose it is. Statements without a reporting verb are quotes the
# article leaves to the previous speaker.

# %%
display(HTML(highlight.article_html(analysis)))

# %% [markdown] tags=["report-hide"]
# ## Tokens
#
# The article as spaCy reads it: one row per token, with its lemma, part of speech, syntactic
# role, sentence and paragraph. Offsets (`start_char`, `end_char`) index the article text
# exactly.

# %% tags=["report-hide"]
print(f"{len(analysis.tokens)} tokens in {analysis.tokens['sentence'].nunique()} sentences")
display(analysis.tokens.head(12))
display(analysis.tokens["pos"].value_counts().head(8).to_frame("tokens"))

# %% [markdown] tags=["report-hide"]
# ## People, organisations and places
#
# Named entities as spaCy finds them, then resolved: a surname ("Ruiz") and the full name
# ("Ana Ruiz") are one person, and titles ("Prime Minister") are kept beside the name.

# %% tags=["report-hide"]
display(HTML(highlight.entities_html(analysis)))
display(analysis.entity_counts.head(15))

# %% [markdown]
# ## Every attributed statement
#
# One row per statement: who said it, whether it is a **direct** quote (inside quotation
# marks), **indirect** (reported speech) or **mixed** (reported speech with a quoted
# fragment), what was said, and its stance. Stance runs from hardline (−1) to hopeful (+1).
# Each statement has a stable `id` (the same on every run), which a corrections file uses;
# `corrected` marks the rows a correction changed.

# %%
display(tables.styled_statements(analysis.statements))

# %% [markdown]
# ## Speakers
#
# One row per speaker: affiliation (read off words like "French diplomat" or "union official"),
# role, whether the source is unnamed, how many statements of each kind, and the mean and
# spread of their stance and of general sentiment (TextBlob polarity).

# %%
display(analysis.speakers)
display(analysis.affiliations)

# %% [markdown] tags=["report-hide"]
# ## Why each statement got its stance
#
# Stance comes from a classifier trained on about 2,350 statements labelled by reading. Check
# first the statements it was least sure of: `stance_confidence` is the probability of the
# label it chose (below 50% the figures draw the statement hollow). Where you disagree, the
# label is yours to change.

# %% tags=["report-hide"]
display(tables.least_certain(analysis.statements))

# %% [markdown]
# ## Why each statement got its stance
#
# The words behind each label: the matches of the stance lexicons
# (`lib/newsvoices/data/stance_*.txt`) that agree with it, with their weights. "negated"
# means the cue was turned around ("will not negotiate" is a refusal; "have not received
# replies" is doubt). A label with no cue was read from the statement as a whole. Beside
# each statement's row in `analysis.statements`, `stance_examples` holds the most similar
# labelled statements, to judge the label by example.

# %%
display(tables.styled_cues(analysis.statements))

# %% [markdown] tags=["report-hide"]
# ## Correcting what is wrong
#
# When a speaker, a statement or a stance is wrong, write the fix in a **corrections file**
# beside the article: for `story.txt`, `story.corrections.csv` (or `.yaml`). Every later run,
# this notebook, `make run` and notebook 02 apply it, so the fix survives a rerun; or pass
# any file as `corrections_path` above (`--corrections FILE` on the command line). Statements
# are named by their `id` (table above), speakers by name as the speakers table writes them:
#
# ```
# action,statement,speaker,value,text
# reassign,s1a2b3c4d,Jane Roe,,
# merge,,the minister,Jane Roe,
# rename,,Jane Roe,Jane A. Roe,
# affiliation,,Jane A. Roe,Ministry of Health,
# drop,s5e6f7a8b,,,
# add,,Jane A. Roe,,"the exact words of a statement the rules missed"
# stance,s9c0d1e2f,,skeptical,
# ```
#
# The same as YAML: a list of mappings with the same keys (`- action: merge`, `speaker: ...`,
# `value: ...`). Corrections apply in file order (rename before setting the affiliation of the
# new name). A correction that no longer matches anything (the article changed, a typo in a
# name) is skipped with a warning that names it. Here, one example applied in memory: the
# first statement's stance set by hand.

# %% tags=["report-hide"]
first_id = analysis.statements["id"].iloc[0] if len(analysis.statements) else "s00000000"
example = corrections.parse_corrections(f"action,statement,value\nstance,{first_id},neutral\n")
corrected = newsvoices.analyze(path=article_path, doc=analysis.doc, corrections=example)  # the parse is reused
display(corrected.statements.loc[corrected.statements["corrected"], ["id", "speaker", "stance", "corrected", "content"]])

# %% [markdown]
# ## Figures

# %% [markdown] tags=["report-hide"]
# Every figure is written as PNG (220 dpi), SVG and PDF, beside the statements, speakers,
# affiliations and entities tables as CSV and one Excel workbook (`tables.xlsx`), then shown
# here as saved. Files are written to a temporary name first and renamed, so an interrupted run
# never leaves a half-written file; the same article gives the same files. Each figure is also a
# function returning a matplotlib figure to restyle, e.g. `plots.share_of_voice(analysis)`.

# %% tags=["report-hide"]
written = plots.export_all(analysis, root=figures_root)
folder = plots.figure_dir(analysis.article, root=figures_root)
print(f"Wrote {sum(len(v) for v in written.values())} files to {folder.name}/")

# %% [markdown]
# **Who is quoted, and how**: statements per speaker by kind; hatched bars are unnamed sources,
# the affiliation ends each bar.

# %%
plots.show(written, "share_of_voice")

# %% [markdown]
# **How hopeful or hardline each voice is**: a dot per statement, coloured by stance label
# (hollow when the classifier was unsure); the black tick is the speaker's mean.

# %%
plots.show(written, "stance_by_speaker")

# %% [markdown]
# **Stance against sentiment**: speakers by mean stance (left hardline, right hopeful) and mean
# polarity; point size is the number of statements (legend).

# %%
plots.show(written, "stance_vs_sentiment")

# %% [markdown]
# **Voices through the article**: statements in reading order, by paragraph (numbered as in the tables).

# %%
plots.show(written, "timeline")

# %% [markdown]
# **Voices by affiliation** and the **most mentioned entities**.

# %%
plots.show(written, "affiliations")

# %%
plots.show(written, "entities")

# %% [markdown]
# **Share of voice by gender**, as the article refers to them: read only from the text
# ("Mrs.", "spokeswoman", he/she), never guessed from first names; "not stated" when the
# article does not say.

# %%
plots.show(written, "share_by_gender")
