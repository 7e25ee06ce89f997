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
    """Analyse articles one after another (a folder, or an iterable of paths, texts or Articles).
    Articles are read lazily, only a batch ahead of the parser, so memory does not grow with
    the corpus."""
    import collections

    sources = article_paths(source) if isinstance(source, (str, Path)) and Path(source).is_dir() else source
    nlp = nlp or load_model()
    pending: collections.deque = collections.deque()

    def texts():
        for item in _load_all(sources):
            pending.append(item)
            if isinstance(item, Article):
                yield item.text

    bar = _progress(len(sources) if hasattr(sources, "__len__") else None, progress)
    for doc in parse_many(texts(), nlp, batch_size=batch_size, n_process=n_process, cache=cache):
        while isinstance(pending[0], ArticleFailure):
            bar.update(1)
            yield pending.popleft()
        article = pending.popleft()
        try:
            yield analyze(article, nlp=nlp, doc=doc)
        except NewsvoicesError as exc:
            yield ArticleFailure(article.path or article.id, str(exc))
        bar.update(1)
    while pending:
        bar.update(1)
        yield pending.popleft()
    bar.close()


def _progress(total: int, enabled: bool):
    from tqdm.auto import tqdm

    return tqdm(total=total, desc="articles", unit="article", disable=not enabled, leave=False)


def analyze_corpus(source, nlp=None, batch_size: int = 16, n_process: int = 1, progress: bool = True,
                   cache: bool | None = None) -> Corpus:
    """Analyse many articles and return their combined tables. With `n_process` > 1 the whole
    per-article work (parse and analysis) runs in that many worker processes."""
    if n_process > 1:
        return _analyze_in_processes(source, n_process, batch_size, progress)
    statements, speakers, rows, failures = [], [], [], []
    for result in stream_corpus(source, nlp, batch_size, 1, progress, cache):
        if isinstance(result, ArticleFailure):
            failures.append(result)
            continue
        summary = article_summary(result)
        statements.extend(summary["statements"])
        speakers.extend(summary["speakers"])
        rows.append(summary["article"])
    return combine(statements, speakers, rows, failures)


def article_summary(analysis: Analysis) -> dict:
    """What a corpus keeps of one article: plain records, no parsed document and no per-article
    DataFrame, so memory stays flat however many articles stream through."""
    article = analysis.article
    statements = analysis.statements.drop(columns=["stance_cues"], errors="ignore").assign(article=article.id)
    speakers = analysis.speakers.assign(article=article.id)
    row = {"article": article.id, "title": article.display_name(60), "path": article.path, "paragraphs": len(article.paragraphs),
           "statements": len(statements), "speakers": len(speakers),
           "stance_score_mean": float(statements["stance_score"].mean()) if len(statements) else float("nan")}
    return {"statements": statements.to_dict("records"), "speakers": speakers.to_dict("records"), "article": row}


def combine(statements: list[dict], speakers: list[dict], rows: list[dict], failures=()) -> Corpus:
    from . import tables

    statement_columns = tables.STATEMENT_COLUMNS + ["stance", "stance_score", "polarity", "subjectivity", "vader", "article"]
    speaker_columns = tables.SPEAKER_COLUMNS + ["stance_score_mean", "stance_score_std", "polarity_mean", "polarity_std", "article"]
    statements_table = pd.DataFrame.from_records(statements, columns=statement_columns)
    speakers_table = pd.DataFrame.from_records(speakers, columns=speaker_columns)
    affiliations = (tables.affiliation_table(statements_table) if len(statements_table)
                    else pd.DataFrame(columns=["affiliation", "speakers", "statements", "stance_score_mean", "polarity_mean"]))
    articles = pd.DataFrame(rows, columns=["article", "title", "path", "paragraphs", "statements", "speakers", "stance_score_mean"])
    return Corpus(statements_table, speakers_table, affiliations, articles, list(failures))


def _analyze_in_processes(source, n_process: int, batch_size: int, progress: bool) -> Corpus:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    sources = article_paths(source) if isinstance(source, (str, Path)) and Path(source).is_dir() else list(source)
    items, failures = [], []
    for loaded in _load_all(sources):
        if isinstance(loaded, ArticleFailure):
            failures.append(loaded)
        else:
            items.append((loaded.id, loaded.text, loaded.path))
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    statements, speakers, rows = [], [], []
    bar = _progress(len(items), progress)
    with ProcessPoolExecutor(max_workers=n_process, mp_context=context, initializer=load_model) as pool:
        for result in pool.map(_summarise_text, items, chunksize=max(1, batch_size // 4)):
            bar.update(1)
            if "failure" in result:
                failures.append(result["failure"])
                continue
            statements.extend(result["statements"])
            speakers.extend(result["speakers"])
            rows.append(result["article"])
    bar.close()
    return combine(statements, speakers, rows, failures)


# ---------------------------------------------------------------- beyond one machine

def _summarise_text(item):
    """Per-article work in a worker process (Dask or a process pool): the worker loads the
    model once (cached per process) and returns plain records."""
    name, text, *path = item
    try:
        article = load_article(text, name=name)
        if path and path[0]:
            article.path = path[0]
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
            items.append((article.id, article.text, article.path))
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
        statements.extend(result["statements"])
        speakers.extend(result["speakers"])
        rows.append(result["article"])
    return combine(statements, speakers, rows, failures)
