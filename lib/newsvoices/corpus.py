"""Step 8: many articles as a stream.

`stream_corpus` parses articles with `nlp.pipe` (batches, optional worker processes, the
parse cache) and yields one `Analysis` per article, or an `ArticleFailure` for a file that
cannot be read, so one bad file never stops a corpus. `analyze_corpus` collects the combined
tables (statements, speakers, affiliations with an `article` column) without keeping the
parsed documents, so memory stays flat however long the corpus. `analyze_with_dask` maps the
same per-article function over a Dask bag, one model per worker.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd

from .article import Article, load_article
from .errors import NewsvoicesError
from .files import atomic_path, write_text
from .nlp import load_model, parse_many
from .pipeline import Analysis, analyze

ARTICLE_GLOBS = ("*.txt", "*.md", "*.html", "*.htm")


@dataclass
class ArticleFailure:
    source: str
    message: str


@dataclass
class Corpus:
    """Combined tables of many articles (each row carries its `article` id)."""

    statements: pd.DataFrame
    speakers: pd.DataFrame
    affiliations: pd.DataFrame
    articles: pd.DataFrame
    failures: list[ArticleFailure] = field(default_factory=list)

    def export(self, folder: str | Path) -> list[Path]:
        """Write the combined tables as CSV and Parquet (each written atomically)."""
        folder = Path(folder)
        written = []
        for name in ("statements", "speakers", "affiliations", "articles"):
            table = getattr(self, name)
            written.append(write_text(folder / f"{name}.csv", table.to_csv(index=False)))
            with atomic_path(folder / f"{name}.parquet") as temporary:
                _for_parquet(table).to_parquet(temporary, index=False)
            written.append(folder / f"{name}.parquet")
        return written


def _for_parquet(table: pd.DataFrame) -> pd.DataFrame:
    """Lists of cue records become JSON text: Parquet wants one type per column."""
    import json

    table = table.copy()
    for column in table.columns:
        if table[column].dtype == object and table[column].map(lambda v: isinstance(v, (list, dict))).any():
            table[column] = table[column].map(lambda v: json.dumps(v, ensure_ascii=False))
    return table


def article_paths(source: str | Path) -> list[Path]:
    folder = Path(source)
    if not folder.is_dir():
        raise NewsvoicesError(f"{folder} is not a folder of articles.")
    paths = sorted({p for pattern in ARTICLE_GLOBS for p in folder.glob(pattern) if p.is_file()})
    return paths


def _load_all(sources) -> Iterator[Article | ArticleFailure]:
    for source in sources:
        if isinstance(source, Article):
            yield source
            continue
        try:
            yield load_article(source)
        except NewsvoicesError as exc:
            yield ArticleFailure(str(source), str(exc))


def stream_corpus(source: str | Path | Iterable, nlp=None, batch_size: int = 16, n_process: int = 1,
                  progress: bool = True, cache: bool | None = None) -> Iterator[Analysis | ArticleFailure]:
    """Analyse articles one after another (a folder, or an iterable of paths, texts or Articles)."""
    sources = article_paths(source) if isinstance(source, (str, Path)) and Path(source).is_dir() else list(source)
    nlp = nlp or load_model()
    loaded = list(_load_all(sources))
    articles = [a for a in loaded if isinstance(a, Article)]
    docs = parse_many((a.text for a in articles), nlp, batch_size=batch_size, n_process=n_process, cache=cache)
    bar = _progress(len(loaded), progress)
    position = 0
    for item in loaded:
        if isinstance(item, ArticleFailure):
            bar.update(1)
            yield item
            continue
        doc = next(docs)
        position += 1
        try:
            yield analyze(item, nlp=nlp, doc=doc)
        except NewsvoicesError as exc:
            yield ArticleFailure(item.path or item.id, str(exc))
        bar.update(1)
    bar.close()


def _progress(total: int, enabled: bool):
    from tqdm.auto import tqdm

    return tqdm(total=total, desc="articles", unit="article", disable=not enabled, leave=False)


def analyze_corpus(source, nlp=None, batch_size: int = 16, n_process: int = 1, progress: bool = True,
                   cache: bool | None = None) -> Corpus:
    """Analyse many articles and return their combined tables."""
    statements, speakers, rows, failures = [], [], [], []
    for result in stream_corpus(source, nlp, batch_size, n_process, progress, cache):
        if isinstance(result, ArticleFailure):
            failures.append(result)
            continue
        article_tables = article_summary(result)
        statements.append(article_tables["statements"])
        speakers.append(article_tables["speakers"])
        rows.append(article_tables["article"])
    return combine(statements, speakers, rows, failures)


def article_summary(analysis: Analysis) -> dict:
    """The per-article tables a corpus keeps (no parsed document, so memory stays flat)."""
    article = analysis.article
    statements = analysis.statements.assign(article=article.id)
    statements = statements.drop(columns=["stance_cues"], errors="ignore")
    speakers = analysis.speakers.assign(article=article.id)
    row = {"article": article.id, "title": article.display_name(60), "path": article.path, "paragraphs": len(article.paragraphs),
           "statements": len(statements), "speakers": len(speakers),
           "stance_score_mean": float(statements["stance_score"].mean()) if len(statements) else float("nan")}
    return {"statements": statements, "speakers": speakers, "article": row}


def combine(statements, speakers, rows, failures=()) -> Corpus:
    from . import tables

    statements_table = pd.concat(statements, ignore_index=True) if statements else pd.DataFrame(columns=tables.STATEMENT_COLUMNS + ["article"])
    speakers_table = pd.concat(speakers, ignore_index=True) if speakers else pd.DataFrame(columns=tables.SPEAKER_COLUMNS + ["article"])
    affiliations = (tables.affiliation_table(statements_table) if len(statements_table)
                    else pd.DataFrame(columns=["affiliation", "speakers", "statements", "stance_score_mean", "polarity_mean"]))
    return Corpus(statements_table, speakers_table, affiliations, pd.DataFrame(rows), list(failures))


# ---------------------------------------------------------------- beyond one machine

def _summarise_text(item):
    """Per-article work on a Dask worker: the worker loads the model once (cached per process)."""
    name, text = item
    try:
        article = load_article(text, name=name)
        return article_summary(analyze(article))
    except NewsvoicesError as exc:
        return {"failure": ArticleFailure(name, str(exc))}


def analyze_with_dask(source, client=None, partitions: int | None = None) -> Corpus:
    """The same analysis mapped over a Dask bag: pass a `dask.distributed.Client` connected to
    any cluster (a LocalCluster, or `Client("tcp://scheduler:8786")`)."""
    import dask.bag as db

    paths = article_paths(source) if isinstance(source, (str, Path)) else [Path(p) for p in source]
    items = []
    failures = []
    for path in paths:
        try:
            article = load_article(path)
            items.append((article.id, article.text))
        except NewsvoicesError as exc:
            failures.append(ArticleFailure(str(path), str(exc)))
    bag = db.from_sequence(items, npartitions=partitions or max(1, min(len(items), (os.cpu_count() or 2) * 2)))
    results = bag.map(_summarise_text)
    computed = results.compute() if client is None else client.compute(results).result()
    statements, speakers, rows = [], [], []
    for result in computed:
        if "failure" in result:
            failures.append(result["failure"])
            continue
        statements.append(result["statements"])
        speakers.append(result["speakers"])
        rows.append(result["article"])
    return combine(statements, speakers, rows, failures)
