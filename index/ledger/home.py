"""What the ledger knows about its home: its id, the recipe of its vectors, what is indexed.

The ``home`` table holds one value per key: ``id``, a random id given on the first open (a
Chroma server names the home's own collection after it), and ``recipe``, the embedding recipe
(model fingerprint and context) the indexed vectors were made with. Same connection as
`Ledger`, which wraps every write in a transaction.
"""

from __future__ import annotations

import sqlite3
import uuid

SCHEMA = """
CREATE TABLE IF NOT EXISTS home (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- Counting the indexed sentences reads this index, not the articles' rows (their whole texts).
CREATE INDEX IF NOT EXISTS articles_by_indexed ON articles(indexed, sentence_count);
"""


def value(db: sqlite3.Connection, key: str) -> str | None:
    """The value of `key` in the home table, or None."""
    row = db.execute("SELECT value FROM home WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def home_id(db: sqlite3.Connection) -> str:
    """The home's id, given now if it has none (a home older than ids gets one too)."""
    found = value(db, "id")
    if found is None:
        # INSERT OR IGNORE then read: two processes opening a new home agree on one id.
        db.execute("INSERT OR IGNORE INTO home(key, value) VALUES ('id', ?)",
                   (uuid.uuid4().hex[:16],))
        found = value(db, "id")
    assert found is not None
    return found


def indexed_sentence_count(db: sqlite3.Connection) -> int:
    """How many sentences belong to articles marked indexed: the least the index holds."""
    row = db.execute("SELECT coalesce(sum(sentence_count), 0) FROM articles WHERE indexed = 1")
    return int(row.fetchone()[0])


def indexed_sentences(db: sqlite3.Connection) -> list[tuple[str, str]]:
    """``(sentence id, article id)`` of every sentence of an article marked indexed."""
    return [(str(s), str(a)) for s, a in db.execute(
        "SELECT s.id, s.article FROM sentences s JOIN articles a ON a.id = s.article "
        "WHERE a.indexed = 1")]
