"""The SQLite ledger: the source of truth for articles, sentences, claims and embeddings.

`Ledger` owns the connection and every write, so that an article, its sentences and claims change in
one transaction. Its tables are defined in `index.ledger.schema`; reading articles, claims and
speakers, full-text search, the vector cache and the home's own records are the work of the
modules `articles`, `claims`, `fulltext`, `embeddings` and `home`, called on its connection;
the read-only views of claims and speakers (`views.ClaimViews`) and the home's bookkeeping
(`bookkeeping.HomeRecords`: the embedding cache, home id, recipe) are mixed in from their own
modules.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

from index.ledger import articles as article_table
from index.ledger import claims as claim_table
from index.ledger import fulltext, schema
from index.ledger import sources as source_table
from index.ledger.bookkeeping import HomeRecords
from index.ledger.clusters import ClusterTable
from index.ledger.schema import ARTICLE_COLUMNS, SENTENCE_COLUMNS
from index.ledger.sources import SourceTable
from index.ledger.views import ClaimViews
from index.records import (
    Article,
    ArticleSource,
    Claim,
    Fingerprint,
    Metadata,
    Sentence,
)


class Ledger(ClaimViews, HomeRecords):
    """SQLite ledger at ``home/ledger.sqlite3`` (WAL mode, foreign keys on).

    Args:
        path: The SQLite file; created with its tables unless `readonly`.
        readonly: Open an existing ledger read-only (read commands never write, and work on a
            read-only disk) until `writable`; one that lacks tables is upgraded at once.
    """

    def __init__(self, path: Path, *, readonly: bool = False) -> None:
        self.path = path
        self.readonly = readonly
        self._changes = 0  # changes committed on connections closed by `writable`
        self.db = schema.connect_readonly(path) if readonly else schema.connect(path)
        if readonly and schema.missing_tables(self.db):
            self.writable()

    def writable(self) -> None:
        """Reopen the ledger for writing, if it was opened read-only.

        Raises:
            StoreError: The file cannot be written (a read-only disk, or permissions).
        """
        if not self.readonly:
            return
        db = schema.connect_writable(self.path)
        self._changes += self.db.total_changes + 1  # so `state` never repeats an old value
        self.db.close()
        self.db, self.readonly = db, False

    def close(self) -> None:
        """Close the connection."""
        self.db.close()

    # Articles -------------------------------------------------------------------------------

    def article_by_key(self, key: str) -> tuple[Article, bool] | None:
        """The stored article with this key and whether it is fully indexed, or None."""
        return article_table.by_key(self.db, key)

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        """Stored articles (all, or those with the given ids), oldest first."""
        return article_table.select(self.db, ids)

    def unindexed_articles(self) -> list[str]:
        """Ids of articles whose vectors may be missing from the index."""
        return [r[0] for r in self.db.execute("SELECT id FROM articles WHERE indexed = 0")]

    def article_ids(
        self,
        article: str | None = None,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> list[str]:
        """Ids of articles matching every given filter.

        `article` matches an id, a key/path, a file name or a title (case-insensitive).
        """
        return article_table.ids_matching(self.db, article, outlet, since, until)

    def write_article(
        self, article: Article, sentences: Sequence[Sentence], claims: Sequence[Claim] = (),
        fingerprint: Fingerprint | None = None,
    ) -> None:
        """Insert or replace an article with all its sentences, claims and its fingerprint in
        one transaction.

        Sentences of an earlier version are deleted, and their ids queued in
        ``stale_vectors`` so the index drops them even if the process dies right after.
        """
        with self.db:
            self._write(article, sentences, claims, fingerprint)

    def _write(self, article: Article, sentences: Sequence[Sentence],
               claims: Sequence[Claim], fingerprint: Fingerprint | None) -> None:
        """`write_article`'s statements, inside the caller's transaction."""
        hashes = [text_hash(s.text) for s in sentences]
        self._drop_sentences(article.id)
        m = article.meta
        # An upsert, not delete + insert, so a replaced article keeps its place in lists.
        self.db.execute(
            f"INSERT INTO articles({ARTICLE_COLUMNS}, indexed) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,0) ON CONFLICT(id) DO UPDATE SET "
            + ", ".join(f"{c}=excluded.{c}" for c in ARTICLE_COLUMNS.split(", ")[1:])
            + ", indexed=0",
            (article.id, article.key, article.path, article.text, article.content_hash,
             article.encoding, json.dumps(list(article.flags)), m.title, m.date, m.outlet,
             m.author, m.url, len(sentences)),
        )
        self.db.executemany(
            f"INSERT INTO sentences({SENTENCE_COLUMNS}, text_hash) VALUES (?,?,?,?,?,?,?,?)",
            [(s.id, s.article, s.position, s.line, s.start, s.end, s.text, h)
             for s, h in zip(sentences, hashes, strict=True)],
        )
        claim_table.insert(self.db, claims)
        if fingerprint is not None:
            source_table.write_fingerprint(self.db, article.id, fingerprint)
        # A sentence id that survives the replace keeps its vector.
        self.db.execute(
            "DELETE FROM stale_vectors "
            "WHERE id IN (SELECT id FROM sentences WHERE article = ?)",
            (article.id,),
        )

    def _drop_sentences(self, article_id: str) -> None:
        """Delete an article's sentences (and so claims), queueing their vectors' removal."""
        self.db.execute(
            "INSERT OR IGNORE INTO stale_vectors(id) SELECT id FROM sentences WHERE article = ?",
            (article_id,),
        )
        self.db.execute("DELETE FROM sentences WHERE article = ?", (article_id,))

    # Other sources of articles, and fingerprints (see `index.ledger.sources`) ---------------

    @property
    def sources(self) -> SourceTable:
        """Other sources of articles and the articles' fingerprints (`index.ledger.sources`),
        on the current connection."""
        return SourceTable(self.db)

    def merge_article(self, duplicate: str, source: ArticleSource) -> None:
        """Make the stored article `duplicate` another source (`source`) of `source.article`,
        in one transaction: its sentences, claims and vectors go, its file stays listed."""
        with self.db:
            source_table.insert(self.db, source)
            self.db.execute("UPDATE sources SET article = ? WHERE article = ?",
                            (source.article, duplicate))
            self._drop_sentences(duplicate)
            self.db.execute("DELETE FROM articles WHERE id = ?", (duplicate,))

    def rehome(self, old: str, article: Article, sentences: Sequence[Sentence],
               claims: Sequence[Claim], fingerprint: Fingerprint) -> None:
        """Replace the article `old` by `article`, built from one of its other sources (whose
        source row goes), in one transaction: the remaining sources follow it."""
        with self.db:
            self._write(article, sentences, claims, fingerprint)
            self.db.execute("DELETE FROM sources WHERE key = ?", (article.key,))
            self.db.execute("UPDATE sources SET article = ? WHERE article = ?",
                            (article.id, old))
            self._drop_sentences(old)
            self.db.execute("DELETE FROM articles WHERE id = ?", (old,))

    def update_metadata(self, article_id: str, meta: Metadata) -> None:
        """Replace the metadata of a stored article (its text being unchanged)."""
        with self.db:
            self.db.execute(
                "UPDATE articles SET title=?, date=?, outlet=?, author=?, url=? WHERE id=?",
                (meta.title, meta.date, meta.outlet, meta.author, meta.url, article_id),
            )

    def delete_article(self, article_id: str) -> None:
        """Delete an article, its sentences and other sources, queueing their vectors for
        removal."""
        with self.db:
            self._drop_sentences(article_id)
            self.db.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    def mark_indexed(self, article_ids: Sequence[str], indexed: bool = True) -> None:
        """Record that the vectors of these articles are (or are not) all in the index."""
        with self.db:
            self.db.executemany(
                "UPDATE articles SET indexed = ? WHERE id = ?",
                [(int(indexed), a) for a in article_ids],
            )

    def stale_vectors(self) -> list[str]:
        """Sentence ids whose vectors must be removed from the index."""
        return [r[0] for r in self.db.execute("SELECT id FROM stale_vectors")]

    def clear_stale(self, ids: Sequence[str]) -> None:
        """Forget stale ids once the index no longer holds them."""
        with self.db:
            self.db.executemany("DELETE FROM stale_vectors WHERE id = ?", [(i,) for i in ids])

    # Sentences ------------------------------------------------------------------------------

    def sentences_of(self, article_ids: Sequence[str]) -> list[Sentence]:
        """All sentences of the given articles, in article then position order."""
        out: list[Sentence] = []
        for article_id in article_ids:
            rows = self.db.execute(
                f"SELECT {SENTENCE_COLUMNS} FROM sentences WHERE article = ? ORDER BY position",
                (article_id,),
            )
            out.extend(Sentence(*r) for r in rows)
        return out

    def sentences(self, ids: Sequence[str]) -> dict[str, Sentence]:
        """Stored sentences by id (unknown ids are absent)."""
        found: dict[str, Sentence] = {}
        for lo in range(0, len(ids), 500):
            chunk = list(ids[lo : lo + 500])
            rows = self.db.execute(
                f"SELECT {SENTENCE_COLUMNS} FROM sentences "
                f"WHERE id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            found.update((r[0], Sentence(*r)) for r in rows)
        return found

    def sentence_ids_in(self, article_ids: Sequence[str], limit: int) -> list[str]:
        """Ids of the sentences of the given articles, at most `limit` of them."""
        found: list[str] = []
        for lo in range(0, len(article_ids), 500):
            chunk = list(article_ids[lo : lo + 500])
            found += (r[0] for r in self.db.execute(
                f"SELECT id FROM sentences WHERE article IN ({','.join('?' * len(chunk))}) "
                "LIMIT ?", [*chunk, limit - len(found)]))
            if len(found) >= limit:
                break
        return found

    def sentence_count(self) -> int:
        """Number of stored sentences."""
        return int(self.db.execute("SELECT count(*) FROM sentences").fetchone()[0])

    def lexical(
        self, query: str, k: int, article_ids: Sequence[str] | None = None,
        sentence_ids: Sequence[str] | None = None,
    ) -> list[tuple[str, float]]:
        """BM25 search over sentence texts: (sentence id, bm25) pairs, best first.

        BM25 here is SQLite's: more negative is better; the caller only uses the ranks.
        """
        return fulltext.search(self.db, query, k, article_ids, sentence_ids)

    def term_rowids(self, match: str) -> frozenset[int]:
        """Rowids of the sentences matching the FTS5 query `match` (see `sentence_places`)."""
        return fulltext.term_rowids(self.db, match)

    def sentence_places(self, articles: Sequence[str]) -> list[tuple[int, str, int, int]]:
        """``(rowid, article, line, position)`` of every sentence of the given articles."""
        return fulltext.places(self.db, articles)

    # Claims and speakers (see `index.ledger.claims`)

    def state(self) -> tuple[int, int]:
        """See `state_of`: a key for caches of the ledger's contents."""
        version, changes = state_of(self.db)
        return version, changes + self._changes

    @property
    def clusters(self) -> ClusterTable:
        """The claim clusters (see `index.ledger.clusters`), on the current connection."""
        return ClusterTable(self.db)


def state_of(db: sqlite3.Connection) -> tuple[int, int]:
    """Changes whenever anything is committed to `db`, by this connection (its total_changes)
    or another (SQLite's data_version)."""
    return int(db.execute("PRAGMA data_version").fetchone()[0]), db.total_changes


def text_hash(text: str) -> str:
    """The key of a sentence text in the embedding cache."""

    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()

