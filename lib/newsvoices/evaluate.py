"""Scoring statements against reference annotations (the seed's gold JSON and PolNeAR brat).

Matching rule: each gold statement, in order, takes the unused prediction that covers the
largest share of its characters, if that share exceeds the threshold t. Precision and recall
are over statements; speaker accuracy is over matched pairs (same person: the same last name
token, and one name's tokens a subset of the other's).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .lexicon import function_words, legal_forms


@dataclass
class GoldStatement:
    spans: list[tuple[int, int]]
    speaker: str | None = None
    kind: str | None = None
    stance: str | None = None
    cue: str | None = None
    cue_spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def length(self) -> int:
        return sum(b - a for a, b in self.spans)


@dataclass
class Score:
    gold: int
    predicted: int
    matched: int
    speaker_correct: int

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_correct / self.matched if self.matched else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.gold + other.gold, self.predicted + other.predicted,
                     self.matched + other.matched, self.speaker_correct + other.speaker_correct)

    def as_dict(self) -> dict:
        return {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                "precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3),
                "speaker_correct": self.speaker_correct, "speaker_accuracy": round(self.speaker_accuracy, 3)}


def _name_tokens(name: str | None) -> list[str]:
    if not name:
        return []
    name = re.sub(r"\([^)]*\)", " ", name)
    name = re.sub(r"['’]s\b", "", name)
    words = [w for w in re.findall(r"[\w\-]+", name.lower()) if w not in function_words("article")]
    legal = {form.lower() for form in legal_forms()}
    while len(words) > 1 and (words[-1] in function_words("name_suffix") or words[-1] in legal):
        words = words[:-1]  # "Morris J. Brooks Jr." is "Brooks"; "Veltrax Semiconductor Corp." is "Veltrax Semiconductor"
    return words


def same_person(a: str | None, b: str | None) -> bool:
    ta, tb = _name_tokens(a), _name_tokens(b)
    if not ta or not tb or ta[-1] != tb[-1]:
        return False
    return set(ta) <= set(tb) or set(tb) <= set(ta)


def coverage(gold: GoldStatement, start: int, end: int) -> float:
    if not gold.length:
        return 0.0
    covered = sum(max(0, min(b, end) - max(a, start)) for a, b in gold.spans)
    return covered / gold.length


def match(gold: list[GoldStatement], predicted: list[dict], threshold: float) -> list[tuple[int, int]]:
    """(gold index, prediction index) pairs under the matching rule above."""
    used: set[int] = set()
    pairs = []
    for g, statement in enumerate(gold):
        best, best_share = None, threshold
        for p, prediction in enumerate(predicted):
            if p in used:
                continue
            share = coverage(statement, prediction["content_start"], prediction["content_end"])
            if share > best_share:
                best, best_share = p, share
        if best is not None:
            used.add(best)
            pairs.append((g, best))
    return pairs


def speaker_right(gold: str | None, prediction: dict, speaker_field: str = "speaker") -> bool:
    """The same person; or, for a reference source "unnamed: ..." (a source the article does not
    name), a prediction that also calls its source unnamed (`anonymous`), whatever words describe it."""
    if gold and gold.lower().startswith("unnamed") and "anonymous" in prediction:
        return bool(prediction["anonymous"])
    return same_person(gold, prediction.get(speaker_field))


def score(gold: list[GoldStatement], predicted: list[dict], threshold: float = 0.3, speaker_field: str = "speaker") -> Score:
    pairs = match(gold, predicted, threshold)
    correct = sum(1 for g, p in pairs if speaker_right(gold[g].speaker, predicted[p], speaker_field))
    return Score(len(gold), len(predicted), len(pairs), correct)


def score_subset(gold: list[GoldStatement], keep: list[bool], predicted: list[dict], threshold: float = 0.3,
                 speaker_field: str = "speaker") -> Score:
    """Score on the gold statements where `keep` is true. Predictions matching a gold statement
    outside the subset are set aside: they are neither right nor wrong for it."""
    outside = [g for g, k in zip(gold, keep) if not k]
    inside = [g for g, k in zip(gold, keep) if k]
    set_aside = {p for _, p in match(outside, predicted, threshold)}
    remaining = [p for i, p in enumerate(predicted) if i not in set_aside]
    return score(inside, remaining, threshold, speaker_field)


# ---------------------------------------------------------------- readers

def read_gold_json(path: str | Path, text: str) -> list[GoldStatement]:
    """The seed's reference file: contents are verbatim, located in `text` in order."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    statements = []
    position = 0
    for item in data["statements"]:
        content = item["content"]
        found = text.find(content, position)
        if found < 0:
            found = text.find(content)
        if found < 0:
            raise ValueError(f"gold content not found in the article: {content[:60]!r}")
        position = found + 1
        statements.append(GoldStatement([(found, found + len(content))], item.get("speaker"), item.get("kind"),
                                        item.get("stance"), item.get("cue")))
    return statements


def read_brat(path: str | Path) -> list[GoldStatement]:
    """PolNeAR attributions from a brat .ann file (discontinuous spans kept)."""
    spans, texts = {}, {}
    events = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            label, _, offsets = parts[1].partition(" ")
            pieces = [tuple(int(x) for x in chunk.split()) for chunk in offsets.split(";") if chunk.strip()]
            spans[parts[0]] = (label, pieces)
            texts[parts[0]] = parts[2] if len(parts) > 2 else ""
        elif line.startswith("E"):
            parts = line.split("\t")
            roles = dict(item.split(":", 1) for item in parts[1].split() if ":" in item)
            events.append(roles)
    statements = []
    for roles in events:
        content = roles.get("Content")
        if content not in spans:
            continue
        source = roles.get("Source")
        cue = roles.get("Cue")
        statements.append(GoldStatement(
            spans=sorted(spans[content][1]),
            speaker=texts.get(source) if source else None,
            cue=texts.get(cue) if cue else None,
            cue_spans=spans[cue][1] if cue in spans else [],
        ))
    statements.sort(key=lambda s: s.spans[0][0])
    return statements


def polnear_articles(root: str | Path, split: str = "dev"):
    """(name, text path, first annotation path) for each article of a PolNeAR split."""
    root = Path(root)
    texts = sorted((root / split / "text").glob("*.txt"))
    annotations = sorted((root / split / "attributions").glob("*.ann"))
    for text_path in texts:
        name = text_path.stem
        candidates = [a for a in annotations if a.stem.rsplit("_", 1)[0] == name]
        if candidates:
            yield name, text_path, candidates[0]
