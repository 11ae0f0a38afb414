"""Claim clusters in the web app, without a server: the cards' "also in N articles", the
cluster a card opens, the Track tab and its timeline, the Claims tab's timeline, and "who
else said that?" per session. Over tests/tracking_articles.py, with the real model and spaCy."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from tracking_articles import ARTICLES, PLEDGE, bot_over

from bot import ClaimBot
from bot.web.handlers import Handlers
from bot.web.plots import claims_plot
from bot.web.session import Session, WebBot
from bot.web.tracking import CLUSTER_HEADERS
from bot.web.updates import KEEP, Visible


@pytest.fixture(scope="module")
def tracked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ClaimBot]:
    """A bot over tests/tracking_articles.py (read-only for the tests that use it)."""
    root = tmp_path_factory.mktemp("web-tracking")
    yield from bot_over(root, ARTICLES)


def test_who_else_said_that_follows_each_web_sessions_own_answer(tracked: ClaimBot) -> None:
    handlers = Handlers(WebBot(tracked), stream_delay=0)
    filters = [""] * 5

    def chat(message: str, session: Session) -> tuple[str, Session]:
        *_, (messages, session, *_) = handlers.chat(message, session, *filters)
        return str(messages[messages.index(next(m for m in reversed(messages)
                                                if m["role"] == "user")) + 1]["content"]), \
            session

    _, homes = chat("What did Ann Lee say about new homes for families?", Session())
    _, railway = chat("What did Paul Grant say about the railway?", Session())
    # The bot's own last answer is now the railway one; each session keeps its own.
    assert "railway" in tracked.last_answer.citations[0].text
    said, _ = chat("Who else said that?", homes)
    assert "The Post" in said and "Herald" in said and "railway" not in said
    said, _ = chat("Who else said that?", railway)
    assert "railway" in said and "The Post" not in said
    said, _ = chat("Who else said that?", Session())
    assert "no earlier answer" in said
    reply, _ = handlers.chat_json("Who else said that?", *filters, homes)
    assert {c["outlet"] for c in reply["citations"]} >= {"The Times", "The Post", "Herald"}


def test_citation_cards_say_where_else_the_claim_appeared(tracked: ClaimBot) -> None:
    handlers = Handlers(WebBot(tracked), stream_delay=0)
    *_, (messages, *_) = handlers.chat("What did Ann Lee tell reporters about new homes?",
                                       Session(), *[""] * 5)
    cards = [m["content"] for m in messages if str(m["content"]).startswith("**[")]
    post = next(c for c in cards if "told reporters" in c)
    assert r"also in 3 articles \(first\: The Times, 2024\-01\-05\)" in post  # escaped
    assert not any("also in" in c for c in cards if "railway" in c)


@pytest.mark.parametrize(("text", "rows", "says"), [
    (PLEDGE, 4, "**4 appearances** in 4 articles"),
    ("Mars has two small moons", 0, "No stored claim matches"),
    ("  ", 0, "Paste a quotation"),
])
def test_the_track_tab_lists_every_appearance(tracked: ClaimBot, text: str, rows: int,
                                              says: str) -> None:
    handlers = Handlers(WebBot(tracked), stream_delay=0)
    summary, table, records, plot = handlers.track(text)
    assert len(plot.frame) == rows  # four dates, four outlets: one point each
    assert says in summary
    assert len(table) == len(records) == rows
    if rows:
        assert table[0][1] == "The Times"
        assert "town hall" in handlers.open_row([0, 0], records)


def test_a_card_opens_its_claims_cluster(tracked: ClaimBot) -> None:
    handlers = Handlers(WebBot(tracked), stream_delay=0)
    *_, (messages, session, *_) = handlers.chat(
        "What did Ann Lee tell reporters about new homes?", Session(), *[""] * 5)
    index = next(i for i, m in enumerate(messages) if "told reporters" in str(m["content"])
                 and str(m["content"]).startswith("**["))
    viewer, summary, rows, records, shown = handlers.open_card([index, 0], session)
    assert "told reporters" in viewer and 'class="ct-cited"' in viewer
    assert shown == Visible(True)
    assert "**4 appearances** in 4 articles" in summary
    assert [r[1] for r in rows] == ["The Times", "The Post", "Herald", "Gazette"]
    assert len(rows[0]) == len(CLUSTER_HEADERS)
    herald = handlers.open_row([2, 0], records)
    assert "Herald on the city" in herald and "ten thousand new homes …" in herald
    assert handlers.open_card([999, 0], session) == (KEEP,) * 5  # not a card


def test_the_track_timeline_spans_every_dated_appearance(tracked: ClaimBot) -> None:
    *_, plot = Handlers(WebBot(tracked)).track(PLEDGE)
    assert plot.y_title == "speaker" and set(plot.frame["lane"]) == {"Ann Lee"}
    assert set(plot.frame["outlet"]) == {"The Times", "The Post", "Herald", "Gazette"}
    assert plot.x_lim is not None
    lo, hi = plot.x_lim
    assert all(lo < d.timestamp() < hi for d in plot.frame["date"])  # no point on the edge


def test_the_claims_timeline_keeps_the_top_speakers_or_one_speakers_topics(
        tracked: ClaimBot) -> None:
    handlers = Handlers(WebBot(tracked))
    _, plot, records = handlers.claims(*[""] * 6)
    counts = Counter(r["speaker"] for r in records if r["date"])
    assert plot.y_title == "speaker" and set(plot.frame["lane"]) == set(counts)
    top = claims_plot(records, top=2)
    assert set(top.frame["lane"]) == {s for s, _ in counts.most_common(2)}
    assert f"the 2 speakers with most dated claims (of {len(counts)})" in top.label
    _, own, _ = handlers.claims("Ann Lee", *[""] * 5)
    assert own.y_title == "topic" and "Ann Lee's claims by topic" in own.label
    assert "homes" in set(own.frame["lane"])
    assert not {"ann", "lee"} & set(own.frame["lane"])  # no lane named after the speaker
