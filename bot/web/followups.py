"""Follow-ups in the web chat: what a session has asked, and how a short follow-up ("and what
about Russia?", "what else did he say?") reads as a whole question."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bot.answering.answers import Answer
from bot.asking.questions import SPEECH_VERBS

_ELSE = re.compile(
    rf"^(?:and\s+|so\s+)?what\s+else\s+(?:did|does|has|have|had)\s+(?P<x>.+?)\s+(?:{SPEECH_VERBS})\b"
    r"(?P<rest>.*?)[\s?.!]*$", re.IGNORECASE)
_WHAT_ABOUT = re.compile(
    r"^(?:and|but|so)?[\s,]*(?:what|how)\s+about\s+(?P<x>.+?)[\s?.!]*$", re.IGNORECASE)
_AND_X = re.compile(r"^and\s+(?P<x>[^?.!,]{2,60}?)[\s?.!]*$", re.IGNORECASE)
_PRONOUN_SUBJECT = re.compile(
    r"^(?P<head>(?:what|which\s+\w+)\s+(?:did|does|do|has|have|had)\s+)"
    r"(?P<p>he|she|they|it)\b", re.IGNORECASE)
_PRONOUNS = {"he", "she", "they", "it", "him", "her", "them"}
_CONTEXT_WORDS = _PRONOUNS | {"his", "hers", "their", "its", "that", "this", "those", "these"}


@dataclass
class Session:
    """What one browser tab (or API client) has asked so far; kept in a `gr.State`.

    Attributes:
        question: The last question as answered (follow-ups resolved).
        subject: The speaker, country or organisation it asked about, if any.
        topic: What it asked about, if any.
        referent: The last speaker asked about, whom "he", "she" or "they" refer to.
        seen: Sentence ids already cited for `referent` ("what else did he say?" skips them).
        cards: Chatbot message index → citation (as a dict) of each citation card shown.
        hits: The last search results (dicts), for opening a result in the viewer.
        messages: The chat so far, as shown (gradio message dicts).
        last: The last answer, which "who else said that?" refers to (this session's own:
            the bot's `ClaimBot.last_answer` is shared by every session).
    """

    question: str | None = None
    subject: str | None = None
    topic: str | None = None
    referent: str | None = None
    seen: list[str] = field(default_factory=list)
    cards: dict[int, dict[str, Any]] = field(default_factory=dict)
    hits: list[dict[str, Any]] = field(default_factory=list)
    messages: list[dict[str, Any]] = field(default_factory=list)
    last: Answer | None = None


@dataclass(frozen=True)
class Turn:
    """A question ready to answer: follow-ups resolved against the session."""

    asked: str
    question: str
    exclude: tuple[str, ...] = ()


def resolve(message: str, session: Session,
            speaks: Callable[[str], bool] | None = None) -> Turn:
    """Resolve a simple follow-up ("and what about Russia?", "what else did he say?").

    "And what about X?" keeps the topic and changes the speaker when X is a speaker ("and
    what about Russia?" after "What did China say about arms sales?"), and keeps the speaker
    and changes the topic otherwise ("and what about the peace plan?").

    Args:
        message: What the user typed.
        session: The session's previous question, subject and topic.
        speaks: Whether a phrase names a speaker, country or organisation; by default,
            whether it is capitalised like a name.

    Returns:
        The question to answer; unchanged when `message` is not a follow-up.
    """
    asked = " ".join(message.split())
    if session.question is None:
        return Turn(asked, asked)
    if match := _ELSE.match(asked):
        subject = _subject(match["x"], session)
        if subject:
            rest = match["rest"].strip()
            question = f"What did {subject} say{(' ' + rest) if rest else ''}?"
            same = subject.lower() == (session.referent or "").lower()
            return Turn(asked, question, tuple(session.seen) if same else ())
    match = _WHAT_ABOUT.match(asked) or _AND_X.match(asked)
    if match:
        return Turn(asked, _about(match["x"].strip(), session, speaks or _named))
    if session.referent and (match := _PRONOUN_SUBJECT.match(asked)):
        return Turn(asked, match["head"] + session.referent + asked[match.end():])
    return Turn(asked, asked)


def _about(other: str, session: Session, speaks: Callable[[str], bool]) -> str:
    """The question "and what about `other`?" asks after the session's last one."""
    if not speaks(other):  # a new topic for the same speaker, or for the articles
        if session.subject:
            return f"What did {session.subject} say about {other}?"
        return f"What do the articles say about {other}?"
    if session.subject:
        about = f" about {session.topic}" if session.topic else ""
        return f"What did {other} say{about}?"
    return f"What did {other} say about {session.topic or session.question}?"


def _named(phrase: str) -> bool:
    """Whether a phrase looks like a name: its first word after "the" is capitalised."""
    words = re.sub(r"^the\s+", "", phrase, flags=re.IGNORECASE).split()
    return bool(words) and words[0][:1].isupper()


def _subject(phrase: str, session: Session) -> str | None:
    phrase = phrase.strip()
    if phrase.lower() in _PRONOUNS:
        return session.referent
    return re.sub(r"^the\s+", "", phrase, flags=re.IGNORECASE)


def needs_context(message: str) -> bool:
    """Whether a message leans on earlier turns: a pronoun, a leading "and"/"but"/"also",
    or a few words only. Others go unrewritten, so a new question costs no model call."""
    words = re.findall(r"[a-z']+", message.lower())
    return (len(words) <= 4 or bool(_CONTEXT_WORDS & set(words))
            or bool(words and words[0] in ("and", "but", "also", "so")))
