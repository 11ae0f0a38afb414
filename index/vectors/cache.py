"""Sentence vectors through the ledger's embedding cache, keyed by a hash of the text.

Repeated sentences, re-ingests and reindexing never encode a text twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

import numpy as np

from index.ledger.ledger import Ledger, text_hash
from index.vectors.embedding import Busy, Embedder


class VectorCache:
    """Unit vectors of texts, encoded at most once per model.

    Args:
        ledger: Holds the cache.
        embedder: A function returning the embedder, called only on a cache miss (loading a
            model takes seconds, and most lookups hit).
        name: The model name the cache is keyed by.
        dimension: Vector length.
    """

    def __init__(self, ledger: Ledger, embedder: Callable[[], Embedder], name: str,
                 dimension: int) -> None:
        self.ledger = ledger
        self._embedder = embedder
        self.name = name
        self.dimension = dimension
        self._beside: Busy | None = None

    @contextmanager
    def beside(self, busy: Busy) -> Iterator[None]:
        """While inside, encode leaving a core to another worker whenever `busy()` (see
        `Embedder.embed`): ingest's attribution thread."""
        before, self._beside = self._beside, busy
        try:
            yield
        finally:
            self._beside = before

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        """An (n, dimension) array of the texts' vectors, encoding only the missing ones."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        hashes = [text_hash(t) for t in texts]
        cached = self.ledger.cached_vectors(self.name, hashes)
        missing = {h: t for h, t in zip(hashes, texts, strict=True) if h not in cached}
        if missing:
            fresh = self._embedder().embed(list(missing.values()), self._beside)
            new = dict(zip(missing.keys(), fresh, strict=True))
            self.ledger.cache_vectors(self.name, new)
            cached.update(new)
        return np.stack([cached[h] for h in hashes])
