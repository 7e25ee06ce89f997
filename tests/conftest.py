import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_378cb35899c8b263.txt"
GOLD = ROOT.parent / "shared" / "gold" / "000_378cb35899c8b263.gold.json"
POLNEAR = Path(os.environ.get("NEWSVOICES_POLNEAR", ROOT.parent / "shared" / "data" / "polnear"))


@pytest.fixture(scope="session", autouse=True)
def private_parse_cache(tmp_path_factory):
    """Tests parse into a cache of their own, never the user's."""
    os.environ["NEWSVOICES_CACHE_DIR"] = str(tmp_path_factory.mktemp("parse-cache"))


@pytest.fixture(scope="session")
def nlp():
    from newsvoices.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def seed_analysis(nlp):
    import newsvoices

    return newsvoices.analyze(SEED, nlp=nlp)


@pytest.fixture(scope="session")
def polnear_dev():
    if not (POLNEAR / "dev" / "text").is_dir():
        pytest.skip(f"PolNeAR not found at {POLNEAR} (set NEWSVOICES_POLNEAR)")
    from newsvoices.evaluate import polnear_articles

    return list(polnear_articles(POLNEAR, "dev"))


@pytest.fixture(scope="session")
def analyze_text(nlp):
    import newsvoices

    def run(text):
        return newsvoices.analyze(text, nlp=nlp)

    return run
