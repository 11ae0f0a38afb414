"""The entities one article has named so far: registered as they appear, found again by name.

A `Roster` is filled sentence by sentence: names from the parse where a sentence was parsed,
from capitalised runs elsewhere, a fuller form of a name renaming its entity ("Trump" then
"Donald Trump"). `index.attribution.speakers.registry.Registry` adds what a later mention
means.
"""

from __future__ import annotations

from index.attribution.identities.people import clean_person
from index.attribution.speakers.entities import Entity, most_salient_person
from index.attribution.speakers.names import Harvest, gender_of_given_name, name_words, person_like


def _extends_after(known: str, name: str) -> bool:
    """True when `name` holds all of `known` but ends in another word: "Trump" then "Trump
    Train", where a fuller name of the same person ends the same ("Donald Trump")."""
    old, new = name_words(known), name_words(name)
    given = len(old) == 1 and gender_of_given_name(known) is not None  # "Hillary"
    return len(new) > len(old) and new[-1].lower() != old[-1].lower() and not given




class Roster:
    """The entities of one article, by name."""

    def __init__(self, genders: dict[str, str] | None = None,
                 proper: frozenset[str] = frozenset()) -> None:
        self.entities: list[Entity] = []
        self.genders = genders or {}
        self.proper = proper  # lowercase words the article capitalises inside sentences

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
        name = clean_person(name) if kind == "person" else name  # "Republican Donald Trump"
        for thing, thing_kind in ((name, kind), (org, "org")):
            if thing and thing_kind != "person":
                self._not_a_person(thing, thing_kind)
        entity = self.find(name, kind, surname=gender is not None, gender=gender)
        if entity is not None and _extends_after(entity.name, name):
            entity = None  # "Trump Tower" or "Trump Train" is not a fuller name of Trump
        if entity is None:
            entity = Entity(name, kind)
            self.entities.append(entity)
        elif len(name.split()) > len(entity.name.split()) and kind == entity.kind:
            entity.rename(name)  # "Trump" then "Donald Trump": keep the full name
        entity.last = position
        entity.mentions += 1
        if subject:
            entity.last_subject = position
            entity.confirmed = True
        if role:
            entity.roles.add(role)
            entity.role = entity.role or role
        entity.org = entity.org or org
        entity.country = entity.country or country
        surname = entity.name.split()[-1].lower()
        given = gender_of_given_name(entity.name) if kind == "person" else None
        entity.gender = gender or entity.gender or given or self.genders.get(surname)
        entity.confirmed = entity.confirmed or bool(role or gender or surname in self.genders)
        return entity

    def _knighted(self, name: str) -> Entity | None:
        """ "Sir John" after "Sir John Bourn": a knight or a dame is named by the title and
        the given name, so the latest person of that given name."""
        words = name.lower().split()
        if len(words) != 2 or words[0] not in ("sir", "dame"):
            return None
        found = [e for e in self.entities if e.kind == "person" and len(e.name.split()) > 1
                 and e.name.split()[0].lower() == words[1]]
        return max(found, key=lambda e: e.last, default=None)

    def _not_a_person(self, name: str, kind: str) -> None:
        """A capitalised run taken for a person ("spokesman for Ask Jeeves", "Blinkx is
        software") that the parse reads as an organisation, or someone's employer, is one:
        no "he" may mean it any more."""
        for known in self.entities:
            if known.kind == "person" and known.name.lower() == name.lower():
                known.kind = kind

    def find(self, name: str, kind: str | None = None, surname: bool = False,
             gender: str | None = None) -> Entity | None:
        """The entity a name refers to: the same name, or the latest one it is part of.

        Args:
            name: A name as written ("Wang", "Donald Trump").
            kind: Restrict to this kind; a single word may still match a person.
            surname: The name followed a title ("Mr. Paulson"): one word is a last name only.
            gender: Gender a title gives ("Mrs Howard"): a person of the other gender
                ("Michael Howard") is someone else.

        Returns:
            The entity, a surname match preferred over a first-name match, or None.
        """
        words = {w.lower() for w in name_words(name)}
        if not words:
            return None
        knight = self._knighted(name) if kind in (None, "person") else None
        if knight is not None:
            return knight
        best: Entity | None = None
        best_rank: tuple[bool, int, int] = (False, -1, -1)
        for entity in self.entities:
            other_kind = bool(kind) and kind != entity.kind
            if other_kind and not (kind == "person" and len(words) == 1):
                continue
            if gender and entity.gender and entity.gender != gender:
                continue
            if entity.name.lower() == name.lower():
                return entity
            parts = entity.name.lower().split()
            # One word names an entity by its first or last word ("Maddow" is no "Rachel
            # Maddow Show"); after a title ("Mr. Paulson") or for another kind ("Reuters
            # said" for the agency) by its last only.
            ends = {parts[-1]} if surname or other_kind else {parts[0], parts[-1]}
            if len(words) == 1 and not words & ends:
                continue
            if words <= entity.tokens or entity.tokens <= words:
                # a surname beats a first name; then the latest to have been a subject,
                # "Reyes said" after "an image of Anna Reyes" is still Sen. Tom Reyes, who
                # has spoken; then the latest mention
                rank = (len(words) > 1 or parts[-1] in words, entity.last_subject, entity.last)
                if best is None or rank > best_rank:
                    best, best_rank = entity, rank
        return best

    def harvest(self, names: Harvest, position: int, salient: bool = True) -> None:
        """Register the people named in a sentence.

        Args:
            names: The sentence's `harvest_names`.
            position: Sentence position.
            salient: False for names inside quotations: a new person is known (a later
                surname finds the full name) but no pronoun candidate until named outside.
        """
        for name, role, gender, initial in names:
            known = self.find(name, gender=gender)
            if known is not None and not salient:
                continue
            if known is not None:
                known.last = position
                if initial and known.kind == "person" and known.reported != position:
                    known.last_subject = position  # "Sanders is outlining ...": the subject
            elif person_like(name) or (gender and name.isalpha() and name[:1].isupper()):
                # "Mrs Howard" alone: the title tells a person, and who a "she" may be
                count = len(self.entities)
                entity = self.see(name, "person", position, subject=initial and salient,
                                  role=role, gender=gender)
                if not salient and len(self.entities) > count:
                    entity.last = -1

    def harvest_orgs(self, names: list[str], position: int) -> None:
        """Register the organisations named in a sentence (`harvest_orgs`).

        Args:
            names: Organisation names as written.
            position: Sentence position.
        """
        for name in names:
            known = self.find(name, "org")
            if known is None or known.kind != "org":
                self.see(name, "org", position)
            else:
                known.last = position
                known.mentions += 1

    def person_for(self, gender: str | None, position: int,
                   exclude: Entity | None = None) -> Entity | None:
        """The most salient earlier person of a compatible gender.

        Salience falls with the sentences since the last mention and rises for a recent
        subject or speaker; a person of unknown gender stays a candidate.

        Args:
            gender: "m", "f" or None for any.
            position: Sentence position of the pronoun.
            exclude: An entity that cannot be meant.

        Returns:
            The person, or None when no one fits.
        """
        return most_salient_person(self.entities, gender, position, exclude)

    def latest(
        self, kinds: tuple[str, ...], position: int, word: str | None = None
    ) -> Entity | None:
        """The latest entity of the given kinds, whose name or roles hold `word` if given.

        Args:
            kinds: Entity kinds to consider.
            position: Sentence position; later entities are not considered.
            word: A lowercase name word or role ("ministry", "spokesperson").

        Returns:
            The most recently mentioned match, or None.
        """
        found = [
            e for e in self.entities
            if e.kind in kinds and e.last <= position
            and (word is None or word in e.tokens or word in e.roles)
        ]
        return max(found, key=lambda e: e.last, default=None)
