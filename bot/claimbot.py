"""`ClaimBot`, the Python API of claimtrack: the questions side over its `bot.store.Store`.

Search, questions and their answers (asking, answering, optionally writing), and where claims
appeared (tracking) are wired together here; what the store holds, and putting articles in and
out of it, is `Store`'s.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from bot.answering.answers import Answer, declined
from bot.answering.lookup import noted, searched
from bot.asking.declines import before_search, emptying_filter, unknown_subject
from bot.asking.filters import MAX_K, DateLike, check_k, has_words, iso_date, with_speaker
from bot.asking.outlets import resolve_outlet
from bot.asking.questions import Question, Vocabulary, parse
from bot.errors import InvalidArgumentError
from bot.store import Store
from bot.tracking import questions as repeats
from bot.tracking import tracks
from bot.tracking.tracks import Timeline, Track
from index import Cluster, Filters, Hit
from index import Settings as IndexSettings
from index.text import canonical

if TYPE_CHECKING:
    from bot.writing.writer import Writer


class ClaimBot(Store):
    """Ingest news articles, search them and answer questions with cited source lines.

    Args:
        home: Folder of the store; overrides ``settings.home`` (default ``claimtrack-data/``).
        settings: All other settings (`bot.Settings`, or `index.Settings` whose other
            fields are then read from ``CLAIMTRACK_*`` variables); by default all are.
        llm: A LangChain chat model (``BaseChatModel``) for written answers; by default the
            one ``settings.llm`` names (``CLAIMTRACK_LLM``), built on first use, if any.

    Example:
        >>> bot = ClaimBot("my-store")
        >>> bot.ingest(["articles/"])
        >>> print(bot.ask("What did China say about arms sales?").text)
    """

    def __init__(self, home: str | Path | None = None,
                 settings: IndexSettings | None = None, *, llm: Any = None) -> None:
        super().__init__(home, settings)
        self._llm = llm
        self._writer: Writer | None = None
        self.last_answer: Answer | None = None  # what "who else said that?" refers to

    def search(
        self,
        query: str,
        k: int = 10,
        *,
        article: str | None = None,
        outlet: str | None = None,
        since: DateLike = None,
        until: DateLike = None,
        speaker: str | None = None,
        country: str | None = None,
    ) -> list[Hit]:
        """The `k` sentences that best match `query`, best first, scores in [0, 1].

        `speaker` (a speaker's name or alias) and `country` (or an organisation name, which
        matches its affiliated speakers) restrict the search to attributed claims.

        Raises:
            InvalidArgumentError: `query` is empty or has no letters or digits, `k` is not
                within 1 to `MAX_K` (100), or a date is malformed.
            UnknownArticleError: `article` matches no stored article.
        """
        check_k(k)
        if not query.strip():
            raise InvalidArgumentError("the query is empty; give words to search for")
        if not has_words(query):
            raise InvalidArgumentError(
                f"the query {query!r} has no letters or digits; give words to search for")
        self._check_article(article)
        filters = Filters(article, outlet, iso_date(since, "since"), iso_date(until, "until"))
        filters = with_speaker(filters, speaker, country, self.vocabulary())
        return self.corpus.search(query, k, filters)

    def ask(
        self,
        question: str,
        k: int = 5,
        *,
        outlet: str | None = None,
        since: DateLike = None,
        until: DateLike = None,
        speaker: str | None = None,
        country: str | None = None,
        write: bool = False,
        previous: Answer | Literal["last"] | None = "last",
    ) -> Answer:
        """Answer a question with the best supporting sentences, each cited.

        Questions about speakers ("What did X say about Y in October 2016?", "Who said Y?")
        are restricted to X's claims, with dates and outlets as filters. Keyword filters
        apply on top of what the question says (and win where both set the same one).
        Questions that cannot be answered (an empty store, no letters or digits, too long,
        not in English, an unknown speaker, filters that leave nothing) get a message saying
        why, with `Answer.declined` set. With `write`, the chat model also writes an answer
        (`Answer.written`, see `write`). `previous` is the answer that "who else said that?"
        and "where was this first reported?" refer to: by default this bot's last answer
        (`last_answer`); a caller holding several conversations (the web app) passes each
        one's own, None for none.

        Raises:
            InvalidArgumentError: `question` is empty, `k` is not within 1 to `MAX_K` (100),
                or a date is malformed.
            ModelUnavailableError: `write` is set but no chat model is configured or can be
                built.
        """
        check_k(k)
        if not question.strip():
            raise InvalidArgumentError(
                "the question is empty; ask about a topic or a speaker, e.g. "
                '"What did China say about arms sales?"')
        question = canonical(question)  # the form of stored text (index.text)
        before = self.last_answer if previous == "last" else previous
        tracked = repeats.answer(self, question, k, before)  # repeated claims, over time
        if tracked is not None:
            self.last_answer = tracked
            return tracked
        vocabulary = self.vocabulary()
        outlet = resolve_outlet(outlet, vocabulary.outlets) or outlet if outlet else None
        given = Filters(None, outlet, iso_date(since, "since"), iso_date(until, "until"))
        given = with_speaker(given, speaker, country, vocabulary)
        parsed = self._read(question, given, vocabulary)
        if isinstance(parsed, Answer):
            return parsed  # declined before any search
        answer = self._searched(question, parsed, k, vocabulary)
        self.last_answer = answer
        return _final(self.write(answer)) if write else answer

    def _read(self, question: str, given: Filters, vocabulary: Vocabulary) -> Question | Answer:
        """How `ask` reads a question, the keyword filters `given` over its own; or the
        answer declining it before any search (`bot.asking.declines`)."""
        decline = before_search(question, vocabulary, self.corpus.home,
                                self.settings.max_question_chars)
        if decline is not None:
            return declined(question, decline)
        parsed = self.parse(question)
        overrides = {k: v for k, v in vars(given).items() if v not in (None, False)}
        parsed = replace(parsed, filters=replace(parsed.filters, **overrides))
        if not given.on_claims() and (decline := unknown_subject(parsed, vocabulary)):
            return declined(question, decline)
        return parsed

    def _searched(self, question: str, parsed: Question, k: int,
                  vocabulary: Vocabulary) -> Answer:
        """The cited answer to a question as read, with its notes; declined when no sentence
        is found because its filters leave nothing."""
        answer = searched(self.corpus.search_engine, question, parsed, k,
                          self.settings.min_relevance)
        if not answer.citations and (decline := emptying_filter(
                parsed.filters, self.corpus.ledger, vocabulary)):
            answer = declined(question, decline)
        return noted(answer, parsed, self.corpus.ledger)

    @property
    def writes(self) -> bool:
        """Whether a chat model is configured (``CLAIMTRACK_LLM``) or given (``llm=``)."""
        return self._llm is not None or self.settings.llm is not None

    def write(self, answer: Answer) -> Iterator[str | Answer]:
        """Have the chat model write `answer` up, streaming its text, then verify it.

        Every ``[n]`` must name a cited sentence, every quotation must occur verbatim in a
        sentence it cites and every speaker it names for a marker must be that sentence's
        (`bot.writing.verification`); sentences that fail are dropped. When too little survives, or
        the model fails or exceeds ``CLAIMTRACK_LLM_TIMEOUT``, the extractive answer stays,
        with a one-line `Answer.notice`.

        Yields:
            Pieces of the model's unverified text, then the final `Answer`.

        Raises:
            ModelUnavailableError: No chat model is configured, or it cannot be built.
        """
        return self.writer().write(answer)

    def rewrite(self, message: str, history: Sequence[str]) -> str | None:
        """A chat follow-up ("and what did he say about Russia?") as a standalone question,
        rewritten by the chat model from the earlier questions; None if it could not."""
        return self.writer().rewrite(message, history)

    def writer(self) -> Writer:
        """The writer of written answers, its model built on first use.

        Raises:
            ModelUnavailableError: No chat model is configured, or it cannot be built.
        """
        if self._writer is None:
            from bot.errors import ModelUnavailableError

            if not self.writes:
                raise ModelUnavailableError(
                    "written answers need a chat model: set CLAIMTRACK_LLM, e.g. "
                    "CLAIMTRACK_LLM=ollama:llama3.2, after pip install 'claimtrack[llm]'")
            from bot.writing.chatmodel import load_model  # LangChain only when a model is wanted
            from bot.writing.writer import Writer

            model = self._llm if self._llm is not None else load_model(str(self.settings.llm))
            self._writer = Writer(model, self.settings.llm_timeout,
                                  lambda: dict(self.vocabulary().speakers))
        return self._writer

    def parse(self, question: str) -> Question:
        """How `ask` reads a question: its topic and filters."""
        return parse(canonical(question), self.vocabulary())

    def track(self, text_or_claim_id: str) -> Track:
        """Where a claim appeared: its cluster(s) with every appearance, first first.

        Args:
            text_or_claim_id: A claim's sentence id, or a quotation or claim in words.

        Raises:
            InvalidArgumentError: The text has no letters or digits.
        """
        text = canonical(text_or_claim_id).strip()
        if not has_words(text):
            raise InvalidArgumentError(
                f"{text_or_claim_id!r} has no words to track; give a quotation or a claim id")
        return tracks.track(self.corpus.ledger.clusters, text, lambda: self.search(text, 10))

    def timeline(self, speaker: str, topic: str | None = None, since: DateLike = None,
                 until: DateLike = None) -> Timeline:
        """A speaker's claims (those `topic` finds, if given) in date order, by cluster."""
        claims = self.claims(speaker=speaker, since=since, until=until)
        if topic and claims:
            found = self.search(topic, MAX_K, speaker=speaker, since=since, until=until)
            relevant = {h.sentence_id for h in found
                        if (h.similarity or 0.0) >= self.settings.min_relevance}
            claims = [c for c in claims if c.sentence_id in relevant]
        return tracks.timeline(speaker, topic, claims, self.corpus.ledger.clusters)

    def clusters(self, speaker: str | None = None, min_size: int = 2,
                 limit: int = MAX_K) -> list[Cluster]:
        """Clusters of at least `min_size` claims (one of them by `speaker`), biggest first."""
        name = with_speaker(Filters(), speaker, None, self.vocabulary()).speaker
        table = self.corpus.ledger.clusters
        return tracks.clusters(table, table.clusters_of_entity(name or speaker, min_size)[:limit])


def _final(stream: Iterator[str | Answer]) -> Answer:
    """The answer that ends a stream of `ClaimBot.write`."""
    answers = [item for item in stream if isinstance(item, Answer)]
    return answers[-1]
