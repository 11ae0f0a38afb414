"""The web chat in a real browser: Debian's chromium driven by Playwright for Python.

Never runs ``playwright install``: it launches /usr/bin/chromium (``make test`` installs it with
apt-get when it is missing and we are root) and skips when that browser is not there.
Saves a screenshot in the test's temp folder; with CLAIMTRACK_SCREENSHOT=1 it refreshes
docs/screenshot.png for the README (a plain test run leaves the work tree clean) and, over a
store of realistic size (the seed, the reports below, 40 BBC politics and 40 PolNeAR train/dev
articles from ../shared, skipped when it is absent), docs/chat-cluster.png, docs/track.png and
docs/claims.png.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import SEED, SHARED, write_articles

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

# Other outlets quoting the seed's Geng Shuang, as wires and papers do: clusters across articles.
REPORTS = {
    "reuters-geng.md": (
        "---\ntitle: China warns West over arms for Ukraine\noutlet: Reuters\n"
        "date: 2023-05-20\n---\n"
        "China's deputy U.N. envoy Geng Shuang told the Security Council on Thursday that "
        "Western arms deliveries to Ukraine would prolong the war.\n\n"
        "“The constant feeding of weapons to the battlefield will also pose serious challenges "
        "to post-war reconstruction,” Geng Shuang said.\n\n"
        "Western diplomats rejected the criticism.\n"),
    "guardian-geng.md": (
        "---\ntitle: Beijing says arms to Kyiv risk new turmoil\noutlet: The Guardian\n"
        "date: 2023-05-22\n---\n"
        "Beijing has again criticised Western weapons deliveries to Kyiv.\n\n"
        "“The constant feeding of weapons to the battlefield will ... also pose serious "
        "challenges to post-war reconstruction and, if such weapons are diverted to terrorists "
        "or armed groups, likely cause new turmoil in a wider geographic area,” Geng Shuang "
        "said at the UN.\n\n"
        "“All parties should promote a political settlement with sincerity and urgency,” he "
        "added.\n"),
    "scmp-geng.md": (
        "---\ntitle: China's UN envoy repeats call for ceasefire talks\noutlet: SCMP\n"
        "date: 2023-06-02\n---\n"
        "China's deputy permanent representative to the UN, Geng Shuang, repeated Beijing's "
        "call for talks.\n\n"
        "“All parties should promote a political settlement with sincerity and urgency and "
        "create conditions conducive to a ceasefire,” Geng Shuang told reporters.\n\n"
        "He said the constant feeding of weapons to the battlefield would also pose serious "
        "challenges to post-war reconstruction.\n"),
}
QUOTE = "The constant feeding of weapons to the battlefield"

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
    claimbot.ingest([root / SEED.name, root / "evil.txt",
                     write_articles(root / "reports", REPORTS)])
    yield from serve(claimbot)


def serve(claimbot: ClaimBot) -> Iterator[str]:
    """The app over `claimbot` on a free local port, until the generator is closed."""
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
    yield from open_page(url)


def open_page(url: str) -> Iterator[Any]:
    """A browser page of 1,400 × 900 on `url`, once the app is ready."""
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        tab = browser.new_page(viewport={"width": 1400, "height": 900})
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


def cells(page: Any, table: str, text: str) -> Any:
    """The body cells of the dataframe `table` (a CSS selector) that hold `text`."""
    found = page.locator(f"{table} .body-cell").filter(has_text=text)
    found.first.wait_for(timeout=30_000)
    return found


def viewer_title(page: Any) -> str:
    page.locator("#ct-viewer mark.ct-cited").wait_for(timeout=30_000)
    return str(page.locator("#ct-viewer .ct-head").inner_text())


def test_a_card_opens_its_cluster_and_each_appearance_opens_its_source(page: Any) -> None:
    assert not page.locator("#ct-side").is_visible()  # nothing opened: no empty viewer
    ask(page, QUESTION)
    card(page, "also in 3 articles").click()
    cluster = page.locator("#ct-cluster-summary")
    cluster.wait_for(timeout=30_000)
    assert "4 appearances" in cluster.inner_text()
    outlets = {"Reuters", "The Guardian", "SCMP"}
    for outlet in outlets:  # every appearance is listed, each with its outlet
        cells(page, "#ct-cluster-table", outlet)
    assert page.locator("#ct-side").is_visible()
    cells(page, "#ct-cluster-table", "SCMP").first.click()
    page.wait_for_function("document.querySelector('#ct-viewer .ct-head')"
                           "?.innerText.includes('SCMP')", timeout=30_000)
    assert "call for ceasefire talks" in viewer_title(page)
    mark = page.locator("#ct-viewer mark.ct-cited")
    assert mark.inner_text().startswith("He said the constant feeding of weapons")
    page.locator("#ct-cluster-close").click()
    cluster.wait_for(state="hidden", timeout=30_000)
    page.locator("#ct-side-close").click()
    page.locator("#ct-side").wait_for(state="hidden", timeout=30_000)


def test_track_lists_every_appearance_on_a_timeline_by_outlet(page: Any) -> None:
    page.get_by_role("tab", name="Track").click()
    page.fill("#ct-track-text textarea", QUOTE)
    page.click("#ct-track")
    summary = page.locator("#ct-track-summary")
    summary.filter(has_text="appearances").wait_for(timeout=60_000)
    assert "4 appearances" in summary.inner_text()
    legend = page.locator("#ct-track-plot .role-legend")
    legend.wait_for(timeout=30_000)
    assert {"Reuters", "The Guardian", "SCMP"} <= set(legend.locator("text").all_text_contents())
    cells(page, "#ct-track-table", "Reuters").first.click()
    page.wait_for_function("document.querySelector('#ct-viewer .ct-head')"
                           "?.innerText.includes('Reuters')", timeout=30_000)
    assert "China warns West over arms for Ukraine" in viewer_title(page)


def test_the_claims_tab_is_readable_at_1400_pixels(page: Any) -> None:
    check_claims_layout(page)


def check_claims_layout(page: Any, rows: int = 5, shot: Path | None = None) -> None:
    """The Claims table spans the page with at least `rows` rows in view, no header broken
    inside a word, and a timeline with a legend; the viewer opens only on a click. `shot`:
    where to save a screenshot of the page before that click."""
    page.get_by_role("tab", name="Claims").click()
    table = page.locator("#ct-claims")
    page.locator("#ct-claims .body-cell").first.wait_for(timeout=60_000)
    page.wait_for_timeout(500)
    box = table.bounding_box()
    assert box and box["width"] > 0.85 * 1400  # full width: no empty viewer beside it
    assert not page.locator("#ct-side").is_visible()
    seen = page.evaluate("""() => {
        const rows = [...document.querySelectorAll('#ct-claims .virtual-row')];
        return rows.filter(r => { const b = r.getBoundingClientRect();
            return b.height > 0 && b.top >= 0 && b.bottom <= window.innerHeight; }).length; }""")
    assert seen >= rows
    headers = page.evaluate("""() => [...document.querySelectorAll('#ct-claims th .header')]
        .map(h => ({text: h.innerText, lines: h.getClientRects().length,
                    height: h.getBoundingClientRect().height,
                    line: parseFloat(getComputedStyle(h).lineHeight) || 20,
                    fits: h.scrollWidth <= h.parentElement.clientWidth + 1}))""")
    assert [h["text"] for h in headers] == ["date", "outlet", "speaker", "cue", "text",
                                            "title", "line", "confidence"]
    for header in headers:  # one line each, whole: "score", never "scor e"
        assert header["fits"] and header["height"] < 1.5 * header["line"], header
    legend = page.locator("#ct-claims-plot .role-legend")
    legend.wait_for(timeout=30_000)
    assert legend.is_visible()
    lanes = page.locator('#ct-claims-plot .role-axis[aria-label^="Y-axis"] .role-axis-label text')
    assert 1 <= lanes.count() <= 8  # the top speakers only
    if shot:
        page.screenshot(path=str(shot), full_page=True)
    page.locator("#ct-claims .body-cell").first.click()
    page.locator("#ct-side").wait_for(timeout=30_000)
    page.locator("#ct-viewer mark.ct-cited").wait_for(timeout=30_000)


# Screenshots for docs/, over a store of realistic size ---------------------------------------

DOCS = README_SCREENSHOT.parent
# Scrolls the chat to the card opened, its head clear of the chat's label.
SHOW_CARD = """card => { card.scrollIntoView({block: 'start'});
    let box = card.parentElement;
    while (box && box.scrollHeight <= box.clientHeight) { box = box.parentElement; }
    if (box) { box.scrollTop -= 48; } }"""
POLNEAR = SHARED / "corpus" / "polnear" / "data"
BBC_POLITICS = SHARED / "corpus" / "bbc" / "bbc" / "politics"


@pytest.fixture(scope="module")
def big_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over the seed, the reports, 40 BBC politics articles and the first 40 PolNeAR
    train/dev articles by date (outlet, date and title from its metadata; never test)."""
    if not os.environ.get("CLAIMTRACK_SCREENSHOT"):
        pytest.skip("the docs/ screenshots are taken with CLAIMTRACK_SCREENSHOT=1")
    if not (POLNEAR / "metadata.tsv").is_file() or not BBC_POLITICS.is_dir():
        pytest.skip(f"{SHARED} is absent")
    root = tmp_path_factory.mktemp("browser-big")
    shutil.copy(SEED, root / SEED.name)
    claimbot = ClaimBot(settings=Settings(home=root / "home"))
    claimbot.ingest([root / SEED.name, write_articles(root / "reports", REPORTS)])
    claimbot.ingest(sorted(BBC_POLITICS.glob("*.txt"))[:40], outlet="BBC")
    claimbot.ingest([polnear_records(root / "polnear.jsonl", 40)])
    yield from serve(claimbot)


def polnear_records(path: Path, limit: int) -> Path:
    """The first `limit` PolNeAR train/dev articles by date, as JSONL records at `path`."""
    with open(POLNEAR / "metadata.tsv", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t")
                if r["compartment"] in ("train", "dev")]
    rows.sort(key=lambda r: (r["publication_date"], r["filename"]))
    with path.open("w", encoding="utf-8") as out:
        for r in rows[:limit]:
            text = (POLNEAR / r["compartment"] / "text" / f"{r['filename']}.txt").read_text(
                encoding="utf-8")
            out.write(json.dumps({"text": text, "title": r["title"], "outlet": r["publisher"],
                                  "date": r["publication_date"]}) + "\n")
    return path


def test_screenshots_of_each_view(big_url: str) -> None:
    """docs/chat-cluster.png (a card's cluster opened), docs/track.png, docs/claims.png."""
    for page in open_page(big_url):
        ask(page, QUESTION)
        opened = card(page, "also in 3 articles")
        opened.click()
        page.locator("#ct-cluster-table .body-cell").first.wait_for(timeout=30_000)
        page.locator("#ct-viewer mark.ct-cited").wait_for(timeout=30_000)
        opened.evaluate(SHOW_CARD)
        page.wait_for_timeout(800)
        page.screenshot(path=str(DOCS / "chat-cluster.png"), full_page=True)
    for page in open_page(big_url):
        test_track_lists_every_appearance_on_a_timeline_by_outlet(page)
        page.locator("#ct-side-close").click()
        page.locator("#ct-side").wait_for(state="hidden", timeout=30_000)
        page.wait_for_timeout(800)
        page.screenshot(path=str(DOCS / "track.png"), full_page=True)
    for page in open_page(big_url):
        check_claims_layout(page, rows=6, shot=DOCS / "claims.png")
    for name in ("chat-cluster.png", "track.png", "claims.png"):
        assert 20_000 < (DOCS / name).stat().st_size < 1_500_000
