"""Per-article tables (newsvoices.tables): tokens, entities, statements, speakers, affiliations."""
import pandas as pd

from newsvoices import tables


def test_speaker_table_adds_up_to_the_statements(seed_analysis):
    statements, speakers = seed_analysis.statements, seed_analysis.speakers
    assert speakers["statements"].sum() == len(statements)
    assert (speakers["direct"] + speakers["indirect"] + speakers["mixed"] == speakers["statements"]).all()
    assert list(speakers["statements"]) == sorted(speakers["statements"], reverse=True)
    for row in speakers.itertuples():
        own = statements[statements["speaker"] == row.speaker]
        assert row.first_paragraph == own["paragraph"].min()
        assert abs(row.stance_score_mean - own["stance_score"].mean()) < 1e-9
        assert abs(row.polarity_std - own["polarity"].std(ddof=0)) < 1e-9


def test_affiliation_table_groups_speakers(seed_analysis):
    table = seed_analysis.affiliations
    assert table["statements"].sum() == len(seed_analysis.statements)
    assert list(table.columns) == ["affiliation", "speakers", "statements", "stance_score_mean", "polarity_mean"]
    hamas = table.set_index("affiliation").loc["Hamas"]
    assert hamas["speakers"] == 2 and hamas["statements"] == 4


def test_empty_article_gives_empty_tables_with_their_columns():
    empty = tables.statement_table([])
    assert empty.empty and list(empty.columns)[:3] == ["content", "content_start", "content_end"]
    assert list(tables.speaker_table(empty).columns) == tables.SPEAKER_COLUMNS
    assert tables.affiliation_table(empty).empty
    assert tables.stance_cue_table(empty).empty


def test_styled_statements_escape_article_text():
    statements = pd.DataFrame({"speaker": ["<b>x</b>"], "kind": ["direct"], "content": ["<script>alert(1)</script>"],
                               "stance": ["neutral"], "stance_score": [0.0], "polarity": [0.0], "affiliation": [None],
                               "paragraph": [0]})
    html = tables.styled_statements(statements).to_html()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_token_and_entity_tables_slice_the_text(seed_analysis):
    text = seed_analysis.article.text
    tokens = seed_analysis.tokens
    assert list(tokens.columns) == tables.TOKEN_COLUMNS
    assert all(text[r.start_char:r.end_char] == r.text for r in tokens.itertuples())
    counts = seed_analysis.entity_counts
    assert counts["mentions"].sum() == len(seed_analysis.entities)
