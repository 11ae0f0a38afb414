"""Citations: numbered pointers from an answer to exact stored sentences."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from index import Hit


@dataclass(frozen=True)
class Citation:
    """One cited sentence, numbered as it appears (``[n]``) in the answer text.

    Attributes mirror `index.Hit`; `n` is the marker number, `path` the resolved source file,
    `line` the 1-based line and `start`/`end` the offsets of the sentence in that file's text.
    """

    n: int
    sentence_id: str
    article: str
    path: str
    title: str | None
    date: str | None
    outlet: str | None
    line: int
    start: int
    end: int
    text: str
    score: float
    speaker: str | None = None
    speaker_role: str | None = None
    speaker_org: str | None = None
    speaker_country: str | None = None
    cue: str | None = None

    @property
    def marker(self) -> str:
        """The marker of this citation in the answer text, e.g. ``[3]``."""
        return f"[{self.n}]"


def cite(hits: Sequence[Hit]) -> list[Citation]:
    """Number hits 1..n in the given order."""
    return [
        Citation(
            n=n, sentence_id=h.sentence_id, article=h.article, path=h.path, title=h.title,
            date=h.date, outlet=h.outlet, line=h.line, start=h.start, end=h.end, text=h.text,
            score=h.score, speaker=h.speaker, speaker_role=h.speaker_role,
            speaker_org=h.speaker_org, speaker_country=h.speaker_country, cue=h.cue,
        )
        for n, h in enumerate(hits, start=1)
    ]
