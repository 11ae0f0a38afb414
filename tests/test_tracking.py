"""Claim clusters: the same quotation or the same claim in other words, across articles.

Small articles of one mayor and one minister, ingested through `ClaimBot` with the real model,
spaCy and Chroma: each test names the claims (by a phrase of their sentence) that must share a
cluster, and those that must not.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import write_articles
from tracking_articles import ARTICLES, PLEDGE, article, bot_over

from bot import ClaimBot
from index import Settings
from index.tracking.quotations import content_words
from index.tracking.rarity import Rarity


def clusters_by_phrase(bot: ClaimBot) -> dict[str, str]:
    """Each claim's sentence text mapped to its cluster id."""
    db = bot.corpus.ledger.db
    return {str(t): str(c) for t, c in db.execute(
        "SELECT s.text, k.cluster FROM clusters k JOIN sentences s ON s.id = k.sentence_id")}


def partition(found: dict[str, str]) -> set[frozenset[str]]:
    """The clusters as sets of sentence texts (ids differ between homes)."""
    groups: dict[str, set[str]] = {}
    for text, cluster in found.items():
        groups.setdefault(cluster, set()).add(text)
    return {frozenset(g) for g in groups.values()}


def cluster_of(found: dict[str, str], phrase: str) -> str:
    matches = [c for text, c in found.items() if phrase in text]
    assert len(matches) == 1, (phrase, found)
    return matches[0]


@pytest.fixture(scope="module")
def tracked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ClaimBot]:
    """A bot over the articles above (read-only for the tests that use it)."""
    root = tmp_path_factory.mktemp("tracking")
    yield from bot_over(root, ARTICLES)


@pytest.mark.parametrize(("first", "second", "together"), [
    ("at the town hall", "told reporters", True),  # the same quotation in another outlet
    ("at the town hall", "homes … before", True),  # shortened with an ellipsis
    ("at the town hall", "10,000 new homes", True),  # the same pledge in other words
    ("at the town hall", "rents in the city", False),  # same speaker and topic, other claim
    ("railway line would open", "cost far more", False),  # same speaker, another claim
    ("10,000 new homes", "rents in the city", False),  # the same article
    ("cost 4 million", "cost 5 million", False),  # other figures
])
def test_claims_share_a_cluster_when_they_report_one_statement(
        tracked: ClaimBot, first: str, second: str, together: bool) -> None:
    found = clusters_by_phrase(tracked)
    assert (cluster_of(found, first) == cluster_of(found, second)) is together


def test_a_cluster_is_named_after_its_first_claim(tracked: ClaimBot) -> None:
    found = clusters_by_phrase(tracked)
    ledger = tracked.corpus.ledger
    first = next(s for s in ledger.sentences_of(ledger.article_ids("times.md"))
             if "town hall" in s.text)
    assert cluster_of(found, "told reporters") == first.id


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
    rarity = Rarity(["city budget libraries", "city budget cleaners", "city budget parks",
                     "city budget harbour", "riverton coal plant", "riverton coal station"])
    share = rarity.overlap(content_words(mine), content_words(theirs))
    assert low <= share <= high


@pytest.mark.parametrize("change", ["delete", "replace", "reindex"])
def test_deleting_or_replacing_an_article_updates_its_clusters(
        tmp_path: Path, change: str) -> None:
    folder = write_articles(tmp_path / "articles", ARTICLES)
    bot = ClaimBot(settings=Settings(home=tmp_path / "home"))
    bot.ingest([folder])
    before = clusters_by_phrase(bot)
    if change == "delete":
        bot.delete("times.md")
    elif change == "replace":
        (folder / "post.md").write_text(article(
            "The Post", "2024-01-07", "Ann Lee said the weather was fine for the parade."))
        bot.ingest([folder])
    else:
        bot.reindex()
    found = clusters_by_phrase(bot)
    assert not bot.corpus.ledger.clusters.has_pending()
    if change == "delete":
        assert not any("town hall" in t for t in found)
        # The ellipsis and the paraphrase still join the Post's quotation, under a new id.
        assert (cluster_of(found, "told reporters") == cluster_of(found, "homes … before")
                == cluster_of(found, "10,000 new homes"))
    elif change == "replace":
        assert not any("told reporters" in t for t in found)
        assert cluster_of(found, "weather") != cluster_of(found, "town hall")
        assert cluster_of(found, "town hall") == cluster_of(found, "homes … before")
    else:
        assert found == before  # rebuilt from the ledger alone, with the same ids
    bot.close()


KILLER = textwrap.dedent("""
    import os, signal, sys
    from index.ledger.clusters import ClusterTable
    import index.tracking.clustering as clustering
    from bot import ClaimBot

    clustering.CHUNK = 1  # commit every claim: the kill comes between two commits
    placed = []
    assign = ClusterTable.assign

    def dying(self, *args, **kwargs):
        if len(placed) == 3:
            os.kill(os.getpid(), signal.SIGKILL)
        placed.append(args[0])
        return assign(self, *args, **kwargs)

    ClusterTable.assign = dying
    ClaimBot(sys.argv[1]).ingest([sys.argv[2]])
""")


def test_kill_minus_nine_during_clustering_is_completed_by_the_next_run(
        tmp_path: Path, tracked: ClaimBot) -> None:
    folder = write_articles(tmp_path / "articles", ARTICLES)
    home = tmp_path / "home"
    done = subprocess.run([sys.executable, "-c", KILLER, str(home), str(folder)],
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])},
                          capture_output=True, timeout=300)
    assert done.returncode == -9, done.stderr.decode()[-2000:]
    resumed = ClaimBot(settings=Settings(home=home))
    assert resumed.corpus.ledger.clusters.has_pending()
    report = resumed.ingest([folder])
    assert len(report.unchanged) == len(ARTICLES)
    assert not resumed.corpus.ledger.clusters.has_pending()
    assert partition(clusters_by_phrase(resumed)) == partition(clusters_by_phrase(tracked))
    resumed.close()


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
