"""Tests of index.reading.splitting: golden news sentences, line numbers and offsets, force splits,
and Hypothesis properties of the spans."""

from __future__ import annotations

import time
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from index.reading.splitting import Span, _locate, split_text

# The seed article, with each `ā` of the file repaired by hand to ’ “ ” or —.
SEED_LINES = (Path(__file__).parent / "fixtures" / "seed_repaired.txt").read_text(
    encoding="utf-8").splitlines()
SEED = "\n".join(SEED_LINES)
SEED_SPLIT_LINES = {  # 1-based line -> the sentence that starts the second sentence
    13: "The visit followed",
    14: "Zelenskyy’s own",
}

# News rules: sentences separated by " | "; the text is the same with single spaces there.
GOLDEN = [
    "The U.N. Security Council met. | The U.S. vetoed it.",
    "He works in the U.S. | He lives in the U.K. now.",
    "The U.S. economy grew.",
    "Sen. Elizabeth Warren, D-Mass., spoke. | Gov. Greg Abbott, R-Texas, disagreed.",
    "Rep. Jones met Dr. Smith and Mr. Brown.",
    "“It wastes time,” said Del. Stacey Plaskett. | Sen. Tom Carper, D-Del. | He left.",
    "He voted with Gov. Abbott, R-Texas. | Then he left.",
    "The vote is on Jan. 5 and the count on Sept. 12 in Ohio.",
    "Sales rose 3.5% to $1.2 billion. | Profit fell.",
    "Profit rose 3.5%. | Sales fell.",
    "He is ranked No. 2 in the world.",
    "The company filed for Ch. 11 protection in vol. 3 of the record.",
    "The parade on St. Patrick's Day was long.",
    "Shares of Apple Inc. rose. | They fell at Apple Inc. | The company said so.",
    "They talked... then left. | It ended.",
    "They talked… then left.",
    "“We will win,” said X. | “Why now?” she asked.",
    '"We will win," said X. | "Why now?" she asked.',
    "“Why now?” Smith asked. | He left.",
    "“Why?” Sen. John Smith asked.",
    "“Stop!” shouted Smith.",
    "“Is it?” | He left.",
    "He said: “It is done. | We are finished.” | Then he left.",
    '"It is done. | We are finished," he said.',
    "BEIJING — Russian Prime Minister Mishustin will visit.",
    "WASHINGTON (AP) — The U.S. said so. | Rep. Jones agreed.",
    "LONDON, March 3 (Reuters) - Britain's economy grew. | It was 2.5% higher.",
    "LONDON, Jan. 3 (Reuters) - Britain grew.",
    "ST. LOUIS (AP) — The city voted. | It passed.",
    "ST. PAUL, Minn. (AP) — The city voted.",
    "WASHINGTON, D.C. — The vote passed.",
    "He left at 5 p.m. Friday. | She stayed.",
    "Wow! | Really? | Yes.",
    "(He left.) | Then she came.",
    "He was born in 1960. | He died in 2020.",
]


def sentences(text: str, max_chars: int = 1000) -> list[str]:
    return [text[span.start : span.end] for span in split_text(text, max_chars=max_chars)]


@pytest.mark.parametrize("case", GOLDEN)
def test_news_rules(case: str) -> None:
    assert sentences(case.replace(" | ", " ")) == case.split(" | ")


def test_any_whitespace_separates_sentences() -> None:
    assert sentences("One.  Two.\tThree.\u00a0Four.") == ["One.", "Two.", "Three.", "Four."]


@pytest.mark.parametrize("line", range(1, len(SEED_LINES) + 1))
def test_seed_article_lines(line: int) -> None:
    spans = [span for span in split_text(SEED) if span.line == line]
    found = [SEED[span.start : span.end] for span in spans]
    whole = SEED_LINES[line - 1]
    if line in SEED_SPLIT_LINES:
        cut = whole.index(SEED_SPLIT_LINES[line])
        assert found == [whole[:cut].rstrip(), whole[cut:]]
    else:
        assert found == [whole]


def test_lines_offsets_and_skipped_lines() -> None:
    text = "---\ntitle: X\n---\n\n  First one. Second one.\n\nThird one.\r\n"
    spans = split_text(text, frozenset({1, 2, 3}))
    assert spans == [
        Span(5, text.index("First"), text.index("First") + len("First one.")),
        Span(5, text.index("Second"), text.index("Second") + len("Second one.")),
        Span(7, text.index("Third"), text.index("Third") + len("Third one.")),
    ]


@pytest.mark.parametrize(
    ("text", "max_chars", "expected"),
    [
        ("aaa bbb ccc ddd", 7, ["aaa bbb", "ccc ddd"]),
        ("aaa bbb ccc ddd", 8, ["aaa bbb", "ccc ddd"]),
        ("aaa bbb ccc ddd", 6, ["aaa", "bbb", "ccc", "ddd"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
        ("ab abcdefghij", 4, ["ab", "abcd", "efgh", "ij"]),
        ("One two three. Four.", 9, ["One two", "three.", "Four."]),
        ("word", 1, ["w", "o", "r", "d"]),
    ],
)
def test_overlong_sentences_are_cut(text: str, max_chars: int, expected: list[str]) -> None:
    assert sentences(text, max_chars=max_chars) == expected


@pytest.mark.parametrize(
    ("chunk", "segments", "starts"),
    [
        ("One. Two. Three.", ["One. ", "Two. ", "Three."], [5, 10]),
        ("One.  Two.\tThree.", ["One.  ", "Two.\t", "Three."], [6, 11]),
        ("One.  Two  too. Three.", ["One. ", "Two too. ", "Three."], [6, 16]),  # respaced
        ("One. Two. Three.", ["One. ", "Tw0. ", "Three."], [10]),  # altered, so skipped
        ("Hi. Hi. Hi.", ["Hi. ", "Hi. ", "Hi."], [4, 8]),  # repeats found from a cursor
    ],
)
def test_pysbd_segments_are_located_in_the_chunk(
    chunk: str, segments: list[str], starts: list[int]
) -> None:
    assert _locate(chunk, segments) == starts


def test_max_chars_below_one_is_rejected() -> None:
    with pytest.raises(ValueError, match="max_chars"):
        split_text("Some text.", max_chars=0)


@pytest.mark.parametrize(
    ("unit", "size"),
    [
        ("word ", 5_000_000),  # no punctuation at all
        ("x", 5_000_000),  # not even whitespace
        ("The U.S. Senate met on Jan. 5 in Washington. Sen. Smith said so. ", 5_000_000),
        ("A. B. ", 1_000_000),  # every stop is ambiguous, the slowest kind of text
    ],
    ids=["words", "no-space", "news", "initials"],
)
def test_megabyte_lines_split_in_seconds(unit: str, size: int) -> None:
    line = unit * (size // len(unit))
    started = time.perf_counter()
    spans = split_text(line)
    elapsed = time.perf_counter() - started
    assert elapsed < 60, f"{elapsed:.1f} s"  # quadratic work would take many minutes
    assert max(span.end - span.start for span in spans) <= 1000
    kept = sum(len("".join(line[s.start : s.end].split())) for s in spans)
    assert kept == len("".join(line.split()))


# Text made of letters, spaces, punctuation, quotes, newlines and the news tokens of the rules.
_ALPHABET = "abcXYZ .,;:?!…\"“”‘’'()—-\t\n0123456789$%"
_TOKENS = [
    "U.S.",
    "U.N.",
    "Mr.",
    "Sen.",
    "Dr.",
    "Jan. 5",
    "No. 2",
    "D-Mass.",
    "...",
    " He",
    " The",
    "?” she asked",
    "!” Smith said",
    "“",
    "”",
    ". ",
    "\n\n",
    "  ",
    "BEIJING — ",
    "p.m. Friday",
    "Inc. The",
    "F. Kennedy",
    "3.5%",
    "$1.2",
]
texts = st.lists(
    st.one_of(st.sampled_from(_TOKENS), st.text(_ALPHABET, max_size=6)), max_size=40
).map("".join)
skips = st.frozensets(st.integers(1, 12), max_size=4)
limits = st.integers(1, 60)
# pysbd's first call builds its segmenter, and a loaded machine is slow: no per-example deadline.
relaxed = settings(deadline=None)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


@relaxed
@given(texts, skips, limits)
def test_spans_are_ordered_stripped_and_short(text: str, skip: frozenset[int], limit: int) -> None:
    spans = split_text(text, skip, max_chars=limit)
    for before, after in pairwise(spans):
        assert before.end <= after.start
    for span in spans:
        piece = text[span.start : span.end]
        assert piece and piece == piece.strip()
        assert span.end - span.start <= limit
        assert span.line == _line_of(text, span.start)
        assert "\n" not in piece


@relaxed
@given(texts, skips, limits)
def test_every_kept_character_is_in_exactly_one_span(
    text: str, skip: frozenset[int], limit: int
) -> None:
    covered = [0] * len(text)
    for span in split_text(text, skip, max_chars=limit):
        for offset in range(span.start, span.end):
            covered[offset] += 1
    for offset, char in enumerate(text):
        if _line_of(text, offset) in skip:
            assert covered[offset] == 0
        elif not char.isspace():
            assert covered[offset] == 1


@relaxed
@given(st.text(max_size=80), limits)
def test_arbitrary_unicode_keeps_the_invariants(text: str, limit: int) -> None:
    spans = split_text(text, max_chars=limit)
    kept = "".join(text[s.start : s.end] for s in spans)
    assert "".join(kept.split()) == "".join(text.split())
    assert all(s.end - s.start <= limit for s in spans)


@relaxed
@given(texts, texts, skips)
def test_splitting_is_deterministic(text: str, other: str, skip: frozenset[int]) -> None:
    first = split_text(text, skip)
    split_text(other)  # no state may leak from one call into the next
    assert split_text(text, skip) == first


@relaxed
@given(texts, st.text(_ALPHABET.replace("\n", ""), max_size=30))
def test_lines_are_split_independently(text: str, first_line: str) -> None:
    # A prepended line shifts the other lines' spans and touches nothing else.
    shift = len(first_line) + 1
    alone = split_text(text)
    prefixed = split_text(f"{first_line}\n{text}", frozenset({1}))
    assert prefixed == [Span(s.line + 1, s.start + shift, s.end + shift) for s in alone]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(GOLDEN), min_size=1, max_size=4))
def test_golden_paragraphs_split_the_same_in_one_text(cases: list[str]) -> None:
    text = "\n\n".join(case.replace(" | ", " ") for case in cases)
    assert sentences(text) == [sentence for case in cases for sentence in case.split(" | ")]
