"""The home's bookkeeping in the ledger: the embedding cache, the home id, the recipe.

Mixed into `index.ledger.Ledger`. Bookkeeping writes happen even on a ledger opened read-only
when its file can be written (`writable` reopens it); on one that cannot, they are skipped.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from index.errors import StoreError
from index.ledger import embeddings, home


class HomeRecords:
    """The home's own records (the ledger's connection is `db`, its file `path`)."""

    db: sqlite3.Connection
    path: Path

    def writable(self) -> None:  # the ledger's: reopen read-write
        raise NotImplementedError

    def cached_vectors(self, model: str, hashes: Sequence[str]) -> dict[str, np.ndarray]:
        """Cached vectors of sentence texts by text hash; `model` is a model fingerprint."""
        return embeddings.select(self.db, model, hashes)

    def cache_vectors(self, model: str, vectors: dict[str, np.ndarray]) -> None:
        """Store vectors of sentence texts, keyed by model fingerprint and text hash."""
        with self.db:
            embeddings.insert(self.db, model, vectors)

    def rekey_vectors(self, old: str, new: str) -> None:
        """File the vectors cached under the model key `old` under `new` (a home whose cache
        names the bundled model, from before fingerprints)."""
        # No write (no lock) when there is nothing to move.
        if embeddings.has(self.db, old) and self._bookkeeping():
            with self.db:
                embeddings.rekey(self.db, old, new)

    def home_id(self) -> str:
        """This home's id, given on its first open (a home that cannot be written and has
        none yet gets one derived from its path, the same on every open)."""
        found = home.value(self.db, "id")
        if found is not None:
            return found
        if not self._bookkeeping():
            return hashlib.blake2b(str(self.path).encode(), digest_size=8).hexdigest()
        with self.db:
            return home.home_id(self.db)

    def _bookkeeping(self) -> bool:
        """Whether the ledger can take a bookkeeping write (a home id, a recipe, re-keyed
        cache rows) now: a ledger opened read-only is reopened for it when the file is
        writable; one that cannot be written is left untouched."""
        try:
            self.writable()
        except StoreError:
            return False
        return True

    def recipe(self) -> str | None:
        """The embedding recipe the indexed vectors were made with, if recorded."""
        return home.value(self.db, "recipe")

    def record_recipe(self, recipe: str) -> None:
        """Record the embedding recipe of the index's vectors (not on a ledger that cannot be
        written: the next writer records it)."""
        if not self._bookkeeping():
            return
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO home(key, value) VALUES ('recipe', ?)",
                            (recipe,))

    def indexed_sentence_count(self) -> int:
        """Sentences of articles marked indexed: the index holds at least that many vectors."""
        return home.indexed_sentence_count(self.db)

    def indexed_sentences(self) -> list[tuple[str, str]]:
        """``(sentence id, article id)`` of the sentences of the articles marked indexed."""
        return home.indexed_sentences(self.db)
