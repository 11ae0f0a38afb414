"""Which hits an extractive answer cites: relevance relative to the best hit, one a line."""

from __future__ import annotations

import pytest

from bot.answering.answers import Within, compose, distinct
from bot.answering.lookup import unsupported_margin
from index import Hit

WITHIN = Within(spread=0.15, floor=0.2, support=0.5)


def _hit(n: int, similarity: float | None, terms: float | None = None, line: int | None = None,
         text: str | None = None, path: str = "a.txt") -> Hit:
    return Hit(sentence_id=f"s{n}", article="a", path=path, title="A", date=None, outlet=None,
               line=line or n, start=0, end=10, text=text or f"Sentence {n}.", score=0.5,
               speaker="Jane Doe", similarity=similarity, terms=terms)


@pytest.mark.parametrize(
    ("hits", "within", "cited"),
    [
        # Absolute: 0.35, or 0.45 without a topic word in the paragraph.
        ([_hit(1, 0.5, 1.0), _hit(2, 0.3, 1.0), _hit(3, 0.4, 0.0)], None, ["s1"]),
        ([_hit(1, 0.5, 1.0), _hit(2, 0.46, 0.0)], None, ["s1", "s2"]),
        # Within one speaker: a claim holding the topic's words passes from the floor …
        ([_hit(1, 0.26, 1.0), _hit(2, 0.22, 0.6)], WITHIN, ["s1", "s2"]),
        ([_hit(1, 0.26, 0.2), _hit(2, 0.22, 0.4)], WITHIN, []),
        ([_hit(1, 0.19, 1.0)], WITHIN, []),
        # … and claims far below the closest one are left out, however close in absolute terms.
        ([_hit(1, 0.62, 1.0), _hit(2, 0.4, 1.0), _hit(3, 0.5, 1.0)], WITHIN, ["s1", "s3"]),
        # Listed claims (no similarity) stay.
        ([_hit(1, None), _hit(2, None)], WITHIN, ["s1", "s2"]),
    ],
)
def test_relevance(hits: list[Hit], within: Within | None, cited: list[str]) -> None:
    answer = compose("q", hits, 0.35, unsupported=0.1, within=within)
    assert sorted(c.sentence_id for c in answer.citations) == cited


@pytest.mark.parametrize(
    ("hits", "kept"),
    [
        ([_hit(1, 0.5, line=3), _hit(2, 0.4, line=3), _hit(3, 0.3, line=4)], ["s1", "s3"]),
        ([_hit(1, 0.5, text="Same words."), _hit(2, 0.4, text="same  words.", path="b.txt")],
         ["s1"]),
        ([_hit(1, 0.5, line=3), _hit(2, 0.4, line=3, path="b.txt")], ["s1", "s2"]),
    ],
)
def test_distinct_cites_a_line_once_and_a_copy_never(hits: list[Hit], kept: list[str]) -> None:
    assert [h.sentence_id for h in distinct(hits)] == kept


def test_distinct_leaves_room_for_the_next_hits() -> None:
    hits = [_hit(n, 0.9 - n / 100, line=1 + n // 2) for n in range(10)]
    answer = compose("q", hits, 0.35, limit=5)
    assert len({(c.path, c.line) for c in answer.citations}) == len(answer.citations) == 5


@pytest.mark.parametrize(
    ("hits", "cited"),
    [
        # Two claims of a speaker: one on the topic in other words clears the bare threshold.
        ([_hit(1, 0.39, 0.0), _hit(2, 0.2, 0.1)], ["s1"]),
        # Nothing close: still not covered, however few the claims.
        ([_hit(1, 0.25, 0.0), _hit(2, 0.24, 0.0)], []),
        # Many claims: chance makes one of them close, so the margin holds.
        ([_hit(n, 0.4 - n / 100, 0.0) for n in range(1, 11)], []),
    ],
)
def test_few_claims_need_no_margin_for_topic_words(hits: list[Hit], cited: list[str]) -> None:
    answer = compose("q", hits, 0.35, unsupported=unsupported_margin(len(hits)), within=WITHIN)
    assert [c.sentence_id for c in answer.citations] == cited


FOLLOW = Within(spread=0.15, floor=0.25, support=0.5, follow=True)


@pytest.mark.parametrize(
    ("hits", "within", "cited"),
    [
        # The paragraph after a cited one (a blank line between) goes on with the statement.
        ([_hit(1, 0.6, 1.0, line=1), _hit(2, 0.3, 0.0, line=3)], FOLLOW, ["s1", "s2"]),
        ([_hit(1, 0.6, 1.0, line=1), _hit(2, 0.3, 0.0, line=2)], FOLLOW, ["s1", "s2"]),
        # Not the next paragraph, or below the floor, or another article: not taken in.
        ([_hit(1, 0.6, 1.0, line=1), _hit(2, 0.3, 0.0, line=5)], FOLLOW, ["s1"]),
        ([_hit(1, 0.6, 1.0, line=1), _hit(2, 0.2, 0.0, line=3)], FOLLOW, ["s1"]),
        ([_hit(1, 0.6, 1.0, line=1), _hit(2, 0.3, 0.0, line=3, path="b.txt")], FOLLOW, ["s1"]),
        # The paragraph before leads into it; without `follow` no neighbour is taken in.
        ([_hit(1, 0.6, 1.0, line=3), _hit(2, 0.3, 0.0, line=1)], FOLLOW, ["s1", "s2"]),
        ([_hit(1, 0.6, 1.0, line=1), _hit(2, 0.3, 0.0, line=3)], WITHIN, ["s1"]),
    ],
)
def test_a_neighbouring_paragraph_continues_a_cited_claim(hits: list[Hit], within: Within,
                                                          cited: list[str]) -> None:
    answer = compose("q", hits, 0.35, unsupported=0.1, within=within)
    assert sorted(c.sentence_id for c in answer.citations) == cited
