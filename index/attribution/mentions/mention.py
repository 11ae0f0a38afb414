"""The speaker mention record, and how a mention's words are written out.

`index.attribution.mentions.phrases` builds a `Mention` from a parsed subject;
`index.attribution.speakers.registry` resolves it against the article's speakers.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from index.attribution.language import Token


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


def tokens_text(tokens: list[Token]) -> str:
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
