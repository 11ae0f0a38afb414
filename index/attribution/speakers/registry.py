"""The speakers of one article: who a mention means, against who has been named so far.

A `Registry` is a `Roster` (the names registered as they appear) that resolves a later
mention: a surname to the full name ("Wang" -> Wang Wenbin), a pronoun to the most salient
earlier person of the right gender, a role noun ("the spokesperson") or an organisation noun
("the ministry") to the entity introduced with it, "his aides" to the aides of the person "his"
means.
"""

from __future__ import annotations

from index.attribution.identities.people import names_two
from index.attribution.lexicon.roles import (
    COMPANY_NOUNS,
    INDEFINITE_PRONOUNS,
    ORG_HEADS,
    PERSON_PRONOUNS,
    PLACES,
    THING_PRONOUNS,
    people_noun,
)
from index.attribution.mentions.authors import SPOKES
from index.attribution.mentions.mention import Mention
from index.attribution.speakers.entities import Entity, latest_author, latest_thing
from index.attribution.speakers.names import name_words
from index.attribution.speakers.roster import Roster

_COMPASS = frozenset(("new", "north", "south", "east", "west"))  # "New York", "North Carolina"


def _epithet(mention: Mention) -> bool:
    """ "the Vermont senator", "the New York businessman": a role with the place someone is
    from, which US news writes only for a person it has already named, instead of the name."""
    words = name_words(mention.text)
    if not words or words[-1] != mention.role:
        return False  # "the New Hampshire Union Leader" is a newspaper's name
    place = [w.lower() for w in words[:-1] if w[:1].isupper()]
    return bool(place) and all(w in PLACES or w in _COMPASS for w in place)


class Registry(Roster):
    """The entities of one article and the resolution of mentions to them."""

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
        if entity is None and _hypothetical(mention):
            return None
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
            if owner is None or owner.kind == "group":
                return None  # "The Caribbean island's government": the phrase as written
            name = f"{owner.name.split()[-1]} {noun[0]}" if owner.kind == "person" else owner.name
            return self.see(name, "org", position, subject=True, country=owner.country)
        known = self.latest(("org",), position, noun[0])
        if known is None and noun[0] in COMPANY_NOUNS:
            known = self._thing(position, most_named=True)  # "the firm" after "Umbro said"
        return known


def _hypothetical(mention: Mention) -> bool:
    """ "Why would someone like Mr. Clarke want ...?": an indefinite pronoun likened to a
    person names no speaker, and its phrase is no name for the person either (kept as a
    group, it became the canonical name of every later "Mr. Clarke")."""
    words = (mention.phrase or "").lower().split()
    return len(words) > 2 and words[0] in INDEFINITE_PRONOUNS and (
        words[1] == "like" or words[1:3] == ["such", "as"])
