"""Speaker phrases: what a parsed subject says about the speaker, before resolution.

`mention_of` reads the subject of a cue ("China's Foreign Ministry spokesperson Wang Wenbin",
"he", "the ministry", "Trump, who") and returns a `Mention`: the name as written, its
kind, and the role, organisation and country found in its pre-modifiers and appositives.
Resolution against the article's earlier speakers is `index.attribution.speakers.registry`' job.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import pairwise

from index.attribution.language import Token, text_of
from index.attribution.speakers.authors import DOCUMENTS, SPOKES, author_of, spoken_for
from index.attribution.speakers.gazetteer import country_of
from index.attribution.speakers.modifiers import (
    appositive,
    bare_word,
    describe,
    entity_kind,
    is_proper,
    is_role,
    premodifiers,
    purpose_name,
    split_name,
)
from index.attribution.speakers.parties import party_of
from index.attribution.speakers.roles import (
    CAPITALISED_STOP,
    COMPANY_NOUNS,
    FIRST_PERSON,
    GENERIC_SOURCES,
    GOVERNING,
    GROUP_PRONOUNS,
    OFFICES,
    ORG_HEADS,
    PARTY_ADJECTIVES,
    PARTY_NOUNS,
    PERSON_PRONOUNS,
    PLACES,
    RELATIVE_PRONOUNS,
    ROLE_NOUNS,
    THING_PRONOUNS,
)


@dataclass(frozen=True)
class Mention:
    """A speaker as written in one sentence.

    Attributes:
        text: The phrase as written, without appositives and relative clauses.
        kind: "name", "pronoun", "role", "org" (an organisation noun such as "the
            ministry"), "document" (a bare "the report", whose author was named before), or
            "generic" (no one in particular: "officials", "a poll").
        name: The proper name ("Wang Wenbin", "Foreign Ministry", "China"), if any.
        entity: "person", "org" or "country" when the phrase tells.
        role: Role noun such as "spokesperson".
        org: Organisation name or noun ("Foreign Ministry", "ministry").
        country: Canonical country.
        gender: "m" or "f" when a title or pronoun tells.
        possessor: The owner in "his campaign", "Trump's campaign", as a Mention.
        subject_index: Index of the head token in its sentence.
        phrase: The whole subject phrase without relative clauses ("Six in 10 Virginia
            Democratic voters"), the speaker to show when nothing resolves.
        conjuncts: Further speakers of a conjoined subject ("Mr. Grassley and Mr. Leahy").
        document: The name is a document's author ("the report by Nielsen/NetRatings").
    """

    text: str
    kind: str
    name: str | None = None
    entity: str | None = None
    role: str | None = None
    org: str | None = None
    country: str | None = None
    gender: str | None = None
    possessor: Mention | None = None
    subject_index: int = -1
    phrase: str | None = None
    conjuncts: tuple[Mention, ...] = ()
    document: bool = False


def _text(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text


def name_text(tokens: list[Token]) -> str:
    """A name's tokens as written: a hyphen or apostrophe between two of them stays
    ("Lloyd-Price", "Ki-moon"), and a comma, which parts two names ("Railing Against Trump,
    Sanders Vows"); other left-out tokens (a split "Capt" ".") become a space."""
    parts = [tokens[0].text]
    doc = tokens[0].doc
    for before, token in pairwise(tokens):
        between = doc[before.i + 1 : token.i]
        glued = not before.whitespace_ and all(
            t.text in ("-", "'", "’") and not t.whitespace_ for t in between)
        comma = any(t.text == "," for t in between)
        parts.append(between.text if glued else ", " if comma else " ")
        parts.append(token.text)
    return "".join(parts)


def _possessor(head: Token) -> Mention | None:
    for child in head.lefts:
        if child.dep_ == "poss":
            return mention_of(child)
    return None


_PHRASE_CUTS = frozenset({"relcl", "acl", "appos", "punct", "advcl"})
# Prepositions of place: "Democrats on Capitol Hill, who ..." are the Democrats.
_LOCATIVE = frozenset(("on", "in", "at", "from"))


def _names_someone(token: Token) -> bool:
    """A proper noun or name adjective ("Democratic voters") that is no US state, demonym or
    capital ("Florida", "Chinese") and no capitalised common word."""
    bare = bare_word(token.text)
    if not token.text[:1].isupper() or not bare.replace(".", "").isalpha() or bare in PLACES:
        return False
    if bare in CAPITALISED_STOP or bare in GENERIC_SOURCES or is_role(token.text):
        return False
    if not (is_proper(token) or token.tag_ in ("JJ", "NNPS")):
        return False
    previous = token.doc[token.i - 1] if token.i else None
    acronym = len(token.text) > 1 and token.text.isupper()  # "SEIU chief says"
    if token.tag_ == "JJ" and bare not in PARTY_ADJECTIVES and not acronym and (
            previous is None or previous.is_quote or previous.is_space):
        return False  # "Political scientists" at a sentence start: capitalised as its first word
    country = country_of(token.text)
    return country is None or country.lower() == bare or "." in token.text  # "U.S. officials"


def _phrase(head: Token, named: bool = True) -> str | None:
    """The subject phrase without relative clauses, when it holds a name (or, `named`
    False, always); else None."""
    end = head.i
    for child in head.rights:
        if child.dep_ in _PHRASE_CUTS:
            break
        end = child.right_edge.i
    start = head.left_edge.i
    while start < head.i and head.doc[start].is_punct:
        start += 1
    span = head.doc[start : end + 1]
    if named and not any(_names_someone(t) for t in span):
        return None
    return text_of(head.doc)[span.start_char : span.end_char]


def mention_of(head: Token) -> Mention:
    """Describe the speaker phrase whose head is `head`.

    Args:
        head: The subject token of a cue, or the object of "according to".

    Returns:
        The phrase's Mention; kind "generic" when it names no one. Conjoined names ("Mr.
        Grassley and Mr. Leahy") come as `conjuncts`.
    """
    mention = _mention(head)
    phrase = mention.phrase
    if mention.kind in ("generic", "role", "org") and phrase is None:
        phrase = _phrase(head)
    conjuncts = tuple(mention_of(c) for c in (_conjunct(c) for c in head.conjuncts if c.i > head.i)
                      if c is not None)
    if phrase == mention.phrase and not conjuncts:
        return mention
    return replace(mention, phrase=phrase, conjuncts=conjuncts)


def _conjunct(token: Token) -> Token | None:
    """The name a later conjunct adds to the speakers: itself when proper; in "Obama and
    Clinton's reaction", which the parser reads as "Obama" and "Clinton's reaction", the
    possessor after "and", whose 's ends the whole coordination; else None ("Trump and his
    aides")."""
    if is_proper(token):
        return token
    owner = next((c for c in token.lefts if c.dep_ == "poss"), None)
    if owner is None or owner.i != token.left_edge.i or not is_proper(owner) or owner.i == 0:
        return None
    # right after "and": "China, Pyongyang's only ally, said" is an apposition
    return owner if token.doc[owner.i - 1].lower_ == "and" else None


def _mention(head: Token) -> Mention:
    lower = bare_word(head.text)
    if lower in RELATIVE_PRONOUNS and head.dep_.startswith("nsubj"):
        antecedent = _antecedent(head.head.head) if head.head.dep_ == "relcl" else None
        if antecedent is not None and antecedent.i != head.i:
            return replace(mention_of(antecedent), text=head.text, subject_index=head.i)
    if lower in PERSON_PRONOUNS or lower in GROUP_PRONOUNS or lower in THING_PRONOUNS \
            or lower in FIRST_PERSON or lower in ("you",):
        return Mention(head.text, "pronoun", gender=PERSON_PRONOUNS.get(lower),
                       subject_index=head.i)
    seat = _seat(head)
    if seat is not None:
        return seat
    tokens = premodifiers(head)
    modifiers, name_tokens = split_name(tokens)
    role, org, country, gender = describe(modifiers)
    apposed_name, apposed_role = appositive(head)
    if not name_tokens and apposed_name is not None:
        inner = mention_of(apposed_name)
        return replace(inner, text=_text(tokens),
                       role=role or inner.role or (lower if lower in ROLE_NOUNS else None),
                       org=org or inner.org, country=country or inner.country,
                       gender=gender or inner.gender)
    if apposed_role is not None:
        role = role or bare_word(apposed_role.text)
        _, apos_org, apos_country, _ = describe(premodifiers(apposed_role)[:-1])
        org, country = org or apos_org, country or apos_country
    base = Mention(_text(tokens), "generic", role=role, org=org, country=country, gender=gender,
                   subject_index=head.i)
    if name_tokens:
        company = any(bare_word(t.text) in COMPANY_NOUNS for t in modifiers) \
            or _plural_descriptor(modifiers, head)
        return _named(head, name_tokens, base, company)
    return _common(head, lower, base)


def _antecedent(noun: Token) -> Token:
    """What a relative "who" stands for, from the noun the parser hangs its clause on: in
    "McConnell, now the Senate majority leader, who said", the person the apposition
    describes; in "Democrats on Capitol Hill, who have argued", the people, not the place
    they are in."""
    if noun.dep_ == "appos" and noun.head.tag_.startswith("NNP"):
        return noun.head
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ in _LOCATIVE and prep.i > 0:
        # the parser hangs "on Capitol Hill" on the noun or on the verb before it
        people = prep.doc[prep.i - 1]
        if people.tag_ in ("NNS", "NNPS") and people.dep_ != "compound":
            return people
    return noun


def _seat(head: Token) -> Mention | None:
    """ "No 10 said", "Number 10 has said": the prime minister's office, which the parser
    splits into a determiner or a noun and a number; None for other phrases."""
    end = head.i
    for child in head.rights:
        if child.i == end + 1 and child.dep_ == "nummod":
            end = child.i
    text = head.doc[head.left_edge.i : end + 1].text
    if party_of(text) != "Downing Street":
        return None
    return Mention(text, "name", name="Downing Street", entity="org", subject_index=head.i)


def _plural_descriptor(modifiers: list[Token], head: Token) -> bool:
    """ "analysts Jupiter Research", "pollsters YouGov": a plural common noun right before
    one singular name describes a body of people, so the name is an organisation's (people
    listed after it, "analysts Kim Lee and Sam Roe", are conjoined and stay people)."""
    last = modifiers[-1] if modifiers else None
    return last is not None and last.tag_ == "NNS" and not is_proper(last) \
        and head.tag_ == "NNP" and not head.conjuncts


def _named(head: Token, name_tokens: list[Token], base: Mention, company: bool = False
           ) -> Mention:
    """A phrase headed by a proper name: a person, an organisation or a country; with a
    company noun before it ("sportswear firm Umbro"), an organisation."""
    name = name_text(name_tokens)
    if all(bare_word(t.text) in CAPITALISED_STOP for t in name_tokens):
        return Mention(base.text, "generic", subject_index=head.i)  # "Tuesday said"
    entity = entity_kind(name_tokens)
    if company and entity == "person" and base.role is None:
        entity = "org"
    if entity == "country":
        name = country_of(name) or name
        return replace(base, kind="name", name=name, entity=entity, country=name)
    if entity == "org":
        name = purpose_name(name_tokens, head) or name
        # "Commission on Presidential Debates", "Bureau of Labor Statistics"
        for prep in head.rights:
            objects = [c for c in prep.children if c.dep_ == "pobj" and is_proper(c)]
            if prep.dep_ == "prep" and prep.lower_ in ("of", "on", "for") and objects:
                name = text_of(head.doc)[name_tokens[0].idx : objects[0].idx + len(objects[0])]
            break
        org = base.org if base.org and base.org != name else None
        return replace(base, kind="name", name=name, entity=entity, org=org,
                       possessor=_possessor(head))
    return replace(base, kind="name", name=name, entity=entity)


def _office(head: Token) -> str | None:
    """ "the chancellor", "The deputy speaker", "the government": an office as written,
    shown as the speaker when no holder is in sight; None for other roles ("the
    businessman")."""
    if bare_word(head.text) not in OFFICES | GOVERNING or head.tag_ in ("NNS", "NNPS"):
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    text = _phrase(head) or _phrase(head, named=False) or ""
    return "the" + text[3:] if text.startswith("The ") else text


def _governed(head: Token, lower: str, base: Mention, owner: Mention | None) -> str | None:
    """The country whose government speaks: "the Mexican government" and "Saudi Arabia's
    government" speak as the country, as "Mexico's government" does; None for "the federal
    government" or "the Obama government"."""
    if lower != "government":
        return None
    if owner is not None:
        return owner.name if owner.entity == "country" else None
    named = [t for t in premodifiers(head)[:-1] if is_proper(t) and not country_of(t.text)]
    return base.country if not named else None


def _common(head: Token, lower: str, base: Mention) -> Mention:
    """A phrase headed by a common noun: an organisation noun, a role, or no one."""
    org = base.org
    owner = _possessor(head)
    country = _governed(head, lower, base, owner)
    if country is not None:
        return replace(base, kind="name", name=country, entity="country", role=None, org=None,
                       country=country)
    if lower in PARTY_NOUNS and head.text[:1].isupper():
        return replace(base, kind="name", name=head.text, entity="org")
    if lower in ORG_HEADS or (lower in COMPANY_NOUNS and not org):
        if org and org.lower() != lower and org[:1].isupper():
            # "the Jeb Bush campaign", "the Obama administration": a named organisation
            return replace(base, kind="name", name=org, entity="org", role=None, org=None)
        return replace(base, kind="org", entity="org", role=None, org=org or lower,
                       possessor=owner, phrase=_office(head) if owner is None else None)
    indefinite = any((c.dep_ == "det" and c.lower_ in ("a", "an", "another")) or (
        c.dep_ == "nummod" and c.lower_ == "one") for c in head.children)
    if indefinite and lower in SPOKES:
        organisation = spoken_for(head)
        if organisation is not None:
            return replace(base, kind="name", name=organisation, entity="org", role=None,
                           org=None)
        if not any(c.dep_ == "prep" for c in head.rights):
            # "a spokesman said": the organisation in sight speaks (`Registry`)
            return replace(base, kind="role", entity="person", role=lower)
    if lower in DOCUMENTS:
        if owner is not None and owner.kind == "name":
            return replace(owner, text=base.text, subject_index=head.i)  # "Mr Peston's book"
        author = author_of(head)
        if author is not None:
            return replace(base, kind="name", name=author[0], entity=author[1], role=None,
                           org=None, document=True)
        if head.i > 0 and [c.dep_ for c in head.children] == ["det"] \
                and head.doc[head.i - 1].lower_ == "the":
            return replace(base, kind="document")  # "the report": one named before
    if lower in ROLE_NOUNS and lower not in GENERIC_SOURCES and not indefinite:
        # "the spokesperson" refers back; "a spokeswoman for Clinton" introduces someone new
        return replace(base, kind="role", entity="person", role=lower, possessor=owner,
                       phrase=_office(head) if owner is None else None)
    # "His aides": who "his" is tells whose aides they are (`Registry.resolve`)
    if owner is not None and any(is_proper(t) for t in head.subtree):
        owner = None  # "His partner at Lenox, Lawrence Cummings,": the name tells who
    return Mention(base.text, "generic", subject_index=head.i, possessor=owner)
