"""The web app: launched for real on 127.0.0.1 and driven with `gradio_client`, plus its pieces.

One app (and one `ClaimBot`) serves the whole module over a store holding the seed article;
tests that write to it (upload, delete) add their own articles and leave the seed alone.
"""

from __future__ import annotations

import csv
import json
import shutil
import socket
import threading
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import SEED
from gradio_client import Client, handle_file

from bot import ClaimBot
from bot.web.app import create_app, launch
from bot.web.handlers import Handlers
from bot.web.options import parse_auth, parse_size
from bot.web.session import Session, Turn, WebBot, resolve
from bot.web.updates import KEEP
from bot.web.uploads import stage_uploads
from bot.web.viewer import answer_markdown, article_html, card_markdown, escape_markdown
from index import Settings

QUESTION = "What did China say about arms sales?"
EVIL = (
    "Evil article\n\n"
    "The minister said the plan was <script>alert(1)</script> final.\n"
    'A picture <img src=x onerror=alert(1)> and a <a href="javascript:alert(1)">link</a>.\n'
)
TOPICS = [
    "arms sales", "peace negotiations", "the ceasefire", "civilian casualties",
    "post-war reconstruction", "the visit", "cooperation", "the world economy", "Ukraine",
    "weapons", "terrorists", "a political settlement", "Moscow", "the invasion", "normal trade",
    "Russian oil", "Central Asia", "the peace plan", "war crimes", "the Security Council",
]


def free_port() -> int:
    """A TCP port that was free on 127.0.0.1 a moment ago."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def web_bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ClaimBot]:
    """A writable store holding the seed article (a copy of tests/fixtures/seed.txt)."""
    root = tmp_path_factory.mktemp("web")
    shutil.copy(SEED, root / SEED.name)
    claimbot = ClaimBot(settings=Settings(home=root / "home", lock_timeout=5.0))
    claimbot.ingest([root / SEED.name])
    yield claimbot
    claimbot.close()


@pytest.fixture(scope="module")
def url(web_bot: ClaimBot) -> Iterator[str]:
    """The app, served on a free 127.0.0.1 port."""
    demo = create_app(web_bot, queue_size=64)
    _, local_url, _ = launch(demo, port=free_port(), prevent_thread_lock=True, quiet=True)
    yield local_url
    demo.close()


@pytest.fixture
def client(url: str) -> Client:
    """A new session; JSON stays JSON (gradio_client takes any dict with "path" for a file)."""
    return Client(url, verbose=False, download_files=False)


def chat(client: Client, question: str, **filters: str) -> dict[str, Any]:
    names = ("speaker", "country", "outlet", "since", "until")
    return client.predict(question, *(filters.get(n, "") for n in names), api_name="/chat")


# Chat and search through the API ---------------------------------------------------------------


def test_chat_returns_the_citations_of_the_python_api(client: Client, web_bot: ClaimBot) -> None:
    result = chat(client, QUESTION)
    expected = [asdict(c) for c in web_bot.ask(QUESTION).citations]
    assert result["citations"] == expected
    assert {6, 7, 8} <= {c["line"] for c in result["citations"]}
    assert result["covered"] and result["text"] == web_bot.ask(QUESTION).text


def test_follow_ups_reuse_the_last_subject_and_topic(client: Client) -> None:
    first = chat(client, QUESTION)
    more = chat(client, "what else did he say?")
    assert more["resolved"] == "What did China say?"
    shown = {c["sentence_id"] for c in first["citations"]}
    assert more["citations"] and not shown & {c["sentence_id"] for c in more["citations"]}
    other = chat(client, "and what about Russia?")
    assert other["resolved"] == "What did Russia say about arms sales?"
    chat(client, "What is the best recipe for sourdough bread?")
    assert chat(client, "What did she say?")["resolved"] == "What did Russia say?"


def test_chat_filters_restrict_the_citations(client: Client) -> None:
    result = chat(client, "What was said about cooperation?", speaker="Wang Wenbin")
    assert result["citations"] and {c["speaker"] for c in result["citations"]} == {"Wang Wenbin"}
    assert not chat(client, QUESTION, outlet="No Such Outlet")["covered"]
    with pytest.raises(Exception, match="since"):
        chat(client, QUESTION, since="yesterday")


def test_uncovered_question_says_so_and_cites_nothing(client: Client) -> None:
    result = chat(client, "What is the best recipe for sourdough bread?")
    assert not result["covered"] and result["citations"] == []


def test_search_endpoint_matches_python_search(client: Client, web_bot: ClaimBot) -> None:
    result = client.predict("arms sales", 3, "", "", "", "", "", api_name="/search")
    assert result["hits"] == [asdict(h) for h in web_bot.search("arms sales", 3)]
    assert len(result["hits"]) == 3


def test_search_endpoint_caps_k_and_refuses_empty_queries(client: Client) -> None:
    from bot.claimbot import MAX_K

    with pytest.raises(Exception, match=f"at most {MAX_K}"):
        client.predict("arms sales", 100_000, "", "", "", "", "", api_name="/search")
    with pytest.raises(Exception, match="empty"):
        client.predict("   ", 3, "", "", "", "", "", api_name="/search")
    most = client.predict("arms sales", MAX_K, "", "", "", "", "", api_name="/search")
    assert 0 < len(most["hits"]) <= MAX_K


def test_chat_and_search_need_only_their_first_argument(client: Client,
                                                        web_bot: ClaimBot) -> None:
    chatted = client.predict(QUESTION, api_name="/chat")
    assert chatted["citations"] == [asdict(c) for c in web_bot.ask(QUESTION).citations]
    assert chatted["covered"] and chatted["did_you_mean"] == []
    found = client.predict("arms sales", api_name="/search")
    assert found["hits"] == [asdict(h) for h in web_bot.search("arms sales", 10)]


def test_twenty_concurrent_sessions_do_not_mix(url: str, web_bot: ClaimBot) -> None:
    questions = [f"What did {('China', 'Geng Shuang')[i % 2]} say about {t}?"
                 for i, t in enumerate(TOPICS)]
    expected = {q: [asdict(c) for c in web_bot.ask(q).citations] for q in questions}
    results: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
    errors: list[BaseException] = []

    def run(question: str) -> None:
        try:
            session = Client(url, verbose=False, download_files=False)
            results[question] = (chat(session, question), chat(session, "and what about Russia?"))
        except BaseException as exc:  # collected and reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(q,)) for q in questions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors and len(results) == len(questions)
    for question, topic in zip(questions, TOPICS, strict=True):
        answer, follow_up = results[question]
        assert answer["question"] == question
        assert answer["citations"] == expected[question]
        assert follow_up["resolved"] == f"What did Russia say about {topic}?"


# Articles: upload, list, delete, source viewer ----------------------------------------------------


def test_upload_reports_each_file(client: Client, tmp_path: Path) -> None:
    good = tmp_path / "2023-06-01-trade.txt"
    good.write_text("Trade talks resume\n\nThe minister said trade talks would resume soon.\n")
    bad = tmp_path / "notes.exe"
    bad.write_bytes(b"MZ\x90\x00")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    rows = client.predict([handle_file(p) for p in (good, bad, empty)], api_name="/ingest")
    by_file = {r["file"]: r for r in rows["files"]}
    assert by_file["2023-06-01-trade.txt"]["result"] == "added"
    assert by_file["notes.exe"]["result"] == "rejected"
    assert "notes.exe" in by_file["notes.exe"]["detail"]
    assert "not supported" in by_file["notes.exe"]["detail"]
    assert by_file["empty.txt"] == {"file": "empty.txt", "result": "rejected",
                                    "detail": "empty file"}
    again = client.predict([handle_file(good)], api_name="/ingest")
    assert again["files"] == [{"file": "2023-06-01-trade.txt", "result": "unchanged",
                               "detail": ""}]
    good.write_text("Trade talks resume\n\nThe minister said trade talks would resume today.\n")
    replaced = client.predict([handle_file(good)], api_name="/ingest")
    assert replaced["files"][0]["result"] == "replaced"


def test_upload_over_the_size_limit_is_refused(client: Client, tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"x" * 6_000_000)
    with pytest.raises(Exception, match=r"huge\.txt exceeds the maximum file size of 2000000 b"):
        client.predict([handle_file(huge)], api_name="/ingest")


def test_delete_removes_an_article(client: Client, tmp_path: Path) -> None:
    doomed = tmp_path / "doomed.txt"
    doomed.write_text("Doomed article\n\nThe mayor said the bridge would reopen in May.\n")
    client.predict([handle_file(doomed)], api_name="/ingest")
    listed = client.predict(api_name="/articles")
    article = next(a for a in listed if a["path"].endswith("/doomed.txt"))
    assert client.predict(article["id"], api_name="/delete") == {"deleted": [article["id"]]}
    assert all(a["id"] != article["id"] for a in client.predict(api_name="/articles"))
    assert "no longer stored" in client.predict(article["id"], 3, -1, -1, api_name="/source")


def test_viewer_escapes_article_html(client: Client, tmp_path: Path) -> None:
    evil = tmp_path / "evil.txt"
    evil.write_text(EVIL)
    client.predict([handle_file(evil)], api_name="/ingest")
    article = next(a for a in client.predict(api_name="/articles")
                   if a["path"].endswith("/evil.txt"))
    html = client.predict(article["id"], 3, -1, -1, api_name="/source")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert 'id="ct-cite"' in html and 'data-line="3"' in html


def test_source_highlights_the_cited_sentence(client: Client) -> None:
    citation = next(c for c in chat(client, QUESTION)["citations"] if c["line"] == 8)
    html = client.predict(citation["article"], citation["line"], citation["start"],
                          citation["end"], api_name="/source")
    assert '<mark class="ct-cited" id="ct-cite">“The constant feeding' in html
    assert html.count("ct-cited") == 1


# Claims and export --------------------------------------------------------------------------------


def test_claims_export_matches_the_table(url: str, web_bot: ClaimBot, tmp_path: Path) -> None:
    if not callable(getattr(web_bot, "claims", None)):
        pytest.skip("ClaimBot.claims is not available yet")
    downloader = Client(url, verbose=False, download_files=str(tmp_path))
    filters = ("Geng Shuang", "", "", "", "", "")
    records = Client(url, verbose=False, download_files=False).predict(*filters,
                                                                       api_name="/claims")
    assert records and all(r["speaker"] == "Geng Shuang" for r in records)
    files = [Path(f) for f in downloader.predict(*filters, api_name="/export")]
    exported_csv = next(f for f in files if f.suffix == ".csv")
    exported_json = next(f for f in files if f.suffix == ".json")
    assert json.loads(exported_json.read_text("utf-8")) == records
    with exported_csv.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["text"] for r in rows] == [r["text"] for r in records]


# Safety: login, file access -----------------------------------------------------------------------


def test_login_is_required_when_auth_is_set(web_bot: ClaimBot) -> None:
    demo = create_app(web_bot)
    _, url, _ = launch(demo, port=free_port(), auth=("ada", "s3cret"),
                       prevent_thread_lock=True, quiet=True)
    try:
        page = httpx.get(url)
        assert '"auth_required":true' in page.text.replace(" ", "")
        assert "ct-question" not in page.text
        for path in ("config", "gradio_api/info", f"gradio_api/file={SEED}"):
            assert httpx.get(url + path).status_code == 401, path
        joined = httpx.post(url + "gradio_api/queue/join", json={"data": [], "fn_index": 0})
        assert joined.status_code == 401
        with pytest.raises(Exception):  # noqa: B017 - the client fails in several ways
            Client(url, verbose=False)
        logged_in = Client(url, auth=("ada", "s3cret"), verbose=False, download_files=False)
        assert chat(logged_in, QUESTION)["covered"]
    finally:
        demo.close()


@pytest.mark.parametrize("target", [
    "/etc/passwd", "../../../../../../etc/passwd", "..%2f..%2f..%2f..%2fetc%2fpasswd",
    "%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/tmp/gradio/../../etc/passwd",
    "{home}/ledger.sqlite3", "{home}/../" + SEED.name, "{home}/uploads/evil.txt",
])
def test_files_outside_the_app_are_refused(url: str, web_bot: ClaimBot, target: str) -> None:
    home = str(Path(web_bot.settings.home).resolve())
    raw = url + "gradio_api/file=" + target.format(home=home)
    with httpx.Client() as http:
        request = http.build_request("GET", raw)
        request.url = httpx.URL(raw)  # keep the dots and escapes as written
        response = http.send(request)
    assert response.status_code in (403, 404), (target, response.status_code)


# Pieces, without a server -------------------------------------------------------------------------


def test_escape_markdown_neutralises_markup() -> None:
    text = '<script>alert(1)</script> [x](javascript:alert(1)) *b* $x$'
    escaped = escape_markdown(text)
    assert "<" not in escaped and "](" not in escaped and "*b*" not in escaped
    assert "&lt;script&gt;" in escaped


def test_answer_markdown_keeps_bullets_and_markers() -> None:
    text = "China:\n- China says <b>no</b>. [1] (seed.txt, line 7)"
    rendered = answer_markdown(text)
    heading, bullet = rendered.splitlines()
    assert heading.startswith("**China") and heading.endswith("**") and bullet.startswith("- ")
    assert "**[1]**" in rendered and "&lt;b&gt;" in rendered


def test_card_names_speaker_outlet_date_title_and_line(web_bot: ClaimBot) -> None:
    citation = next(c for c in web_bot.ask(QUESTION).citations if c.line == 8)
    card = card_markdown(citation)
    assert card.startswith(f"**[{citation.n}]** Geng Shuang")
    assert "line 8" in card and "seed" in card and "constant feeding" in card


def test_article_html_highlights_a_line_without_offsets(web_bot: ClaimBot) -> None:
    article = web_bot.articles()[0]
    html = article_html(article, line=2)
    assert 'class="ct-line ct-hit" id="ct-line-2"' in html and html.count("ct-cited") == 1


def test_chat_streams_the_answer_then_one_card_per_citation(web_bot: ClaimBot) -> None:
    handlers = Handlers(WebBot(web_bot), stream_delay=0)
    steps = list(handlers.chat(QUESTION, Session(), "", "", "", "", ""))
    answers = [m[-1]["content"] for m, *_ in steps[:-1] if m is not KEEP]
    assert answers[0] == "…" and len(answers) > 2 and answers[-1].startswith(answers[1])
    messages, session, box, _ = steps[-1]
    citations = web_bot.ask(QUESTION).citations
    assert box == "" and len(messages) == 2 + len(citations)
    assert {i: c["line"] for i, c in session.cards.items()} == {
        2 + i: c.line for i, c in enumerate(citations)}
    assert messages[2 + 2]["content"].startswith("**[3]** ")
    *_, (messages, *_) = handlers.chat("What is a sourdough starter?", session, *[""] * 5)
    assert messages[-1]["content"].startswith("**Not covered by the articles.**")
    *_, (messages, *_) = handlers.chat(QUESTION, session, "", "", "", "yesterday", "")
    assert messages[-1]["content"].startswith("**Could not answer:** since")


def test_resolve_follow_ups() -> None:
    session = Session(question=QUESTION, subject="China", topic="arms sales", referent="China",
                      seen=["a", "b"])
    assert resolve("and what about Russia?", session).question == (
        "What did Russia say about arms sales?")
    assert resolve("What else did he say?", session) == Turn(
        "What else did he say?", "What did China say?", ("a", "b"))
    assert resolve("what did she say about Ukraine?", session).question == (
        "what did China say about Ukraine?")
    assert resolve("Who is Geng Shuang?", session).question == "Who is Geng Shuang?"
    assert resolve("and what about Russia?", Session()).question == "and what about Russia?"


def test_stage_uploads_names_refused_files(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    (tmp_path / "b.txt").write_text("x" * 50)
    with stage_uploads([str(tmp_path / "a.pdf"), str(tmp_path / "b.txt")], tmp_path / "up",
                       max_bytes=10) as staging:
        assert staging.files == []
        rejected = staging.rejected
    assert [r[0] for r in rejected] == ["a.pdf", "b.txt"]
    assert rejected[0][2].startswith("a.pdf: ")
    assert rejected[1][2] == "b.txt: file is 50 bytes, over the upload limit of 10 bytes"


def test_sizes_and_auth_parse() -> None:
    assert parse_size("5mb") == 5_000_000 and parse_size("10kb") == 10_000
    assert parse_auth("ada:s3:cret") == ("ada", "s3:cret") and parse_auth(None) is None
    with pytest.raises(Exception, match="user:password"):
        parse_auth("ada")
