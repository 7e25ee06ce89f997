"""files: regular files read safely, outputs written atomically (newsvoices.files)."""
import os
import stat

import pytest

from newsvoices import files
from newsvoices.errors import ArticleNotFoundError, ArticleTooLongError, ArticleUnreadableError, OutputError


def test_reads_a_regular_file_and_names_what_is_not_one(tmp_path):
    article = tmp_path / "a.txt"
    article.write_bytes(b"The council met.")
    assert files.read_regular_file(article) == b"The council met."
    with pytest.raises(ArticleNotFoundError, match="No such file"):
        files.read_regular_file(tmp_path / "missing.txt")
    with pytest.raises(ArticleUnreadableError, match="is a folder"):
        files.read_regular_file(tmp_path)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(ArticleUnreadableError, match="FIFO"):
        files.read_regular_file(fifo)  # never blocks
    with pytest.raises(ArticleTooLongError, match="more than max_chars"):
        files.read_regular_file(article, max_bytes=4)


def test_file_kind():
    assert files.file_kind(stat.S_IFREG) is None
    assert files.file_kind(stat.S_IFDIR) == "a folder"
    assert files.file_kind(stat.S_IFSOCK) == "a socket"


def test_write_text_is_atomic_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "out" / "a.json"
    files.write_text(target, "first")
    files.write_text(target, "second")
    assert target.read_text(encoding="utf-8") == "second"
    assert list(target.parent.iterdir()) == [target]


def test_a_failed_write_keeps_the_earlier_file(tmp_path):
    target = tmp_path / "a.txt"
    files.write_text(target, "kept")
    with pytest.raises(RuntimeError), files.atomic_path(target) as temporary:
        temporary.write_text("half", encoding="utf-8")
        raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == "kept" and list(tmp_path.iterdir()) == [target]


def test_unwritable_place_is_a_one_line_output_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="Cannot write .*: a file stands where a folder should be"):
        files.write_text(blocker / "a.txt", "text")


def test_stale_temporaries_removed_new_ones_kept(tmp_path):
    old = tmp_path / ".a.json.x1.tmp"
    new = tmp_path / ".b.json.x2.tmp"
    old.write_text("")
    new.write_text("")
    os.utime(old, (0, 0))
    assert files.remove_stale_temporaries(tmp_path, older_than=100) == [old]
    assert new.exists() and not old.exists()
