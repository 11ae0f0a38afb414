"""The `claimtrack` command line: the --json contract, errors and exit codes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED, write_articles

from bot.cli import main

CITATION_FIELDS = {"n", "article", "path", "title", "date", "line", "start", "end", "text",
                   "score", "speaker"}
HIT_FIELDS = CITATION_FIELDS - {"n"}


def run_json(capsys: pytest.CaptureFixture[str], *argv: str, status: int = 0) -> object:
    assert main([*argv, "--json"]) == status
    return json.loads(capsys.readouterr().out)


def test_console_script_ask_json_on_the_seed(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / SEED.name).write_bytes(SEED.read_bytes())
    env = {**os.environ, "CLAIMTRACK_HOME": str(tmp_path / "home")}
    exe = Path(sys.executable).with_name("claimtrack")
    subprocess.run([exe, "ingest", articles, "--json"], env=env, check=True,
                   capture_output=True)
    done = subprocess.run([exe, "ask", "What did China say about arms sales?", "--json"],
                          env=env, check=True, capture_output=True, text=True)
    answer = json.loads(done.stdout)
    assert {"question", "text", "citations"} <= set(answer)
    citations = answer["citations"]
    assert {6, 7, 8} <= {c["line"] for c in citations[:5]}
    assert all(set(c) >= CITATION_FIELDS for c in citations)
    assert all(c["line"] != 3 for c in citations)


def test_ingest_search_articles_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = str(tmp_path / "home")
    folder = write_articles(tmp_path / "a")
    (folder / "notes.pdf").write_bytes(b"%PDF")
    report = run_json(capsys, "--home", home, "ingest", str(folder), "--outlet", "Wire",
                      status=2)  # notes.pdf is skipped: the ingest is partial
    assert isinstance(report, dict)
    assert {"added", "unchanged", "replaced", "skipped", "sentences", "seconds"} <= set(report)
    assert len(report["added"]) == 3 and report["skipped"][0][0].endswith("notes.pdf")
    assert report["status"] == "partial"
    hits = run_json(capsys, "--home", home, "search", "Jupiter probe", "-k", "3")
    assert isinstance(hits, dict) and len(hits["hits"]) == 3
    assert all(set(h) >= HIT_FIELDS for h in hits["hits"])
    assert "Jupiter" in hits["hits"][0]["text"]
    listed = run_json(capsys, "--home", home, "articles")
    assert isinstance(listed, list) and {a["outlet"] for a in listed} == {"Wire"}


def test_human_output_and_reindex(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = str(tmp_path / "home")
    folder = write_articles(tmp_path / "a")
    assert main(["--home", home, "ingest", str(folder)]) == 0
    assert "added 3" in capsys.readouterr().out
    assert main(["--home", home, "reindex"]) == 0
    assert "reindexed" in capsys.readouterr().out
    assert main(["--home", home, "ask", "Who won the cup final?"]) == 0
    out = capsys.readouterr().out
    assert "Wembley" in out and "[1]" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["search", "x", "--since", "yesterday"], "since"),
        (["search", "x", "-k", "0"], "k must be"),
        (["ingest", "/nonexistent/file.txt", "--date", "5 May"], "date"),
        (["delete", "no-such-article"], "no article matches"),
    ],
)
def test_errors_exit_non_zero_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(["--home", str(tmp_path / "h"), *argv]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("claimtrack: error:") and message in err[0]


def test_an_ingest_that_skips_nothing_exits_0_and_says_ok(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = run_json(capsys, "--home", str(tmp_path / "h"), "ingest",
                      str(write_articles(tmp_path / "a")))
    assert isinstance(report, dict) and report["status"] == "ok" and not report["skipped"]


def test_an_ingest_that_skips_a_file_exits_2_and_names_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = write_articles(tmp_path / "a")
    (folder / "empty.txt").write_bytes(b"")
    assert main(["--home", str(tmp_path / "h"), "ingest", str(folder)]) == 2
    out = capsys.readouterr().out
    assert "added 3" in out and "skipped 1" in out and "empty.txt" in out


def test_output_cut_short_by_the_reader_is_no_error(seed_store: Path) -> None:
    """``claimtrack claims | head -1``: the pipe closes early; no traceback, no error."""
    exe = Path(sys.executable).with_name("claimtrack")
    env = {**os.environ, "CLAIMTRACK_HOME": str(seed_store)}
    listing = subprocess.Popen([exe, "claims"], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    assert listing.stdout is not None and listing.stderr is not None
    listing.stdout.close()  # before it writes: as `head` does once it has its lines
    errors = listing.stderr.read().decode()
    assert listing.wait(timeout=60) == 0
    assert "BrokenPipe" not in errors and "error" not in errors.lower()


def test_claims_show_their_calibrated_confidence(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from bot.web.tables import CLAIM_HEADERS, claim_rows

    home = str(tmp_path / "h")
    assert main(["--home", home, "ingest", str(SEED)]) == 0
    capsys.readouterr()
    assert main(["--home", home, "claims"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(re.search(r"\[(0\.\d\d|1\.00)\]: ", line) for line in lines)
    records = run_json(capsys, "--home", home, "claims")
    assert isinstance(records, list)
    rows = claim_rows(records)
    column = CLAIM_HEADERS.index("confidence")
    assert [row[column] for row in rows] == [f"{r['confidence']:.2f}" for r in records]
