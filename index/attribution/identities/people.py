"""People's names: which words of a speaker string are the name, parsed with nameparser.

A name as the parser or a capitalised run gives it may carry words that are no part of it: a
party ("Republican Donald Trump"), a role ("Media Coordinator Dan Lee", "DJ Mike Read"), a
verb or an adverb of the sentence ("Said Ellis", "Smith Angrily"), a title ("Sen. Ted Cruz").
`person_name` drops them and parses the rest with nameparser, which knows particles ("Bill de
Blasio", "Osama bin Laden") and suffixes ("Donald Trump Jr."); a hyphenated name stays one word
("Anne Lloyd-Price"). A string that names two people ("Smith and Jones") is no one's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nameparser import HumanName
from nameparser.config import CONSTANTS

from index.attribution.lexicon.given_names import FEMALE, MALE
from index.attribution.lexicon.name_words import (
    ABBREVIATED_TITLES,
    ADVERB_ENDING,
    AUXILIARIES,
    DESCRIPTORS,
    FUNCTION_WORDS,
    LEADING_ADVERBS,
    MORE_TITLES,
    PEERAGE,
)
from index.attribution.lexicon.roles import (
    CAPITALISED_STOP,
    ORG_NAMES,
    PARTY_WORDS,
    POSSESSIVE,
    POST_NOMINALS,
    ROLE_NOUNS,
    TIME_OPENERS,
    TITLES,
)
from index.attribution.lexicon.verbs import form_table

# Suffixes that tell one person from another of the same name; nameparser's others ("MP",
# "PhD", "QC") are roles or degrees, dropped.
SUFFIXES = frozenset(("jr", "sr", "ii", "iii", "iv", "jnr", "snr", "junior", "senior"))
_SUFFIX_FORM = {"jnr": "jr", "junior": "jr", "snr": "sr", "senior": "sr"}

# Sentence starters; months that are given names ("April Ryan", "June Carter") are kept.
_STARTERS = (CAPITALISED_STOP | TIME_OPENERS) - {"april", "may", "june", "august"}
_GERUND = re.compile(r"[a-z]{4,}ing$")
# Prepositions after which a phrase says where someone is, not who ("King of New York",
# "Republicans on Capitol Hill").
_WHERE = frozenset(("of", "at", "from", "on", "in"))

_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_PARTY_TAG = re.compile(r"\([RDI](?:-[\w.]+)?\)")  # "(D)", "(R-Texas)", "(D-N.Y.)"
_CONJUNCTION = re.compile(r"\s(?:and|&)\s|,(?!\s*(?:jr|sr|ii|iii|iv)\b)", re.IGNORECASE)
_TRAILING = re.compile(r"[.,;:]+$")


@dataclass(frozen=True)
class PersonName:
    """A person's name split into its parts.

    Attributes:
        text: The name as written, without the words that are no part of it.
        given: The first name or initial ("" when only a surname is written).
        middle: Middle names and initials.
        surname: The last name with its particles ("de Blasio").
        suffix: "jr", "sr", "ii"... lowercase, or "".
    """

    text: str
    given: str
    middle: str
    surname: str
    suffix: str

    @property
    def full(self) -> bool:
        """True when a first name (or initial) comes with the surname."""
        return bool(self.given)


def names_two(name: str) -> bool:
    """True for a string that lists people or groups ("Smith and Jones", "A, B and C").

    Args:
        name: A speaker string.

    Returns:
        Whether a conjunction or a list comma joins capitalised words.
    """
    parts = [p for p in _CONJUNCTION.split(name) if p.strip()]
    return len(parts) > 1 and all(p.strip()[:1].isupper() for p in parts)


def is_non_name(word: str, leading: bool = True) -> bool:
    """True for a capitalised word that is never part of a person's name: a verb form or an
    adverb anywhere; before a name also a party, a role or title, or a sentence starter.

    Args:
        word: A word as written ("Republican", "Said", "Angrily").
        leading: The word comes before the name (trailing roles are surnames: "Angus King").

    Returns:
        Whether the word is to be dropped from a name.
    """
    bare = _bare(word)
    if bare in FEMALE or bare in MALE or bare in SUFFIXES:
        return False  # "Hope", "Mark": given names first
    if bare in _verb_forms() or ADVERB_ENDING.search(bare) or bare in AUXILIARIES:
        return True
    if not leading:
        return False
    acronym = len(bare) > 2 and word.isupper() and word.isalpha()  # "NBC Dante Chinni"
    return (bare in PARTY_WORDS or bare in ROLE_NOUNS or bare in TITLES or bare in MORE_TITLES
            or bare in _STARTERS or bare in DESCRIPTORS or bare in ORG_NAMES or acronym
            or bare in LEADING_ADVERBS
            or bool(_GERUND.search(bare)))


def _bare(word: str) -> str:
    return POSSESSIVE.sub("", word).lower().rstrip(".").replace("’", "'")


@lru_cache(maxsize=1)
def _verb_forms() -> frozenset[str]:
    # Only inflected forms: a bare lemma can be a name ("Post", "Hope", "Charge").
    return frozenset(f for f, (lemma, _) in form_table().items() if f != lemma)


@lru_cache(maxsize=1 << 16)
def person_name(name: str) -> PersonName | None:
    """Parse a person's name, dropping the words that are no part of it.

    Args:
        name: A speaker string ("Republican Donald Trump", "Loretta E. Lynch").

    Returns:
        The name's parts, or None when no name is left or the string names two people.
        Cached: nameparser takes about 0.3 ms a name, and news repeats names.
    """
    if names_two(name):
        return None
    words = _where_cut(_words_of(name))
    if words is None or _clause_led(words):
        return None
    words = _trimmed(words)
    return _parsed(words) if _name_shaped(words) else None


def _words_of(name: str) -> list[str]:
    """The words of a speaker string, without an owner before the name ("Fox News’ Bret
    Baier"), party tags ("(D-N.Y.)") and possessive endings."""
    words = [w if len(w) < 3 or _INITIALS.fullmatch(w) or _bare(w) in SUFFIXES
             else _TRAILING.sub("", w) for w in name.replace(",", " ").split()]
    words = _after_owner([w for w in words if w and not _PARTY_TAG.fullmatch(w)])
    return [POSSESSIVE.sub("", w) if w[-2:] in ("'s", "’s") else w for w in words]


def _clause_led(words: list[str]) -> bool:
    """An adverb before a verb form opens a clause, not a name ("Newly Released Document")."""
    if len(words) < 2:
        return False
    verb = _bare(words[1])
    return _bare(words[0]) in LEADING_ADVERBS and (verb in _verb_forms() or (
        verb.endswith("ed") and len(verb) > 4 and verb not in FEMALE and verb not in MALE))


def _where_cut(words: list[str]) -> list[str] | None:
    """The words before a preposition of place ("Peter T. King of New York"), or after an
    office "of" something ("Secretary of State Ken Detzner"), an age dropped; None for a
    party where it sits ("Republicans on Capitol Hill")."""
    cut = next((i for i, w in enumerate(words) if i and w in _WHERE), len(words))
    if cut == 1 and _bare(words[0]) in PARTY_WORDS:
        return None
    if cut < len(words) - 3 and words[cut] == "of" and _is_role(words[cut - 1]) \
            and not _after_given(words, cut - 1):
        words = words[cut + 2 :]
    elif cut > 1:
        words = words[:cut]  # "Friends of Mr. Clinton's" stays a phrase
    while len(words) > 2 and words[-1].isdigit() and words[-2][:1].isupper():
        words = words[:-1]  # "Joy Alessi, 50, of Houston": her age; not "Six in 10"
    return words


def _trimmed(words: list[str]) -> list[str]:
    """The words after the last role ("New York City Public Advocate Trish James"; "Lord
    Falconer" is how a peer is named), without starters, verbs and letters around them."""
    lower = next((i for i, w in enumerate(words) if w[:1].islower()), len(words))
    roles = [i for i, w in enumerate(words[: lower - 1]) if _is_role(w)
             and not _after_given(words, i)]
    if roles and not _peer(words[roles[-1] :]):
        words = words[roles[-1] + 1 :]
    while len(words) > 1 and is_non_name(words[0]) and not _peer(words):
        words = words[1:]
    while len(words) > 1 and (is_non_name(words[-1], leading=False) or words[-1] in POST_NOMINALS
                              or _bare(words[-1]) in _STARTERS):
        words = words[:-1]
    return words


def _name_shaped(words: list[str]) -> bool:
    """Whether trimmed words can be a person's name: no verb, number or title-cased function
    word after the first ("Article 33", "Win For Bernie"), no party ("New York Democrat"), no
    lowercase word but a particle ("Obama strategist")."""
    if not words or any(is_non_name(w, leading=False) or any(c.isdigit() for c in w) or (
            w[:1].isupper() and w.lower() in FUNCTION_WORDS) for w in words[1:]):
        return False
    if (len(words) == 1 and is_non_name(words[0])) or any(
            _bare(w) in PARTY_WORDS for w in words):
        return False
    return (words[0][:1].isupper() or words[0].lower() in CONSTANTS.prefixes) and not any(
        w[:1].islower() and w.lower() not in CONSTANTS.prefixes for w in words)


def title_led(name: PersonName) -> bool:
    """True for a surname-only name whose first words nameparser reads as a title that
    `person_name` kept, being none of ours ("Judicial Watch", "Right Wing Watch", "National
    Convention"): an organisation's name more likely than a person's; a peer ("Lord
    Falconer") is a person.

    Args:
        name: A parsed name.

    Returns:
        Whether the name opens with such a title.
    """
    words = name.text.split()
    return not name.full and len(words) > 1 and not _peer(words) \
        and bool(HumanName(name.text).title)


def clean_person(name: str) -> str:
    """A person's name without the words that are no part of it, else the name as given.

    Args:
        name: A name as written ("Republican Donald Trump").

    Returns:
        The name ("Donald Trump"); a single word or an unparsable name unchanged.
    """
    parsed = person_name(name) if len(name.split()) > 1 else None
    return parsed.text if parsed is not None else name


def _after_owner(words: list[str]) -> list[str]:
    """The words after the last possessive that two or more capitalised words follow:
    "Fox News’ Bret Baier" is Bret Baier, "Germany’s Chancellor Angela Merkel" the
    chancellor."""
    owned = ("'s", "’s", "s'", "s’")
    if len(words) == 2 and all(w.endswith(owned) for w in words):
        return []  # "Butz’s Feinstein’s/54 Below": an owner's thing's owner, no one's name
    owners = [i for i, w in enumerate(words[:-2]) if w.endswith(owned)
              and all(x[:1].isupper() for x in words[i + 1 :])]
    return words[owners[-1] + 1 :] if owners else words


def _is_role(word: str) -> bool:
    bare = _bare(word)
    return bare not in FEMALE and bare not in MALE and (
        bare in ROLE_NOUNS or bare in TITLES or bare in DESCRIPTORS)


def _after_given(words: list[str], i: int) -> bool:
    """A role word right after a given name or an initial is a surname ("Peter T. King");
    an abbreviated title never is ("Virginia Gov Terry McAuliffe")."""
    if _bare(words[i]) in ABBREVIATED_TITLES:
        return False
    before = _bare(words[i - 1]) if i else ""
    return bool(i) and (before in FEMALE or before in MALE or bool(_INITIALS.fullmatch(
        words[i - 1])))


def _peer(words: list[str]) -> bool:
    return len(words) == 2 and words[0].lower().rstrip(".") in PEERAGE


def _parsed(words: list[str]) -> PersonName:
    parsed = HumanName(" ".join(words))
    suffixes = [s for s in re.split(r"[\s,]+", parsed.suffix) if s]
    kept = [s for s in suffixes if s.lower().rstrip(".") in SUFFIXES]
    suffix = kept[0].lower().rstrip(".") if kept else ""
    given, middle, surname = parsed.first, parsed.middle, parsed.last
    if not surname and given and len(suffixes) == 1 and not kept and words[-1] == suffixes[0] \
            and suffixes[0][1:].islower():
        surname, suffixes = suffixes[0], []  # "Elward Edd" is no Elward with a doctorate
    if not surname or (parsed.title and not given):  # "Trump", "Elizabeth II", "Lord Falconer"
        given, middle, surname = "", "", surname or given or words[-1]
    shown = [w for w in words if w not in suffixes or w in kept]
    return PersonName(" ".join(shown), given, middle, surname,
                      _SUFFIX_FORM.get(suffix, suffix))
