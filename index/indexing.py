"""Indexing: the vector index and the claim clusters kept in step with the ledger.

The ledger is the source of truth; `Indexer` makes the index hold a vector for every sentence
of an article marked indexed (``_index``, `reindex`), drops the vectors of sentences the ledger
no longer has (`drop_stale`), places pending claims in clusters (`cluster`) and finishes what
an interrupted ingest, delete or reindex left (`recover`). Writing articles in is
`index.ingestion`'s, whose `Ingestor` is an `Indexer`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from index.attribution.identities.merging import merge
from index.copies import Copies
from index.ledger.ledger import Ledger
from index.records import Article, Sentence
from index.tracking.clustering import Clusterer
from index.vectors.binding import lost_articles
from index.vectors.cache import VectorCache
from index.vectors.context import Context, indexed_vectors
from index.vectors.store import VectorStore


class Indexer:
    """Keeps a home's vector index and clusters in step with its ledger."""

    def __init__(self, ledger: Ledger, store: VectorStore, cache: VectorCache,
                 context: Context = "paragraph") -> None:
        self.ledger = ledger
        self.store = store
        self.cache = cache
        self.context = context  # what a sentence's vector carries (see index.vectors.context)

    def _index(self, sentences: Sequence[Sentence]) -> None:
        """Index whole articles' sentences (a vector takes in its paragraph and title)."""
        if not sentences:
            return
        articles = self.ledger.articles({s.article for s in sentences})
        self._upsert(sentences, *self._vectors(sentences, articles))

    def _vectors(self, sentences: Sequence[Sentence], articles: Sequence[Article],
                 ) -> tuple[np.ndarray, list[dict[str, str | int]]]:
        """The vectors of sentences of `articles` and the metadata the index keeps with them."""
        by_id = {a.id: a for a in articles}
        vectors = indexed_vectors(
            sentences, {i: a.title for i, a in by_id.items()}, self.cache, self.context)
        return vectors, [_vector_metadata(by_id[s.article]) for s in sentences]

    def _upsert(self, sentences: Sequence[Sentence], vectors: np.ndarray,
                metadatas: Sequence[dict[str, str | int]]) -> None:
        if sentences:
            self.store.upsert([s.id for s in sentences], vectors, metadatas)

    def drop_stale(self) -> None:
        """Remove vectors of sentences that are no longer in the ledger."""
        stale = self.ledger.stale_vectors()
        if stale:
            self.store.delete(stale)
            self.ledger.clear_stale(stale)

    def recover(self) -> list[str]:
        """Finish what an interrupted ingest, delete or reindex left undone, fingerprint the
        articles that lack a fingerprint (merging the copies among them, see `Copies.backfill`),
        and index again the articles whose vectors the index lost; returns the keys of those."""
        self.drop_stale()
        unindexed = self.ledger.unindexed_articles()
        self._index_articles(unindexed)
        merged = Copies(self.ledger).backfill()
        if merged:
            self.drop_stale()
        if unindexed or merged or self.ledger.has_unlinked_claims():
            self.ledger.relink_speakers(merge)
        if self.ledger.clusters.has_pending():
            self.cluster()
        lost = lost_articles(self.ledger, self.store)
        self._index_articles(lost)
        return [a.key for a in self.ledger.articles(lost)] if lost else []

    def _index_articles(self, article_ids: Sequence[str]) -> None:
        for article_id in article_ids:
            self._index(self.ledger.sentences_of([article_id]))
            self.ledger.mark_indexed([article_id])

    def reindex(self, progress: Callable[[int], None] | None = None) -> int:
        """Rebuild the whole vector index from the ledger; returns the sentences indexed.

        Every article is marked unindexed first, so that an interrupted reindex leaves no
        article claiming vectors it lacks, and the next ingest completes it.
        """
        self.ledger.mark_indexed(self.ledger.article_ids(), False)
        self.store.reset()
        self.ledger.record_recipe(self.store.recipe)
        self.ledger.clear_stale(self.ledger.stale_vectors())
        total = 0
        for article in self.ledger.articles():
            sentences = self.ledger.sentences_of([article.id])
            self._index(sentences)
            self.ledger.mark_indexed([article.id])
            total += len(sentences)
            if progress:
                progress(len(sentences))
        self.ledger.clusters.reset()
        self.cluster()
        return total

    def cluster(self) -> int:
        """Place every claim without a cluster (see `index.tracking.clustering`); returns
        how many were placed."""
        return Clusterer(self.ledger.clusters, self.cache.vectors, self.cache.dimension).run()


def _vector_metadata(article: Article) -> dict[str, str | int]:
    date = article.meta.date or ""
    return {
        "article": article.id,
        "outlet": article.meta.outlet or "",
        # An integer date lets Chroma filter ranges directly (YYYYMMDD, 0 when unknown).
        "day": int(date.replace("-", "")) if len(date) == 10 else 0,
    }
