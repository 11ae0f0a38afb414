"""The embedding cache of the ledger: unit vectors by (model fingerprint, sentence-text hash).

Keyed by the model's fingerprint, not its name, so that another model in a folder of the same
name is never served this one's vectors. Same connection as `Ledger`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

import numpy as np

from index.ledger.batches import rows_in


def select(db: sqlite3.Connection, model: str, hashes: Sequence[str]) -> dict[str, np.ndarray]:
    """Cached vectors of `model` for the given text hashes, by hash."""
    rows = rows_in(db, "SELECT text_hash, vector FROM embeddings WHERE model = ? "
                   "AND text_hash IN ({marks})", dict.fromkeys(hashes), before=[model])
    return {h: np.frombuffer(v, dtype=np.float32) for h, v in rows}


def insert(db: sqlite3.Connection, model: str, vectors: dict[str, np.ndarray]) -> None:
    """Store vectors of `model` by text hash (the caller commits)."""
    db.executemany(
        "INSERT OR REPLACE INTO embeddings(model, text_hash, vector) VALUES (?,?,?)",
        [(model, h, v.astype(np.float32).tobytes()) for h, v in vectors.items()],
    )


def has(db: sqlite3.Connection, model: str) -> bool:
    """Whether any vector is cached under `model`."""
    return db.execute("SELECT 1 FROM embeddings WHERE model = ? LIMIT 1", (model,)).fetchone() \
        is not None


def rekey(db: sqlite3.Connection, old: str, new: str) -> None:
    """File the vectors cached under `old` under `new` (the caller commits)."""
    db.execute("UPDATE OR IGNORE embeddings SET model = ? WHERE model = ?", (new, old))
    db.execute("DELETE FROM embeddings WHERE model = ?", (old,))  # those `new` already had
