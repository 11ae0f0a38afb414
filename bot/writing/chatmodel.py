"""The chat model of written answers: built from a LangChain spec, streamed under a deadline.

The only importer of ``langchain`` (an optional extra) and, in `bot`, of ``langchain_core``.
Nothing imports this module unless a chat model is configured (``CLAIMTRACK_LLM``) or given
(``ClaimBot(llm=...)``), so the extractive default pays for no import.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Iterator
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage

from bot.errors import ModelTimeoutError, ModelUnavailableError

INSTALL = "pip install 'claimtrack[llm]'"

__all__ = ["BaseChatModel", "load_model", "stream_text"]


def load_model(spec: str) -> BaseChatModel:
    """The chat model named by `spec`, through LangChain's ``init_chat_model``.

    Args:
        spec: ``provider:model`` as ``init_chat_model`` reads it, e.g. ``ollama:llama3.2`` or
            ``openai:gpt-4o-mini``.

    Raises:
        ModelUnavailableError: LangChain or the provider's package is not installed, or the
            provider cannot build the model (unknown name, missing API key); the message says
            what to install or set.
    """
    try:
        from langchain.chat_models import init_chat_model
    except ImportError:
        raise ModelUnavailableError(
            f"CLAIMTRACK_LLM={spec!r} needs LangChain, which is not installed: {INSTALL} "
            "(or unset CLAIMTRACK_LLM for extractive answers only)") from None
    try:
        return init_chat_model(spec)
    except ImportError as exc:
        raise ModelUnavailableError(
            f"CLAIMTRACK_LLM={spec!r}: the provider's package is missing ({exc}); {INSTALL} "
            "brings langchain-ollama, other providers need their own package, e.g. "
            "pip install langchain-openai") from None
    except Exception as exc:  # each provider raises its own kinds: say which, and stop here
        raise ModelUnavailableError(
            f"CLAIMTRACK_LLM={spec!r} names no chat model LangChain can build "
            f"({type(exc).__name__}: {exc}); use provider:model, e.g. ollama:llama3.2 or "
            "openai:gpt-4o-mini, and set the provider's API key if it needs one") from None


def stream_text(model: BaseChatModel, system: str, user: str, timeout: float) -> Iterator[str]:
    """Stream the model's reply to a system and a user message, as text pieces.

    The model runs in a daemon thread, so that a model that hangs (before its first piece or
    between two) cannot hold the answer past `timeout`, whatever its provider's own timeouts.

    Args:
        model: Any LangChain chat model.
        system: The instructions.
        user: The question and the data.
        timeout: Seconds for the whole reply.

    Raises:
        ModelTimeoutError: The reply did not end within `timeout`.
        Exception: Whatever the model raised, unchanged.
    """
    pieces: queue.Queue[tuple[str, Any]] = queue.Queue()
    stop = threading.Event()
    messages = [SystemMessage(system), HumanMessage(user)]
    threading.Thread(target=_pump, args=(model, messages, pieces, stop),
                     name="claimtrack-chat-model", daemon=True).start()
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                kind, value = pieces.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise ModelTimeoutError(f"the chat model did not answer within {timeout:g} s "
                                        "(CLAIMTRACK_LLM_TIMEOUT)") from None
            if kind == "end":
                return
            if kind == "error":
                raise value
            if value:
                yield value
    finally:
        stop.set()


def _pump(model: BaseChatModel, messages: list[Any], pieces: queue.Queue[tuple[str, Any]],
          stop: threading.Event) -> None:
    """Put the model's reply into `pieces`: ``("text", piece)``… then ``("end", None)``, or
    ``("error", exception)``, for the reader to raise in its own thread."""
    chunks = 0
    try:
        for chunk in model.stream(messages):
            if stop.is_set():  # the reader gave up: stop pulling from the provider
                return
            chunks += 1
            pieces.put(("text", chunk.text))
        pieces.put(("end", None))
    except ValueError as exc:
        # LangChain's way of saying that a reply had no chunk at all: an empty answer.
        empty = not chunks and "No generation chunks" in str(exc)
        pieces.put(("end", None) if empty else ("error", exc))
    except Exception as exc:
        pieces.put(("error", exc))
