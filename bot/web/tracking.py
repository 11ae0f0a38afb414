"""The web app's view of claim clusters: the echo line of citation cards, the cluster a card
opens, and the Track tab (every appearance of a pasted quotation, with its timeline)."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

from bot.claimbot import ClaimBot
from bot.tracking.tracks import Track, echoes
from bot.web.plots import track_plot
from bot.web.updates import Plot
from bot.web.viewer import escape_markdown

TRACK_HEADERS = ["date", "outlet", "speaker", "title", "line", "sentence", "how"]
TRACK_WIDTHS: list[str | int] = ["9%", "9%", "13%", "16%", "5%", "40%", "8%"]
# A card's cluster shows under the chat, narrower than the Track tab: no "how" column.
CLUSTER_HEADERS = TRACK_HEADERS[:-1]
CLUSTER_WIDTHS: list[str | int] = ["14%", "11%", "14%", "15%", "6%", "40%"]
View = tuple[str, list[list[Any]], list[dict[str, Any]]]


def also_in(bot: ClaimBot, sentence_ids: list[str]) -> dict[str, str]:
    """``also in N articles (first: outlet, date)`` for each cited claim found elsewhere."""
    lines = {}
    for sid, (count, first) in echoes(bot.corpus.ledger.clusters, sentence_ids).items():
        where = ", ".join(x for x in (first.outlet, first.date) if x) or Path(first.path).name
        lines[sid] = f"also in {count} article{'s' if count > 1 else ''} (first: {where})"
    return lines


def track_view(bot: ClaimBot, text: str) -> tuple[str, list[list[Any]], list[dict[str, Any]],
                                                  Plot]:
    """The Track tab for a pasted quotation or claim: ``(summary, rows, records, timeline)``."""
    view: View = ("Paste a quotation or a claim to see where it appeared.", [], [])
    if (text or "").strip():
        track = bot.track(text)
        view = (_appearances(track, "Click a row to open it.") if track.clusters else
                (f"No stored claim matches *{escape_markdown(text.strip())}*.", [], []))
    return (*view, track_plot(view[2]))


def cluster_view(bot: ClaimBot, citation: dict[str, Any]) -> View:
    """The cluster of a citation card's claim: ``(summary, rows, records)``."""
    track = bot.track(citation["sentence_id"])
    if not track.clusters:  # a sentence that is no claim (no speaker) founds no cluster
        return "This sentence is in no claim cluster: it is cited from its article only.", [], []
    quote = " ".join(track.clusters[0].text.split()).strip("“”\"‘’' ")
    head = f"**Where [{int(citation['n'])}] appeared** — “{escape_markdown(_cut(quote))}”: "
    summary, rows, records = _appearances(track, "Click a row to open it in the viewer.")
    return head + summary, [row[:len(CLUSTER_HEADERS)] for row in rows], records


def _appearances(track: Track, hint: str) -> View:
    """Summary, table rows and records of every appearance of a track, first first."""
    records = [asdict(a) for a in track.appearances]
    first = track.appearances[0]
    outlets = ", ".join(f"{escape_markdown(o or 'no outlet')} {n}"
                        for o, n in track.by_outlet.items())
    articles = len({r["article"] for r in records})
    summary = (f"**{len(records)} appearance{_s(len(records))}** in {articles} "
               f"article{_s(articles)} and {len(track.clusters)} cluster(s); first: "
               f"{escape_markdown(first.outlet or '-')}, {first.date or 'undated'}. "
               f"By outlet: {outlets}. {hint}")
    rows = [[r["date"] or "", r["outlet"] or "", r["speaker"] or "?",
             r["title"] or Path(r["path"]).name, r["line"], r["text"], r["how"]]
            for r in records]
    return summary, rows, records


def _s(n: int) -> str:
    return "" if n == 1 else "s"


def _cut(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"
