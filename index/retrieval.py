"""Hybrid retrieval: dense (Chroma) and lexical (SQLite FTS5 BM25), fused by reciprocal rank."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from index.ingestion import Ingestor
from index.ledger import Ledger, text_hash
from index.records import Article, Hit, Sentence

RRF_K = 60  # the customary constant of reciprocal rank fusion
CANDIDATES = 50


@dataclass(frozen=True)
class Filters:
    """Restrictions on which articles a search may return; None means no restriction."""

    article: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None

    def active(self) -> bool:
        """Whether any filter is set."""
        return any(v is not None for v in (self.article, self.outlet, self.since, self.until))


class HybridSearch:
    """Searches the sentences of the ledger through the vector index and FTS5."""

    def __init__(self, ledger: Ledger, ingestor: Ingestor) -> None:
        self.ledger = ledger
        self.ingestor = ingestor

    def search(
        self, query: str, k: int = 10, filters: Filters = Filters(),
        sentence_ids: Sequence[str] | None = None,
    ) -> list[Hit]:
        """The `k` best sentences for `query`, best first, scores in [0, 1].

        Args:
            query: Free text.
            k: Number of hits wanted.
            filters: Article, outlet and date restrictions.
            sentence_ids: If given, only these sentences may be returned.
        """
        if not query.strip() or k <= 0:
            return []
        article_ids = self.ledger.article_ids(**vars(filters)) if filters.active() else None
        if article_ids == [] or sentence_ids == []:
            return []
        vector = self.ingestor.embedder.embed([query])[0]
        where = {"article": {"$in": article_ids}} if article_ids is not None else None
        if sentence_ids is not None:
            where = None
        wanted = max(CANDIDATES, 3 * k)
        dense = [n.id for n in self.ingestor.store.query(vector, wanted, where)]
        lexical = [i for i, _ in self.ledger.lexical(query, wanted, article_ids)]
        if sentence_ids is not None:
            allowed = set(sentence_ids)
            dense = [i for i in dense if i in allowed]
            lexical = [i for i in lexical if i in allowed]
        fused = fuse([dense, lexical])[:k]
        return self._hits(fused, vector)

    def _hits(self, fused: list[tuple[str, float]], vector: np.ndarray) -> list[Hit]:
        sentences = self.ledger.sentences([i for i, _ in fused])
        articles = {a.id: a for a in self.ledger.articles({s.article for s in sentences.values()})}
        texts = [sentences[i].text for i, _ in fused if i in sentences]
        vectors = self.ingestor.vectors(texts) if texts else np.zeros((0, len(vector)))
        similarity = dict(zip((text_hash(t) for t in texts), vectors @ vector, strict=True))
        hits = []
        for sid, score in fused:
            if sid in sentences:
                s = sentences[sid]
                hits.append(make_hit(s, articles[s.article], score,
                                     float(similarity[text_hash(s.text)])))
        return hits


def fuse(rankings: Sequence[Sequence[str]]) -> list[tuple[str, float]]:
    """Reciprocal rank fusion, scaled so that first place in every ranking scores 1.0."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (RRF_K + rank)
    top = len(rankings) / (RRF_K + 1)
    return sorted(((i, s / top) for i, s in scores.items()), key=lambda p: -p[1])


def make_hit(sentence: Sentence, article: Article, score: float, similarity: float | None) -> Hit:
    """A `Hit` for a stored sentence of a stored article."""
    return Hit(
        sentence_id=sentence.id, article=article.id, path=article.path, title=article.title,
        date=article.date, outlet=article.outlet, line=sentence.line, start=sentence.start,
        end=sentence.end, text=sentence.text, score=round(min(1.0, max(0.0, score)), 4),
        similarity=None if similarity is None else round(similarity, 4),
    )
