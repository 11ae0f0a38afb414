"""Citations: numbered pointers from an answer to exact stored sentences."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

from index import Hit


@dataclass(frozen=True, kw_only=True)
class Citation(Hit):
    """One cited sentence, numbered as it appears (``[n]``) in the answer text.

    It carries every field of `index.Hit`: `path` is the resolved source file, `line` the
    1-based line and `start`/`end` the offsets of the sentence in that file's text.
    """

    n: int

    @property
    def marker(self) -> str:
        """The marker of this citation in the answer text, e.g. ``[3]``."""
        return f"[{self.n}]"


def cite(hits: Sequence[Hit]) -> list[Citation]:
    """Number hits 1..n in the given order."""
    return [Citation(**asdict(hit), n=n) for n, hit in enumerate(hits, start=1)]
