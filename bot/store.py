"""`Store`, the store side of `bot.ClaimBot`: articles in and out, and what the store holds.

Ingesting, listing, deleting and reindexing articles, the attributed claims and speakers, and
the vocabulary questions are read with. Asking questions of it is `bot.claimbot`'s, whose
`ClaimBot` is a `Store`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from bot.asking.filters import DateLike, iso_date, with_speaker
from bot.asking.questions import Vocabulary
from bot.errors import UnknownArticleError
from bot.settings import Settings
from index import Article, Claim, Corpus, Filters, IngestReport, Metadata, Speaker
from index import Settings as IndexSettings
from index.ledger.claims import ClaimFilters
from index.text import canonical


class Store:
    """One home's articles, claims and speakers (see `bot.ClaimBot` for the arguments)."""

    def __init__(self, home: str | Path | None = None,
                 settings: IndexSettings | None = None) -> None:
        settings = Settings.over(settings)
        if home is not None:
            settings = settings.model_copy(update={"home": Path(home)})
        self.settings = settings
        self.corpus = Corpus(settings)
        self._vocabulary: tuple[tuple[int, int], Vocabulary] | None = None

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

    def vocabulary(self) -> Vocabulary:
        """Speaker names, organisations, outlets and dates known to the ledger.

        Reading them takes tens of milliseconds in a large corpus, so they are kept until the
        ledger changes (in this process or another).
        """
        ledger = self.corpus.ledger
        state = ledger.state()
        if self._vocabulary is None or self._vocabulary[0] != state:
            count, first, last = ledger.overview()
            vocabulary = Vocabulary(ledger.speaker_names(), ledger.organisations(),
                                    ledger.outlets(), ledger.claim_counts(),
                                    ledger.org_counts(), ledger.role_holders(), first, last,
                                    count)
            self._vocabulary = state, vocabulary
        return self._vocabulary[1]

    def claims(
        self,
        article: str | None = None,
        speaker: str | None = None,
        country: str | None = None,
        since: DateLike = None,
        until: DateLike = None,
    ) -> list[Claim]:
        """Attributed claims, by date, filtered like `search`.

        Raises:
            UnknownArticleError: `article` matches no stored article.
        """
        self._check_article(article)
        ledger = self.corpus.ledger
        article_ids = None
        if article is not None or since is not None or until is not None:
            article_ids = tuple(ledger.article_ids(
                canonical(article), None, iso_date(since, "since"), iso_date(until, "until")))
        filters = with_speaker(Filters(), speaker, country, self.vocabulary())
        return ledger.claims(ClaimFilters(article_ids, filters.speaker, filters.country,
                                          filters.org))

    def speakers(self) -> list[Speaker]:
        """Every speaker across the corpus, most claims first."""
        return self.corpus.ledger.speakers()

    def articles(self) -> list[Article]:
        """Every stored article."""
        return self.corpus.articles()

    def delete(self, article: str) -> list[str]:
        """Delete an article (by id, path, file name or title) with its sentences and vectors."""
        return self.corpus.delete(canonical(article))

    def reindex(self) -> int:
        """Rebuild the vector index from the ledger; returns the number of sentences."""
        return self.corpus.reindex()

    def close(self) -> None:
        """Release the store."""
        self.corpus.close()

    def _check_article(self, article: str | None) -> None:
        """Refuse an article filter that names no stored article (it would find nothing)."""
        if article is not None and not self.corpus.ledger.article_ids(canonical(article)):
            raise UnknownArticleError(
                f"no article matches {article!r} (by id, path, file name or title); "
                "`claimtrack articles` lists the stored ones")
