"""One article, in order: its sentences' attributions resolved to the speakers named so far.

`walk` (`ArticleWalk`) goes through an article sentence by sentence, resolving each
attribution with `index.attribution.speakers`; `continuation` gives a quotation's later
sentences its speaker; `titles` tells whether the headline is a claim, and whose; `second`
asks the trained span tagger about the sentences the rules leave without a claim;
`confidence` maps the evidence for a claim's speaker to a probability (`confidence.json`).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

# Where each name lives; loaded on first use, so that the sub-packages of
# `index.attribution`, which read each other's modules, never import in a circle.
_HOMES = {"ArticleWalk": "walk"}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
