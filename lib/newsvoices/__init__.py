"""newsvoices: who is quoted in a news article, how often, and how hopeful or hardline they sound.

    import newsvoices
    analysis = newsvoices.analyze(path="seeds/000_378cb35899c8b263.txt")
    analysis.statements, analysis.speakers, analysis.entity_counts
"""
from importlib import import_module

__all__ = ["Analysis", "Article", "NewsvoicesError", "analyze", "load_article"]
__version__ = "0.1.0"

# Imported on first use (PEP 562), so `python -m newsvoices report`, which hands the analysis to
# a notebook kernel, does not load spaCy and pandas in its own process first.
_HOMES = {"Analysis": "pipeline", "analyze": "pipeline", "Article": "article", "load_article": "article",
          "NewsvoicesError": "errors"}


def __getattr__(name: str):
    if name in _HOMES:
        value = getattr(import_module(f".{_HOMES[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'newsvoices' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
