"""Speakers: what a speaker phrase names, and who that is within an article and across them.

`phrases` reads a speaker phrase into a mention (its name words in `modifiers` and `names`,
with role, organisation and country), `registry` resolves mentions within one article
("Wang added" → Wang Wenbin), `identities` merges names across articles ("Mr. Trump" →
Donald Trump); `roles` and `gazetteer` hold the word lists and country names they share.
It may import `index.attribution.language` for spaCy's token type and nothing else of the
project; `gazetteer` and `roles` import no spaCy, so `bot` may read them.
"""

from index.attribution.speakers.gazetteer import country_of, is_demonym
from index.attribution.speakers.identities import Identity, kind_of, merge

__all__ = ["Identity", "country_of", "is_demonym", "kind_of", "merge"]
