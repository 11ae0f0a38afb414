"""One article, in order: its sentences' attributions resolved to the speakers named so far.

`walk` (`ArticleWalk`) goes through an article sentence by sentence, resolving each
attribution with `index.attribution.speakers`; `continuation` gives a quotation's later
sentences its speaker; `titles` tells whether the headline is a claim, and whose; `second`
asks the trained span tagger about the sentences the rules leave without a claim;
`confidence` maps the evidence for a claim's speaker to a probability (`confidence.json`).
"""

from __future__ import annotations

from index.attribution.exports import lazy

_HOMES = {"ArticleWalk": "walk"}

__all__ = sorted(_HOMES)

__getattr__ = lazy(__name__, _HOMES)
