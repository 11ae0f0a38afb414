"""The web app's view of claim clusters: the Track tab and the echo line of citation cards."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

from bot.claimbot import ClaimBot
from bot.tracking.tracks import echoes
from bot.web.viewer import escape_markdown

TRACK_HEADERS = ["date", "outlet", "speaker", "title", "line", "text", "how"]
TRACK_WIDTHS: list[str | int] = ["10%", "9%", "15%", "14%", "6%", "38%", "8%"]


def also_in(bot: ClaimBot, sentence_ids: list[str]) -> dict[str, str]:
    """``also in N articles (first: outlet, date)`` for each cited claim found elsewhere."""
    lines = {}
    for sid, (count, first) in echoes(bot.corpus.ledger.clusters, sentence_ids).items():
        where = ", ".join(x for x in (first.outlet, first.date) if x) or Path(first.path).name
        lines[sid] = f"also in {count} article{'s' if count > 1 else ''} (first: {where})"
    return lines


def track_view(bot: ClaimBot, text: str) -> tuple[str, list[list[Any]], list[dict[str, Any]]]:
    """The Track tab for a pasted quotation or claim: ``(summary, table rows, records)``."""
    if not (text or "").strip():
        return "Paste a quotation or a claim to see where it appeared.", [], []
    track = bot.track(text)
    if not track.clusters:
        return f"No stored claim matches *{escape_markdown(text.strip())}*.", [], []
    records = [asdict(a) for a in track.appearances]
    first = track.appearances[0]
    outlets = ", ".join(f"{escape_markdown(o or 'no outlet')} {n}"
                        for o, n in track.by_outlet.items())
    summary = (f"**{len(records)} appearances** in {len({r['article'] for r in records})} "
               f"articles and {len(track.clusters)} cluster(s); first: "
               f"{escape_markdown(first.outlet or '-')}, {first.date or 'undated'}. "
               f"By outlet: {outlets}. Click a row to open it.")
    rows = [[r["date"] or "", r["outlet"] or "", r["speaker"] or "?",
             r["title"] or Path(r["path"]).name, r["line"], r["text"], r["how"]]
            for r in records]
    return summary, rows, records
