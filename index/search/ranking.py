"""Ranking of candidate sentences: dense similarity plus query-term coverage in context.

The candidates of a search (the nearest sentences in the vector index and the best BM25 matches)
are scored by one linear formula:

* ``dense``: cosine similarity of the query to the sentence's vector as indexed, which carries
  its article's title and its paragraph (see `index.vectors.context`), so "The stadium opened in
  2014." is found for a question about Levi's Stadium in an article of that title;
* ``sentence``: the share of the query's IDF weight whose terms occur in the sentence;
* ``window``: the same share for the sentence together with the sentence before it in its
  paragraph, which carries what "it" or "he" refers to;
* ``paragraph``: the same share for the sentence's whole paragraph (its line).

Terms are matched by SQLite FTS5 itself (porter stemming, as for BM25), one query per term, so
scoring needs no tokenizer of its own. The weights were tuned on SQuAD questions disjoint from
those `bench/retrieval.py` reports (see docs/benchmarks.md).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from index.ledger import Ledger
from index.records import Sentence


@dataclass(frozen=True)
class Weights:
    """Weights of the ranking signals (see the module docstring)."""

    dense: float = 1.0
    sentence: float = 0.2
    window: float = 0.2
    paragraph: float = 0.3

    @property
    def total(self) -> float:
        """Sum of the weights: the score of a perfect match, used to scale scores to [0, 1]."""
        return self.dense + self.sentence + self.window + self.paragraph


WEIGHTS = Weights()


@dataclass
class TermMatches:
    """Where each query term occurs among the sentences of some articles.

    Attributes:
        idf: BM25's inverse document frequency of each term over all sentences.
        sentences: Per term, the line of every sentence holding it, by ``(article, position)``.
        lines: Per term, the ``(article, line)`` of every paragraph holding it.
    """

    idf: dict[str, float] = field(default_factory=dict)
    sentences: dict[str, dict[tuple[str, int], int]] = field(default_factory=dict)
    lines: dict[str, set[tuple[str, int]]] = field(default_factory=dict)

    @classmethod
    def find(cls, ledger: Ledger, terms: Sequence[str], articles: Iterable[str],
             paragraphs: Iterable[tuple[str, int]] | None = None,
             postings: Postings | None = None) -> TermMatches:
        """Look up every term in the ledger's FTS5 index, within the given articles, or only
        within the given ``(article, line)`` paragraphs: all that coverage needs of the
        candidates, and far fewer rows than their whole articles in a large corpus.
        `postings` keeps what was read between calls on the same ledger."""
        found = cls()
        wanted = sorted(set(articles))
        postings = postings or Postings()
        total = postings.total(ledger)
        if not terms or not wanted or not total:
            return found
        scope = _scope(ledger, wanted, paragraphs)
        for term in terms:
            rowids = postings.rowids(ledger, f'"{term}"')
            if not rowids:
                continue  # a word no sentence has (a typo) must not dilute the others
            count = len(rowids)
            found.idf[term] = math.log((total - count + 0.5) / (count + 0.5) + 1.0)
            held = [scope[r] for r in (scope.keys() & rowids)]
            found.sentences[term] = {(a, p): ln for a, ln, p in held}
            found.lines[term] = {(a, ln) for a, ln, _ in held}
        return found

    def coverage(self, sentence: Sentence) -> tuple[float, float, float]:
        """Shares of the query's IDF found in the sentence, its window and its paragraph."""
        weight = sum(self.idf.values())
        if not weight:
            return 0.0, 0.0, 0.0
        own = window = line = 0.0
        here = (sentence.article, sentence.position)
        before = (sentence.article, sentence.position - 1)
        for term, idf in self.idf.items():
            held = self.sentences[term]
            if here in held:
                own += idf
            if here in held or held.get(before) == sentence.line:
                window += idf
            if (sentence.article, sentence.line) in self.lines[term]:
                line += idf
        return own / weight, window / weight, line / weight


def _scope(ledger: Ledger, articles: Sequence[str],
           paragraphs: Iterable[tuple[str, int]] | None) -> dict[int, tuple[str, int, int]]:
    """``rowid → (article, line, position)`` of the sentences of the articles, or only of
    those in the given paragraphs."""
    pairs = None if paragraphs is None else set(paragraphs)
    return {rowid: (article, line, position)
            for rowid, article, line, position in ledger.sentence_places(articles)
            if pairs is None or (article, line) in pairs}


class Postings:
    """The sentences (rowids) holding each term, read from FTS5 and kept while the ledger is
    unchanged: intersecting a term's rowids with the candidates' in Python is far cheaper
    than asking FTS5 for "MATCH ? AND rowid IN (...)" for each term (see docs/benchmarks.md).
    At most `LIMIT` rowids are kept."""

    LIMIT = 1_000_000

    def __init__(self) -> None:
        self._known: dict[str, frozenset[int]] = {}
        self._size = 0
        self._total = 0
        self._state: tuple[int, int] | None = None

    def _check(self, ledger: Ledger) -> None:
        state = ledger.state()
        if state != self._state or self._size > self.LIMIT:
            self._known.clear()
            self._size = 0
            self._total = ledger.sentence_count()
            self._state = state

    def total(self, ledger: Ledger) -> int:
        """The number of sentences of `ledger`."""
        self._check(ledger)
        return self._total

    def rowids(self, ledger: Ledger, match: str) -> frozenset[int]:
        """The rowids of the sentences of `ledger` matching the FTS5 query `match`."""
        self._check(ledger)
        if match not in self._known:
            self._known[match] = ledger.term_rowids(match)
            self._size += len(self._known[match])
        return self._known[match]


def rank(
    sentences: Mapping[str, Sentence],
    similarity: Mapping[str, float],
    matches: TermMatches,
    weights: Weights = WEIGHTS,
) -> list[tuple[str, float]]:
    """Score candidate sentences and sort them, best first; scores lie in [0, 1].

    Args:
        sentences: The candidates by id.
        similarity: Cosine similarity of the query to each candidate's embedding.
        matches: Where the query terms occur (`TermMatches.find`).
        weights: The signal weights.
    """
    scored = []
    for sid, sentence in sentences.items():
        own, window, line = matches.coverage(sentence)
        score = (weights.dense * max(0.0, similarity.get(sid, 0.0)) + weights.sentence * own
                 + weights.window * window + weights.paragraph * line) / weights.total
        scored.append((sid, score))
    return sorted(scored, key=lambda p: (-p[1], p[0]))
