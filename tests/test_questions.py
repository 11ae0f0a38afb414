"""Question parsing: speakers, topics, dates and outlets, without an LLM."""

from __future__ import annotations

import pytest

from bot.questions import Vocabulary, parse, resolve_outlet

VOCABULARY = Vocabulary(
    speakers=[("Donald Trump", "Donald Trump"), ("Trump", "Donald Trump"),
              ("Geng Shuang", "Geng Shuang"), ("China", "China"),
              ("Foreign Ministry", "Foreign Ministry")],
    orgs=["Foreign Ministry", "State Department"],
    outlets=["nyt", "breitbart", "Washington Post"],
)


@pytest.mark.parametrize(
    ("question", "topic", "expected"),
    [
        ("What did China say about arms sales?", "arms sales", {"country": "China"}),
        ("What did Donald Trump say about immigration?", "immigration",
         {"speaker": "Donald Trump"}),
        ("What has Trump claimed about the wall?", "the wall", {"speaker": "Donald Trump"}),
        ("What did Geng say?", "", {"speaker": "Geng Shuang"}),
        ("What did the Chinese say about Ukraine?", "Ukraine", {"country": "China"}),
        ("What did the State Department say about visas?", "visas",
         {"org": "State Department"}),
        ("What did Beijing say about trade?", "trade", {"country": "China"}),
        ("What did Trump say about taxes in October 2016?", "taxes",
         {"speaker": "Donald Trump", "since": "2016-10-01", "until": "2016-10-31"}),
        ("What did Trump say about taxes in 2016?", "taxes",
         {"speaker": "Donald Trump", "since": "2016-01-01", "until": "2016-12-31"}),
        ("What did the New York Times report Trump said about debates?", "debates",
         {"speaker": "Donald Trump", "outlet": "nyt"}),
        ("Who said the wall would be paid for?", "the wall would be paid for",
         {"attributed": True}),
        ("What did Nobody Known say about taxes?", "What did Nobody Known say about taxes?",
         {}),
        ("How big is the Pacific?", "How big is the Pacific?", {}),
    ],
)
def test_parse(question: str, topic: str, expected: dict[str, object]) -> None:
    parsed = parse(question, VOCABULARY)
    assert parsed.topic == topic
    for field in ("speaker", "country", "org", "outlet", "since", "until", "attributed"):
        default = False if field == "attributed" else None
        assert getattr(parsed.filters, field) == expected.get(field, default), field


def test_who_question_is_flagged() -> None:
    assert parse("Who said taxes would rise?", VOCABULARY).who


@pytest.mark.parametrize(
    ("name", "outlet"),
    [("the New York Times", "nyt"), ("Breitbart", "breitbart"),
     ("The Washington Post", "Washington Post"), ("Le Monde", None)],
)
def test_resolve_outlet(name: str, outlet: str | None) -> None:
    assert resolve_outlet(name, VOCABULARY.outlets) == outlet
