"""Speakers of one article: who a mention means, against who has been named so far.

`roster` registers the entities an article names as they appear (`entities` holds the
`Entity` record and which of them a pronoun may mean; `names` finds capitalised name runs and
their genders); `registry` resolves a later mention ("Wang added" → Wang Wenbin, "he", "the
ministry"). Mentions come from `index.attribution.mentions`; identities across articles are
`index.attribution.identities`'.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

# Where each name lives; loaded on first use, so that the sub-packages of
# `index.attribution`, which read each other's modules, never import in a circle.
_HOMES = {"Registry": "registry"}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
