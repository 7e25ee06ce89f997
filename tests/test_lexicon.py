"""Data files (newsvoices.lexicon and the lists in newsvoices/data): they load, they are general."""
import json
import re

import pytest

from conftest import GOLD
from newsvoices import lexicon
from newsvoices.quotes import (
    clause_object_verbs,
    directive_verbs,
    object_content_verbs,
    speech_nouns,
    speech_verbs,
)
from newsvoices.stance.rules import lexicon_entries


def test_word_lists_load_without_duplicates():
    for name in ("speech_verbs.txt", "speech_nouns.txt", "object_content_verbs.txt", "directive_verbs.txt",
                 "clause_object_verbs.txt", "organisation_nouns.txt"):
        entries = lexicon.read_lines(name)
        assert entries and len(entries) == len(set(entries)), name
        assert all(e == e.lower() for e in entries), name


def test_verb_lists_are_subsets_of_the_speech_verbs():
    assert object_content_verbs() <= speech_verbs()
    assert directive_verbs() <= speech_verbs()
    assert clause_object_verbs() <= speech_verbs()
    assert "think" not in speech_verbs() and "believe" not in speech_verbs()  # beliefs are not statements
    assert "statement" in speech_nouns()


def test_nationality_table_covers_the_world():
    table = lexicon.nationalities()
    countries = {country for country, _ in table.values()}
    assert len(countries) >= 190
    for form, country in [("french", "France"), ("brazilian", "Brazil"), ("kenyan", "Kenya"), ("japan", "Japan"),
                          ("new zealander", "New Zealand"), ("us", "United States")]:
        assert table[form][0] == country, form


def test_gendered_words_and_titles():
    words = lexicon.gendered_words()
    assert words["mrs."] == "f" and words["spokeswoman"] == "f" and set(words.values()) == {"m", "f"}
    assert "spokesman" not in words  # style books use it for women too
    assert "minister" in lexicon.role_nouns() and "mr." in lexicon.person_titles()


def test_stance_lexicon_entries_are_well_formed():
    sides = {side for side, _, _, _ in lexicon_entries()}
    assert sides == {"hopeful", "hardline", "skeptical"}
    assert all(0 < weight <= 3 for _, weight, _, _ in lexicon_entries())


def test_no_person_from_the_seed_in_the_data_files():
    if not GOLD.exists():
        pytest.skip("seed reference not found")
    speakers = {s["speaker"] for s in json.loads(GOLD.read_text(encoding="utf-8"))["statements"]}
    surnames = {name.split()[-1].lower() for name in speakers if "(" not in name}
    folder = lexicon.data_path("")
    for path in folder.iterdir():
        if path.is_file():
            text = path.read_text(encoding="utf-8").lower()
            assert not any(surname in text for surname in surnames), path.name


def test_no_person_the_seed_names_in_the_package(seed_analysis):
    """Code comments and data alike: examples must come from elsewhere."""
    people = set(seed_analysis.entity_counts.query("label == 'PERSON'")["canonical"])
    surnames = {name.split()[-1].lower() for name in people}
    assert {"blinken", "biden"} <= surnames
    package = lexicon.data_path("").parent
    for path in [*package.glob("*.py"), *lexicon.data_path("").iterdir()]:
        if path.is_file():
            text = path.read_text(encoding="utf-8").lower()
            found = [s for s in surnames if re.search(rf"\b{re.escape(s)}\b", text)]
            assert not found, f"{path.name}: {found}"


def test_every_data_file_is_documented():
    data = lexicon.data_path("README.md").parent
    readme = (data / "README.md").read_text(encoding="utf-8")
    assert [p.name for p in data.iterdir() if p.is_file() and p.name != "README.md" and p.name not in readme] == []


@pytest.mark.parametrize("job, member", [("definite", "those"), ("article", "an"), ("indefinite", "a"),
                                         ("continuing", "while"), ("leading_connective", "however,")])
def test_function_words_by_job(job, member):
    assert member in lexicon.function_words(job)
    with pytest.raises(KeyError, match="no function words"):
        lexicon.function_words("adverbial")
