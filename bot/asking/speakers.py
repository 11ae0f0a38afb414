"""Who a speaker phrase of a question means, ranked: exact name, full name, surname, role.

A phrase resolves, in this order, to: a speaker whose name or alias it is ("Bill Clinton"); a
country ("the Chinese", "Beijing"), which speaks through every speaker affiliated with it; an
organisation; a speaker whose first and last names it gives ("Donald J. Trump"); the dominant
bearer of a surname ("Clinton": the Clinton with most claims, not a speaker known only as
"Clinton", who is one more bearer of it); the holder of a role at the dates asked ("the
president"). When a runner-up is close, it is offered ("Did you mean …?").
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from bot.asking.roles import OFFICE_VOICES, PLACES, government, holders, office_holders
from bot.asking.vocabulary import Vocabulary
from index.attribution.lexicon.gazetteer import country_of
from index.attribution.lexicon.roles import POSSESSIVE, ROLE_NOUNS, TITLES

# A runner-up with at least this share of the chosen speaker's claims is offered instead.
CLOSE = 0.5
Match = Literal["exact", "country", "organisation", "full name", "surname", "role"]
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Resolution:
    """What a speaker phrase resolved to.

    Attributes:
        filters: The filter it stands for: ``{"speaker": …}``, ``{"country": …}`` or
            ``{"org": …}``.
        name: The speaker, country or organisation chosen.
        match: How it was found.
        others: Close runners-up, best first ("Did you mean …?").
    """

    filters: Mapping[str, Any]
    name: str
    match: Match
    others: tuple[str, ...] = field(default=())


def resolve(phrase: str, vocabulary: Vocabulary, since: str | None = None,
            until: str | None = None) -> Resolution | None:
    """The best match of a speaker phrase in the ledger, or None.

    Args:
        phrase: The speaker as a question names it ("Trump", "the Chinese", "the president").
        vocabulary: The ledger's names.
        since: The first date the question asks about: a role is held at its dates.
        until: The last date the question asks about.
    """
    name = clean(phrase)
    found = _resolve(name, vocabulary, since, until)
    words = name.split()
    while found is None and len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]  # "Mr. Trump", "President Obama": the name after the title
        found = _resolve(" ".join(words), vocabulary, since, until)
    return found


def _resolve(name: str, vocabulary: Vocabulary, since: str | None,
             until: str | None) -> Resolution | None:
    lowered = name.lower()
    words = lowered.split()
    if not words:
        return None
    if lowered in PLACES or lowered in OFFICE_VOICES:
        return _office(lowered, vocabulary, since, until)
    exact = vocabulary.by_alias.get(lowered, frozenset())
    if country := next((i for i in exact if country_of(i) == i), None):
        return Resolution({"country": country}, country, "country")
    speaking = next((i for i in exact if i.lower() == lowered), None) if len(words) > 1 else None
    if speaking and lowered in vocabulary.orgs_by_name and (
            vocabulary.members.get(speaking, 0) or vocabulary.members.get(lowered, 0)):
        # An organisation that speaks and has members ("the Foreign Ministry" and its
        # spokesman) speaks through both; the ledger may spell it in either case.
        return Resolution({"org": speaking}, speaking, "organisation")
    if exact and len(words) > 1:
        return _pick(exact, vocabulary.claims, "exact")
    if country := country_of(name) or country_of(name.title()):
        return Resolution({"country": country}, country, "country")
    # One word is a surname: a speaker known only by it is one more bearer of it.
    bearers = exact | vocabulary.by_surname.get(lowered, frozenset()) if len(words) == 1 else ()
    if (org := vocabulary.orgs_by_name.get(lowered)) and _outweighs(org, bearers, vocabulary):
        return Resolution({"org": org}, org, "organisation")
    if (words[-1] in ROLE_NOUNS or words[-1] in vocabulary.by_role) and (
            held := _role(lowered, vocabulary, since, until)):
        return held  # "the president" is whoever was president, not a "President X"
    if len(words) > 1:
        return _full_name(words, vocabulary) or _role(lowered, vocabulary, since, until)
    if bearers:
        return _pick(bearers, vocabulary.claims, "exact" if exact == bearers else "surname")
    return _role(lowered, vocabulary, since, until)


def _outweighs(org: str, bearers: Iterable[str], vocabulary: Vocabulary) -> bool:
    """Whether an organisation speaks more, itself and through its members, than the
    dominant bearer of the same word ("Sanders" is Bernie Sanders, not a "Sanders" org)."""
    weight = vocabulary.members.get(org, 0) + vocabulary.claims.get(org, 0)
    return weight >= max((vocabulary.claims.get(b, 0) for b in bearers if b != org), default=0)


def close_names(phrase: str, vocabulary: Vocabulary, limit: int = 3) -> list[str]:
    """Speakers whose names are spelt like `phrase` ("Hilary Clinton" → Hillary Clinton), the
    closest first; names much further off than the closest are left out."""
    name = clean(phrase).lower()
    if not name:
        return []
    by_lower: dict[str, str] = {}
    for identity in vocabulary.names:
        by_lower.setdefault(identity.lower(), identity)
    found = difflib.get_close_matches(name, list(by_lower), n=limit * 3, cutoff=0.75)
    ratios = {n: difflib.SequenceMatcher(None, name, n).ratio() for n in found}
    best = max(ratios.values(), default=0.0)
    kept = [n for n in found if ratios[n] >= best - 0.1]
    return [by_lower[n] for n in kept[:limit]]


def clean(phrase: str) -> str:
    """A speaker phrase without its article and possessive ("the Clintons'" → "Clintons")."""
    words = _ARTICLE.sub("", phrase.strip()).replace("’", "'").split()
    if words:
        words[-1] = POSSESSIVE.sub("", words[-1]) or words[-1]
    return " ".join(words).strip(" ,;:")


def _full_name(words: list[str], vocabulary: Vocabulary) -> Resolution | None:
    """First and last name ("Donald J. Trump"), or a name after words of a role ("Speaker
    Paul Ryan", "Secretary of State John Kerry")."""
    for start in range(len(words) - 1):
        tail = [w.replace(".", "") for w in words[start:]]
        exact = vocabulary.by_alias.get(" ".join(words[start:]), frozenset())
        found = exact or vocabulary.by_full_name.get((tail[0], tail[-1]), frozenset())
        if found:
            return _pick(found, vocabulary.claims, "exact" if start == 0 and exact
                         else "full name")
    return None


def _role(phrase: str, vocabulary: Vocabulary, since: str | None,
          until: str | None) -> Resolution | None:
    """The speaker who spoke most under the role `phrase` names at the dates asked, or the
    country whose government it names."""
    counts = holders(phrase, vocabulary, since, until)
    if counts:
        return _pick(counts, counts, "role")
    if country := government(phrase):
        return Resolution({"country": country}, country, "country")
    return None


def _office(phrase: str, vocabulary: Vocabulary, since: str | None,
            until: str | None) -> Resolution | None:
    """The office a place names ("No 10"): the office itself where it speaks, else its
    spokesmen; never the whole country, whose other speakers do not speak for it."""
    office = PLACES.get(phrase, phrase)
    if named := vocabulary.by_alias.get(office):
        return _pick(named, vocabulary.claims, "exact")
    if org := vocabulary.orgs_by_name.get(office):
        return Resolution({"org": org}, org, "organisation")
    counts = office_holders(office, vocabulary, since, until)
    return _pick(counts, counts, "role") if counts else None


def _pick(candidates: Iterable[str], claims: Mapping[str, int], match: Match) -> Resolution:
    """The candidate with most claims, with the runners-up close to it."""
    ranked = sorted(candidates, key=lambda i: (-claims.get(i, 0), i))
    best = ranked[0]
    floor = CLOSE * claims.get(best, 0)
    others = tuple(i for i in ranked[1:3] if claims.get(i, 0) >= max(floor, 1))
    return Resolution({"speaker": best}, best, match, others)
