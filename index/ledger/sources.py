"""The other sources of stored articles, and the fingerprints that found them (issue 14, item 6).

An input whose text duplicates a stored article's (`index.fingerprints`) is not stored as an
article: it becomes a row of ``sources``, keyed like an article, with its own text and
metadata, pointing to the article it repeats. ``fingerprints`` holds each article's
fingerprint, written in the article's own transaction. Both tables go with their article
(``ON DELETE CASCADE``). A home from before them gets them on its next open (``CREATE ... IF
NOT EXISTS``), and its articles their fingerprints at the next ingest (`Ingestor.recover`).
Same connection as `Ledger`, which wraps every write in a transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from index.ledger.batches import rows_in
from index.records import ArticleSource, Fingerprint, Metadata

SCHEMA = """
CREATE TABLE IF NOT EXISTS sources (
    key TEXT PRIMARY KEY, article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    path TEXT NOT NULL, text TEXT NOT NULL, content_hash TEXT NOT NULL, encoding TEXT NOT NULL,
    flags TEXT NOT NULL, skip_lines TEXT NOT NULL,
    title TEXT, date TEXT, outlet TEXT, author TEXT, url TEXT,
    added_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE INDEX IF NOT EXISTS sources_by_article ON sources(article);
CREATE INDEX IF NOT EXISTS sources_by_path ON sources(path);
CREATE TABLE IF NOT EXISTS fingerprints (
    article TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    recipe TEXT NOT NULL, exact TEXT NOT NULL, signature BLOB NOT NULL
);
"""

_COLUMNS = ("article, key, path, text, content_hash, encoding, flags, skip_lines, title, date, "
            "outlet, author, url")


def insert(db: sqlite3.Connection, source: ArticleSource) -> None:
    """Record `source` as another source of its article (replacing one with its key)."""
    m = source.meta
    db.execute(
        f"INSERT OR REPLACE INTO sources({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (source.article, source.key, source.path, source.text, source.content_hash,
         source.encoding, json.dumps(list(source.flags)), json.dumps(sorted(source.skip_lines)),
         m.title, m.date, m.outlet, m.author, m.url))


def by_key(db: sqlite3.Connection, key: str) -> ArticleSource | None:
    """The other source with this key, or None."""
    row = db.execute(f"SELECT {_COLUMNS} FROM sources WHERE key = ?", (key,)).fetchone()
    return _source(row) if row else None


def of_articles(db: sqlite3.Connection, article_ids: Sequence[str]) -> list[ArticleSource]:
    """The other sources of these articles, oldest first."""
    rows = rows_in(db, f"SELECT rowid, {_COLUMNS} FROM sources WHERE article IN ({{marks}})",
                   article_ids)
    return [_source(r[1:]) for r in sorted(rows, key=lambda r: int(r[0]))]


def matching(db: sqlite3.Connection, reference: str) -> list[ArticleSource]:
    """The other sources whose key, path or file name is `reference`."""
    like = "%/" + reference.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = db.execute(f"SELECT {_COLUMNS} FROM sources WHERE key = ? OR path = ? "
                      "OR path LIKE ? ESCAPE '\\' ORDER BY rowid", (reference, reference, like))
    return [_source(r) for r in rows]


def write_fingerprint(db: sqlite3.Connection, article: str, print_: Fingerprint) -> None:
    """Store the fingerprint of an article (replacing an older one)."""
    db.execute("INSERT OR REPLACE INTO fingerprints(article, recipe, exact, signature) "
               "VALUES (?,?,?,?)", (article, print_.recipe, print_.exact, print_.signature))


def fingerprints(db: sqlite3.Connection, recipe: str) -> list[tuple[str, Fingerprint]]:
    """``(article id, fingerprint)`` of every article fingerprinted with `recipe`, oldest
    article first."""
    rows = db.execute(
        "SELECT f.article, f.exact, f.signature FROM fingerprints f "
        "JOIN articles a ON a.id = f.article WHERE f.recipe = ? ORDER BY a.rowid", (recipe,))
    return [(str(a), Fingerprint(recipe, str(e), bytes(s))) for a, e, s in rows]


def unprinted(db: sqlite3.Connection, recipe: str) -> list[str]:
    """Ids of the articles without a fingerprint of `recipe`, oldest first."""
    return [r[0] for r in db.execute(
        "SELECT id FROM articles WHERE id NOT IN "
        "(SELECT article FROM fingerprints WHERE recipe = ?) ORDER BY rowid", (recipe,))]


def _source(row: Sequence[object]) -> ArticleSource:
    (article, key, path, text, chash, encoding, flags, skip, title, date, outlet, author,
     url) = row
    return ArticleSource(
        article=str(article), key=str(key), path=str(path), text=str(text),
        content_hash=str(chash), encoding=str(encoding), flags=tuple(json.loads(str(flags))),
        meta=Metadata(title, date, outlet, author, url),  # type: ignore[arg-type]
        skip_lines=frozenset(json.loads(str(skip))),
    )


class SourceTable:
    """The sources and fingerprints tables, on the ledger's connection (`Ledger.sources`);
    each write is its own transaction."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def add(self, source: ArticleSource) -> None:
        """Record another source of a stored article (see `ArticleSource`)."""
        with self.db:
            insert(self.db, source)

    def remove(self, key: str) -> None:
        """Forget the other source with this key (its article stays)."""
        with self.db:
            self.db.execute("DELETE FROM sources WHERE key = ?", (key,))

    def by_key(self, key: str) -> ArticleSource | None:
        """The other source with this key, or None."""
        return by_key(self.db, key)

    def of_articles(self, article_ids: Sequence[str]) -> list[ArticleSource]:
        """The other sources of these articles, oldest first (their own paths, outlets and
        dates; `Article.sources` lists only the paths)."""
        return of_articles(self.db, article_ids)

    def matching(self, reference: str) -> list[ArticleSource]:
        """The other sources whose key, path or file name is `reference`."""
        return matching(self.db, reference)

    def fingerprints(self, recipe: str) -> list[tuple[str, Fingerprint]]:
        """``(article id, fingerprint)`` of the articles fingerprinted with `recipe`."""
        return fingerprints(self.db, recipe)

    def unprinted(self, recipe: str) -> list[str]:
        """Ids of the articles lacking a fingerprint of `recipe` (a home from before them, or
        a new recipe), oldest first."""
        return unprinted(self.db, recipe)

    def write_fingerprint(self, article_id: str, print_: Fingerprint) -> None:
        """Store the fingerprint of a stored article."""
        with self.db:
            write_fingerprint(self.db, article_id, print_)
