"""Training data and features for the stance classifier (`python -m newsvoices.stance train`).

Labelled statements come from three places, all in the repository's `benchmarks/` folder:

- `stance_train.tsv`: PolNeAR train statements labelled by reading (file + offsets + label; the
  text is read from the corpus, which is not shipped), the training split;
- the made-up article sets `styles/`, `heldout/`, `blind/` (text and labels in `*.gold.json`),
  also training data;
- `stance_dev.tsv`: PolNeAR train statements from 223 other articles, the dev split, never
  trained on.

Each statement is read with its reporting verb (the cue) and its sentence, found by spaCy's
parse of its paragraph, the way the pipeline sees a statement inside an article.
"""
from __future__ import annotations

import csv
import json
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .encoder import encode_pooled

MADE_UP_SETS = ("styles", "heldout", "blind", "varied")


@dataclass
class LabelledStatement:
    text: str
    cue: str
    sentence: str
    label: str
    group: str  # the article: cross-validation never splits one article's statements
    origin: str  # polnear, styles, heldout, blind, dev


def repository_benchmarks() -> Path:
    return Path(__file__).resolve().parents[3] / "benchmarks"


def polnear_root() -> Path:
    default = repository_benchmarks().parent.parent / "shared" / "data" / "polnear"
    return Path(os.environ.get("NEWSVOICES_POLNEAR", default))


def _paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = text.rfind("\n\n", 0, start)
    hi = text.find("\n\n", end)
    return (lo + 2 if lo >= 0 else 0, hi if hi >= 0 else len(text))


def _sentences_around(nlp, pieces: list[tuple[str, int, int]]) -> list[str]:
    """For each (paragraph, start, end), the paragraph's sentences that overlap [start, end)."""
    out = []
    for doc, (_, start, end) in zip(nlp.pipe(p for p, _, _ in pieces), pieces):
        sents = [s for s in doc.sents if s.end_char > start and s.start_char < end]
        out.append(" ".join(s.text for s in sents) if sents else doc.text)
    return out


def read_polnear(tsv: Path, nlp, origin: str) -> list[LabelledStatement]:
    root = polnear_root() / "train" / "text"
    rows = list(csv.DictReader(tsv.open(encoding="utf-8"), delimiter="\t"))
    texts, pieces = [], []
    for row in rows:
        article = (root / f"{row['file']}.txt").read_text(encoding="utf-8")
        spans = [tuple(int(x) for x in part.split()) for part in row["content_spans"].split(";")]
        texts.append(" ".join(article[a:b] for a, b in spans))
        lo, hi = _paragraph_bounds(article, spans[0][0], spans[-1][1])
        pieces.append((article[lo:hi], spans[0][0] - lo, spans[-1][1] - lo))
    sentences = _sentences_around(nlp, pieces)
    return [LabelledStatement(" ".join(t.split()), " ".join(row["cue"].split()), " ".join(s.split()), row["label"],
                              row["file"], origin) for t, s, row in zip(texts, sentences, rows)]


def read_made_up(folder: Path, nlp) -> list[LabelledStatement]:
    items, pieces = [], []
    for gold in sorted(folder.glob("*.gold.json")):
        article_file = folder / gold.name.replace(".gold.json", ".txt")
        article = article_file.read_text(encoding="utf-8") if article_file.exists() else ""
        for s in json.loads(gold.read_text(encoding="utf-8"))["statements"]:
            at = article.find(s["content"])
            lo, hi = _paragraph_bounds(article, at, at + len(s["content"])) if at >= 0 else (0, 0)
            pieces.append((article[lo:hi] if at >= 0 else s["content"], max(at - lo, 0),
                           max(at - lo, 0) + len(s["content"])))
            items.append(LabelledStatement(s["content"], s.get("cue") or "", "", s["stance"], gold.name, folder.name))
    for item, sentence in zip(items, _sentences_around(nlp, pieces)):
        item.sentence = " ".join(sentence.split())
    return items


def training_set(nlp, benchmarks: Path | None = None) -> list[LabelledStatement]:
    benchmarks = benchmarks or repository_benchmarks()
    items = read_polnear(benchmarks / "stance_train.tsv", nlp, "polnear")
    for name in MADE_UP_SETS:
        items += read_made_up(benchmarks / name, nlp)
    return items


def dev_set(nlp, benchmarks: Path | None = None) -> list[LabelledStatement]:
    return read_polnear((benchmarks or repository_benchmarks()) / "stance_dev.tsv", nlp, "dev")


# What the classifier reads of a statement, as "+"-joined parts. An encoder's part is named
# "<encoder>.<kind>" (`encoder.ENCODERS`): "statement", its sentence embedding; "max", its
# max-pooled token states (MiniLM only: one strong word the mean dilutes); "cue", the embedding
# of the reporting verb ("slammed", "welcomed"); "sentence", the embedding of the sentence it
# stands in (the framing around the words). "lexicon" is the rule-based scorer's totals
# (`rules.py`), which the head learns to trust as far as they deserve.
MINILM_ALL = "minilm.statement+minilm.max+minilm.cue+minilm.sentence+lexicon"
VARIANTS = ("minilm.statement", "minilm.statement+minilm.cue", "minilm.statement+minilm.cue+minilm.sentence",
            MINILM_ALL, "e5.statement", "e5.statement+e5.cue+e5.sentence+lexicon",
            MINILM_ALL + "+e5.statement", MINILM_ALL + "+e5.statement+e5.sentence")
# the best by cross-validation, level with e5's own parts, and the better of the two on dev (README)
DEFAULT_VARIANT = MINILM_ALL + "+e5.statement+e5.sentence"
FAST_VARIANT = MINILM_ALL  # the `fast` method: MiniLM alone, about a fifth of the cost
KINDS = ("statement", "max", "cue", "sentence")
MAX_SCALE = 0.1  # max-pooled states are about ten times larger than the unit-length mean


def variant_parts(variant: str) -> list[str]:
    """The variant's parts, checked: a one-line error names a part no encoder gives."""
    from ..errors import NewsvoicesError
    from .encoder import ENCODERS

    parts = variant.split("+")
    for part in parts:
        name, _, kind = part.partition(".")
        if part != "lexicon" and not (name in ENCODERS and kind in KINDS and (kind != "max" or name == "minilm")):
            raise NewsvoicesError(f"unknown stance input {part!r} in {variant!r}: parts are 'lexicon' or "
                                  f"<encoder>.<kind> with encoder in {', '.join(ENCODERS)} and kind in {', '.join(KINDS)}")
    return parts


def lexicon_features(totals: list[dict]) -> np.ndarray:
    """tanh of the hopeful, hardline and skeptical totals, and whether each passes the threshold."""
    from .rules import THRESHOLD

    raw = np.array([[t.get(side, 0.0) for side in ("hopeful", "hardline", "skeptical")] for t in totals],
                   dtype=np.float32).reshape(-1, 3)
    return np.hstack([np.tanh(raw), (raw > THRESHOLD).astype(np.float32)])


def encoder_parts(name: str, kinds: set[str], texts: list[str], cues: list[str],
                  sentences: list[str]) -> dict[str, np.ndarray]:
    """One encoder's parts. Statements, cues and sentences go to it as one batch of distinct
    texts: an article's cues are mostly "said", and a sentence is often the statement itself."""
    wanted = list(texts)
    if "cue" in kinds:
        wanted += [c or "said" for c in cues]
    if "sentence" in kinds:
        wanted += list(sentences)
    distinct = list(dict.fromkeys(wanted))
    mean, peak = encode_pooled(distinct, name)
    row = {text: i for i, text in enumerate(distinct)}
    n = len(texts)
    rows = [row[t] for t in wanted]
    out = {f"{name}.statement": mean[rows[:n]], f"{name}.max": peak[rows[:n]] * MAX_SCALE}
    rest = rows[n:]
    if "cue" in kinds:
        out[f"{name}.cue"], rest = mean[rest[:n]], rest[n:]
    if "sentence" in kinds:
        out[f"{name}.sentence"] = mean[rest[:n]]
    return out


def feature_parts(texts: list[str], cues: list[str], sentences: list[str], totals: list[dict],
                  variant: str) -> dict[str, np.ndarray]:
    """Each part a variant names, from parallel lists (one entry per statement)."""
    parts = variant_parts(variant)
    kinds_by_encoder: dict[str, set[str]] = {}
    for part in parts:
        if part != "lexicon":
            name, _, kind = part.partition(".")
            kinds_by_encoder.setdefault(name, set()).add(kind)
    out = {}
    for name, kinds in kinds_by_encoder.items():
        out.update(encoder_parts(name, kinds, texts, cues, sentences))
    if "lexicon" in parts:
        out["lexicon"] = lexicon_features(totals)
    return out


def assemble(parts: dict[str, np.ndarray], variant: str) -> np.ndarray:
    return np.hstack([parts[name] for name in variant.split("+")])


def features(texts: list[str], cues: list[str], sentences: list[str], totals: list[dict], variant: str) -> np.ndarray:
    return assemble(feature_parts(texts, cues, sentences, totals, variant), variant)


def lexicon_totals(items: list[LabelledStatement], nlp) -> list[dict]:
    from .rules import score_text

    return [score_text(i.text, i.cue or None, nlp).totals for i in items]


def item_parts(items: list[LabelledStatement], variant: str, nlp=None) -> dict[str, np.ndarray]:
    totals = lexicon_totals(items, nlp) if "lexicon" in variant.split("+") else [{} for _ in items]
    return feature_parts([i.text for i in items], [i.cue for i in items], [i.sentence for i in items], totals, variant)
