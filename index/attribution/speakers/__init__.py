"""Speakers: what a speaker phrase names, and who that is within an article and across them.

`phrases` reads a speaker phrase into a `mention` (its name words in `modifiers` and `names`,
what a name- or noun-headed phrase stands for in `readings`, with role, organisation and
country), `registry` resolves mentions within one article
("Wang added" → Wang Wenbin), `identities` merges names across articles ("Mr. Trump" →
Donald Trump; people in `persons`, whose names `people` parses with nameparser, parties in
`parties`); `roles` and `gazetteer` hold the word lists and country names they share.
It may import `index.attribution.language` for spaCy's token type and
`index.attribution.verbs` for verb forms, and nothing else of the project; `gazetteer`,
`roles` and `parties` import no spaCy, so `bot` may read them.
"""

from index.attribution.speakers.gazetteer import country_of, is_demonym
from index.attribution.speakers.identities import Identity, Use, kind_of, merge

__all__ = ["Identity", "Use", "country_of", "is_demonym", "kind_of", "merge"]
