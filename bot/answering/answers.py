"""Answers composed from retrieved sentences, without an LLM: every statement is cited.

A chat model may add a written answer (`bot.writing.writer`); the extractive one stays beside it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.answering.citations import Citation, cite
from bot.asking.declines import Decline
from bot.writing.verification import Written
from index import Hit

NOT_COVERED = "The ingested articles do not cover this question, so there is nothing to cite."


@dataclass(frozen=True)
class Answer:
    """An answer: text with ``[n]`` markers, and the citations the markers point at.

    Attributes:
        question: The question as answered.
        text: The extractive answer: the cited sentences, grouped by speaker, every statement
            followed by its ``[n]`` marker.
        citations: The sentences `text` cites, numbered as in `text`.
        written: A chat model's answer that passed verification, with its own citations
            and what was dropped; None without a model, or when too little survived.
        notice: One line for the reader about the written answer: why it is missing (the
            model failed, timed out, or failed verification) or what was dropped from it.
        did_you_mean: Other speakers the question may have meant, best first.
        undated: Undated articles that the question's date filter left out.
        on_topic: False when the citations are only the nearest of a speaker's claims, shown
            because none is on the topic asked.
        declined: Why the question was not searched ("empty-store", "no-words", "too-long",
            "language", "unknown-speaker", "no-context", "filters"), else None.
    """

    question: str
    text: str
    citations: tuple[Citation, ...]
    written: Written | None = None
    notice: str | None = None
    did_you_mean: tuple[str, ...] = ()
    undated: int = 0
    on_topic: bool = True
    declined: str | None = None

    @property
    def covered(self) -> bool:
        """Whether the articles held anything relevant."""
        return bool(self.citations) and self.on_topic

    @property
    def shown_text(self) -> str:
        """The text to show: the written answer when there is one, else the extractive."""
        return self.written.text if self.written else self.text

    @property
    def shown_citations(self) -> tuple[Citation, ...]:
        """The citations of `shown_text`."""
        return self.written.citations if self.written else self.citations


def declined(question: str, decline: Decline) -> Answer:
    """The answer to a question that was not searched: why, and what to do instead."""
    return Answer(question, decline.message, (), did_you_mean=decline.names,
                  declined=decline.reason)


def compose(
    question: str, hits: Sequence[Hit], min_relevance: float, limit: int = 5, *,
    who: bool = False, empty: str = NOT_COVERED, nearest: str | None = None,
    unsupported: float | None = None, within: Within | None = None,
) -> Answer:
    """Build an answer from ranked hits.

    Hits whose cosine similarity to the question is below `min_relevance` are dropped (hits
    without a similarity, such as a speaker's listed claims, are kept); with nothing left the
    answer says so and cites nothing. Citations are grouped by speaker when the hits carry
    speakers, else by article; groups are ordered by their best hit and numbered in the order
    they appear in the text. A "who" answer starts with the speakers' names. With nothing
    relevant and a `nearest` heading, the best hit follows the `empty` text under that heading,
    marked as off the topic. With `unsupported` set, a hit none of whose query terms occur in
    its paragraph must clear ``min_relevance + unsupported``. With `within` (the hits are
    already one speaker's claims, or a "who" search), relevance is also relative to the best
    hit (see `Within`).
    """
    relevant = distinct(_kept(hits, min_relevance, unsupported, within))[:limit]
    if not relevant and nearest and hits:
        best = max(hits, key=lambda h: h.similarity or 0.0)
        citation = cite([best])[0]
        text = f"{empty}\n{nearest}\n- {citation.text} {citation.marker} ({_where(citation)})"
        return Answer(question, text, (citation,), on_topic=False)
    if not relevant:
        return Answer(question, empty, ())
    by_speaker = any(h.speaker for h in relevant)
    groups: dict[str, list[Hit]] = {}
    for hit in relevant:
        groups.setdefault(_speaker_key(hit) if by_speaker else hit.article, []).append(hit)
    ordered = [sorted(g, key=lambda h: (h.date or "", h.path, h.start)) for g in groups.values()]
    citations = cite([h for group in ordered for h in group])
    lines: list[str] = []
    n = 0
    for group in ordered:
        lines.append(_speaker_heading(group[0]) if by_speaker else _article_heading(group[0]))
        for citation in citations[n : n + len(group)]:
            lines.append(f"- {citation.text} {citation.marker} ({_where(citation)})")
        n += len(group)
    if who:
        lines.insert(0, "Said by: " + "; ".join(_who_line(g, citations) for g in ordered) + ".")
    return Answer(question, "\n".join(lines), tuple(citations))


def distinct(hits: Iterable[Hit]) -> list[Hit]:
    """`hits` in order, without a second hit on a line already cited (files hold one
    paragraph a line, so the first, best, sentence stands for it) or a sentence already cited
    word for word from another article (a copy of the same story)."""
    lines: set[tuple[str, int]] = set()
    texts: set[str] = set()
    kept: list[Hit] = []
    for hit in hits:
        text = " ".join(hit.text.lower().split())
        if (hit.path, hit.line) in lines or text in texts:
            continue
        lines.add((hit.path, hit.line))
        texts.add(text)
        kept.append(hit)
    return kept


@dataclass(frozen=True)
class Within:
    """Relevance relative to the best hit, where the candidates are already narrowed.

    Inside one speaker's claims the closest claim may sit below an absolute threshold and
    still be the answer, while claims far below the closest are off the topic however close
    they are in absolute terms.

    Attributes:
        spread: How far below the best similarity a hit may be and still be cited.
        floor: The similarity a hit whose paragraph holds most of the topic's words
            (`support`) must reach, when no hit clears the absolute threshold.
        support: The share of the topic words' weight that counts as holding the topic.
        follow: Whether a hit in a paragraph next to a cited one passes from `floor`
            (see `_continuations`); only where the hits are one speaker's claims.
    """

    spread: float
    floor: float
    support: float
    follow: bool = False


def _kept(hits: Sequence[Hit], min_relevance: float, unsupported: float | None,
          within: Within | None) -> list[Hit]:
    """The hits relevant enough to cite, in order."""
    if within is None:
        return [h for h in hits if _relevant(h, min_relevance, unsupported)]
    kept = [h for h in hits if _relevant(h, min_relevance, unsupported)
            or (h.similarity is not None and h.similarity >= within.floor
                and (h.terms or 0.0) >= within.support)]
    sims = [h.similarity for h in kept if h.similarity is not None]
    if not sims:
        return kept
    best = max(sims)
    kept = [h for h in kept if h.similarity is None or h.similarity >= best - within.spread]
    return kept + _continuations(hits, kept, within.floor) if within.follow else kept


def _continuations(hits: Sequence[Hit], kept: Sequence[Hit], floor: float) -> list[Hit]:
    """Hits in the paragraph right before or after a kept one (a blank line may part them),
    at `floor` or above: a statement runs over neighbouring paragraphs ("…, the ministry
    said." then the spokesman's quote; a summary, then the quote), which seldom repeat the
    topic's words. The hits are already those of the speaker asked (`Within`)."""
    ends = {(h.path, h.line) for h in kept}
    return [h for h in hits if h not in kept and h.similarity is not None
            and h.similarity >= floor
            and any((h.path, h.line - gap) in ends for gap in (1, 2, -1, -2))]


def _relevant(hit: Hit, min_relevance: float, unsupported: float | None) -> bool:
    if hit.similarity is None:
        return True  # a speaker's listed claims
    if unsupported is not None and not hit.terms:
        return hit.similarity >= min_relevance + unsupported
    return hit.similarity >= min_relevance


def _speaker_key(hit: Hit) -> str:
    return hit.speaker or "(no named speaker)"


def _speaker_heading(hit: Hit) -> str:
    if not hit.speaker:
        return "Not attributed to a named speaker:"
    parts = (hit.speaker_role, hit.speaker_org, hit.speaker_country)
    details = ", ".join(dict.fromkeys(x for x in parts if x and x != hit.speaker))
    return f"{hit.speaker}" + (f" ({details})" if details else "") + ":"


def _article_heading(hit: Hit) -> str:
    title = hit.title or Path(hit.path).name
    details = ", ".join(x for x in (hit.outlet, hit.date) if x)
    return f"{title}" + (f" ({details}):" if details else ":")


def _where(citation: Citation) -> str:
    title = citation.title or Path(citation.path).name
    return f"{title}, line {citation.line}"


def _who_line(group: list[Hit], citations: Sequence[Citation]) -> str:
    ids = {h.sentence_id for h in group}
    markers = " ".join(c.marker for c in citations if c.sentence_id in ids)
    return f"{_speaker_key(group[0])} {markers}"
