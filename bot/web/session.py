"""The chat logic behind the web app, without gradio: sessions, follow-ups, filters, answers.

`WebBot` wraps a `ClaimBot` for concurrent use by the web server: it serialises calls into the
store (the ledger shares one SQLite connection).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from bot.answering.answers import Answer, compose
from bot.answering.citations import Citation
from bot.asking.questions import SPEECH_VERBS, subject_and_topic
from bot.claimbot import MAX_K, ClaimBot
from bot.web.tables import choices, topic_of
from index import Article, Claim, Hit, IngestReport, Speaker

FILTERS = ("speaker", "country", "outlet", "since", "until")
EXAMPLE_TEXTS = 50  # texts tagged per speaker (and of articles) to find example topics
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


def resolve(message: str, session: Session) -> Turn:
    """Resolve a simple follow-up ("and what about Russia?", "what else did he say?").

    Args:
        message: What the user typed.
        session: The session's previous question, subject and topic.

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
        other = match["x"].strip()
        if session.subject:
            about = f" about {session.topic}" if session.topic else ""
            return Turn(asked, f"What did {other} say{about}?")
        return Turn(asked, f"What did {other} say about {session.topic or session.question}?")
    if session.referent and (match := _PRONOUN_SUBJECT.match(asked)):
        return Turn(asked, match["head"] + session.referent + asked[match.end():])
    return Turn(asked, asked)


def _subject(phrase: str, session: Session) -> str | None:
    phrase = phrase.strip()
    if phrase.lower() in _PRONOUNS:
        return session.referent
    return re.sub(r"^the\s+", "", phrase, flags=re.IGNORECASE)


def _needs_context(message: str) -> bool:
    """Whether a message leans on earlier turns: a pronoun, a leading "and"/"but"/"also",
    or a few words only. Others go unrewritten, so a new question costs no model call."""
    words = re.findall(r"[a-z']+", message.lower())
    return (len(words) <= 4 or bool(_CONTEXT_WORDS & set(words))
            or bool(words and words[0] in ("and", "but", "also", "so")))


def citation_dicts(answer: Answer) -> list[dict[str, Any]]:
    """The citations of an answer as JSON-ready dicts (the fields of `bot.Citation`)."""
    return [asdict(c) for c in answer.citations]


class WebBot:
    """Thread-safe adapter from the web app to a `ClaimBot`: every call into the store holds
    one lock, because the ledger shares one SQLite connection between threads.

    Args:
        bot: The bot.
        k: Citations per answer.
    """

    def __init__(self, bot: ClaimBot, k: int = 5) -> None:
        self.bot = bot
        self.k = k
        self.lock = threading.RLock()

    def ask(self, question: str, k: int, previous: Answer | None = None,
            **filters: Any) -> Answer:
        """`ClaimBot.ask` under the lock (filters: speaker, country, outlet, since, until);
        "who else said that?" refers to `previous`, the asking session's last answer."""
        with self.lock:
            return self.bot.ask(question, k, previous=previous, **filters)

    def stream(self, turn: Turn, filters: dict[str, str | None],
               previous: Answer | None = None) -> Iterator[str | Answer]:
        """`answer`, then, with a chat model, its written form as `ClaimBot.write` streams it.

        Yields:
            Pieces of the model's unverified text, then the final `Answer` (only that
            without a model).
        """
        answer = self.answer(turn, filters, previous)
        if not self.bot.writes:
            yield answer
            return
        # Outside the lock: the model takes seconds, and it does not touch the store.
        yield from self.bot.write(answer)

    def resolve(self, message: str, session: Session) -> Turn:
        """`resolve`; with a chat model, a follow-up that leans on the previous question ("and
        his view of the sanctions?") is rewritten by the model instead, but for "what else
        did he say?", which `resolve` answers exactly (without what was shown)."""
        turn = resolve(message, session)
        if (not self.bot.writes or session.question is None or turn.exclude
                or not _needs_context(turn.asked)):
            return turn
        rewritten = self.bot.rewrite(turn.asked, [session.question])
        return Turn(turn.asked, rewritten) if rewritten else turn

    def search(self, query: str, k: int, filters: dict[str, str | None]) -> list[Hit]:
        """`ClaimBot.search` under the lock, with the filters that are set."""
        wanted = {n: v for n, v in filters.items() if v}
        with self.lock:
            return self.bot.search(query, k, **wanted)

    def ingest(self, paths: Sequence[Path], progress: Callable[[str], None]) -> IngestReport:
        """`ClaimBot.ingest` under the lock."""
        with self.lock:
            return self.bot.ingest(list(paths), progress=progress)

    def delete(self, article: str) -> list[str]:
        """`ClaimBot.delete` under the lock."""
        with self.lock:
            return self.bot.delete(article)

    def articles(self) -> list[Article]:
        """`ClaimBot.articles` under the lock."""
        with self.lock:
            return self.bot.articles()

    def claims(self, **filters: str | None) -> list[Claim]:
        """`ClaimBot.claims` under the lock (filters: article, speaker, country, since,
        until)."""
        with self.lock:
            return self.bot.claims(**filters)

    def speakers(self) -> list[Speaker]:
        """`ClaimBot.speakers` under the lock."""
        with self.lock:
            return self.bot.speakers()

    def answer(self, turn: Turn, filters: dict[str, str | None],
               previous: Answer | None = None) -> Answer:
        """Answer a resolved question with the filters that are set, after `previous`."""
        if turn.exclude:
            return self._answer_more(turn)
        wanted = {k: v for k, v in filters.items() if v}
        return self.ask(turn.question, self.k, previous, **wanted)

    def _answer_more(self, turn: Turn) -> Answer:
        """`turn.question` without the citations already shown ("what else did he say?")."""
        previous = self.ask(turn.question, min(MAX_K, self.k + len(turn.exclude)))
        skip = set(turn.exclude)
        hits = [_as_hit(c) for c in previous.citations if c.sentence_id not in skip]
        if not hits:
            return Answer(turn.question, "Nothing more in the articles for this question.", ())
        return compose(turn.question, hits, self.bot.settings.min_relevance, limit=self.k)

    def remember(self, session: Session, turn: Turn, answer: Answer) -> Session:
        """The session after answering `turn`: its subject, topic and cited sentences."""
        subject, topic = self.subject_and_topic(turn.question)
        if turn.exclude and not topic:  # "what else did he say?" keeps the earlier topic
            topic = session.topic
        cited = [c.sentence_id for c in answer.citations]
        if subject is None:  # a question about no one: "he" still means the last speaker
            referent, seen = session.referent, session.seen
        elif subject.lower() == (session.referent or "").lower():
            referent, seen = subject, session.seen + [c for c in cited if c not in session.seen]
        else:
            referent, seen = subject, cited
        return replace(session, question=turn.question, subject=subject, topic=topic,
                       referent=referent, seen=seen, last=answer)

    def subject_and_topic(self, question: str) -> tuple[str | None, str | None]:
        """Who a question asks about, and about what: as `ClaimBot.parse` reads it, else
        the phrase of "What did X say about Y?" even when X names no known speaker."""
        with self.lock:
            parsed = self.bot.parse(question)
        if parsed.subject:
            return parsed.subject, parsed.topic or None
        return subject_and_topic(question)

    def article(self, article_id: str) -> Article | None:
        """The stored article with this id (or path, file name or title), if any."""
        articles = self.articles()
        for a in articles:
            if a.id == article_id:
                return a
        for a in articles:
            if article_id in (a.key, a.path, a.title) or a.path.endswith("/" + article_id):
                return a
        return None

    def examples(self, limit: int = 4) -> list[str]:
        """Questions the articles answer: "What did <speaker> say about <topic>?"."""
        candidates = []
        claims = self.claims()
        for speaker in self.speakers()[: 2 * limit]:
            # A speaker's first claims are enough for a topic; tagging all of them took tens
            # of seconds on a large store before the server listened.
            texts = [c.text or "" for c in claims if c.speaker == speaker.name][:EXAMPLE_TEXTS]
            name = "the " + speaker.name if speaker.kind == "organisation" else speaker.name
            if topic := topic_of([self._tagged(t) for t in texts]):
                candidates.append(f"What did {name} say about {topic}?")
        if len(candidates) < limit:
            texts = [a.text for a in self.articles()[:EXAMPLE_TEXTS]]
            if topic := topic_of([self._tagged(t) for t in texts]):
                candidates.append(f"What do the articles say about {topic}?")
        covered = [q for q in choices(candidates) if self.ask(q, 1).covered]
        return covered[:limit]

    def _tagged(self, text: str) -> list[tuple[str, str]]:
        from index.attribution.language import load_nlp  # spaCy: only for example questions

        with self.lock:
            return [(t.text, t.tag_) for t in load_nlp()(text)]

    def filter_choices(self) -> dict[str, list[str]]:
        """Choices of the speaker, organisation/country and outlet filters."""
        outlets = choices(sorted({a.outlet for a in self.articles() if a.outlet}))
        found = self.speakers()
        speakers = choices(s.name for s in found)
        places = choices(x for s in found for x in (*s.countries, *s.orgs))
        return {"speaker": speakers, "country": sorted(places), "outlet": outlets}


def _as_hit(citation: Citation) -> Hit:
    names = {f.name for f in fields(Hit)}
    return Hit(**{n: v for n, v in asdict(citation).items() if n in names})
