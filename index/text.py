"""The one normal form of the text claimtrack stores, indexes, embeds and searches: Unicode NFC.

A file may spell "é" as one code point (NFC) or as "e" and a combining accent (NFD). The two
look alike, but not to SQLite's full-text index, to word patterns or to name lookups, so an NFD
query would miss what the same query in NFC finds. Sentence texts and metadata are stored in
NFC, and queries and filter values are brought to NFC before they are used. Article texts are
stored as read, since the lines and offsets of citations index them.
"""

from __future__ import annotations

import unicodedata
from typing import overload


@overload
def canonical(text: str) -> str: ...


@overload
def canonical(text: None) -> None: ...


def canonical(text: str | None) -> str | None:
    """`text` in Unicode NFC (None stays None)."""
    return None if text is None else unicodedata.normalize("NFC", text)
