"""Queries over many ids in batches: SQLite takes only so many parameters in one statement."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

BATCH = 500  # ids per statement, well under SQLite's parameter limit


def rows_in(db: sqlite3.Connection, sql: str, values: Iterable[Any],
            before: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
    """The rows of `sql` for all `values`, whose ``{marks}`` is the placeholder list of an
    ``IN (...)``; `before` are the parameters that come ahead of the list."""
    wanted = list(values)
    for lo in range(0, len(wanted), BATCH):
        chunk = wanted[lo : lo + BATCH]
        yield from db.execute(sql.format(marks=",".join("?" * len(chunk))), [*before, *chunk])
