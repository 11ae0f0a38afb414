"""The SQLite ledger: the source of truth for articles, sentences, claims and embeddings.

Lexical search (FTS5 BM25) lives here too, since it is part of SQLite.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from index import claims as claim_table
from index.errors import StoreError
from index.records import Article, Claim, Metadata, Sentence, Speaker

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
_WORD = re.compile(r"\w+", re.UNICODE)
# Function words carry no topic; matching them ranks every sentence of a question's shape.
STOPWORDS = frozenset("""
a about above after again against all am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further
had has have having he her here hers herself him himself his how i if in into is it its itself
just me more most my myself no nor not now of off on once only or other our ours ourselves out
over own same she should so some such than that the their theirs them themselves then there
these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours yourself yourselves say said says tell told
""".split())


class Ledger:
    """SQLite ledger at ``home/ledger.sqlite3`` (WAL mode, foreign keys on)."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(path, timeout=30, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(SCHEMA)
            self.db.executescript(claim_table.SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the ledger {path}: {exc}") from exc
        self.path = path

    def close(self) -> None:
        """Close the connection."""
        self.db.close()

    # Articles -------------------------------------------------------------------------------

    def article_by_key(self, key: str) -> tuple[Article, bool] | None:
        """The stored article with this key and whether it is fully indexed, or None."""
        row = self.db.execute(
            f"SELECT {ARTICLE_COLUMNS}, indexed FROM articles WHERE key = ?", (key,)
        ).fetchone()
        return (_article(row[:-1]), bool(row[-1])) if row else None

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        """Stored articles (all, or those with the given ids), oldest first."""
        sql = f"SELECT {ARTICLE_COLUMNS} FROM articles"
        if ids is None:
            return [_article(r) for r in self.db.execute(sql + " ORDER BY rowid")]
        wanted = list(ids)
        rows = self.db.execute(
            sql + f" WHERE id IN ({','.join('?' * len(wanted))})", wanted
        ).fetchall()
        return [_article(r) for r in rows]

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
        clauses, args = [], []
        if article is not None:
            clauses.append(
                "(id = ? OR key = ? OR path = ? OR lower(title) = lower(?) "
                "OR path LIKE ? ESCAPE '\\')"
            )
            like = "%/" + article.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            args += [article, article, article, article, like]
        if outlet is not None:
            clauses.append("lower(outlet) = lower(?)")
            args.append(outlet)
        if since is not None:
            clauses.append("date >= ?")
            args.append(since)
        if until is not None:
            clauses.append("date <= ?")
            args.append(until)
        where = " AND ".join(clauses) or "1"
        return [r[0] for r in self.db.execute(f"SELECT id FROM articles WHERE {where}", args)]

    def write_article(
        self, article: Article, sentences: Sequence[Sentence], claims: Sequence[Claim] = ()
    ) -> None:
        """Insert or replace an article with all its sentences and claims in one transaction.

        Sentences of an earlier version are deleted, and their ids queued in
        ``stale_vectors`` so the index drops them even if the process dies right after.
        """
        hashes = [text_hash(s.text) for s in sentences]
        with self.db:
            self.db.execute(
                "INSERT OR IGNORE INTO stale_vectors(id) "
                "SELECT id FROM sentences WHERE article = ?",
                (article.id,),
            )
            self.db.execute("DELETE FROM sentences WHERE article = ?", (article.id,))
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
            # A sentence id that survives the replace keeps its vector.
            self.db.execute(
                "DELETE FROM stale_vectors "
                "WHERE id IN (SELECT id FROM sentences WHERE article = ?)",
                (article.id,),
            )

    def update_metadata(self, article_id: str, meta: Metadata) -> None:
        """Replace the metadata of a stored article (its text being unchanged)."""
        with self.db:
            self.db.execute(
                "UPDATE articles SET title=?, date=?, outlet=?, author=?, url=? WHERE id=?",
                (meta.title, meta.date, meta.outlet, meta.author, meta.url, article_id),
            )

    def delete_article(self, article_id: str) -> None:
        """Delete an article and its sentences, queueing their vectors for removal."""
        with self.db:
            self.db.execute(
                "INSERT OR IGNORE INTO stale_vectors(id) "
                "SELECT id FROM sentences WHERE article = ?",
                (article_id,),
            )
            self.db.execute("DELETE FROM sentences WHERE article = ?", (article_id,))
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
        words = [w for w in _WORD.findall(query.lower()) if len(w) > 1 and w not in STOPWORDS]
        if not words or k <= 0:
            return []
        match = " OR ".join(f'"{w}"' for w in dict.fromkeys(words))
        if article_ids is None and sentence_ids is None:
            # FTS5 ranks and cuts on its own; only the best k are joined to their ids.
            return [(r[0], float(r[1])) for r in self.db.execute(
                "SELECT s.id, best.rank FROM (SELECT rowid, rank FROM sentences_fts "
                "WHERE sentences_fts MATCH ? ORDER BY rank LIMIT ?) AS best "
                "JOIN sentences s ON s.rowid = best.rowid ORDER BY best.rank", (match, k))]
        sql = (
            "SELECT s.id, bm25(sentences_fts) AS rank FROM sentences_fts "
            "JOIN sentences s ON s.rowid = sentences_fts.rowid WHERE sentences_fts MATCH ?"
        )
        args: list[object] = [match]
        if article_ids is not None:
            sql += f" AND s.article IN ({','.join('?' * len(article_ids))})"
            args += list(article_ids)
        if sentence_ids is not None:
            sql += f" AND s.id IN ({','.join('?' * len(sentence_ids))})"
            args += list(sentence_ids)
        sql += " ORDER BY rank LIMIT ?"
        args.append(k)
        return [(r[0], float(r[1])) for r in self.db.execute(sql, args)]

    # Claims and speakers (see `index.claims`) ------------------------------------------------

    def state(self) -> tuple[int, int]:
        """See `state_of`: a key for caches of the ledger's contents."""
        return state_of(self.db)

    def claim_sentence_ids(self, filters: claim_table.ClaimFilters) -> list[str]:
        """Ids of the sentences holding claims that match `filters`."""
        return claim_table.sentence_ids(self.db, filters)

    def has_unlinked_claims(self) -> bool:
        """Whether a claim with a speaker still lacks its identity (an interrupted ingest)."""
        return self.db.execute("SELECT 1 FROM claims WHERE entity IS NULL "
                               "AND speaker IS NOT NULL LIMIT 1").fetchone() is not None

    def relink_speakers(self) -> None:
        """Recompute speaker identities across articles after claims changed."""
        with self.db:
            claim_table.relink(self.db)

    def claims(
        self, filters: claim_table.ClaimFilters, sentence_ids: Sequence[str] | None = None
    ) -> list[Claim]:
        """Claims matching `filters` (and, if given, holding one of `sentence_ids`)."""
        return claim_table.select(self.db, filters, sentence_ids)

    def speakers(self) -> list[Speaker]:
        """Every speaker identity, most claims first."""
        return claim_table.speakers(self.db)

    def organisations(self) -> list[str]:
        """Names of organisations that speak or employ speakers."""
        return [r[0] for r in self.db.execute(
            "SELECT speaker_org FROM claims WHERE speaker_org IS NOT NULL UNION "
            "SELECT entity FROM claims WHERE entity_kind = 'organisation'")]

    def outlets(self) -> list[str]:
        """Distinct outlets of stored articles."""
        return [r[0] for r in self.db.execute(
            "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet")]

    def speaker_names(self) -> list[tuple[str, str]]:
        """(name as resolved in an article, identity) pairs."""
        return claim_table.identity_names(self.db)

    # Embedding cache ------------------------------------------------------------------------

    def cached_vectors(self, model: str, hashes: Sequence[str]) -> dict[str, np.ndarray]:
        """Cached vectors of sentence texts, keyed by text hash."""
        found: dict[str, np.ndarray] = {}
        unique = list(dict.fromkeys(hashes))
        for lo in range(0, len(unique), 500):
            chunk = unique[lo : lo + 500]
            rows = self.db.execute(
                "SELECT text_hash, vector FROM embeddings WHERE model = ? "
                f"AND text_hash IN ({','.join('?' * len(chunk))})",
                [model, *chunk],
            )
            found.update((h, np.frombuffer(v, dtype=np.float32)) for h, v in rows)
        return found

    def cache_vectors(self, model: str, vectors: dict[str, np.ndarray]) -> None:
        """Store vectors of sentence texts, keyed by text hash."""
        with self.db:
            self.db.executemany(
                "INSERT OR REPLACE INTO embeddings(model, text_hash, vector) VALUES (?,?,?)",
                [(model, h, v.astype(np.float32).tobytes()) for h, v in vectors.items()],
            )


def state_of(db: sqlite3.Connection) -> tuple[int, int]:
    """Changes whenever anything is committed to `db`, by this connection (its total_changes)
    or another (SQLite's data_version)."""
    return int(db.execute("PRAGMA data_version").fetchone()[0]), db.total_changes


def text_hash(text: str) -> str:
    """The key of a sentence text in the embedding cache."""
    import hashlib

    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def _article(row: Sequence[object]) -> Article:
    (id_, key, path, text, chash, encoding, flags, title, date, outlet, author, url, count) = row
    return Article(
        id=str(id_), key=str(key), path=str(path), text=str(text), content_hash=str(chash),
        encoding=str(encoding), flags=tuple(json.loads(str(flags))),
        meta=Metadata(title, date, outlet, author, url),  # type: ignore[arg-type]
        sentence_count=int(count),  # type: ignore[call-overload]
    )
