"""The article text of an HTML page: every block of readable text in its body.

A block is the text of one block-level element (`p`, `div`, `article`, `section`, `li`,
`blockquote`, headings, table cells) or a run of loose text between blocks, so a page built
from `<div>`s or with text straight inside `<article>` keeps its body. Navigation, header,
footer, aside, forms, scripts and styles are dropped, and so are elements whose class or id
names page furniture (`data/html_furniture.txt`: menus, share buttons, related links, …).
"""
from __future__ import annotations

import re
import warnings
from functools import lru_cache

from .errors import NewsvoicesWarning
from .lexicon import read_lines

DROPPED_TAGS = ["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "svg",
                "button", "select", "textarea", "head", "menu", "dialog"]
BLOCK_TAGS = {"address", "article", "blockquote", "body", "caption", "dd", "details", "div", "dl", "dt", "figcaption",
              "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main", "ol", "p", "pre", "section", "summary",
              "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"}
# Elements that hold the whole page are never dropped for their class.
_PAGE_TAGS = {"html", "body", "main", "article"}
# Fewer body words than this is less than a sentence: the page probably hides its text.
MIN_BODY_WORDS = 6


@lru_cache(maxsize=1)
def furniture_words() -> frozenset[str]:
    """Class and id words of page furniture (data/html_furniture.txt)."""
    return frozenset(read_lines("html_furniture.txt"))


def _is_furniture(tag) -> bool:
    if tag.name in _PAGE_TAGS:
        return False
    names = list(tag.get("class") or []) + [tag.get("id") or ""]
    words = {word for name in names for word in re.split(r"[-_\s]+", str(name).lower()) if word}
    return not words.isdisjoint(furniture_words())


def _block_of(string, root):
    """The nearest block-level element holding `string` (the root when there is none)."""
    node = string.parent
    while node is not None and node is not root and node.name not in BLOCK_TAGS:
        node = node.parent
    return node if node is not None else root


def text_blocks(root) -> list[str]:
    """The text of `root` cut into blocks: a new block starts whenever the block-level element
    holding the text changes, so loose text between two `<div>`s is a block of its own."""
    from bs4.element import NavigableString, PreformattedString

    blocks, current, current_block = [], [], None
    for string in root.descendants:
        if getattr(string, "name", None) == "br":
            current.append(" ")  # a line break inside a paragraph separates words
            continue
        if not isinstance(string, NavigableString) or isinstance(string, PreformattedString):
            continue  # comments, CDATA, doctype, processing instructions
        block = _block_of(string, root)
        if block is not current_block and current:
            blocks.append("".join(current))
            current = []
        current_block = block
        current.append(str(string))
    if current:
        blocks.append("".join(current))
    cleaned = (re.sub(r"\s+", " ", block).strip() for block in blocks)
    return [block for block in cleaned if block]


def html_to_text(html: str, source: str = "the page") -> tuple[str, str | None]:
    """Reduce an HTML page to its article text: one paragraph per block, blank lines between.
    Returns the text and the page title (the first <h1>, else <title>)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    page_title = soup.title.get_text(" ", strip=True) if soup.title else None
    for tag in soup(DROPPED_TAGS):
        tag.decompose()
    h1 = soup.find("h1")
    title = re.sub(r"\s+", " ", h1.get_text(" ", strip=True)) if h1 else page_title
    for tag in soup.find_all(_is_furniture):
        if not tag.decomposed:  # inside furniture already dropped
            tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    blocks = text_blocks(root)
    if title and (not blocks or blocks[0] != title):
        blocks.insert(0, title)
    body_words = sum(len(block.split()) for block in blocks[1 if title else 0:])
    if body_words < MIN_BODY_WORDS:
        warnings.warn(f"{source} has less than a sentence of body text ({body_words} words): the page may load its "
                      "article with scripts, or hide it.", NewsvoicesWarning, stacklevel=4)
    return "\n\n".join(blocks), title or None
