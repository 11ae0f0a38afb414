"""Questions about repeated claims and claims over time, answered from the claim clusters.

`answer` reads the questions below and answers them with every line cited, or returns None for
any other question (which `ClaimBot.ask` then answers by search):

* "Who else said that?" (the claim first cited by the previous answer, which the caller
  gives), "Who said '<quote>'?": every appearance of the claim's cluster(s), the first first;
* "Where was this first reported?", "Where was '<quote>' first reported?";
* "When did X first say Y?";
* "What has X said about Y over time?", "How has X's position on Y changed?": X's claims on Y
  in date order, grouped by cluster, the earliest and the latest side by side;
* "What does X repeat most?".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from bot.answering.answers import Answer
from bot.answering.citations import cite
from bot.tracking.tracks import Timeline, Track
from index import Appearance, Claim, Cluster, Corpus, Hit


class ClaimBot(Protocol):
    """What the answers here use of `bot.ClaimBot` (which imports this module)."""

    corpus: Corpus

    def track(self, text_or_claim_id: str) -> Track: ...
    def timeline(self, speaker: str, topic: str | None = None) -> Timeline: ...
    def clusters(self, speaker: str | None = None, min_size: int = 2) -> list[Cluster]: ...
    def claims(self, *, speaker: str | None = None) -> list[Claim]: ...

_END = r"\s*[?.!]*$"
_QUOTED = r"[“\"‘'](?P<q>.+)[”\"’']"
_THAT = r"(?:that|this|it|so|the\s+same)"
_WHO_ELSE = re.compile(rf"^who\s+else\s+(?:has\s+|have\s+)?(?:said|says|claimed|reported|"
                       rf"repeated|quoted)\s+{_THAT}{_END}", re.I)
_WHO_QUOTED = re.compile(rf"^who\s+(?:first\s+)?(?:has\s+)?(?:said|says|wrote|claimed)\s+"
                         rf"{_QUOTED}{_END}", re.I)
_FIRST_REPORTED = re.compile(rf"^where\s+(?:was|were)\s+(?:{_THAT}|{_QUOTED})\s+first\s+"
                             rf"(?:reported|said|published|quoted|seen){_END}", re.I)
_WHEN_FIRST = re.compile(rf"^when\s+did\s+(?P<x>.+?)\s+first\s+(?:say|claim|mention|state|"
                         rf"argue)\s+(?:that\s+)?(?P<y>.+?){_END}", re.I)
_OVER_TIME = re.compile(rf"^what\s+(?:has|have|did)\s+(?P<x>.+?)\s+(?:said|claimed)\s+"
                        rf"(?:about|on)\s+(?P<y>.+?)\s+over\s+time{_END}", re.I)
_CHANGED = re.compile(rf"^how\s+(?:has|have|did)\s+(?P<x>.+?)(?:'s|’s|’|')\s+(?:position|"
                      rf"stance|view|views|line|tone)\s+on\s+(?P<y>.+?)\s+(?:changed|"
                      rf"evolved|shifted|moved)(?:\s+over\s+time)?{_END}", re.I)
_REPEATS = re.compile(rf"^what\s+(?:does|do|did|has)\s+(?P<x>.+?)\s+(?:repeat|repeated|say)\s+"
                      rf"(?:the\s+)?most(?:\s+often)?{_END}", re.I)
NO_EARLIER = ("There is no earlier answer with a claim to refer to; ask about a claim first, or "
              "quote it: Who said \"…\"?")


def answer(bot: ClaimBot, question: str, k: int, previous: Answer | None = None
           ) -> Answer | None:
    """The answer to a question about repeated claims or claims over time, or None for
    any other question; "that" and "this" refer to the first claim cited by `previous`."""
    text = question.strip()
    for pattern, reader in _readers():
        match = pattern.match(text)
        if match:
            return reader(bot, text, match, k, previous)
    return None


def reads(question: str) -> bool:
    """Whether `answer` reads `question` (which then needs no rewriting as a follow-up:
    "who else said that?" refers to the previous answer by itself)."""
    return any(pattern.match(question.strip()) for pattern, _ in _readers())


def _readers() -> Sequence[tuple[re.Pattern[str], Callable[[ClaimBot, str, re.Match[str], int,
                                                          Answer | None], Answer]]]:
    return ((_WHO_ELSE, _who_said), (_WHO_QUOTED, _who_said),
            (_FIRST_REPORTED, _first_reported), (_WHEN_FIRST, _when_first),
            (_OVER_TIME, _over_time), (_CHANGED, _over_time), (_REPEATS, _repeats))


def _tracked(bot: ClaimBot, match: re.Match[str], previous: Answer | None
             ) -> tuple[Cluster, ...] | None:
    """The clusters of the quoted text, or of `previous`'s first claim (None: none)."""
    quoted = match.groupdict().get("q")
    if quoted:
        return bot.track(quoted).clusters
    if previous is None or not previous.citations:  # nothing cited, nothing to follow
        return None
    return bot.track(previous.citations[0].sentence_id).clusters


def _appearances_of(bot: ClaimBot, match: re.Match[str], previous: Answer | None
                    ) -> list[Appearance] | str:
    """Every appearance of the claim a question refers to, earliest first, or why none."""
    found = _tracked(bot, match, previous)
    if found is None:
        return NO_EARLIER
    appearances = sorted((a for c in found for a in c.appearances), key=_when)
    return appearances or "No stored article carries that claim."


def _who_said(bot: ClaimBot, question: str, match: re.Match[str], k: int,
              previous: Answer | None) -> Answer:
    appearances = _appearances_of(bot, match, previous)
    if isinstance(appearances, str):
        return _unanswered(question, appearances)
    citations = cite([_hit(a) for a in appearances])
    speakers = dict.fromkeys(a.speaker or "(no named speaker)" for a in appearances)
    articles = len({a.article for a in appearances})
    lines = [f"{_count(len(appearances), 'appearance')} in {_count(articles, 'article')}; "
             f"first: {_place(appearances[0])} [1].",
             "Said by: " + "; ".join(speakers) + "."]
    lines += [f"- {c.text} {c.marker} ({_place(a)}, line {a.line})"
              for c, a in zip(citations, appearances, strict=True)]
    return Answer(question, "\n".join(lines), tuple(citations))


def _first_reported(bot: ClaimBot, question: str, match: re.Match[str], k: int,
                    previous: Answer | None) -> Answer:
    appearances = _appearances_of(bot, match, previous)
    if isinstance(appearances, str):
        return _unanswered(question, appearances)
    shown = appearances[:max(k, 2)]
    citations = cite([_hit(a) for a in shown])
    lines = [f"First reported by {_place(shown[0])}: {citations[0].text} [1]"]
    if len(shown) > 1:
        lines.append("Then: " + "; ".join(f"{_place(a)} {c.marker}" for c, a in
                                          zip(citations[1:], shown[1:], strict=True)) + ".")
    return Answer(question, "\n".join(lines), tuple(citations))


def _when_first(bot: ClaimBot, question: str, match: re.Match[str], k: int,
                _previous: Answer | None) -> Answer:
    speaker, topic = match["x"], match["y"].strip("“”\"'‘’ ")
    own = {c.sentence_id for c in bot.claims(speaker=speaker)}
    if not own:
        return Answer(question, f"The articles hold no statements by {speaker}.", ())
    said = [a for c in bot.track(topic).clusters for a in c.appearances if a.sentence_id in own]
    claims = sorted(said, key=_when)
    if not claims:
        timeline = bot.timeline(speaker, topic)
        claims = _appearances(bot, timeline.claims)
    if not claims:
        return Answer(question, f"The articles hold no statement by {speaker} on that.", ())
    shown = claims[:max(k, 1)]
    citations = cite([_hit(a) for a in shown])
    lines = [f"{speaker} first said it on {shown[0].date or 'an undated day'} "
             f"({_place(shown[0])}): {citations[0].text} [1]"]
    lines += [f"- again {_place(a)}: {c.text} {c.marker}"
              for c, a in zip(citations[1:], shown[1:], strict=True)]
    return Answer(question, "\n".join(lines), tuple(citations))


def _over_time(bot: ClaimBot, question: str, match: re.Match[str], k: int,
               _previous: Answer | None) -> Answer:
    speaker, topic = match["x"], match["y"]
    timeline = bot.timeline(speaker, topic)
    if not timeline.claims:
        return Answer(question, f"The articles hold no statements by {speaker} on {topic}.", ())
    first, last = timeline.claims[0], timeline.latest or timeline.claims[-1]
    picked = list(dict.fromkeys([first, last, *(g[0] for _, g in timeline.groups)]))[:max(k, 2)]
    citations = cite([_hit(a) for a in _appearances(bot, picked)])
    marker = {c.sentence_id: c.marker for c in citations}
    lines = [f"{speaker} on {topic}: {len(timeline.claims)} claims in {len(timeline.groups)} "
             f"groups, {first.date or 'undated'} to {last.date or 'undated'}.",
             f"Earliest ({_claim_place(first)}): {first.text} {marker[first.sentence_id]}",
             f"Latest ({_claim_place(last)}): {last.text} {marker[last.sentence_id]}"]
    for _, group in timeline.groups:
        if group[0].sentence_id in marker and group[0] not in (first, last):
            lines.append(f"- {_claim_place(group[0])}: {group[0].text} "
                         f"{marker[group[0].sentence_id]}"
                         + (f" (said {len(group)} times)" if len(group) > 1 else ""))
    return Answer(question, "\n".join(lines), tuple(citations))


def _repeats(bot: ClaimBot, question: str, match: re.Match[str], k: int,
             _previous: Answer | None) -> Answer:
    speaker = match["x"]
    own = {c.sentence_id for c in bot.claims(speaker=speaker)}
    counted = sorted(((sum(a.sentence_id in own for a in c.appearances), c)
                      for c in bot.clusters(speaker, min_size=2)),
                     key=lambda nc: (-nc[0], nc[1].first.date or ""))
    counted = [(n, c) for n, c in counted if n >= 2][:k]
    if not counted:
        return Answer(question, f"No claim of {speaker} appears more than once.", ())
    firsts = [next(a for a in c.appearances if a.sentence_id in own) for _, c in counted]
    citations = cite([_hit(a) for a in firsts])
    lines = [f"What {speaker} repeats most:"]
    lines += [f"- {cite_.text} {cite_.marker} (said {n} times in {c.articles} articles; "
              f"first: {_place(a)})"
              for (n, c), a, cite_ in zip(counted, firsts, citations, strict=True)]
    return Answer(question, "\n".join(lines), tuple(citations))


def _unanswered(question: str, why: str) -> Answer:
    """No claim to follow: with no earlier answer, declined as a follow-up without context."""
    return Answer(question, why, (), declined="no-context" if why == NO_EARLIER else None)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _when(a: Appearance) -> tuple[bool, str]:
    return a.date is None, a.date or ""


def _place(a: Appearance) -> str:
    where = a.outlet or a.title or Path(a.path).name
    return f"{where}, {a.date}" if a.date else where


def _claim_place(c: Claim) -> str:
    where = c.outlet or Path(c.path or "").name
    return f"{where}, {c.date}" if c.date else where


def _appearances(bot: ClaimBot, claims: Sequence[Claim]) -> list[Appearance]:
    """Claims as appearances (each of its own cluster, as far as this answer goes), with
    their sentences' offsets and their articles' titles."""
    ledger = bot.corpus.ledger
    sentences = ledger.sentences([c.sentence_id for c in claims])
    titles = {a.id: a.title for a in ledger.articles({c.article for c in claims})}
    return [Appearance(c.sentence_id, c.sentence_id, c.article, c.path or "",
                       titles.get(c.article), c.outlet, c.date, c.line,
                       sentences[c.sentence_id].start, sentences[c.sentence_id].end,
                       sentences[c.sentence_id].text, c.speaker, "alone")
            for c in claims if c.sentence_id in sentences]


def _hit(a: Appearance) -> Hit:
    return Hit(sentence_id=a.sentence_id, article=a.article, path=a.path, title=a.title,
               date=a.date, outlet=a.outlet, line=a.line, start=a.start, end=a.end,
               text=a.text, score=1.0, speaker=a.speaker)
