"""Reading inputs and writing outputs safely.

Inputs: only regular files are read, and the check is made on the opened file before any
byte is read, so a FIFO, socket or device never blocks a run. Outputs: every file goes to a
temporary name first and is renamed into place, so an interrupted run leaves the previous
file intact and never a half-written one; a failed write is a one-line `OutputError`."""
from __future__ import annotations

import errno
import os
import stat
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from .errors import ArticleNotFoundError, ArticleTooLongError, ArticleUnreadableError, OutputError

# Temporary files from a run killed before this process started are older than this.
RUN_STARTED = time.time()
TEMPORARY_SUFFIX = ".tmp"

_NOT_REGULAR = {stat.S_IFIFO: "a FIFO (named pipe)", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a character device",
                stat.S_IFBLK: "a block device"}


def file_kind(mode: int) -> str | None:
    """What a non-regular file is ("a FIFO (named pipe)", "a folder", …); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    return _NOT_REGULAR.get(stat.S_IFMT(mode), "not a regular file")


def read_regular_file(path: Path, max_bytes: int | None = None) -> bytes:
    """The bytes of `path`, which must be a regular file of at most `max_bytes` bytes.
    Opened non-blocking and checked with fstat before reading: a FIFO never hangs."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise ArticleNotFoundError(f"No such file: {path}") from None
    except PermissionError:
        raise ArticleUnreadableError(f"Cannot read {path}: permission denied.") from None
    except OSError as exc:
        reason = "a symbolic link loop" if exc.errno == errno.ELOOP else (exc.strerror or str(exc))
        raise ArticleUnreadableError(f"Cannot read {path}: {reason}.") from None
    try:
        info = os.fstat(descriptor)
        kind = file_kind(info.st_mode)
        if kind == "a folder":
            raise ArticleUnreadableError(f"{path} is a folder, not an article file.")
        if kind:
            raise ArticleUnreadableError(f"{path} is {kind}, not a regular file: only regular files are read.")
        if max_bytes is not None and info.st_size > max_bytes:
            raise ArticleTooLongError(f"{path} is {info.st_size:,} bytes, more than max_chars allows ({max_bytes:,} "
                                      "bytes); pass a larger max_chars to analyse it.")
    except BaseException:
        os.close(descriptor)
        raise
    with os.fdopen(descriptor, "rb") as handle:
        try:
            return handle.read()
        except OSError as exc:
            raise ArticleUnreadableError(f"Cannot read {path}: {exc.strerror or exc}.") from None


def _output_error(path: Path, exc: OSError) -> OutputError:
    reasons = {errno.EACCES: "permission denied", errno.EPERM: "permission denied", errno.EROFS: "read-only file system",
               errno.ENOSPC: "no space left on the disk", errno.EDQUOT: "disk quota exceeded",
               errno.ENOTDIR: "a file stands where a folder should be", errno.EEXIST: "a file stands where a folder should be",
               errno.EISDIR: "a folder stands where the file should be"}
    reason = reasons.get(exc.errno, exc.strerror or str(exc))
    return OutputError(f"Cannot write {path}: {reason}; files written before it are intact.")


@contextmanager
def atomic_path(path: str | os.PathLike):
    """Yield a temporary path beside `path`; on success it replaces `path` in one rename.
    Any operating-system failure becomes an `OutputError` naming `path`."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX, dir=path.parent)
        os.close(handle)
    except OSError as exc:
        raise _output_error(path, exc) from None
    try:
        yield Path(temporary)
        # mkstemp makes the file private (0600); give it the mode any new file would get
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        with open(temporary, "rb") as written:
            os.fsync(written.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise _output_error(path, exc) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_text(path: str | os.PathLike, text: str) -> Path:
    with atomic_path(path) as temporary:
        temporary.write_text(text, encoding="utf-8")
    return Path(path)


def write_spreadsheet_csv(path: str | os.PathLike, table) -> Path:
    """A DataFrame as CSV for spreadsheets: formula-like cells neutralised (see output_text)."""
    from .output_text import spreadsheet_table

    return write_text(path, spreadsheet_table(table).to_csv(index=False))


def remove_stale_temporaries(folder: str | os.PathLike, older_than: float = RUN_STARTED) -> list[Path]:
    """Delete `.NAME.xxxx.tmp` files that `atomic_path` left in `folder` before this run started
    (a killed run). Newer ones may belong to a run writing right now, so they stay."""
    removed = []
    try:
        candidates = list(Path(folder).glob(f".*{TEMPORARY_SUFFIX}"))
    except OSError:
        return removed
    for candidate in candidates:
        try:
            info = candidate.lstat()
            if stat.S_ISREG(info.st_mode) and info.st_mtime < older_than:
                candidate.unlink()
                removed.append(candidate)
        except OSError:
            continue
    return removed
