"""One parsed sentence's attribution: the cue, who speaks and what is said.

`sentence` finds the attributions of a parsed sentence: the cue verb (`cues`, whose verbs are
`index.attribution.lexicon.verbs`'), its speaker (`subjects`), what it attributes (`clauses`),
attributions a phrase rather than a verb carries (`phrasal`: "according to X", "X's claim
that"), colons and headlines (`headlines`), quotation marks (`quotes`); `found` is the record
of one attribution and its form; `datelines` blanks what the parser must not see. Speaker
phrases are read by `index.attribution.mentions`.
"""

from __future__ import annotations

from index.attribution.exports import lazy

_HOMES = {"Found": "found", "find_attributions": "sentence", "named_subjects": "sentence"}

__all__ = sorted(_HOMES)

__getattr__ = lazy(__name__, _HOMES)
