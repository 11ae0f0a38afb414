"""Ingest: idempotence, replacement, bad inputs, and crash recovery, on a real store."""

from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import ARTICLES, SEED, store_consistent, write_articles

from bot import ClaimBot
from index import Corpus, Settings


def test_ingest_then_reingest_is_a_no_op(bot: ClaimBot, tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "a")
    first = bot.ingest(folder)
    assert len(first.added) == 3 and first.sentences > 0 and not first.skipped
    again = bot.ingest(folder)
    assert again.sentences == 0
    assert sorted(again.unchanged) == sorted(first.added)
    assert again.added == again.replaced == []
    store_consistent(bot)


def test_editing_one_article_replaces_exactly_its_sentences(bot: ClaimBot, tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "a")
    bot.ingest(folder)
    ledger = bot.corpus.ledger
    before = {a.key: {s.id for s in ledger.sentences_of([a.id])} for a in bot.articles()}
    edited = folder / "2023-06-02-football.txt"
    edited.write_text(ARTICLES["2023-06-02-football.txt"].replace(
        "Fans celebrated late into the night.", "The club will parade the trophy on Sunday."))
    report = bot.ingest(folder)
    assert report.replaced == [str(edited.resolve())]
    assert len(report.unchanged) == 2
    after = {a.key: {s.id for s in ledger.sentences_of([a.id])} for a in bot.articles()}
    for key in before:
        if key == str(edited.resolve()):
            assert after[key] != before[key]
            edited_id = next(a.id for a in bot.articles() if a.key == key)
            texts = [s.text for s in ledger.sentences_of([edited_id])]
            assert "The club will parade the trophy on Sunday." in texts
            assert "Fans celebrated late into the night." not in texts
        else:
            assert after[key] == before[key]
    assert report.sentences == len(after[str(edited.resolve())])
    store_consistent(bot)


def test_same_sentence_in_two_articles_is_stored_twice(bot: ClaimBot, tmp_path: Path) -> None:
    # Two articles (not copies of one: those are stored once, see tests/test_duplicates.py).
    text = "Headline here\n\nThe minister said the budget was balanced.\n"
    write_articles(tmp_path / "d", {"one.txt": text, "two.txt": text + "Markets rose.\n"})
    bot.ingest(tmp_path / "d")
    hits = bot.search("minister budget balanced", k=5)
    assert len([h for h in hits if h.text == "The minister said the budget was balanced."]) == 2


def bad_folder(root: Path) -> Path:
    folder = write_articles(root / "mixed")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02PK\x00" * 100)
    rng = random.Random(0)
    (folder / "noise.txt").write_bytes(bytes(rng.randrange(128, 256) for _ in range(4000)))
    (folder / "huge.txt").write_bytes(b"word " * 1_000_000)
    (folder / "latin1.txt").write_bytes(
        "Caf\u00e9 owners protest\n\nThe caf\u00e9 owners of Z\u00fcrich said rents had "
        "doubled.\n".encode("latin-1"))
    (folder / "report.pdf").write_bytes(b"%PDF-1.4 not really")
    return folder


def test_bad_files_are_reported_and_nothing_is_lost(bot: ClaimBot, tmp_path: Path) -> None:
    earlier = tmp_path / "earlier"
    earlier.mkdir()
    shutil.copy(SEED, earlier / "seed.txt")
    bot.ingest(earlier)
    report = bot.ingest(bad_folder(tmp_path))
    skipped = {Path(p).name: reason for p, reason in report.skipped}
    assert set(skipped) == {"empty.txt", "binary.txt", "noise.txt", "huge.txt", "report.pdf"}
    assert "empty" in skipped["empty.txt"]
    assert "binary" in skipped["binary.txt"]
    assert "MB" in skipped["huge.txt"]
    assert ".pdf" in skipped["report.pdf"]
    names = {Path(a.path).name: a for a in bot.articles()}
    assert {"seed.txt", "latin1.txt", *ARTICLES} <= set(names)
    assert "encoding-fallback" in names["latin1.txt"].flags
    assert "Zürich" in " ".join(h.text for h in bot.search("café owners rents", k=3))
    store_consistent(bot)


def test_huge_single_line_file_is_split_when_allowed(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "h", max_file_mb=0.1)
    claimbot = ClaimBot(settings=settings)
    folder = tmp_path / "long"
    folder.mkdir()
    (folder / "long.txt").write_text("alpha beta gamma " * 5000)  # 85 kB, no punctuation
    report = claimbot.ingest(folder)
    assert report.sentences >= 85
    stored = claimbot.corpus.ledger.sentences_of([claimbot.articles()[0].id])
    assert "".join(s.text.replace(" ", "") for s in stored) == ("alphabetagamma" * 5000)
    claimbot.close()


def test_second_writer_fails_fast(bot: ClaimBot, settings: Settings, tmp_path: Path) -> None:
    from index import StoreLockedError

    other = Corpus(settings)
    with bot.corpus.writing(), pytest.raises(StoreLockedError, match="another claimtrack"):
        other.ingest([str(write_articles(tmp_path / "x"))])


class Crash(RuntimeError):
    pass


@pytest.mark.parametrize("stage", ["upsert", "mark_indexed", "stale_delete"])
def test_interrupted_ingest_is_completed_by_next_run(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str
) -> None:
    folder = write_articles(tmp_path / "a")
    first = ClaimBot(settings=settings)
    first.ingest(folder)
    (folder / "2023-07-14-space.txt").write_text("Probe update\n\nThe probe lost contact.\n")
    (folder / "2023-08-01-new.txt").write_text("New story\n\nA new bridge opened today.\n")
    corpus = first.corpus
    target = {
        "upsert": (corpus.store, "upsert"),
        "mark_indexed": (corpus.ledger, "mark_indexed"),
        "stale_delete": (corpus.store, "delete"),
    }[stage]

    def crash(*args: object, **kwargs: object) -> None:
        raise Crash(stage)

    monkeypatch.setattr(*target, crash)
    with pytest.raises(Crash):
        first.ingest(folder)
    monkeypatch.undo()
    first.close()
    second = ClaimBot(settings=settings)
    report = second.ingest(folder)
    assert len(second.articles()) == 4
    assert not report.skipped
    store_consistent(second)
    assert [h.text for h in second.search("probe lost contact", k=1)] == ["The probe lost contact."]
    second.close()


def test_kill_minus_nine_then_resume(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(40):
        body = " ".join(f"Sentence {j} of story {i} mentions topic {i * j}." for j in range(30))
        (folder / f"story{i:02d}.txt").write_text(f"Story {i}\n\n{body}\n")
    home = tmp_path / "home"
    env = {**os.environ, "CLAIMTRACK_HOME": str(home)}
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "ingest", str(folder), "--json"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ledger = home / "ledger.sqlite3"
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        if ledger.exists():
            with sqlite3.connect(ledger) as db:
                try:
                    if db.execute("SELECT count(*) FROM articles").fetchone()[0] >= 2:
                        break
                except sqlite3.OperationalError:
                    pass
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    resumed = ClaimBot(settings=Settings(home=home))
    resumed.ingest(folder)
    assert len(resumed.articles()) == 40
    assert resumed.corpus.ledger.sentence_count() == 40 * 30 + 40
    store_consistent(resumed)
    resumed.close()


def test_batches_attributed_in_the_background_match_one_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Small batches (attribution of each overlapping the writing of the one before) store
    the same sentences and claims as one batch; a file given twice is stored once."""
    import index.ingestion

    folder = write_articles(tmp_path / "a")
    shutil.copy(SEED, folder / "seed.txt")
    (folder / "records.jsonl").write_text(
        '{"text": "Mayor Ann Lee said the bridge would open in May."}\n' * 3)
    paths = [folder, folder / "seed.txt"]  # the seed twice in one call
    one = ClaimBot(settings=Settings(home=tmp_path / "one"))
    one.ingest(paths)
    monkeypatch.setattr(index.ingestion, "FLUSH_SENTENCES", 3)
    many = ClaimBot(settings=Settings(home=tmp_path / "many"))
    report = many.ingest(paths)
    assert report.sentences == one.corpus.ledger.sentence_count()
    store_consistent(many)

    def claims(bot: ClaimBot) -> list[tuple[int, str | None, str]]:
        return sorted((c.line, c.speaker, c.text) for c in bot.claims())

    assert claims(many) == claims(one) and any(s == "Wang Wenbin" for _, s, _ in claims(one))
    one.close()
    many.close()


def test_attribution_failure_stops_ingest_and_next_run_completes(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import index.ingestion

    folder = write_articles(tmp_path / "a")
    bot = ClaimBot(settings=settings)

    def broken(articles: object) -> list:
        raise Crash("attribution")

    monkeypatch.setattr(index.ingestion.Ingestor, "_claims", staticmethod(broken))
    with pytest.raises(Crash):
        bot.ingest(folder)
    monkeypatch.undo()
    assert bot.corpus.ledger.sentence_count() == 0  # nothing half-written
    report = bot.ingest(folder)
    assert len(report.added) == 3
    store_consistent(bot)
    bot.close()
