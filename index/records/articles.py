"""An article's records: its metadata, the source it is read from, the article and its other
sources as stored, its fingerprint and its sentences.

Offsets (`start`, `end`) index into `Article.text`, the decoded original text of the source, so
that ``article.text[start:end]`` is the sentence exactly as the file has it. Lines are 1-based
lines of that text.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
