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
# # Comparing articles and outlets
#
# Analyse a folder of articles (`.txt`, `.md`, `.html`) and compare their voices: who is
# quoted, with which affiliation, how hopeful or hardline, in each article and each outlet.
# Set `articles_dir` below to your folder. Outlet, date, URL and title come from a
# `metadata.csv` beside the articles (`file,outlet,date,url,title`), an HTML page's `<meta>`
# tags, or a Markdown file's front matter. Corrections files beside the articles are applied.
# Parsed articles are cached, so a rerun is fast; files that cannot be read are listed, the
# rest are analysed. The example folder holds six made-up articles from two made-up outlets.

# %% tags=["parameters"]
articles_dir = "../examples/two_outlets"
figures_root = "../figures"  # figures go to <figures_root>/<folder>/
output_dir = None  # set to a folder to export the combined tables as CSV, Parquet and Excel

# %%
from pathlib import Path

from IPython.display import display

from newsvoices import corpus, corpus_tables, plots
from newsvoices.corpus_plots import (
    compare_affiliations,
    compare_stance,
    save_corpus_figures,
    stance_over_time,
)

result = corpus.analyze_corpus(articles_dir)
print(f"{len(result.articles)} articles analysed, {len(result.statements)} statements, "
      f"{len(result.failures)} files skipped")
for failure in result.failures:
    print(f"  skipped {Path(failure.source).name}: {failure.message}")

# %% [markdown]
# ## Articles

# %%
display(result.articles.drop(columns=["path"]))

# %% [markdown]
# ## Each speaker across articles
#
# One row per person, merged by canonical name across articles and outlets: in how many
# articles they are quoted, by which outlets, and their mean stance. Unnamed sources ("a
# senior official") stay one row per article, since two need not be the same person.

# %%
display(result.people.head(30))

# %% [markdown]
# ## Outlets

# %%
display(corpus_tables.by_outlet(result.statements))

# %% [markdown]
# ## Share of voice by affiliation, per outlet and per article

# %%
figures = {"share_of_voice_by_outlet": compare_affiliations(result, by="outlet"),
           "share_of_voice_by_article": compare_affiliations(result)}
figures["share_of_voice_by_outlet"]

# %%
figures["share_of_voice_by_article"]

# %% [markdown]
# ## Share of voice by gender, as the articles refer to them
#
# Gender is read only from the text ("Mrs.", "spokeswoman", he/she), never guessed from first
# names; "not stated" when the article does not say.

# %%
figures["share_by_gender_by_outlet"] = plots.share_by_gender_per_outlet(result)
figures["share_by_gender_by_outlet"]

# %% [markdown]
# ## Stance per outlet and per article
#
# Each dot is a statement, coloured by its stance label; the black ticks above and below a
# row mark its mean.

# %%
figures["stance_by_outlet"] = compare_stance(result, by="outlet")
figures["stance_by_outlet"]

# %%
figures["stance_by_article"] = compare_stance(result)
figures["stance_by_article"]

# %% [markdown]
# ## Stance over time
#
# Each article's mean stance at its date, one line per outlet.

# %%
figures["stance_over_time"] = stance_over_time(result)
figures["stance_over_time"]

# %% [markdown]
# ## Saving the figures
#
# As notebook 01 does: PNG, SVG and PDF under `figures/<folder>/`.

# %%
saved = save_corpus_figures(figures, Path(articles_dir).resolve().name, figures_root)
print(f"Saved {len(saved)} files to figures/{Path(articles_dir).resolve().name}/")
if output_dir:
    for path in result.export(output_dir):
        print(path.name)
