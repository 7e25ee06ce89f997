"""newsvoices: who is quoted in a news article, how often, and how hopeful or hardline they sound.

    import newsvoices
    analysis = newsvoices.analyze("seeds/000_378cb35899c8b263.txt")
    analysis.statements, analysis.speakers, analysis.entity_counts
"""
from .article import Article, load_article
from .errors import NewsvoicesError
from .pipeline import Analysis, analyze

__all__ = ["Analysis", "Article", "NewsvoicesError", "analyze", "load_article"]
__version__ = "0.1.0"
