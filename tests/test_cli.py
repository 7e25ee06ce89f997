import json
import subprocess
import sys

from conftest import ROOT, SEED


def run(*args):
    return subprocess.run([sys.executable, "-m", "newsvoices", *args], capture_output=True, text=True, cwd=ROOT,
                          check=False)


def test_analyze_prints_the_summary():
    result = run("analyze", str(SEED))
    assert result.returncode == 0, result.stderr
    assert "Antony Blinken (8)" in result.stdout
    assert "Statements: 16" in result.stdout


def test_bad_paths_give_one_line_and_status_2(tmp_path):
    for path in (tmp_path / "missing.txt", tmp_path):
        result = run("analyze", str(path))
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_debug_shows_the_traceback(tmp_path):
    result = run("--debug", "analyze", str(tmp_path / "missing.txt"))
    assert result.returncode == 2 and "Traceback" in result.stderr


def test_quotes_folder_to_json_files(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    (source / "one.txt").write_text("“We will win,” the coach said.\n", encoding="utf-8")
    (source / "two.txt").write_text("The mayor said the bridge would reopen.\n", encoding="utf-8")
    (source / "empty.txt").write_text("", encoding="utf-8")
    result = run("quotes", str(source), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "skipped empty.txt" in result.stderr
    one = json.loads((tmp_path / "out" / "one.json").read_text())
    two = json.loads((tmp_path / "out" / "two.json").read_text())
    assert one[0]["content"] == "We will win" and one[0]["kind"] == "direct"
    assert two[0]["content"] == "the bridge would reopen"
