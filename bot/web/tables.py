"""Tables, exports and example questions for the web app (no gradio here).

Rows are plain lists and dicts so the gradio layer only has to display them.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pandas as pd

from bot.web.viewer import speaker_label
from index import Article, IngestReport

RESULT_HEADERS = ["file", "result", "detail"]
ARTICLE_HEADERS = ["id", "title", "outlet", "date", "sentences"]
CLAIM_HEADERS = ["date", "outlet", "speaker", "cue", "text", "title", "line"]
CLAIM_WIDTHS: list[str | int] = ["10%", "9%", "20%", "8%", "35%", "12%", "6%"]
HIT_HEADERS = ["score", "speaker", "outlet", "date", "title", "line", "text"]
HIT_WIDTHS: list[str | int] = ["7%", "20%", "9%", "10%", "12%", "6%", "36%"]
TIMELINE_COLUMNS = ["date", "speaker", "outlet", "claims"]
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_STOP_WORDS = """a about above after again against all also among an and any are as at be because
been before being between both but by can could did do does doing down during each either few
for from further had has have having he her here hers him his how i if in into is it its itself
just more most much must my neither no nor not now of off on once only or other our out over own
same say said says saying she should so some such than that the their them then there these they
this those through to too under until up very was we were what when where which while who whom
why will with would yet you your added cited told according week weeks month months year years
day days time times first last next new one two three many several made make makes"""
_STOP = frozenset(_STOP_WORDS.split())


def report_rows(report: IngestReport) -> list[list[str]]:
    """One ``[file, result, detail]`` row per article or file of an ingest report."""
    rows = []
    for result, keys in (("added", report.added), ("replaced", report.replaced),
                         ("unchanged", report.unchanged)):
        rows += [[_display_name(key), result, ""] for key in keys]
    rows += [[_display_name(key), "rejected", reason] for key, reason in report.skipped]
    return rows


def _display_name(key: str) -> str:
    path, _, record = key.partition("#")
    return Path(path).name + (f"#{record}" if record else "")


def article_headers(with_claims: bool) -> list[str]:
    """Columns of the articles table; `article_rows` fills the claims column if claims are known."""
    return ARTICLE_HEADERS + (["claims"] if with_claims else [])


def article_rows(articles: Iterable[Article], claims: Counter[str] | None) -> list[list[Any]]:
    """Rows of the articles table (with a claims column when claims are known)."""
    rows = []
    for a in articles:
        row: list[Any] = [a.id, a.title or Path(a.path).name, a.outlet or "", a.date or "",
                          a.sentence_count]
        if claims is not None:
            row.append(claims.get(a.id, 0))
        rows.append(row)
    return rows


def hit_rows(hits: Sequence[dict[str, Any]]) -> list[list[Any]]:
    """The search table: the `HIT_HEADERS` columns of each hit (an `index.Hit` as a dict)."""
    return [[round(h["score"], 3), speaker_label(SimpleNamespace(**h)) or "", h["outlet"] or "",
             h["date"] or "", h["title"] or Path(h["path"]).name, h["line"], h["text"]]
            for h in hits]


def claim_records(claims: Iterable[Any], titles: dict[str, str], outlet: str | None = None,
                  text: str | None = None) -> list[dict[str, Any]]:
    """Claims as flat dicts for the claims table and exports, filtered by outlet and text.

    Args:
        claims: `index.Claim` records (attributes read defensively).
        titles: Article id → title, for display.
        outlet: Keep only claims from this outlet (case-insensitive).
        text: Keep only claims whose text or speaker contains this (case-insensitive).
    """
    wanted_outlet = (outlet or "").strip().lower()
    needle = (text or "").strip().lower()
    records = []
    for claim in claims:
        data = asdict(claim) if hasattr(claim, "__dataclass_fields__") else dict(vars(claim))
        if wanted_outlet and (data.get("outlet") or "").lower() != wanted_outlet:
            continue
        haystack = " ".join(str(data.get(k) or "") for k in ("text", "speaker")).lower()
        if needle and needle not in haystack:
            continue
        data["title"] = titles.get(data.get("article", ""), "")
        records.append(data)
    return records


def claim_rows(records: Sequence[dict[str, Any]]) -> list[list[Any]]:
    """The claims table: the `CLAIM_HEADERS` columns of each record (speaker with details)."""
    rows = []
    for r in records:
        details = [r.get(k) for k in ("speaker_role", "speaker_org", "speaker_country")]
        unique = [d for d in dict.fromkeys(details) if d and d != r.get("speaker")]
        speaker = (r.get("speaker") or "?") + (f" ({', '.join(unique)})" if unique else "")
        rows.append([speaker if h == "speaker" else r.get(h) or "" for h in CLAIM_HEADERS])
    return rows


def timeline_frame(records: Sequence[dict[str, Any]]) -> pd.DataFrame:
    """Claims per day, speaker and outlet (undated claims left out), for the timeline plot."""
    counts = Counter(
        (r["date"], r.get("speaker") or "(unnamed)", r.get("outlet") or "(no outlet)")
        for r in records if r.get("date")
    )
    frame = pd.DataFrame(
        [[d, s, o, n] for (d, s, o), n in sorted(counts.items())], columns=TIMELINE_COLUMNS
    )
    frame["date"] = pd.to_datetime(frame["date"], errors="coerce")
    return frame.dropna(subset=["date"])


def export_claims(records: Sequence[dict[str, Any]], folder: Path) -> list[str]:
    """Write `records` to a CSV and a JSON file in `folder`; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    columns = sorted({k for r in records for k in r}) or CLAIM_HEADERS
    csv_path = folder / f"claims-{stamp}.csv"
    with csv_path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=columns)
        writer.writeheader()
        writer.writerows(records)
    json_path = folder / f"claims-{stamp}.json"
    json_path.write_text(json.dumps(list(records), ensure_ascii=False, indent=2), "utf-8")
    return [str(csv_path), str(json_path)]


def topic_of(docs: Sequence[Sequence[tuple[str, str]]]) -> str | None:
    """A short topic that tagged texts share, e.g. "arms sales" or "the peace plan".

    Args:
        docs: Each text as ``(word, Penn tag)`` pairs; untagged text may use "NN" for every
            word (see `tag_words`).

    Returns:
        The best noun phrase of two common words (adjective or noun, then noun), by how often
        it and its words occur, with "the" before two singular nouns; None when there is none.
    """
    doc_freq = Counter(w for doc in docs for w in {w for w, _ in doc})
    pairs: Counter[tuple[str, str, str]] = Counter()
    first_seen: dict[tuple[str, str, str], int] = {}
    for doc in docs:
        for before, (a, tag_a), (b, tag_b) in zip([("", ""), *doc], doc, doc[1:],
                                                  strict=False):
            if before[0] == "-" or not _common(a, tag_a, ("JJ", "NN", "NNS")):
                continue
            if _common(b, tag_b, ("NN", "NNS")):
                pair = (a, b, tag_a + "+" + tag_b)
                pairs[pair] += 1
                first_seen.setdefault(pair, len(first_seen))
    if not pairs:
        return None

    def score(pair: tuple[str, str, str]) -> tuple[int, int]:
        return (10 * pairs[pair] + doc_freq[pair[0]] + doc_freq[pair[1]], -first_seen[pair])

    a, b, tag = max(pairs, key=score)
    return f"{'the ' if tag == 'NN+NN' else ''}{a} {b}"


def _common(word: str, tag: str, tags: tuple[str, ...]) -> bool:
    return tag in tags and word.islower() and word not in _STOP and bool(_WORD.fullmatch(word))


def tag_words(text: str) -> list[tuple[str, str]]:
    """Words of `text` with a rough tag ("NN"), for when no part-of-speech tagger is loaded."""
    return [(w, "NNS" if w.endswith("s") else "NN") for w in _WORD.findall(text)]


def choices(names: Iterable[str | None]) -> list[str]:
    """Distinct non-empty names, in first-seen order."""
    return list(dict.fromkeys(n for n in names if n))
