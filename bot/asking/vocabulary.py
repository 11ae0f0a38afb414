"""What the names in a question can resolve to: the ledger's speakers, outlets and dates.

`ClaimBot.vocabulary` builds one `Vocabulary` per state of the ledger; the look-up tables a
question needs (names by alias, by surname) are built once per vocabulary, on first use, so a
question never scans every name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from index.records import RoleHolder


@dataclass(frozen=True)
class Vocabulary:
    """Speaker names, organisations, outlets and the date range of the articles.

    Attributes:
        speakers: ``(name or alias, identity)`` pairs.
        orgs: Organisation names.
        outlets: Outlets of stored articles.
        claims: Number of claims of each identity (the dominant bearer of a surname has most).
        members: Number of claims by members of each organisation.
        roles: Who held which role, with the dates of their claims under it.
        first_date: The earliest article date (ISO), if any article is dated.
        last_date: The latest article date (ISO): dates without a year are read before it.
        articles: Number of stored articles (None: not known).
    """

    speakers: Sequence[tuple[str, str]]
    orgs: Sequence[str]
    outlets: Sequence[str]
    claims: Mapping[str, int] = field(default_factory=dict)
    members: Mapping[str, int] = field(default_factory=dict)
    roles: Sequence[RoleHolder] = ()
    first_date: str | None = None
    last_date: str | None = None
    articles: int | None = None

    @cached_property
    def by_alias(self) -> dict[str, frozenset[str]]:
        """Identities by lowercased name or alias."""
        found: dict[str, set[str]] = {}
        for alias, identity in self.speakers:
            for name in (alias, identity):
                found.setdefault(name.lower(), set()).add(identity)
        return {k: frozenset(v) for k, v in found.items()}

    @cached_property
    def by_surname(self) -> dict[str, frozenset[str]]:
        """Identities of two words or more by their lowercased last word, and by their first
        (a family name may come first: Geng Shuang)."""
        found: dict[str, set[str]] = {}
        for identity in {i for _, i in self.speakers}:
            words = identity.lower().split()
            if len(words) > 1:
                for word in {words[0], words[-1]}:
                    found.setdefault(word, set()).add(identity)
        return {k: frozenset(v) for k, v in found.items()}

    @cached_property
    def by_full_name(self) -> dict[tuple[str, str], frozenset[str]]:
        """Identities by their lowercased (first, last) words: "Donald J. Trump" is found as
        "Donald Trump"."""
        found: dict[tuple[str, str], set[str]] = {}
        for identity in {i for _, i in self.speakers}:
            words = identity.lower().replace(".", "").split()
            if len(words) > 1:
                found.setdefault((words[0], words[-1]), set()).add(identity)
        return {k: frozenset(v) for k, v in found.items()}

    @cached_property
    def by_role(self) -> dict[str, tuple[RoleHolder, ...]]:
        """Role holders by lowercased role, most claims first."""
        found: dict[str, list[RoleHolder]] = {}
        for holder in self.roles:
            found.setdefault(holder.role.lower(), []).append(holder)
        return {k: tuple(sorted(v, key=lambda h: -h.claims)) for k, v in found.items()}

    @cached_property
    def orgs_by_name(self) -> dict[str, str]:
        """Organisations by lowercased name."""
        return {org.lower(): org for org in self.orgs}

    @cached_property
    def names(self) -> tuple[str, ...]:
        """Every identity, for offering close names when a question's speaker is unknown."""
        return tuple(sorted({i for _, i in self.speakers}))
