"""The served web app over a home that other processes write to, and what uploads leave behind.

Each test serves its own app (real model, real Chroma) on its own home, so that another
process can ingest into it or hold its writer lock while the app runs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SEED
from gradio_client import Client, handle_file
from test_web import chat, free_port

from bot import ClaimBot
from bot.errors import InvalidArgumentError
from bot.web.app import create_app, launch
from bot.web.handlers import Handlers
from bot.web.session import WebBot
from bot.web.uploads import upload_label
from index import Settings

REPO = Path(__file__).resolve().parents[1]
JUPITER = (
    "Probe reaches Jupiter orbit\n\n"
    "A European space probe entered orbit around Jupiter on Tuesday after a six-year journey. "
    "The mission director said the probe would study the icy moons of Jupiter.\n"
)
TRADE = "Trade talks resume\n\nThe minister said trade talks would resume soon.\n"


def subprocess_env() -> dict[str, str]:
    """This process's environment, with this checkout first on the path of a child Python."""
    path = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH")) if p)
    return {**os.environ, "PYTHONPATH": path}


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """The app over a home holding the seed article, on a free port: ``(url, home)``."""
    shutil.copy(SEED, tmp_path / SEED.name)
    home = tmp_path / "home"
    claimbot = ClaimBot(settings=Settings(home=home, lock_timeout=0.5))
    claimbot.ingest([tmp_path / SEED.name])
    demo = create_app(claimbot)
    _, url, _ = launch(demo, port=free_port(), prevent_thread_lock=True, quiet=True)
    yield url, home
    demo.close()
    claimbot.close()


def client_of(url: str) -> Client:
    return Client(url, verbose=False, download_files=False)


def uploads(home: Path) -> dict[str, str]:
    """File name → text of everything in the home's uploads folder."""
    folder = home / "uploads"
    return {p.name: p.read_text("utf-8", "replace") for p in sorted(folder.iterdir())
            } if folder.exists() else {}


# A home written by another process (issue 12, item 3) -------------------------------------------


def test_app_finds_articles_another_process_ingests(served: tuple[str, Path],
                                                    tmp_path: Path) -> None:
    url, home = served
    client = client_of(url)
    assert chat(client, "What did China say about arms sales?")["covered"]  # the index is open
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "2023-07-14-jupiter.txt").write_text(JUPITER, encoding="utf-8")
    subprocess.run([sys.executable, "-m", "bot.cli", "--home", str(home), "ingest", str(folder)],
                   env=subprocess_env(), check=True, capture_output=True, timeout=300)
    finished = time.perf_counter()
    hits = client.predict("space probe in orbit around Jupiter", 3, "", "", "", "", "",
                          api_name="/search")["hits"]
    delay = time.perf_counter() - finished
    print(f"\nthe app answered with the new article {delay:.3f} s after the CLI ingest ended")
    assert hits and hits[0]["path"].endswith("2023-07-14-jupiter.txt")
    answer = chat(client, "What did the mission director say about the icy moons?")
    assert any(c["path"].endswith("2023-07-14-jupiter.txt") for c in answer["citations"])
    assert any(a["path"].endswith("2023-07-14-jupiter.txt")
               for a in client.predict(api_name="/articles"))


def test_upload_refused_by_the_writer_lock_leaves_nothing(served: tuple[str, Path],
                                                          tmp_path: Path) -> None:
    url, home = served
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from filelock import FileLock; "
         "lock = FileLock(sys.argv[1]); lock.acquire(); print('held', flush=True); "
         "sys.stdin.read()", str(home / "writer.lock")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=subprocess_env())
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        trade = tmp_path / "trade.txt"
        trade.write_text(TRADE, encoding="utf-8")
        with pytest.raises(Exception, match="another claimtrack process is writing"):
            client_of(url).predict([handle_file(trade)], api_name="/ingest")
        assert uploads(home) == {}
    finally:
        holder.communicate("", timeout=30)
    rows = client_of(url).predict([handle_file(trade)], api_name="/ingest")["files"]
    assert rows == [{"file": "trade.txt", "result": "added", "detail": ""}]
    assert uploads(home) == {"trade.txt": TRADE}


# One upload limit, and nothing left by a rejected upload (issue 12, item 8) --------------------


def test_upload_label_states_the_ingest_limit(bot: ClaimBot) -> None:
    assert bot.settings.max_file_bytes == 2_000_000
    assert "up to 2 MB each" in upload_label(Handlers(WebBot(bot)).max_bytes)
    assert Handlers(WebBot(bot), "500kb").max_bytes == 500_000
    with pytest.raises(InvalidArgumentError, match=r"CLAIMTRACK_MAX_FILE_MB"):
        Handlers(WebBot(bot), "5mb")
    demo = create_app(bot)
    labels = [c.get("props", {}).get("label") for c in demo.get_config_file()["components"]]
    assert any(str(label).endswith("up to 2 MB each)") for label in labels)


def test_rejected_uploads_leave_nothing_behind(served: tuple[str, Path],
                                              tmp_path: Path) -> None:
    url, home = served
    files = {"trade.txt": TRADE, "empty.txt": "", "blank.md": "\n \n",
             "records.jsonl": '{"title": "no text"}\n', "notes.exe": "MZ"}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    rows = client_of(url).predict([handle_file(tmp_path / n) for n in files],
                                  api_name="/ingest")["files"]
    results = {r["file"]: r["result"] for r in rows}
    assert results.pop("trade.txt") == "added"
    assert set(results.values()) == {"rejected"}
    assert uploads(home) == {"trade.txt": TRADE}
    (tmp_path / "trade.txt").write_text("", encoding="utf-8")  # a bad new version is refused
    rows = client_of(url).predict([handle_file(tmp_path / "trade.txt")],
                                  api_name="/ingest")["files"]
    assert [r["result"] for r in rows] == ["rejected"]
    assert uploads(home) == {"trade.txt": TRADE}  # and the stored article's file is kept


def test_upload_over_the_limit_is_refused_naming_file_and_limit(
        served: tuple[str, Path], tmp_path: Path) -> None:
    url, home = served
    big = tmp_path / "big.txt"
    big.write_text("Big article\n\n" + "The spokesman said nothing new. " * 80_000)  # 2.6 MB
    with pytest.raises(Exception, match=r"big\.txt exceeds the maximum file size of 2000000 b"):
        client_of(url).predict([handle_file(big)], api_name="/ingest")
    assert uploads(home) == {}


def test_handler_refuses_a_file_over_the_limit_by_name(bot: ClaimBot, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Big article\n\n" + "The spokesman said nothing new. " * 80_000)  # 2.6 MB
    rows, status = Handlers(WebBot(bot)).ingest([str(big)])
    assert rows == [["big.txt", "rejected",
                     "big.txt: file is 2.56 MB, over the upload limit of 2 MB"]]
    assert "1 rejected" in status
    assert uploads(Path(bot.settings.home)) == {}

