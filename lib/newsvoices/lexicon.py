"""Loading of the data files in `newsvoices/data/` (rules and tables as data, not code)."""
from __future__ import annotations

import csv
import re
from functools import cache
from importlib import resources


def data_path(name: str):
    return resources.files("newsvoices").joinpath("data", name)


def read_lines(name: str) -> list[str]:
    """A word list: one entry per line; `#` starts a comment; blank lines are ignored."""
    text = data_path(name).read_text(encoding="utf-8")
    entries = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            entries.append(line)
    return entries


def read_table(name: str) -> list[dict[str, str]]:
    with data_path(name).open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(line for line in handle if not line.startswith("#"))]


@cache
def nationalities() -> dict[str, tuple[str, str]]:
    """Lower-cased surface form -> (country, kind) for country names, adjectives and peoples."""
    table = {}
    for row in read_table("nationalities.csv"):
        table.setdefault(row["form"].strip().lower(), (row["country"].strip(), row["kind"].strip()))
    return table


@cache
def titles() -> dict[str, frozenset[str]]:
    """Lower-cased title or role noun -> its kinds (honorific, title, role); a word such as
    "minister" is both a title ("Minister Ana Ruiz") and a role ("the minister said")."""
    table: dict[str, set[str]] = {}
    for row in read_table("titles.csv"):
        table.setdefault(row["title"].strip().lower(), set()).add(row["kind"].strip())
    return {form: frozenset(kinds) for form, kinds in table.items()}


@cache
def title_forms() -> frozenset[str]:
    """The titles and honorifics of `titles.csv` as written ("Sgt.", "Prime Minister")."""
    return frozenset(row["title"].strip() for row in read_table("titles.csv") if row["kind"].strip() in {"title", "honorific"})


@cache
def role_nouns() -> frozenset[str]:
    return frozenset(t for t, kinds in titles().items() if "role" in kinds and " " not in t)


@cache
def role_families() -> dict[frozenset[str], frozenset[str]]:
    """The words of a role (a word, an abbreviation or a phrase, lower-cased) -> the role
    families they name (`role_families.csv`)."""
    table: dict[frozenset[str], set[str]] = {}
    for row in read_table("role_families.csv"):
        table.setdefault(frozenset(row["words"].strip().lower().split()), set()).add(row["family"].strip())
    return {words: frozenset(families) for words, families in table.items()}


@cache
def person_titles() -> frozenset[str]:
    return frozenset(t for t, kinds in titles().items() if kinds & {"title", "honorific"})


@cache
def gendered_words() -> dict[str, str]:
    """Lower-cased honorific, title or role noun -> "m" or "f" ("Mrs.", "spokeswoman")."""
    return {row["word"].strip().lower(): row["gender"].strip() for row in read_table("gendered_words.csv")}


@cache
def legal_forms() -> frozenset[str]:
    """"Corp", "Inc", "Ltd": the legal-form suffixes of company names (data/legal_forms.txt)."""
    return frozenset(read_lines("legal_forms.txt"))


@cache
def organisation_nouns() -> frozenset[str]:
    return frozenset(read_lines("organisation_nouns.txt"))


def generic_name_words() -> frozenset[str]:
    """"New", "National", "First": words that open organisations' names without naming one."""
    return frozenset(read_lines("generic_name_words.txt"))


def is_organisation_noun(lemma: str) -> bool:
    """"company", "union", "chipmaker": a common noun that stands for an organisation."""
    lemma = lemma.lower()
    return lemma in organisation_nouns() or (lemma.endswith("maker") and len(lemma) > 5)


def is_person_noun(word: str) -> bool:
    """"spokeswoman", "neurosurgeon", "tycoon", "labourer": a noun for a person (the role nouns
    of titles.csv, gendered_words.csv, person_nouns.txt, or a person noun's ending)."""
    word = word.lower()
    if word in role_nouns() or word in gendered_words() or word in word_list("person_nouns.txt"):
        return True
    if word in word_list("non_person_nouns.txt") or word in word_list("document_nouns.txt"):
        return False
    if is_organisation_noun(word) or word in word_list("group_nouns.txt"):
        return False
    return word.endswith(noun_endings("person")) and not word.endswith(noun_endings("not_person"))


@cache
def word_list(name: str) -> frozenset[str]:
    """The entries of a one-word-per-line list of `data/`, read once."""
    return frozenset(read_lines(name))


def speech_verbs() -> frozenset[str]:
    return word_list("speech_verbs.txt")


def object_content_verbs() -> frozenset[str]:
    return word_list("object_content_verbs.txt")


def label_verbs() -> frozenset[str]:
    return word_list("label_verbs.txt")


def naming_verbs() -> frozenset[str]:
    """"called the plan a disaster", "dubbed it “a fiasco”": verbs whose complement is the statement."""
    return word_list("naming_verbs.txt")


def speech_nouns() -> frozenset[str]:
    return word_list("speech_nouns.txt")


def directive_verbs() -> frozenset[str]:
    return word_list("directive_verbs.txt")


def clause_object_verbs() -> frozenset[str]:
    return word_list("clause_object_verbs.txt")


def cue_lemmas() -> frozenset[str]:
    """Every lemma that can make a token a cue candidate (`quotes.cues`)."""
    return speech_verbs() | object_content_verbs() | label_verbs() | naming_verbs() | speech_nouns() | {"accord", "according"}


@cache
def anonymity_words() -> re.Pattern:
    """How news marks an unnamed source ("who asked not to be identified", "on condition of anonymity")."""
    return re.compile(r"\b(?:" + "|".join(read_lines("anonymity_patterns.txt")) + r")\b", re.IGNORECASE)


@cache
def pronouns() -> dict[str, dict[str, str]]:
    """Lower-cased pronoun -> its row of `pronouns.csv` (kind: person, group, thing; gender; case)."""
    return {row["form"]: row for row in read_table("pronouns.csv")}


@cache
def pronoun_forms(kind: str) -> frozenset[str]:
    """Subject and object pronouns that stand for a speaker of `kind` ("he", "them", "it")."""
    return frozenset(form for form, row in pronouns().items() if row["kind"] == kind and {"subject", "object"} & set(row["case"].split()))


@cache
def possessive_pronouns(kind: str | None = None) -> frozenset[str]:
    """"his", "her", "its", "their" (of one kind only, if given)."""
    return frozenset(form for form, row in pronouns().items()
                     if "possessive" in row["case"].split() and kind in {None, row["kind"]})


@cache
def pronoun_genders() -> dict[str, str]:
    """"he", "his", "herself" -> "m" or "f"."""
    return {form: row["gender"] for form, row in pronouns().items() if row["gender"]}


@cache
def gendered_subject_pronouns() -> frozenset[str]:
    """"he", "she": the subject pronouns `pronouns.csv` gives a gender."""
    return frozenset(form for form, row in pronouns().items() if row["gender"] and "subject" in row["case"].split())


@cache
def noun_endings(kind: str) -> tuple[str, ...]:
    """Endings of `noun_endings.csv` that mark a noun of `kind` ("person": "-ist", "-woman";
    "not_person": "-ment", which overrules "-ent")."""
    return tuple(row["ending"] for row in read_table("noun_endings.csv") if row["kind"] == kind)


@cache
def function_words(job: str) -> frozenset[str]:
    """Closed-class words of `function_words.csv` doing `job` (definite, definite_singular,
    article, indefinite, name_connector, acronym_connector, issuer_preposition, ...; each job is
    listed in data/README.md)."""
    words = frozenset(row["word"] for row in read_table("function_words.csv") if row["job"] == job)
    if not words:
        raise KeyError(f"no function words for {job!r} in function_words.csv")
    return words


@cache
def antecedent_models() -> dict[str, dict]:
    """The antecedent rankers' weights (`antecedent_weights.json`): kind of mention -> {"bias",
    "weights", "threshold"}."""
    import json

    return json.loads(data_path("antecedent_weights.json").read_text(encoding="utf-8"))["models"]


def antecedent_model(kind: str) -> dict:
    return antecedent_models()[kind]


@cache
def parties() -> dict[str, tuple[str, str]]:
    """Surface form, with its capitals -> (party, kind) of `parties.csv`: `name` ("Labour Party"),
    `member` ("Republican", "Tories"), `adjective` ("GOP", "SNP") and `bracket` ("D" of "(D-Ohio)")."""
    return {row["form"]: (row["party"], row["kind"]) for row in read_table("parties.csv")}


def party_of(form: str, brackets: bool = False) -> str | None:
    """The party a word or name stands for ("Democrat" -> Democratic Party); the one-letter forms
    of "(D-Ohio)" only when `brackets`."""
    found = parties().get(form.strip())
    if found is None or (found[1] == "bracket") != brackets:
        return None
    return found[0]


@cache
def _given_names():
    """gender_guesser's table of about 45,000 first names from many countries, loaded once;
    None where the package is not installed (fewer pronouns kept apart, fewer people NER
    missed found: nothing breaks)."""
    try:
        from gender_guesser.detector import Detector
    except ImportError:
        return None
    return Detector(case_sensitive=False)


def given_name_gender(word: str) -> str | None:
    """"m" or "f" for a first name that has one gender in every country the table lists it for
    ("Margaret", "David", "Anders"); None for one given to both anywhere ("Andrea" is a man's name
    in Italy, "Jean" in France, "Kim" and "Robin" everywhere), an initial or a word it does not know."""
    kinds = _given_name_kinds(word)
    if kinds and kinds <= {"male", "mostly_male"}:
        return "m"
    if kinds and kinds <= {"female", "mostly_female"}:
        return "f"
    return None


def is_given_name(word: str) -> bool:
    """A first name of the given-name table, of either gender ("Quinn", "Robin", "Margaret")."""
    return bool(_given_name_kinds(word))


def _given_name_kinds(word: str) -> set[str]:
    """The genders the table gives a capitalised first name, in any country; none for an
    initial, a word it does not know, or where the table is not installed."""
    table = _given_names()
    if table is None or len(word) < 2 or not word.isalpha() or not word[0].isupper():
        return set()
    # the table's own per-country entries (gender_guesser 0.4: name -> {gender: country counts});
    # its get_gender() picks the most popular gender over all countries instead
    return set(table.names.get(word.lower(), {}))


def _iso_subdivisions() -> list:
    """ISO 3166-2's subdivisions from `pycountry`; none where the package is not installed."""
    try:
        import pycountry
    except ImportError:
        return []
    return list(pycountry.subdivisions)


@cache
def _regions() -> dict[str, str]:
    """Lower-cased name of a state, province or region (ISO 3166-2, from `pycountry`) -> its
    country as data/nationalities.csv names it; a name two countries share ("Punjab") is left
    out. Empty where the package is not installed (a minister of a story set in "South Carolina"
    then gets no country: nothing breaks)."""
    subdivisions = _iso_subdivisions()
    if not subdivisions:
        return {}
    import pycountry

    table: dict[str, set[str]] = {}
    for region in subdivisions:
        country = pycountry.countries.get(alpha_2=region.country_code)
        found = country and nationalities().get(country.name.lower())
        if found:
            table.setdefault(region.name.lower(), set()).add(found[0])
    return {name: next(iter(countries)) for name, countries in table.items() if len(countries) == 1}


def country_of_region(name: str) -> str | None:
    """"South Carolina" -> United States, "Ontario" -> Canada; None for a country or an unknown place."""
    return _regions().get(name.strip().lower())


@cache
def first_level_divisions() -> dict[str, frozenset[str]]:
    """Lower-cased name, without accents, of a country's first-level division (ISO 3166-2 from
    `pycountry`, no parent) -> its kinds in lower case ("ontario" -> {"province"}, "florida" ->
    {"state"}, "tokyo" -> {"prefecture"}); empty without the package."""
    table: dict[str, set[str]] = {}
    for region in _iso_subdivisions():
        if region.parent_code is None:
            table.setdefault(plain_letters(region.name), set()).add(region.type.lower())
    return {name: frozenset(kinds) for name, kinds in table.items()}


def plain_letters(name: str) -> str:
    """"Mahārāshtra" -> "maharashtra": lower case, accents dropped."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", name.strip().lower()) if not unicodedata.combining(c))
