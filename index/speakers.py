"""The speakers of one article: who has been named so far, and who a later mention means.

A `Registry` is filled sentence by sentence. Names are registered as they appear (from the
parse where a sentence was parsed, from capitalised runs elsewhere), and a later mention is
resolved against them: a surname to the full name ("Wang" -> Wang Wenbin), a pronoun to the
most salient earlier person of the right gender, a role noun ("the spokesperson") or an
organisation noun ("the ministry") to the entity introduced with it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from index.gazetteer import country_of
from index.phrases import Mention
from index.roles import (
    CAPITALISED_STOP,
    GROUP_PRONOUNS,
    ORG_HEADS,
    ORG_NAMES,
    PERSON_PRONOUNS,
    PLACES,
    ROLE_NOUNS,
    THING_PRONOUNS,
    TITLES,
)

_CAPITALISED_RUN = re.compile(
    r"[A-Z][\w’'.\-]*(?:\s+(?:[A-Z][\w’'.\-]*|de|la|van|von|bin|al|da|di|del|le))*"
)
_POSSESSIVE = re.compile(r"['’]s?$")
_HE = re.compile(r"\b(?:he|him|his|himself)\b", re.IGNORECASE)
_SHE = re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE)


@dataclass
class Entity:
    """A person, organisation or country named in the article."""

    name: str
    kind: str
    gender: str | None = None
    role: str | None = None
    org: str | None = None
    country: str | None = None
    roles: set[str] = field(default_factory=set)
    last: int = -1
    last_subject: int = -1

    @property
    def tokens(self) -> set[str]:
        return {_POSSESSIVE.sub("", t).lower() for t in self.name.split()}


def _words(name: str) -> list[str]:
    return [_POSSESSIVE.sub("", w) for w in name.split()]


def harvest_names(sentence: str) -> list[tuple[str, str | None, str | None]]:
    """Capitalised name runs of a sentence with the role and gender their titles give.

    Args:
        sentence: Sentence text.

    Returns:
        ``(name, role, gender)`` per run, leading titles and sentence starters removed.
    """
    found: list[tuple[str, str | None, str | None]] = []
    words = sentence.split()
    if len(words) >= 4 and sum(w[:1].isupper() for w in words) > 0.7 * len(words):
        return found  # a title-case headline is one long capitalised run, not a name
    for m in _CAPITALISED_RUN.finditer(sentence):
        words = _words(m.group())
        role = gender = None
        while words and (words[0].lower().rstrip(".") in CAPITALISED_STOP
                         or words[0].lower().rstrip(".") in TITLES
                         or words[0].lower() in ROLE_NOUNS):
            title = TITLES.get(words[0].lower().rstrip("."))
            if title:
                role, gender = title[0] or role, title[1] or gender
            words = words[1:]
        words = [w.rstrip(".") if len(w) > 2 else w for w in words]
        if words and len(words) <= 4 and not all(w.lower() in CAPITALISED_STOP for w in words):
            found.append((" ".join(words), role, gender))
    return found


def _person_like(name: str) -> bool:
    words = name.split()
    lowered = [w.lower() for w in words]
    return (
        len(words) >= 2
        and not any(w in PLACES or w in ORG_HEADS or w in ORG_NAMES for w in lowered)
        and not country_of(name)
        and not any(country_of(w) for w in words)
    )


def infer_genders(sentences: Sequence[str]) -> dict[str, str]:
    """Gender of each person surname, from titles and the pronouns that follow it.

    A pronoun after a name, in its sentence or the next one when no other person is named
    there, is counted for that name; titles (Mr., Ms.) count more.

    Args:
        sentences: The article's sentences in order.

    Returns:
        Lowercase surname -> "m" or "f", for surnames with a clear majority.
    """
    votes: dict[str, Counter[str]] = {}
    harvested = [harvest_names(s) for s in sentences]
    for i, names in enumerate(harvested):
        people = {n.split()[-1].lower(): g for n, _, g in names if len(n.split()) >= 1}
        for surname, gender in people.items():
            if gender:
                votes.setdefault(surname, Counter())[gender] += 3
        if len(people) != 1:
            continue
        surname = next(iter(people))
        text = sentences[i]
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


class Registry:
    """The entities of one article and the resolution of mentions to them."""

    def __init__(self, genders: dict[str, str] | None = None) -> None:
        self.entities: list[Entity] = []
        self.genders = genders or {}

    def see(self, name: str, kind: str, position: int, *, subject: bool = False,
            role: str | None = None, org: str | None = None, country: str | None = None,
            gender: str | None = None) -> Entity:
        """Register a mention of a name, merging it with an earlier entity it completes.

        Args:
            name: The name as written.
            kind: "person", "org" or "country".
            position: Sentence position of the mention.
            subject: True when the mention is a speaker or a subject.
            role: Role noun given with the mention.
            org: Organisation given with the mention.
            country: Country given with the mention.
            gender: Gender given by a title.

        Returns:
            The (new or updated) entity.
        """
        entity = self.find(name, kind)
        if entity is None:
            entity = Entity(name, kind)
            self.entities.append(entity)
        elif len(name.split()) > len(entity.name.split()) and kind == entity.kind:
            entity.name = name  # "Trump" then "Donald Trump": keep the full name
        entity.last = position
        if subject:
            entity.last_subject = position
        if role:
            entity.roles.add(role)
            entity.role = entity.role or role
        entity.org = entity.org or org
        entity.country = entity.country or country
        surname = entity.name.split()[-1].lower()
        entity.gender = gender or entity.gender or self.genders.get(surname)
        return entity

    def find(self, name: str, kind: str | None = None) -> Entity | None:
        """The entity a name refers to: the same name, or the latest one it is part of."""
        words = {w.lower() for w in _words(name)}
        if not words:
            return None
        best: Entity | None = None
        for entity in self.entities:
            if kind and kind != entity.kind and not (kind == "person" and len(words) == 1):
                continue
            tokens = entity.tokens
            if entity.name.lower() == name.lower():
                return entity
            if (words <= tokens or tokens <= words) and (
                best is None or entity.last > best.last
            ):
                best = entity
        return best

    def harvest(self, sentence: str, position: int) -> None:
        """Register the people named in a sentence that was not parsed."""
        for name, role, gender in harvest_names(sentence):
            known = self.find(name)
            if known is not None:
                known.last = position
            elif _person_like(name):
                self.see(name, "person", position, role=role, gender=gender)

    def person_for(self, gender: str | None, position: int,
                   exclude: Entity | None = None) -> Entity | None:
        """The most salient earlier person of a compatible gender."""
        best, best_score = None, float("-inf")
        for entity in self.entities:
            if entity.kind != "person" or entity is exclude or entity.last < 0:
                continue
            if gender and entity.gender and entity.gender != gender:
                continue
            score = -(position - entity.last)
            if entity.last_subject >= 0:
                score += 1.5 - 0.25 * (position - entity.last_subject)
            if gender and entity.gender == gender:
                score += 1.0
            if score > best_score:
                best, best_score = entity, score
        return best

    def latest(self, kinds: tuple[str, ...], position: int, word: str | None = None) -> Entity | None:
        """The latest entity of the given kinds, whose name or roles hold `word` if given."""
        found = [
            e for e in self.entities
            if e.kind in kinds and e.last <= position
            and (word is None or word in e.tokens or word in e.roles)
        ]
        return max(found, key=lambda e: e.last, default=None)

    def resolve(self, mention: Mention, position: int) -> Entity | None:
        """Resolve a speaker mention, registering it when it is a name.

        Args:
            mention: The speaker phrase of a claim.
            position: Sentence position of the claim.

        Returns:
            The entity meant, or None when the mention names no one that can be found.
        """
        if mention.kind == "name" and mention.name:
            return self._resolve_name(mention, position)
        if mention.kind == "pronoun":
            return self._resolve_pronoun(mention.text.lower(), position)
        if mention.kind == "org":
            return self._resolve_org(mention, position)
        if mention.kind == "role" and mention.role:
            if mention.possessor is not None:
                return None  # "Trump's spokesman" is not Trump
            return self.latest(("person",), position, mention.role)
        head = mention.text.split()[-1] if mention.text else ""
        if head[:1].isupper():
            # A known name the tagger took for a common noun: "Sanders said" (NNS).
            known = self.find(head)
            if known is not None:
                known.last = known.last_subject = position
            return known
        return None

    def _resolve_name(self, mention: Mention, position: int) -> Entity:
        assert mention.name is not None
        kind = mention.entity or "person"
        org = mention.org
        if org and org.lower() in ORG_HEADS:
            known = self.latest(("org",), position, org.lower())
            org = known.name if known else org.capitalize()
        entity = self.see(mention.name, kind, position, subject=True, role=mention.role,
                          org=org, country=mention.country, gender=mention.gender)
        if entity.org and not entity.country:
            org_entity = self.find(entity.org, "org")
            entity.country = org_entity.country if org_entity else None
        return entity

    def _resolve_pronoun(self, word: str, position: int) -> Entity | None:
        if word in PERSON_PRONOUNS:
            return self.person_for(PERSON_PRONOUNS[word], position)
        if word in THING_PRONOUNS:
            return self.latest(("org", "country"), position)
        if word in GROUP_PRONOUNS:
            return None
        return None

    def _resolve_org(self, mention: Mention, position: int) -> Entity | None:
        noun = (mention.org or "").lower().split()[-1:] or [""]
        if mention.possessor is not None:
            owner = self.resolve(mention.possessor, position)
            if owner is None:
                return None
            name = f"{owner.name.split()[-1]} {noun[0]}" if owner.kind == "person" else owner.name
            return self.see(name, "org", position, subject=True, country=owner.country)
        return self.latest(("org",), position, noun[0])
