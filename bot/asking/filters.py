"""Filters a user gives beside a question or search: checked, dates read, names resolved.

Keyword filters of `ClaimBot.search`/`ask`/`claims` (speaker, country, dates, k) come from
the API, the CLI and the web; they are checked here once, with messages naming the argument.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from bot.asking.questions import resolve_speaker
from bot.asking.vocabulary import Vocabulary
from bot.errors import InvalidArgumentError
from index import Filters
from index.reading.metadata import iso_date as read_date
from index.text import canonical

DateLike = str | dt.date | None
MAX_K = 100  # the most hits or citations one search or question returns


def check_k(k: int) -> None:
    """Refuse a `k` outside 1 to `MAX_K`."""
    if not 1 <= k <= MAX_K:
        raise InvalidArgumentError(f"k must be at least 1 and at most {MAX_K}, not {k}")


def has_words(text: str) -> bool:
    """Whether `text` holds a letter or a digit: without one there is nothing to look for."""
    return any(c.isalnum() for c in text)


def with_speaker(filters: Filters, speaker: str | None, country: str | None,
                vocabulary: Vocabulary) -> Filters:
    """Resolve user-given speaker and country names into claim filters."""
    # Names are stored in NFC (index.text): "José" spelt with a combining accent is the same.
    speaker, country = canonical(speaker), canonical(country)
    if speaker is not None:
        found: dict[str, Any] = resolve_speaker(speaker, vocabulary) or {"speaker": speaker}
        filters = replace(filters, **found)
    if country is not None:
        found = resolve_speaker(country, vocabulary) or {"country": country}
        filters = replace(filters, **{k: v for k, v in found.items() if k != "speaker"}
                          or {"country": country})
    return filters


def iso_date(value: DateLike, name: str) -> str | None:
    """Normalise a date given as ``YYYY-MM-DD`` text or `datetime.date` to ISO text.

    Raises:
        InvalidArgumentError: The value is not a date; the message names the argument.
    """
    try:
        return read_date(value)
    except ValueError:
        raise InvalidArgumentError(f"{name}: {value!r} is not a date like 2023-05-19") from None
