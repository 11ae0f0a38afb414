"""Questions about speakers, without an LLM: who, about what, when, and in which outlet.

"What did X say about Y in October 2016?" becomes a topic query (Y) restricted to the claims of
X, where X is a speaker identity, a country (every speaker affiliated with it) or an
organisation (see `bot.asking.speakers`); date expressions (`bot.asking.dates`) and outlets
(`bot.asking.outlets`) become filters. "Who said Y?" searches attributed claims only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Literal

from bot.asking.dates import find_dates
from bot.asking.outlets import find_outlet, resolve_outlet
from bot.asking.speakers import resolve
from bot.asking.vocabulary import Vocabulary
from index import Filters
from index.attribution.lexicon.verbs import question_verb_forms

__all__ = ["SPEECH_VERBS", "Question", "Vocabulary", "parse", "resolve_outlet",
           "resolve_speaker", "subject_and_topic"]

# The verbs of attribution's own list (`index.attribution.lexicon.verbs`), longest forms first.
SPEECH_VERBS = "|".join(sorted(question_verb_forms(), key=lambda f: (-len(f), f)))
_ABOUT = r"(?:\s+(?:about|on|regarding|concerning|of|over)\s+(?P<topic>.+?))?"
# Whom a speaker told: "tell Andrea Mitchell about", "tell reporters about".
_LISTENER = (r"(?:\s+(?:(?-i:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})|reporters|journalists"
             r"|the\s+press|supporters|voters|the\s+crowd|an?\s+interviewer))?")
_SPEAKER_QUESTION = re.compile(
    rf"^(?:what|which\s+\w+)\s+(?:did|does|do|has|have|had)\s+(?P<x>.+?)\s+(?:{SPEECH_VERBS})"
    rf"{_LISTENER}{_ABOUT}\s*[?.!]*$", re.IGNORECASE)
_OUTLET_QUESTION = re.compile(
    rf"^what\s+(?:did|does|has)\s+(?P<outlet>.+?)\s+(?:report|say|write)\s+(?:that\s+)?"
    rf"(?P<x>.+?)\s+(?:{SPEECH_VERBS}){_ABOUT}\s*[?.!]*$", re.IGNORECASE)
_WHO_QUESTION = re.compile(rf"^who\s+(?:has\s+|have\s+|had\s+)?(?:{SPEECH_VERBS}|called)\s+"
                           r"(?:that\s+)?(?P<topic>.+?)\s*[?.!]*$", re.IGNORECASE)
# "Did the NYT report what Obama said about …?", "Did USA Today report that Trump …?"
_DID_REPORT = re.compile(r"^did\s+(?P<outlet>.+?)\s+(?:report|say|write)\s+(?:what|that)\s+"
                         r"(?P<rest>.+?)\s*[?.!]*$", re.IGNORECASE)
# "According to Al Jazeera, …" / "…, according to Al Jazeera?": a source named up front.
_ACCORDING = re.compile(r"^according\s+to\s+(?P<a>[^,?]+),|,\s*according\s+to\s+(?P<b>[^,?]+?)"
                        r"\s*[?.!]*$", re.IGNORECASE)
# What a clause that reports speech reads like once "what" is dropped: "Obama said about Y".
_REPORTED = re.compile(rf"^(?P<x>.+?)\s+(?:{SPEECH_VERBS}){_ABOUT}\s*$", re.IGNORECASE)


_PRONOUNS = frozenset(("he", "she", "they", "it", "him", "her", "them", "his", "their"))
# Lowercase words a name may hold: "Charles de Gaulle", "Osama bin Laden".
_PARTICLES = frozenset(("de", "da", "di", "del", "der", "van", "von", "bin", "al", "el", "la",
                        "le", "of", "and", "&"))
Unknown = Literal["speaker", "pronoun"]


@dataclass(frozen=True)
class Question:
    """A parsed question.

    Attributes:
        text: The question as asked.
        topic: What to search for ("" to list a speaker's claims).
        filters: Speaker, country, organisation, outlet and date filters.
        who: True for "Who said …?" questions: answer with speaker names first.
        subject: The speaker phrase as asked ("China"), if any.
        speaker: The speaker, country or organisation the subject resolved to.
        others: Close runners-up of `speaker` ("Did you mean …?").
        unknown: Why the subject resolved to no one: it names no speaker of the ledger
            ("speaker"), or it is a pronoun with no earlier question ("pronoun").
        missing_outlet: A source named as an outlet ("according to Al Jazeera", "did the
            Guardian report") that is no stored outlet and no speaker, as asked.
    """

    text: str
    topic: str
    filters: Filters
    who: bool = False
    subject: str | None = None
    speaker: str | None = None
    others: tuple[str, ...] = ()
    unknown: Unknown | None = None
    missing_outlet: str | None = None


def parse(text: str, vocabulary: Vocabulary) -> Question:
    """Parse a question into a topic and filters; a speaker phrase naming no one of the
    ledger leaves a plain search, marked `unknown`."""
    body, dates = find_dates(text.strip(), vocabulary.last_date)
    base = Filters(since=dates.since, until=dates.until) if dates else Filters()
    if missing := _missing_outlet(body, vocabulary):
        return Question(text, body, base, missing_outlet=missing)
    body, outlet = find_outlet(body, vocabulary.outlets)
    if outlet:
        base = replace(base, outlet=outlet)
    if (did := _DID_REPORT.match(body)) and (
            outlet := resolve_outlet(did["outlet"], vocabulary.outlets)):
        base = replace(base, outlet=outlet)
        body = f"What did {did['rest']}?" if _REPORTED.match(did["rest"]) else did["rest"]
    if match := _WHO_QUESTION.match(body):
        return Question(text, match["topic"], replace(base, attributed=True), who=True)
    match = _OUTLET_QUESTION.match(body)
    if match and (outlet := resolve_outlet(match["outlet"], vocabulary.outlets)):
        base = replace(base, outlet=outlet)
    else:
        match = _SPEAKER_QUESTION.match(body)
    if not match:
        return Question(text, body, base)
    subject = _strip_article(match["x"])
    topic = (match["topic"] or "").strip()
    found = resolve(subject, vocabulary, base.since, base.until)
    if found is not None:
        return Question(text, topic, replace(base, **found.filters), subject=subject,
                        speaker=found.name, others=found.others)
    if outlet := resolve_outlet(subject, vocabulary.outlets):  # "What did Politico report?"
        return Question(text, topic or body, replace(base, outlet=outlet))
    return Question(text, body, base, subject=subject, unknown=_unknown(subject))


def _missing_outlet(body: str, vocabulary: Vocabulary) -> str | None:
    """A capitalised source named as an outlet that is neither a stored outlet nor a speaker."""
    named = None
    if match := _ACCORDING.search(body):
        named = (match["a"] or match["b"]).strip()
    elif match := _DID_REPORT.match(body):
        named = match["outlet"].strip()
    if not named or resolve_outlet(named, vocabulary.outlets):
        return None
    name = _strip_article(named)
    if _unknown(name) != "speaker" or resolve(name, vocabulary) is not None:
        return None
    return named


def subject_and_topic(text: str) -> tuple[str | None, str | None]:
    """The speaker phrase and topic of "What did X say about Y?", without resolving X."""
    if match := _SPEAKER_QUESTION.match(find_dates(text.strip())[0]):
        return _strip_article(match["x"]), match["topic"]
    return None, None


def resolve_speaker(name: str, vocabulary: Vocabulary) -> dict[str, Any] | None:
    """The filter a speaker phrase stands for: ``{"speaker": …}``, ``{"country": …}`` or
    ``{"org": …}``, or None when it names nothing in the ledger (see `bot.asking.speakers`)."""
    found = resolve(name, vocabulary)
    return dict(found.filters) if found else None


def _unknown(subject: str) -> Unknown | None:
    """Why a subject that resolved to no one deserves a plain "no one" rather than a search:
    it is a name ("Angela Merkel"), or a pronoun with nothing to refer to."""
    words = subject.split()
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return "pronoun"
    if 0 < len(words) <= 5 and words[0][:1].isupper() and all(
            w[:1].isupper() or w.lower() in _PARTICLES for w in words):
        return "speaker"
    return None


def _strip_article(phrase: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(), flags=re.IGNORECASE)
