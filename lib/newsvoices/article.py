"""Step 1 of the pipeline: read an article faithfully.

`load_article(path=...)` reads a file (only a regular file, see `files`), `load_article(text=...)`
takes the text itself, and both return an `Article`. The text the user sees (`article.text`)
is never normalised in a way that moves characters (a lone CR becomes LF, a lone surrogate
U+FFFD, one for one): every offset in newsvoices (paragraphs, tokens, entities, statements)
indexes it.
"""
from __future__ import annotations

import codecs
import hashlib
import os
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from .errors import (
    ArticleNotFoundError,
    ArticleTooLongError,
    ArticleUnreadableError,
    EmptyArticleError,
    NewsvoicesWarning,
)
from .files import read_regular_file
from .html_text import html_to_text
from .metadata import ArticleMetadata, from_front_matter, from_html, from_metadata_csv, front_matter_body
from .output_text import without_surrogates

# Longer articles are refused with a one-line error (cost grows with the text: see the README).
MAX_CHARS = 20_000_000

ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".text", ""}

# Signatures of common binary formats users might point us at by mistake.
_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a zip archive (or .docx/.xlsx)",
    b"%PDF": "a PDF document",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "a program",
}

# A paragraph break: a line break, optional whitespace-only lines, at least one empty line.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")

# Datelines such as "Cairo/Tel Aviv:", "WASHINGTON (Reuters) -", "NEW YORK —", "PARIS, France:".
_DATELINE = re.compile(
    r"""^(?P<dateline>
        (?:[A-Z][\w'.\-]*(?:[ /][A-Z][\w'.\-]*){0,3})          # one to four capitalised words
        (?:,\ [A-Z][\w.]*(?:\ [A-Z0-9][\w.]*)?)?                 # optional ", Region" or ", Sept 3"
        (?:\ \((?:[A-Z][\w .&]{1,30})\))?                         # optional "(Reuters)"
        \s*(?::|\ [—–-]{1,2})                                     # ":" or " —"
    )\s""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int
    text: str
    is_heading: bool = False


@dataclass
class Article:
    """One article: its exact text and the structure read off it."""

    text: str
    id: str
    slug: str
    title: str | None = None
    dateline: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    path: str | None = None
    encoding: str = "utf-8"
    format: str = "txt"
    metadata: ArticleMetadata = field(default_factory=ArticleMetadata)  # outlet, date, url, title (see metadata)

    def display_name(self, width: int = 80) -> str:
        """The title, or the opening words in quotes when the article has no title."""
        import textwrap

        if self.title:
            return textwrap.shorten(self.title, width=width, placeholder="…")
        body = self.paragraphs[0].text if self.paragraphs else self.id
        if self.dateline and body.startswith(self.dateline):
            body = body[len(self.dateline):]
        return "“" + textwrap.shorten(body.strip(), width=width - 2, placeholder="…") + "”"

    def paragraph_at(self, char: int) -> int:
        """Index of the paragraph containing character offset `char` (or the nearest one before it)."""
        lo, hi = 0, len(self.paragraphs) - 1
        best = 0
        while lo <= hi:
            mid = (lo + hi) // 2
            if self.paragraphs[mid].start <= char:
                best = mid
                lo = mid + 1
            else:
                hi = mid - 1
        return best


def slugify(name: str) -> str:
    slug = re.sub(r"[^\w\-]+", "-", name.strip().lower(), flags=re.UNICODE).strip("-")
    return slug[:80] or "article"


# Share of control bytes (other than tab, line breaks, form feed, ESC) above which a sample is
# binary data: text has almost none, binary files have them all through.
BINARY_CONTROL_SHARE = 0.05
BINARY_SAMPLE_BYTES = 65_536
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\x0c\x1b") + b"\x7f"
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_NOT_UTF8 = re.compile(r"[\udc80-\udcff]+")


def decode_bytes(data: bytes, source: str = "the file") -> tuple[str, str]:
    """Decode article bytes, deciding per file: a BOM (UTF-8, UTF-16, UTF-32) says the encoding;
    otherwise UTF-8, with any bytes that are not UTF-8 read as Windows-1252 (cp1252) and named
    in a warning, so one bad line never garbles the rest. Binary data is an error."""
    for bom, encoding in _BOMS:  # UTF-32-LE's BOM starts like UTF-16-LE's, so it is tried first
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise ArticleUnreadableError(f"{source} starts like {encoding.upper()} but is not valid {encoding.upper()} ({exc.reason}).") from None
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise ArticleUnreadableError(f"{source} is {what}, not a text article.")
    sample = data[:BINARY_SAMPLE_BYTES]
    if sample and (len(sample) - len(sample.translate(None, _CONTROL_BYTES))) / len(sample) > BINARY_CONTROL_SHARE:
        raise ArticleUnreadableError(f"{source} looks like binary data, not a text article.")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _utf8_with_cp1252_runs(data, source)


def _utf8_with_cp1252_runs(data: bytes, source: str) -> tuple[str, str]:
    """UTF-8 where it is valid, cp1252 for the runs of bytes where it is not."""
    text = data.decode("utf-8", errors="surrogateescape")
    runs = list(_NOT_UTF8.finditer(text))
    valid_non_ascii = re.search(r"[^\x00-\x7f\udc80-\udcff]", text) is not None

    def as_cp1252(match) -> str:
        raw = bytes(ord(ch) - 0xDC00 for ch in match.group())
        return raw.decode("cp1252", errors="replace")

    lines = sorted({text.count("\n", 0, run.start()) + 1 for run in runs[:5]})
    text = _NOT_UTF8.sub(as_cp1252, text)
    if not valid_non_ascii:  # no UTF-8 at all beyond ASCII: the file is cp1252
        warnings.warn(f"{source} is not UTF-8; read it as Windows-1252 (cp1252).", NewsvoicesWarning, stacklevel=4)
        return text, "cp1252"
    warnings.warn(f"{source} is UTF-8 except for {sum(len(r.group()) for r in runs)} bytes (at line{'s' if len(lines) > 1 else ''} "
                  f"{', '.join(map(str, lines))}{' and more' if len(runs) > 5 else ''}); read those as Windows-1252 (cp1252).",
                  NewsvoicesWarning, stacklevel=4)
    return text, "utf-8"


def split_paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs are separated by blank lines; if a text has none, each non-empty line is one."""
    separator = _PARAGRAPH_BREAK if _PARAGRAPH_BREAK.search(text) else re.compile(r"\n\s*")
    paragraphs: list[Paragraph] = []
    position = 0
    for match in list(separator.finditer(text)) + [None]:
        end = match.start() if match else len(text)
        chunk = text[position:end]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            start = position + lead
            stop = start + len(stripped)
            paragraphs.append(Paragraph(len(paragraphs), start, stop, stripped, _looks_like_heading(stripped)))
        position = match.end() if match else len(text)
    return paragraphs


def _looks_like_heading(paragraph: str) -> bool:
    words = paragraph.split()
    if "\n" in paragraph or not words or len(words) > 25:
        return False
    if paragraph[-1] not in '.!?"”’:;,)':
        return True
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return len(words) >= 3 and capitalised / len(words) >= 0.6 and paragraph[-1] in ".’”\"'"


def _looks_like_headline(first: str, second: str) -> bool:
    """A sentence-case headline: one short line above a paragraph at least about as long."""
    words = first.split()
    return "\n" not in first and len(words) <= 20 and len(second) >= 0.8 * len(first)


def load_article(source: str | os.PathLike | None = None, *, path: str | os.PathLike | None = None,
                 text: str | None = None, name: str | None = None, max_chars: int = MAX_CHARS) -> Article:
    """Load an article from a file (`path=`, or a `pathlib.Path`) or from its text (`text=`,
    which is never read as a path). A bare string that names an existing file is still read,
    with a FutureWarning; pass `path=` or `text=` to say which you mean."""
    if sum(value is not None for value in (source, path, text)) != 1:
        raise TypeError("load_article() takes one of: a Path, path=..., or text=...")
    if text is None and path is None:
        path = _legacy_path(source)
        text = source if path is None else None
    if path is not None:
        path = Path(path)
        text, encoding, fmt, title_hint, found = _read_file(path, max_chars)
        metadata = ArticleMetadata().merged(found).merged(from_metadata_csv(path))
        ident = name or path.stem
    else:
        if not isinstance(text, str):
            raise TypeError(f"text= takes a string, not {type(text).__name__}")
        _check_length(len(text), "The text", max_chars)
        encoding, fmt, title_hint, metadata = "utf-8", "txt", None, ArticleMetadata()
        ident = name or "text-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    text = _same_length_cleanup(text, str(path) if path else "The text")
    if not any(ch.isprintable() and not ch.isspace() for ch in text):
        raise EmptyArticleError(f"{path or 'The text'} is empty: there is no article text to analyse.")
    paragraphs = split_paragraphs(text)
    title, dateline = _title_and_dateline(paragraphs, fmt, title_hint)
    return Article(text=text, id=ident, slug=slugify(ident), title=title, dateline=dateline,
                   paragraphs=paragraphs, path=str(path) if path else None, encoding=encoding, format=fmt,
                   metadata=metadata)


def _check_length(chars: int, what: str, max_chars: int) -> None:
    if chars > max_chars:
        raise ArticleTooLongError(f"{what} has {chars:,} characters, more than max_chars={max_chars:,}; "
                                  "pass a larger max_chars to analyse it.")


def _same_length_cleanup(text: str, where: str) -> str:
    """Changes that never move an offset: a lone surrogate (no file can hold one) becomes
    U+FFFD, and a lone carriage return (old Mac line ends) becomes a line feed."""
    text, surrogates = without_surrogates(text)
    if surrogates:
        warnings.warn(f"{where} holds {surrogates} lone surrogate(s), which are not characters; "
                      "each was replaced by U+FFFD.", NewsvoicesWarning, stacklevel=4)
    if "\r" in text:
        text = re.sub(r"\r(?!\n)", "\n", text)
    return text


def _legacy_path(source) -> Path | None:
    """The old guess for a bare argument: a path-like is a path; a one-line string naming an
    existing file is a path too, with a FutureWarning; anything else is text."""
    if isinstance(source, os.PathLike):
        return Path(source)
    if not isinstance(source, str):
        raise TypeError(f"load_article() takes a path or a string, not {type(source).__name__}")
    if "\n" in source or len(source) > 1024 or not source.strip():
        return None
    candidate = Path(source.strip())
    try:
        exists = candidate.exists()
    except (OSError, ValueError):
        return None
    if exists:
        warnings.warn(f"Reading the file {source!r} because a string names it; pass path=... to read a file, or "
                      "text=... for text (a bare string will always be text in a future version).", FutureWarning, stacklevel=3)
        return candidate
    if candidate.suffix.lower() in ARTICLE_SUFFIXES - {""} and " " not in candidate.name:
        raise ArticleNotFoundError(f"No such file: {source}")
    return None


def _read_file(path: Path, max_chars: int = MAX_CHARS) -> tuple[str, str, str, str | None, dict]:
    data = read_regular_file(path, max_bytes=4 * max_chars)  # UTF-8 takes at most 4 bytes a character
    text, encoding = decode_bytes(data, source=str(path))
    del data
    _check_length(len(text), str(path), max_chars)
    suffix = path.suffix.lower()
    if suffix in {".html", ".htm"} or (suffix not in {".txt", ".md"} and re.match(r"\s*<(!doctype html|html)", text, re.IGNORECASE)):
        found = from_html(text)
        text, title = html_to_text(text, source=str(path))
        return text, encoding, "html", title, found
    if suffix in {".md", ".markdown"}:
        found = from_front_matter(front_matter_body(text))
        text, title = without_front_matter(text)
        return text, encoding, "md", title, found
    return text, encoding, "txt", None, {}


_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?P<body>.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL | re.MULTILINE)


def without_front_matter(text: str) -> tuple[str, str | None]:
    """Markdown without its YAML front matter (`---` … `---` at the top), and the `title:` it gives."""
    match = _FRONT_MATTER.match(text[:65_536])
    if not match:
        return text, None
    title = re.search(r"^title:[ \t]*(.+?)[ \t]*$", match.group("body"), re.MULTILINE)
    return text[match.end():], title.group(1).strip("'\"") if title else None


def _title_and_dateline(paragraphs: list[Paragraph], fmt: str, title_hint: str | None) -> tuple[str | None, str | None]:
    if not paragraphs:
        return None, None
    title = None
    body_start = 0
    first = paragraphs[0].text
    if fmt == "md" and first.startswith("#"):
        title = first.lstrip("#").strip()
        body_start = 1
    elif fmt == "md" and title_hint:
        title = title_hint
    elif fmt == "html" and title_hint and first == title_hint:
        title = title_hint
        body_start = 1
    elif len(paragraphs) > 1 and (paragraphs[0].is_heading or _looks_like_headline(first, paragraphs[1].text)):
        title = first
        body_start = 1
    dateline = None
    if body_start < len(paragraphs):
        match = _DATELINE.match(paragraphs[body_start].text)
        if match and len(match.group("dateline")) <= 60:
            dateline = match.group("dateline").strip()
    return title, dateline
