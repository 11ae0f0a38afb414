"""Copies: which input repeats a stored article, for ingest (issue 14, item 6).

`Copies` holds the `index.fingerprints.Duplicates` lookup of one ingest call, built from the
fingerprints the ledger stores (so it sees what other processes stored before the call), plus
the articles the call has prepared but not yet written. A home whose articles have no
fingerprint yet (made before them, or by another recipe) gets them in `Copies.backfill`, which
also merges the copies it already holds: the older article stays, the newer becomes its other
source, each merge one transaction.
"""

from __future__ import annotations

from collections.abc import Callable

from index.fingerprints import RECIPE, Duplicates, fingerprint
from index.ledger.ledger import Ledger
from index.reading.repairing import repair_punctuation
from index.records import Article, ArticleSource, Fingerprint, Source

BACKFILL_CHUNK = 200  # articles read at once: their whole texts are in memory


def as_source(source: Source, article: str, content_hash: str) -> ArticleSource:
    """`source` recorded as another source of the stored article `article`."""
    return ArticleSource(
        article=article, key=source.key, path=source.path, text=source.text,
        content_hash=content_hash, encoding=source.encoding, flags=source.flags,
        meta=source.meta, skip_lines=source.skip_lines)


def as_source_of(article: Article, target: str) -> ArticleSource:
    """A stored article recorded as another source of the article `target`."""
    return ArticleSource(
        article=target, key=article.key, path=article.path, text=article.text,
        content_hash=article.content_hash, encoding=article.encoding, flags=article.flags,
        meta=article.meta)


class Copies:
    """Finds the article that an input repeats, among stored and prepared ones.

    Args:
        ledger: The ledger whose fingerprints are read (once, on the first `find`).
    """

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self._lookup: Duplicates | None = None
        self._waiting: dict[str, tuple[str, str]] = {}  # id → (key, repaired text), unwritten
        self._moves: dict[str, str] = {}  # rebuilt articles: old id → new id

    @property
    def lookup(self) -> Duplicates:
        """The lookup, built from the ledger's fingerprints on first use."""
        if self._lookup is None:
            self._lookup = Duplicates(self.ledger.sources.fingerprints(RECIPE))
        return self._lookup

    def find(self, print_: Fingerprint, repaired: str, but: str | None = None
             ) -> tuple[str, str] | None:
        """``(article id, key)`` of the article that this text repeats, or None.

        Args:
            print_: The text's fingerprint.
            repaired: The text, punctuation-repaired.
            but: An article id never to return (the input's own stored article).
        """
        if but is not None:
            self.lookup.remove(but)
        hit = self.lookup.find(print_, repaired, self._text_of)
        if hit is None:
            return None
        waiting = self._waiting.get(hit[0])
        if waiting is not None:
            return hit[0], waiting[0]
        return hit[0], self.ledger.articles([hit[0]])[0].key

    def add(self, article: str, key: str, print_: Fingerprint, repaired: str) -> None:
        """Compare later inputs with this article, prepared but not yet written, too."""
        self.lookup.remove(article)  # a replaced article: its old text no longer counts
        self.lookup.add(article, print_)
        self._waiting[article] = (key, repaired)

    def written(self, articles: list[str]) -> None:
        """These prepared articles are in the ledger now."""
        for article in articles:
            self._waiting.pop(article, None)

    def moved(self, old: str, new: str, print_: Fingerprint) -> None:
        """The article `old` was rebuilt from another source as `new` (see `Ledger.rehome`)."""
        if self._lookup is not None:  # a delete has no need of it: not built for one
            self._lookup.remove(old)
            self._lookup.add(new, print_)
        self._moves[old] = new

    def merged(self, old: str, into: str) -> None:
        """The article `old` became another source of the article `into`."""
        if self._lookup is not None:
            self._lookup.remove(old)
        self._moves[old] = into

    def is_waiting(self, article: str) -> bool:
        """Whether the article is prepared but not yet written."""
        return article in self._waiting

    def home_of(self, article: str) -> str:
        """The id the article `article` has now (another if it was rebuilt since)."""
        while article in self._moves:
            article = self._moves[article]
        return article

    def _text_of(self, article: str) -> str:
        waiting = self._waiting.get(article)
        if waiting is not None:
            return waiting[1]
        return repair_punctuation(self.ledger.articles([article])[0].text)[0]

    def backfill(self, progress: Callable[[str], None] | None = None) -> int:
        """Fingerprint the stored articles that lack one, merging those that repeat an older
        article into it; returns how many were merged."""
        missing = self.ledger.sources.unprinted(RECIPE)
        merged = 0
        for lo in range(0, len(missing), BACKFILL_CHUNK):
            chunk = missing[lo : lo + BACKFILL_CHUNK]
            stored = {a.id: a for a in self.ledger.articles(chunk)}
            for article in (stored[i] for i in chunk):
                repaired = repair_punctuation(article.text)[0]
                print_ = fingerprint(repaired)
                hit = self.lookup.find(print_, repaired, self._text_of)
                if hit is None:
                    self.ledger.sources.write_fingerprint(article.id, print_)
                    self.lookup.add(article.id, print_)
                    continue
                self.ledger.merge_article(article.id, as_source_of(article, hit[0]))
                merged += 1
                if progress:
                    progress(article.key)
        return merged
