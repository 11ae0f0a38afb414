"""The record of one attribution found in a sentence, and its form: a quotation ("direct"),
quoted words inside reported speech ("mixed"), or reported speech ("indirect").

`index.attribution.sentences.sentence` finds attributions in the body of a sentence,
`index.attribution.sentences.headlines` in title-case headlines and before colons; both make
`Found` records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from index.attribution.mentions.mention import Mention
from index.records import ClaimForm


@dataclass(frozen=True)
class Found:
    """An attribution found in one sentence.

    Attributes:
        cue: The cue as written ("said", "according to", ":").
        cue_kind: "speech", "attitude", "according" or "colon".
        mention: The speaker phrase.
        start: Offset of the content in the sentence text.
        end: Offset after the content in the sentence text.
        score: Preference among several attributions of one sentence.
        kind: "direct" (a quotation), "mixed" (quoted words inside reported speech) or
            "indirect".
    """

    cue: str
    cue_kind: str
    mention: Mention
    start: int
    end: int
    score: float
    kind: ClaimForm = "indirect"


# What may stand between a cue and the quotation it opens: "said: “...", "said — “...".
_LEAD_IN = re.compile(r"[\s,:;—–-]*")


def kind_of(text: str, span: tuple[int, int], quotes: list[tuple[int, int]],
            after: int) -> ClaimForm:
    """The form of an attribution: direct when a quotation opens the sentence or follows the
    cue, mixed when quoted words sit inside the reported speech, else indirect.

    Args:
        text: The sentence text.
        span: The content span.
        quotes: Quoted stretches of the sentence as character spans.
        after: Offset right after the cue.

    Returns:
        "direct", "mixed" or "indirect".
    """
    inside = [a for a, _ in quotes if span[0] <= a < span[1]]
    if not inside:
        return "indirect"
    first = inside[0]
    if not text[:first].strip() or (first >= after and _LEAD_IN.fullmatch(text[after:first])):
        return "direct"
    return "mixed"


def with_kind(found: Found | None, text: str, quotes: list[tuple[int, int]], after: int
              ) -> Found | None:
    """The attribution with its form (`kind_of`) set from its content span.

    Args:
        found: An attribution, or None.
        text: The sentence text.
        quotes: Quoted stretches of the sentence as character spans.
        after: Offset right after the cue.

    Returns:
        The attribution with its kind, or None when `found` is None.
    """
    if found is None:
        return None
    return replace(found, kind=kind_of(text, (found.start, found.end), quotes, after))
