"""Step 1 of the pipeline: read an article faithfully.

`load_article` accepts a path or the text itself and returns an `Article`. The text the
user sees (`article.text`) is never normalised in a way that moves characters: every offset
in newsvoices (paragraphs, tokens, entities, statements) indexes it.
"""
from __future__ import annotations

import codecs
import hashlib
import os
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ArticleNotFoundError, ArticleUnreadableError, EmptyArticleError, NewsvoicesWarning

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
        (?:,\ [A-Z][\w.]*(?:\ [A-Z][\w.]*)?)?                    # optional ", Region"
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


def decode_bytes(data: bytes, source: str = "the file") -> tuple[str, str]:
    """Decode article bytes: UTF-8 (BOM or not), UTF-16 with BOM, else cp1252 with a warning."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise ArticleUnreadableError(f"{source} starts like UTF-16 but is not valid UTF-16 ({exc.reason}).") from None
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise ArticleUnreadableError(f"{source} is {what}, not a text article.")
    if b"\x00" in data[:4096]:
        raise ArticleUnreadableError(f"{source} looks like binary data, not a text article.")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    warnings.warn(f"{source} is not UTF-8; read it as Windows-1252 (cp1252).", NewsvoicesWarning, stacklevel=3)
    return text, "cp1252"


def html_to_text(html: str) -> tuple[str, str | None]:
    """Reduce an HTML page to its article text: one paragraph per block, blank lines between.

    Scripts, styles, navigation, headers, footers, asides and forms are dropped. Returns the
    text and the page title (the first <h1>, else <title>)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button"]):
        tag.decompose()
    h1 = soup.find("h1")
    title = h1.get_text(" ", strip=True) if h1 else (soup.title.get_text(" ", strip=True) if soup.title else None)
    root = soup.find("article") or soup.find("main") or soup.body or soup
    blocks = []
    for element in root.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre"]):
        if element.find(["p", "li", "blockquote"]):  # a container: its children are taken on their own
            continue
        text = re.sub(r"\s+", " ", element.get_text(" ", strip=True)).strip()
        if text:
            blocks.append(text)
    if not blocks:
        text = re.sub(r"[ \t]+", " ", root.get_text("\n", strip=True))
        blocks = [line.strip() for line in text.splitlines() if line.strip()]
    if title and (not blocks or blocks[0] != title):
        blocks.insert(0, title)
    return "\n\n".join(blocks), title or None


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


def load_article(source: str | os.PathLike, *, name: str | None = None) -> Article:
    """Load an article from a path (.txt, .md, .html) or from the text itself.

    A string is treated as a path when it has no line break and names an existing file or
    ends with a known article suffix; otherwise it is the article's text."""
    path = _as_path(source)
    if path is None:
        text, encoding, fmt, title_hint = str(source), "utf-8", "txt", None
        ident = name or "text-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    else:
        text, encoding, fmt, title_hint = _read_file(path)
        ident = name or path.stem
    if not text.strip():
        where = f"{path}" if path else "The text"
        raise EmptyArticleError(f"{where} is empty: there is no article text to analyse.")
    paragraphs = split_paragraphs(text)
    title, dateline = _title_and_dateline(paragraphs, fmt, title_hint)
    return Article(text=text, id=ident, slug=slugify(ident), title=title, dateline=dateline,
                   paragraphs=paragraphs, path=str(path) if path else None, encoding=encoding, format=fmt)


def _as_path(source) -> Path | None:
    if isinstance(source, os.PathLike):
        return Path(source)
    if not isinstance(source, str):
        raise TypeError(f"load_article() takes a path or a string, not {type(source).__name__}")
    if "\n" in source or len(source) > 1024 or not source.strip():
        return None
    candidate = Path(source.strip())
    try:
        if candidate.exists():
            return candidate
    except OSError:
        return None
    if candidate.suffix.lower() in ARTICLE_SUFFIXES - {""} and " " not in candidate.name:
        raise ArticleNotFoundError(f"No such file: {source}")
    return None


def _read_file(path: Path) -> tuple[str, str, str, str | None]:
    if path.is_dir():
        raise ArticleUnreadableError(f"{path} is a folder, not an article file.")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArticleNotFoundError(f"No such file: {path}") from None
    except PermissionError:
        raise ArticleUnreadableError(f"Cannot read {path}: permission denied.") from None
    except OSError as exc:
        raise ArticleUnreadableError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    text, encoding = decode_bytes(data, source=str(path))
    suffix = path.suffix.lower()
    if suffix in {".html", ".htm"} or (suffix not in {".txt", ".md"} and re.match(r"\s*<(!doctype html|html)", text, re.I)):
        text, title = html_to_text(text)
        return text, encoding, "html", title
    return text, encoding, ("md" if suffix in {".md", ".markdown"} else "txt"), None


def _title_and_dateline(paragraphs: list[Paragraph], fmt: str, title_hint: str | None) -> tuple[str | None, str | None]:
    if not paragraphs:
        return None, None
    title = None
    body_start = 0
    first = paragraphs[0].text
    if fmt == "md" and first.startswith("#"):
        title = first.lstrip("#").strip()
        body_start = 1
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
