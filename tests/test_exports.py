"""Exports (newsvoices.exports, plots.export_all, Corpus.export) and output folders (newsvoices.outputs)."""
import json
import shutil
import warnings

import pandas as pd

import newsvoices
from conftest import SEED
from newsvoices import corpus, plots


def test_workbook_opens_with_pandas_and_has_every_sheet_and_csv_keeps_types(seed_analysis, tmp_path):
    written = plots.export_all(seed_analysis, tmp_path / "out")
    sheets = pd.read_excel(written["tables.xlsx"][0], sheet_name=None)
    assert set(sheets) == {"statements", "speakers", "affiliations", "entities"}
    assert len(sheets["statements"]) == len(seed_analysis.statements) == 16
    assert set(sheets["speakers"]["speaker"]) == set(seed_analysis.speakers["speaker"])
    again = plots.export_all(seed_analysis, tmp_path / "again")
    assert again["tables.xlsx"][0].read_bytes() == written["tables.xlsx"][0].read_bytes()  # reproducible
    raw = pd.read_csv(tmp_path / "out" / "statements.csv", dtype=str, keep_default_na=False)
    cues = [json.loads(v) for v in raw["stance_cues"]]  # JSON, not a Python repr
    assert all(isinstance(c, list) for c in cues) and any(c and "text" in c[0] for c in cues)
    assert all("." not in v for v in raw["mention_start"]) and "" in set(raw["mention_start"])  # integers, nullable


def test_corpus_export_keeps_integers_cues_and_writes_a_workbook(nlp, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(SEED, folder / "a.txt")
    (folder / "b.txt").write_text("Rain fell.\n\n“We will not give up,” said Mayor Ana Ruiz.\n", encoding="utf-8")
    result = corpus.analyze_corpus(folder, nlp=nlp, progress=False)
    result.export(tmp_path / "out")
    raw = pd.read_csv(tmp_path / "out" / "statements.csv", dtype=str, keep_default_na=False)
    assert all(v.isdigit() for v in raw["content_start"]) and all("." not in v for v in raw["mention_start"])
    assert all(isinstance(json.loads(v), list) for v in raw["stance_cues"])
    sheets = pd.read_excel(tmp_path / "out" / "corpus.xlsx", sheet_name=None)
    assert set(sheets) == {"statements", "speakers", "affiliations", "articles", "people"}
    assert len(sheets["articles"]) == 2


def test_same_named_articles_get_two_output_folders(nlp, tmp_path):
    for sub, suffix in (("one", ".txt"), ("two", ".txt"), ("one", ".html")):
        (tmp_path / sub).mkdir(exist_ok=True)
    shutil.copy(SEED, tmp_path / "one" / "article.txt")
    shutil.copy(SEED, tmp_path / "two" / "article.txt")
    (tmp_path / "one" / "article.html").write_text("<html><body><p>“No,” the mayor said.</p></body></html>", encoding="utf-8")
    root = tmp_path / "figures"
    folders = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for path in (tmp_path / "one" / "article.txt", tmp_path / "two" / "article.txt", tmp_path / "one" / "article.html"):
            analysis = newsvoices.analyze(path, nlp=nlp)
            plots.export_all(analysis, root=root)
            folders.append(plots.figure_dir(analysis.article, root=root))
    assert len(set(folders)) == 3 and folders[0].name == "article"
    assert {f.name for f in root.iterdir()} == {f.name for f in folders}
    assert "Antony Blinken" in (folders[0] / "speakers.csv").read_text(encoding="utf-8")
    assert "Antony Blinken" not in (folders[2] / "speakers.csv").read_text(encoding="utf-8")
    assert sum("instead" in str(w.message) for w in caught) >= 2  # said, not silent
    # a rerun of the first goes back to its own folder
    assert plots.figure_dir(newsvoices.analyze(tmp_path / "one" / "article.txt", nlp=nlp).article, root=root) == folders[0]
