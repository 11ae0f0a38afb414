"""Speaker identities across articles: one entity per person, organisation or country.

Within an article, attribution resolves mentions to the fullest name it saw ("Wang" → Wang
Wenbin). Across articles the same person appears as "Donald Trump", "Donald J. Trump", "Mr.
Trump" or plain "Trump"; `merge` maps every (name, role) pair seen in the claims to one
canonical entity. It is a pure function of the whole set of names, so the result does not
depend on the order articles were ingested in, and it is recomputed after every write.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from index.attribution.speakers.gazetteer import country_of
from index.attribution.speakers.roles import ORG_HEADS, ORG_NAMES, POSSESSIVE, TITLES
from index.records import EntityKind

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_INITIAL = re.compile(r"^[A-Z]\.?$")


@dataclass(frozen=True)
class Identity:
    """The canonical entity a (name, role) pair belongs to."""

    name: str
    kind: EntityKind


def kind_of(name: str) -> EntityKind:
    """Whether a resolved speaker name is a person, an organisation or a country."""
    if country_of(name) == name:
        return "country"
    words = name.split()
    if name.lower() in ORG_NAMES or (words and words[-1].lower() in ORG_HEADS):
        return "organisation"
    return "person"


def person_words(name: str) -> list[str]:
    """A person's name without titles, middle initials and suffixes."""
    words = [POSSESSIVE.sub("", w) for w in name.replace(",", " ").split()]
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    core = [words[0], *[w for w in words[1:-1] if not _INITIAL.match(w)], words[-1]] \
        if len(words) > 1 else words
    while len(core) > 1 and core[-1].lower().rstrip(".") in _SUFFIXES:
        core = core[:-1]
    return core


def merge(pairs: Iterable[tuple[str, str | None]]) -> dict[tuple[str, str | None], Identity]:
    """Map every (speaker name, role) pair to its canonical identity.

    Full names with the same first and last name are one person whatever the middle initial,
    title or role. A surname alone joins the only person of that surname, or the only one of
    that surname with the same role; when that is ambiguous it stays an entity of its own.
    Organisations and countries are matched by name, case-insensitively.
    """
    pairs = sorted(set(pairs), key=lambda p: (p[0], p[1] or ""))
    result: dict[tuple[str, str | None], Identity] = {}
    full: dict[tuple[str, str], list[tuple[str, str | None]]] = defaultdict(list)
    single: list[tuple[str, str | None]] = []
    # Organisations and countries: the first spelling (sorted) of a case-insensitive name.
    spelled: dict[str, str] = {}
    for name, _ in pairs:
        spelled.setdefault(name.lower(), name)
    for name, role in pairs:
        kind = kind_of(name)
        if kind != "person":
            result[(name, role)] = Identity(spelled[name.lower()], kind)
            continue
        words = person_words(name)
        if len(words) >= 2:
            full[(words[0].lower(), words[-1].lower())].append((name, role))
        else:
            single.append((name, role))
    people = {key: _spelling(members) for key, members in full.items()}
    for key, members in full.items():
        for pair in members:
            result[pair] = Identity(people[key], "person")
    for name, role in single:
        result[(name, role)] = Identity(_surname_owner(name, role, full, people), "person")
    return result


def _spelling(members: list[tuple[str, str | None]]) -> str:
    counts = Counter(" ".join(person_words(n)[:1] + person_words(n)[-1:]) for n, _ in members)
    return max(sorted(counts), key=counts.__getitem__)


def _surname_owner(
    name: str, role: str | None,
    full: dict[tuple[str, str], list[tuple[str, str | None]]], people: dict[tuple[str, str], str],
) -> str:
    surname = person_words(name)[0]
    owners = [key for key in full if key[1] == surname.lower()]
    if role is not None and len(owners) > 1:
        owners = [k for k in owners if role in {r for _, r in full[k]}]
    return people[owners[0]] if len(owners) == 1 else surname
