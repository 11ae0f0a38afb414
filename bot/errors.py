"""Errors raised by the bot package.

Hierarchy::

    index.errors.ClaimtrackError
    └── BotError
        ├── InvalidArgumentError   a question, filter or option the user gave is malformed
        │   └── UnknownArticleError  an article filter names no stored article
        ├── ModelUnavailableError  the chat model of CLAIMTRACK_LLM cannot be built
        ├── ModelTimeoutError      the chat model did not finish within CLAIMTRACK_LLM_TIMEOUT
        └── PromptError            a prompt template and the values given to it disagree

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


class ModelUnavailableError(BotError):
    """No chat model for written answers: LangChain or the provider's package is missing, or
    ``CLAIMTRACK_LLM`` names no model LangChain can build; the message says what to install
    or set."""


class ModelTimeoutError(BotError):
    """The chat model did not finish within ``CLAIMTRACK_LLM_TIMEOUT``; the writer catches it
    and shows the extractive answer."""


class PromptError(BotError):
    """A prompt file of `prompts` is missing, malformed, or its placeholders differ from the
    values given (a bug in the code or a hand-edited prompt, not in user input)."""
