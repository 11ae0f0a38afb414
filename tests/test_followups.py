"""Follow-ups over the seed store: in the web chat each reads as a whole question against its
session ("and what about Russia?" keeps the topic and changes the speaker); on the command
line, with no earlier question, each is declined as having nothing to refer to."""

from __future__ import annotations

import json

import pytest

from bot import ClaimBot
from bot.answering.answers import Answer
from bot.cli import main
from bot.web.session import Session, WebBot

ARMS = "What did China say about arms sales?"
GENG_ARMS = "What did Geng Shuang say about arms sales?"


def converse(bot: ClaimBot, messages: list[str]) -> tuple[str, Answer, Session]:
    """Ask `messages` in one web session: the last question as resolved, and its answer."""
    web, session = WebBot(bot), Session()
    for message in messages:
        turn = web.resolve(message, session)
        answer = web.answer(turn, {}, session.last)
        before, session = session, web.remember(session, turn, answer)
    return turn.question, answer, before


@pytest.mark.parametrize(("messages", "question", "speakers", "covered", "says"), [
    # Another speaker, the same topic: Russia has no statements here, and says so.
    ([ARMS, "And what about Russia?"], "What did Russia say about arms sales?", set(), False,
     "no statements by Russia"),
    ([GENG_ARMS, "And what about Wang Wenbin?"], "What did Wang Wenbin say about arms sales?",
     {"Wang Wenbin"}, False, "do not cover arms sales"),
    ([GENG_ARMS, "And Wang Wenbin?"], "What did Wang Wenbin say about arms sales?",
     {"Wang Wenbin"}, False, "do not cover arms sales"),
    # An unknown name is still a speaker, not a topic.
    ([GENG_ARMS, "What about Angela Merkel?"], "What did Angela Merkel say about arms sales?",
     set(), False, "no statements by Angela Merkel"),
    # The same speaker, another topic.
    ([ARMS, "and what about the peace plan?"], "What did China say about the peace plan?",
     None, True, "peace plan"),
    ([GENG_ARMS, "what about a ceasefire?"], "What did Geng Shuang say about a ceasefire?",
     {"Geng Shuang"}, True, "ceasefire"),
    # A pronoun for the last speaker.
    (["What did Wang Wenbin say about the visit?", "What did he say about cooperation?"],
     "What did Wang Wenbin say about cooperation?", {"Wang Wenbin"}, True, "cooperation"),
    ([GENG_ARMS, "What else did he say?"], "What did Geng Shuang say?", {"Geng Shuang"}, True,
     "political settlement"),
    # The last speaker asked about, even one without statements here.
    ([ARMS, "And what about Russia?", "What did he say?"], "What did Russia say?", set(),
     False, "no statements by Russia"),
])
def test_web_follow_ups(seed_bot: ClaimBot, messages: list[str], question: str,
                        speakers: set[str] | None, covered: bool, says: str) -> None:
    resolved, answer, before = converse(seed_bot, messages)
    assert resolved == question
    assert answer.covered is covered
    assert says in answer.text
    cited = {c.speaker for c in answer.citations}
    if speakers is not None:
        assert cited == speakers
    if messages[-1].startswith("What else"):  # nothing shown before is cited again
        assert answer.citations
        assert not {c.sentence_id for c in answer.citations} & set(before.seen)
    if speakers is None:  # China's speakers: itself, Geng, Wang
        assert cited and cited <= {"China", "Geng Shuang", "Wang Wenbin", "Foreign Ministry"}


@pytest.mark.parametrize("question", [
    "What else did he say?", "what else?", "And what about Russia?", "What about Russia?",
    "And Russia?", "And the Foreign Ministry?", "What did he say about arms sales?",
    "Who else said that?", "Where was this first reported?",
])
def test_cli_follow_ups_without_context_say_so(seed_store: object, question: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--home", str(seed_store), "ask", question, "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["declined"] == "no-context"
    assert answer["citations"] == []
    assert "earlier" in answer["text"]
    assert main(["--home", str(seed_store), "ask", question]) == 0
    assert "earlier" in capsys.readouterr().out


@pytest.mark.parametrize("question", [ARMS, "And what did China say about arms sales?"])
def test_whole_questions_are_not_taken_for_follow_ups(seed_store: object, question: str,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    assert main(["--home", str(seed_store), "ask", question, "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["declined"] is None
    assert {6, 7} <= {c["line"] for c in answer["citations"]}
