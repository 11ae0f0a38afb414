"""Hybrid retrieval: dense (Chroma) and lexical (SQLite FTS5 BM25) candidates, ranked together.

The nearest sentences and the best BM25 matches are scored by `index.search.ranking.rank`:
similarity of the query to the sentence's indexed vector (which carries its title and paragraph, see
`index.vectors.context`), plus the share of query terms found in the sentence, with the sentence
before it, and in its paragraph.

Filters on speaker, country or organisation select a set of claim sentences first; a small set
is scored exactly against its indexed vectors, kept in memory, instead of asking Chroma for a
filtered nearest-neighbour search, which is slow on large collections.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any

import numpy as np

from index.ledger.claims import ClaimFilters
from index.ledger.fulltext import query_terms
from index.ledger.ledger import Ledger
from index.records import Article, Claim, Hit, Sentence
from index.search.ranking import Postings, TermMatches, rank
from index.text import canonical
from index.vectors.embedding import Embedder
from index.vectors.store import VectorStore

RRF_K = 60  # the customary constant of reciprocal rank fusion (`fuse`)
CANDIDATES = 50  # from each of the dense and the lexical ranking
EXACT_LIMIT = 5000  # filtered sets up to this size are scored exactly
MEMO_LIMIT = 100_000  # sentence vectors kept in memory (about 160 MB)


@dataclass(frozen=True)
class Filters:
    """Restrictions on which sentences a search may return; None means no restriction.

    `speaker`, `country` and `org` restrict the search to attributed claims: `speaker` is a
    speaker identity or alias; `country` a country (every speaker affiliated with it, and the
    country itself); `org` an organisation (its members and itself).
    """

    article: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    speaker: str | None = None
    country: str | None = None
    org: str | None = None
    attributed: bool = False  # only sentences that carry a claim

    def on_articles(self) -> bool:
        """Whether an article-level filter is set."""
        return any(v is not None for v in (self.article, self.outlet, self.since, self.until))

    def on_claims(self) -> bool:
        """Whether a speaker-level filter is set."""
        return self.attributed or any(
            v is not None for v in (self.speaker, self.country, self.org))


class HybridSearch:
    """Searches the sentences of the ledger through the vector index and FTS5."""

    def __init__(self, ledger: Ledger, store: VectorStore, embedder: Embedder) -> None:
        self.ledger = ledger
        self.store = store
        self.embedder = embedder
        self._postings = Postings()
        # Sentence vectors by id as last read, while the ledger is unchanged: filtered
        # searches score the same few thousand sentences again and again.
        self._memo: dict[str, np.ndarray] = {}
        self._memo_state: tuple[int, int] | None = None
        self._matrices: dict[int, tuple[list[str], np.ndarray]] = {}  # by filtered id set

    def search(self, query: str, k: int = 10, filters: Filters = Filters(),
               keywords: str | None = None) -> list[Hit]:
        """The `k` best sentences for `query`, best first, scores in [0, 1].

        Args:
            query: Free text, embedded for the dense ranking.
            k: Number of hits wanted.
            filters: Article and speaker restrictions.
            keywords: Text for the lexical ranking when it should differ from `query` (the
                topic of a question, without the speaker and question words).

        Query, keywords and filter values are brought to NFC first, as stored text is
        (`index.text`), so that an accent spelt as a combining mark finds the same sentences.
        """
        if not query.strip() or k <= 0:
            return []
        query, keywords, filters = canonical(query), canonical(keywords), _canonical(filters)
        article_ids = None
        if filters.on_articles():
            article_ids = self.ledger.article_ids(
                filters.article, filters.outlet, filters.since, filters.until)
        sentence_ids = None
        if filters.on_claims():
            sentence_ids = self.ledger.claim_sentence_ids(_claim_filters(filters, article_ids))
        if article_ids == [] or sentence_ids == []:
            return []
        vector = self.embedder.embed([query])[0]
        wanted = max(CANDIDATES, 3 * k)
        self._sync()
        # A filtered set that is small enough is scored exactly, from the embedding cache:
        # faster than Chroma's filtered search (about 90 ms on 100k vectors) and never misses.
        exact = sentence_ids
        if exact is None and article_ids is not None:
            exact = self.ledger.sentence_ids_in(article_ids, EXACT_LIMIT + 1)
        if exact is not None and len(exact) <= EXACT_LIMIT:
            dense = self._exact(vector, exact)[:wanted]
        else:
            where = _where(filters, article_ids)
            dense = [n.id for n in self.store.query(vector, wanted, where)]
            if sentence_ids is not None:
                allowed = set(sentence_ids)
                dense = [i for i in dense if i in allowed]
        lexical = [i for i, _ in self.ledger.lexical(
            keywords or query, wanted, article_ids, sentence_ids)]
        return self._ranked(dict.fromkeys(dense + lexical), vector, keywords or query, k)

    def claims(self, filters: Filters, article_ids: Sequence[str] | None = None) -> list[Claim]:
        """Claims matching the speaker-level filters within the given articles."""
        return self.ledger.claims(_claim_filters(_canonical(filters), article_ids))

    def claim_hits(self, filters: Filters, k: int) -> list[Hit]:
        """The first `k` claims matching the filters (by date and line), as hits of score 1."""
        filters = _canonical(filters)
        article_ids = None
        if filters.on_articles():
            article_ids = self.ledger.article_ids(
                filters.article, filters.outlet, filters.since, filters.until)
        claims = self.claims(filters, article_ids)[:k]
        sentences = self.ledger.sentences([c.sentence_id for c in claims])
        articles = {a.id: a for a in self.ledger.articles({c.article for c in claims})}
        return [make_hit(sentences[c.sentence_id], articles[c.article], 1.0, None, c)
                for c in claims]

    def _exact(self, vector: np.ndarray, sentence_ids: Sequence[str]) -> list[str]:
        key = hash(tuple(sentence_ids))
        if key not in self._matrices:
            vectors = self._vectors(sentence_ids)
            ids = list(vectors)
            matrix = np.stack([vectors[i] for i in ids]) if ids else np.zeros((0, 1))
            if len(self._matrices) >= 16:  # the filters of the last few questions
                self._matrices.pop(next(iter(self._matrices)))
            self._matrices[key] = ids, matrix
        ids, matrix = self._matrices[key]
        if not ids:
            return []
        return [ids[j] for j in np.argsort(-(matrix @ vector), kind="stable")]

    def _sync(self) -> None:
        """Forget the vectors and matrices kept in memory once the ledger has changed."""
        state = self.ledger.state()
        if state != self._memo_state:
            self._memo.clear()
            self._matrices.clear()
            self._memo_state = state

    def _articles(self, sentences: dict[str, Sentence]) -> dict[str, Article]:
        return {a.id: a for a in self.ledger.articles({s.article for s in sentences.values()})}

    def _vectors(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        """Each sentence's vector as indexed, by id (read from the index once while the ledger
        is unchanged)."""
        if len(self._memo) > MEMO_LIMIT:
            self._memo.clear()
        missing = [i for i in ids if i not in self._memo]
        if missing:
            self._memo.update(self.store.vectors(missing))
        return {i: self._memo[i] for i in ids if i in self._memo}

    def _similarity(self, sentences: dict[str, Sentence], vector: np.ndarray
                    ) -> dict[str, float]:
        """Cosine similarity of the query to each sentence as indexed."""
        return {i: float(v @ vector) for i, v in self._vectors(list(sentences)).items()}

    def _ranked(self, candidates: Iterable[str], vector: np.ndarray, terms: str,
                k: int) -> list[Hit]:
        sentences = self.ledger.sentences(list(candidates))
        similarity = self._similarity(sentences, vector)
        # A lexical candidate without a vector (its article is being indexed, or the index lost
        # it: the next ingest repairs it) is left out, not ranked without its dense score.
        sentences = {i: s for i, s in sentences.items() if i in similarity}
        articles = self._articles(sentences)
        matches = TermMatches.find(self.ledger, query_terms(terms), articles,
                                   {(s.article, s.line) for s in sentences.values()},
                                   self._postings)
        ranked = rank(sentences, similarity, matches)[:k]
        claims = {c.sentence_id: c for c in self.ledger.claims(
            ClaimFilters(), [i for i, _ in ranked])}
        return [make_hit(sentences[i], articles[sentences[i].article], score, similarity[i],
                         claims.get(i), matches.coverage(sentences[i])[2])
                for i, score in ranked]


def _canonical(filters: Filters) -> Filters:
    """`filters` with every text value in NFC, the form of the stored names and titles."""
    texts: dict[str, Any] = {f.name: canonical(v) for f in fields(filters)
                             if isinstance(v := getattr(filters, f.name), str)}
    return replace(filters, **texts)


def _claim_filters(filters: Filters, article_ids: Sequence[str] | None) -> ClaimFilters:
    return ClaimFilters(tuple(article_ids) if article_ids is not None else None,
                        filters.speaker, filters.country, filters.org)


def _where(filters: Filters, article_ids: Sequence[str] | None) -> dict[str, Any] | None:
    """Chroma's metadata filter for article-level filters: a range on the integer ``day`` for
    a date range alone (short, whatever the number of articles), else the article ids."""
    if article_ids is None:
        return None
    low = _day(filters.since) if filters.since else 1  # 0 = undated: never in a range
    high = _day(filters.until) if filters.until else 99991231
    if filters.article is None and filters.outlet is None and low and high:
        return {"$and": [{"day": {"$gte": low}}, {"day": {"$lte": high}}]}
    return {"article": {"$in": list(article_ids)}}


def _day(date: str) -> int | None:
    """YYYY-MM-DD as the integer YYYYMMDD stored with each vector; None for other forms."""
    digits = date.replace("-", "")
    return int(digits) if len(date) == 10 and digits.isdigit() else None


def fuse(rankings: Sequence[Sequence[str]]) -> list[tuple[str, float]]:
    """Reciprocal rank fusion, scaled so that first place in every ranking scores 1.0."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for place, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (RRF_K + place)
    top = len(rankings) / (RRF_K + 1)
    return sorted(((i, s / top) for i, s in scores.items()), key=lambda p: -p[1])


def make_hit(sentence: Sentence, article: Article, score: float, similarity: float | None,
             claim: Claim | None = None, terms: float | None = None) -> Hit:
    """A `Hit` for a stored sentence of a stored article, with its claim's speaker if any and
    the share of the query terms found in its paragraph."""
    return Hit(
        sentence_id=sentence.id, article=article.id, path=article.path, title=article.title,
        date=article.date, outlet=article.outlet, line=sentence.line, start=sentence.start,
        end=sentence.end, text=sentence.text, score=round(min(1.0, max(0.0, score)), 4),
        speaker=claim.speaker if claim else None,
        speaker_role=claim.speaker_role if claim else None,
        speaker_org=claim.speaker_org if claim else None,
        speaker_country=claim.speaker_country if claim else None,
        cue=claim.cue if claim else None,
        similarity=None if similarity is None else round(similarity, 4),
        terms=None if terms is None else round(terms, 4),
    )
