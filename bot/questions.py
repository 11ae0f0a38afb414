"""Questions about speakers, without an LLM: who, about what, when, and in which outlet.

"What did X say about Y in October 2016?" becomes a topic query (Y) restricted to the claims of
X, where X is a speaker identity, a country (every speaker affiliated with it) or an
organisation; dates and outlets become filters. "Who said Y?" searches attributed claims only.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from index import Filters
from index.attribution.speakers.gazetteer import country_of
from index.attribution.verbs import question_verb_forms

# The verbs of attribution's own list (`index.attribution.verbs`), longest forms first.
SPEECH_VERBS = "|".join(sorted(question_verb_forms(), key=lambda f: (-len(f), f)))
_ABOUT = r"(?:\s+(?:about|on|regarding|concerning|of|over)\s+(?P<topic>.+?))?"
_SPEAKER_QUESTION = re.compile(
    rf"^(?:what|which\s+\w+)\s+(?:did|does|do|has|have|had)\s+(?P<x>.+?)\s+(?:{SPEECH_VERBS})"
    rf"{_ABOUT}\s*[?.!]*$", re.IGNORECASE)
_OUTLET_QUESTION = re.compile(
    rf"^what\s+(?:did|does|has)\s+(?P<outlet>.+?)\s+(?:report|say|write)\s+(?:that\s+)?"
    rf"(?P<x>.+?)\s+(?:{SPEECH_VERBS}){_ABOUT}\s*[?.!]*$", re.IGNORECASE)
_WHO_QUESTION = re.compile(rf"^who\s+(?:has\s+|have\s+|had\s+)?(?:{SPEECH_VERBS})\s+(?:that\s+)?"
                           r"(?P<topic>.+?)\s*[?.!]*$", re.IGNORECASE)
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m} | {
    m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
_IN_MONTH = re.compile(
    r"\s*\b(?:in|during)\s+(?P<month>[A-Za-z]{3,9})\.?\s+(?P<year>\d{4})\b", re.IGNORECASE)
_IN_YEAR = re.compile(r"\s*\b(?:in|during)\s+(?P<year>(?:19|20)\d{2})\b", re.IGNORECASE)
_SINCE = re.compile(r"\s*\bsince\s+(?P<year>(?:19|20)\d{2})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Question:
    """A parsed question.

    Attributes:
        text: The question as asked.
        topic: What to search for ("" to list a speaker's claims).
        filters: Speaker, country, organisation, outlet and date filters.
        who: True for "Who said …?" questions: answer with speaker names first.
        subject: The speaker phrase as asked ("China"), if any.
    """

    text: str
    topic: str
    filters: Filters
    who: bool = False
    subject: str | None = None


@dataclass(frozen=True)
class Vocabulary:
    """What names in a question can resolve to: speaker names and outlets in the ledger."""

    speakers: Sequence[tuple[str, str]]  # (name or alias, identity)
    orgs: Sequence[str]
    outlets: Sequence[str]


def parse(text: str, vocabulary: Vocabulary) -> Question:
    """Parse a question into a topic and filters; unknown speakers leave a plain search."""
    body, since, until = _dates(text.strip())
    base = Filters(since=since, until=until)
    if match := _WHO_QUESTION.match(body):
        return Question(text, match["topic"], replace(base, attributed=True), who=True)
    outlet = None
    match = _OUTLET_QUESTION.match(body)
    if match and (outlet := resolve_outlet(match["outlet"], vocabulary.outlets)):
        base = replace(base, outlet=outlet)
    else:
        match = _SPEAKER_QUESTION.match(body)
    if match:
        subject = _strip_article(match["x"])
        speaker_filter = resolve_speaker(subject, vocabulary)
        if speaker_filter is not None:
            topic = (match["topic"] or "").strip()
            return Question(text, topic, replace(base, **speaker_filter), subject=subject)
    return Question(text, body, base)


def subject_and_topic(text: str) -> tuple[str | None, str | None]:
    """The speaker phrase and topic of "What did X say about Y?", without resolving X."""
    if match := _SPEAKER_QUESTION.match(_dates(text.strip())[0]):
        return _strip_article(match["x"]), match["topic"]
    return None, None


def resolve_speaker(name: str, vocabulary: Vocabulary) -> dict[str, Any] | None:
    """The filter a speaker phrase stands for: ``{"speaker": …}``, ``{"country": …}`` or
    ``{"org": …}``, or None when it names nothing in the ledger."""
    lowered = name.lower()
    for alias, identity in vocabulary.speakers:
        if alias.lower() == lowered or identity.lower() == lowered:
            # A country speaks through all its affiliated speakers, not only as itself.
            if country_of(identity) == identity:
                return {"country": identity}
            return {"speaker": identity}
    if country := country_of(name) or country_of(name.title()):
        return {"country": country}
    for org in vocabulary.orgs:
        if org.lower() == lowered:
            return {"org": org}
    # A family name may come first (Geng Shuang) or last (Donald Trump).
    surnames = {i for _, i in vocabulary.speakers
                if len(i.split()) > 1 and lowered in (i.split()[0].lower(), i.split()[-1].lower())}
    if len(surnames) == 1:
        return {"speaker": surnames.pop()}
    return None


def resolve_outlet(name: str, outlets: Sequence[str]) -> str | None:
    """An outlet of the ledger matching `name` by name or initials ("New York Times" → nyt)."""
    wanted = _strip_article(name).lower()
    initials = "".join(w[0] for w in wanted.split() if w)
    for outlet in outlets:
        key = _strip_article(outlet).lower()
        if key in (wanted, initials) or wanted.replace(" ", "-") == key:
            return outlet
    return None


def _strip_article(phrase: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(), flags=re.IGNORECASE)


def _dates(text: str) -> tuple[str, str | None, str | None]:
    if (m := _IN_MONTH.search(text)) and m["month"].lower() in _MONTHS:
        year, month = int(m["year"]), _MONTHS[m["month"].lower()]
        last = calendar.monthrange(year, month)[1]
        return _cut(text, m), f"{year}-{month:02d}-01", f"{year}-{month:02d}-{last:02d}"
    if m := _IN_YEAR.search(text):
        return _cut(text, m), f"{m['year']}-01-01", f"{m['year']}-12-31"
    if m := _SINCE.search(text):
        return _cut(text, m), f"{m['year']}-01-01", None
    return text, None, None


def _cut(text: str, match: re.Match[str]) -> str:
    return (text[: match.start()] + text[match.end() :]).strip()
