"""The data of the web app's timeline plots (the only pandas user of `bot.web`).

A timeline has one lane per speaker (the few with most dated claims under the current
filters), or, for one speaker, one lane per topic of theirs; points are coloured by outlet.
Undated claims have no place on it and are counted in its label instead.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd

from bot.web.tables import TOPIC_STOPWORDS
from bot.web.updates import Plot
from index.tracking.quotations import words

TIMELINE_COLUMNS = ["date", "lane", "outlet", "claims"]
TOP_SPEAKERS = 8  # lanes a timeline of many speakers keeps: more labels overlap at 320 px
TOPICS = 6  # lanes of one speaker's topics, "other topics" aside
UNNAMED, NO_OUTLET, OTHER = "(unnamed)", "(no outlet)", "(other topics)"
Nouns = Callable[[Sequence[str]], list[frozenset[str]]]  # texts → each one's nouns


def claims_plot(records: Sequence[dict[str, Any]], top: int = TOP_SPEAKERS,
                nouns: Nouns | None = None) -> Plot:
    """The Claims tab's timeline: the `top` speakers of `records` (claims as dicts with
    ``date``, ``speaker``, ``outlet`` and ``text``), or one speaker's topics: the nouns
    (`nouns`, by default every content word) they use most."""
    dated = [r for r in records if r.get("date")]
    undated = len(records) - len(dated)
    speakers = Counter(r.get("speaker") or UNNAMED for r in dated)
    if len(speakers) == 1:
        (speaker, _), = speakers.items()
        texts = [str(r.get("text") or "") for r in dated]
        lanes = _topics(nouns(texts) if nouns else [_content(t) for t in texts], speaker)
        label = f"Timeline of {speaker}'s claims by topic, coloured by outlet"
        return _plot(_frame(dated, lanes), "topic", label + _left_out(undated))
    kept = {s for s, _ in speakers.most_common(top)}
    shown = [r for r in dated if (r.get("speaker") or UNNAMED) in kept]
    label = (f"Timeline of the {len(kept)} speakers with most dated claims"
             + (f" (of {len(speakers)})" if len(speakers) > len(kept) else "")
             + ", coloured by outlet; choose a speaker to see their topics")
    lanes = [r.get("speaker") or UNNAMED for r in shown]
    return _plot(_frame(shown, lanes), "speaker", label + _left_out(undated))


def track_plot(records: Sequence[dict[str, Any]]) -> Plot:
    """The Track tab's timeline: each appearance (a dict of `index.Appearance`) by date and
    speaker, coloured by outlet."""
    dated = [r for r in records if r.get("date")]
    lanes = [r.get("speaker") or UNNAMED for r in dated]
    label = "Timeline of the appearances by speaker, coloured by outlet"
    undated = _left_out(len(records) - len(dated), "appearance")
    return _plot(_frame(dated, lanes), "speaker", label + undated)


def _plot(frame: pd.DataFrame, y_title: str, label: str) -> Plot:
    """The plot of `frame`, its x axis a little wider than its dates: no point on the edge."""
    if frame.empty:
        return Plot(frame, y_title, label)
    first, last = frame["date"].min(), frame["date"].max()
    pad = pd.Timedelta(days=max(1, round((last - first).days * 0.03)))  # ticks stay on days
    return Plot(frame, y_title, label, ((first - pad).timestamp(), (last + pad).timestamp()))


def _frame(records: Sequence[dict[str, Any]], lanes: Sequence[str]) -> pd.DataFrame:
    """Claims per date, lane and outlet."""
    counts = Counter((r["date"], lane, r.get("outlet") or NO_OUTLET)
                     for r, lane in zip(records, lanes, strict=True))
    frame = pd.DataFrame([[d, lane, o, n] for (d, lane, o), n in sorted(counts.items())],
                         columns=TIMELINE_COLUMNS)
    frame["date"] = pd.to_datetime(frame["date"], errors="coerce")
    return frame.dropna(subset=["date"])


def _content(text: str) -> frozenset[str]:
    return frozenset(w for w in words(text) if len(w) > 3 and w.isalpha())


def _topics(found: Sequence[frozenset[str]], speaker: str) -> list[str]:
    """Each text's topic: the first of the speaker's `TOPICS` most used words (of `found`,
    each text's candidate words; not words of their name) that it holds, else `OTHER`."""
    own = set(words(speaker))
    bags = [set(f) - own - TOPIC_STOPWORDS for f in found]
    counts = Counter(w for b in bags for w in b)
    common = sorted((w for w in counts if counts[w] > 1), key=lambda w: (-counts[w], w))[:TOPICS]
    return [next((w for w in common if w in bag), OTHER) for bag in bags]


def _left_out(undated: int, noun: str = "claim") -> str:
    if not undated:
        return ""
    return f" ({undated} undated {noun}{'' if undated == 1 else 's'} not shown)"
