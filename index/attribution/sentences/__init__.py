"""One parsed sentence's attribution: the cue, who speaks and what is said.

`sentence` finds the attributions of a parsed sentence: the cue verb (`cues`, whose verbs are
`index.attribution.lexicon.verbs`'), its speaker (`subjects`), what it attributes (`clauses`),
attributions a phrase rather than a verb carries (`phrasal`: "according to X", "X's claim
that"), colons and headlines (`headlines`), quotation marks (`quotes`); `found` is the record
of one attribution and its form; `datelines` blanks what the parser must not see. Speaker
phrases are read by `index.attribution.mentions`.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

# Where each name lives; loaded on first use, so that the sub-packages of
# `index.attribution`, which read each other's modules, never import in a circle.
_HOMES = {"Found": "found", "find_attributions": "sentence", "named_subjects": "sentence"}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
