# newsvoices: `make run` analyses the seed article (or ARTICLE=path), `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ARTICLE ?= seeds/000_378cb35899c8b263.txt
REPORTS ?= reports
FIGURES ?= figures
# Passed to the recipes through the environment and quoted there, so a path with spaces,
# brackets, quotes or $ reaches the program as one argument, never parsed by the shell.
# $(value ...) keeps a $ in a file name from being read as a make variable.
NV_ARTICLE := $(value ARTICLE)
NV_REPORTS := $(value REPORTS)
NV_FIGURES := $(value FIGURES)
export NV_ARTICLE NV_REPORTS NV_FIGURES
STAMP := $(VENV)/.installed

.PHONY: run test lab bench clean

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

# The main job: notebook 01 executed on the article -> reports/<article>.ipynb and .html
# (the clean report), figures -> figures/<article>/, and the summary printed.
run: $(STAMP)
	@$(BIN)/python -m newsvoices report --summary --reports "$$NV_REPORTS" --figures "$$NV_FIGURES" -- "$$NV_ARTICLE"

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q
	$(BIN)/python -m pytest -q --nbmake --nbmake-timeout=600 --nbmake-kernel=python3 notebooks/01_explore_article.ipynb notebooks/02_compare_articles.ipynb

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/

bench: $(STAMP)
	$(BIN)/python benchmarks/quotes_polnear.py

clean:
	rm -rf $(VENV) .pytest_cache
