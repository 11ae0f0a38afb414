"""Speaker identities across articles: one entity per person, organisation or country.

Within an article, attribution resolves mentions to the fullest name it saw ("Wang" → Wang
Wenbin). Across articles the same person appears as "Donald Trump", "Donald J. Trump" or plain
"Trump"; `merge` maps every speaker name of every article (a `Use`) to one canonical entity,
whose name is always a form seen in the claims, never a recombination of their words. Groups
("Grassley and Leahy") and descriptions ("a narrator in the Clinton ad") are no one speaker:
they get no identity and the claim shows them as written. `merge` is a pure function of the
whole set of uses, so the result does not depend on the order articles were ingested in, and it
is recomputed after every write.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

from index.attribution.identities.parties import party_of
from index.attribution.identities.people import names_two, person_name, title_led
from index.attribution.identities.persons import PersonUse, merge_people
from index.attribution.lexicon.gazetteer import country_of
from index.attribution.lexicon.roles import ORG_HEADS, ORG_NAMES, PLACES, POSSESSIVE
from index.records import EntityKind

IdentityKind = Literal["person", "organisation", "country", "group"]


class Use(NamedTuple):
    """A speaker name as the claims of one article give it (one row of the ledger's relink)."""

    name: str
    role: str | None
    article: str
    date: str | None = None
    org: str | None = None  # the claims' organisation: the name itself for an organisation
    country: str | None = None
    claims: int = 1


# What `merge` keys identities by: (speaker name, role, article).
Key = tuple[str, str | None, str]


@dataclass(frozen=True)
class Identity:
    """The canonical entity of a use; name None for a group or a description."""

    name: str | None
    kind: IdentityKind


GROUP = Identity(None, "group")

# Lowercase words that may stand inside a name: "Bureau of Labor Statistics", "Bill de Blasio".
_NAME_LOWERCASE = frozenset((
    "of", "on", "for", "the", "and", "a", "an", "at", "in", "to", "de", "la", "le", "du", "da",
    "di", "del", "van", "von", "der", "den", "bin", "al", "ibn", "y", "&", "und", "des",
))
# First words of a description: "A poll", "The nominee", "two Democratic speechwriters".
_DETERMINERS = frozenset((
    "a", "an", "the", "one", "two", "three", "four", "five", "some", "several", "many", "most",
    "his", "her", "their", "its", "our", "other", "another", "each", "every", "both", "all",
    "dozens", "hundreds", "thousands", "someone", "now", "and", "if",
))
# Polls and reports speak for whoever ran them: "Suffolk University Poll" is no person.
_DOCUMENTS = frozenset(("poll", "survey", "study", "report", "analysis", "index"))
_COMPASS = frozenset(("north", "south", "east", "west", "new"))
_WORD = re.compile(r"[\w’'.&/-]+")


def kind_of(name: str) -> EntityKind:
    """Whether a resolved speaker name is a person, an organisation or a country."""
    if country_of(name) == name:
        return "country"
    words = name.split()
    last = words[-1].lower() if words else ""
    if party_of(name) or name.lower() in ORG_NAMES or last in ORG_HEADS or last in _DOCUMENTS:
        return "organisation"
    return "person"


def is_description(name: str) -> bool:
    """True for a speaker string that describes someone rather than names them.

    Args:
        name: A speaker string ("A Bloomberg poll", "Moscow officials", "Clinton campaign").

    Returns:
        Whether it opens with a determiner, or holds a lowercase word that no name holds (an
        organisation noun may end one: "Clinton campaign").
    """
    words = [POSSESSIVE.sub("", w) for w in _WORD.findall(name)]
    if not words or words[0].lower() in _DETERMINERS:
        return True
    inner = words[:-1] if words[-1].lower() in ORG_HEADS else words
    return any(w[:1].islower() and w.lower() not in _NAME_LOWERCASE for w in inner)


def merge(uses: Iterable[Sequence[object]]) -> dict[Key, Identity]:
    """Map every use of a speaker name to its canonical identity.

    People are merged by `persons.merge_people`; organisations and countries by name,
    case-insensitively, parties under their canonical names ("Tories" → Conservative Party).

    Args:
        uses: `Use` tuples (name, role, article, date, org, country, claims); the last four
            may be left out.

    Returns:
        Each use's (name, role, article) → its identity.
    """
    result: dict[Key, Identity] = {}
    people: list[PersonUse] = []
    things: list[tuple[Use, EntityKind]] = []
    ordered = sorted({Use(*u) for u in uses}, key=_order)  # type: ignore[arg-type]
    surnames = _surnames(ordered)
    for use in ordered:
        kind = _kind(use, surnames)
        parsed = person_name(use.name) if kind == "person" else None
        if parsed is not None and title_led(parsed):
            parsed = None  # "Judicial Watch" is no Mr. Watch, whom "Human Rights Watch" is
        if kind == "group" or (kind == "person" and parsed is None):
            result[_key(use)] = GROUP
        elif parsed is not None:
            people.append(PersonUse(_key(use), parsed, use.role, use.date, use.claims))
        else:
            things.append((use, kind))
    for key, (name, kind) in _things(things).items():
        result[key] = Identity(name, kind)
    for key, name in merge_people(people).items():
        result[key] = Identity(name, "person")
    return result


def _order(use: Use) -> tuple[str, str, str]:
    return use.name, use.role or "", use.article


def _key(use: Use) -> Key:
    return use.name, use.role, use.article


def _surnames(uses: list[Use]) -> frozenset[str]:
    """Surnames of the people named in full: "Sanders" is one of them even where an
    article's claims gave it as its own organisation ("the Sanders campaign")."""
    parsed = (person_name(u.name) for u in uses if len(u.name.split()) > 1)
    return frozenset(p.surname.lower() for p in parsed if p is not None and p.full)


def _kind(use: Use, surnames: frozenset[str]) -> IdentityKind:
    """What a use names: the registry's word (an organisation is its own org) first."""
    if party_of(use.name):
        return "organisation"
    if use.country == use.name or country_of(use.name) == use.name:
        return "country"
    if use.org == use.name and not is_description(use.name) and not names_two(use.name) \
            and use.name.lower() not in surnames:
        return "organisation"
    if is_description(use.name) or names_two(use.name) or _place(use.name):
        return "group"
    return kind_of(use.name)


def _place(name: str) -> bool:
    """A US state or city ("West Virginia said"): a place, no one speaker."""
    words = name.lower().split()
    return all(w in PLACES or w in _COMPASS for w in words) and any(w in PLACES for w in words)


def _things(things: list[tuple[Use, EntityKind]]) -> dict[Key, tuple[str, EntityKind]]:
    """Organisations and countries: one per case-insensitive name (a party per canonical
    name), spelled as most claims spell it."""
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for use, _ in things:
        spellings[_thing_key(use.name)][use.name] += use.claims
    best = {k: party_of(k) or min(c, key=lambda s: (-c[s], s)) for k, c in spellings.items()}
    return {_key(use): (best[_thing_key(use.name)], kind) for use, kind in things}


def _thing_key(name: str) -> str:
    return party_of(name) or name.lower()
