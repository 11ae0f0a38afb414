"""Clustering claims as they are ingested: each new claim joins the cluster of what it repeats.

A pending claim (one without a cluster, see `index.ledger.clusters`) is placed in date order:

* a **quotation** it shares with any clustered claim (a run of six words, `quotations`) joins
  it to that claim's cluster, whoever the articles say spoke;
* a short quoted fragment inside a longer quotation **of the same speaker** does too;
* a **paraphrase**: the same speaker's claims in other articles whose sentence vectors are
  nearest to its own (cosine at least `SIMILAR`) join it when they also share content words
  (the claim without who said it): at least `SHARED_WORDS` of them, weighing at least
  `SHARED_WEIGHT` of both claims' words, each word weighed by its rarity among the stored
  claims (`rarity`), and do not give other figures (one may leave some out, `figures_agree`).
  Vectors alone put one speaker's claims on one topic together ("X will cut taxes" beside
  "X will raise taxes", "took $10.7m" beside "took $12.7m"); the same claim in other words
  shares the rarer words and keeps its figures. The thresholds
  were chosen on half "A" of the hand-checked pairs of ``bench/tracking_pairs.jsonl``, and
  half "B" is the held-out check (docs/benchmarks.md).

A claim matching several clusters merges them (the oldest keeps its id). Every `CHUNK` claims
are committed at once, so a run killed midway leaves only pending claims, which the next run
places. The vectors are the sentences' own, from the ledger's embedding cache (the indexed
ones also carry their paragraph and title, which differ between articles).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from index.ledger.clusters import ClusterTable, PendingClaim
from index.tracking.quotations import (
    SHINGLE,
    SHORT,
    Words,
    content_words,
    figures_agree,
    numbers,
    quotations,
    shingles,
)
from index.tracking.rarity import Rarity

SIMILAR = 0.65
SHARED_WORDS = 2
SHARED_WEIGHT = 0.2  # of the rarity-weighted content words of both claims together
NEAREST = 8  # paraphrase candidates checked per claim
CHUNK = 200

Vectors = Callable[[Sequence[str]], np.ndarray]


@dataclass
class _Speaker:
    """What is known of one speaker's clustered claims during a run, to compare new ones."""

    dimension: int
    ids: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    words: list[frozenset[str]] = field(default_factory=list)
    numbers: list[frozenset[str]] = field(default_factory=list)
    grams: dict[Words, set[int]] = field(default_factory=dict)  # runs of 3-5 quoted words
    shorts: dict[Words, set[int]] = field(default_factory=dict)  # short quoted fragments
    matrix: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), np.float32))

    def add(self, claim: PendingClaim, fragments: list[Words], vector: np.ndarray) -> None:
        row = len(self.ids)
        self.ids.append(claim.sentence_id)
        self.articles.append(claim.article)
        self.words.append(content_words(claim.content))
        self.numbers.append(numbers(claim.content))
        for fragment in fragments:
            if len(fragment) < SHINGLE:
                self.shorts.setdefault(fragment, set()).add(row)
            for n in range(SHORT, SHINGLE):
                for i in range(len(fragment) - n + 1):
                    self.grams.setdefault(fragment[i:i + n], set()).add(row)
        if row >= len(self.matrix) or not self.matrix.shape[1]:  # room doubles: stays linear
            grown = np.zeros((max(16, 2 * row), self.dimension), np.float32)
            if row:
                grown[:row] = self.matrix[:row]
            self.matrix = grown
        self.matrix[row] = vector

    def quoted(self, fragments: list[Words]) -> set[int]:
        """Rows whose quotation holds a short fragment of these, or whose short fragment
        lies in a longer one of these."""
        rows: set[int] = set()
        for fragment in fragments:
            if len(fragment) < SHINGLE:
                rows |= self.grams.get(fragment, set())
            for n in range(SHORT, min(SHINGLE, len(fragment))):
                for i in range(len(fragment) - n + 1):
                    rows |= self.shorts.get(fragment[i:i + n], set())
        return rows

    def paraphrased(self, claim: PendingClaim, vector: np.ndarray, rarity: Rarity) -> set[int]:
        """Rows in other articles nearest to `vector` that share enough content words."""
        count = len(self.ids)
        if not count:
            return set()
        similarity = self.matrix[:count] @ vector
        best = np.argsort(-similarity)[:NEAREST]
        mine, figures = content_words(claim.content), numbers(claim.content)
        return {int(r) for r in best if similarity[r] >= SIMILAR
                and self.articles[r] != claim.article and _confirmed(mine, self.words[r], rarity)
                and figures_agree(figures, self.numbers[r])}


def _confirmed(mine: frozenset[str], theirs: frozenset[str], rarity: Rarity) -> bool:
    return (len(mine & theirs) >= SHARED_WORDS
            and rarity.overlap(mine, theirs) >= SHARED_WEIGHT)


class Clusterer:
    """Places pending claims into clusters.

    Args:
        table: The ledger's cluster tables.
        vectors: Unit vectors of sentence texts (the embedding cache's `vectors`).
        dimension: Their length.
    """

    def __init__(self, table: ClusterTable, vectors: Vectors, dimension: int) -> None:
        self.table = table
        self.vectors = vectors
        self.dimension = dimension

    def run(self) -> int:
        """Cluster every pending claim; returns how many were placed."""
        pending = self.table.pending()
        if not pending:
            return 0
        speakers: dict[str, _Speaker] = {}
        words = self.table.words
        words.count((s, content_words(content)) for s, content in words.uncounted())
        rarity = Rarity(*words.counts())
        for lo in range(0, len(pending), CHUNK):
            chunk = pending[lo:lo + CHUNK]
            vectors = self.vectors([c.text for c in chunk])
            with self.table.transaction():
                for claim, vector in zip(chunk, vectors, strict=True):
                    self._place(claim, vector, speakers, rarity)
        return len(pending)

    def _place(self, claim: PendingClaim, vector: np.ndarray,
               speakers: dict[str, _Speaker], rarity: Rarity) -> None:
        fragments = quotations(claim.text, claim.kind)
        keys = shingles(fragments)
        matched = dict.fromkeys(self.table.sharing_keys(keys) if keys else (), "quote")
        matched.pop(claim.sentence_id, None)
        speaker = self._speaker(claim.entity, speakers)
        if speaker is not None:
            for row in speaker.paraphrased(claim, vector, rarity):
                matched.setdefault(speaker.ids[row], "paraphrase")
            for row in speaker.quoted(fragments):
                matched[speaker.ids[row]] = "quote"
        found = self.table.cluster_of(matched)
        if found:
            cluster = self.table.oldest(found.values())
            merged = sorted(set(found.values()) - {cluster})
            how = "quote" if "quote" in matched.values() else "paraphrase"
        else:
            cluster, merged, how = claim.sentence_id, [], "alone"
        self.table.assign(claim.sentence_id, cluster, how, keys, merged)
        if speaker is not None:
            speaker.add(claim, fragments, vector)

    def _speaker(self, entity: str | None, speakers: dict[str, _Speaker]) -> _Speaker | None:
        """The speaker's clustered claims, read from the ledger on first need in a run."""
        if entity is None:
            return None
        if entity not in speakers:
            known = _Speaker(self.dimension)
            rows = self.table.of_entity(entity)
            vectors = self.vectors([r.text for r in rows])
            for row, vector in zip(rows, vectors, strict=True):
                known.add(row, quotations(row.text, row.kind), vector)
            speakers[entity] = known
        return speakers[entity]
