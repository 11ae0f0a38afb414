"""The ledger's SQL schema: its tables, the column lists queries select, and opening it.

The claims, clusters, home, sources and word count tables are `index.ledger.claims`'s,
`index.ledger.clusters`'s, `index.ledger.home`'s, `index.ledger.sources`'s and
`index.ledger.wordcounts`'s own (their ``SCHEMA``); `connect` creates them all, so a home made
by an older version gains the tables it lacks when it is opened (read-only opens reopen for
writing to do so, see `missing_tables`). `connect_readonly` opens an existing ledger without
ever writing to it.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from index.errors import StoreError
from index.ledger import claims, clusters, home, sources, wordcounts

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, key TEXT UNIQUE NOT NULL, path TEXT NOT NULL, text TEXT NOT NULL,
    content_hash TEXT NOT NULL, encoding TEXT NOT NULL, flags TEXT NOT NULL,
    title TEXT, date TEXT, outlet TEXT, author TEXT, url TEXT,
    sentence_count INTEGER NOT NULL DEFAULT 0,
    indexed INTEGER NOT NULL DEFAULT 0,  -- 1 once every vector of the article is in the index
    added_at TEXT NOT NULL DEFAULT (datetime('now'))
);
-- Filters read these instead of the rows, which hold each article's whole text.
CREATE INDEX IF NOT EXISTS articles_by_date ON articles(date, id);
CREATE INDEX IF NOT EXISTS articles_by_outlet ON articles(lower(outlet), id);
CREATE TABLE IF NOT EXISTS sentences (
    id TEXT PRIMARY KEY, article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, line INTEGER NOT NULL, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL, text TEXT NOT NULL, text_hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sentences_by_article ON sentences(article, position);
CREATE VIRTUAL TABLE IF NOT EXISTS sentences_fts USING fts5(
    text, content='sentences', content_rowid='rowid', tokenize='porter unicode61'
);
CREATE TRIGGER IF NOT EXISTS sentences_ai AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts(rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER IF NOT EXISTS sentences_ad AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
-- The vector cache: `model` is the model's fingerprint (index.vectors.fingerprint).
CREATE TABLE IF NOT EXISTS embeddings (
    model TEXT NOT NULL, text_hash TEXT NOT NULL, vector BLOB NOT NULL,
    PRIMARY KEY (model, text_hash)
);
-- Vectors still in the index whose sentences are gone (an interrupted replace or delete).
CREATE TABLE IF NOT EXISTS stale_vectors (id TEXT PRIMARY KEY);
"""

ARTICLE_COLUMNS = (
    "id, key, path, text, content_hash, encoding, flags, title, date, outlet, author, url, "
    "sentence_count"
)
SENTENCE_COLUMNS = 'id, article, position, line, start, "end", text'


def connect(path: Path) -> sqlite3.Connection:
    """Open the ledger, creating its folder and whatever tables it lacks.

    Args:
        path: The SQLite file, e.g. ``home/ledger.sqlite3``.

    Returns:
        A connection in WAL mode with foreign keys on, usable from any thread.

    Raises:
        StoreError: If the file cannot be opened or is no SQLite database.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        db = sqlite3.connect(path, timeout=30, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA synchronous=NORMAL")
        db.executescript(SCHEMA)
        db.executescript(claims.SCHEMA)
        db.executescript(clusters.SCHEMA)
        db.executescript(home.SCHEMA)
        db.executescript(sources.SCHEMA)
        db.executescript(wordcounts.SCHEMA)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot open the ledger {path}: {exc}") from exc
    return db


def connect_writable(path: Path) -> sqlite3.Connection:
    """`connect` to an existing ledger, once its file is known to be writable.

    Raises:
        StoreError: It is not (SQLite itself would only fail at the first write).
    """
    try:
        os.close(os.open(path, os.O_RDWR))
    except OSError as exc:
        raise StoreError(
            f"cannot write the ledger {path}: {exc.strerror or exc}; ingest, delete and reindex "
            "need a writable home (read commands work as it is)") from exc
    return connect(path)


def connect_readonly(path: Path) -> sqlite3.Connection:
    """Open an existing ledger for reading only (SQLite ``mode=ro``): nothing is written to it.

    A reader of a WAL-mode database needs its ``-shm`` file; where that cannot be created on a
    read-only file system, the ledger is opened ``immutable``, which is safe there since nothing
    can write to it either (a folder that is merely not ours could change under us: no).

    Raises:
        StoreError: If the file cannot be read or is no SQLite database.
    """
    uri = path.resolve().as_uri()
    try:
        try:
            return _checked(sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=30,
                                            check_same_thread=False))
        except sqlite3.OperationalError:
            if not os.statvfs(path.parent).f_flag & os.ST_RDONLY:
                raise
            return _checked(sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True,
                                            check_same_thread=False))
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot read the ledger {path}: {exc}") from exc


def _checked(db: sqlite3.Connection) -> sqlite3.Connection:
    """`db`, once a first read has shown that it opens (SQLite opens files lazily)."""
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        db.close()
        raise
    return db


def missing_tables(db: sqlite3.Connection) -> set[str]:
    """Tables of the current schema that the ledger on `db` lacks (made by an older version)."""
    reference = sqlite3.connect(":memory:")
    reference.executescript(SCHEMA + claims.SCHEMA + clusters.SCHEMA + sources.SCHEMA
                            + wordcounts.SCHEMA)
    query = "SELECT name FROM sqlite_master WHERE type = 'table'"
    wanted = {r[0] for r in reference.execute(query)}
    reference.close()
    return wanted - {r[0] for r in db.execute(query)}
