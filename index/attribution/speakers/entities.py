"""The people, organisations and countries of one article (`Entity`), and which of them a
pronoun means: the most salient person of the right gender for "he"/"she", the latest
organisation for "it", the most named one for "the company". `Registry` keeps them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from index.attribution.speakers.names import name_words


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
    mentions: int = 0  # how often the article names it: "the company" means the most named
    reported: int = -1  # last sentence it was named in as part of what someone said
    authored: int = -1  # last sentence it was named in as a document's author
    tokens: frozenset[str] = frozenset()  # lowercase name words, kept with `rename`

    def __post_init__(self) -> None:
        self.rename(self.name)

    def rename(self, name: str) -> None:
        """Set the name and the lowercase words that later mentions are matched against.

        Args:
            name: The new (fuller) name.
        """
        self.name = name
        self.tokens = frozenset(w.lower() for w in name_words(name))



def most_salient_person(entities: list[Entity], gender: str | None, position: int,
                        exclude: Entity | None = None) -> Entity | None:
    """The most salient earlier person of a compatible gender.

    Salience falls with the sentences since the last mention and rises for a recent
    subject or speaker; a person of unknown gender stays a candidate.

    Args:
        entities: The article's entities so far.
        gender: "m", "f" or None for any.
        position: Sentence position of the pronoun.
        exclude: An entity that cannot be meant.

    Returns:
        The person, or None when no one fits.
    """
    best, best_score = None, float("-inf")
    for entity in entities:
        if entity.kind != "person" or entity is exclude or entity.last < 0:
            continue
        if not entity.confirmed and entity.gender is None:
            continue
        if gender and entity.gender and entity.gender != gender:
            continue
        score = float(entity.last - position)
        if entity.last_subject >= 0:
            score += 1.5 - 0.25 * (position - entity.last_subject)
        if gender and entity.gender == gender:
            score += 1.0
        if score > best_score:
            best, best_score = entity, score
    return best


# Names of laws and pacts, which "it" may mean but which say nothing ("the Fair Sentencing
# Act ... it's too early to discuss").
_LAWS = frozenset(("act", "bill", "amendment", "law", "treaty", "accord", "accords", "code"))


def latest_thing(entities: list[Entity], genders: dict[str, str], position: int,
                 most_named: bool = False) -> Entity | None:
    """What "it said" means: the latest organisation or country, or a one-word name no
    title, role or given name marks as a person ("Pernod said ... It added"); for "the
    company", the most named of them (a business story's own company).

    Args:
        entities: The article's entities so far.
        genders: Surname genders the article tells (`names.infer_genders`).
        position: Sentence position of the mention.
        most_named: Prefer the organisation named most often to the latest.

    Returns:
        The entity, or None.
    """
    found = [
        e for e in entities if e.last <= position
        and e.name.split()[-1].lower() not in _LAWS and (
            e.kind in ("org", "country") or (
                e.kind == "person" and len(e.name.split()) == 1 and e.gender is None
                and not e.roles and e.name.lower() not in genders))
    ]
    if most_named:
        found = [e for e in found if e.kind != "country"]
        return max(found, key=lambda e: (e.mentions, e.last), default=None)
    return max(found, key=lambda e: e.last, default=None)


def latest_author(entities: list[Entity], position: int) -> Entity | None:
    """What "the report" with no author means: the author of the latest document the article
    named one for ("The report by Nielsen/NetRatings found ... the report showed").

    Args:
        entities: The article's entities so far.
        position: Sentence position of the mention.

    Returns:
        The entity, or None when no document's author was named.
    """
    authors = [e for e in entities if 0 <= e.authored <= position]
    return max(authors, key=lambda e: e.authored, default=None)
