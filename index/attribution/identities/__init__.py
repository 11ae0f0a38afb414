"""Speaker identities across articles: one entity per person, organisation or country.

`merging` maps every speaker name of every article to its canonical identity; people are
merged by `persons`, whose names `people` parses with nameparser; parties and seats of
government have canonical names in `parties`. `parties` imports no spaCy, so `bot` may read it.
"""

from index.attribution.identities.merging import Identity, Use, kind_of, merge

__all__ = ["Identity", "Use", "kind_of", "merge"]
