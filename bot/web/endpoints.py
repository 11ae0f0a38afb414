"""The JSON API of the web app: its endpoints, each with its handler, inputs and outputs.

No gradio here: inputs and outputs are named, and `bot.web.app` builds one hidden component per name
and one hidden button per endpoint, whose ``api_name`` is the endpoint's name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from bot.web.handlers import Handlers
from bot.web.session import FILTERS

# The parameter names API clients see are these names (the labels of the hidden components).
API_TEXTS = ("question", "query", *FILTERS, "article", "text")
API_NUMBERS = ("k", "line", "start", "end")
# Every input has a default, so that API clients may give the first argument only
# (``predict("What did China say?", api_name="/chat")``): texts default to "".
API_DEFAULTS: dict[str, float] = {"k": 10, "line": 0, "start": -1, "end": -1}


@dataclass(frozen=True)
class Endpoint:
    """One endpoint of the API.

    Attributes:
        name: Its ``api_name``.
        fn: The handler it calls, with the inputs in order.
        inputs: Names of its inputs: `API_TEXTS`, `API_NUMBERS`, ``"files"`` or ``"session"``.
        outputs: Names of its outputs: ``"json"``, ``"html"``, ``"export"`` (files) or
            ``"session"``.
    """

    name: str
    fn: Callable[..., Any]
    inputs: tuple[str, ...]
    outputs: tuple[str, ...]


def endpoints(handlers: Handlers) -> list[Endpoint]:
    """The endpoints over `handlers`, in the order they are registered.

    Args:
        handlers: The app's handlers; ``claims`` and ``export`` are offered only when its bot
            extracts claims.

    Returns:
        ``chat``, ``search``, ``source``, ``ingest``, ``articles``, ``delete`` and maybe
        ``claims`` and ``export``.
    """
    found = [
        Endpoint("chat", handlers.chat_json, ("question", *FILTERS, "session"),
                 ("json", "session")),
        Endpoint("search", handlers.search_json, ("query", "k", *FILTERS), ("json",)),
        Endpoint("source", handlers.source_html, ("article", "line", "start", "end"), ("html",)),
        Endpoint("ingest", handlers.ingest_json, ("files",), ("json",)),
        Endpoint("articles", handlers.articles_json, (), ("json",)),
        Endpoint("delete", handlers.delete_json, ("article",), ("json",)),
    ]
    claim_inputs = (*FILTERS, "text")
    found += [Endpoint("claims", handlers.claims_json, claim_inputs, ("json",)),
              Endpoint("export", handlers.export_files, claim_inputs, ("export",))]
    return found
