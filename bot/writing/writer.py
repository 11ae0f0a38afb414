"""Written answers: a chat model writes from the cited sentences; verification decides what is
shown, and the extractive answer stays the fallback.

The model gets the sentences of an extractive `Answer` as numbered, fenced JSON lines (speaker,
role, outlet, date, title, text) after its instructions, never as instructions (the prompt
says so, and the fence is a hash of the data, which the data cannot contain). Its reply is
streamed as it comes, then checked by `bot.writing.verification.verify`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace

from bot.answering.answers import Answer
from bot.answering.citations import Citation
from bot.errors import ModelTimeoutError
from bot.writing.chatmodel import BaseChatModel, stream_text
from bot.writing.verification import Written, split_sentences, verify
from prompts import Prompt, load

# Fewer kept sentences than this share of the model's answer withholds it: an answer that lost
# most of its sentences no longer says what the model meant, even if each kept part checks out.
MIN_KEPT = 0.5
INSTEAD = "showing the cited sentences instead."
_LONGEST_QUESTION = 300  # characters of a rewritten follow-up; longer means the model rambled


class Writer:
    """Writes answers with a chat model and verifies them.

    Args:
        model: Any LangChain chat model.
        timeout: Seconds one reply may take.
        aliases: Returns speaker names (name or alias → identity) the model may use besides
            those of the cited sentences, e.g. the ledger's.
    """

    def __init__(self, model: BaseChatModel, timeout: float,
                 aliases: Callable[[], Mapping[str, str]] | None = None) -> None:
        self.model = model
        self.timeout = timeout
        self.aliases = aliases or dict

    def write(self, answer: Answer) -> Iterator[str | Answer]:
        """Stream a written answer to an extractive one.

        Yields:
            Pieces of the model's unverified text as they arrive, then the final `Answer`:
            `answer` with `Answer.written` set, or unchanged but for a one-line
            `Answer.notice` when the model failed, timed out or too little was verified.
            An answer that cites nothing is yielded as it is, without asking the model.
        """
        if not answer.citations:
            yield answer
            return
        prompt = answer_prompt(answer.question, answer.citations)
        pieces: list[str] = []
        try:
            for piece in stream_text(self.model, prompt.system, prompt.user, self.timeout):
                pieces.append(piece)
                yield piece
        except ModelTimeoutError as exc:
            message = str(exc)
            yield replace(answer, notice=f"{message[:1].upper()}{message[1:]}; {INSTEAD}")
            return
        except Exception as exc:  # any provider error (network, quota, bad reply): fall back
            yield replace(answer, notice=f"The chat model failed ({_one_line(exc)}); {INSTEAD}")
            return
        yield settle(answer, "".join(pieces), self.aliases())

    def rewrite(self, message: str, history: Sequence[str]) -> str | None:
        """A follow-up message as a standalone question, using the earlier questions.

        Returns:
            The rewritten question, or None when the model failed, timed out or replied
            with something that is no one-line question (the message is then answered as
            typed).
        """
        prompt = load("followup", message=message,
                      history="\n".join(f"- {question}" for question in history))
        try:
            reply = "".join(stream_text(self.model, prompt.system, prompt.user, self.timeout))
        except Exception:  # a follow-up answered as typed is still an answer
            return None
        lines = reply.strip().splitlines()
        question = lines[0].strip().strip("\"“”'") if lines else ""
        return question if 0 < len(question) <= _LONGEST_QUESTION else None


def answer_prompt(question: str, citations: Sequence[Citation]) -> Prompt:
    """The prompt of a written answer: instructions, then the question and the fenced data."""
    sources = sources_block(citations)
    fence = hashlib.sha256(sources.encode()).hexdigest()[:16]
    return load("answer", question=" ".join(question.split()), sources=sources, fence=fence,
                count=str(max(c.n for c in citations)))


def sources_block(citations: Sequence[Citation]) -> str:
    """One JSON object per cited sentence: its number, speaker, role, outlet, date, title and
    text. JSON quoting keeps the text on its line, so it cannot pose as another source or
    close the fence."""
    lines = []
    for c in citations:
        role = ", ".join(dict.fromkeys(
            x for x in (c.speaker_role, c.speaker_org, c.speaker_country) if x and x != c.speaker))
        record = {"n": c.n, "speaker": c.speaker or "", "role": role, "outlet": c.outlet or "",
                  "date": c.date or "", "title": c.title or "", "text": " ".join(c.text.split())}
        lines.append(json.dumps(record, ensure_ascii=False))
    return "\n".join(lines)


def settle(answer: Answer, reply: str, aliases: Mapping[str, str] | None = None) -> Answer:
    """`answer` with the verified form of the model's `reply`, or with a notice saying why the
    reply is not shown (empty, or too little of it verified)."""
    if not reply.strip():
        return replace(answer, notice=f"The chat model returned an empty answer; {INSTEAD}")
    written = verify(reply, answer.citations, aliases)
    kept = sum(len(split_sentences(line)) for line in written.text.split("\n"))
    total = kept + len(written.dropped)
    if not written.citations or kept < MIN_KEPT * total:
        return replace(answer, notice=f"The written answer was withheld: {len(written.dropped)} "
                       f"of {total} sentences failed verification ({_reasons(written)}); "
                       f"{INSTEAD}")
    notice = None
    if written.dropped:
        count = len(written.dropped)
        notice = (f"{count} sentence{'' if count == 1 else 's'} of the written answer failed "
                  f"verification and {'was' if count == 1 else 'were'} dropped "
                  f"({_reasons(written)}).")
    return replace(answer, written=written, notice=notice)


def _reasons(written: Written, most: int = 2) -> str:
    reasons = list(dict.fromkeys(d.reason for d in written.dropped))
    more = f"; {len(reasons) - most} more" if len(reasons) > most else ""
    return "; ".join(reasons[:most]) + more


def _one_line(exc: Exception, width: int = 160) -> str:
    text = " ".join(f"{type(exc).__name__}: {exc}".split())
    return text if len(text) <= width else text[: width - 1] + "…"
