"""The ledger's word document counts: in how many claims each content word occurs.

Clustering weighs the words two claims share by their rarity among all stored claims
(`index.tracking.rarity`). Counting them anew on every ingest call would read every claim of
the home; here they are kept as claims come and go. ``claim_words`` holds each counted claim's
words (a JSON array, written by the tracking layer, which decides what a content word is), and
triggers keep ``word_counts`` (claims per word) and ``word_total`` (claims counted) in step
with it, in the transaction that changes it: a claim deleted (its article deleted or replaced)
is uncounted by the same statement, a claim written again (``INSERT OR REPLACE``) loses its old
words until it is counted again. `reset` forgets everything, for `reindex` to count anew.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

SCHEMA = """
CREATE TABLE IF NOT EXISTS claim_words (
    sentence_id TEXT PRIMARY KEY,  -- a claim's sentence
    words TEXT NOT NULL            -- its content words, a JSON array without repeats
);
CREATE TABLE IF NOT EXISTS word_counts (word TEXT PRIMARY KEY, claims INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS word_total (id INTEGER PRIMARY KEY CHECK (id = 0),
                                       claims INTEGER NOT NULL);
INSERT OR IGNORE INTO word_total(id, claims) VALUES (0, 0);
CREATE TRIGGER IF NOT EXISTS claim_words_counted AFTER INSERT ON claim_words BEGIN
    INSERT INTO word_counts(word, claims) SELECT value, 1 FROM json_each(new.words) WHERE 1
        ON CONFLICT(word) DO UPDATE SET claims = claims + 1;
    UPDATE word_total SET claims = claims + 1;
END;
CREATE TRIGGER IF NOT EXISTS claim_words_uncounted AFTER DELETE ON claim_words BEGIN
    UPDATE word_counts SET claims = claims - 1
        WHERE word IN (SELECT value FROM json_each(old.words));
    DELETE FROM word_counts WHERE claims <= 0
        AND word IN (SELECT value FROM json_each(old.words));
    UPDATE word_total SET claims = claims - 1;
END;
CREATE TRIGGER IF NOT EXISTS claims_uncounted BEFORE DELETE ON claims BEGIN
    DELETE FROM claim_words WHERE sentence_id = old.sentence_id;
END;
CREATE TRIGGER IF NOT EXISTS claims_recounted AFTER INSERT ON claims BEGIN
    DELETE FROM claim_words WHERE sentence_id = new.sentence_id;
END;
"""

# SQLite counts characters as Python does, from 1.
_CONTENT = 'substr(a.text, c.start + 1, c."end" - c.start)'


class WordCounts:
    """Reads and writes of the word counts on the ledger's connection.

    Args:
        db: The ledger's connection.
    """

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def uncounted(self) -> list[tuple[str, str]]:
        """``(sentence id, what the claim says)`` of every claim whose words are not counted:
        new claims, and all of them in a home from before the counts."""
        return [(str(s), str(t)) for s, t in self.db.execute(
            f"SELECT c.sentence_id, {_CONTENT} FROM claims c JOIN articles a ON a.id = c.article "
            "LEFT JOIN claim_words w ON w.sentence_id = c.sentence_id "
            "WHERE w.sentence_id IS NULL")]

    def count(self, claims: Iterable[tuple[str, Iterable[str]]]) -> None:
        """Count the words of claims (sentence id, its content words), in one transaction."""
        with self.db:
            self.db.executemany(
                "INSERT OR IGNORE INTO claim_words(sentence_id, words) VALUES (?, ?)",
                [(s, json.dumps(sorted(set(words)))) for s, words in claims])

    def counts(self) -> tuple[dict[str, int], int]:
        """Claims per word, and the number of claims counted."""
        total = self.db.execute("SELECT claims FROM word_total").fetchone()
        return ({str(w): int(n) for w, n in self.db.execute(
            "SELECT word, claims FROM word_counts")}, int(total[0]) if total else 0)

    def reset(self) -> None:
        """Forget every count (inside the caller's transaction), for counting anew."""
        self.db.execute("DELETE FROM claim_words")
        self.db.execute("DELETE FROM word_counts")
        self.db.execute("UPDATE word_total SET claims = 0")
