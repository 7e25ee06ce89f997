# newsvoices: `make run` analyses the seed article (or ARTICLE=path), `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
ARTICLE ?= seeds/000_378cb35899c8b263.txt
STAMP := $(VENV)/.installed

.PHONY: run test lab bench clean

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

# The main job: summary, then notebook 01 executed on the article -> reports/<article>.ipynb
# and .html, figures -> figures/<article>/.
run: $(STAMP)
	$(BIN)/python -m newsvoices analyze --no-figures $(ARTICLE)
	$(BIN)/python -m newsvoices report $(ARTICLE)

test: $(STAMP)
	$(BIN)/python -m pytest -q
	$(BIN)/python -m pytest -q --nbmake --nbmake-timeout=600 --nbmake-kernel=python3 notebooks/01_explore_article.ipynb notebooks/02_compare_articles.ipynb

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/

bench: $(STAMP)
	$(BIN)/python benchmarks/quotes_polnear.py

clean:
	rm -rf $(VENV) .pytest_cache
