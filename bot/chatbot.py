"""`ClaimBot`, the Python API of claimtrack."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from bot.answers import Answer, compose
from bot.errors import InvalidArgumentError
from index import Article, Corpus, Filters, Hit, IngestReport, Metadata, Settings

DateLike = str | dt.date | None


class ClaimBot:
    """Ingest news articles, search them and answer questions with cited source lines.

    Args:
        home: Folder of the store; overrides ``settings.home`` (default ``claimtrack-data/``).
        settings: All other settings; by default read from ``CLAIMTRACK_*`` variables.

    Example:
        >>> bot = ClaimBot("my-store")
        >>> bot.ingest(["articles/"])
        >>> print(bot.ask("What did China say about arms sales?").text)
    """

    def __init__(self, home: str | Path | None = None, settings: Settings | None = None) -> None:
        settings = settings or Settings()
        if home is not None:
            settings = settings.model_copy(update={"home": Path(home)})
        self.settings = settings
        self.corpus = Corpus(settings)

    def ingest(
        self,
        paths: str | Path | Sequence[str | Path],
        *,
        title: str | None = None,
        date: DateLike = None,
        outlet: str | None = None,
        author: str | None = None,
        progress: Callable[[str], None] | None = None,
    ) -> IngestReport:
        """Ingest files and folders (recursively).

        Keyword metadata applies to every article of this call that does not carry its own.
        Bad files are reported in ``skipped`` with their reason; they never stop the others.
        """
        items = [paths] if isinstance(paths, str | Path) else list(paths)
        defaults = Metadata(title=title, date=iso_date(date, "date"), outlet=outlet, author=author)
        return self.corpus.ingest([str(p) for p in items], defaults, progress)

    def search(
        self,
        query: str,
        k: int = 10,
        *,
        article: str | None = None,
        outlet: str | None = None,
        since: DateLike = None,
        until: DateLike = None,
    ) -> list[Hit]:
        """The `k` sentences that best match `query`, best first, scores in [0, 1]."""
        if k < 1:
            raise InvalidArgumentError(f"k must be at least 1, not {k}")
        filters = Filters(article, outlet, iso_date(since, "since"), iso_date(until, "until"))
        return self.corpus.search(query, k, filters)

    def ask(self, question: str, k: int = 5) -> Answer:
        """Answer a question with the best supporting sentences, each cited."""
        hits = self.search(question, k=max(k, 10))
        return compose(question, hits, self.settings.min_relevance, limit=k)

    def articles(self) -> list[Article]:
        """Every stored article."""
        return self.corpus.articles()

    def delete(self, article: str) -> list[str]:
        """Delete an article (by id, path, file name or title) with its sentences and vectors."""
        return self.corpus.delete(article)

    def reindex(self) -> int:
        """Rebuild the vector index from the ledger; returns the number of sentences."""
        return self.corpus.reindex()

    def close(self) -> None:
        """Release the store."""
        self.corpus.close()


def iso_date(value: DateLike, name: str) -> str | None:
    """Normalise a date given as ``YYYY-MM-DD`` text or `datetime.date` to ISO text."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    try:
        return dt.date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        raise InvalidArgumentError(f"{name}: {value!r} is not a date like 2023-05-19") from None
