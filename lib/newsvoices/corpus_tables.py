"""Tables across the articles of a corpus: each person merged by canonical name, and views by outlet."""
from __future__ import annotations

import pandas as pd

from .gender import speaker_gender

PEOPLE_COLUMNS = ["speaker", "articles", "outlets", "statements", "affiliation", "gender", "anonymous",
                  "stance_score_mean", "polarity_mean"]


def people_table(statements: pd.DataFrame) -> pd.DataFrame:
    """One row per speaker across all articles (the same canonical name is one person; unnamed
    sources stay per article, since "a senior official" in two articles need not be one person)."""
    if statements.empty:
        return pd.DataFrame(columns=PEOPLE_COLUMNS)
    table = statements.copy()
    anonymous = table["anonymous"].astype(bool)
    table["person"] = table["speaker"].astype(str).where(~anonymous, table["speaker"].astype(str) + " [" + table["article"].astype(str) + "]")
    rows = []
    for person, group in table.groupby("person", sort=False):
        affiliations = group["affiliation"].dropna()
        outlets = group["outlet"].dropna() if "outlet" in group else pd.Series(dtype=object)
        rows.append({"speaker": person, "articles": int(group["article"].nunique()),
                     "outlets": ", ".join(sorted(set(map(str, outlets)))), "statements": len(group),
                     "affiliation": affiliations.mode().iloc[0] if len(affiliations) else None,
                     "gender": speaker_gender(group["gender"]) if "gender" in group else "unknown",
                     "anonymous": bool(group["anonymous"].astype(bool).any()),
                     "stance_score_mean": float(group["stance_score"].mean()), "polarity_mean": float(group["polarity"].mean())})
    people = pd.DataFrame(rows, columns=PEOPLE_COLUMNS)
    people[["articles", "statements"]] = people[["articles", "statements"]].astype("Int64")
    return people.sort_values(["statements", "articles", "speaker"], ascending=[False, False, True], ignore_index=True)


def by_outlet(statements: pd.DataFrame) -> pd.DataFrame:
    """Statements, speakers and mean stance per outlet (articles with no outlet as "unknown")."""
    columns = ["outlet", "articles", "statements", "speakers", "stance_score_mean"]
    if statements.empty:
        return pd.DataFrame(columns=columns)
    outlet = statements["outlet"].fillna("unknown") if "outlet" in statements else pd.Series("unknown", index=statements.index)
    grouped = statements.assign(outlet=outlet).groupby("outlet").agg(
        articles=("article", "nunique"), statements=("speaker", "size"), speakers=("speaker", "nunique"),
        stance_score_mean=("stance_score", "mean"))
    return grouped.reset_index()[columns]


# one article's word is enough for the article; the corpus fills a gap only when several agree
MIN_ARTICLES, MIN_SHARE = 2, 0.6


def affiliations_across_articles(table: pd.DataFrame, min_articles: int = MIN_ARTICLES,
                                 min_share: float = MIN_SHARE) -> pd.DataFrame:
    """A copy of a corpus's statements (or speakers) table in which a named speaker that an
    article gives no affiliation takes the one the corpus's other articles give them: a
    candidate whose party one story never states ("Trump said ...") has it from the stories that
    do ("Republican front-runner Donald Trump"). Only a full name (two words or more) counts as
    the same person across articles, and only an affiliation at least `min_articles` articles
    give, and at least `min_share` of the articles that give one. `affiliation_source` says where
    each affiliation comes from: "article", "corpus" or None."""
    table = table.copy()
    given = table["affiliation"].map(lambda v: isinstance(v, str) and bool(v))
    table["affiliation_source"] = given.map({True: "article", False: None}).astype(object)
    if table.empty or "article" not in table:
        return table
    named = ~table["anonymous"].fillna(False).astype(bool) & table["speaker"].map(
        lambda s: isinstance(s, str) and len(s.split()) >= 2)
    votes = table[named & given].drop_duplicates(["speaker", "article"])  # one vote per article (the first statement's)
    agreed = {}
    for speaker, group in votes.groupby("speaker"):
        counts = group["affiliation"].value_counts()
        if counts.iloc[0] >= min_articles and counts.iloc[0] / counts.sum() >= min_share:
            agreed[speaker] = counts.index[0]
    gaps = named & ~given & table["speaker"].isin(agreed)
    table.loc[gaps, "affiliation"] = table.loc[gaps, "speaker"].map(agreed)
    table.loc[gaps, "affiliation_source"] = "corpus"
    return table
