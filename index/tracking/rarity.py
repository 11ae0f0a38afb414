"""How rare each content word is among the stored claims, to weigh the words two claims share.

Two claims of one speaker on one topic share its common words ("Clinton", "email",
"delegates") whether they make one claim or two; what tells a paraphrase from a near miss is
sharing the rarer words ("Goldman Sachs", "waterboarding", "presumptive nominee"). A word's
weight is its inverse document frequency over what the stored claims say (each claim's span,
without who said it), ``log((n + 1) / (df + 1))``, and two claims' `overlap` is the weighted
Jaccard of their content words: the weight of the words they share over the weight of all
their words. The counts are the ledger's (`index.ledger.wordcounts`, kept as claims are added
and deleted), as they stand when a clustering run starts, so a word may weigh a little less in
a later run over a bigger corpus.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping

from index.tracking.quotations import content_words


class Rarity:
    """Inverse document frequencies of content words.

    Args:
        counts: The number of claims each word occurs in.
        total: The number of claims counted.
    """

    def __init__(self, counts: Mapping[str, int], total: int) -> None:
        self.counts = counts
        self.total = total

    @classmethod
    def counted(cls, texts: Iterable[str]) -> Rarity:
        """The frequencies counted over texts (what each claim says, once)."""
        counts: Counter[str] = Counter()
        total = 0
        for text in texts:
            counts.update(content_words(text))
            total += 1
        return cls(counts, total)

    def weight(self, word: str) -> float:
        """The word's inverse document frequency (an unseen word weighs the most)."""
        return math.log((self.total + 1) / (self.counts.get(word, 0) + 1))

    def overlap(self, mine: frozenset[str], theirs: frozenset[str]) -> float:
        """The weighted Jaccard of two sets of content words, in [0, 1]."""
        union = sum(self.weight(w) for w in mine | theirs)
        return sum(self.weight(w) for w in mine & theirs) / union if union else 0.0
