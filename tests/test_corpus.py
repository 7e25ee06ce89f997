import pandas as pd

from conftest import SEED
from newsvoices import corpus
from newsvoices.nlp import ParseCache, parse


def write_folder(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b.md").write_text("# Ferry\n\n“We are ready to talk,” the mayor said.\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "picture.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    return folder


def test_folder_with_bad_files(tmp_path, nlp):
    result = corpus.analyze_corpus(write_folder(tmp_path), nlp=nlp, progress=False)
    assert sorted(result.articles["article"]) == ["a", "b"]
    assert sorted(f.source.rsplit("/", 1)[-1] for f in result.failures) == ["empty.txt", "picture.html"]
    assert (result.statements["article"] == "a").sum() == 16
    assert set(result.speakers["article"]) == {"a", "b"}
    written = result.export(tmp_path / "out")
    assert {p.name for p in written} >= {"statements.csv", "statements.parquet", "speakers.parquet"}
    back = pd.read_parquet(tmp_path / "out" / "statements.parquet")
    assert len(back) == len(result.statements)


def test_stream_matches_single_analysis(seed_analysis, nlp):
    [streamed] = list(corpus.stream_corpus([SEED], nlp=nlp, progress=False))
    pd.testing.assert_frame_equal(streamed.statements, seed_analysis.statements)


def test_parse_cache_round_trip(nlp, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSVOICES_CACHE_DIR", str(tmp_path / "cache"))
    text = SEED.read_text(encoding="utf-8")
    first = parse(text, nlp)
    store = ParseCache.for_model(nlp)
    assert store.path(text).exists()
    second = store.get(text)
    assert second.text == text
    assert [(t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in first] == [(t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in second]
    assert [s.start for s in first.sents] == [s.start for s in second.sents]
    monkeypatch.setenv("NEWSVOICES_CACHE", "off")
    assert ParseCache.for_model(nlp) is None


def test_dask_local_cluster_matches_in_process(tmp_path, nlp):
    distributed = __import__("pytest").importorskip("dask.distributed")
    folder = write_folder(tmp_path)
    local = corpus.analyze_corpus(folder, nlp=nlp, progress=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        remote = corpus.analyze_with_dask(folder, client=client, partitions=2)
    columns = ["article", "speaker", "content", "kind", "stance", "stance_score"]
    ordered = lambda t: t[columns].sort_values(["article", "content"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(ordered(remote.statements), ordered(local.statements))
    assert len(remote.failures) == 2


def test_two_processes_match_one(tmp_path, nlp):
    folder = write_folder(tmp_path)
    one = corpus.analyze_corpus(folder, nlp=nlp, progress=False)
    two = corpus.analyze_corpus(folder, n_process=2, progress=False)
    pd.testing.assert_frame_equal(one.statements, two.statements)
    pd.testing.assert_frame_equal(one.speakers, two.speakers)
    assert len(two.failures) == 2


CAMPAIGN_STORIES = {
    "first": "Republican candidate Ann Vole toured a steel plant on Monday. \"Jobs come first,\" Vole said.",
    "second": "At a rally in Dover, Republican candidate Ann Vole spoke for an hour. \"We will win,\" Vole said.",
    "third": "\"The polls are wrong,\" Ann Vole said on Friday after a debate in Dover.",
}


def test_affiliation_one_story_omits_comes_from_the_others(nlp):
    result = corpus.analyze_corpus(list(CAMPAIGN_STORIES.values()), nlp=nlp, progress=False)
    vole = result.statements[result.statements["speaker"] == "Ann Vole"]
    assert len(vole) == 3
    assert set(vole["affiliation"]) == {"Republican Party"}
    assert sorted(vole["affiliation_source"]) == ["article", "article", "corpus"]


def test_one_other_story_is_not_enough(nlp):
    stories = [CAMPAIGN_STORIES["first"], CAMPAIGN_STORIES["third"]]
    result = corpus.analyze_corpus(stories, nlp=nlp, progress=False)
    polls = result.statements[result.statements["content"].str.contains("polls")]
    assert polls["affiliation"].isna().all() and polls["affiliation_source"].isna().all()
