"""Corrections that survive a rerun (newsvoices.corrections): a file beside the article, or given."""
import shutil
import warnings

import pytest

import newsvoices
from conftest import SEED
from newsvoices import plots
from newsvoices.corrections import CorrectionsError, read_corrections
from newsvoices.errors import NewsvoicesWarning

ADDED = "Biden’s proposal envisages a ceasefire and phased release of prisoners"


@pytest.fixture()
def seed_copy(tmp_path):
    path = tmp_path / "seed.txt"
    shutil.copy(SEED, path)
    return path


def _ids_of(analysis, speaker):
    table = analysis.statements
    return list(table.loc[table["speaker"] == speaker, "id"])


def _write_csv(path, rows):
    lines = ["action,statement,speaker,value,text"] + [",".join(f'"{v}"' if v else "" for v in row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_statement_ids_are_stable_and_unique(seed_copy, nlp, seed_analysis):
    first = newsvoices.analyze(seed_copy, nlp=nlp, name="same")
    second = newsvoices.analyze(seed_copy, nlp=nlp, name="same")
    assert list(first.statements["id"]) == list(second.statements["id"])
    assert first.statements["id"].is_unique
    assert not first.statements["corrected"].any()


def test_a_corrections_file_beside_the_article_changes_tables_and_figures_and_survives_a_rerun(seed_copy, nlp):
    plain = newsvoices.analyze(seed_copy, nlp=nlp, corrections=False)
    both_sides = _ids_of(plain, "both sides")[0]
    close = _ids_of(plain, "official close to the talks")[0]
    blinken = _ids_of(plain, "Antony Blinken")[0]
    _write_csv(seed_copy.with_name("seed.corrections.csv"), [
        ("merge", "", "senior Hamas official", "Sami Abu Zuhri", ""),
        ("rename", "", "Shaban Abdel-Raouf", "Shaban Abdel Raouf", ""),
        ("affiliation", "", "Shaban Abdel Raouf", "Egypt", ""),
        ("drop", both_sides, "", "", ""),
        ("reassign", close, "Qatari mediator", "", ""),
        ("stance", blinken, "", "hardline", ""),
        ("add", "", "Joe Biden", "", ADDED),
    ])
    for run in range(2):  # a rerun applies the same file to the same ids
        analysis = newsvoices.analyze(seed_copy, nlp=nlp)
        speakers = analysis.speakers.set_index("speaker")
        assert "senior Hamas official" not in speakers.index and speakers.loc["Sami Abu Zuhri", "statements"] == 4
        assert "Shaban Abdel-Raouf" not in speakers.index
        assert speakers.loc["Shaban Abdel Raouf", "affiliation"] == "Egypt"
        assert "both sides" not in speakers.index and both_sides not in set(analysis.statements["id"])
        assert speakers.loc["Qatari mediator", "statements"] == 1
        row = analysis.statements.set_index("id").loc[blinken]
        assert row["stance"] == "hardline" and row["stance_score"] < 0 and row["corrected"]
        added = analysis.statements[analysis.statements["speaker"] == "Joe Biden"]
        assert len(added) == 1 and added.iloc[0]["content"].startswith(ADDED) and added.iloc[0]["stance"] in {"hopeful", "hardline", "skeptical", "neutral"}
        assert len(analysis.statements) == len(plain.statements)  # one dropped, one added
        assert analysis.statements["corrected"].sum() == 4 + 2 + 1 + 1 + 1
        assert len(analysis.corrections.applied) == 7 and not analysis.corrections.stale
    figure = plots.share_of_voice(analysis)
    labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    assert any("Sami Abu Zuhri" in l for l in labels) and not any("senior Hamas" in l for l in labels)
    assert any("Joe Biden" in l for l in labels)
    written = plots.export_all(analysis, root=seed_copy.parent / "figures")
    csv = written["speakers.csv"][0].read_text(encoding="utf-8")
    assert "Shaban Abdel Raouf" in csv and "Shaban Abdel-Raouf" not in csv


def test_a_stale_correction_warns_naming_it_and_the_rest_apply(seed_copy, nlp, tmp_path):
    yaml_file = tmp_path / "fixes.yaml"
    yaml_file.write_text("- action: drop\n  statement: s00000000\n"
                         "- action: rename\n  speaker: Nobody Here\n  value: Somebody\n"
                         "- action: add\n  text: words that are not in the article\n  speaker: X\n"
                         "- action: merge\n  speaker: senior Hamas official\n  value: Sami Abu Zuhri\n", encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        analysis = newsvoices.analyze(seed_copy, nlp=nlp, corrections=yaml_file)
    messages = [str(w.message) for w in caught if issubclass(w.category, NewsvoicesWarning)]
    assert any("correction 1 (drop s00000000)" in m and "no statement has the id" in m for m in messages)
    assert any("correction 2 (rename Nobody Here)" in m for m in messages)
    assert any("correction 3 (add" in m and "not in the article" in m for m in messages)
    assert len(analysis.corrections.stale) == 3
    assert "senior Hamas official" not in set(analysis.speakers["speaker"])


@pytest.mark.parametrize("text, message", [
    ("action,statement\nshout,s1\n", "unknown action 'shout'"),
    ("action,statement\nstance,s1\n", "needs value"),
    ("statement\ns1\n", "starting with 'action'"),
    ("action,statement,value\nstance,s1,angry\n", "stance must be one of"),
])
def test_a_malformed_corrections_file_is_one_clear_error(tmp_path, text, message):
    path = tmp_path / "c.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CorrectionsError, match=message):
        read_corrections(path)
