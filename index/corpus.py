"""A claimtrack home: the ledger, the vector index and the embedder, opened together.

`Corpus` is the façade the bot uses. Writers (ingest, delete, reindex) hold a file lock on the
home so a second writing process fails within `Settings.lock_timeout` seconds instead of
interleaving with the first. An existing ledger is opened read-only until a writer takes the
lock, so read commands work on a read-only disk and never write.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from filelock import FileLock, Timeout

from index.errors import StoreError, StoreLockedError
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
from index.vectors.store import VectorStore, disk_stamp

# The trained attribution tagger shipped with the package (`make attribution-model` rebuilds
# it from PolNeAR train; docs/benchmarks.md, "Trained attribution").
SHIPPED_TAGGER = Path(__file__).resolve().parent / "attribution" / "tagger"

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
        ledger = self.home / "ledger.sqlite3"
        exists = ledger.is_file()
        if not exists:
            _make_home(self.home)
        # Read-only until a writer takes the lock: reads then work on a read-only disk.
        self.ledger = Ledger(ledger, readonly=exists)
        self._lock = FileLock(str(self.home / "writer.lock"))
        self._seen: tuple[int, int, int] | None = None  # see `_reopen_if_stale`

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
        store = open_store(
            self.ledger, self.home, model=embedder.name, fingerprint=self.fingerprint,
            dimension=embedder.dimension, context=settings.embed_context,
            collection=settings.collection, url=settings.chroma_url,
            token=settings.chroma_token,
            legacy_model=BUNDLED_MODEL if settings.model == BUNDLED_MODEL else None,
        )
        self._seen = self._writes()  # after opening: opening writes to the index's files
        return store

    @cached_property
    def ingestor(self) -> Ingestor:
        """Writes articles and vectors."""
        from index.ingestion import Ingestor

        return Ingestor(self.ledger, self.store, self.cache, self.settings.embed_context,
                        tagger=self.settings.attribution_tagger or SHIPPED_TAGGER,
                        second=self.settings.attribution_second)

    @property
    def search_engine(self) -> HybridSearch:
        """Hybrid dense + lexical search over what the home holds now (see `_reopen_if_stale`).

        Raises:
            StoreOutOfStepError: Vectors are missing (checked again on the next call).
        """
        self._reopen_if_stale()
        return self._search_engine

    @cached_property
    def _search_engine(self) -> HybridSearch:
        check_in_step(self.ledger, self.store)
        engine = HybridSearch(self.ledger, self.store, self.query_embedder)
        self._seen = self._writes()  # after the store opened: opening writes to its files
        return engine
    def _writes(self) -> tuple[int, int, int]:
        """A stamp of the writes to this home by other connections and processes."""
        return (self.ledger.state()[0], *disk_stamp(self.home))

    def _reopen_if_stale(self) -> None:
        """Reopen the vector index if another process has written to the home since we looked.

        The embedded Chroma client keeps its index in memory and misses another process's
        writes: its queries fail ("Error finding id") until it is reopened. Another process's
        ingest commits to the ledger (SQLite's data_version changes) and writes the index's
        database (its stamp changes), so comparing both before each use costs a query and a
        stat. A Chroma server has no such cache.
        """
        if self.settings.chroma_url or "store" not in self.__dict__:
            return
        if self._writes() != self._seen:
            self.store.close()
            for name in ("store", "ingestor", "_search_engine"):
                self.__dict__.pop(name, None)  # reopened on next use, which stamps `_seen`
            self._seen = None

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the writer lock of this home.

        Raises:
            StoreLockedError: Another process has held it for `Settings.lock_timeout` seconds.
        """
        try:
            self._lock.acquire(timeout=self.settings.lock_timeout)
        except Timeout as exc:
            raise StoreLockedError(
                f"another claimtrack process is writing to {self.home}; wait until it finishes "
                "or use another --home"
            ) from exc
        except OSError as exc:  # the lock file cannot be made: a read-only disk, permissions
            raise StoreError(
                f"cannot write to the home {self.home}: {exc.strerror or exc}; ingest, delete "
                "and reindex need a writable home (read commands work as it is)") from exc
        try:
            self._reopen_if_stale()
            self.ledger.writable()
            if self._seen is not None:  # checked just now; a new connection counts anew
                self._seen = self._writes()
            try:
                yield
            finally:  # our own writes leave the index we hold up to date
                self._seen = self._writes()
        finally:
            self._lock.release()

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
        """Delete what `article` names (an id or title: the article; a path or file name: that
        source, see `Ingestor.delete_matching`); the ids of the articles touched."""
        with self.writing():
            return self.ingestor.delete_matching(article)

    def reindex(self, progress: Callable[[int], None] | None = None) -> int:
        """Rebuild the vector index from the ledger; returns the number of sentences."""
        with self.writing():
            return self.ingestor.reindex(progress)

    def close(self) -> None:
        """Release the ledger connection and the vector index."""
        if "store" in self.__dict__:
            self.store.close()
        self.ledger.close()


def _make_home(home: Path) -> None:
    """Create the folder of a new home.

    Raises:
        StoreError: `home` is a file, or it cannot be created; the message says which.
    """
    where = "give --home (or CLAIMTRACK_HOME)"
    for folder in (home, *home.parents):
        if folder.exists() and not folder.is_dir():
            raise StoreError(f"cannot use {home} as the home: {folder} is a file, not a folder; "
                             f"{where} a folder, new or existing")
    try:
        home.mkdir(parents=True, exist_ok=True)
        if not os.access(home, os.W_OK):  # an existing folder that this process cannot write
            code = errno.EROFS if os.statvfs(home).f_flag & os.ST_RDONLY else errno.EACCES
            raise OSError(code, os.strerror(code))
    except OSError as exc:
        raise StoreError(f"cannot make the home {home}: {exc.strerror or exc}; {where} a "
                         "writable folder") from exc
