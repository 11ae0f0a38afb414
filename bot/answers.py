"""Answers composed from retrieved sentences, without an LLM: every statement is cited."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.citations import Citation, cite
from index import Hit

NOT_COVERED = "The ingested articles do not cover this question, so there is nothing to cite."


@dataclass(frozen=True)
class Answer:
    """An answer: text with ``[n]`` markers, and the citations the markers point at."""

    question: str
    text: str
    citations: tuple[Citation, ...]

    @property
    def covered(self) -> bool:
        """Whether the articles held anything relevant."""
        return bool(self.citations)


def compose(question: str, hits: Sequence[Hit], min_relevance: float, limit: int = 5) -> Answer:
    """Build an answer from ranked hits.

    Hits whose cosine similarity to the question is below `min_relevance` are dropped; with
    nothing left the answer says the articles do not cover the question and cites nothing.
    Citations are grouped by article (articles ordered by their best hit), numbered in the
    order they appear in the text.
    """
    relevant = [h for h in hits if h.similarity is None or h.similarity >= min_relevance][:limit]
    if not relevant:
        return Answer(question, NOT_COVERED, ())
    groups: dict[str, list[Hit]] = {}
    for hit in relevant:
        groups.setdefault(hit.article, []).append(hit)
    ordered = [h for group in groups.values() for h in sorted(group, key=lambda h: h.start)]
    citations = cite(ordered)
    lines, n = [], 0
    for group in groups.values():
        first = group[0]
        lines.append(_heading(first))
        for citation in citations[n : n + len(group)]:
            lines.append(f"- {citation.text} {citation.marker} (line {citation.line})")
        n += len(group)
    return Answer(question, "\n".join(lines), tuple(citations))


def _heading(hit: Hit) -> str:
    title = hit.title or Path(hit.path).name
    details = ", ".join(x for x in (hit.outlet, hit.date) if x)
    return f"{title}" + (f" ({details}):" if details else ":")
