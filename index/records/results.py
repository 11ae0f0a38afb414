"""What the index answers with: search hits, clusters of repeated claims with their
appearances, and what an ingest did.

Offsets and lines are those of `index.records.articles` (into `Article.text`).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Hit:
    """A search result: a stored sentence with its article's metadata and a score in [0, 1]."""

    sentence_id: str
    article: str
    path: str
    title: str | None
    date: str | None
    outlet: str | None
    line: int
    start: int
    end: int
    text: str
    score: float
    speaker: str | None = None
    speaker_role: str | None = None
    speaker_org: str | None = None
    speaker_country: str | None = None
    cue: str | None = None
    similarity: float | None = None  # cosine similarity of sentence and query, in [-1, 1]
    terms: float | None = None  # share of the query terms' weight found in its paragraph


@dataclass(frozen=True)
class IngestReport:
    """What one ingest call did.

    Attributes:
        added: Source paths (keys) of new articles.
        unchanged: Source paths of articles already stored with the same text.
        replaced: Source paths of articles whose text changed; their sentences were replaced.
        skipped: ``(path, reason)`` of every file or record that could not be ingested.
        sentences: Number of sentences written.
        seconds: Wall-clock duration.
        repaired: Source paths of stored articles whose vectors were missing from the index
            (deleted or wiped) and were indexed again from the ledger.
        duplicates: ``(key, key of the article it repeats)`` of every input whose text is
            (nearly) that of a stored article: recorded as another source of that article,
            not stored again (see `index.fingerprints`). Re-ingest of one is `unchanged`.
    """

    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    sentences: int = 0
    seconds: float = 0.0
    repaired: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class Appearance:
    """One claim of a cluster, where it appeared.

    Attributes:
        cluster: Id of the cluster (the sentence id of the claim that founded it).
        sentence_id: Id of the claim's sentence.
        article: Id of the article.
        path: Source file of the article.
        title: Article title.
        outlet: Article outlet.
        date: Article date.
        line: 1-based line of the sentence.
        start: Offset of the sentence in `Article.text`.
        end: Offset after the sentence in `Article.text`.
        text: The sentence.
        speaker: The speaker's identity (or name as resolved in the article), if any.
        how: What joined it to the cluster: "alone" (it founded it), "quote", "paraphrase".
    """

    cluster: str
    sentence_id: str
    article: str
    path: str
    title: str | None
    outlet: str | None
    date: str | None
    line: int
    start: int
    end: int
    text: str
    speaker: str | None
    how: str


@dataclass(frozen=True)
class Cluster:
    """Claims that report the same statement: one quotation, or one claim in other words.

    Attributes:
        id: Stable id (the sentence id of the claim that founded it).
        appearances: Every appearance, earliest first (undated ones last).
    """

    id: str
    appearances: tuple[Appearance, ...]

    @property
    def first(self) -> Appearance:
        """The earliest appearance."""
        return self.appearances[0]

    @property
    def text(self) -> str:
        """A representative text: the sentence of the first appearance."""
        return self.first.text

    @property
    def speakers(self) -> tuple[str, ...]:
        """The speakers of its appearances, most frequent first."""
        counts: dict[str, int] = {}
        for a in self.appearances:
            if a.speaker:
                counts[a.speaker] = counts.get(a.speaker, 0) + 1
        return tuple(sorted(counts, key=lambda s: (-counts[s], s)))

    @property
    def articles(self) -> int:
        """Number of distinct articles it appears in."""
        return len({a.article for a in self.appearances})

    @property
    def by_outlet(self) -> dict[str, int]:
        """Appearances per outlet ("" for articles without one), most first."""
        counts: dict[str, int] = {}
        for a in self.appearances:
            counts[a.outlet or ""] = counts.get(a.outlet or "", 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
