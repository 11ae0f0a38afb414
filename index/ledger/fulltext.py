"""Full-text search over the ledger's sentences: SQLite FTS5 and its BM25 ranking.

The ``sentences_fts`` table, and the triggers that keep it in step with ``sentences``, are in
`index.ledger.schema`.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Sequence

from index.ledger.batches import rows_in

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


# A pasted claim or paragraph holds dozens of content words; BM25 over all of them reads every
# posting list, and the ranking checks each against every candidate's paragraph. Its longest
# words (the rarer ones, as a rule) find the same sentences at a fraction of the cost.
MAX_TERMS = 10


def query_terms(text: str) -> list[str]:
    """The distinct content words of a query, as the lexical search and ranking use them: at
    most `MAX_TERMS`, the longest kept (in their order in the query) when there are more."""
    words = (w for w in _WORD.findall(text.lower()) if len(w) > 1 and w not in STOPWORDS)
    terms = list(dict.fromkeys(words))
    if len(terms) <= MAX_TERMS:
        return terms
    kept = set(sorted(terms, key=lambda w: (-len(w), terms.index(w)))[:MAX_TERMS])
    return [w for w in terms if w in kept]


def search(
    db: sqlite3.Connection, query: str, k: int, article_ids: Sequence[str] | None = None,
    sentence_ids: Sequence[str] | None = None,
) -> list[tuple[str, float]]:
    """BM25 search over sentence texts: (sentence id, bm25) pairs, best first.

    BM25 here is SQLite's: more negative is better; the caller only uses the ranks.

    Args:
        db: The ledger's connection.
        query: Free text; its words other than `STOPWORDS` are OR-ed.
        k: How many sentences at most.
        article_ids: Only sentences of these articles, if given.
        sentence_ids: Only these sentences, if given.
    """
    words = query_terms(query)
    if not words or k <= 0:
        return []
    match = " OR ".join(f'"{w}"' for w in words)
    if article_ids is None and sentence_ids is None:
        # FTS5 ranks and cuts on its own; only the best k are joined to their ids.
        return [(r[0], float(r[1])) for r in db.execute(
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
    return [(r[0], float(r[1])) for r in db.execute(sql, args)]


def term_rowids(db: sqlite3.Connection, match: str) -> frozenset[int]:
    """The rowids of the sentences matching the FTS5 query `match`."""
    rows = db.execute("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?", (match,))
    return frozenset(r[0] for r in rows)


def places(db: sqlite3.Connection, articles: Sequence[str]) -> list[tuple[int, str, int, int]]:
    """``(rowid, article, line, position)`` of every sentence of the given articles."""
    # The rows as SQLite gives them: this runs for every search's candidates.
    return list(rows_in(
        db, "SELECT rowid, article, line, position FROM sentences WHERE article IN ({marks})",
        articles))
