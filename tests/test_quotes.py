import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import GOLD, ROOT, SEED
from newsvoices import evaluate
from newsvoices.quotes import find_quotes


def statements_of(analyze_text, text):
    return analyze_text(text).statements


# ------------------------------------------------------------ quotation marks

def test_quote_styles_and_apostrophes():
    text = "“Curly,” he said. \"Straight,\" she said. ‘Single’ and 'plain' and «guillemets». Don’t count Hamas’ or it's."
    found = [text[q.start:q.end] for q in find_quotes(text)]
    assert found == ["Curly,", "Straight,", "Single", "plain", "guillemets"]


def test_quote_over_paragraphs_and_unbalanced_marks():
    text = "“First part of the quote.\n\n“Second part,” she said.\n\n“Never closed, he said.\n\nA plain paragraph with “a quote” left."
    found = [text[q.start:q.end] for q in find_quotes(text)]
    assert found[0].startswith("First part") and found[0].endswith("Second part,")
    assert "Never closed, he said." in found
    assert "a quote" in found


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("“”‘’\"'«» \n\nab.,")), max_size=200))
def test_random_marks_never_raise(text):
    for quote in find_quotes(text):
        assert 0 <= quote.start <= quote.end <= len(text)


# ------------------------------------------------------------ statement patterns

def test_direct_with_cue_after_before_and_inside(analyze_text):
    text = ("“The bridge will open in May,” the mayor said.\n\n"
            "The governor said: “We are ready to sign the agreement today.”\n\n"
            "“We will not give up,” Ana Ruiz said. “Never, whatever the courts decide.”")
    table = statements_of(analyze_text, text)
    assert list(table["kind"]) == ["direct", "direct", "direct", "direct"]
    assert list(table["content"]) == ["The bridge will open in May", "We are ready to sign the agreement today.",
                                      "We will not give up", "Never, whatever the courts decide."]
    assert list(table["speaker"])[2:] == ["Ana Ruiz", "Ana Ruiz"]


def test_several_sentences_in_one_quote(analyze_text):
    text = "“Prices are rising. Wages are not. That is the problem,” said Tom Baker, an economist."
    row = statements_of(analyze_text, text).iloc[0]
    assert row["content"] == "Prices are rising. Wages are not. That is the problem" and row["speaker"] == "Tom Baker"


def test_indirect_patterns(analyze_text):
    text = ("The minister said that the border would reopen next week.\n\n"
            "Exports fell sharply in March, the central bank said on Monday.\n\n"
            "Farmers will receive new subsidies, said Maria Lopez, the agriculture secretary.\n\n"
            "Mr. Chen told reporters the deal was close.\n\n"
            "According to the company, profits doubled last year.")
    table = statements_of(analyze_text, text)
    assert list(table["content"]) == [
        "the border would reopen next week",
        "Exports fell sharply in March",
        "Farmers will receive new subsidies",
        "the deal was close",
        "profits doubled last year",
    ]
    assert set(table["kind"]) == {"indirect"}
    assert list(table["cue"]) == ["said", "said", "said", "told", "according to"]
    assert table["speaker"].iloc[2] == "Maria Lopez"


def test_stance_noun_and_what_x_called(analyze_text):
    text = ("Peter Novak, the union leader, spoke on Monday in what Novak called a turning point.\n\n"
            "Novak repeated the union's position that the plant must stay open.")
    table = statements_of(analyze_text, text)
    assert list(table["content"]) == ["a turning point", "the plant must stay open"]
    assert list(table["speaker"]) == ["Peter Novak", "Peter Novak"]


def test_mixed_and_floating(analyze_text):
    text = ("Lena Park said the plan was “a step backwards” for the region.\n\n"
            "“We have seen this before. It never works.”")
    table = statements_of(analyze_text, text)
    assert list(table["kind"]) == ["mixed", "direct"]
    assert table["content"].iloc[0] == "the plan was “a step backwards” for the region"
    assert list(table["speaker"]) == ["Lena Park", "Lena Park"]
    assert table["cue"].isna().iloc[1]


@pytest.mark.parametrize("text, statements", [
    # a short quoted sentence on the line right after "..., X said."
    ("The council will review parking fees next month, the representative said.\n“It’s disgraceful.”",
     [("representative", "The council will review parking fees next month"), ("representative", "It’s disgraceful.")]),
    ("“We have waited too long for this,” Mayor Ines Duarte said on Monday. “Never again.”\n\nThe vote is in May.",
     [("Ines Duarte", "We have waited too long for this"), ("Ines Duarte", "Never again.")]),
    # short, but not right after a statement: a scare-quoted aside is nobody's
    ("Dana Cole said the fund was safe.\n\nThe market fell.\n\n“Not again.”", [("Dana Cole", "the fund was safe")]),
    # the short first half of an interrupted quote stays with its cue, never floats on its own
    ("Costs rose again in May. “On this basis,” the report said, “prices will climb.”",
     [("report", "On this basis,” the report said, “prices will climb.")]),
])
def test_short_quote_right_after_a_statement(analyze_text, text, statements):
    table = statements_of(analyze_text, text)
    assert list(zip(table["speaker"], table["content"])) == statements


@pytest.mark.parametrize("text, statements", [
    # a short clause ending in a colon, with no verb of saying: its subject's quotation
    (("Councillor Peter Lamb said the line was long overdue.\n\n\"We have waited twenty years,\" Lamb said.\n\n"
      "Transport Minister Ruth Abernathy was blunt: \"If the towns do not want the station, they do not have to have it.\""),
     ["Peter Lamb", "Peter Lamb", "Ruth Abernathy"]),
    # a quotation opening a paragraph, with no statement near, after a paragraph that brings a person in
    (("Dana Whitfield, the general manager, said the deal was fair.\n\nThe players met the press later. Veteran "
      "defenceman Paul Arsenault spoke after practice.\n\n\"We are built to win now, and everybody in this room knows it.\""),
     ["Dana Whitfield", "Paul Arsenault"]),
    # ... but not after a paragraph about something else: nobody's
    (("Dana Whitfield, the general manager, said the deal was fair.\n\nThe arena was half empty on Tuesday night.\n\n"
      "\"We are built to win now, and everybody in this room knows it.\""), ["Dana Whitfield"]),
    # ... not after a paragraph about a victim or an accused, who said nothing
    (("Dana Whitfield, the general manager, said the deal was fair.\n\nThe fans left early.\n\nMark Dale pleaded "
      "guilty to defrauding 40 pensioners.\n\n\"This was a calculated and sustained deception of vulnerable people.\""),
     ["Dana Whitfield"]),
    # a colon after a clause that names the words quoted: they are not the subject's
    (("Councillor Peter Lamb said the line was long overdue.\n\nSarah Jones, whose son died in the crash, still "
      "remembers his last words to her: \"I love you, Mum, I will see you tonight.\""), ["Peter Lamb", "Peter Lamb"]),
    # a colon after a clause about a thing, not a source, leaves the quotation floating as before
    ("Councillor Peter Lamb said the line was long overdue.\n\nThe message was simple: \"Build the station now.\"",
     ["Peter Lamb", "Peter Lamb"]),
])
def test_a_quotation_after_a_colon_or_a_persons_entrance_is_theirs(analyze_text, text, statements):
    assert list(statements_of(analyze_text, text)["speaker"]) == statements


@pytest.mark.parametrize("text", [
    "Rents climbed again. “On current trends,” the housing charity said, “one family in five will be priced out by 2030.”",
    # the parser hangs the inverted subject on the quotation's verb, across its opening mark
    "Rents climbed again. “On current trends,” said the housing charity, “one family in five will be priced out.”",
])
def test_a_quote_interrupted_by_its_cue_keeps_its_first_half(analyze_text, text):
    table = statements_of(analyze_text, text)
    direct = table[table["kind"] == "direct"]
    assert len(direct) == 1 and direct["content"].iloc[0].startswith("On current trends,")


def test_no_quotes_gives_an_empty_table(analyze_text):
    table = statements_of(analyze_text, "The river rose overnight.\n\nRoads were closed in the valley.")
    assert table.empty and "speaker" in table.columns


def test_unbalanced_mark_still_yields_the_rest(analyze_text):
    text = "“This quote never closes, the mayor said.\n\nThe governor said the roads would reopen on Monday."
    table = statements_of(analyze_text, text)
    assert "the roads would reopen on Monday" in list(table["content"])


# ------------------------------------------------------------ the seed, through the CLI contract

def seed_predictions():
    result = subprocess.run([sys.executable, "-m", "newsvoices", "quotes", str(SEED), "--json"],
                            capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(result.stdout)


def test_seed_against_the_reference():
    if not GOLD.exists():
        pytest.skip(f"the seed's reference reading is not at {GOLD} (../shared absent)")
    predicted = seed_predictions()
    text = SEED.read_text(encoding="utf-8")
    gold = evaluate.read_gold_json(GOLD, text)
    for record in predicted:
        assert text[record["content_start"]:record["content_end"]] == record["content"]
    score = evaluate.score(gold, predicted, 0.3)
    assert score.f1 >= 0.95, score.as_dict()
    assert score.speaker_correct >= 15, score.as_dict()
    counts = {}
    for record in predicted:
        counts[record["speaker"]] = counts.get(record["speaker"], 0) + 1
    expected = json.loads(GOLD.read_text(encoding="utf-8"))["counts"]
    assert sorted(counts.values(), reverse=True) == sorted(expected.values(), reverse=True)
    for name, number in expected.items():
        if "(unnamed)" in name and "Hamas" in name:
            continue  # "a senior official of the group": described by what the group resolves to, checked below
        ours = [s for s in counts if evaluate.same_person(s, name)]
        assert ours and counts[ours[0]] == number, name
    assert counts["Antony Blinken"] == 6 and counts["Sami Abu Zuhri"] == 3 and counts["Shaban Abdel-Raouf"] == 2


def test_polnear_precision_on_a_sample(nlp, polnear_dev):
    from newsvoices.article import load_article
    from newsvoices.entities import find_entities
    from newsvoices.pipeline import attributed_statements

    total = evaluate.Score(0, 0, 0, 0)
    for name, path, ann in polnear_dev[:12]:
        article = load_article(path)
        doc = nlp(article.text)
        predicted = [vars(s) for s in attributed_statements(doc, article, find_entities(doc, article.paragraph_at))]
        for record in predicted:
            assert article.text[record["content_start"]:record["content_end"]] == record["content"]
        total = total + evaluate.score(evaluate.read_brat(ann), predicted, 0.3)
    assert total.precision > 0.7 and total.recall > 0.4, total.as_dict()


def test_quote_interrupted_by_its_cue_is_one_statement(analyze_text):
    text = "“My hope,” the senator said, “is that the bill passes before the recess.”"
    table = statements_of(analyze_text, text)
    assert len(table) == 1 and table["kind"].iloc[0] == "direct"
    assert table["content"].iloc[0].startswith("My hope") and table["content"].iloc[0].endswith("before the recess.")


def test_two_apostrophes_as_quotation_marks(analyze_text):
    text = "''It's more tinkering at the edges,'' said Alan Cole, an economist. ''I wouldn't call it reform.''"
    table = statements_of(analyze_text, text)
    assert list(table["content"]) == ["It's more tinkering at the edges", "I wouldn't call it reform."]
    assert set(table["speaker"]) == {"Alan Cole"}


def test_cue_set_off_inside_the_sentence_it_reports(analyze_text):
    text = ("The harbour was busy again on Friday.\n\n"
            # Ortega has a role of her own, so "the mayor" is someone else (with none, a
            # definite role noun may well be her, the person already named)
            "Too often, port spokeswoman Ana Ortega said, the debate over the port ignores the fishermen.\n\n"
            "Asked about the budget, the mayor said, the city would find the money.")
    table = statements_of(analyze_text, text)
    assert list(table["content"]) == [
        "Too often, port spokeswoman Ana Ortega said, the debate over the port ignores the fishermen",
        "the city would find the money",
    ]
    assert list(table["speaker"]) == ["Ana Ortega", "mayor"]


def test_clause_misread_as_object_or_complement(analyze_text):
    text = ("The vote was held on Tuesday.\n\n"
            "He said legalizing it could put thousands of people to work in the valley.\n\n"
            "Voters met a farmer who said he was never paid for the harvest he sold.\n\n"
            "A senior Brazilian official, who asked not to be named, said the offer stood.\n\n"
            "The spokesman declined to comment on the report.")
    table = statements_of(analyze_text, text)
    assert list(table["content"]) == [
        "legalizing it could put thousands of people to work in the valley",
        "he was never paid for the harvest he sold",
        "the offer stood",
    ]
    assert table["speaker"].iloc[1] == "farmer"
    assert table["anonymous"].iloc[2] and table["affiliation"].iloc[2] == "Brazil"


@pytest.mark.parametrize("sentence, content", [
    # the parser reads "reduced" as a modifier of "stigma", and the clause as one noun phrase
    ("Bonnie Henry has said the pilot reduced stigma.", "the pilot reduced stigma"),
    ("Bonnie Henry said the pilot program reduced stigma.", "the pilot program reduced stigma"),
    # a verb form before its noun, or after a possessive, is a noun phrase: nothing was said
    ("Henry said the proposed changes.", None),
    ("Henry said the city's revised budget.", None),
])
def test_a_short_clause_read_as_one_noun_phrase(analyze_text, sentence, content):
    table = statements_of(analyze_text, "Pilot ends\n\nVICTORIA — B.C. will end the pilot.\n\n" + sentence)
    assert list(table["content"]) == ([content] if content else [])


def test_quotation_set_off_in_the_next_paragraph(analyze_text):
    text = ("The council met on Monday night.\n\n"
            "Councillor Ana Silva added:\n\n"
            "“We cannot wait another year. The roads are falling apart.”")
    table = statements_of(analyze_text, text)
    assert len(table) == 1
    assert table["kind"].iloc[0] == "direct" and table["cue"].iloc[0] == "added"
    assert table["content"].iloc[0] == "We cannot wait another year. The roads are falling apart."
    assert table["speaker"].iloc[0] == "Ana Silva"


def test_calling_is_naming_or_demanding_not_phoning(analyze_text):
    text = ("The strike entered its third week.\n\n"
            "Union leader Tom Reyes called the offer an insult.\n\n"
            "On Twitter, the mayor called on both sides to return to the table.\n\n"
            "Reyes called the mayor on Friday to thank her.\n\n"
            "The workers joined a group called Fair Wages Now.")
    table = statements_of(analyze_text, text)
    assert list(table["content"]) == ["the offer an insult", "both sides to return to the table"]
    assert list(table["speaker"]) == ["Tom Reyes", "mayor"]


def test_statement_noun_clause_and_quoted_fragments(analyze_text):
    text = ("The harvest ended early.\n\n"
            "The Growers' Federation said in a statement that most farms had already cut their hours.\n\n"
            "Asked whether prices would rise, Elena Vasquez, an economist, said the cost was “small but real.”\n\n"
            "She called the new rules “a step in the right direction.”")
    table = statements_of(analyze_text, text)
    assert list(table["content"]) == [
        "most farms had already cut their hours",
        "the cost was “small but real.”",
        "the new rules “a step in the right direction.”",
    ]
    assert list(table["kind"]) == ["indirect", "mixed", "mixed"]
    assert list(table["speaker"]) == ["Growers' Federation", "Elena Vasquez", "Elena Vasquez"]


def test_nobody_is_no_source(analyze_text):
    text = ("He says nobody asks the fishermen what they see.\n\n"
            "No one said the plan would work.\n\n"
            "Nobody told us the bridge was closed, she said.")
    table = statements_of(analyze_text, text)
    assert list(table["content"]) == ["nobody asks the fishermen what they see", "Nobody told us the bridge was closed"]
    assert list(table["mention"]) == ["He", "she"]


def test_called_with_quoted_label_colon_clause_and_long_anonymity_request(analyze_text):
    text = ("Angela Brooks said she had asked for an explanation. She called the delay “unacceptable by any standard.”\n\n"
            "An official at the directorate, who asked not to be named because he was not authorised to speak "
            "to the press, said the data had been discussed.\n\n"
            "Rocha smiles. She has one rule for new volunteers, and she repeats it to me as she winds the cable "
            "back onto its spool: “Listen first. Decide later.”")
    table = statements_of(analyze_text, text)
    assert list(table["content"]) == ["she had asked for an explanation", "the delay “unacceptable by any standard.”",
                                      "the data had been discussed", "Listen first. Decide later."]
    assert list(table["kind"]) == ["indirect", "mixed", "indirect", "direct"]
    assert list(table["cue"]) == ["said", "called", "said", "repeats"]


def test_phone_calls_admissions_and_a_comma_before_called(analyze_text):
    text = ("He said he had called Ms Vukovic to congratulate her.\n\n"
            "Dr Mirela Baranyi said her ward had admitted 47 children since March.\n\n"
            "Colin Fairweather, who speaks on transport for the opposition, called the minister’s stance "
            "‘a shrug dressed up as neutrality’.")
    table = statements_of(analyze_text, text)
    assert list(table["cue"]) == ["said", "said", "called"]
    assert table["content"].iloc[2] == "the minister’s stance ‘a shrug dressed up as neutrality’"
    assert table["speaker"].iloc[2] == "Colin Fairweather"


def test_labels_after_as_only_when_quoted(analyze_text):
    text = ("One reviewer dismissed her work as “sentimental postcards from a dying industry,” a judgment she framed.\n\n"
            "Desmond Farrow remembered her as “the hardest-working person in any room.”\n\n"
            "She remembered the war. He hailed a taxi as it passed.")
    table = statements_of(analyze_text, text)
    assert list(table["cue"]) == ["dismissed", "remembered"]
    assert list(table["mention"]) == ["One reviewer", "Desmond Farrow"]
    assert list(table["kind"]) == ["mixed", "mixed"]


@pytest.mark.parametrize("text, contents", [
    ("Ann Lee spoke on Monday. She says the obvious response was to break up the banks and says she wrote a bill to do it.",
     ["the obvious response was to break up the banks", "she wrote a bill to do it"]),
    ("Ann Lee spoke on Monday. She said the offer was fair and insisted there was no more money.",
     ["the offer was fair", "there was no more money"]),
])
def test_a_second_speech_verb_is_a_second_statement_of_the_same_speaker(analyze_text, text, contents):
    """The parser joins the second verb to the reported clause; it is the speaker's next statement."""
    table = analyze_text(text).statements
    assert list(table["speaker"]) == ["Ann Lee", "Ann Lee"]
    assert list(table["content"]) == contents


def test_who_after_a_place_is_the_person(analyze_text):
    """The parser hangs "who" on the last noun, here a town."""
    table = analyze_text("“We will appeal,” said Alan Berger, a doctor from Englewood, New Jersey, who said he had "
                         "friends in the town.").statements
    assert list(table["speaker"]) == ["Alan Berger", "Alan Berger"]


def test_a_noun_misread_as_a_clause_before_the_cue(analyze_text):
    """"directorate" read as a verb whose subject is the official: the official said the rest."""
    table = analyze_text("Whether the recordings will change anything is unclear. An official at the regional fisheries "
                         "directorate, who asked not to be named because he was not authorised to speak to the press, "
                         "said the acoustic data had been discussed during recent talks.").statements
    assert list(table["content"]) == ["the acoustic data had been discussed during recent talks"]
    assert table["anonymous"].all() and table["speaker"].iloc[0].startswith("official")


def test_a_quote_after_the_full_stop_belongs_to_its_own_cue(analyze_text):
    """"was asked by a caller why ... . “…,” he said": the quotation is the answer, said once."""
    table = analyze_text("Dan Hale was asked by a caller why the plant had closed. \"Because they ran it into the "
                         "ground,\" he said.").statements
    assert list(table["content"]).count("Because they ran it into the ground") == 1
