"""Step 6: the DataFrames users read: tokens, entities, entity counts, statements, speakers."""
from __future__ import annotations

import pandas as pd

from .nlp import sentence_numbers

TOKEN_COLUMNS = ["i", "text", "lemma", "pos", "tag", "dep", "head", "sentence", "paragraph",
                 "is_stop", "is_punct", "start_char", "end_char"]
ENTITY_COLUMNS = ["text", "label", "start_char", "end_char", "sentence", "paragraph", "canonical", "title"]
ENTITY_COUNT_COLUMNS = ["canonical", "label", "mentions", "variants", "titles", "first_paragraph"]


def token_table(doc, paragraph_of_char) -> pd.DataFrame:
    sentence = sentence_numbers(doc).tolist()
    rows = []
    for token in doc:
        if token.is_space:
            continue
        rows.append((token.i, token.text, token.lemma_, token.pos_, token.tag_, token.dep_, token.head.i, sentence[token.i],
                     paragraph_of_char(token.idx), token.is_stop, token.is_punct, token.idx, token.idx + len(token.text)))
    return pd.DataFrame(rows, columns=TOKEN_COLUMNS)


def entity_table(index) -> pd.DataFrame:
    rows = [(m.text, m.label, m.start_char, m.end_char, m.sentence, m.paragraph, m.canonical, m.title) for m in index.mentions]
    return pd.DataFrame(rows, columns=ENTITY_COLUMNS)


def entity_count_table(entities: pd.DataFrame, titles: dict[str, list[str]]) -> pd.DataFrame:
    """One row per canonical entity and label (plain Python grouping: pandas' groupby costs
    more than the rest of the analysis on a short article)."""
    groups: dict = {}
    for text, label, canonical, paragraph in zip(entities["text"], entities["label"], entities["canonical"], entities["paragraph"]):
        entry = groups.setdefault((canonical, label), {"mentions": 0, "variants": {}, "first": paragraph})
        entry["mentions"] += 1
        entry["variants"].setdefault(text, None)
        entry["first"] = min(entry["first"], paragraph)
    rows = [(canonical, label, g["mentions"], list(g["variants"]), titles.get(canonical, []) if label == "PERSON" else [], int(g["first"]))
            for (canonical, label), g in groups.items()]
    rows.sort(key=lambda r: (-r[2], r[5]))
    return pd.DataFrame(rows, columns=ENTITY_COUNT_COLUMNS)


STATEMENT_COLUMNS = ["content", "content_start", "content_end", "kind", "cue", "mention", "mention_start", "mention_end",
                     "speaker", "anonymous", "affiliation", "role", "paragraph", "sentence"]
STANCE_COLUMNS = ["stance", "stance_score", "stance_confidence", "stance_cues", "stance_examples", "polarity",
                  "subjectivity", "vader"]
SPEAKER_COLUMNS = ["speaker", "affiliation", "role", "anonymous", "statements", "direct", "indirect", "mixed", "first_paragraph"]
SPEAKER_EXTRA_COLUMNS = ["gender", "corrected"]
INTEGER_STATEMENT_COLUMNS = ("content_start", "content_end", "mention_start", "mention_end", "paragraph", "sentence")
INTEGER_SPEAKER_COLUMNS = ("statements", "direct", "indirect", "mixed", "first_paragraph")


EXTRA_COLUMNS = ["id", "gender", "corrected"]  # stable id, speaker's gender as the article gives it, changed by a correction


def statement_records(statements, extra: dict[str, list] | None = None) -> list[dict]:
    """Plain records (the JSON contract of `python -m newsvoices quotes`); `extra` adds
    columns, one value per statement (`id`, `gender`, `corrected` from the pipeline)."""
    records = []
    for n, s in enumerate(statements):
        record = {column: getattr(s, column) for column in STATEMENT_COLUMNS}
        for column in STANCE_COLUMNS:
            record[column] = getattr(s, column)
        for column, values in (extra or {}).items():
            record[column] = values[n]
        records.append(record)
    return records


def analysis_records(analysis) -> list[dict]:
    """An analysis's statements as plain records, with their id, gender and corrected flag."""
    table = analysis.statements
    extra = {c: [v.item() if hasattr(v, "item") else v for v in table[c]] for c in EXTRA_COLUMNS if c in table}
    return statement_records(analysis.statement_list, extra)


def statement_table(statements, extra: dict[str, list] | None = None) -> pd.DataFrame:
    records = statement_records(statements, extra)
    columns = list(records[0]) if records else STATEMENT_COLUMNS + (STANCE_COLUMNS + list(extra) if extra else [])
    table = pd.DataFrame(records, columns=columns)
    for column in ("content_start", "content_end", "paragraph", "sentence"):
        table[column] = table[column].astype("int64")
    for column in ("mention_start", "mention_end"):
        table[column] = table[column].astype("Int64")
    table["anonymous"] = table["anonymous"].astype(bool)
    if "corrected" in table:
        table["corrected"] = table["corrected"].astype(bool)
    return table


def speaker_table(statements: pd.DataFrame) -> pd.DataFrame:
    """One row per speaker, most quoted first."""
    if statements.empty:
        return pd.DataFrame(columns=SPEAKER_COLUMNS + [c for c in SPEAKER_EXTRA_COLUMNS if c in statements])
    import statistics
    from collections import Counter

    from .gender import speaker_gender

    groups: dict = {}
    for record in statements.to_dict("records"):
        groups.setdefault(record["speaker"], []).append(record)
    rows = []
    for speaker, records in groups.items():
        kinds = Counter(r["kind"] for r in records)
        affiliations = Counter(r["affiliation"] for r in records if isinstance(r["affiliation"], str))
        roles = Counter(r["role"] for r in records if isinstance(r["role"], str))
        row = {
            "speaker": speaker,
            "affiliation": _most_common(affiliations),
            "role": _most_common(roles),
            "anonymous": any(bool(r["anonymous"]) for r in records),
            "statements": len(records),
            "direct": kinds.get("direct", 0),
            "indirect": kinds.get("indirect", 0),
            "mixed": kinds.get("mixed", 0),
            "first_paragraph": min(int(r["paragraph"]) for r in records),
        }
        if "gender" in records[0]:
            row["gender"] = speaker_gender(r["gender"] for r in records)
        if "corrected" in records[0]:
            row["corrected"] = any(bool(r["corrected"]) for r in records)
        for column in ("stance_score", "polarity"):
            if column in records[0]:
                values = [float(r[column]) for r in records]
                row[f"{column}_mean"] = statistics.fmean(values)
                row[f"{column}_std"] = statistics.pstdev(values)
        rows.append(row)
    rows.sort(key=lambda r: (-r["statements"], r["first_paragraph"]))
    return pd.DataFrame(rows)


def _most_common(counter) -> str | None:
    """The most frequent value; ties go to the alphabetically first (as pandas' mode did)."""
    if not counter:
        return None
    top = max(counter.values())
    return min(value for value, n in counter.items() if n == top)


def affiliation_table(statements: pd.DataFrame) -> pd.DataFrame:
    columns = ["affiliation", "speakers", "statements", "stance_score_mean", "polarity_mean"]
    if statements.empty:
        return pd.DataFrame(columns=columns)
    table = statements.assign(affiliation=statements["affiliation"].fillna("unknown"))
    grouped = table.groupby("affiliation").agg(
        speakers=("speaker", "nunique"), statements=("speaker", "size"),
        stance_score_mean=("stance_score", "mean"), polarity_mean=("polarity", "mean"))
    return grouped.reset_index().sort_values(["statements", "affiliation"], ascending=[False, True], ignore_index=True)


STANCE_BACKGROUNDS = {"hopeful": "#d9f2e9", "hardline": "#f8dccb", "skeptical": "#f3e0ec", "neutral": "#eeeeee"}


def styled_statements(statements: pd.DataFrame):
    """The statements table for reading in a notebook: stance coloured, offsets hidden."""
    columns = [c for c in ("speaker", "kind", "content", "stance", "stance_score", "polarity", "affiliation", "paragraph")
               if c in statements.columns]
    view = statements[columns]
    # escape="html": article text is shown as text, never as live markup
    styler = view.style.format(na_rep="", escape="html")
    numbers = [c for c in ("stance_score", "polarity") if c in columns]
    if numbers:
        styler = styler.format("{:+.2f}", subset=numbers, na_rep="")
    if "stance" in columns:
        styler = styler.map(lambda v: f"background-color: {STANCE_BACKGROUNDS.get(v, 'white')}", subset=["stance"])
    if "stance_score" in columns:
        styler = styler.background_gradient(cmap="RdYlGn", vmin=-1, vmax=1, subset=["stance_score"])
    styler = styler.set_table_attributes('class="tex2jax_ignore mathjax_ignore"')  # "$5" is money, not mathematics
    return styler.set_properties(subset=["content"], **{"text-align": "left", "white-space": "normal"}).hide(axis="index")


def stance_cue_table(statements: pd.DataFrame) -> pd.DataFrame:
    """Why each statement got its stance: the cues, as readable text."""
    def describe(cues) -> str:
        if not isinstance(cues, list) or not cues:
            return ""
        return "; ".join(f"{c['text']} ({c['side']}{', negated' if c.get('negated') else ''}, {c['weight']:g})" for c in cues)

    if statements.empty:
        return pd.DataFrame(columns=["speaker", "stance", "stance_score", "cues", "content"])
    return pd.DataFrame({"speaker": statements["speaker"], "stance": statements["stance"],
                         "stance_score": statements["stance_score"], "cues": statements["stance_cues"].map(describe),
                         "content": statements["content"]})


def styled_cues(statements: pd.DataFrame):
    """The cue table for reading: text left-aligned, line breaks in a quotation as spaces, escaped."""
    table = stance_cue_table(statements)
    table = table.assign(content=table["content"].map(lambda v: " ".join(str(v).split())))
    styler = table.style.format(na_rep="", escape="html").hide(axis="index")
    if "stance_score" in table and len(table):
        styler = styler.format("{:+.2f}", subset=["stance_score"], na_rep="")
    styler = styler.set_table_attributes('class="tex2jax_ignore mathjax_ignore"')
    return styler.set_properties(subset=["speaker", "stance", "cues", "content"], **{"text-align": "left", "white-space": "normal"})


LOW_CONFIDENCE = 0.5  # below this probability of its label, a statement's stance counts as uncertain


def low_confidence(statements: pd.DataFrame) -> pd.Series:
    """True where the classifier was unsure of the label (never for the lexicon, which gives none)."""
    if "stance_confidence" not in statements:
        return pd.Series(False, index=statements.index)
    return pd.to_numeric(statements["stance_confidence"], errors="coerce").fillna(1.0) < LOW_CONFIDENCE


def least_certain(statements: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """The statements whose stance the classifier was least sure of, first: the ones to check."""
    columns = [c for c in ("speaker", "stance", "stance_confidence", "stance_score", "content") if c in statements]
    if "stance_confidence" not in statements or statements.empty:
        return statements[columns].head(0)
    ranked = statements.assign(_c=pd.to_numeric(statements["stance_confidence"], errors="coerce"))
    return ranked.sort_values("_c", kind="stable").head(n)[columns].reset_index(drop=True)
