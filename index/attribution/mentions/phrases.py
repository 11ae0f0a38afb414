"""Speaker phrases: what a parsed subject says about the speaker, before resolution.

`mention_of` reads the subject of a cue ("China's Foreign Ministry spokesperson Wang Wenbin",
"he", "the ministry", "Trump, who") and returns a `Mention`: the name as written, its
kind, and the role, organisation and country found in its pre-modifiers and appositives.
What a name- or noun-headed phrase stands for is `index.attribution.mentions.readings`'s;
resolution against the article's earlier speakers is `index.attribution.speakers.registry`'s.
"""

from __future__ import annotations

from dataclasses import replace

from index.attribution.identities.parties import party_of
from index.attribution.language import Token
from index.attribution.lexicon.gazetteer import country_of
from index.attribution.lexicon.roles import (
    COMPANY_NOUNS,
    FIRST_PERSON,
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    RELATIVE_PRONOUNS,
    ROLE_NOUNS,
    THING_PRONOUNS,
)
from index.attribution.mentions.mention import Mention, tokens_text
from index.attribution.mentions.modifiers import (
    appositive,
    bare_word,
    describe,
    is_proper,
    premodifiers,
    split_name,
)
from index.attribution.mentions.readings import common, named, phrase_text, titled

# Prepositions of place: "Democrats on Capitol Hill, who ..." are the Democrats.
_LOCATIVE = frozenset(("on", "in", "at", "from"))


def _possessor(head: Token) -> Mention | None:
    for child in head.lefts:
        if child.dep_ == "poss":
            return mention_of(child)
    return None


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
        phrase = phrase_text(head)
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
    title = titled(head, tokens)
    if title is not None:
        return title
    modifiers, name_tokens = split_name(tokens)
    role, org, country, gender = describe(modifiers)
    apposed_name, apposed_role = appositive(head)
    if not name_tokens and apposed_name is not None:
        inner = mention_of(apposed_name)
        return replace(inner, text=tokens_text(tokens),
                       role=role or inner.role or (lower if lower in ROLE_NOUNS else None),
                       org=org or inner.org, country=country or inner.country,
                       gender=gender or inner.gender)
    if apposed_role is not None:
        role = role or bare_word(apposed_role.text)
        _, apos_org, apos_country, _ = describe(premodifiers(apposed_role)[:-1])
        org, country = org or apos_org or _employer(apposed_role), country or apos_country
    base = Mention(tokens_text(tokens), "generic", role=role, org=org, country=country,
                   gender=gender, subject_index=head.i)
    if name_tokens:
        company = any(bare_word(t.text) in COMPANY_NOUNS for t in modifiers) \
            or _plural_descriptor(modifiers, head)
        mention = named(head, name_tokens, base, company)
        return replace(mention, possessor=_possessor(head)) if mention.entity == "org" \
            and mention.kind == "name" else mention
    return common(head, lower, base, _possessor(head))


def _employer(role: Token) -> str | None:
    """The organisation a role is held at: "co-founder of Blinkx", "spokesman for Ask
    Jeeves"; None when the role's object names none (a place, a person's role)."""
    for prep in role.rights:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "for", "at"):
            continue
        for obj in prep.children:
            named = obj.dep_ == "pobj" and is_proper(obj) and not country_of(obj.text)
            if named and bare_word(obj.text) not in ROLE_NOUNS:
                _, name_tokens = split_name(premodifiers(obj))
                return tokens_text(name_tokens) or None
    return None


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
