"""Quotations that run on: the sentences of a quotation with no cue of their own take the speaker
of the sentence that attributes the quotation, in the same paragraph or, when a paragraph
reopens the quotation, in the one before; in run-together paragraphs a quotation reopened
sentence after sentence goes on with its speaker. `index.attribution.articles.walk` walks the
article and calls `inherit` once every sentence's own attribution is known. A transcript's
speaker label ("PENCE: ...") owns its turn: `labels_turn` and `in_turn`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from index.attribution.articles.confidence import Evidence
from index.attribution.lexicon.roles import FIRST_PERSON
from index.attribution.mentions.modifiers import bare_word
from index.attribution.sentences.found import Found
from index.attribution.sentences.quotes import Quote, opens_with_quote, quoted_share
from index.attribution.speakers.entities import Entity
from index.records import ClaimForm, Sentence

# Quoted share above which a sentence without a cue of its own is a quotation's continuation.
_QUOTED = 0.6


@dataclass
class Attributed:
    """A sentence's attribution after resolution."""

    found: Found | None
    entity: Entity | None
    mention: str | None
    cue: str | None
    kind: ClaimForm
    start: int
    end: int
    evidence: Evidence


def _quotes_speaker(a: Attributed | None) -> bool:
    """An own attribution of a quotation, which may lend its speaker to nearby sentences."""
    return a is not None and a.found is not None and a.kind != "indirect"


def _carries_quote(a: Attributed | None) -> bool:
    """A quoted sentence that took its quotation's speaker: the next one may go on with it."""
    return a is not None and a.found is None and a.kind == "direct" and a.entity is not None


def inherit(sentences: Sequence[Sentence], quotes: Sequence[list[Quote]],
            aligned: Sequence[bool], attributed: list[Attributed | None]) -> None:
    """Give quoted sentences without a cue the speaker of their quotation, in place.

    Args:
        sentences: The article's sentences in order.
        quotes: The quotes of each sentence's paragraph (article offsets).
        aligned: Whether each sentence's text matches the article's at its offsets.
        attributed: Each sentence's own attribution, or None; filled in.
    """
    for i, s in enumerate(sentences):
        if attributed[i] is not None or not aligned[i]:
            continue
        inside = [q for q in quotes[i] if q.start < s.end and q.end > s.start]
        if quoted_share(inside, s.start, s.end) < _QUOTED:
            continue
        source = _quote_source(sentences, i, inside[0], attributed)
        if source is not None:
            j = next(j for j, a in enumerate(attributed) if a is source)
            evidence = replace(source.evidence, origin="inherited", form="direct",
                               distance=abs(i - j))
            attributed[i] = Attributed(
                None, source.entity, source.mention, source.cue, "direct", 0,
                len(s.text), evidence)


def _quote_source(sentences: Sequence[Sentence], i: int, quote: Quote,
                  attributed: list[Attributed | None]) -> Attributed | None:
    """The attribution of the sentence that attributes the quotation holding sentence i:
    in the same paragraph, or in the previous one when this paragraph reopens its
    quotation. (Looking ahead into following paragraphs cost precision on dev.)"""
    line = sentences[i].line
    window = range(max(0, i - 6), min(len(sentences), i + 7))
    for j in sorted(window, key=lambda j: abs(j - i)):
        other, a = sentences[j], attributed[j]
        if other.line == line and _quotes_speaker(a) and (
            (quote.start < other.end and quote.end > other.start) or j == i - 1
        ):
            return a
        if j == i - 1 and other.line == line and _carries_quote(a):
            return a  # a quotation reopened in run-together paragraphs goes on
    if opens_with_quote(sentences[i].text) and i > 0:
        previous = _last_on_line(sentences, line - 1, i, attributed)
        if previous is not None and previous.kind != "indirect":
            return previous
    return None


def _last_on_line(sentences: Sequence[Sentence], line: int, before: int,
                  attributed: list[Attributed | None]) -> Attributed | None:
    for j in range(before - 1, -1, -1):
        if sentences[j].line < line:
            return None
        if sentences[j].line == line and attributed[j] is not None:
            return attributed[j]
    return None


def labels_turn(a: Attributed) -> bool:
    """A transcript's speaker label ("PENCE: Well, look, ..."), which owns every sentence
    of its paragraph, not only the first: the speaker's turn."""
    return a.found is not None and a.found.cue_kind == "colon" and a.found.score >= 9.0


def in_turn(own: Attributed, label: Attributed) -> Attributed:
    """A sentence of a transcript's turn with its own cue: "I think ..." is the label's
    speaker's; a third person's ("Tom Reese said ...") stays theirs."""
    first = bare_word(own.mention or "") in FIRST_PERSON and own.entity is None
    return replace(own, entity=label.entity) if first else own
