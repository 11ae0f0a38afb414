"""Ingestion: source files → repaired, split sentences in the ledger → vectors in the index.

Crash safety: an article and its sentences are written to the ledger in one transaction with
``indexed = 0``; vectors are upserted by sentence id (idempotent) and only then is the article
marked indexed. Ids of replaced sentences are queued in ``stale_vectors`` inside the same
transaction. `Ingestor.recover` (`index.indexing`) finishes whatever an interrupted run left,
so a ``kill -9`` at any point leaves no duplicates and loses nothing. Claims are clustered last
(`cluster`): those still without a cluster are what an interrupted run left, and `recover`
places them.

An input that repeats a stored or prepared article (`index.copies`) is not stored again: it is
recorded as another source of that article, with the batch that writes the article (so a
``kill -9`` loses at most the record, which the next ingest of the file makes again). The
fingerprint an article is found by is written in the article's own transaction.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from index.attribution.identities.merging import merge
from index.attributor import Attributor
from index.copies import Copies, as_source
from index.errors import InputError
from index.indexing import Indexer
from index.ledger.ledger import Ledger
from index.preparation import Prepared, content_hash, prepare
from index.reading.files import iter_sources
from index.records import Article, ArticleSource, Claim, IngestReport, Metadata, Source
from index.vectors.cache import VectorCache
from index.vectors.context import Context
from index.vectors.store import VectorStore

FLUSH_SENTENCES = 1024  # per batch: bigger encoder calls pad less (sorted by length)


@dataclass(frozen=True)
class _Pending:
    """A batch whose claims are being extracted in the attribution thread."""

    articles: list[Prepared]
    claims: Future[list[list[Claim]]]
    copies: list[ArticleSource]  # inputs that repeat an article: written after the articles

    @classmethod
    def start(cls, batch: _Batch, attributor: Attributor,
              extract: Callable[[Sequence[Prepared]], list[list[Claim]]]) -> _Pending | None:
        """Submit the extraction of the batch's articles; None when it holds nothing."""
        if not batch.articles and not batch.copies:
            return None
        return cls(batch.articles, attributor.submit(extract, batch.articles), batch.copies)


@dataclass
class _Batch:
    articles: list[Prepared] = field(default_factory=list)
    copies: list[ArticleSource] = field(default_factory=list)

    @property
    def size(self) -> int:
        return sum(len(p.sentences) for p in self.articles)


class Ingestor(Indexer):
    """Writes articles into the ledger and their vectors into the index, and deletes them."""

    def __init__(self, ledger: Ledger, store: VectorStore, cache: VectorCache,
                 context: Context = "paragraph", *, tagger: Path | None = None,
                 second: Literal["off", "named", "carry"] = "off") -> None:
        super().__init__(ledger, store, cache, context)
        # The trained tagger's second opinion (index.attribution.articles.second); "off" =
        # rules only.
        self.tagger, self.second = tagger, second
        self._copies, self._rebuilt = Copies(ledger), False  # per ingest or delete call

    def ingest(
        self,
        paths: Sequence[str],
        defaults: Metadata,
        max_bytes: int,
        progress: Callable[[str], None] | None = None,
    ) -> IngestReport:
        """Ingest files and folders; see `IngestReport`. The caller holds the writer lock.

        Attribution of one batch runs in a worker thread (`index.attributor`) while the batch
        before it is encoded and written; the encoder leaves it a core while it runs
        (measured in docs/benchmarks.md). Only this thread touches the ledger and the index.
        """
        began = time.perf_counter()
        report = IngestReport(repaired=self.recover())
        self._copies, self._rebuilt = Copies(self.ledger), False
        batch = _Batch()
        pending: _Pending | None = None
        with Attributor() as attributing, self.cache.beside(attributing.busy):
            for item in iter_sources(paths, defaults=defaults, max_bytes=max_bytes):
                if isinstance(item, InputError):
                    report.skipped.append((item.path, item.reason))
                else:
                    self._take(item, batch, pending, report)
                if progress:
                    progress(item.path)
                if batch.size >= FLUSH_SENTENCES:
                    started = _Pending.start(batch, attributing, self._claims)
                    report = self._flush(pending, report)
                    pending, batch = started, _Batch()
            last = _Pending.start(batch, attributing, self._claims)
            report = self._flush(last, self._flush(pending, report))
        if self._rebuilt:
            self.drop_stale()  # of the articles merged into others
        if report.sentences or self._rebuilt:
            # Once per call, not per batch: relinking reads every claim of the ledger. Until it
            # runs, new claims have no identity; `recover` relinks after an interruption.
            self.ledger.relink_speakers(merge)
            self.cluster()  # after relinking: a paraphrase is the same speaker's
        return _with_seconds(report, time.perf_counter() - began)

    def _take(self, source: Source, batch: _Batch, pending: _Pending | None,
              report: IngestReport) -> None:
        stored = self.ledger.article_by_key(source.key)
        chash = content_hash(source)
        if self._unchanged(source, stored, chash):
            report.unchanged.append(source.key)
            return
        if _taken(source.key, batch, pending):
            return  # the same record twice in one call: the first one wins
        prepared = prepare(source)
        if not prepared.sentences:
            report.skipped.append((source.key, "no text to index (only blank or boilerplate)"))
            return
        if stored and self.ledger.sources.of_articles([stored[0].id]):
            # Its file changed while copies of the article remain: they keep it (rebuilt from
            # the next one), and this text comes in as a new input.
            self._rehome(stored[0].id)
            stored = None
        found = self._copies.find(prepared.fingerprint, prepared.repaired,
                                  but=stored[0].id if stored else None)
        if found is not None:
            copy = as_source(source, found[0], chash)
            if stored:  # it now repeats another article: it becomes that article's source
                self._copies.merged(stored[0].id, found[0])
                self._rebuilt = True
                if not self._copies.is_waiting(found[0]):
                    self.ledger.merge_article(stored[0].id, copy)
                    report.duplicates.append((source.key, found[1]))
                    return
                self.ledger.delete_article(stored[0].id)  # its copy is recorded with the batch
            batch.copies.append(copy)
            report.duplicates.append((source.key, found[1]))
            return
        (report.replaced if stored else report.added).append(source.key)
        batch.articles.append(prepared)
        self._copies.add(prepared.article.id, source.key, prepared.fingerprint, prepared.repaired)

    def _unchanged(self, source: Source, stored: tuple[Article, bool] | None,
                   chash: str) -> bool:
        """Whether `source` is stored with this text already, as an indexed article or as a
        copy (its metadata, and the vectors that carry its title, brought up to date)."""
        if stored is None:
            return self._known_copy(source, chash)
        article, indexed = stored
        if not indexed or article.content_hash != chash:
            return False
        if article.meta != source.meta:
            self.ledger.update_metadata(article.id, source.meta)
            if self.context != "none" and article.meta.title != source.meta.title:
                self._index(self.ledger.sentences_of([article.id]))
        return True

    def _known_copy(self, source: Source, chash: str) -> bool:
        """Whether `source` is a recorded copy with this text (its metadata brought up to
        date); a copy whose text changed is forgotten, to come in as a new input."""
        known = self.ledger.sources.by_key(source.key)
        if known is None:
            return False
        if known.content_hash != chash:
            self.ledger.sources.remove(source.key)
            return False
        if known.meta != source.meta:
            self.ledger.sources.add(replace(known, meta=source.meta, path=source.path))
        return True

    def _flush(self, pending: _Pending | None, report: IngestReport) -> IngestReport:
        """Write a batch whose attribution was started: ledger, then vectors, then the mark,
        then the copies of its (or stored) articles."""
        if pending is None:
            return report
        sentences = [s for p in pending.articles for s in p.sentences]
        # Encoded before the claims are awaited: the encoder runs beside attribution.
        vectors = self._vectors(sentences, [p.article for p in pending.articles])
        claims = pending.claims.result()
        for prepared, found in zip(pending.articles, claims, strict=True):
            self.ledger.write_article(prepared.article, prepared.sentences, found,
                                      prepared.fingerprint)
        self.drop_stale()
        self._upsert(sentences, *vectors)
        self.ledger.mark_indexed([p.article.id for p in pending.articles])
        self._copies.written([p.article.id for p in pending.articles])
        for copy in pending.copies:
            self.ledger.sources.add(replace(copy, article=self._copies.home_of(copy.article)))
        return replace(report, sentences=report.sentences + len(sentences))

    def _rehome(self, article_id: str) -> str:
        """Rebuild a stored article from its oldest other source, whose file takes the place
        of the article's own (deleted, or changed); returns the new article's id."""
        nxt = self.ledger.sources.of_articles([article_id])[0]
        prepared = prepare(Source(path=nxt.path, key=nxt.key, text=nxt.text,
                                  encoding=nxt.encoding, flags=nxt.flags, meta=nxt.meta,
                                  skip_lines=nxt.skip_lines))
        claims = self._claims([prepared])[0]
        self.ledger.rehome(article_id, prepared.article, prepared.sentences, claims,
                           prepared.fingerprint)
        self.drop_stale()
        self._index(prepared.sentences)
        self.ledger.mark_indexed([prepared.article.id])
        self._copies.moved(article_id, prepared.article.id, prepared.fingerprint)
        self._rebuilt = True
        return prepared.article.id

    def _claims(self, articles: Sequence[Prepared]) -> list[list[Claim]]:
        # Imported here: spaCy takes seconds to import and only ingest needs it.
        from index.attribution.extraction import extract_claims_many

        # Attribution reads the repaired text: its quote marks are what it looks for.
        return extract_claims_many(
            ((p.repaired, p.sentences) for p in articles),
            tagger=str(self.tagger) if self.tagger else None, second=self.second,
        )

    def delete(self, article_ids: Iterable[str]) -> None:
        """Delete articles with their sentences, vectors and other sources."""
        for article_id in article_ids:
            self.ledger.delete_article(article_id)
        self._after_delete()

    def delete_matching(self, reference: str) -> list[str]:
        """Delete what `reference` names; returns the ids of the articles it touched.

        An article id or title names the article with all its sources. A key, path or file
        name names one source: an other source is forgotten, the article's own one goes
        with the article, unless other sources remain: then the article is rebuilt from the
        oldest of them (`Ledger.rehome`).
        """
        self._copies, self._rebuilt = Copies(self.ledger), False
        touched = []
        for copy in self.ledger.sources.matching(reference):
            self.ledger.sources.remove(copy.key)
            touched.append(copy.article)
        for article in self.ledger.articles(self.ledger.article_ids(article=reference)):
            if not _names_own(article, reference):
                continue
            if article.id != reference and (article.title or "").lower() != reference.lower() \
                    and self.ledger.sources.of_articles([article.id]):
                self._rehome(article.id)
            else:
                self.ledger.delete_article(article.id)
            touched.append(article.id)
        self._after_delete()
        return list(dict.fromkeys(touched))

    def _after_delete(self) -> None:
        self.ledger.relink_speakers(merge)
        self.drop_stale()
        self.cluster()  # the rest of a deleted claim's cluster was made pending


def _taken(key: str, batch: _Batch, pending: _Pending | None) -> bool:
    """Whether an input of this key was taken already in this call (waiting to be written)."""
    articles = batch.articles + (pending.articles if pending else [])
    copies = batch.copies + (pending.copies if pending else [])
    return any(p.article.key == key for p in articles) or any(c.key == key for c in copies)


def _names_own(article: Article, reference: str) -> bool:
    """Whether `reference` names the article itself (not only one of its other sources)."""
    return reference in (article.id, article.key, article.path) or (
        (article.title or "").lower() == reference.lower()
        or article.path.endswith("/" + reference))


def _with_seconds(report: IngestReport, seconds: float) -> IngestReport:
    return replace(report, seconds=round(seconds, 3))
