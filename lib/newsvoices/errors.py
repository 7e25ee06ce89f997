"""Errors a user can meet. Each carries a one-line message meant for a person, not a traceback."""


class NewsvoicesError(Exception):
    """Base class: anything newsvoices reports as a user-facing problem."""


class ArticleNotFoundError(NewsvoicesError):
    pass


class ArticleUnreadableError(NewsvoicesError):
    """The file exists but cannot be read as an article (permissions, a directory, binary data)."""


class EmptyArticleError(NewsvoicesError):
    pass


class ModelNotFoundError(NewsvoicesError):
    pass


class NewsvoicesWarning(UserWarning):
    """Something was done on a guess (an encoding fallback, a non-English text)."""


class ArticleTooLongError(NewsvoicesError):
    """The article is longer than `max_chars`, or analysing it ran out of memory."""


class OutputError(NewsvoicesError):
    """An output file could not be written (read-only or full disk, a file where a folder should be)."""
