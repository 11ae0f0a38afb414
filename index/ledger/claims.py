"""The claims and speakers tables of the ledger (same SQLite connection as `Ledger`)."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, cast

from index.records import Claim, EntityKind, RoleHolder, Speaker


class Identity(Protocol):
    """The canonical entity of a speaker name's use, as a `Merge` gives it; name None for a
    group or description ("Grassley and Leahy"), which is no one speaker."""

    @property
    def name(self) -> str | None: ...
    @property
    def kind(self) -> str: ...


# One speaker name as the claims of one article use it: (name, role, article, article date,
# organisation, country, number of claims).
Use = tuple[str, str | None, str, str | None, str | None, str | None, int]
# Maps every use to its entity, keyed by (name, role, article); ingestion passes attribution's
# `merge`, so that storage knows nothing of how names are compared.
Merge = Callable[[Iterable[Use]], Mapping[tuple[str, str | None, str], Identity]]

SCHEMA = """
CREATE TABLE IF NOT EXISTS claims (
    sentence_id TEXT PRIMARY KEY REFERENCES sentences(id) ON DELETE CASCADE,
    article TEXT NOT NULL, line INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    speaker TEXT, speaker_mention TEXT, cue TEXT, kind TEXT NOT NULL,
    speaker_role TEXT, speaker_org TEXT, speaker_country TEXT, confidence REAL NOT NULL,
    entity TEXT, entity_kind TEXT  -- the speaker's identity across articles, set by `relink`
);
CREATE INDEX IF NOT EXISTS claims_by_article ON claims(article, line);
CREATE INDEX IF NOT EXISTS claims_by_entity ON claims(entity);
CREATE INDEX IF NOT EXISTS claims_by_speaker ON claims(speaker, speaker_role);
CREATE INDEX IF NOT EXISTS claims_by_country ON claims(speaker_country);
-- Speaker filters compare case-insensitively.
CREATE INDEX IF NOT EXISTS claims_by_entity_nocase ON claims(lower(entity));
CREATE INDEX IF NOT EXISTS claims_by_speaker_nocase ON claims(lower(speaker));
CREATE INDEX IF NOT EXISTS claims_by_country_nocase ON claims(lower(speaker_country));
"""

FIELDS = ("sentence_id", "article", "line", "start", "end", "speaker", "speaker_mention", "cue",
          "kind", "speaker_role", "speaker_org", "speaker_country", "confidence")
_COLUMNS = ", ".join(f'"{f}"' for f in FIELDS)
_SELECT = (
    "SELECT c.sentence_id, c.article, c.line, c.start, c.\"end\", coalesce(c.entity, c.speaker), "
    "c.speaker_mention, c.cue, c.kind, c.speaker_role, c.speaker_org, c.speaker_country, "
    "c.confidence, s.text, a.path, a.date, a.outlet FROM claims c "
    "JOIN sentences s ON s.id = c.sentence_id JOIN articles a ON a.id = c.article"
)


@dataclass(frozen=True)
class ClaimFilters:
    """Restrictions on listed claims; None means no restriction."""

    article_ids: tuple[str, ...] | None = None
    speaker: str | None = None  # an identity name or alias, case-insensitive
    country: str | None = None  # a canonical country; takes in every speaker affiliated with it
    org: str | None = None


def insert(db: sqlite3.Connection, claims: Sequence[Claim]) -> None:
    """Insert claims (inside the caller's transaction); `relink` must follow."""
    db.executemany(
        f"INSERT OR REPLACE INTO claims({_COLUMNS}) VALUES ({','.join('?' * len(FIELDS))})",
        [tuple(getattr(c, f) for f in FIELDS) for c in claims],
    )


def has_unlinked(db: sqlite3.Connection) -> bool:
    """Whether a claim with a speaker still lacks its identity (an interrupted ingest)."""
    return db.execute("SELECT 1 FROM claims WHERE entity_kind IS NULL "
                      "AND speaker IS NOT NULL LIMIT 1").fetchone() is not None


def relink(db: sqlite3.Connection, merge: Merge) -> list[str]:
    """Recompute every claim's identity from all speaker names now in the ledger.

    Returns:
        The sentence ids of the claims, linked before, that `regrouped` counts as having
        changed company: what clustering must place again.
    """
    before = _linked(db)
    uses = db.execute(
        "SELECT c.speaker, c.speaker_role, c.article, a.date, max(c.speaker_org), "
        "max(c.speaker_country), count(*) FROM claims c JOIN articles a ON a.id = c.article "
        "WHERE c.speaker IS NOT NULL GROUP BY c.speaker, c.speaker_role, c.article"
    ).fetchall()
    identities = merge(tuple(row) for row in uses)
    db.executemany(
        "UPDATE claims SET entity = ?, entity_kind = ? "
        "WHERE article = ? AND speaker = ? AND speaker_role IS ?",
        [(i.name, i.kind, article, name, role)
         for (name, role, article), i in identities.items()],
    )
    after = _linked(db)
    return regrouped({s: (e, after[s]) for s, e in before.items() if s in after})


def _linked(db: sqlite3.Connection) -> dict[str, str | None]:
    """The identity of every claim that has been linked (None: a group, or no speaker)."""
    return {str(s): e for s, e in db.execute(
        "SELECT sentence_id, entity FROM claims WHERE entity_kind IS NOT NULL")}


def regrouped(moves: Mapping[str, tuple[str | None, str | None]]) -> list[str]:
    """The claims whose identity no longer groups them with the same claims.

    An identity renamed whole ("Donald Trump" becoming "Donald J. Trump") groups the same
    claims and moves none. Where identities merge ("Hale" joining "Tom Hale") or split, the
    claims of the largest part, old or new, keep their place; the others are returned.

    Args:
        moves: For each claim, its identity before and after relinking.

    Returns:
        Sentence ids, sorted.
    """
    old: dict[str | None, set[str]] = {}
    new: dict[str | None, set[str]] = {}
    for claim, (was, now) in moves.items():
        old.setdefault(was, set()).add(claim)
        new.setdefault(now, set()).add(claim)
    moved: set[str] = set()
    for groups, side in ((old, 1), (new, 0)):  # an old identity's parts now, a new one's then
        for members in groups.values():
            parts: dict[str | None, set[str]] = {}
            for claim in members:
                parts.setdefault(moves[claim][side], set()).add(claim)
            if len(parts) > 1:
                kept = max(parts.values(), key=lambda p: (len(p), min(p)))
                moved |= members - kept
    return sorted(moved)


def select(db: sqlite3.Connection, filters: ClaimFilters,
           sentence_ids: Sequence[str] | None = None) -> list[Claim]:
    """Claims matching the filters, by article date then article and line."""
    clauses, args = _where(filters)
    if sentence_ids is not None:
        clauses.append(f"c.sentence_id IN ({','.join('?' * len(sentence_ids))})")
        args += list(sentence_ids)
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    rows = db.execute(f"{_SELECT}{where} ORDER BY a.date, a.rowid, c.line, c.start", args)
    return [Claim(*row) for row in rows]


def sentence_ids(db: sqlite3.Connection, filters: ClaimFilters) -> list[str]:
    """Ids of the sentences holding claims that match the filters (no joins: fast)."""
    clauses, args = _where(filters)
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    return [r[0] for r in db.execute(f"SELECT c.sentence_id FROM claims c{where}", args)]


def _where(filters: ClaimFilters) -> tuple[list[str], list[object]]:
    clauses: list[str] = []
    args: list[object] = []
    if filters.article_ids is not None:
        clauses.append(f"c.article IN ({','.join('?' * len(filters.article_ids))})")
        args += list(filters.article_ids)
    if filters.speaker is not None:
        clauses.append("(lower(c.entity) = lower(?) OR lower(c.speaker) = lower(?))")
        args += [filters.speaker, filters.speaker]
    if filters.country is not None:
        clauses.append("lower(c.speaker_country) = lower(?)")
        args.append(filters.country)
    if filters.org is not None:
        clauses.append("(lower(c.speaker_org) = lower(?) OR lower(c.entity) = lower(?))")
        args += [filters.org, filters.org]
    return clauses, args


def speakers(db: sqlite3.Connection) -> list[Speaker]:
    """Every speaker identity with its aliases, affiliations, dates and counts."""
    rows = db.execute(
        "SELECT c.entity, c.entity_kind, c.speaker, c.speaker_mention, c.speaker_role, "
        "c.speaker_org, c.speaker_country, a.date, c.article FROM claims c "
        "JOIN articles a ON a.id = c.article WHERE c.entity IS NOT NULL"
    ).fetchall()
    grouped: dict[str, list[tuple[object, ...]]] = {}
    for row in rows:
        grouped.setdefault(str(row[0]), []).append(row)
    return sorted((_speaker(name, group) for name, group in grouped.items()),
                  key=lambda s: (-s.claims, s.name))


def _speaker(name: str, rows: list[tuple[object, ...]]) -> Speaker:
    def ranked(index: int) -> tuple[str, ...]:
        counts = Counter(str(r[index]) for r in rows if r[index])
        return tuple(sorted(counts, key=lambda v: (-counts[v], v)))

    aliases = sorted({str(r[2]) for r in rows} - {name})
    dates = sorted(str(r[7]) for r in rows if r[7])
    return Speaker(
        name=name, kind=cast(EntityKind, rows[0][1]), aliases=tuple(aliases), roles=ranked(4),
        orgs=ranked(5), countries=ranked(6), first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None, claims=len(rows),
        articles=len({r[8] for r in rows}),
    )


def organisations(db: sqlite3.Connection) -> list[str]:
    """Names of organisations that speak or employ speakers."""
    return [r[0] for r in db.execute(
        "SELECT speaker_org FROM claims WHERE speaker_org IS NOT NULL UNION "
        "SELECT entity FROM claims WHERE entity_kind = 'organisation'")]


def identity_names(db: sqlite3.Connection) -> list[tuple[str, str]]:
    """(name or alias, identity) pairs, for resolving a name in a question."""
    return [(str(a), str(b)) for a, b in db.execute(
        "SELECT DISTINCT speaker, entity FROM claims WHERE entity IS NOT NULL "
        "UNION SELECT DISTINCT entity, entity FROM claims WHERE entity IS NOT NULL"
    )]


def claim_counts(db: sqlite3.Connection) -> dict[str, int]:
    """Number of claims of each speaker identity."""
    return {str(e): int(n) for e, n in db.execute(
        "SELECT entity, count(*) FROM claims WHERE entity IS NOT NULL GROUP BY entity")}


def org_counts(db: sqlite3.Connection) -> dict[str, int]:
    """Number of claims by members of each organisation (its own claims are `claim_counts`)."""
    return {str(o): int(n) for o, n in db.execute(
        "SELECT speaker_org, count(*) FROM claims WHERE speaker_org IS NOT NULL "
        "GROUP BY speaker_org")}


def role_holders(db: sqlite3.Connection) -> list[RoleHolder]:
    """Each role, identity, mention and country of the claims, with the first and last date
    of their articles."""
    rows = db.execute(
        "SELECT lower(c.speaker_role), c.entity, lower(c.speaker_mention), c.speaker_country, "
        "min(a.date), max(a.date), count(*) FROM claims c JOIN articles a ON a.id = c.article "
        "WHERE c.entity IS NOT NULL AND c.speaker_role IS NOT NULL GROUP BY 1, 2, 3, 4")
    return [RoleHolder(*row) for row in rows]
