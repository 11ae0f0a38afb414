"""Awkward input through the CLI and `ClaimBot`: folders with bad links, and empty, unknown or
oversized queries and filters (issue 12, items 4 and 9)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import write_articles

from bot import ClaimBot
from bot.claimbot import MAX_K
from bot.cli import main
from bot.errors import InvalidArgumentError, UnknownArticleError


def test_ingest_reports_every_link_and_folder_it_skips(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_articles(tmp_path / "a")
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "self.txt").symlink_to(folder / "self.txt")
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    (folder / "x.txt").mkdir()
    home = str(tmp_path / "home")
    # Exit status 0, or 2 once skipped inputs set it: never 1, the status of a failed command.
    assert main(["--home", home, "ingest", str(folder), "--json"]) in (0, 2)
    report = json.loads(capsys.readouterr().out)
    assert len(report["added"]) == 3 and report["sentences"] > 0
    skipped = {Path(path).name: reason for path, reason in report["skipped"]}
    assert set(skipped) == {"loop", "self.txt", "dangling.txt", "x.txt"}
    assert "loop" in skipped["loop"] and "loop" in skipped["self.txt"]
    assert "broken symbolic link" in skipped["dangling.txt"]
    assert "no files" in skipped["x.txt"]
    assert main(["--home", home, "ingest", str(folder)]) in (0, 2)
    out = capsys.readouterr().out
    assert "unchanged 3, skipped 4" in out
    for name in skipped:
        assert f"skipped {folder / name}: " in out


# Small input handling (item 9) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["search", "Jupiter", "--article", "nonexistent"], "no article matches 'nonexistent'"),
        (["claims", "--article", "nonexistent"], "no article matches 'nonexistent'"),
        (["search", ""], "the query is empty"),
        (["search", "  \t "], "the query is empty"),
        (["ask", ""], "the question is empty"),
        (["ask", "   "], "the question is empty"),
        (["search", '"?!'], "no letters or digits"),
        (["search", "Jupiter", "-k", str(MAX_K + 1)], f"at most {MAX_K}"),
        (["ask", "Jupiter", "-k", "100000"], f"at most {MAX_K}"),
    ],
)
def test_unusable_queries_and_filters_fail_with_a_reason(
    seed_store: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(["--home", str(seed_store), *argv]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("claimtrack: error:") and message in err[0], err


@pytest.mark.parametrize("question", ['"', "?", "…", "“” -- !!"])
def test_a_question_without_letters_or_digits_cites_nothing(
    seed_bot: ClaimBot, question: str
) -> None:
    answer = seed_bot.ask(question)
    assert answer.citations == ()
    assert "no letters or digits" in answer.text


def test_ask_cli_says_why_a_question_without_words_has_no_answer(
    seed_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--home", str(seed_store), "ask", '"', "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["citations"] == [] and "no letters or digits" in answer["text"]


def test_python_api_refuses_what_the_cli_refuses(seed_bot: ClaimBot) -> None:
    with pytest.raises(UnknownArticleError, match="nonexistent"):
        seed_bot.search("arms sales", article="nonexistent")
    with pytest.raises(UnknownArticleError, match="nonexistent"):
        seed_bot.claims(article="nonexistent")
    with pytest.raises(InvalidArgumentError, match="empty"):
        seed_bot.search(" ")
    with pytest.raises(InvalidArgumentError, match=f"at most {MAX_K}"):
        seed_bot.search("arms sales", k=100_000)
    assert len(seed_bot.search("arms sales", k=MAX_K)) <= MAX_K
    # A known article still filters, by file name as by id.
    name = Path(seed_bot.articles()[0].path).name
    assert {h.path for h in seed_bot.search("arms sales", article=name)} == {
        seed_bot.articles()[0].path}
