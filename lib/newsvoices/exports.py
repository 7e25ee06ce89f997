"""Tables as files for other programs: CSV (plain UTF-8) and one Excel workbook.

Both are made for spreadsheets: a cell a spreadsheet would run as a formula is neutralised
(`output_text.spreadsheet_cell`). List and dict cells (the stance cues) are written as JSON,
never as Python's repr; counts and offsets stay integers (nullable where a value can be
missing, like a floating quote's mention offsets), never `49.0`. Files are written atomically,
and the workbook is byte-identical on a rerun (fixed dates inside it)."""
from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pandas as pd

from .files import atomic_path, write_text
from .output_text import spreadsheet_table

INTEGER_COLUMNS = {"content_start", "content_end", "mention_start", "mention_end", "paragraph", "sentence", "statements",
                   "direct", "indirect", "mixed", "first_paragraph", "speakers", "paragraphs", "mentions", "articles",
                   "start_char", "end_char", "i", "head"}
FIXED_DATE = "2000-01-01T00:00:00Z"


def _json_cell(value):
    if isinstance(value, (list, dict, tuple)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def for_export(table: pd.DataFrame) -> pd.DataFrame:
    """A copy with list cells as JSON, integer columns as (nullable) integers, text made safe."""
    table = table.copy()
    for column in table.columns:
        series = table[column]
        if series.dtype == object and series.map(lambda v: isinstance(v, (list, dict, tuple))).any():
            table[column] = series.map(_json_cell)
        elif column in INTEGER_COLUMNS and series.dtype != bool:
            numbers = pd.to_numeric(series, errors="coerce")
            if (numbers.dropna() % 1 == 0).all():
                table[column] = numbers.astype("Int64")
    return spreadsheet_table(table)


def write_csv(path: str | Path, table: pd.DataFrame) -> Path:
    return write_text(path, for_export(table).to_csv(index=False))


def write_workbook(path: str | Path, sheets: dict[str, pd.DataFrame]) -> Path:
    """One Excel sheet per table (openpyxl), header row frozen, written atomically."""
    path = Path(path)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, table in sheets.items():
            sheet = re.sub(r"[\[\]:*?/\\]", "_", name)[:31]
            for_export(table).to_excel(writer, sheet_name=sheet, index=False)
            writer.sheets[sheet].freeze_panes = "A2"
    with atomic_path(path) as temporary:
        temporary.write_bytes(_reproducible(buffer.getvalue()))
    return path


def _reproducible(data: bytes) -> bytes:
    """The workbook with the dates openpyxl stamps (zip entries, document properties) fixed."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + FIXED_DATE.encode(), content)
            entry = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, content)
    return out.getvalue()
