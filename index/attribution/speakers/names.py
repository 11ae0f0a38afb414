"""Names in running text: capitalised runs, and the gender of the people they name.

Gender lets "she said" skip "Donald Trump". The article itself is the first evidence (titles,
the pronouns that follow a name; see `infer_genders`); the given-name lists decide when the
article does not. They hold common English given names and names frequent in political news;
ambiguous names (Jordan, Kim, Leslie) are left out on purpose.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from index.attribution.identities.parties import party_of
from index.attribution.lexicon.gazetteer import country_of
from index.attribution.lexicon.given_names import FEMALE, MALE
from index.attribution.lexicon.name_words import ADVERB_ENDING, AUXILIARIES
from index.attribution.lexicon.roles import (
    CAPITALISED_STOP,
    COMPANY_NOUNS,
    ORG_HEADS,
    ORG_NAMES,
    PLACES,
    POSSESSIVE,
    ROLE_NOUNS,
    TIME_OPENERS,
    TITLES,
)

# British titles kept as part of a name ("Lord Falconer", "Dame Judi Dench") tell gender.
_TITLED = {"lord": "m", "sir": "m", "baron": "m", "lady": "f", "dame": "f", "baroness": "f"}


def gender_of_given_name(name: str) -> str | None:
    """Gender of a full name's first word from the lists, or None when not listed.

    Args:
        name: A person's name as written ("Hillary Clinton").

    Returns:
        "f", "m" or None.
    """
    first = name.split()[0].lower().rstrip(".") if name.split() else ""
    if first in _TITLED:
        return _TITLED[first]
    if first in FEMALE and first not in MALE:
        return "f"
    if first in MALE and first not in FEMALE:
        return "m"
    return None


_CAPITALISED_RUN = re.compile(
    r"[A-Z][\w’'.\-]*(?:\s+(?:[A-Z][\w’'.\-]*|(?:de|la|van|von|bin|al|da|di|del|le)\b))*"
)


# Short words that some headline styles leave lowercase.
_TITLE_LOWERCASE = frozenset(("with", "from", "into", "onto", "over", "than", "that", "upon"))


_LETTERS = re.compile(r"[^\W\d_]+")


_HE = re.compile(r"\b(?:he|him|his|himself)\b", re.IGNORECASE)


_SHE = re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE)


# (name, role, gender, opens the sentence) of each capitalised run of a sentence
Harvest = list[tuple[str, str | None, str | None, bool]]


def name_words(name: str) -> list[str]:
    """The words of a name without possessive endings.

    Args:
        name: A name as written ("Hillary Clinton’s").

    Returns:
        Its words ("Hillary", "Clinton").
    """
    return [POSSESSIVE.sub("", w) for w in name.split()]


def is_title_case(text: str) -> bool:
    """True for a title-case headline, whose every word looks like a name to the tagger.

    Args:
        text: Sentence text.

    Returns:
        Whether every word longer than three letters is capitalised ("with", "from" and a
        few other short words may stay lowercase), with at least three such words.
    """
    words = [w for w in _LETTERS.findall(text) if len(w) > 3 and w not in _TITLE_LOWERCASE]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def harvest_names(sentence: str) -> Harvest:
    """Capitalised name runs of a sentence with the role and gender their titles give.

    Args:
        sentence: Sentence text.

    Returns:
        ``(name, role, gender, initial)`` per run, leading titles and sentence starters
        removed; initial tells a run that opens the sentence, most likely its subject.
    """
    found: Harvest = []
    if is_title_case(sentence):
        return found  # a title-case headline is one long capitalised run, not a name
    for start, run in (part for m in _CAPITALISED_RUN.finditer(sentence) for part in _owned(m)):
        words = name_words(run)
        role = gender = None
        # "Florida Sen. Marco Rubio": the name follows the last title or role word
        bare = [w.lower().rstrip(".") for w in words]
        last_title = max((i for i, b in enumerate(bare) if b in TITLES or b in ROLE_NOUNS),
                         default=-1)
        if last_title >= 0:
            title = TITLES.get(bare[last_title])
            role = title[0] if title else bare[last_title]
            gender = title[1] if title else None
            words = words[last_title + 1 :]
        while words and (words[0].lower().rstrip(".") in CAPITALISED_STOP
                         or words[0].lower() in TIME_OPENERS
                         or ADVERB_ENDING.search(words[0].lower())):  # "Unfortunately England"
            words = words[1:]
        if start == 0 and len(words) > 1 and words[0].lower() in _ASKING \
                and sentence.rstrip(" \"”’'").endswith("?"):
            words = words[1:]  # "Will Sanders come down off the pique?": a question's verb
        words = [w.rstrip(".") if len(w) > 2 else w for w in words]
        if words and len(words) <= 4 and not all(w.lower() in CAPITALISED_STOP for w in words):
            found.append((" ".join(words), role, gender, start == 0))
    return found


def _owned(run: re.Match[str]) -> list[tuple[int, str]]:
    """A capitalised run cut after each possessive but the last, with the parts' offsets:
    "Fox News’ Bret Baier" is an owner and a name, "Butz’s Feinstein’s" two names."""
    parts, start = [], run.start()
    for word in re.finditer(r"\S+", run.group()):
        if word.group().endswith(("'s", "’s", "s'", "s’")) and word.end() < len(run.group()):
            parts.append((start, run.string[start : run.start() + word.end()]))
            start = run.start() + word.end() + 1
    parts.append((start, run.string[start : run.end()]))
    return [(at, text.strip()) for at, text in parts if text.strip()]


# Verbs that open a yes-no question before its subject.
_ASKING = AUXILIARIES | {"will", "shall"}

_NAME_WORD = r"[A-Z][\w&’'.-]*"
# a number written after the name is part of it ("pressure group Transport 2000")
_NAME_NUMBER = r"(?:\s+\d{1,4}\b(?![.,]\d))?"
_COMPANY_NAMED = re.compile(
    r"\b(?:" + "|".join(sorted(COMPANY_NOUNS))
    + rf")\s+({_NAME_WORD}(?:\s+(?:{_NAME_WORD}|&))*{_NAME_NUMBER})"
)


# "the Disasters Emergency Committee (DEC)": a name followed by its initials in brackets.
_ACRONYMED = re.compile(
    r"\b([A-Z][\w&’'-]*(?:\s+(?:[A-Z][\w&’'-]*|of|for|and|on|&))+)\s+\(([A-Z]{2,6})\)")
_ACRONYM_SKIP = frozenset(("of", "for", "and", "on", "&", "the"))


def _acronymed(sentence: str) -> list[str]:
    """Names a sentence gives with their initials ("Office of Fair Trading (OFT)"): only
    organisations are named so, and the initials tell where the name starts."""
    found = []
    for m in _ACRONYMED.finditer(sentence):
        words = m.group(1).split()
        letters = m.group(2)
        for start in range(len(words)):
            initials = "".join(w[0] for w in words[start:] if w.lower() not in _ACRONYM_SKIP)
            if initials.upper() == letters and words[start].lower() not in _ACRONYM_SKIP:
                found.append(" ".join(words[start:]))
                break
    return found


def harvest_orgs(sentence: str) -> list[str]:
    """Organisations a sentence names after a company noun ("sportswear firm Umbro", "oil
    giant BP"), which "it" or "the firm" may later mean. (Any capitalised run ending in an
    organisation word, "the Federal Statistics Office", was tried too: on PolNeAR dev its
    "it" then meant a court or a department named in passing, strict F1 -0.0016.)

    Args:
        sentence: Sentence text.

    Returns:
        The names, in sentence order.
    """
    if is_title_case(sentence):
        return []
    named = [" ".join(name_words(m.group(1))) for m in _COMPANY_NAMED.finditer(sentence)]
    return named + [n for n in _acronymed(sentence) if n not in named]


def person_like(name: str) -> bool:
    """True for a capitalised run that reads as a person's full name.

    Args:
        name: A run from `harvest_names`.

    Returns:
        Whether it has two or three plain words, none of them a place, an organisation
        word or a country, and does not end in a party ("the Scottish Conservative leader":
        no surname is a party's name).
    """
    words = name.split()
    lowered = [w.lower() for w in words]
    return (
        2 <= len(words) <= 3
        and all(w.isalpha() and not w.isupper() for w in words)
        and not any(w in PLACES or w in ORG_HEADS or w in ORG_NAMES for w in lowered)
        and not country_of(name)
        and not any(country_of(w) for w in words)
        and party_of(words[-1]) is None
    )


def infer_genders(sentences: Sequence[str], harvested: Sequence[Harvest] | None = None
                  ) -> dict[str, str]:
    """Gender of each person surname, from titles and the pronouns that follow it.

    A pronoun after a name, in its sentence or the next one when no other person is named
    there, is counted for that name; titles (Mr., Ms.) count more. This is weak evidence:
    a title or a listed given name wins over it (see `Registry.see`).

    Args:
        sentences: The article's sentences in order.
        harvested: `harvest_names` of each sentence, when the caller has them already.

    Returns:
        Lowercase surname -> "m" or "f", for surnames with a clear majority.
    """
    votes: dict[str, Counter[str]] = {}
    if harvested is None:
        harvested = [harvest_names(s) for s in sentences]
    for i, names in enumerate(harvested):
        people = {n.split()[-1]: g for n, _, g, _ in names}
        for surname, gender in people.items():
            if gender:
                votes.setdefault(surname.lower(), Counter())[gender] += 3
        if len(people) != 1:
            continue
        surname = next(iter(people))
        # only pronouns after the name can refer back to it
        text = sentences[i][max(0, sentences[i].find(surname)) :]
        surname = surname.lower()
        if i + 1 < len(sentences) and not harvested[i + 1]:
            text += " " + sentences[i + 1]
        counter = votes.setdefault(surname, Counter())
        counter["m"] += len(_HE.findall(text))
        counter["f"] += len(_SHE.findall(text))
    genders = {}
    for surname, counter in votes.items():
        m, f = counter["m"], counter["f"]
        if m + f >= 1 and max(m, f) >= 2 * min(m, f) and m != f:
            genders[surname] = "m" if m > f else "f"
    return genders
