"""Tests of index.reading.repairing: the ā punctuation damage, mojibake and boilerplate lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from index.reading.repairing import boilerplate_lines, fix_text, looks_damaged, repair_punctuation

SEED_ARTICLE = Path(__file__).parent.parent / "examples" / "articles" / "000_12d26b527cfc9148.txt"

# One line of the seed article's damage class by class; `BEIJING ā` alone marks nothing else.
SEED_LINES = [
    (
        "BEIJING ā Russian Prime Minister Mikhail Mishustin will visit Beijing next week.",
        "BEIJING — Russian Prime Minister Mikhail Mishustin will visit Beijing next week.",
    ),
    (
        "āDuring the visit, the two sides will talk about issues of common concern,ā ministry "
        "spokesperson Wang Wenbin said.",
        "“During the visit, the two sides will talk about issues of common concern,” ministry "
        "spokesperson Wang Wenbin said.",
    ),
    (
        "Meanwhile, Chinaās Deputy Permanent U.N. Representative Geng Shuang criticized sales.",
        "Meanwhile, China’s Deputy Permanent U.N. Representative Geng Shuang criticized sales.",
    ),
    (
        "āAll parties should seek a settlement,ā Geng was cited as saying on the U.N.ās website.",
        "“All parties should seek a settlement,” Geng was cited as saying on the U.N.’s website.",
    ),
    (
        "Beijing maintains what it calls ānormal tradeā with Russia.",
        "Beijing maintains what it calls “normal trade” with Russia.",
    ),
    (
        "Zelenskyy described it as ālong and meaningfulā and which marked the first contact.",
        "Zelenskyy described it as “long and meaningful” and which marked the first contact.",
    ),
    (
        "Beijing released a plan but Ukraineās allies dismissed it. Zelenskyyās own plan differs.",
        "Beijing released a plan but Ukraine’s allies dismissed it. Zelenskyy’s own plan differs.",
    ),
]

REPAIRS = [
    *SEED_LINES,
    ("āWe donāt agree,ā he said.", "“We don’t agree,” he said."),
    ("He canāt, she wonāt, weāll see.", "He can’t, she won’t, we’ll see."),
    (
        "āIām sure theyāre right and weāve seen sheād go,ā he said.",
        "“I’m sure they’re right and we’ve seen she’d go,” he said.",
    ),
    (
        "the parentsā decision was final, āthey said.ā",
        "the parents’ decision was final, “they said.”",
    ),
    ("He wrote āsome wordsā, then left.", "He wrote “some words”, then left."),
    ("The 1990ās were āgoodā.", "The 1990’s were “good”."),
    ("(āWe agree,ā he said)", "(“We agree,” he said)"),
    ("He said:āWe agree.ā", "He said:“We agree.”"),
    # A paragraph-spanning quote opens on each paragraph and closes only on the last one.
    (
        "āFirst paragraph.\nāSecond paragraph,ā he said.",
        "“First paragraph.\n“Second paragraph,” he said.",
    ),
    # Macron words inside a damaged text stay.
    ("āKia ora,ā said the Māori leader in Tāmaki.", "“Kia ora,” said the Māori leader in Tāmaki."),
    # A word-initial ā with nothing to close it is left alone even in a damaged text.
    ("āhua is a word ā and a dash.", "āhua is a word — and a dash."),
]

UNCHANGED = [
    "Māori leaders in Tāmaki Makaurau gathered pāua.",
    "Rīga and Zürich are cities.",
    "Viņi ir mājās. Latvijā ir labi, ko zināt un runāt mājām.",
    "Ā tōna wā ā kuanei.",
    "The Māori word ā tōna wā means in due course.",
    "No damage here: China's plan, “quoted” and — dashed.",
    "",
]


@pytest.mark.parametrize(("damaged", "expected"), REPAIRS)
def test_repair_punctuation_restores_punctuation(damaged: str, expected: str) -> None:
    assert repair_punctuation(damaged) == (expected, True)


@pytest.mark.parametrize("text", UNCHANGED)
def test_repair_punctuation_leaves_undamaged_text(text: str) -> None:
    assert repair_punctuation(text) == (text, False)


@pytest.mark.parametrize(
    ("text", "damaged"),
    [
        ("āDuring the visit", True),  # ā before a capital
        ("common concern,ā ministry", True),  # ā after a comma
        ("on the U.N.ās website", True),  # ā after a full stop
        ("we donāt know", True),  # n't
        ("Chinaās economy", True),  # possessive, no macron word in sight
        ("BEIJING ā Russian", True),  # lone dash, no macron word in sight
        ("Mr Tāmakiās plan", False),  # possessive, but a macron word: keep
        ("Viņi ir mājās", False),  # Latvian: `ās` ending is a word
        ("runāt un zināt", False),  # Latvian infinitives, not n't
        ("Latvijā tika", False),
        ("ā tōna wā", False),  # Māori particle between spaces
        ("no ā at all", True),
        ("nothing", False),
    ],
)
def test_looks_damaged(text: str, damaged: bool) -> None:
    assert looks_damaged(text) is damaged


def test_repair_punctuation_repairs_the_whole_seed_article() -> None:
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    repaired, changed = repair_punctuation(text)
    assert changed
    assert len(repaired) == len(text)
    assert "ā" not in repaired
    for line in repaired.split("\n"):
        assert line.count("“") == line.count("”"), line
    assert repaired.startswith("BEIJING — Russian")
    assert "on the U.N.’s website" in repaired


@given(st.text(alphabet=st.sampled_from("āaAsStTnd ,.(\n'M")))
def test_repair_punctuation_keeps_length_and_changes_only_damage(text: str) -> None:
    repaired, changed = repair_punctuation(text)
    assert len(repaired) == len(text)
    assert changed == (repaired != text)
    for old, new in zip(text, repaired, strict=True):
        assert old == new or (old == "ā" and new in "’“”—")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CafÃ© society", "Café society"),
        ("Chinaâ€™s plan", "China’s plan"),
        ("â€œWe agreeâ€\x9d, he said", "“We agree”, he said"),
        ("“Curly” quotes and ‘single’ ones stay", "“Curly” quotes and ‘single’ ones stay"),
        ("  runs of\n\n whitespace\tcollapse  ", "runs of whitespace collapse"),
        ("Māori and Zürich", "Māori and Zürich"),
    ],
)
def test_fix_text(text: str, expected: str) -> None:
    assert fix_text(text) == expected


BOILERPLATE = [
    "Recommended Videos",
    "Advertisement",
    "ADVERTISEMENT",
    "- Advertisement -",
    "Read more: China's envoy meets Zelenskyy in Kyiv",
    "Read More",
    "Share this article",
    "Share on Facebook",
    "Subscribe to our daily briefing",
    "Sign up for our newsletter to get the latest news",
    "Follow us on Twitter @example",
    "Click here to read the full report.",
    "Continue reading",
    "Story continues below",
    "Story continues below advertisement",
    "Related: Xi meets Putin in Moscow",
    "Watch: Wang Wenbin at the daily briefing",
]
NOT_BOILERPLATE = [
    "The advertisement ran in several newspapers, the ministry said.",
    "Readers were told to read more about the plan before the vote.",
    "He said he would share this article with colleagues at the ministry.",
    "Related talks will continue next week.",
    "Watch the video was not what the spokesperson said.",
    "Read more: " + "a very long line that goes on " * 6,
    "",
]


@pytest.mark.parametrize("line", BOILERPLATE)
def test_boilerplate_lines_finds_whole_boilerplate_lines(line: str) -> None:
    text = f"First real sentence of the article.\n{line}\nLast real sentence."
    assert boilerplate_lines(text) == frozenset({2})


@pytest.mark.parametrize("line", NOT_BOILERPLATE)
def test_boilerplate_lines_keeps_real_sentences(line: str) -> None:
    assert boilerplate_lines(f"First real sentence.\n{line}") == frozenset()


def test_boilerplate_lines_numbers_are_one_based() -> None:
    text = "Advertisement\nA sentence.\n\nRecommended Videos\nAnother sentence.\nRead More"
    assert boilerplate_lines(text) == frozenset({1, 4, 6})
