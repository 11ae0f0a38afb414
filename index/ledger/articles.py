"""Reading the articles table of the ledger (same SQLite connection as `Ledger`).

Writes go through `Ledger.write_article`, which keeps articles, sentences and claims in one
transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import replace

from index.ledger import sources
from index.ledger.schema import ARTICLE_COLUMNS
from index.records import Article, Metadata


def by_key(db: sqlite3.Connection, key: str) -> tuple[Article, bool] | None:
    """The stored article with this key and whether it is fully indexed, or None."""
    row = db.execute(
        f"SELECT {ARTICLE_COLUMNS}, indexed FROM articles WHERE key = ?", (key,)
    ).fetchone()
    return (_with_sources(db, [_article(row[:-1])])[0], bool(row[-1])) if row else None


def select(db: sqlite3.Connection, ids: Iterable[str] | None = None) -> list[Article]:
    """Stored articles (all, or those with the given ids), oldest first."""
    sql = f"SELECT {ARTICLE_COLUMNS} FROM articles"
    if ids is None:
        return _with_sources(db, [_article(r) for r in db.execute(sql + " ORDER BY rowid")])
    wanted = list(ids)
    rows = db.execute(sql + f" WHERE id IN ({','.join('?' * len(wanted))})", wanted).fetchall()
    return _with_sources(db, [_article(r) for r in rows])


def _with_sources(db: sqlite3.Connection, articles: list[Article]) -> list[Article]:
    """The articles with `Article.sources` filled in: their own path, then their other
    sources' (one query for all of them)."""
    others: dict[str, list[str]] = {}
    for source in sources.of_articles(db, [a.id for a in articles]):
        others.setdefault(source.article, []).append(source.path)
    return [replace(a, sources=(a.path, *others.get(a.id, ()))) for a in articles]


def ids_matching(
    db: sqlite3.Connection,
    article: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[str]:
    """Ids of articles matching every given filter (None: no restriction).

    Args:
        db: The ledger's connection.
        article: An id, a key/path, a file name or a title (case-insensitive).
        outlet: An outlet, case-insensitive.
        since: The earliest date, ISO.
        until: The latest date, ISO.
    """
    clauses, args = [], []
    if article is not None:
        # An article also answers to the key, path or file name of its other sources.
        clauses.append(
            "(id = ? OR key = ? OR path = ? OR lower(title) = lower(?) "
            "OR path LIKE ? ESCAPE '\\' OR id IN (SELECT article FROM sources "
            "WHERE key = ? OR path = ? OR path LIKE ? ESCAPE '\\'))"
        )
        like = "%/" + article.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        args += [article, article, article, article, like, article, article, like]
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
    return [r[0] for r in db.execute(f"SELECT id FROM articles WHERE {where}", args)]


def outlets(db: sqlite3.Connection) -> list[str]:
    """Distinct outlets of stored articles, sorted."""
    return [r[0] for r in db.execute(
        "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet")]


def overview(db: sqlite3.Connection) -> tuple[int, str | None, str | None]:
    """The number of stored articles and their first and last date."""
    row = db.execute("SELECT count(*), min(date), max(date) FROM articles").fetchone()
    count, first, last = row
    return int(count), first, last


def undated_ids(db: sqlite3.Connection, article: str | None = None,
                outlet: str | None = None) -> list[str]:
    """Ids of the undated articles that match `article` and `outlet` (see `ids_matching`)."""
    undated = [r[0] for r in db.execute("SELECT id FROM articles WHERE date IS NULL")]
    if not undated or (article is None and outlet is None):
        return undated
    matching = set(ids_matching(db, article, outlet))
    return [i for i in undated if i in matching]


def _article(row: Sequence[object]) -> Article:
    (id_, key, path, text, chash, encoding, flags, title, date, outlet, author, url, count) = row
    return Article(
        id=str(id_), key=str(key), path=str(path), text=str(text), content_hash=str(chash),
        encoding=str(encoding), flags=tuple(json.loads(str(flags))),
        meta=Metadata(title, date, outlet, author, url),  # type: ignore[arg-type]
        sentence_count=int(count),  # type: ignore[call-overload]
    )
