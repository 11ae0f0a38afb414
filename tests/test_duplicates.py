"""The same article from two files is stored once, with both sources (issue 14, item 6).

Real model, spaCy and Chroma on temporary homes, through `ClaimBot`: copies exact, nearly
exact (a changed word, whitespace, quote marks) and different articles under one headline.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from conftest import store_consistent

from bot import ClaimBot
from index import Settings
from index.fingerprints import Duplicates, fingerprint, normalise
from index.ledger.sources import SourceTable
from index.preparation import prepare
from index.reading.files import iter_sources
from index.records import Source

HEADLINE = "Council approves new harbour bridge"
STORY = (
    f"{HEADLINE}\n\n"
    "The city council voted on Tuesday to build a new bridge across the old harbour, ending "
    "a debate that has divided the town for more than a decade.\n\n"
    "“This bridge will carry twenty thousand people a day and it will be finished by the "
    "summer of 2027,” Mayor Ann Lee said after the vote.\n\n"
    "Opponents said the project would cost far more than the council had promised and "
    "that the money should go to schools instead. Treasurer Mia Cole said the city had "
    "set aside 40 million dollars for the work and would not raise local taxes to pay "
    "for it.\n\n"
    "Construction is expected to start in the spring, once the last permits are granted by "
    "the regional planning office.\n"
)
# Another article under the same headline: the same event, other words.
OTHER = (
    f"{HEADLINE}\n\n"
    "Engineers will begin surveying the harbour floor next month, after councillors backed "
    "the long-delayed crossing by a narrow margin.\n\n"
    "Fishermen who moor their boats near the site worry that the works will block access "
    "to the quay for at least two seasons, a spokesman for their association told reporters.\n"
)


def _edited(text: str, edit: str) -> str:
    if edit == "word":
        return text.replace("far more", "much more")
    if edit == "whitespace":
        return text.replace(". ", ".  ").replace("\n\n", "\n \n\n")
    if edit == "quotes":
        return text.replace("“", '"').replace("”", '"')
    if edit == "case":
        return text.replace("The city council", "THE CITY COUNCIL")
    if edit == "other":
        return OTHER
    if edit == "paragraph":  # a version with a paragraph more: its claims must not be lost
        return text + ("\nCouncillor Tom Reed said the vote had been rushed through without a "
                       "proper public consultation, and that residents of the east bank had "
                       "not been asked at all about the route the bridge would take.\n")
    raise AssertionError(edit)


def _bot(tmp_path: Path) -> ClaimBot:
    return ClaimBot(settings=Settings(home=tmp_path / "home"))


def _write(folder: Path, files: dict[str, str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [folder / name for name in files]


@pytest.mark.parametrize(("edit", "same"), [
    ("word", True), ("whitespace", True), ("quotes", True), ("case", True),
    ("other", False), ("paragraph", False),
])
def test_normalisation_and_near_duplicates(edit: str, same: bool) -> None:
    copy = _edited(STORY, edit)
    assert copy != STORY
    index = Duplicates([("a", fingerprint(STORY))])
    found = index.find(fingerprint(copy), copy, lambda _id: STORY)
    assert (found is not None and found[0] == "a") is same
    assert (normalise(copy) == normalise(STORY)) is (edit not in ("word", "other", "paragraph"))


@pytest.mark.parametrize("edit", [None, "word", "whitespace", "quotes"])
def test_a_copy_is_stored_once_with_both_sources(tmp_path: Path, edit: str | None) -> None:
    copy = STORY if edit is None else _edited(STORY, edit)
    first, second = _write(tmp_path / "in", {"a.txt": STORY, "b.txt": copy})
    bot = _bot(tmp_path)
    report = bot.ingest([first.parent])
    assert report.added == [str(first)]
    assert report.duplicates == [(str(second), str(first))]
    (article,) = bot.corpus.articles()
    assert article.sources == (str(first), str(second))
    store_consistent(bot)
    again = bot.ingest([second])  # re-ingest of the copy: nothing changes
    assert again.unchanged == [str(second)] and again.sentences == 0
    assert bot.corpus.articles() == [article]
    bot.close()


def test_a_copy_ingested_later_and_different_articles_kept_apart(tmp_path: Path) -> None:
    first, other = _write(tmp_path / "one", {"a.txt": STORY, "other.txt": OTHER})
    bot = _bot(tmp_path)
    bot.ingest([first.parent])
    (copy,) = _write(tmp_path / "two", {"c.txt": _edited(STORY, "word")})
    report = bot.ingest([copy])
    assert report.duplicates == [(str(copy), str(first))] and report.added == []
    paths = sorted(a.sources for a in bot.corpus.articles())
    assert paths == [(str(first), str(copy)), (str(other),)]
    bot.close()


def test_the_answer_and_the_search_cite_the_article_once(tmp_path: Path) -> None:
    files = _write(tmp_path / "in", {"a.txt": STORY, "b.txt": STORY})
    bot = _bot(tmp_path)
    bot.ingest([files[0].parent])
    hits = bot.search("How many people will the bridge carry?", k=10)
    bridge = [h for h in hits if "twenty thousand" in h.text]
    assert len(bridge) == 1 and bridge[0].path == str(files[0])
    answer = bot.ask("What did Ann Lee say about the bridge?")
    cited = [c for c in answer.citations if "twenty thousand" in c.text]
    assert len(cited) == 1, answer.citations
    # The copy's file name finds the article, as its own would.
    assert [h.article for h in bot.search("bridge", k=3, article="b.txt")] == [
        h.article for h in bot.search("bridge", k=3, article="a.txt")]
    bot.close()


def test_a_cluster_counts_the_copy_once(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _write(folder, {"a.txt": STORY, "b.txt": _edited(STORY, "quotes")})
    bot = _bot(tmp_path)
    bot.ingest([folder])
    track = bot.track("This bridge will carry twenty thousand people a day")
    assert len(track.appearances) == 1, track.appearances
    bot.close()


@pytest.mark.parametrize("which", ["own", "other"])
def test_deleting_one_source_keeps_the_article(tmp_path: Path, which: str) -> None:
    first, second = _write(tmp_path / "in", {"a.txt": STORY, "b.txt": _edited(STORY, "word")})
    bot = _bot(tmp_path)
    bot.ingest([first.parent])
    gone, kept = (first, second) if which == "own" else (second, first)
    assert len(bot.delete(gone.name)) == 1
    (article,) = bot.corpus.articles()
    assert article.sources == (str(kept),)
    assert article.path == str(kept)
    # Offsets index the file it now cites: the kept copy's own text.
    sentences = bot.corpus.ledger.sentences_of([article.id])
    assert all(kept.read_text()[s.start : s.end].strip() for s in sentences)
    assert any("much more" in s.text for s in sentences) is (kept == second)
    store_consistent(bot)
    assert bot.ask("What did Ann Lee say about the bridge?").citations
    assert bot.delete(kept.name) and bot.corpus.articles() == []  # the last source: all gone
    store_consistent(bot)
    again = bot.ingest([gone])  # back as a new article
    assert again.added == [str(gone)]
    bot.close()


def test_a_source_whose_file_changes_leaves_the_article(tmp_path: Path) -> None:
    first, second = _write(tmp_path / "in", {"a.txt": STORY, "b.txt": STORY})
    bot = _bot(tmp_path)
    bot.ingest([first.parent])
    first.write_text(OTHER, encoding="utf-8")  # the article's own file is now another story
    report = bot.ingest([first.parent])
    assert report.unchanged == [str(second)] and report.added == [str(first)]
    assert sorted(a.sources for a in bot.corpus.articles()) == [(str(first),), (str(second),)]
    store_consistent(bot)
    assert bot.reindex() > 0
    store_consistent(bot)
    bot.close()


def test_a_home_from_before_merges_its_copies_at_the_next_ingest(tmp_path: Path) -> None:
    first, second = _write(tmp_path / "in", {"a.txt": STORY, "b.txt": STORY})
    home = _legacy_home(tmp_path, [first, second])
    bot = ClaimBot(settings=Settings(home=home))
    assert [a.sources for a in bot.corpus.articles()] == [(str(first),), (str(second),)]
    report = bot.ingest([first.parent])
    assert report.unchanged == [str(first), str(second)]
    (article,) = bot.corpus.articles()
    assert article.sources == (str(first), str(second))
    store_consistent(bot)
    bot.close()


def _legacy_home(tmp_path: Path, files: list[Path]) -> Path:
    """A home holding every file as its own article, as the version before this one stored
    them (written and indexed by the product's own steps, then its new tables dropped)."""
    home = tmp_path / "legacy"
    bot = ClaimBot(settings=Settings(home=home))
    for item in iter_sources(files):
        assert isinstance(item, Source)
        prepared = prepare(item)
        bot.corpus.ledger.write_article(prepared.article, prepared.sentences)
    bot.corpus.ingestor.reindex()
    bot.close()
    db = sqlite3.connect(home / "ledger.sqlite3")
    with db:
        db.execute("DROP TABLE fingerprints")
        db.execute("DROP TABLE sources")
    db.close()
    return home


class Crash(RuntimeError):
    pass


@pytest.mark.parametrize("stage", ["record", "rebuild"])
def test_an_interrupted_ingest_or_delete_of_a_copy_is_completed_by_the_next_ingest(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str) -> None:
    first, second = _write(tmp_path / "in", {"a.txt": STORY, "b.txt": _edited(STORY, "word")})
    bot = _bot(tmp_path)

    def crash(*args: object, **kwargs: object) -> None:
        raise Crash(stage)

    if stage == "record":  # dies after the article is written, before its copy is recorded
        monkeypatch.setattr(SourceTable, "add", crash)
        with pytest.raises(Crash):
            bot.ingest([first.parent])
    else:  # dies after the article was rebuilt from the copy, before its vectors are in
        bot.ingest([first.parent])
        monkeypatch.setattr(bot.corpus.store, "upsert", crash)
        with pytest.raises(Crash):
            bot.delete(first.name)
    monkeypatch.undo()
    bot.close()
    bot = _bot(tmp_path)
    report = bot.ingest([second] if stage == "record" else [])
    (article,) = bot.corpus.articles()
    if stage == "record":
        assert report.duplicates == [(str(second), str(first))]
        assert article.sources == (str(first), str(second))
    else:
        assert article.sources == (str(second),)
    store_consistent(bot)
    assert bot.ask("What did Ann Lee say about the bridge?").citations
    bot.close()


@pytest.mark.parametrize("target", ["stored", "in the same call"])
def test_an_article_whose_file_becomes_a_copy_is_merged(tmp_path: Path, target: str) -> None:
    folder = tmp_path / "in"
    files = {"c.txt": OTHER} if target != "stored" else {"a.txt": STORY, "c.txt": OTHER}
    _write(folder, files)
    bot = _bot(tmp_path)
    bot.ingest([folder])
    first, copy = _write(folder, {"a.txt": STORY, "c.txt": _edited(STORY, "quotes")})
    report = bot.ingest([folder])
    assert report.duplicates == [(str(copy), str(first))]
    (article,) = bot.corpus.articles()
    assert article.sources == (str(first), str(copy))
    store_consistent(bot)
    assert len(bot.track("This bridge will carry twenty thousand people a day").appearances) == 1
    bot.close()


def test_the_cli_names_the_copy_and_lists_both_sources(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from bot.cli import main

    _write(tmp_path / "in", {"a.txt": STORY, "b.txt": _edited(STORY, "word")})
    home = str(tmp_path / "home")
    assert main(["--home", home, "ingest", str(tmp_path / "in")]) == 0
    out = capsys.readouterr().out
    assert "added 1" in out and "duplicates 1" in out
    assert "duplicate " in out and "b.txt: the same article as" in out and "a.txt" in out
    assert main(["--home", home, "articles"]) == 0
    assert "+1 copy" in capsys.readouterr().out
    assert main(["--home", home, "articles", "--json"]) == 0
    import json

    rows = json.loads(capsys.readouterr().out)
    assert [Path(p).name for p in rows[0]["sources"]] == ["a.txt", "b.txt"]
