"""Paraphrase clustering: the same speaker's claim in other words joins, near misses on the same
topic and another speaker's same words stay apart, rare shared words weigh more. Small
articles ingested through `ClaimBot` with the real model, spaCy and Chroma."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import write_articles
from tracking_articles import article, bot_over, cluster_of, clusters_by_phrase

from bot import ClaimBot
from index import Settings
from index.ledger.claims import regrouped
from index.tracking.quotations import content_words, figures_agree, numbers
from index.tracking.rarity import Rarity

# The same claim in other words, and near misses: one speaker on one topic, another claim.
# Other speakers' claims on the city budget make "city" and "budget" common words, so that
# sharing them says little; the paraphrases share the rarer words of their claim.
REWORDED = {
    "daily.md": article(
        "Daily", "2024-04-01",
        "Governor Maria Alvarez said: “We will not raise the sales tax this year.”",
        "Governor Maria Alvarez said the state would shut the Riverton coal plant by 2027.",
        "Mayor Tom Reyes said the city budget would pay for two new libraries in the "
        "northern districts.",
        "Mayor Tom Reyes said the city budget was balanced for the first time in a decade.",
        "Councillor Jane Park said the city budget ignored the parks.",
        "Treasurer Omar Hale said the city budget relied on higher parking fees."),
    "evening.md": article(
        "Evening News", "2024-04-03",
        "Governor Maria Alvarez promised that the sales tax would not go up this year.",
        "Governor Maria Alvarez said the coal-fired plant at Riverton will close in 2027.",
        "Mayor Tom Reyes said two new libraries for the northern districts would be paid "
        "for by the city budget.",
        "Mayor Tom Reyes said the city budget would raise the pay of school cleaners.",
        "Councillor Jane Park said the city budget would pay for two new libraries in the "
        "northern districts.",
        "Treasurer Omar Hale said the city budget left the harbour without repairs."),
}


@pytest.fixture(scope="module")
def reworded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ClaimBot]:
    """A bot over `REWORDED` (read-only for the tests that use it)."""
    root = tmp_path_factory.mktemp("reworded")
    yield from bot_over(root, REWORDED)


@pytest.mark.parametrize(("first", "second", "together"), [
    # a quotation and the same promise reported in other words
    ("raise the sales tax", "would not go up", True),
    # 3 of their 7 content words in common, but the rare ones ("Riverton", "coal")
    ("shut the Riverton coal plant", "plant at Riverton", True),
    # the same claim with its parts in another order and other verbs
    ("Reyes said the city budget would pay", "would be paid for", True),
    # the same speaker and topic, another claim: only the topic's common words are shared
    ("balanced for the first time", "would be paid for", False),
    ("balanced for the first time", "school cleaners", False),
    ("Reyes said the city budget would pay", "school cleaners", False),  # cosine 0.68
    ("shut the Riverton coal plant", "sales tax would not go up", False),
    # the same words from another speaker are another speaker's claim
    ("Councillor Jane Park said the city budget would pay", "would be paid for", False),
    ("ignored the parks", "harbour without repairs", False),
])
def test_paraphrases_join_and_near_misses_stay_apart(
        reworded: ClaimBot, first: str, second: str, together: bool) -> None:
    found = clusters_by_phrase(reworded)
    assert (cluster_of(found, first) == cluster_of(found, second)) is together


@pytest.mark.parametrize(("mine", "theirs", "low", "high"), [
    ("budget libraries", "budget libraries", 1.0, 1.0),
    ("city budget libraries", "city budget cleaners", 0.15, 0.25),  # common words shared
    ("riverton coal budget", "riverton coal cleaners", 0.45, 0.6),  # rare words shared
    ("budget", "harbour", 0.0, 0.0),
])
def test_rare_shared_words_weigh_more(mine: str, theirs: str, low: float, high: float) -> None:
    rarity = Rarity.counted(["city budget libraries", "city budget cleaners", "city budget parks",
                     "city budget harbour", "riverton coal plant", "riverton coal station"])
    share = rarity.overlap(content_words(mine), content_words(theirs))
    assert low <= share <= high


@pytest.mark.parametrize(("first", "second", "shared"), [
    # one verb in its forms: the bare form drops its final -e like the endings do
    ("Lee backs raising the minimum wage", "Lee said the wage should be raised", {"rais", "wage"}),
    ("Lee will raise the wage", "Lee raises the wage", {"rais", "wage"}),
    ("the charges were dropped", "Lee will not charge them", {"charg"}),
    # another verb stays another word; short words keep their -e
    ("prices rise", "Lee will raise prices", {"pric"}),
    ("Lee will take the seat", "Lee took the seat", {"seat"}),
])
def test_word_forms_share_a_stem(first: str, second: str, shared: set[str]) -> None:
    assert content_words(first) & content_words(second) - {"lee"} == shared


@pytest.mark.parametrize(("moves", "moved"), [
    # one identity renamed whole: the same claims together, nothing to place again
    ({"a": ("Donald Trump", "Donald J. Trump"), "b": ("Donald Trump", "Donald J. Trump")}, []),
    # a surname-only speaker joins a full name: the smaller part moves
    ({"p": ("Hale", "Tom Hale"), "q": ("Tom Hale", "Tom Hale"), "r": ("Tom Hale", "Tom Hale")},
     ["p"]),
    # one speaker split in two: the smaller part moves
    ({"a": ("Hale", "Tom Hale"), "b": ("Hale", "Tom Hale"), "c": ("Hale", "Ann Hale")}, ["c"]),
    # a group (no identity) becomes a person already known
    ({"g": (None, "Tom Hale"), "q": ("Tom Hale", "Tom Hale"), "r": ("Tom Hale", "Tom Hale")},
     ["g"]),
    ({"a": ("Ann Lee", "Ann Lee"), "b": ("Paul Grant", "Paul Grant")}, []),
])
def test_claims_regrouped_by_new_identities(
        moves: dict[str, tuple[str | None, str | None]], moved: list[str]) -> None:
    assert regrouped(moves) == moved


# "Hale" alone is its own speaker while two Hales are named equally often; once Tom Hale is
# the surname's dominant bearer, it is his, and its claim paraphrases his.
HALES = {
    "north.md": article("North Star", "2024-05-01",
                        "Hale said the Riverton coal plant would shut by 2027."),
    "south.md": article("South Post", "2024-05-02",
                        "Governor Tom Hale said the coal-fired plant at Riverton will close "
                        "in 2027."),
    "court.md": article("Court News", "2024-05-03",
                        "Judge Ann Hale said the court would rule on the appeal in June."),
}
MORE_HALE = {
    "east.md": article("East Times", "2024-05-04",
                       "Governor Tom Hale said the state would hire 500 new teachers."),
    "west.md": article("West Daily", "2024-05-05",
                       "Governor Tom Hale said tuition at state colleges would be frozen."),
}


def test_a_later_identity_merge_clusters_the_claims_it_joins(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "articles", HALES)
    bot = ClaimBot(settings=Settings(home=tmp_path / "home"))
    bot.ingest([folder])
    entity = dict(bot.corpus.ledger.db.execute("SELECT article, entity FROM claims"))
    found = clusters_by_phrase(bot)
    assert cluster_of(found, "would shut by 2027") != cluster_of(found, "will close in 2027")
    write_articles(folder, MORE_HALE)
    bot.ingest([folder])
    merged = dict(bot.corpus.ledger.db.execute("SELECT article, entity FROM claims"))
    assert len(set(entity.values())) == 3 and len(set(merged.values())) == 2
    found = clusters_by_phrase(bot)
    assert cluster_of(found, "would shut by 2027") == cluster_of(found, "will close in 2027")
    assert cluster_of(found, "rule on the appeal") != cluster_of(found, "will close in 2027")
    assert not bot.corpus.ledger.clusters.has_pending()
    bot.close()


@pytest.mark.parametrize(("first", "second", "agree"), [
    # a report in other words may leave a figure out
    ("the wage, now $7.25 an hour, should rise to $15 by 2020", "a $15 wage by 2020", True),
    ("a $15 wage by 2020", "the wage, now $7.25 an hour, should rise to $15 by 2020", True),
    ("the plant will close", "the plant will close in 2027", True),
    ("the same figure: 2,383 delegates", "needs 2,383 delegates", True),
    # but not change one
    ("took $10.7m from banks", "took $12.7m from banks", False),
    ("close in 2027", "close in 2030", False),
    ("needs 2,383 delegates", "has 2,000 delegates", False),  # "2,383" is one figure
    ("cut 4,000 jobs by 2020", "cut 5,000 jobs by 2020", False),
])
def test_a_paraphrase_may_leave_figures_out_but_not_change_them(
        first: str, second: str, agree: bool) -> None:
    assert figures_agree(numbers(first), numbers(second)) is agree
