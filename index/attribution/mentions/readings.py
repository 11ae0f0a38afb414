"""Speaker phrase readings: what a phrase headed by a name or by a common noun stands for.

`named` tells a person from an organisation or a country; `common` reads an organisation noun
("the ministry"), a role ("the spokesman"), a government ("the Mexican government"), a document
("the report by Nielsen") or no one. `phrase_text` is the phrase shown when nothing resolves.
`index.attribution.mentions.phrases` calls them on the head of a parsed subject.
"""

from __future__ import annotations

from dataclasses import replace

from index.attribution.language import Token, text_of
from index.attribution.lexicon.gazetteer import country_of
from index.attribution.lexicon.given_names import GIVEN
from index.attribution.lexicon.roles import (
    CAPITALISED_STOP,
    COMPANY_NOUNS,
    GENERIC_SOURCES,
    GOVERNING,
    OFFICES,
    ORG_HEADS,
    PARTY_ADJECTIVES,
    PARTY_NOUNS,
    PLACES,
    ROLE_NOUNS,
)
from index.attribution.mentions.authors import DOCUMENTS, SPOKES, author_of, spoken_for
from index.attribution.mentions.mention import Mention, name_text
from index.attribution.mentions.modifiers import (
    bare_word,
    entity_kind,
    is_proper,
    is_role,
    premodifiers,
    purpose_name,
)

_PHRASE_CUTS = frozenset({"relcl", "acl", "appos", "punct", "advcl"})
# Verb forms that name no person ("Come", "Ask"); "-ing" forms are nouns too ("Reading")
_VERB_TAGS = frozenset(("VB", "VBP", "VBZ", "MD"))


def names_someone(token: Token) -> bool:
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


def phrase_text(head: Token, named: bool = True) -> str | None:
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
    if named and not any(names_someone(t) for t in span):
        return None
    return text_of(head.doc)[span.start_char : span.end_char]


def titled(head: Token, tokens: list[Token]) -> Mention | None:
    """A capitalised phrase with a verb in it, as a speaker: the name of a firm, a campaign
    or a show ("Ask Jeeves said", "Stop Stansted Expansion said", "Strictly Come Dancing"),
    since no person's name holds a verb; None for any other phrase.

    Args:
        head: The head of the subject phrase; a clausal subject ("Ask") spans its clause.
        tokens: `premodifiers` of `head`.
    """
    owners = [c.right_edge.i for c in head.lefts if c.dep_ == "poss"]
    span = list(head.subtree) if head.dep_ == "csubj" else [
        t for t in tokens if t.i > max(owners, default=-1)]  # "BBC One's" owns the show
    words = [t for t in span if t.is_alpha]
    if len(words) < 2 or not all(t.text[:1].isupper() for t in words):
        return None
    verbs = [t for t in words if t.tag_ in _VERB_TAGS and t.lower_ not in GIVEN]
    opening = verbs == [words[0]] and words[0].i == words[0].sent.start
    if not verbs or (head.dep_ != "csubj" and opening):
        return None  # a sentence's first word is capitalised whatever it is
    name = text_of(head.doc)[span[0].idx : span[-1].idx + len(span[-1])]
    return Mention(name, "name", name, "org", subject_index=head.i)


def named(head: Token, name_tokens: list[Token], base: Mention, company: bool = False
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
        # the possessor ("the party's National Committee") is read by the caller
        return replace(base, kind="name", name=name, entity=entity, org=org)
    return replace(base, kind="name", name=name, entity=entity)


def _office(head: Token) -> str | None:
    """ "the chancellor", "The deputy speaker", "the government": an office as written,
    shown as the speaker when no holder is in sight; None for other roles ("the
    businessman")."""
    if bare_word(head.text) not in OFFICES | GOVERNING or head.tag_ in ("NNS", "NNPS"):
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    text = phrase_text(head) or phrase_text(head, named=False) or ""
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


def common(head: Token, lower: str, base: Mention, owner: Mention | None) -> Mention:
    """A phrase headed by a common noun: an organisation noun, a role, or no one; `owner`
    is its possessor ("his", "Trump's"), if any."""
    org = base.org
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
