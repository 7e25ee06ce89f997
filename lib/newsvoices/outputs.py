"""Where an article's outputs go: figures/<name>/ and reports/<name>.html, with a name that
never lets two articles overwrite each other's files silently.

The name is the article's slug (`story`). A folder of that name already holding the outputs
of another file (`story.txt` when this is `story.html`, or a `story.txt` in another folder)
is left alone: the name becomes `story-html`, or `story-<hash of the path>`, and a warning
says so. Each folder records whose outputs it holds in a small `.source` file."""
from __future__ import annotations

import hashlib
import warnings
from pathlib import Path

from .errors import NewsvoicesWarning
from .files import write_text

MARKER = ".source"


def source_key(article) -> str:
    """What identifies an article's outputs: its file, resolved, or the id of a text."""
    return str(Path(article.path).resolve()) if article.path else f"text:{article.id}"


def _candidates(article) -> list[str]:
    key = source_key(article)
    names = [article.slug]
    if article.path and Path(article.path).suffix:
        names.append(f"{article.slug}-{Path(article.path).suffix.lstrip('.').lower()}")
    names.append(f"{article.slug}-{hashlib.sha1(key.encode('utf-8', 'surrogateescape')).hexdigest()[:8]}")
    return names


def _owner(folder: Path) -> str | None:
    try:
        return (folder / MARKER).read_text(encoding="utf-8").strip()
    except OSError:
        return None


def output_name(article, root: str | Path = "figures") -> str:
    """The name of the article's output folder under `root` (see the module docstring)."""
    root = Path(root)
    key = source_key(article)
    names = _candidates(article)
    for name in names:
        owner = _owner(root / name)
        if owner is None or owner == key:
            if name != names[0]:
                warnings.warn(f"{root / names[0]} holds the outputs of {Path(_owner(root / names[0]) or '?').name}; "
                              f"writing those of {Path(article.path or article.id).name} to {root / name} instead.",
                              NewsvoicesWarning, stacklevel=3)
            return name
    return names[-1]


def claim(folder: str | Path, article) -> None:
    """Record in `folder` whose outputs it holds."""
    folder = Path(folder)
    if _owner(folder) != source_key(article):
        write_text(folder / MARKER, source_key(article) + "\n")
