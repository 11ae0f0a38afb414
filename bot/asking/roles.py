"""Roles and institutions as speakers: "the chancellor", "the Tory leader", "the French
government", "No 10".

A role phrase is a role noun of the claims ("leader") with the words that qualify it ("Tory");
it means the speakers who spoke under that role at the dates asked, whose mention carries the
qualified phrase ("Tory leader Michael Howard said") or whose country the qualifier names
("French president"). A government, an administration or its officials speak through every
speaker affiliated with their country.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.asking.vocabulary import Vocabulary
from index.attribution.identities.parties import PARTIES
from index.attribution.lexicon.gazetteer import country_of
from index.records import RoleHolder

# Words that make a country's voice of a country name: "the French government".
GOVERNMENT = frozenset(("government", "administration", "authorities", "officials",
                        "leadership", "regime", "cabinet", "ministers"))
# Offices named by a place: "No 10" is Downing Street, the prime minister's office, which
# speaks itself or through the spokesmen of the prime minister; it is not the whole country.
# (the forms attribution files under "Downing Street", so questions and claims agree)
PLACES = {form: name.lower() for form, name in PARTIES.items()
          if name == "Downing Street" and form != name.lower()}
# The roles through which such an office speaks, when it is not a speaker itself.
OFFICE_VOICES = {"downing street": ("downing street spokesman", "prime minister's spokesman",
                                    "downing street spokeswoman",
                                    "prime minister's spokeswoman")}
# Party nicknames a question may use where the articles use the name.
NICKNAMES = {"tory": "conservative", "tories": "conservative", "gop": "republican"}
_FILLER = frozenset(("the", "of", "a", "an"))
# Words that make a role another one: a "deputy prime minister" is no prime minister.
_OTHER = "".join(f"(?<!{w} )" for w in ("deputy", "shadow", "former", "vice", "acting",
                                         "assistant", "junior", "ex", "interim"))


def holders(phrase: str, vocabulary: Vocabulary, since: str | None,
            until: str | None) -> dict[str, int]:
    """Claims by speaker of those who held the role `phrase` names, at the dates asked.

    Args:
        phrase: A lowercase role phrase ("prime minister", "secretary of state").
        vocabulary: The ledger's role holders.
        since: The first date asked about, ISO, or None.
        until: The last date asked about, ISO, or None.

    Returns:
        Empty when `phrase` holds no role of the claims, or no one held it then.
    """
    # "trump's lawyer" is written "Trump lawyer Marc Kasowitz" in the articles, and a named
    # possessor by surname: "Jill Stein's spokeswoman" is "Stein spokeswoman Melezia Figueroa".
    owned = re.match(r"(.+?)['’]s\s+(.+)", phrase)
    forms = {phrase, _unowned(phrase)}
    if owned:
        forms.add(_unowned(f"{owned.group(1).split()[-1]} {owned.group(2)}"))
    phrase = _unowned(phrase)
    words = phrase.split()
    heads = [i for i, w in enumerate(words) if w in vocabulary.by_role]
    if not heads:
        return {}
    head = heads[-1]
    qualifier = [w for w in words[:head] + words[head + 1 :] if w not in _FILLER]
    counts: dict[str, int] = {}
    for holder in vocabulary.by_role[words[head]]:
        if _dated(holder, since, until) and _qualified(holder, forms, qualifier):
            counts[holder.speaker] = counts.get(holder.speaker, 0) + holder.claims
    return counts


def government(phrase: str) -> str | None:
    """The country whose government `phrase` names ("french government" → France), or None."""
    words = phrase.split()
    named = " ".join(words[:-1]) if len(words) > 1 and words[-1] in GOVERNMENT else None
    return (country_of(named) or country_of(named.title())) if named else None


def office_holders(phrase: str, vocabulary: Vocabulary, since: str | None,
                   until: str | None) -> dict[str, int]:
    """Claims by speaker of the voices of the office a place names ("no 10", "downing
    street": its spokesmen), or empty when `phrase` names no such office."""
    office = PLACES.get(phrase, phrase)
    counts: dict[str, int] = {}
    for voice in OFFICE_VOICES.get(office, ()):
        for speaker, n in holders(voice, vocabulary, since, until).items():
            counts[speaker] = counts.get(speaker, 0) + n
    return counts


def _qualified(holder: RoleHolder, phrases: set[str], qualifier: Sequence[str]) -> bool:
    if not qualifier:
        return True
    mention = holder.mention or ""
    forms = phrases | {" ".join(NICKNAMES.get(w, w) for w in p.split()) for p in phrases}
    for form in forms:
        if re.search(rf"(?<![\w-]){_OTHER}{re.escape(form)}(?!\w)", mention):
            return True
    country = country_of(" ".join(qualifier)) or country_of(" ".join(qualifier).title())
    return country is not None and holder.country == country


def _unowned(phrase: str) -> str:
    return re.sub(r"['’]s(?!\w)", "", phrase)


def _dated(holder: RoleHolder, since: str | None, until: str | None) -> bool:
    """Whether the holder's claims under the role overlap the dates asked."""
    if since is None and until is None:
        return True
    first, last = holder.first_date, holder.last_date
    if first is None or last is None:
        return False
    return (since is None or last >= since) and (until is None or first <= until)
