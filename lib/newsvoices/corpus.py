"""Step 8: many articles as a stream.

`stream_corpus` parses articles with `nlp.pipe` (batches, optional worker processes, the
parse cache) and yields one `Analysis` per article, or an `ArticleFailure` for a file that
cannot be read, so one bad file never stops a corpus. `analyze_corpus` collects the combined
tables (statements, speakers, affiliations with an `article` column) without keeping the
parsed documents, so memory stays flat however long the corpus. `analyze_with_dask` maps the
same per-article function over a Dask bag, one model per worker.
"""
from __future__ import annotations

import errno
import hashlib
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .article import Article, load_article, slugify
from .corpus_tables import affiliations_across_articles
from .errors import NewsvoicesError
from .files import atomic_path, file_kind, remove_stale_temporaries
from .nlp import load_model, parse_many
from .output_text import without_surrogates
from .pipeline import Analysis, analyze


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

    @property
    def people(self) -> pd.DataFrame:
        """Each speaker across articles, merged by canonical name: articles, outlets, statements, stance."""
        from .corpus_tables import people_table

        return people_table(self.statements)

    def export(self, folder: str | Path) -> list[Path]:
        """Write the combined tables as CSV (formula-like cells neutralised for spreadsheets),
        Parquet (the exact text) and one Excel workbook (`corpus.xlsx`), each written atomically."""
        from .exports import write_csv, write_workbook

        folder = Path(folder)
        remove_stale_temporaries(folder)
        written = []
        names = ("statements", "speakers", "affiliations", "articles", "people")
        for name in names:
            table = getattr(self, name)
            written.append(write_csv(folder / f"{name}.csv", table))
            with atomic_path(folder / f"{name}.parquet") as temporary:
                _for_parquet(table).to_parquet(temporary, index=False)
            written.append(folder / f"{name}.parquet")
        written.append(write_workbook(folder / "corpus.xlsx", {name: getattr(self, name) for name in names}))
        return written


def _for_parquet(table: pd.DataFrame) -> pd.DataFrame:
    """Lists of cue records become JSON text: Parquet wants one type per column."""
    import json

    table = table.copy()
    for column in table.columns:
        if table[column].dtype == object and table[column].map(lambda v: isinstance(v, (list, dict))).any():
            table[column] = table[column].map(lambda v: json.dumps(v, ensure_ascii=False))
    return table


SUPPORTED_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".text"}


@dataclass(frozen=True)
class ArticleFile:
    """A file of a folder run, with the article id it gets (unique within the run)."""

    path: Path
    name: str


def _skip_reason(entry: Path) -> str | None:
    """Why a folder entry is not analysed, or None when it is an article file."""
    try:
        info = entry.stat()
    except OSError as exc:
        reasons = {errno.ELOOP: "a symbolic link loop", errno.ENOENT: "a broken symbolic link",
                   errno.EACCES: "unreadable: permission denied"}
        return reasons.get(exc.errno, f"unreadable: {exc.strerror or exc}")
    kind = file_kind(info.st_mode)
    if kind == "a folder":
        return "a folder (sub-folders are not read)"
    if kind:
        return f"{kind}, not a regular file"
    if entry.name.startswith("."):
        return "a hidden file"
    if entry.suffix.lower() not in SUPPORTED_SUFFIXES:
        return f"unsupported extension {entry.suffix or '(none)'}"
    return None


def folder_listing(source: str | Path) -> tuple[list[ArticleFile], list[ArticleFailure]]:
    """The article files of a folder, each with a unique name, and every other entry with the
    reason it is skipped (folder, link loop, FIFO, unreadable, unsupported extension)."""
    folder = Path(source)
    if not folder.is_dir():
        raise NewsvoicesError(f"{folder} is not a folder of articles.")
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        raise NewsvoicesError(f"Cannot list {folder}: {exc.strerror or exc}.") from None
    paths, skipped = [], []
    for entry in entries:
        if is_companion_file(entry):
            continue  # read with the articles, so neither an article nor skipped
        reason = _skip_reason(entry)
        if reason:
            skipped.append(ArticleFailure(str(entry), reason))
        else:
            paths.append(entry)
    names = unique_names(paths)
    return [ArticleFile(path, names[path]) for path in paths], skipped


def is_companion_file(path: Path) -> bool:
    """The folder's `metadata.csv` and the corrections files beside articles."""
    from .corrections import SUFFIXES
    from .metadata import METADATA_FILE

    name = path.name.lower()
    return name == METADATA_FILE or any(name.endswith(suffix) for suffix in SUFFIXES)


def unique_names(paths: list[Path]) -> dict[Path, str]:
    """An article id for each path, unique within the run once slugified (ids name output
    folders): the stem; the stem with its extension when stems clash (story.txt, story.md);
    the stem and a short hash of the file name when those clash too ("Story A.txt", "story-a.txt")."""
    def clashing(names: dict) -> set:
        counts = Counter(slugify(name) for name in names.values())
        return {path for path, name in names.items() if counts[slugify(name)] > 1}

    names = {path: path.stem for path in paths}
    for path in clashing(names):
        names[path] = path.name
    for path in clashing(names):
        names[path] = f"{path.stem}-{hashlib.sha1(path.name.encode('utf-8', 'surrogateescape')).hexdigest()[:6]}"
    return names


def article_paths(source: str | Path) -> list[Path]:
    """The article files of a folder (see `folder_listing` for the skipped entries)."""
    return [item.path for item in folder_listing(source)[0]]


def corpus_sources(source) -> list | Iterable:
    """A folder becomes its article files and the skipped entries (as failures), a single file
    a list of one; an iterable of paths, texts or Articles is taken as it is. A string or path
    that is neither is an error, never a text to iterate letter by letter."""
    if isinstance(source, (str, Path)):
        path = Path(source)
        if path.is_dir():
            files, skipped = folder_listing(path)
            return skipped + files
        if path.is_file():
            return [path]
        raise NewsvoicesError(f"No such folder or file: {source}")
    return source


def _load_one(source) -> Article:
    if isinstance(source, Article):
        if without_surrogates(source.text)[1]:
            raise NewsvoicesError(f"{source.path or source.id} holds lone surrogates (not characters); load it with load_article.")
        return source
    if isinstance(source, ArticleFile):
        return load_article(path=source.path, name=source.name)
    if isinstance(source, os.PathLike):
        return load_article(path=source)
    return load_article(source)


def _load_all(sources) -> Iterator[Article | ArticleFailure]:
    for source in sources:
        if isinstance(source, ArticleFailure):
            yield source
            continue
        try:
            yield _load_one(source)
        except NewsvoicesError as exc:
            where = source.path if isinstance(source, ArticleFile) else source
            yield ArticleFailure(str(where), str(exc))


def stream_corpus(source: str | Path | Iterable, nlp=None, batch_size: int = 16, n_process: int = 1,
                  progress: bool = True, cache: bool | None = None) -> Iterator[Analysis | ArticleFailure]:
    """Analyse articles one after another (a folder, or an iterable of paths, texts or Articles).
    Articles are read lazily, only a batch ahead of the parser, so memory does not grow with
    the corpus."""
    import collections

    sources = corpus_sources(source)
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
        except Exception as exc:  # noqa: BLE001 - a bug on one article must not stop the corpus
            yield ArticleFailure(article.path or article.id, f"internal error ({type(exc).__name__}: {exc})")
        bar.update(1)
    while pending:
        bar.update(1)
        yield pending.popleft()
    bar.close()


def _progress(total: int, enabled: bool):
    from tqdm.auto import tqdm

    return tqdm(total=total, desc="files", unit="file", disable=not enabled, leave=True)  # skipped ones count too


def analyze_corpus(source, nlp=None, batch_size: int = 16, n_process: int = 1, progress: bool = True,
                   cache: bool | None = None) -> Corpus:
    """Analyse many articles and return their combined tables. With `n_process` > 1 the whole
    per-article work (parse and analysis) runs in that many worker processes."""
    if n_process > 1:
        return _analyze_in_processes(source, n_process, batch_size, progress)
    stream = stream_corpus(source, nlp, batch_size, 1, progress, cache)
    return _collect((r if isinstance(r, ArticleFailure) else article_summary(r) for r in stream), [])


def article_summary(analysis: Analysis) -> dict:
    """What a corpus keeps of one article: plain records, no parsed document and no per-article
    DataFrame, so memory stays flat however many articles stream through."""
    article = analysis.article
    meta = article.metadata
    where = {"article": article.id, "outlet": meta.outlet, "date": meta.date}
    statements = analysis.statements.drop(columns=["stance_examples"], errors="ignore").assign(**where)
    speakers = analysis.speakers.assign(**where)
    row = {"article": article.id, "title": meta.title or article.title or article.display_name(60), "outlet": meta.outlet,
           "date": meta.date, "url": meta.url, "path": article.path, "paragraphs": len(article.paragraphs),
           "statements": len(statements), "speakers": len(speakers),
           "stance_score_mean": float(statements["stance_score"].mean()) if len(statements) else float("nan")}
    return {"statements": statements.to_dict("records"), "speakers": speakers.to_dict("records"), "article": row}


ARTICLE_COLUMNS = ["article", "title", "outlet", "date", "url", "path", "paragraphs", "statements", "speakers",
                   "stance_score_mean"]


def combine(statements: list[dict], speakers: list[dict], rows: list[dict], failures=()) -> Corpus:
    from . import tables

    where = ["article", "outlet", "date"]
    statement_columns = (tables.STATEMENT_COLUMNS + ["stance", "stance_score", "stance_confidence", "stance_cues", "polarity",
                                                     "subjectivity", "vader"] + tables.EXTRA_COLUMNS + where)
    speaker_columns = (tables.SPEAKER_COLUMNS + tables.SPEAKER_EXTRA_COLUMNS
                       + ["stance_score_mean", "stance_score_std", "polarity_mean", "polarity_std"] + where)
    statements_table = affiliations_across_articles(pd.DataFrame.from_records(statements, columns=statement_columns))
    speakers_table = affiliations_across_articles(pd.DataFrame.from_records(speakers, columns=speaker_columns))
    affiliations = (tables.affiliation_table(statements_table) if len(statements_table)
                    else pd.DataFrame(columns=["affiliation", "speakers", "statements", "stance_score_mean", "polarity_mean"]))
    articles = pd.DataFrame(rows, columns=ARTICLE_COLUMNS)
    for table, columns in ((statements_table, tables.INTEGER_STATEMENT_COLUMNS), (speakers_table, tables.INTEGER_SPEAKER_COLUMNS),
                           (articles, ("paragraphs", "statements", "speakers"))):
        for column in columns:
            if column in table:
                table[column] = pd.to_numeric(table[column], errors="coerce").astype("Int64")
    return Corpus(statements_table, speakers_table, affiliations, articles, list(failures))


def _collect(results, failures: list) -> Corpus:
    """Combine per-article summaries (or failures) into a Corpus."""
    statements, speakers, rows = [], [], []
    for result in results:
        if isinstance(result, ArticleFailure):
            failures.append(result)
            continue
        statements.extend(result["statements"])
        speakers.extend(result["speakers"])
        rows.append(result["article"])
    return combine(statements, speakers, rows, failures)


def _start_worker() -> None:
    """A worker process: the model loaded once, and the stance encoder on one thread, since
    the processes already share the cores between them."""
    os.environ["NEWSVOICES_ENCODER_THREADS"] = "1"
    load_model()


def _analyze_in_processes(source, n_process: int, batch_size: int, progress: bool) -> Corpus:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    loaded = list(_load_all(corpus_sources(source)))
    articles = [a for a in loaded if isinstance(a, Article)]
    failures = [a for a in loaded if isinstance(a, ArticleFailure)]
    # fresh processes, not forks: the e5 encoder's OpenMP threads do not survive a fork of a
    # process that has already encoded (the child hangs on its first batch)
    context = multiprocessing.get_context("spawn")
    bar = _progress(len(articles), progress)

    def results():
        with ProcessPoolExecutor(max_workers=n_process, mp_context=context, initializer=_start_worker) as pool:
            for result in pool.map(summarise_article, articles, chunksize=max(1, batch_size // 4)):
                bar.update(1)
                yield result
        bar.close()

    return _collect(results(), failures)


# ---------------------------------------------------------------- beyond one machine

def summarise_article(article: Article):
    """Per-article work in a worker process (a process pool or Dask): the worker loads the
    model once (cached per process) and returns plain records, or an ArticleFailure."""
    try:
        return article_summary(analyze(article))
    except NewsvoicesError as exc:
        return ArticleFailure(article.path or article.id, str(exc))
    except Exception as exc:  # noqa: BLE001 - one article's bug is reported, not raised across the cluster
        return ArticleFailure(article.path or article.id, f"internal error ({type(exc).__name__}: {exc})")


def analyze_with_dask(source, client=None, partitions: int | None = None) -> Corpus:
    """The same analysis mapped over a Dask bag: pass a `dask.distributed.Client` connected to
    any cluster (a LocalCluster, or `Client("tcp://scheduler:8786")`)."""
    import dask.bag as db

    loaded = list(_load_all(corpus_sources(source)))
    articles = [a for a in loaded if isinstance(a, Article)]
    failures = [a for a in loaded if isinstance(a, ArticleFailure)]
    bag = db.from_sequence(articles, npartitions=partitions or max(1, min(len(articles), (os.cpu_count() or 2) * 2)))
    results = bag.map(summarise_article)
    computed = results.compute() if client is None else client.compute(results).result()
    return _collect(computed, failures)
