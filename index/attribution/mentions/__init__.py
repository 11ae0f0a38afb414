"""Speaker mentions: what a speaker phrase of one sentence says, before resolution.

`phrases` reads the parsed subject of a cue into a `mention.Mention`: its name words
(`modifiers`), what a name- or noun-headed phrase stands for (`readings`: a person, an
organisation, a country, a role, a document), and the organisation behind a spokesman or a
document (`authors`). Who a mention means in its article is `index.attribution.speakers`'.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

# Where each name lives; loaded on first use, so that the sub-packages of
# `index.attribution`, which read each other's modules, never import in a circle.
_HOMES = {"Mention": "mention", "mention_of": "phrases"}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
