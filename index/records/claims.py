"""Who said what: a claim found in a sentence, a speaker across the corpus, a role's holders.

Offsets and lines are those of `index.records.articles` (into `Article.text`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

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
