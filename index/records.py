"""Frozen records passed between the stages of the index.

Offsets (`start`, `end`) always index into `Article.text`, the decoded original text of the
source, so that ``article.text[start:end]`` is the sentence exactly as the file has it.
Lines are 1-based lines of that text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True)
class Metadata:
    """Descriptive metadata of an article; every field is optional."""

    title: str | None = None
    date: str | None = None  # ISO 8601 date, YYYY-MM-DD
    outlet: str | None = None
    author: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Source:
    """One article as read from disk, before repair and splitting.

    Attributes:
        path: Resolved path of the source file.
        key: Unique key of the article: the path, or ``path#N`` for record N of a JSON file.
        text: Decoded original text; lines and offsets of citations refer to it.
        encoding: The encoding the bytes were decoded with.
        flags: Notes on the reading, e.g. ``"encoding-fallback"``.
        meta: Metadata found in the file (front matter, JSON fields, file name, headline).
        skip_lines: 1-based lines that are not article body (front matter), never indexed.
    """

    path: str
    key: str
    text: str
    encoding: str
    flags: tuple[str, ...] = ()
    meta: Metadata = field(default_factory=Metadata)
    skip_lines: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Article:
    """An article as stored in the ledger."""

    id: str
    key: str
    path: str
    text: str
    content_hash: str
    encoding: str
    flags: tuple[str, ...]
    meta: Metadata
    sentence_count: int = 0
    # Every source file the article was read from, its own `path` first: a copy of the same
    # text ingested from another file is stored once and listed here (see `ArticleSource`).
    sources: tuple[str, ...] = ()

    @property
    def title(self) -> str | None:
        return self.meta.title

    @property
    def date(self) -> str | None:
        return self.meta.date

    @property
    def outlet(self) -> str | None:
        return self.meta.outlet


@dataclass(frozen=True)
class ArticleSource:
    """Another source of a stored article: a file whose text duplicates the article's.

    Its text is kept so that the article can be rebuilt from it alone when the article's own
    source is deleted or changes (`text` may differ from the article's by small edits).

    Attributes:
        article: Id of the article it duplicates.
        key: Its key (path, or ``path#N``), unique among articles and sources.
        path: Its file.
        text: Its decoded text.
        content_hash: As `Article.content_hash`, so that re-ingest of it is a no-op.
        encoding: The encoding it was decoded with.
        flags: Notes on its reading.
        meta: Its own metadata (outlet, date... may differ from the article's).
        skip_lines: Its 1-based lines that are no article body (front matter).
    """

    article: str
    key: str
    path: str
    text: str
    content_hash: str
    encoding: str
    flags: tuple[str, ...]
    meta: Metadata
    skip_lines: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Fingerprint:
    """What duplicate detection compares of one article text (see `index.fingerprints`).

    Attributes:
        recipe: How it was made; one of another recipe is made again.
        exact: Hash of the normalised text.
        signature: MinHash values of its word 3-grams (uint64, as bytes); empty when the text
            is too short to have any (then only `exact` can match).
    """

    recipe: str
    exact: str
    signature: bytes


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article.

    Attributes:
        id: Stable id, derived from the article id, position and offsets.
        article: Id of the article.
        position: 0-based index of the sentence within the article.
        line: 1-based line of `Article.text` where the sentence starts.
        start: Offset of the first character in `Article.text`.
        end: Offset after the last character in `Article.text`.
        text: The repaired sentence text (what is embedded, searched and shown).
    """

    id: str
    article: str
    position: int
    line: int
    start: int
    end: int
    text: str


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


# The form of a claim: a quotation, reported speech, or quoted words inside reported speech.
ClaimForm = Literal["direct", "indirect", "mixed"]
# What a speaker is, across articles.
EntityKind = Literal["person", "organisation", "country"]


@dataclass(frozen=True)
class Claim:
    """A statement attributed to a speaker, found in one sentence.

    Attributes:
        sentence_id: Id of the sentence holding the claim.
        article: Id of the article.
        line: 1-based line of the sentence.
        start: Offset of the claim content in `Article.text`.
        end: Offset after the claim content in `Article.text`.
        speaker: Resolved full name of the speaker (person, organisation or country), or None.
        speaker_mention: The speaker as written in this sentence ("he", "Wang", "the ministry").
        cue: The cue that marks the attribution ("said", "according to", a colon).
        kind: "direct", "indirect" or "mixed".
        speaker_role: Role such as "spokesperson", if known.
        speaker_org: Organisation such as "Foreign Ministry", if known.
        speaker_country: Normalised country such as "China", if known.
        confidence: In [0, 1].
        text: The sentence text (filled when read from the ledger or extracted).
        path: Source file of the article (filled when read from the ledger).
        date: Article date (filled when read from the ledger).
        outlet: Article outlet (filled when read from the ledger).
    """

    sentence_id: str
    article: str
    line: int
    start: int
    end: int
    speaker: str | None
    speaker_mention: str | None
    cue: str | None
    kind: ClaimForm
    speaker_role: str | None = None
    speaker_org: str | None = None
    speaker_country: str | None = None
    confidence: float = 0.5
    text: str | None = None
    path: str | None = None
    date: str | None = None
    outlet: str | None = None


@dataclass(frozen=True)
class Speaker:
    """One speaker across the corpus: a person, an organisation or a country.

    Attributes:
        name: Canonical name ("Donald Trump", "Foreign Ministry", "China").
        kind: "person", "organisation" or "country".
        aliases: Every name the speaker was resolved under in some article.
        roles: Roles seen, most frequent first.
        orgs: Organisations seen, most frequent first.
        countries: Countries seen, most frequent first.
        first_date: Earliest article date with a claim (None when no article is dated).
        last_date: Latest article date with a claim.
        claims: Number of claims.
        articles: Number of articles with a claim.
    """

    name: str
    kind: EntityKind
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    orgs: tuple[str, ...]
    countries: tuple[str, ...]
    first_date: str | None
    last_date: str | None
    claims: int
    articles: int


@dataclass(frozen=True)
class RoleHolder:
    """A speaker's claims under one role ("president"), with the dates of their articles.

    Attributes:
        role: The role as the claims give it, lowercase.
        speaker: The speaker identity.
        mention: How those claims name the speaker, lowercase ("tory leader michael howard").
        country: The speaker's country in those claims, if known.
        first_date: Earliest article date of those claims (None when none is dated).
        last_date: Latest article date of those claims.
        claims: Number of those claims.
    """

    role: str
    speaker: str
    mention: str | None
    country: str | None
    first_date: str | None
    last_date: str | None
    claims: int


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
