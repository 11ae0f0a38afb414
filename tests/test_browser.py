"""The web chat in a real browser: Debian's chromium driven by Playwright for Python.

Never runs ``playwright install``: it launches /usr/bin/chromium (``make test`` installs it with
apt-get when it is missing and we are root) and skips when that browser is not there.
Saves a screenshot in the test's temp folder; with CLAIMTRACK_SCREENSHOT=1 it refreshes
docs/screenshot.png for the README (a plain test run leaves the work tree clean).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import SEED

from bot import ClaimBot
from bot.web.app import create_app, launch
from index import Settings

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
README_SCREENSHOT = Path(__file__).resolve().parents[1] / "docs" / "screenshot.png"
QUESTION = "What did China say about arms sales?"
EVIL = (
    "Minister unveils plan\n\n"
    "The minister said the plan <script>alert(1)</script> was final.\n"
    "The minister said the plan <img src=x onerror=alert(1)> would start in May.\n"
)

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing: run `make test` as root, or apt-get install chromium",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="pip install -e '.[dev]'")


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over the seed article and an article full of HTML, on a free local port."""
    root = tmp_path_factory.mktemp("browser")
    shutil.copy(SEED, root / SEED.name)
    (root / "evil.txt").write_text(EVIL, encoding="utf-8")
    claimbot = ClaimBot(settings=Settings(home=root / "home"))
    claimbot.ingest([root / SEED.name, root / "evil.txt"])
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    demo = create_app(claimbot)
    _, local_url, _ = launch(demo, port=port, prevent_thread_lock=True, quiet=True)
    yield local_url
    demo.close()
    claimbot.close()


@pytest.fixture
def page(url: str) -> Iterator[Any]:
    """A fresh browser page on the app; dialogs (alert) are recorded in ``page.dialogs``."""
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        tab = browser.new_page(viewport={"width": 1400, "height": 1000})
        tab.dialogs = []
        tab.on("dialog", lambda d: (tab.dialogs.append(d.message), d.dismiss()))
        tab.goto(url)
        tab.wait_for_selector("#ct-question textarea", timeout=60_000)
        yield tab
        browser.close()


def ask(page: Any, question: str) -> None:
    page.fill("#ct-question textarea", question)
    page.click("#ct-ask")


def card(page: Any, text: str) -> Any:
    """The citation card (a chat message starting with ``[n]``) that contains `text`."""
    cards = page.locator('#ct-chat [data-testid="bot"]').filter(has_text=re.compile(r"^\[\d+\]"))
    found = cards.filter(has_text=text)
    found.first.wait_for(timeout=60_000)
    return found.first


def test_citation_card_opens_the_highlighted_sentence(page: Any, tmp_path: Path) -> None:
    ask(page, QUESTION)
    card(page, "line 8").click()
    mark = page.locator("#ct-viewer mark.ct-cited")
    mark.wait_for(timeout=30_000)
    assert mark.inner_text().startswith("“The constant feeding of weapons")
    assert page.locator('#ct-viewer [data-line="8"]').get_attribute("class") == "ct-line ct-hit"
    page.wait_for_timeout(500)  # the viewer scrolls the mark into view after rendering
    box = mark.bounding_box()
    frame = page.locator("#ct-viewer").bounding_box()
    assert box and frame and frame["y"] <= box["y"] < frame["y"] + frame["height"]
    assert 0 <= box["y"] < page.viewport_size["height"]
    target = README_SCREENSHOT if os.environ.get("CLAIMTRACK_SCREENSHOT") else tmp_path / "app.png"
    page.screenshot(path=str(target))
    assert target.stat().st_size > 10_000


def test_article_html_is_shown_as_text_and_never_runs(page: Any) -> None:
    ask(page, "What did the minister say about the plan?")
    card(page, "alert(1)").click()
    page.locator("#ct-viewer mark.ct-cited").wait_for(timeout=30_000)
    viewer = page.locator("#ct-viewer")
    assert "<script>alert(1)</script>" in viewer.inner_text()
    assert "<img src=x onerror=alert(1)>" in viewer.inner_text()
    assert viewer.locator("script, img").count() == 0
    assert page.locator("#ct-chat img[src='x']").count() == 0
    page.wait_for_timeout(500)
    assert page.dialogs == []


def test_upload_box_states_the_limit_and_refuses_a_larger_file(page: Any,
                                                              tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Big article\n\n" + "The spokesman said nothing new. " * 80_000)  # 2.6 MB
    page.get_by_role("tab", name="Articles").click()
    assert "up to 2 MB each" in page.locator("#ct-upload").inner_text()
    page.locator("#ct-upload input[type=file]").set_input_files(str(big))
    toast = page.locator('[data-testid="toast-body"]').filter(has_text="big.txt")
    toast.first.wait_for(timeout=30_000)
    # gradio's own words, in its binary units: 2,000,000 bytes are 1.9 MiB
    assert "exceed the maximum allowed size of 1.9 M" in toast.first.inner_text()
