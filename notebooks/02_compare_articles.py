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
# # Comparing articles
#
# Analyse a folder of articles (`.txt`, `.md`, `.html`) and compare their voices: who is
# quoted, with which affiliation, and how hopeful or hardline. Set `articles_dir` below to your
# folder. Parsed articles are cached, so a rerun is fast; files that cannot be read are listed,
# the rest are analysed.

# %% tags=["parameters"]
articles_dir = "../seeds"
output_dir = None  # set to a folder to export the combined tables as CSV and Parquet

# %%
from IPython.display import display

from newsvoices import corpus, plots

result = corpus.analyze_corpus(articles_dir)
print(f"{len(result.articles)} articles analysed, {len(result.statements)} statements, "
      f"{len(result.failures)} files skipped")
for failure in result.failures:
    print(f"  skipped {failure.source}: {failure.message}")

# %% [markdown]
# ## Articles

# %%
display(result.articles)

# %% [markdown]
# ## All speakers, across articles
#
# One row per speaker and article; the same person quoted in two articles appears twice,
# once per article.

# %%
display(result.speakers.sort_values("statements", ascending=False).head(30))

# %% [markdown]
# ## Affiliations across the corpus

# %%
display(result.affiliations)

# %% [markdown]
# ## Share of voice by affiliation, per article

# %%
plots.compare_affiliations(result)

# %% [markdown]
# ## Stance per article
#
# Each dot is a statement; the black bar is the article's mean stance.

# %%
plots.compare_stance(result)

# %%
if output_dir:
    for path in result.export(output_dir):
        print(path)
