"""Tracking through the API, the command line and questions: `track`, `timeline`, `clusters`,
their CLI commands with --json, and the questions that cite every appearance. Over
tests/tracking_articles.py, with the real model, spaCy and Chroma."""

from __future__ import annotations

from pathlib import Path

import pytest
from tracking_articles import PLEDGE, tracked

from bot import ClaimBot

__all__ = ["tracked"]  # the fixture, imported for the tests below


# The API and the command line ------------------------------------------------------------

@pytest.mark.parametrize(("query", "first_outlet", "outlets"), [
    (PLEDGE, "The Times", {"The Times", "The Post", "Herald", "Gazette"}),
    ("ten thousand new homes … before the end of next year", "The Times",
     {"The Times", "The Post", "Herald", "Gazette"}),
    ("the railway would cost far more than planned", "Courier", {"Courier"}),
    ("Mars has two small moons", None, set()),
])
def test_track_finds_every_appearance_first_first(
        tracked: ClaimBot, query: str, first_outlet: str | None, outlets: set[str]) -> None:
    found = tracked.track(query)
    assert (found.first.outlet if found.first else None) == first_outlet
    assert set(found.by_outlet) == outlets
    dates = [a.date for a in found.appearances]
    assert dates == sorted(dates)


def test_track_by_claim_id_gives_its_cluster(tracked: ClaimBot) -> None:
    post = next(c for c in tracked.claims(article="post.md"))
    found = tracked.track(post.sentence_id)
    assert len(found.clusters) == 1
    assert found.clusters[0].articles == 4
    assert found.clusters[0].speakers == ("Ann Lee",)


def test_timeline_lists_a_speakers_claims_in_date_order_by_cluster(tracked: ClaimBot) -> None:
    timeline = tracked.timeline("Ann Lee", topic="new homes")
    assert timeline.earliest is not None and timeline.latest is not None
    assert (timeline.earliest.outlet, timeline.latest.outlet) == ("The Times", "Gazette")
    assert [c.date for c in timeline.claims] == sorted(c.date or "" for c in timeline.claims)
    assert max(len(claims) for _, claims in timeline.groups) == 4
    assert not any("railway" in (c.text or "") for c in timeline.claims)


@pytest.mark.parametrize(("speaker", "min_size", "sizes"), [
    (None, 2, [4]),
    ("Paul Grant", 2, []),
    ("Paul Grant", 1, [1, 1]),
    ("Ann Lee", 1, [4, 1]),
])
def test_clusters_of_a_size(tracked: ClaimBot, speaker: str | None, min_size: int,
                            sizes: list[int]) -> None:
    found = tracked.clusters(speaker, min_size=min_size)
    assert [len(c.appearances) for c in found] == sizes


@pytest.mark.parametrize(("argv", "check"), [
    (["track", PLEDGE], lambda out: out["first"]["outlet"] == "The Times"
     and len(out["clusters"][0]["appearances"]) == 4),
    (["timeline", "Ann Lee", "--topic", "new homes"],
     lambda out: out["earliest"]["outlet"] == "The Times"),
    (["clusters"], lambda out: [c["articles"] for c in out] == [4]),
])
def test_cli_commands_print_json(tracked: ClaimBot, argv: list[str], check: object,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from bot.cli import main

    assert main(["--home", str(tracked.corpus.home), *argv, "--json"]) == 0
    assert callable(check) and check(json.loads(capsys.readouterr().out))


# Questions -------------------------------------------------------------------------------

@pytest.mark.parametrize(("question", "first", "cited", "says"), [
    (f"Who said “{PLEDGE}”?", "The Times", 4, "first: The Times, 2024-01-05"),
    ("Who said 'ten thousand new homes … before the end of next year'?", "The Times", 4,
     "Said by: Ann Lee."),
    (f"Where was '{PLEDGE}' first reported?", "The Times", 4, "First reported by The Times"),
    ("When did Ann Lee first say she would build ten thousand new homes?", "The Times", 4,
     "first said it on 2024-01-05"),
    ("How has Ann Lee's position on new homes changed?", "The Times", 2,
     "Latest (Gazette, 2024-02-01)"),
    ("What has Paul Grant said about the railway over time?", "The Times", 2,
     "Earliest (The Times, 2024-01-05)"),
    ("What does Ann Lee repeat most?", "The Times", 1, "said 4 times in 4 articles"),
    ("What does Paul Grant repeat most?", None, 0, "No claim of Paul Grant appears more"),
    ("Who said 'Mars has two small moons'?", None, 0, "No stored article carries"),
    ("When did Nobody Atall first say anything?", None, 0, "no statements by Nobody Atall"),
])
def test_tracking_questions_cite_every_line(tracked: ClaimBot, question: str,
                                            first: str | None, cited: int, says: str) -> None:
    answer = tracked.ask(question)
    assert says in answer.text
    assert len(answer.citations) == cited
    assert (answer.citations[0].outlet if answer.citations else None) == first
    for c in answer.citations:  # each cites its exact line
        text = Path(c.path).read_text(encoding="utf-8")
        assert text[c.start:c.end].replace('"', "").lower() in c.text.replace('"', "").lower()


def test_who_else_said_that_follows_the_last_answer(tracked: ClaimBot) -> None:
    tracked.last_answer = None
    assert "no earlier answer" in tracked.ask("Who else said that?").text
    asked = tracked.ask("What did Ann Lee say about new homes for families?")
    assert asked.citations
    again = tracked.ask("Who else said that?")
    assert {c.outlet for c in again.citations} >= {"The Times", "The Post", "Herald"}
    first = tracked.ask("Where was this first reported?")
    assert first.citations[0].outlet == "The Times"
