"""Speaker mentions: what a speaker phrase of one sentence says, before resolution.

`phrases` reads the parsed subject of a cue into a `mention.Mention`: its name words
(`modifiers`), what a name- or noun-headed phrase stands for (`readings`: a person, an
organisation, a country, a role, a document), and the organisation behind a spokesman or a
document (`authors`). Who a mention means in its article is `index.attribution.speakers`'.
"""

from __future__ import annotations

from index.attribution.exports import lazy

_HOMES = {"Mention": "mention", "mention_of": "phrases"}

__all__ = sorted(_HOMES)

__getattr__ = lazy(__name__, _HOMES)
