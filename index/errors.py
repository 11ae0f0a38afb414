"""Errors raised by the index package.

Hierarchy::

    ClaimtrackError
    ├── InputError            a source file cannot be read as an article (names file and reason)
    │   ├── UnsupportedFileError
    │   └── UnreadableFileError
    ├── StoreError            the home, ledger or vector index cannot be used (a file, not
    │   │                     writable where a write is asked, unreadable)
    │   ├── StoreLockedError  another process is writing to the same home
    │   ├── StoreMismatchError  the index was built with another embedder (model or recipe)
    │   ├── StoreOutOfStepError  the index lacks vectors the ledger says it holds
    │   └── ServerError       the Chroma server is unreachable, stopped answering, or
    │                         incompatible
    └── EmbedderError         the embedding model cannot be loaded offline
"""

from __future__ import annotations


class ClaimtrackError(Exception):
    """Base of every error claimtrack raises on purpose; its message says what to do next."""


class InputError(ClaimtrackError):
    """A source file cannot be used as an article.

    Args:
        path: The file at fault.
        reason: Why, in a few words a user can act on.
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class UnsupportedFileError(InputError):
    """The file type is not one claimtrack reads."""


class UnreadableFileError(InputError):
    """The file is empty, binary, or text in no known encoding."""


class StoreError(ClaimtrackError):
    """The store (its home folder, ledger or vector index) cannot be used, or not written."""


class StoreLockedError(StoreError):
    """Another process holds the writer lock of the same home."""


class StoreMismatchError(StoreError):
    """The vector index was built with a different embedder than the one configured."""


class StoreOutOfStepError(StoreError):
    """The vector index lacks vectors of sentences the ledger marks indexed (it was deleted,
    wiped, or is new to the home); `claimtrack reindex` or `claimtrack ingest` rebuilds them."""


class ServerError(StoreError):
    """The Chroma server is unreachable, stopped answering, or speaks an incompatible version."""


class EmbedderError(ClaimtrackError):
    """The embedding model cannot be loaded."""
