"""Homes that cannot be used as they are: a file, a read-only folder or disk, an unwritable
ledger, a Chroma server that dies mid-ingest. Each gets a message naming the cause and what to
do, read commands keep working where they can, and nothing stored is lost (issue 12, item 6).

Root ignores file permissions, so read-only cases use a read-only bind mount, and are skipped
(saying why) where this process may not mount.
"""

from __future__ import annotations

import hashlib
import json
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import write_articles

from bot import ClaimBot
from bot.cli import main
from index import ServerError, Settings

READS = [["articles"], ["claims"], ["speakers"], ["search", "Jupiter probe"],
         ["ask", "Who won the cup final?"]]


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make `path` (a folder or a file) read-only for every user, root included, meanwhile."""
    def run(*argv: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(argv, capture_output=True, timeout=30, check=False)

    bound = run("mount", "--bind", str(path), str(path))
    if bound.returncode != 0:
        pytest.skip(f"cannot bind-mount {path} read-only here: {bound.stderr.decode().strip()}")
    try:
        if run("mount", "-o", "remount,bind,ro", str(path)).returncode != 0:
            pytest.skip(f"cannot remount {path} read-only here")
        yield
    finally:
        if run("umount", str(path)).returncode != 0:
            run("umount", "-l", str(path))


def built_home(tmp_path: Path) -> tuple[Path, Path]:
    """A home holding the three small articles and one with a claim, and their folder."""
    home, folder = tmp_path / "home", write_articles(tmp_path / "a")
    (folder / "2023-08-01-talks.txt").write_text(
        "Talks resume\n\n“We will not give up,” Foreign Minister Anna Berg said on Monday.\n")
    bot = ClaimBot(settings=Settings(home=home))
    bot.ingest(folder)
    bot.close()
    return home, folder


def cli(capsys: pytest.CaptureFixture[str], home: Path, *argv: str) -> tuple[int, str, str]:
    status = main(["--home", str(home), *argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def one_error(err: str, *parts: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("claimtrack: error:"), lines
    assert "unexpected" not in lines[0], lines[0]
    for part in parts:
        assert part in lines[0], (part, lines[0])
    return lines[0]


def test_a_home_that_is_a_file_is_refused(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "notes.txt"
    file.write_text("not a store\n")
    folder = write_articles(tmp_path / "a")
    for home in (file, file / "home"):
        for argv in (["articles"], ["ingest", str(folder)]):
            status, _, err = cli(capsys, home, *argv)
            assert status == 1
            one_error(err, str(file), "not a folder", "--home")
    assert file.read_text() == "not a store\n"


def test_a_new_home_under_a_read_only_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    folder = write_articles(tmp_path / "a")
    with read_only(locked):
        for home in (locked / "new" / "home", locked):  # a new folder, or an empty one
            for argv in (["ingest", str(folder)], ["articles"]):
                status, _, err = cli(capsys, home, *argv)
                assert status == 1
                one_error(err, str(home), "Read-only file system", "writable")
    assert list(locked.iterdir()) == []


def test_a_home_on_a_read_only_disk_answers_read_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home, folder = built_home(tmp_path)
    before = fingerprint(home)
    with read_only(home):
        for argv in READS:
            status, out, err = cli(capsys, home, *argv, "--json")
            assert status == 0, err
            assert json.loads(out)
        _, out, _ = cli(capsys, home, "search", "Jupiter probe")
        assert "Jupiter" in out.splitlines()[0]
        for argv in (["ingest", str(folder)], ["delete", "x"], ["reindex"]):
            status, _, err = cli(capsys, home, *argv)
            assert status == 1
            one_error(err, str(home), "Read-only file system", "read commands")
    assert fingerprint(home) == before


def test_read_commands_do_not_touch_a_ledger_they_cannot_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home, folder = built_home(tmp_path)
    ledger = home / "ledger.sqlite3"
    before = ledger.read_bytes()
    with read_only(ledger):
        for argv in READS:
            status, out, err = cli(capsys, home, *argv, "--json")
            assert status == 0, err
            assert json.loads(out)
        (folder / "new.txt").write_text("New talks\n\nThe minister said talks would resume.\n")
        status, _, err = cli(capsys, home, "ingest", str(folder))
        assert status == 1
        one_error(err, str(ledger), "Read-only file system")
    assert ledger.read_bytes() == before
    bot = ClaimBot(settings=Settings(home=home))  # writable again: the ingest goes through
    assert len(bot.ingest(folder).added) == 1
    bot.close()


def fingerprint(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


# A Chroma server that dies ------------------------------------------------------------------


class Server:
    """A `chroma run` on a free loopback port, started for one test."""

    def __init__(self, data: Path) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = int(s.getsockname()[1])
        self.url = f"http://127.0.0.1:{port}"
        self.log = data.with_suffix(f".{port}.log")
        exe = Path(sys.executable).with_name("chroma")
        with self.log.open("w") as log:
            self.proc = subprocess.Popen(
                [str(exe), "run", "--path", str(data), "--host", "127.0.0.1", "--port",
                 str(port)], stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while not self._up():
            if time.monotonic() > deadline or self.proc.poll() is not None:
                self.kill()
                pytest.fail(f"chroma run did not start: {self.log.read_text()}")
            time.sleep(0.2)

    def _up(self) -> bool:
        try:
            urllib.request.urlopen(f"{self.url}/api/v2/heartbeat", timeout=1)
            return True
        except OSError:
            return False

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait(timeout=20)


def test_a_server_killed_mid_ingest_is_named_and_nothing_is_lost(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data, folder = tmp_path / "chroma", write_articles(tmp_path / "a")
    server = Server(data)
    settings = Settings(home=tmp_path / "home", chroma_url=server.url, collection="killed")
    bot = ClaimBot(settings=settings)
    try:
        with pytest.raises(ServerError) as caught:
            # Killed when the first file is read: before any vector is written.
            bot.ingest(folder, progress=lambda _path: server.kill())
        assert server.url in str(caught.value) and "chroma run" in str(caught.value)
        assert len(bot.articles()) == 3  # the ledger kept them, waiting for their vectors
        with pytest.raises(ServerError, match=server.url):
            bot.search("Jupiter probe")
    finally:
        bot.close()
        server.kill()
    monkeypatch.setenv("CLAIMTRACK_CHROMA_URL", server.url)
    monkeypatch.setenv("CLAIMTRACK_COLLECTION", "killed")
    status, _, err = cli(capsys, settings.home, "search", "Jupiter probe")
    assert status == 1
    one_error(err, server.url, "chroma run")
    again = Server(data)  # the same data, on a new port
    try:
        revived = settings.model_copy(update={"chroma_url": again.url})
        bot = ClaimBot(settings=revived)
        assert len(bot.ingest(folder).unchanged) == 3  # the interrupted ingest is completed
        assert "Jupiter" in bot.search("Jupiter probe", k=1)[0].text
        bot.close()
    finally:
        again.kill()
