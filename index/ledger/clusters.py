"""The claim clusters of the ledger: which claims report the same statement.

Each claim that has been clustered has one row in ``clusters``; a claim without one is
pending, which is how an interrupted clustering is finished by the next run (see
`index.tracking.clustering`). A cluster's id is the sentence id of the claim that founded it;
when clusters merge, the oldest (the one clustered first) keeps its id. ``quote_keys`` holds the
hashed six-word shingles of every clustered claim's quotations, which is how a quotation finds
its earlier appearances with one indexed look-up.

Deleting a claim (its article deleted or replaced) makes the rest of its cluster pending again,
through a trigger, in the same transaction: the members are clustered anew, since the deleted
claim may have been what joined them. So does a change of identities that moves a claim to
other company (`unsettle`, after `index.ledger.claims.relink`): a surname-only speaker
joining a full name may now paraphrase that person's claims.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from index.ledger.batches import rows_in
from index.ledger.wordcounts import WordCounts
from index.records import Appearance

SCHEMA = """
CREATE TABLE IF NOT EXISTS clusters (
    sentence_id TEXT PRIMARY KEY,  -- a claim's sentence
    cluster TEXT NOT NULL,         -- the sentence id of the claim that founded the cluster
    how TEXT NOT NULL              -- what joined it: 'alone', 'quote', 'paraphrase'
);
CREATE INDEX IF NOT EXISTS clusters_by_cluster ON clusters(cluster);
CREATE TABLE IF NOT EXISTS quote_keys (key INTEGER NOT NULL, sentence_id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS quote_keys_by_key ON quote_keys(key);
CREATE INDEX IF NOT EXISTS quote_keys_by_sentence ON quote_keys(sentence_id);
CREATE TRIGGER IF NOT EXISTS claims_unclustered BEFORE DELETE ON claims BEGIN
    DELETE FROM clusters WHERE cluster IN
        (SELECT cluster FROM clusters WHERE sentence_id = old.sentence_id);
    DELETE FROM quote_keys WHERE sentence_id = old.sentence_id;
END;
"""

_APPEARANCE = (
    "SELECT k.cluster, c.sentence_id, c.article, a.path, a.title, a.outlet, a.date, c.line, "
    "s.start, s.\"end\", s.text, coalesce(c.entity, c.speaker), k.how FROM clusters k "
    "JOIN claims c ON c.sentence_id = k.sentence_id JOIN sentences s ON s.id = c.sentence_id "
    "JOIN articles a ON a.id = c.article"
)
# SQLite counts characters as Python does, from 1.
_CONTENT = 'substr(a.text, c.start + 1, c."end" - c.start)'
_ORDER = " ORDER BY a.date IS NULL, a.date, a.rowid, c.line, c.start"


@dataclass(frozen=True)
class PendingClaim:
    """A claim to be clustered, or one compared with it."""

    sentence_id: str
    article: str
    entity: str | None
    kind: str
    text: str
    content: str  # what the claim says, without who said it (its span of the article)


class ClusterTable:
    """Reads and writes of the cluster tables on the ledger's connection.

    Args:
        db: The ledger's connection; every write here is its own transaction.
    """

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def pending(self) -> list[PendingClaim]:
        """Claims without a cluster, in date order (undated last), then article and line."""
        rows = self.db.execute(
            f"SELECT c.sentence_id, c.article, c.entity, c.kind, s.text, {_CONTENT} FROM claims c "
            "JOIN sentences s ON s.id = c.sentence_id JOIN articles a ON a.id = c.article "
            "LEFT JOIN clusters k ON k.sentence_id = c.sentence_id WHERE k.sentence_id IS NULL"
            + _ORDER)
        return [PendingClaim(*r) for r in rows]

    def has_pending(self) -> bool:
        """Whether some claim lacks its cluster (new claims, or an interrupted run)."""
        return self.db.execute(
            "SELECT 1 FROM claims c LEFT JOIN clusters k ON k.sentence_id = c.sentence_id "
            "WHERE k.sentence_id IS NULL LIMIT 1").fetchone() is not None

    def of_entity(self, entity: str) -> list[PendingClaim]:
        """The clustered claims of a speaker."""
        return [PendingClaim(*r) for r in self.db.execute(
            f"SELECT c.sentence_id, c.article, c.entity, c.kind, s.text, {_CONTENT} "
            "FROM claims c JOIN clusters k ON k.sentence_id = c.sentence_id "
            "JOIN sentences s ON s.id = c.sentence_id JOIN articles a ON a.id = c.article "
            "WHERE c.entity = ?", (entity,))]

    def contents(self) -> Iterator[str]:
        """What every stored claim says (its span of the article), to count word frequencies
        anew (the kept counts are `words`)."""
        for (content,) in self.db.execute(
                f"SELECT {_CONTENT} FROM claims c JOIN articles a ON a.id = c.article"):
            yield str(content)

    def sharing_keys(self, keys: Iterable[int]) -> set[str]:
        """Sentence ids of clustered claims whose quotations share one of `keys`."""
        return {str(r[0]) for r in rows_in(
            self.db, "SELECT DISTINCT sentence_id FROM quote_keys WHERE key IN ({marks})", keys)}

    def cluster_of(self, sentence_ids: Iterable[str]) -> dict[str, str]:
        """The cluster of each clustered sentence id."""
        return {str(s): str(c) for s, c in rows_in(
            self.db, "SELECT sentence_id, cluster FROM clusters WHERE sentence_id IN ({marks})",
            sentence_ids)}

    def oldest(self, clusters: Iterable[str]) -> str:
        """Of these clusters, the one clustered first (whose id survives a merge)."""
        wanted = sorted(set(clusters))
        row = self.db.execute(
            f"SELECT cluster FROM clusters WHERE cluster IN ({','.join('?' * len(wanted))}) "
            "ORDER BY rowid LIMIT 1", wanted).fetchone()
        return str(row[0])

    def assign(self, sentence_id: str, cluster: str, how: str, keys: Iterable[int],
               merged: Sequence[str] = ()) -> None:
        """Record a claim's cluster and quotation keys, first folding `merged` into `cluster`.

        Runs inside the caller's transaction (`transaction`).
        """
        for other in merged:
            self.db.execute("UPDATE clusters SET cluster = ? WHERE cluster = ?", (cluster, other))
        self.db.execute("DELETE FROM quote_keys WHERE sentence_id = ?", (sentence_id,))
        self.db.executemany("INSERT INTO quote_keys(key, sentence_id) VALUES (?, ?)",
                            [(k, sentence_id) for k in set(keys)])
        self.db.execute("INSERT OR REPLACE INTO clusters(sentence_id, cluster, how) "
                        "VALUES (?, ?, ?)", (sentence_id, cluster, how))

    def unsettle(self, sentence_ids: Iterable[str]) -> None:
        """Make the clusters of these claims pending again, every member, as deleting one of
        them does (inside the caller's transaction): their speakers' identities changed, and
        a paraphrase joins only the same speaker's claims."""
        list(rows_in(self.db, "DELETE FROM clusters WHERE cluster IN (SELECT cluster FROM "
                     "clusters WHERE sentence_id IN ({marks}))", sentence_ids))

    def transaction(self) -> sqlite3.Connection:
        """A context manager committing the writes made in it at once (the connection)."""
        return self.db

    @property
    def words(self) -> WordCounts:
        """The word document counts that weigh shared words (`index.ledger.wordcounts`)."""
        return WordCounts(self.db)

    def reset(self) -> None:
        """Forget every cluster and word count, so that all claims are clustered and counted
        anew (`reindex`)."""
        with self.db:
            self.db.execute("DELETE FROM clusters")
            self.db.execute("DELETE FROM quote_keys")
            self.words.reset()

    def appearances(self, clusters: Sequence[str]) -> list[Appearance]:
        """Every appearance of the given clusters, in date order."""
        if not clusters:
            return []
        marks = ",".join("?" * len(clusters))
        rows = self.db.execute(f"{_APPEARANCE} WHERE k.cluster IN ({marks}){_ORDER}",
                               list(clusters))
        return [Appearance(*r) for r in rows]

    def clusters_of_entity(self, entity: str | None, min_size: int) -> list[str]:
        """Ids of clusters with at least `min_size` claims (and one by `entity`), biggest first."""
        where = ""
        args: list[object] = [min_size]
        if entity is not None:
            where = ("WHERE cluster IN (SELECT k.cluster FROM clusters k JOIN claims c "
                     "ON c.sentence_id = k.sentence_id "
                     "WHERE lower(c.entity) = lower(?) OR lower(c.speaker) = lower(?))")
            args = [entity, entity, min_size]
        return [str(r[0]) for r in self.db.execute(
            f"SELECT cluster FROM clusters {where} GROUP BY cluster HAVING count(*) >= ? "
            "ORDER BY count(*) DESC, min(rowid)", args)]

    def sizes(self, sentence_ids: Sequence[str]) -> dict[str, tuple[str, int]]:
        """``(cluster, number of its claims)`` of each clustered sentence id."""
        of = self.cluster_of(sentence_ids)
        clusters = sorted(set(of.values()))
        counts = {str(c): int(n) for c, n in rows_in(
            self.db, "SELECT cluster, count(*) FROM clusters WHERE cluster IN ({marks}) "
            "GROUP BY cluster", clusters)}
        return {s: (c, counts[c]) for s, c in of.items()}
