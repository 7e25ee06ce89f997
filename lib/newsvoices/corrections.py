"""Corrections that survive a rerun: the analyst's fixes, kept in a file beside the article.

Every statement has a stable id (`statement_id`): derived from the article and the statement's
text, so the same article gives the same ids on every run. A corrections file (CSV or YAML)
names statements by id and speakers by name; `apply_corrections` applies it to the statements
after the analysis, marks every row it changed (`corrected`), and warns, naming the
correction, when one no longer matches anything.

The file is `<article>.corrections.csv` (or `.yaml` / `.yml`) beside the article, or any
file given with `corrections=` / `--corrections`. Columns (CSV) or keys (YAML, a list of
mappings): `action`, `statement`, `speaker`, `value`, `text`, `note`. Actions:

| action | what it needs | what it does |
|---|---|---|
| `reassign` | `statement`, `speaker` | the statement was said by `speaker` |
| `merge` | `speaker`, `value` | speaker `speaker` is the same as `value` (its statements go to `value`) |
| `rename` | `speaker`, `value` | speaker `speaker` is called `value` |
| `affiliation` | `speaker`, `value` | speaker `speaker` is affiliated with `value` |
| `drop` | `statement` | the statement is not an attributed statement |
| `add` | `text`, `speaker` | the article text `text` is a statement by `speaker` (missed by the rules) |
| `stance` | `statement`, `value` | the statement's stance is `value` (hopeful, hardline, skeptical, neutral) |
"""
from __future__ import annotations

import bisect
import csv
import hashlib
import io
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from .errors import NewsvoicesError, NewsvoicesWarning
from .files import read_regular_file

ACTIONS = ("reassign", "merge", "rename", "affiliation", "drop", "add", "stance")
STANCES = ("hopeful", "hardline", "skeptical", "neutral")
FIELDS = ("action", "statement", "speaker", "value", "text", "note")
SUFFIXES = (".corrections.csv", ".corrections.yaml", ".corrections.yml")
OPEN_QUOTES = "\"“‘'«"


class CorrectionsError(NewsvoicesError):
    """A corrections file that cannot be read (bad format, unknown action, missing field)."""


@dataclass(frozen=True)
class Correction:
    action: str
    statement: str | None = None
    speaker: str | None = None
    value: str | None = None
    text: str | None = None
    note: str | None = None
    number: int = 0  # its row (CSV, after the header) or item (YAML), from 1

    def describe(self) -> str:
        what = self.statement or self.speaker or (f"text {self.text[:40]!r}" if self.text else "")
        return f"correction {self.number} ({self.action} {what})".replace(" )", ")")


@dataclass
class Corrected:
    """The statements after corrections, with one flag, id and gender per statement."""

    statements: list
    ids: list[str]
    corrected: list[bool]
    genders: list[str]
    applied: list[Correction] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    source: str | None = None


# ---------------------------------------------------------------- ids

def _normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def statement_ids(article_id: str, statements) -> list[str]:
    """A stable id per statement: a hash of the article id, the statement's text (spacing
    and case ignored) and, for a text said twice, which occurrence it is."""
    seen: dict[str, int] = {}
    ids = []
    for statement in statements:
        key = _normalised(statement.content)
        seen[key] = seen.get(key, 0) + 1
        digest = hashlib.sha1(f"{article_id}\n{key}\n{seen[key]}".encode("utf-8", "surrogatepass")).hexdigest()
        ids.append("s" + digest[:8])
    return ids


# ---------------------------------------------------------------- reading the file

def corrections_beside(article_path: str | Path | None) -> Path | None:
    """The corrections file beside an article (`story.txt` -> `story.corrections.csv`), if any."""
    if not article_path:
        return None
    path = Path(article_path)
    for suffix in SUFFIXES:
        candidate = path.with_name(path.stem + suffix)
        if candidate.is_file():
            return candidate
    return None


def read_corrections(path: str | Path) -> list[Correction]:
    """The corrections of a CSV or YAML file; a malformed file is a one-line `CorrectionsError`."""
    path = Path(path)
    try:
        text = read_regular_file(path).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CorrectionsError(f"{path} is not UTF-8 text.") from None
    except NewsvoicesError as exc:
        raise CorrectionsError(f"Corrections file: {exc}") from None
    return parse_corrections(text, "yaml" if path.suffix.lower() in {".yaml", ".yml"} else "csv", path)


def parse_corrections(text: str, fmt: str = "csv", path: str | Path = "the corrections") -> list[Correction]:
    """Corrections from the text of a CSV (`fmt="csv"`) or YAML (`fmt="yaml"`) file."""
    if fmt == "yaml":
        items = _yaml_items(text, path)
    else:
        items = list(csv.DictReader(io.StringIO(text)))
        if items and "action" not in items[0]:
            raise CorrectionsError(f"{path}: the first line must name the columns, starting with 'action' "
                                   f"(action,statement,speaker,value,text).")
    return [_correction(item, number, path) for number, item in enumerate(items, 1) if any((v or "").strip() if isinstance(v, str) else v for v in item.values())]


def _yaml_items(text: str, path) -> list[dict]:
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise CorrectionsError(f"{path} is not valid YAML ({str(exc).splitlines()[0]}).") from None
    if isinstance(data, dict):
        data = data.get("corrections")
    if data is None:
        return []
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise CorrectionsError(f"{path}: expected a list of corrections, each a mapping with an 'action'.")
    return data


def _correction(item: dict, number: int, path) -> Correction:
    values = {key: (str(item[key]).strip() if item.get(key) is not None and str(item[key]).strip() else None) for key in FIELDS}
    unknown = sorted(str(k) for k in item if k not in FIELDS and k is not None)
    if unknown:
        raise CorrectionsError(f"{path}, correction {number}: unknown field {unknown[0]!r} (fields: {', '.join(FIELDS)}).")
    action = (values.pop("action") or "").lower()
    if action not in ACTIONS:
        raise CorrectionsError(f"{path}, correction {number}: unknown action {action!r} (actions: {', '.join(ACTIONS)}).")
    needed = {"reassign": ("statement", "speaker"), "merge": ("speaker", "value"), "rename": ("speaker", "value"),
              "affiliation": ("speaker", "value"), "drop": ("statement",), "add": ("text", "speaker"),
              "stance": ("statement", "value")}[action]
    missing = [name for name in needed if not values[name]]
    if missing:
        raise CorrectionsError(f"{path}, correction {number} ({action}): needs {' and '.join(missing)}.")
    if action == "stance" and values["value"].lower() not in STANCES:
        raise CorrectionsError(f"{path}, correction {number}: stance must be one of {', '.join(STANCES)}, "
                               f"not {values['value']!r}.")
    return Correction(action=action, number=number, **values)


# ---------------------------------------------------------------- applying them

def apply_corrections(corrections: list[Correction], statements: list, ids: list[str], genders: list[str],
                      article, doc, annotate, source: str | None = None,
                      person_genders: dict | None = None) -> Corrected:
    """Apply `corrections` in file order to `statements` (modified in place where kept).
    `annotate(new_statements, doc)` scores the stance of added statements. A correction that
    matches nothing is left out, with a `NewsvoicesWarning` naming it."""
    result = Corrected(list(statements), list(ids), [False] * len(statements), list(genders), source=source)
    person_genders = person_genders or {}
    for correction in corrections:
        problem = _apply_one(correction, result, article, doc, annotate, person_genders)
        if problem:
            message = f"{correction.describe()}{' in ' + source if source else ''} no longer matches: {problem}; it was not applied."
            result.stale.append(message)
            warnings.warn(message, NewsvoicesWarning, stacklevel=4)
        else:
            result.applied.append(correction)
    return result


def _positions(result: Corrected, statement_id: str) -> list[int]:
    return [i for i, ident in enumerate(result.ids) if ident == statement_id]


def _speaker_rows(result: Corrected, speaker: str) -> list[int]:
    rows = [i for i, s in enumerate(result.statements) if s.speaker == speaker]
    if not rows:  # names are matched as written, then ignoring case and spacing
        wanted = _normalised(speaker)
        rows = [i for i, s in enumerate(result.statements) if s.speaker and _normalised(s.speaker) == wanted]
    return rows


def _gender_of(result: Corrected, speaker: str, person_genders: dict) -> str:
    known = {result.genders[i] for i, s in enumerate(result.statements) if s.speaker == speaker} - {"unknown"}
    if len(known) == 1:
        return known.pop()
    return person_genders.get(speaker, "unknown")


def _apply_one(c: Correction, result: Corrected, article, doc, annotate, person_genders) -> str | None:
    """Apply one correction; return why it matches nothing, or None when applied."""
    if c.action in {"reassign", "drop", "stance"}:
        rows = _positions(result, c.statement)
        if not rows:
            return f"no statement has the id {c.statement}"
        if c.action == "drop":
            for i in reversed(rows):
                for column in ("statements", "ids", "corrected", "genders"):
                    del getattr(result, column)[i]
            return None
        for i in rows:
            statement = result.statements[i]
            if c.action == "reassign":
                gender = _gender_of(result, c.speaker, person_genders)
                statement.speaker, statement.anonymous = c.speaker, False
                statement.role = None
                result.genders[i] = gender
            else:
                _set_stance(statement, c.value.lower())
            result.corrected[i] = True
        return None
    if c.action == "add":
        return _add(c, result, article, doc, annotate, person_genders)
    rows = _speaker_rows(result, c.speaker)
    if not rows:
        return f"no statement is by {c.speaker!r}"
    if c.action == "affiliation":
        for i in rows:
            result.statements[i].affiliation = c.value
            result.corrected[i] = True
        return None
    # merge or rename: the statements move to the name in `value`
    target_rows = _speaker_rows(result, c.value) if c.action == "merge" else []
    if c.action == "merge" and not target_rows:
        return f"no statement is by {c.value!r}, the speaker to merge into"
    target = result.statements[target_rows[0]] if target_rows else None
    genders = {result.genders[i] for i in rows + target_rows} - {"unknown"}
    gender = genders.pop() if len(genders) == 1 else "unknown"
    for i in rows + target_rows:
        statement = result.statements[i]
        statement.speaker = target.speaker if target is not None else c.value
        if target is not None:
            statement.affiliation = statement.affiliation if target.affiliation is None else target.affiliation
            statement.anonymous = target.anonymous
        result.genders[i] = gender
        result.corrected[i] = True
    return None


# Stance labels set by hand keep the classifier's strength but take the label's side of zero,
# so that the figures place a statement where its label says.
def _set_stance(statement, label: str) -> None:
    score = float(statement.stance_score or 0.0)
    strength = max(abs(score), 0.25)
    if label == "hopeful":
        score = strength
    elif label in {"hardline", "skeptical"}:
        score = -strength
    else:
        score = 0.0
    statement.stance, statement.stance_score, statement.stance_confidence = label, score, 1.0


def _find(article_text: str, wanted: str) -> tuple[int, int] | None:
    start = article_text.find(wanted)
    if start >= 0:
        return start, start + len(wanted)
    pattern = r"\s+".join(re.escape(word) for word in wanted.split())  # line breaks and spacing may differ
    match = re.search(pattern, article_text, re.IGNORECASE)
    return (match.start(), match.end()) if match else None


def _add(c: Correction, result: Corrected, article, doc, annotate, person_genders) -> str | None:
    from .nlp import sentence_numbers
    from .quotes import Statement

    span = _find(article.text, c.text)
    if span is None:
        return "its text is not in the article"
    start, end = span
    if any(s.content_start <= start and end <= s.content_end for s in result.statements):
        return "the rules already find a statement holding this text"
    before = article.text[max(0, start - 1):start]
    token_starts = [token.idx for token in doc]
    token = max(0, bisect.bisect_right(token_starts, start) - 1)
    statement = Statement(content_start=start, content_end=end, kind="direct" if before and before in OPEN_QUOTES else "indirect",
                          content=article.text[start:end], speaker=c.speaker, paragraph=article.paragraph_at(start),
                          sentence=int(sentence_numbers(doc)[token]) if len(doc) else 0)
    annotate([statement], doc)
    gender = _gender_of(result, c.speaker, person_genders)
    where = bisect.bisect_right([s.content_start for s in result.statements], start)
    result.statements.insert(where, statement)
    result.ids.insert(where, statement_ids(article.id, [statement])[0])
    result.corrected.insert(where, True)
    result.genders.insert(where, gender)
    return None
