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
from index.names import gender_of_given_name
from index.phrases import Mention
from index.roles import (
    CAPITALISED_STOP,
    DESCRIPTIONS,
    GROUP_PRONOUNS,
    ORG_HEADS,
    ORG_NAMES,
    PERSON_PRONOUNS,
    PLACES,
    ROLE_GENDER,
    ROLE_NOUNS,
    THING_PRONOUNS,
    TITLES,
)

_CAPITALISED_RUN = re.compile(
    r"[A-Z][\w’'.\-]*(?:\s+(?:[A-Z][\w’'.\-]*|(?:de|la|van|von|bin|al|da|di|del|le)\b))*"
)
_POSSESSIVE = re.compile(r"['’]s?$")
_LETTERS = re.compile(r"[^\W\d_]+")
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
    confirmed: bool = False  # seen as a subject, or with a title: a pronoun may refer to it

    @property
    def tokens(self) -> set[str]:
        return {_POSSESSIVE.sub("", t).lower() for t in self.name.split()}


def _words(name: str) -> list[str]:
    return [_POSSESSIVE.sub("", w) for w in name.split()]


def is_title_case(text: str) -> bool:
    """True for a title-case headline: every word longer than three letters capitalised."""
    words = [w for w in _LETTERS.findall(text) if len(w) > 3]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def harvest_names(sentence: str) -> list[tuple[str, str | None, str | None]]:
    """Capitalised name runs of a sentence with the role and gender their titles give.

    Args:
        sentence: Sentence text.

    Returns:
        ``(name, role, gender)`` per run, leading titles and sentence starters removed.
    """
    found: list[tuple[str, str | None, str | None]] = []
    if is_title_case(sentence):
        return found  # a title-case headline is one long capitalised run, not a name
    for m in _CAPITALISED_RUN.finditer(sentence):
        words = _words(m.group())
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
        while words and words[0].lower().rstrip(".") in CAPITALISED_STOP:
            words = words[1:]
        words = [w.rstrip(".") if len(w) > 2 else w for w in words]
        if words and len(words) <= 4 and not all(w.lower() in CAPITALISED_STOP for w in words):
            found.append((" ".join(words), role, gender))
    return found


def _person_like(name: str) -> bool:
    words = name.split()
    lowered = [w.lower() for w in words]
    return (
        2 <= len(words) <= 3
        and all(w.isalpha() and not w.isupper() for w in words)
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
            entity.confirmed = True
        if role:
            entity.roles.add(role)
            entity.role = entity.role or role
        entity.org = entity.org or org
        entity.country = entity.country or country
        surname = entity.name.split()[-1].lower()
        entity.gender = (gender or entity.gender or self.genders.get(surname)
                         or (gender_of_given_name(entity.name) if kind == "person" else None))
        entity.confirmed = entity.confirmed or bool(role or gender or surname in self.genders)
        return entity

    def find(self, name: str, kind: str | None = None) -> Entity | None:
        """The entity a name refers to: the same name, or the latest one it is part of."""
        words = {w.lower() for w in _words(name)}
        if not words:
            return None
        best: Entity | None = None
        best_rank: tuple[bool, int] = (False, -1)
        for entity in self.entities:
            if kind and kind != entity.kind and not (kind == "person" and len(words) == 1):
                continue
            tokens = entity.tokens
            if entity.name.lower() == name.lower():
                return entity
            if words <= tokens or tokens <= words:
                # a surname beats a first name, then the latest mention wins
                rank = (len(words) > 1 or entity.name.split()[-1].lower() in words, entity.last)
                if best is None or rank > best_rank:
                    best, best_rank = entity, rank
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
            if not entity.confirmed and entity.gender is None:
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

    def latest(
        self, kinds: tuple[str, ...], position: int, word: str | None = None
    ) -> Entity | None:
        """The latest entity of the given kinds, whose name or roles hold `word` if given."""
        found = [
            e for e in self.entities
            if e.kind in kinds and e.last <= position
            and (word is None or word in e.tokens or word in e.roles)
        ]
        return max(found, key=lambda e: e.last, default=None)

    def resolve(self, mention: Mention, position: int) -> Entity | None:
        """Resolve a speaker mention, registering it when it is a name.

        A phrase that resolves to no one but holds a name ("Six in 10 Virginia Democratic
        voters", "a spokesman for Donald Trump") is kept as written, as an unregistered group.

        Args:
            mention: The speaker phrase of a claim.
            position: Sentence position of the claim.

        Returns:
            The entity meant, or None when the mention names no one.
        """
        entity = self._resolve(mention, position)
        if entity is None and mention.phrase:
            return Entity(mention.phrase, "group")
        return entity

    def _resolve(self, mention: Mention, position: int) -> Entity | None:
        if mention.kind == "name" and mention.name:
            return self._resolve_name(mention, position)
        if mention.kind == "pronoun":
            return self._resolve_pronoun(mention.text.lower(), position)
        if mention.kind == "org":
            return self._resolve_org(mention, position)
        if mention.kind == "role" and mention.role:
            return self._resolve_role(mention, position)
        head = mention.text.split()[-1] if mention.text else ""
        if head[:1].isupper():
            # A known name the tagger took for a common noun: "Sanders said" (NNS).
            known = self.find(head)
            if known is not None:
                known.last = known.last_subject = position
            return known
        return None

    def _resolve_role(self, mention: Mention, position: int) -> Entity | None:
        """ "the spokesperson": who was introduced with the role; "the businessman": the
        most salient person of that gender when no one was."""
        role = mention.role or ""
        if mention.possessor is not None:
            return None  # "Trump's spokesman" is not Trump
        holder = self.latest(("person",), position, role)
        if holder is not None or role not in DESCRIPTIONS:
            return holder
        if not mention.text.lower().startswith("the "):
            return None
        return self.person_for(ROLE_GENDER.get(role), position)

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
