"""Article text made safe for each place it is written to.

Article text is untrusted: it may hold terminal escape sequences, control characters,
U+FEFF or cells a spreadsheet would run as formulas. The analysis keeps the exact text (and
Parquet and JSON outputs keep it too); these functions clean it only where it is shown or
written for another program to interpret.
"""
from __future__ import annotations

import re

# ESC-introduced sequences: CSI (colours, cursor moves, line clears), OSC (window titles,
# hyperlinks) ended by BEL or ESC \, and the two-character escapes.
_ESCAPE_SEQUENCE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]?|\x9b[0-?]*[ -/]*[@-~]")
# C0 and C1 controls, DEL, and the invisible format characters that reorder or hide text
# (bidirectional overrides, zero-width marks, U+FEFF).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]")
_CONTROL_KEEPING_LINES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# OWASP: a cell starting with one of these is read by spreadsheets as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def for_terminal(text) -> str:
    """One line of printable text: escape sequences removed, other controls and line breaks
    turned into spaces, invisible format characters removed."""
    text = _ESCAPE_SEQUENCE.sub("", str(text))
    text = re.sub(r"[\t\n\r\x0b\x0c\x85\u2028\u2029]+", " ", text)
    return _CONTROL.sub("", _SURROGATE.sub("\ufffd", text))


def for_drawing(text) -> str:
    """Text for a figure label (SVG is XML, which forbids most controls; PDF fonts have no
    glyph for U+FEFF): escape sequences and controls removed, line breaks kept."""
    text = _ESCAPE_SEQUENCE.sub("", str(text))
    return _CONTROL_KEEPING_LINES.sub("", _SURROGATE.sub("\ufffd", text))


def controls_as_spaces(text: str) -> str:
    """`text` with each control or invisible format character replaced by a space: clean for
    HTML or a figure, with every offset where it was."""
    return _CONTROL_KEEPING_LINES.sub(" ", _SURROGATE.sub("\ufffd", text))


def spreadsheet_cell(value):
    """A cell value for CSV or Excel: controls removed, and a text that a spreadsheet would
    run as a formula gets a leading apostrophe (OWASP's advice). Non-text values pass as they are."""
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_STARTS):
        value = "'" + value
    return _CONTROL_KEEPING_LINES.sub("", _SURROGATE.sub("\ufffd", value))


def spreadsheet_table(table):
    """A copy of a DataFrame with every text cell made safe by `spreadsheet_cell`."""
    table = table.copy()
    for column in table.columns:
        if table[column].dtype == object or str(table[column].dtype).startswith("str"):
            table[column] = table[column].map(spreadsheet_cell)
    renamed = {c: spreadsheet_cell(c) for c in table.columns if isinstance(c, str)}
    return table.rename(columns=renamed)


def without_surrogates(text: str) -> tuple[str, int]:
    """`text` with each lone surrogate (which no file encoding can hold) replaced by U+FFFD,
    one character for one so offsets do not move; and how many there were."""
    return _SURROGATE.subn("\ufffd", text)


def clean_figure_text(fig) -> None:
    """Pass every text drawn in `fig` (titles, labels, legends, tick labels) through
    `for_drawing`, just before it is saved: SVG and PDF writers fail on controls and U+FEFF."""
    from matplotlib.text import Text
    from matplotlib.ticker import FixedFormatter, FuncFormatter

    for ax in fig.get_axes():
        for axis in (ax.xaxis, ax.yaxis):
            for formatter in (axis.get_major_formatter(), axis.get_minor_formatter()):
                # tick labels are made again from these at every draw, so clean them at the source
                if isinstance(formatter, FixedFormatter):
                    formatter.seq = [for_drawing(label) for label in formatter.seq]
                elif isinstance(formatter, FuncFormatter) and getattr(formatter.func, "__name__", "") != "_drawable_label":
                    formatter.func = _drawable(formatter.func)
    for artist in fig.findobj(Text):
        text = artist.get_text()
        if for_drawing(text) != text:
            artist.set_text(for_drawing(text))


def _drawable(label_function):
    def _drawable_label(value, position=None):
        return for_drawing(label_function(value, position))

    return _drawable_label
