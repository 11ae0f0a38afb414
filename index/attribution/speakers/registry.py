"""The speakers of one article: who has been named so far, and who a later mention means.

A `Registry` is filled sentence by sentence. Names are registered as they appear (from the
parse where a sentence was parsed, from capitalised runs elsewhere), and a later mention is
resolved against them: a surname to the full name ("Wang" -> Wang Wenbin), a pronoun to the
most salient earlier person of the right gender, a role noun ("the spokesperson") or an
organisation noun ("the ministry") to the entity introduced with it.
"""

from __future__ import annotations

from index.attribution.speakers.authors import SPOKES
from index.attribution.speakers.entities import (
    Entity,
    latest_author,
    latest_thing,
    most_salient_person,
)
from index.attribution.speakers.names import Harvest, gender_of_given_name, name_words, person_like
from index.attribution.speakers.people import clean_person, names_two
from index.attribution.speakers.phrases import Mention
from index.attribution.speakers.roles import (
    COMPANY_NOUNS,
    ORG_HEADS,
    PERSON_PRONOUNS,
    PLACES,
    THING_PRONOUNS,
    people_noun,
)


def _extends_after(known: str, name: str) -> bool:
    """True when `name` holds all of `known` but ends in another word: "Trump" then "Trump
    Train", where a fuller name of the same person ends the same ("Donald Trump")."""
    old, new = name_words(known), name_words(name)
    given = len(old) == 1 and gender_of_given_name(known) is not None  # "Hillary"
    return len(new) > len(old) and new[-1].lower() != old[-1].lower() and not given


_COMPASS = frozenset(("new", "north", "south", "east", "west"))  # "New York", "North Carolina"


def _epithet(mention: Mention) -> bool:
    """ "the Vermont senator", "the New York businessman": a role with the place someone is
    from, which US news writes only for a person it has already named, instead of the name."""
    words = name_words(mention.text)
    if not words or words[-1] != mention.role:
        return False  # "the New Hampshire Union Leader" is a newspaper's name
    place = [w.lower() for w in words[:-1] if w[:1].isupper()]
    return bool(place) and all(w in PLACES or w in _COMPASS for w in place)


class Registry:
    """The entities of one article and the resolution of mentions to them."""

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

    def resolve(self, mention: Mention, position: int, subject: bool = True
                ) -> Entity | None:
        """Resolve a speaker mention, registering it when it is a name.

        A phrase that resolves to no one but holds a name ("Six in 10 Virginia Democratic
        voters", "a spokesman for Donald Trump") is kept as written, as an unregistered group.

        Args:
            mention: The speaker phrase of a claim.
            position: Sentence position of the claim.
            subject: False for a name inside what someone says: registered, but not made
                the latest subject, whom a later "he" would mean.

        Returns:
            The entity meant, or None when the mention names no one.
        """
        if not subject and mention.kind == "name" and mention.name:
            return self._resolve_name(mention, position, subject=False)
        entity = self._resolve(mention, position)
        if entity is not None and entity.kind == "person" and mention.kind in ("pronoun", "role"):
            # "he said", "our correspondent added": a mention too, which keeps the person
            # salient for the next "he" as much as the name would
            entity.last = entity.last_subject = max(entity.last, position)
        if entity is None and mention.kind in ("generic", "role"):
            entity = self._people_of(mention, position)
        if entity is None and mention.phrase:
            return Entity(mention.phrase, "group")
        if entity is None and mention.kind == "generic" and self._opens_with_name(mention.text):
            return Entity(mention.text, "group")
        return entity

    def _people_of(self, mention: Mention, position: int) -> Entity | None:
        """ "His aides", "her lawyer": the people of the person "his" or "her" means, shown
        as "Bobby Scott's aides", a group of no identity of its own; None when the
        possessor is no such pronoun or means no one."""
        owner = mention.possessor
        words = mention.text.split()
        if owner is None or owner.kind != "pronoun" or len(words) < 2 \
                or words[0].lower() not in ("his", "her") or not people_noun(words[-1]):
            return None
        person = self._resolve_pronoun(words[0].lower(), position)
        if person is None or person.kind != "person":
            return None
        return Entity(f"{person.name}'s {' '.join(words[1:])}", "group")

    def _opens_with_name(self, phrase: str) -> bool:
        """ "Facebook officials" at a sentence start, where the tagger reads "Facebook" as a
        common noun: the article capitalises the word inside its sentences too."""
        words = name_words(phrase)
        return len(words) > 1 and words[0][:1].isupper() and words[0].lower() in self.proper

    def _resolve(self, mention: Mention, position: int) -> Entity | None:
        if mention.kind == "name" and mention.name:
            return self._resolve_name(mention, position)
        if mention.kind == "pronoun":
            return self._resolve_pronoun(mention.text.lower(), position)
        if mention.kind == "org":
            return self._resolve_org(mention, position)
        if mention.kind == "document":
            return latest_author(self.entities, position)
        if mention.kind == "role" and mention.role:
            return self._resolve_role(mention, position) or self._spoken_for(mention, position)
        capitalised = [w for w in name_words(mention.text or "") if w[:1].isupper()]
        head = capitalised[-1] if capitalised else ""
        if head:
            # A known name the tagger took for a common noun: "Sanders said" (NNS).
            known = self.find(head)
            if known is not None:
                known.last = known.last_subject = position
            return known
        return None

    def _spoken_for(self, mention: Mention, position: int) -> Entity | None:
        """An unnamed spokesman with no organisation in the phrase ("a spokesman said")
        speaks for the organisation named in this sentence or the two before, if any."""
        if mention.role not in SPOKES or mention.possessor is not None:
            return None
        org = self.latest(("org",), position)
        return org if org is not None and org.last >= position - 2 else None

    def _resolve_role(self, mention: Mention, position: int) -> Entity | None:
        """ "the spokesperson": the person introduced with the role. A description with no
        holder in sight ("the businessman") stays unresolved: guessing the most salient
        person was wrong more often than right on PolNeAR's training articles, and so was the
        subject of the sentence before ("Gordon Brown spoke. The chancellor said ..."): PolNeAR
        dev strict F1 -0.0046 for BBC dev recall +0.003."""
        owner = mention.possessor
        if owner is not None and not (owner.kind == "pronoun" and owner.text.lower() == "our"):
            return None  # "Trump's spokesman" is not Trump; "our correspondent" is the outlet's
        holder = self.latest(("person",), position, mention.role)
        if holder is None and _epithet(mention):
            return self.person_for(None, position)
        return holder

    def _resolve_name(self, mention: Mention, position: int, subject: bool = True) -> Entity:
        assert mention.name is not None
        kind = mention.entity or "person"
        if kind == "person" and names_two(mention.name):
            return Entity(mention.name, "group")  # "Smith and Jones": no one person
        org = mention.org
        if org and org.lower() in ORG_HEADS:
            known = self.latest(("org",), position, org.lower())
            org = known.name if known else org.capitalize()
        entity = self.see(mention.name, kind, position, subject=subject, role=mention.role,
                          org=org, country=mention.country, gender=mention.gender)
        if entity.org and not entity.country:
            org_entity = self.find(entity.org, "org")
            entity.country = org_entity.country if org_entity else None
        if not subject:
            entity.reported = position
        if mention.document:
            entity.authored = position
        return entity

    def _resolve_pronoun(self, word: str, position: int) -> Entity | None:
        if word in PERSON_PRONOUNS:
            return self.person_for(PERSON_PRONOUNS[word], position)
        if word in THING_PRONOUNS:
            return self._thing(position)
        return None  # "they", "we": a group, no one entity

    def _thing(self, position: int, most_named: bool = False) -> Entity | None:
        """What "it said" means: the latest organisation or country, or a one-word name
        no title, role or given name marks as a person ("Pernod said ... It added"); for
        "the company", the most named of them (a business story's own company)."""
        return latest_thing(self.entities, self.genders, position, most_named)

    def _resolve_org(self, mention: Mention, position: int) -> Entity | None:
        noun = (mention.org or "").lower().split()[-1:] or [""]
        if mention.possessor is not None:
            owner = self.resolve(mention.possessor, position)
            if owner is None:
                return None
            name = f"{owner.name.split()[-1]} {noun[0]}" if owner.kind == "person" else owner.name
            return self.see(name, "org", position, subject=True, country=owner.country)
        known = self.latest(("org",), position, noun[0])
        if known is None and noun[0] in COMPANY_NOUNS:
            known = self._thing(position, most_named=True)  # "the firm" after "Umbro said"
        return known
