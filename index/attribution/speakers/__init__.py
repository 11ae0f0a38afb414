"""Speakers of one article: who a mention means, against who has been named so far.

`roster` registers the entities an article names as they appear (`entities` holds the
`Entity` record and which of them a pronoun may mean; `names` finds capitalised name runs and
their genders); `registry` resolves a later mention ("Wang added" → Wang Wenbin, "he", "the
ministry"). Mentions come from `index.attribution.mentions`; identities across articles are
`index.attribution.identities`'.
"""

from __future__ import annotations

from index.attribution.exports import lazy

_HOMES = {"Registry": "registry"}

__all__ = sorted(_HOMES)

__getattr__ = lazy(__name__, _HOMES)
