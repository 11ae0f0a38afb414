"""The chat logic behind the web app, without gradio: filters, answers, example questions.

Sessions and follow-ups are `bot.web.followups` (`Session`, `Turn` and `resolve` are
re-exported here). `WebBot` wraps a `ClaimBot` for concurrent use by the web server: it
serialises calls into the store (the ledger shares one SQLite connection).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, fields, replace
from pathlib import Path
from typing import Any

from bot.answering.answers import Answer, compose
from bot.answering.citations import Citation
from bot.asking.questions import subject_and_topic
from bot.claimbot import MAX_K, ClaimBot
from bot.tracking import questions as repeats
from bot.web.followups import Session, Turn, needs_context, resolve
from bot.web.tables import choices, topic_of
from index import Article, Claim, Hit, IngestReport, Speaker

FILTERS = ("speaker", "country", "outlet", "since", "until")
EXAMPLE_TEXTS = 50  # texts tagged per speaker (and of articles) to find example topics
__all__ = ["EXAMPLE_TEXTS", "FILTERS", "Session", "Turn", "WebBot", "citation_dicts", "resolve"]


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
        did he say?", which `resolve` answers exactly (without what was shown), and for questions
        about the last answer's claim ("who else said that?"), which need no rewriting."""
        turn = resolve(message, session, self.speaks)
        if (not self.bot.writes or session.question is None or turn.exclude
                or not needs_context(turn.asked) or repeats.reads(turn.asked)):
            return turn
        rewritten = self.bot.rewrite(turn.asked, [session.question])
        return Turn(turn.asked, rewritten) if rewritten else turn

    def speaks(self, phrase: str) -> bool:
        """Whether `phrase` names a speaker, country or organisation of the ledger, or an
        unknown name ("Angela Merkel"), rather than a topic ("the peace plan")."""
        with self.lock:
            parsed = self.bot.parse(f"What did {phrase} say?")
        found = parsed.filters
        return bool(found.speaker or found.country or found.org) or parsed.unknown == "speaker"

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

    def nouns(self, texts: Sequence[str]) -> list[frozenset[str]]:
        """The common nouns of each text, in lower case (the Claims tab's topics)."""
        from index.attribution.language import load_nlp  # spaCy: only for topics here

        with self.lock:
            docs = list(load_nlp().pipe(texts, disable=["parser"]))
        return [frozenset(t.text.lower() for t in doc if t.tag_ in ("NN", "NNS"))
                for doc in docs]

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
