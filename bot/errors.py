"""Errors raised by the bot package.

Hierarchy::

    index.errors.ClaimtrackError
    └── BotError
        └── InvalidArgumentError   a question, filter or option the user gave is malformed
            └── UnknownArticleError  an article filter names no stored article

Every error of the index package (`index.errors`) may also surface through the bot unchanged.
"""

from __future__ import annotations

from index.errors import ClaimtrackError


class BotError(ClaimtrackError):
    """Base of errors raised by the bot package."""


class InvalidArgumentError(BotError):
    """A user-given value (date, k, path) is malformed; the message names it."""


class UnknownArticleError(InvalidArgumentError):
    """An article filter (id, path, file name or title) matches no stored article."""
