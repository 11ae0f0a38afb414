"""Clusters kept in the store: deleting, replacing and reindexing articles update them, and a
kill -9 during clustering leaves a store the next run completes. Real model, spaCy and Chroma
on temporary homes."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import write_articles
from tracking_articles import ARTICLES, article, cluster_of, clusters_by_phrase, partition, tracked

from bot import ClaimBot
from index import Settings
from index.tracking.rarity import Rarity

__all__ = ["tracked"]  # the fixture, imported for the tests below


def _apply(bot: ClaimBot, folder: Path, change: str) -> None:
    """Add, delete or replace an article of the tracked fixture, or reindex the store."""
    if change == "add":
        (folder / "echo.md").write_text(article(
            "Echo", "2024-03-09", "Treasurer Mia Cole said the harbour ferry would be free."))
        bot.ingest([folder])
    elif change == "delete":
        bot.delete("times.md")
    elif change == "replace":
        (folder / "post.md").write_text(article(
            "The Post", "2024-01-07", "Ann Lee said the weather was fine for the parade."))
        bot.ingest([folder])
    else:
        bot.reindex()


@pytest.mark.parametrize("change", ["delete", "replace", "reindex"])
def test_deleting_or_replacing_an_article_updates_its_clusters(
        tmp_path: Path, change: str) -> None:
    folder = write_articles(tmp_path / "articles", ARTICLES)
    bot = ClaimBot(settings=Settings(home=tmp_path / "home"))
    bot.ingest([folder])
    before = clusters_by_phrase(bot)
    _apply(bot, folder, change)
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


def _recount(bot: ClaimBot) -> tuple[dict[str, int], int]:
    """The word document counts counted anew over every stored claim."""
    fresh = Rarity.counted(bot.corpus.ledger.clusters.contents())
    return dict(fresh.counts), fresh.total


@pytest.mark.parametrize("change", ["add", "delete", "replace", "reindex"])
def test_word_counts_kept_in_the_ledger_equal_a_recount(tmp_path: Path, change: str) -> None:
    folder = write_articles(tmp_path / "articles", ARTICLES)
    bot = ClaimBot(settings=Settings(home=tmp_path / "home"))
    bot.ingest([folder])
    words = bot.corpus.ledger.clusters.words
    before = words.counts()
    assert before == _recount(bot) and before[1] > 0
    _apply(bot, folder, change)
    after = words.counts()
    assert after == _recount(bot)
    assert not words.uncounted()
    claims = bot.corpus.ledger.db.execute("SELECT count(*) FROM claims").fetchone()[0]
    assert after[1] == claims
    assert (after == before) is (change == "reindex")
    bot.close()
