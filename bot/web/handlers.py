"""Event handlers of the web app, in plain Python (`bot.web.app` adapts them to gradio).

Handlers return plain values, or `KEEP` (leave that output as it is), `Choices` (new dropdown
options) and `Samples` (new example questions) of `bot.web.updates`; `bot.web.app` turns these into
gradio updates and `ClaimtrackError`s into error pop-ups.
"""

from __future__ import annotations

import tempfile
import time
from collections import Counter
from collections.abc import Callable, Generator, Iterator
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from bot.answering.answers import Answer
from bot.web.claims import ClaimHandlers, chosen_filters
from bot.web.options import upload_limit
from bot.web.session import Session, WebBot, citation_dicts
from bot.web.tables import (
    article_rows,
    hit_rows,
    report_rows,
)
from bot.web.tracking import also_in, cluster_view
from bot.web.updates import KEEP, Choices, Samples, Visible
from bot.web.uploads import stage_uploads
from bot.web.viewer import (
    EMPTY_VIEWER,
    article_html,
    card_markdown,
    draft_markdown,
    escape_markdown,
    reply_markdown,
    stream_steps,
)
from index import ClaimtrackError

Messages = list[dict[str, Any]]


class Handlers(ClaimHandlers):
    """Everything the web app does, in terms of `WebBot`.

    Args:
        web: The bot adapter.
        max_file_size: Largest upload, e.g. ``"1mb"``; by default, and at most, the ingest
            limit (`Settings.max_file_mb`); see `upload_limit`.
        stream_delay: Seconds between streamed parts of an answer.

    Raises:
        InvalidArgumentError: If `max_file_size` is not a size or is over the ingest limit.
    """

    def __init__(self, web: WebBot, max_file_size: str | int | None = None,
                 stream_delay: float = 0.03) -> None:
        self.web = web
        self.max_bytes = upload_limit(max_file_size, web.bot.settings.max_file_bytes)
        self.stream_delay = stream_delay
        self.home = Path(web.bot.settings.home).expanduser().resolve()
        self._exports = tempfile.TemporaryDirectory(prefix="claimtrack-export-")
        self._examples: tuple[tuple[tuple[str, str], ...] | None, list[str]] = (None, [])

    # Chat -------------------------------------------------------------------------------------

    def chat(self, message: str, session: Session, *filters: str | None) -> Iterator[tuple]:
        """Answer a chat message, streaming the answer, then its citation cards.

        Yields:
            ``(messages, session, question box, viewer)``.
        """
        message = (message or "").strip()
        if not message:
            yield KEEP, KEEP, KEEP, KEEP
            return
        chosen = chosen_filters(filters)
        messages = [*session.messages, {"role": "user", "content": escape_markdown(message)}]
        yield [*messages, {"role": "assistant", "content": "…"}], KEEP, "", KEEP
        try:
            turn = self.web.resolve(message, session)
            answer = yield from self._drafts(self.web.stream(turn, chosen, session.last),
                                           messages)
        except ClaimtrackError as exc:  # a bad filter or a busy store: say so in the chat
            messages.append({"role": "assistant",
                             "content": f"**Could not answer:** {escape_markdown(str(exc))}"})
            yield messages, replace(session, messages=messages), "", KEEP
            return
        body = reply_markdown(turn, answer, chosen)
        # A written answer replaces its streamed draft at once; the extractive one unrolls.
        for part in [body] if answer.written else stream_steps(body):
            yield [*messages, {"role": "assistant", "content": part}], KEEP, "", KEEP
            time.sleep(self.stream_delay)
        messages.append({"role": "assistant", "content": body})
        cards = dict(session.cards)
        with self.web.lock:
            echoes = also_in(self.web.bot, [c.sentence_id for c in answer.shown_citations])
        for citation in answer.shown_citations:
            cards[len(messages)] = asdict(citation)
            messages.append({"role": "assistant", "content": card_markdown(
                citation, echoes.get(citation.sentence_id))})
        session = replace(self.web.remember(session, turn, answer), cards=cards,
                          messages=messages)
        yield messages, session, "", KEEP

    def _drafts(self, stream: Iterator[str | Answer], messages: Messages
                ) -> Generator[tuple, None, Answer]:
        """Show the chat model's text as it streams; returns the final answer."""
        draft = ""
        for item in stream:
            if isinstance(item, Answer):
                return item
            draft += item
            yield [*messages, {"role": "assistant", "content": draft_markdown(draft)}], \
                KEEP, "", KEEP
        raise ClaimtrackError("the answer stream ended without an answer")

    def chat_json(self, question: str, *args: Any) -> tuple[dict[str, Any], Session]:
        """API ``chat``: the answer as JSON, with the citations of `ClaimBot.ask` (and, with
        a chat model, ``written`` and ``notice`` as in `bot.Answer`)."""
        *filters, session = args
        turn = self.web.resolve(question or "", session)
        chosen = chosen_filters(filters)
        stream = self.web.stream(turn, chosen, session.last)
        answer = next(a for a in stream if isinstance(a, Answer))
        session = self.web.remember(session, turn, answer)
        reply = {"question": turn.asked, "resolved": turn.question, "text": answer.text,
                 "covered": answer.covered, "filters": chosen,
                 "did_you_mean": list(answer.did_you_mean), "declined": answer.declined,
                 "undated": answer.undated, "citations": citation_dicts(answer)}
        if self.web.bot.writes:
            reply |= {"written": asdict(answer.written) if answer.written else None,
                      "notice": answer.notice}
        return reply, session

    def open_card(self, index: Any, session: Session) -> tuple:
        """Open the citation card at chatbot message `index`: its article in the viewer, and
        its claim's cluster, every appearance of it; ``(viewer, cluster summary, cluster
        rows, cluster records, cluster panel shown)``."""
        key = index[0] if isinstance(index, list | tuple) else index
        card = session.cards.get(int(key)) if key is not None else None
        if card is None:
            return KEEP, KEEP, KEEP, KEEP, KEEP
        viewer = self.source_html(card["article"], card["line"], card["start"], card["end"])
        with self.web.lock:
            summary, rows, records = cluster_view(self.web.bot, card)
        return viewer, summary, rows, records, Visible(True)

    def clear(self) -> tuple[Session, Messages, str]:
        """Forget the conversation."""
        return Session(), [], EMPTY_VIEWER

    def source_html(self, article: str, line: Any = 0, start: Any = -1, end: Any = -1) -> str:
        """API ``source``: an article with line numbers, the given span highlighted."""
        found = self.web.article(str(article or ""))
        if found is None:
            return ('<div class="ct-viewer"><p class="ct-empty">This article is no longer '
                    "stored.</p></div>")
        return article_html(found, _int(start, -1), _int(end, -1), _int(line, 0))

    # Search -----------------------------------------------------------------------------------

    def search(self, query: str, k: Any, session: Session, *filters: str | None) -> tuple:
        """Search tab: result rows and the session remembering them."""
        hits = self._search(query, k, filters)
        return hit_rows(hits), replace(session, hits=hits)

    def _search(self, query: str, k: Any, filters: tuple[Any, ...]) -> list[dict[str, Any]]:
        # ClaimBot.search refuses an empty query and a k over its maximum, with the reason.
        hits = self.web.search((query or "").strip(), max(1, _int(k, 10)), chosen_filters(filters))
        return [asdict(h) for h in hits]

    def search_json(self, query: str, k: Any, *filters: str | None) -> dict[str, Any]:
        """API ``search``: ranked sentences as JSON (the fields of `index.Hit`)."""
        return {"query": query, "filters": chosen_filters(filters),
                "hits": self._search(query, k, filters)}

    def open_row(self, row: Any, records: list[dict[str, Any]]) -> Any:
        """Open the search hit or claim in table row `row` in the viewer."""
        index = row[0] if isinstance(row, list | tuple) else row
        if index is None or not 0 <= int(index) < len(records):
            return KEEP
        r = records[int(index)]
        return self.source_html(r["article"], r.get("line", 0), r.get("start", -1),
                                r.get("end", -1))

    def open_hit(self, row: Any, session: Session) -> Any:
        """Open the search hit in table row `row` (of the session's last search) in the viewer."""
        return self.open_row(row, session.hits)

    # Articles ---------------------------------------------------------------------------------

    def ingest(self, paths: list[str] | None,
               progress: Callable[[float, str], None] | None = None) -> tuple:
        """Stage and ingest uploaded files; ``(result rows, status line)``.

        Files the ingest takes no article from are not kept (see `bot.web.uploads`).
        """
        done = [0]

        def step(path: str) -> None:
            done[0] += 1
            if progress:
                progress(done[0] / max(1, len(staging.files)), f"read {Path(path).name}")

        # Under the store lock: two uploads of one name must not stage over each other.
        with self.web.lock, stage_uploads(paths or [], self.home / "uploads",
                                          self.max_bytes) as staging:
            report = None
            if staging.files:
                report = self.web.ingest(staging.files, progress=step)
                staging.took(report)
        rows = staging.rejected + (report_rows(report) if report else [])
        counts = Counter(r[1] for r in rows)
        status = ", ".join(f"{n} {what}" for what, n in counts.items()) or "no files given"
        return rows, f"**Upload:** {status}."

    def ingest_json(self, paths: list[str] | None) -> dict[str, Any]:
        """API ``ingest``: one ``{file, result, detail}`` per file or article."""
        rows, _ = self.ingest(paths)
        return {"files": [dict(zip(("file", "result", "detail"), r, strict=True))
                          for r in rows]}

    def delete(self, article: str | None) -> str:
        """Delete an article (id, path, file name or title); a status line."""
        if not article:
            return "Choose an article to delete."
        ids = self.web.delete(article)
        if not ids:
            raise ClaimtrackError(f"no article matches {article!r}")
        return f"Deleted {len(ids)} article(s)."

    def delete_json(self, article: str | None) -> dict[str, Any]:
        """API ``delete``: the ids of the deleted articles."""
        ids = self.web.delete(article) if article else []
        return {"deleted": ids}

    def articles_json(self) -> list[dict[str, Any]]:
        """API ``articles``: every stored article (without its text)."""
        return [{"id": a.id, "key": a.key, "path": a.path, **asdict(a.meta),
                 "sentences": a.sentence_count, "flags": list(a.flags)}
                for a in self.web.articles()]

    @staticmethod
    def refresh_names() -> list[str]:
        """The outputs `refresh` may update."""
        dropdowns = [p + n for p in ("chat_", "search_", "cl_")
                     for n in ("speaker", "country", "outlet")]
        return ["articles", "doomed", "examples", *dropdowns]

    def refresh(self) -> dict[str, Any]:
        """New values for tables, dropdowns and examples after the store changed."""
        articles = self.web.articles()
        counts = Counter(c.article for c in self.web.claims())
        found = self.web.filter_choices()
        labels = [(f"{a.title or Path(a.path).name} ({a.id})", a.id) for a in articles]
        out: dict[str, Any] = {"articles": article_rows(articles, counts),
                               "doomed": Choices(labels), "examples": Samples(self.examples())}
        for prefix in ("chat_", "search_", "cl_"):
            out |= {prefix + name: Choices(found[name]) for name in found}
        return out

    def examples(self) -> list[str]:
        """Example questions from the stored articles (recomputed when they change)."""
        try:
            key = tuple((a.id, a.content_hash) for a in self.web.articles())
            if key != self._examples[0]:
                self._examples = (key, self.web.examples())
        except ClaimtrackError:
            return []
        return list(self._examples[1])


def _int(value: Any, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except (TypeError, ValueError):
        return default
