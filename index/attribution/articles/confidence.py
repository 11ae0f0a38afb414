"""How sure a claim's speaker is: the evidence extraction had for it, mapped to a probability.

Every claim records how it was found (`Evidence`: the path that made it, the cue's kind, the
form, how the speaker phrase was written and what it resolved to). `confidence_of` maps that to
the probability that the speaker is right, with a logistic model over one feature per field,
fitted on PolNeAR train by ``bench/confidence_fit.py`` (fixed seed, its data file is
``confidence.json`` beside this module). A feature the fit never saw adds nothing, so new
evidence kinds fall back to the intercept and the fields that are known.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from index.errors import ClaimtrackError
from index.records import Claim

__all__ = ["WEIGHTS", "Evidence", "confidence_of", "load_weights", "tagger_evidence"]

WEIGHTS = Path(__file__).with_name("confidence.json")


@dataclass(frozen=True)
class Evidence:
    """How one claim was found.

    Attributes:
        origin: "own" (the sentence's own cue), "continued" (the sentence after "X said:"),
            "inherited" (a quotation's later sentence), "signed" ("“...” ― Name"), "tagger"
            (the span tagger's named source), "tagger-carried" (the tagger's content right
            after a claim), "headline" (a headline given the body's speaker).
        cue_kind: "speech", "attitude", "finding", "according", "colon", or None.
        form: "direct", "mixed" or "indirect".
        mention: The speaker phrase's kind: "name", "pronoun", "role", "org", "generic", or
            None when the sentence writes none.
        entity: What the speaker resolved to: "person", "org", "country", "group", or None.
        expanded: The resolved name is longer than the name written ("Blair" → "Tony
            Blair"), so it came from elsewhere in the article.
        fallback: Not the sentence's preferred attribution (its speaker resolved to no one).
        distance: Sentences between a carried claim and the attribution it carries.
        words: Words in the speaker's name as shown (0 for none): one word ("Police",
            "QC") is often a fragment, many a description.
        capitalised: Every word of the speaker's name starts with a capital (a name, not a
            description such as "new figures released by ...").
    """

    origin: str
    cue_kind: str | None = None
    form: str = "indirect"
    mention: str | None = None
    entity: str | None = None
    expanded: bool = False
    fallback: bool = False
    distance: int = 0
    words: int = 0
    capitalised: bool = False

    def features(self) -> list[str]:
        """The model's active features, as ``field=value`` strings.

        Returns:
            One feature per field; the distance capped at 3, the words at 4.
        """
        return [
            f"origin={self.origin}", f"cue={self.cue_kind}", f"form={self.form}",
            f"mention={self.mention}", f"entity={self.entity}", f"expanded={self.expanded}",
            f"fallback={self.fallback}", f"distance={min(self.distance, 3)}",
            f"words={min(self.words, 4)}", f"capitalised={self.capitalised}",
        ]

    def speaking(self, speaker: str | None) -> Evidence:
        """The evidence with the shown speaker's name filled in.

        Args:
            speaker: The claim's speaker, or None.

        Returns:
            A copy with `words` and `capitalised` set.
        """
        words = (speaker or "").split()
        return replace(self, words=len(words),
                       capitalised=bool(words) and all(w[:1].isupper() for w in words))


def tagger_evidence(claim: Claim) -> Evidence:
    """The evidence of a claim the span tagger made (`index.attribution.articles.second`): its
    source is the sentence's words, resolved to no one, or none when it carries the claim
    before.

    Args:
        claim: The tagger's claim.

    Returns:
        Its evidence.
    """
    if claim.speaker_mention is None:
        evidence = Evidence("tagger-carried", None, claim.kind, None, None, distance=1)
    else:
        evidence = Evidence("tagger", None, claim.kind, "name")
    return evidence.speaking(claim.speaker)


@cache
def load_weights(path: Path = WEIGHTS) -> tuple[float, dict[str, float]]:
    """The model's intercept and feature weights, read once per file.

    Args:
        path: The weights file (JSON with "intercept" and "weights").

    Returns:
        ``(intercept, weights by feature)``.

    Raises:
        ClaimtrackError: The file is missing or not such a document; the message names it.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return float(data["intercept"]), {str(k): float(v) for k, v in data["weights"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise ClaimtrackError(f"{path}: unreadable confidence weights ({error!r})") from None


def confidence_of(evidence: Evidence, path: Path = WEIGHTS) -> float:
    """The probability that the claim's speaker is right, given how it was found.

    Args:
        evidence: How the claim was found.
        path: The weights file; the shipped one by default.

    Returns:
        A confidence in [0, 1], rounded to two decimals.
    """
    intercept, weights = load_weights(path)
    z = intercept + sum(weights.get(f, 0.0) for f in evidence.features())
    return round(1.0 / (1.0 + math.exp(-z)), 2)
