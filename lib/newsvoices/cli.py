"""Command line: `python -m newsvoices analyze|quotes ...` (see `--help`).

Problems with the input are reported as one line on stderr with exit status 2; `--debug`
shows the traceback instead."""
from __future__ import annotations

import argparse
import json
import sys
import traceback
import warnings
from pathlib import Path

from .errors import NewsvoicesError
from .output_text import for_terminal

EXIT_INPUT = 2


CORRECTIONS_HELP = ("corrections file (CSV or YAML; default: ARTICLE's stem + .corrections.csv/.yaml beside it, "
                    "when present)")


def _command(commands, name: str, **kwargs) -> argparse.ArgumentParser:
    """A subcommand that also accepts --debug after its name (`newsvoices analyze --debug X`)."""
    command = commands.add_parser(name, **kwargs)
    command.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return command


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsvoices", description="Who is quoted in a news article, and how.")
    parser.add_argument("--debug", action="store_true", help="show full tracebacks")
    commands = parser.add_subparsers(dest="command", required=True)

    analyze = _command(commands, "analyze", help="summarise an article: tokens, entities, speakers")
    analyze.description = ("In: one article file (.txt, .md, .html). Out: a summary on stdout (entities, statements, "
                           "speakers) and, unless --no-figures, figures (PNG, SVG, PDF), CSV tables and tables.xlsx in "
                           "figures/<article>/. Errors: one line on stderr, exit status 2.")
    analyze.add_argument("path", help="article file (.txt, .md, .html)")
    analyze.add_argument("--figures", metavar="DIR", help="where to write figures and tables (default: figures/<article>/)")
    analyze.add_argument("--no-figures", action="store_true", help="print the summary only")
    analyze.add_argument("--corrections", metavar="FILE", help=CORRECTIONS_HELP)
    analyze.add_argument("--max-chars", type=int, default=None, help="refuse longer articles (default: 20,000,000)")

    quotes = _command(commands, "quotes", help="attributed statements as JSON")
    quotes.description = ("In: an article file, or a folder with --out (every .txt, .md, .markdown, .html, .htm, .text "
                          "file the corpus reads). Out: a JSON list of statements (id, content, offsets, kind, cue, "
                          "speaker, gender, affiliation, stance, corrected, ...) on stdout, or OUTDIR/NAME.json per "
                          "article; skipped files are named on stderr.")
    quotes.add_argument("path", help="article file, or a folder of articles with --out")
    quotes.add_argument("--json", action="store_true", help="print a JSON list of statements (the default without --out)")
    quotes.add_argument("--corrections", metavar="FILE", help=CORRECTIONS_HELP + "; one article only")
    quotes.add_argument("--out", help="folder to write NAME.json for every article of PATH (or for the one article)")
    report = _command(commands, "report", help="run notebook 01 on an article: reports/<article>.ipynb and .html, figures/")
    report.description = ("In: one article file. Out: notebook 01 executed on it (reports/<article>.ipynb), a clean HTML "
                          "report without code or paths (reports/<article>.html; --with-code for the whole notebook) "
                          "and its figures in figures/<article>/. Errors: one line on stderr, exit status 2.")
    report.add_argument("path", help="article file (.txt, .md, .html)")
    report.add_argument("--reports", default="reports", help="folder for the executed notebook and HTML (default: reports)")
    report.add_argument("--figures", default="figures", help="root folder for figures (default: figures)")
    report.add_argument("--corrections", metavar="FILE", help=CORRECTIONS_HELP)
    report.add_argument("--summary", action="store_true", help="also print the summary of `analyze` (what `make run` shows)")
    report.add_argument("--with-code", action="store_true", help="the whole notebook with its code cells, not the clean "
                        "report (no PDF: it needs LaTeX or a browser, which are not installed; print the HTML instead)")

    stance = _command(commands, "stance", help='stance of JSON lines on stdin: {"text": ..., "context": ...}')
    stance.description = ('Reads JSON lines on stdin, each {"text": STATEMENT, "context": REPORTING VERB OR SENTENCE} '
                          '("context" optional), and writes one JSON line per input line, in order: {"label", "score", '
                          '"confidence", "cues", "examples", "polarity"}. label: hopeful/hardline/skeptical/neutral; '
                          'score in [-1, 1], hopeful > 0 > hardline. A bad line writes null on stdout and a one-line '
                          'error naming the line on stderr; the other lines are still scored, and the exit status is 2.')
    stance.add_argument("--method", choices=("classifier", "fast", "lexicon"), help="stance method (default: "
                        "classifier, or $NEWSVOICES_STANCE; fast: MiniLM alone, about a fifth of the cost)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    warnings.showwarning = _one_line_warning
    try:
        if args.command == "analyze":
            return cmd_analyze(args)
        if args.command == "quotes":
            return cmd_quotes(args)
        if args.command == "report":
            from .reports import run_report

            notebook, html = run_report(args.path, args.reports, args.figures, with_code=args.with_code,
                                        corrections=args.corrections)
            if args.summary:
                import nbformat

                from .reports import executed_summary

                print(executed_summary(nbformat.read(notebook, as_version=4)) or "")
            print(f"Executed notebook: {for_terminal(notebook)}\nHTML report: {for_terminal(html)}")
            return 0
        if args.command == "stance":
            return cmd_stance(args)
    except NewsvoicesError as exc:
        if args.debug:
            traceback.print_exc()
        print(f"newsvoices: {for_terminal(exc)}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("newsvoices: interrupted; files already written are complete, nothing half-written was kept.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: say so in one line, the traceback is one flag away
        if args.debug:
            raise
        print(f"newsvoices: internal error ({type(exc).__name__}: {for_terminal(exc)}); rerun with --debug for details.", file=sys.stderr)
        return 1
    return 0


def _one_line_warning(message, category, filename, lineno, file=None, line=None):
    print(f"newsvoices: warning: {for_terminal(message)}", file=sys.stderr)


def cmd_analyze(args) -> int:
    from .article import MAX_CHARS
    from .pipeline import analyze

    analysis = analyze(path=Path(args.path), max_chars=args.max_chars or MAX_CHARS, corrections=_corrections_arg(args, Path(args.path)))
    print(summary(analysis))
    if not args.no_figures:
        from .plots import export_all, figure_dir

        written = export_all(analysis, args.figures)
        folder = figure_dir(analysis.article, args.figures)
        figures = sum(1 for name in written if not name.endswith(".csv"))
        print(f"Wrote {figures} figures (PNG, SVG, PDF) and {len(written) - figures} tables (CSV) to {folder}/")
    return 0


def _corrections_arg(args, article: Path):
    """--corrections FILE, else the file beside the article (None lets analyze() look)."""
    from .errors import ArticleNotFoundError

    given = getattr(args, "corrections", None)
    if given is None:
        return None
    if not Path(given).is_file():
        raise ArticleNotFoundError(f"No such corrections file: {given}")
    return Path(given)


def summary(analysis) -> str:
    """What was found, for a terminal: every piece of article text passes `for_terminal`, so
    escape sequences in a title or a name never reach the terminal."""
    article = analysis.article
    tokens = analysis.tokens
    safe = for_terminal
    lines = [f"Article: {safe(article.id)}" + (f" — {safe(article.title)}" if article.title else ""),
             f"  {len(article.paragraphs)} paragraphs, {tokens['sentence'].nunique()} sentences, "
             f"{int((~tokens['is_punct']).sum())} words" + (f"; dateline {safe(article.dateline)!r}" if article.dateline else "")]
    counts = analysis.entity_counts
    lines.append(f"Entities: {len(analysis.entities)} mentions of {len(counts)} entities")
    for label in ("PERSON", "ORG", "GPE", "NORP"):
        rows = counts[counts["label"] == label].head(8)
        if len(rows):
            names = ", ".join(f"{safe(r.canonical)} ({r.mentions})" for r in rows.itertuples())
            lines.append(f"  {label:<6} {names}")
    statements, speakers = analysis.statements, analysis.speakers
    kinds = statements["kind"].value_counts().to_dict() if len(statements) else {}
    lines.append(f"Statements: {len(statements)} ({', '.join(f'{v} {k}' for k, v in kinds.items()) or 'none found'}) "
                 f"from {len(speakers)} speakers")
    for row in speakers.itertuples():
        tags = [safe(t) for t in (row.affiliation if isinstance(row.affiliation, str) else None, "anonymous" if row.anonymous else None) if t]
        lines.append(f"  {row.statements:>3}  {safe(row.speaker)}" + (f"  [{'; '.join(tags)}]" if tags else ""))
    if analysis.corrections is not None:
        c = analysis.corrections
        lines.append(f"Corrections: {len(c.applied)} applied from {safe(c.source)}" + (f", {len(c.stale)} no longer match" if c.stale else ""))
    return "\n".join(lines)


def cmd_quotes(args) -> int:
    from .article import load_article
    from .errors import ArticleUnreadableError
    from .files import write_text
    from .tables import analysis_records

    source = Path(args.path)
    if source.is_dir():
        if not args.out:
            raise ArticleUnreadableError(f"{source} is a folder: give --out OUTDIR to write one JSON file per article.")
        return _quotes_of_folder(source, Path(args.out))
    from .pipeline import analyze

    analysis = analyze(load_article(path=Path(args.path)), corrections=_corrections_arg(args, Path(args.path)))
    records = analysis_records(analysis)
    if args.out:
        write_text(Path(args.out) / f"{Path(args.path).stem}.json", json.dumps(records, ensure_ascii=False, indent=1))
    else:
        print(json.dumps(records, ensure_ascii=False, indent=1))
    return 0


def _stance_item(number: int, line: str) -> tuple[str, str | None]:
    """(text, context) of one input line, or ValueError / TypeError naming what is wrong."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"line {number}: not JSON ({exc.msg})") from None
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise TypeError(f'line {number}: expected an object with a "text" string')
    context = item.get("context")
    if context is not None and not isinstance(context, str):
        raise TypeError(f'line {number}: "context" must be a string')
    return item["text"], context


def _quotes_of_folder(source: Path, out: Path) -> int:
    """OUTDIR/NAME.json for every article file of the folder; every other entry listed as skipped."""
    from .corpus import ArticleFailure, folder_listing, stream_corpus
    from .errors import ArticleNotFoundError
    from .files import remove_stale_temporaries, write_text
    from .tables import analysis_records

    files, skipped = folder_listing(source)
    if not files:
        raise ArticleNotFoundError(f"No article files (.txt, .md, .html) in {source}" + (f"; {len(skipped)} skipped." if skipped else "."))
    remove_stale_temporaries(out)
    done, failed = 0, 0
    # the corpus stream: one model, nlp.pipe in batches, the parse cache
    for result in stream_corpus(skipped + files, progress=sys.stderr.isatty()):
        if isinstance(result, ArticleFailure):
            failed += 1
            print(f"newsvoices: skipped {for_terminal(Path(result.source).name)}: {for_terminal(result.message)}", file=sys.stderr)
            continue
        records = analysis_records(result)
        write_text(out / f"{result.article.id}.json", json.dumps(records, ensure_ascii=False, indent=1))
        done += 1
    print(f"wrote {done} files to {for_terminal(out)}" + (f"; {failed} skipped" if failed else ""), file=sys.stderr)
    return EXIT_INPUT if failed and not done else 0


def cmd_stance(args) -> int:
    """One JSON line out per JSON line in, in order; a bad line gets null and an error on stderr."""
    from .nlp import load_model
    from .sentiment import sentiment
    from .stance import score_texts

    items, status = [], 0
    for number, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            items.append(_stance_item(number, line))
        except (ValueError, TypeError) as exc:
            print(f"newsvoices: {exc}", file=sys.stderr)
            items.append(None)
            status = EXIT_INPUT
    good = [item for item in items if item is not None]
    results = iter(score_texts(good, load_model(), args.method) if good else [])
    for item in items:
        if item is None:
            print("null", flush=True)
            continue
        result = next(results)
        record = {"label": result.label, "score": result.score, "confidence": result.confidence,
                  "cues": [c.as_dict() for c in result.cues if c.weight > 0], "examples": result.examples,
                  "polarity": sentiment(item[0]).polarity}
        print(json.dumps(record, ensure_ascii=False), flush=True)
    return status
