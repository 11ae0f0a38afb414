"""Bytes to text: byte order marks, UTF-8, and a checked legacy fallback.

Offsets of citations index into the text returned here, with line endings normalised to LF.
"""

from __future__ import annotations

import codecs
import string
from pathlib import Path

from index.errors import UnreadableFileError

# UTF-32 before UTF-16: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Text in a legacy encoding is still mostly ASCII; random high bytes decode to almost none.
_MIN_PLAIN_SHARE = 0.75
_TYPOGRAPHY = "\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u00a3\u20ac\u00a0"  # dashes, quotes, £ €
_PLAIN_CHARS = frozenset(string.printable + _TYPOGRAPHY)


def read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        if not path.is_file():
            raise UnreadableFileError(str(path), "not a regular file")
        size = path.stat().st_size
        if size > max_bytes:
            raise UnreadableFileError(
                str(path),
                f"file is {size / 1e6:g} MB ({size:,} bytes), over the limit of "
                f"{max_bytes / 1e6:g} MB; raise CLAIMTRACK_MAX_FILE_MB to read it",
            )
        return path.read_bytes()
    except OSError as error:
        raise UnreadableFileError(str(path), f"cannot read: {error.strerror or error}") from error


def decode(path: Path, data: bytes) -> tuple[str, str, tuple[str, ...]]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).removeprefix("\ufeff"), encoding, ()
            except UnicodeDecodeError as error:
                raise UnreadableFileError(str(path), f"invalid {encoding} text: {error}") from None
    if b"\x00" in data:
        raise UnreadableFileError(
            str(path), "binary file (NUL bytes); UTF-16 text needs a byte order mark"
        )
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError:
        pass
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"
    plain = sum(char in _PLAIN_CHARS for char in text)
    if plain < _MIN_PLAIN_SHARE * len(text):
        raise UnreadableFileError(
            str(path), "not text in any known encoding (tried UTF-8, UTF-16, cp1252, Latin-1)"
        )
    return text, encoding, ("encoding-fallback",)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
