"""A vector index that lost vectors the ledger says it holds: reported, skipped, repaired."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import store_consistent, write_articles

from bot import ClaimBot
from bot.cli import main
from index import Settings, StoreError


class Crash(RuntimeError):
    pass


def built(tmp_path: Path) -> tuple[Path, Path]:
    """A home holding the three small articles, closed; and their folder."""
    home, folder = tmp_path / "home", write_articles(tmp_path / "articles")
    bot = ClaimBot(settings=Settings(home=home))
    bot.ingest(folder)
    bot.close()
    forget_chroma(home)
    return home, folder


def forget_chroma(home: Path) -> None:
    """Drop whatever embedded Chroma this process still keeps open for `home`, so the next
    open sees the folder as a new process would (closing the bot already should)."""
    from chromadb.api.shared_system_client import SharedSystemClient

    path = str((home / "chroma").resolve())
    SharedSystemClient._identifier_to_refcount.pop(path, None)
    system = SharedSystemClient._identifier_to_system.pop(path, None)
    if system is not None:
        system.stop()


def test_a_deleted_index_says_what_to_run(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    home, folder = built(tmp_path)
    shutil.rmtree(home / "chroma")
    bot = ClaimBot(settings=Settings(home=home))
    with pytest.raises(StoreError, match="claimtrack reindex"):
        bot.search("Who won at Wembley?")
    with pytest.raises(StoreError, match="claimtrack reindex"):
        bot.ask("Who won at Wembley?")
    bot.close()
    assert main(["--home", str(home), "ask", "Who won at Wembley?"]) == 1
    err = capsys.readouterr().err
    assert "claimtrack reindex" in err and "KeyError" not in err
    assert main(["--home", str(home), "ingest", str(folder)]) == 0
    assert "lost the vectors of 3 stored articles" in capsys.readouterr().out
    assert main(["--home", str(home), "ask", "Who won at Wembley?"]) == 0
    assert "Wembley" in capsys.readouterr().out


def test_ingest_restores_the_vectors_of_unchanged_articles(tmp_path: Path) -> None:
    home, folder = built(tmp_path)
    shutil.rmtree(home / "chroma")
    bot = ClaimBot(settings=Settings(home=home))
    report = bot.ingest(folder)
    assert len(report.unchanged) == 3 and report.added == report.replaced == []
    store_consistent(bot)
    assert "Wembley" in bot.search("Who won at Wembley?", k=1)[0].text
    assert sorted(report.repaired) == sorted(report.unchanged)
    bot.close()


def test_ingest_restores_only_the_articles_that_lost_vectors(tmp_path: Path) -> None:
    home, folder = built(tmp_path)
    bot = ClaimBot(settings=Settings(home=home))
    football = next(a for a in bot.articles() if "football" in a.path)
    lost = [s.id for s in bot.corpus.ledger.sentences_of([football.id])][:2]
    bot.corpus.store.delete(lost)
    bot.close()
    bot = ClaimBot(settings=Settings(home=home))
    with pytest.raises(StoreError, match="claimtrack reindex"):
        bot.search("Who won at Wembley?")
    report = bot.ingest(folder)
    store_consistent(bot)
    assert report.repaired == [football.key]
    bot.close()


def test_a_query_skips_candidates_without_a_vector(tmp_path: Path) -> None:
    home, _ = built(tmp_path)
    bot = ClaimBot(settings=Settings(home=home))
    assert bot.corpus.search_engine  # opened and checked; no vector read yet
    sentences = bot.corpus.ledger.sentences_of([a.id for a in bot.articles()])
    fans = next(s for s in sentences if s.text.startswith("Fans celebrated"))
    # Lost while the home is open, while a stray vector keeps the count in step: the check
    # on opening passes, and the query meets a candidate without a vector.
    store = bot.corpus.store
    stray = store.vectors([fans.id])[fans.id]
    store.upsert(["stray"], stray[None, :], [{"article": "none", "day": 0}])
    store.delete([fans.id])
    hits = bot.search("Fans celebrated late into the night", k=5)
    assert fans.id not in {h.sentence_id for h in hits}
    bot.close()


def test_an_interrupted_reindex_leaves_a_home_that_works(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home, folder = built(tmp_path)
    bot = ClaimBot(settings=Settings(home=home))
    store = bot.corpus.store
    real, calls = store.upsert, []

    def crash_on_second(*args: object) -> None:
        calls.append(1)
        if len(calls) > 1:
            raise Crash("reindex")
        real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "upsert", crash_on_second)
    with pytest.raises(Crash):
        bot.reindex()
    monkeypatch.undo()
    bot.close()
    bot = ClaimBot(settings=Settings(home=home))
    bot.search("Who won at Wembley?")  # some vectors are missing: never a crash
    bot.ingest(folder)
    store_consistent(bot)
    assert "Wembley" in bot.search("Who won at Wembley?", k=1)[0].text
    bot.close()
