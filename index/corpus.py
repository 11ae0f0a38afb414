"""A claimtrack home: the ledger, the vector index and the embedder, opened together.

`Corpus` is the façade the bot uses. Writers (ingest, delete, reindex) hold a file lock on the
home so a second writing process fails within `Settings.lock_timeout` seconds instead of
interleaving with the first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property
from typing import TYPE_CHECKING

from filelock import FileLock, Timeout

from index.errors import StoreLockedError
from index.ledger.ledger import Ledger
from index.records import Article, Hit, IngestReport, Metadata
from index.search.hybrid import Filters, HybridSearch
from index.settings import Settings
from index.vectors.binding import check_in_step, open_store
from index.vectors.cache import VectorCache
from index.vectors.embedding import (
    BUNDLED_MODEL,
    Embedder,
    TorchEmbedder,
    ensure_onnx,
    load_embedder,
    load_query_embedder,
    model_fingerprint,
)
from index.vectors.store import VectorStore

if TYPE_CHECKING:  # ingestion pulls in the parsers; queries never need them
    from index.ingestion import Ingestor


class Corpus:
    """The articles, sentences and vectors stored under one home.

    Args:
        settings: Where the home is and how to reach the index; see `Settings`.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.home = settings.home.expanduser().resolve()
        self.home.mkdir(parents=True, exist_ok=True)
        self.ledger = Ledger(self.home / "ledger.sqlite3")
        self._lock = FileLock(str(self.home / "writer.lock"))

    @cached_property
    def embedder(self) -> TorchEmbedder:
        """The reference sentence encoder (PyTorch), loaded on first write."""
        embedder = load_embedder(self.settings.model, self.settings.encode_batch)
        ensure_onnx(embedder, self.settings.model, self.settings.model_cache)
        return embedder

    @cached_property
    def query_embedder(self) -> Embedder:
        """The fastest-starting encoder with the same vectors, for queries."""
        return load_query_embedder(
            self.settings.model, self.settings.encode_batch, self.settings.model_cache)

    @cached_property
    def fingerprint(self) -> str:
        """What identifies the model: a fingerprint of its files, not its folder's name."""
        return model_fingerprint(self.settings.model, self.settings.model_cache)

    @cached_property
    def cache(self) -> VectorCache:
        """Sentence vectors through the ledger's embedding cache."""
        # The store opens first: it files a cache from before fingerprints under this one.
        dimension = self.store.dimension
        return VectorCache(self.ledger, lambda: self.embedder, self.fingerprint, dimension)

    @cached_property
    def store(self) -> VectorStore:
        """The home's own vector index (see `index.vectors.binding`), opened on first use."""
        embedder, settings = self.query_embedder, self.settings
        return open_store(
            self.ledger, self.home, model=embedder.name, fingerprint=self.fingerprint,
            dimension=embedder.dimension, context=settings.embed_context,
            collection=settings.collection, url=settings.chroma_url,
            token=settings.chroma_token,
            legacy_model=BUNDLED_MODEL if settings.model == BUNDLED_MODEL else None,
        )

    @cached_property
    def ingestor(self) -> Ingestor:
        """Writes articles and vectors."""
        from index.ingestion import Ingestor

        return Ingestor(self.ledger, self.store, self.cache, self.settings.embed_context)

    @cached_property
    def search_engine(self) -> HybridSearch:
        """Hybrid dense + lexical search, once the index is known to be in step.

        Raises:
            StoreOutOfStepError: Vectors are missing (checked again on the next call).
        """
        check_in_step(self.ledger, self.store)
        return HybridSearch(self.ledger, self.store, self.query_embedder)

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the writer lock of this home.

        Raises:
            StoreLockedError: Another process has held it for `Settings.lock_timeout` seconds.
        """
        try:
            with self._lock.acquire(timeout=self.settings.lock_timeout):
                yield
        except Timeout as exc:
            raise StoreLockedError(
                f"another claimtrack process is writing to {self.home}; wait until it finishes "
                "or use another --home"
            ) from exc

    def ingest(
        self, paths: Sequence[str], defaults: Metadata = Metadata(),
        progress: Callable[[str], None] | None = None,
    ) -> IngestReport:
        """Ingest files and folders; see `Ingestor.ingest`."""
        with self.writing():
            return self.ingestor.ingest(paths, defaults, self.settings.max_file_bytes, progress)

    def search(self, query: str, k: int = 10, filters: Filters = Filters()) -> list[Hit]:
        """The best `k` sentences for `query`; see `HybridSearch.search`."""
        return self.search_engine.search(query, k, filters)

    def articles(self) -> list[Article]:
        """Every stored article, oldest first."""
        return self.ledger.articles()

    def delete(self, article: str) -> list[str]:
        """Delete the articles matching `article` (id, path, file name or title); their ids."""
        with self.writing():
            ids = self.ledger.article_ids(article=article)
            self.ingestor.delete(ids)
            return ids

    def reindex(self, progress: Callable[[int], None] | None = None) -> int:
        """Rebuild the vector index from the ledger; returns the number of sentences."""
        with self.writing():
            return self.ingestor.reindex(progress)

    def close(self) -> None:
        """Release the ledger connection and the vector index's client."""
        if "store" in self.__dict__:  # opened
            self.store.close()
        self.ledger.close()
