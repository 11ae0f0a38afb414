"""Who stands behind a spokesman or a document: the organisation an unnamed spokesman speaks
for ("a spokesman for Unilever", "a Tory spokesman") and the author a report, poll or book
names ("a Mori poll", "the report by Nielsen/NetRatings", "Mr Peston's book"). BBC style
credits these to the organisation or author (its attribution guidelines), and PolNeAR's key
is the same name, so the name is the speaker, not the phrase.
"""

from __future__ import annotations

from index.attribution.language import Token
from index.attribution.mentions.modifiers import entity_kind, is_proper, premodifiers
from index.attribution.speakers.names import gender_of_given_name

SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson"})

# Documents that speak for their authors: "the report said", "a poll suggested".
DOCUMENTS = frozenset((
    "poll", "polls", "survey", "surveys", "study", "studies", "report", "reports", "analysis",
    "research", "review", "figures", "statistics", "statement", "letter", "book", "suit",
    "lawsuit", "paper", "memo", "findings", "forecast", "estimates", "data",
))

# Name words that join a name across a lowercase word: "Department for Transport".
_JOINERS = ("of", "for", "and", "&")


def _span_text(tokens: list[Token]) -> str:
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text


def _object_name(prep: Token) -> tuple[str, str] | None:
    """The proper name a preposition governs, with its kind ("for the Department for
    Transport" -> "Department for Transport", "org"), or None."""
    objects = [c for c in prep.children if c.dep_ == "pobj" and is_proper(c)]
    if not objects:
        return None
    head = objects[0]
    tokens = [t for t in premodifiers(head) if is_proper(t)]
    if not tokens:
        return None
    end = head.i
    for t in head.doc[head.i + 1 : head.right_edge.i + 1]:
        if not (is_proper(t) or t.lower_ in _JOINERS):
            break
        end = t.i
    for conj in head.conjuncts:  # "by Harvard and the University of California": both
        if conj.i > end and is_proper(conj):
            end = max(end, max(t.i for t in conj.subtree if is_proper(t)))
    while head.doc[end].lower_ in _JOINERS:
        end -= 1
    name = _span_text([tokens[0], head.doc[end]])
    kind = entity_kind(tokens)
    # a document's author or a spokesman's employer is an organisation unless a given name
    # says it is a person ("the report by Nielsen/NetRatings", "a study by Anne Smith")
    return name, kind if kind != "person" or gender_of_given_name(name) else "org"


def _premodifier_name(head: Token) -> str | None:
    """ "a Tory spokesman", "a Mori poll": the proper words before the noun."""
    owned = {t.i for c in head.lefts if c.dep_ == "poss" for t in c.subtree}
    tokens = [t for t in premodifiers(head)[:-1] if t.i not in owned]
    if not tokens or not all(is_proper(t) for t in tokens):
        return None
    return _span_text(tokens)


def spoken_for(head: Token) -> str | None:
    """The organisation an unnamed spokesman speaks for; None for a person's spokesman ("a
    spokesman for Donald Trump"), who is not the person.

    Args:
        head: The head token "spokesman" of an indefinite phrase.

    Returns:
        The organisation's name as written, or None.
    """
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            named = _object_name(prep)
            if named is None or (named[1] == "person" and " " in named[0]):
                return None
            return named[0]
    return _premodifier_name(head)


def author_of(head: Token) -> tuple[str, str] | None:
    """The author a document phrase names, with its kind: "by X" or "from X" after the noun
    (also "released by X"), else proper words before it ("a Mori poll").

    Args:
        head: The head token of a document phrase ("report", "poll").

    Returns:
        (name as written, "person" or "org"), or None when no author is named.
    """
    preps = [c for c in head.rights if c.dep_ == "prep"]
    preps += [p for c in head.rights if c.dep_ == "acl" for p in c.children if p.dep_ == "agent"
              or (p.dep_ == "prep" and p.lower_ == "by")]
    for prep in preps:
        if prep.lower_ in ("by", "from"):
            named = _object_name(prep)
            if named is not None:
                return named
    name = _premodifier_name(head)
    return (name, "org") if name is not None else None
