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
from typing import Any

from bot.web.viewer import speaker_label
from index import Article, Claim, Hit, IngestReport
from index.ledger.fulltext import STOPWORDS

RESULT_HEADERS = ["file", "result", "detail"]
ARTICLE_HEADERS = ["id", "title", "outlet", "date", "sentences", "claims"]
CLAIM_HEADERS = ["date", "outlet", "speaker", "cue", "text", "title", "line", "confidence"]
CLAIM_WIDTHS: list[str | int] = ["8%", "8%", "15%", "7%", "38%", "10%", "5%", "9%"]
HIT_HEADERS = ["score", "speaker", "outlet", "date", "title", "line", "text"]
HIT_WIDTHS: list[str | int] = ["7%", "16%", "8%", "9%", "12%", "6%", "42%"]
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
# Words that make no topic of an example question or a timeline lane: the search's function
# words, and words of saying, counting and time that news repeats whatever it is about.
TOPIC_STOPWORDS = STOPWORDS | frozenset("""also among either neither yet much must saying added
cited according week weeks month months year years day days time times first last next new one
two three many several made make makes end way thing things lot part""".split())


def report_rows(report: IngestReport) -> list[list[str]]:
    """One ``[file, result, detail]`` row per article or file of an ingest report."""
    rows = []
    for result, keys in (("added", report.added), ("replaced", report.replaced),
                         ("unchanged", report.unchanged)):
        rows += [[_display_name(key), result, ""] for key in keys]
    rows += [[_display_name(key), "duplicate", f"same article as {_display_name(of)}"]
             for key, of in report.duplicates]
    rows += [[_display_name(key), "rejected", reason] for key, reason in report.skipped]
    return rows


def _display_name(key: str) -> str:
    path, _, record = key.partition("#")
    return Path(path).name + (f"#{record}" if record else "")


def article_rows(articles: Iterable[Article], claims: Counter[str]) -> list[list[Any]]:
    """Rows of the articles table (`ARTICLE_HEADERS`), with each article's claim count."""
    return [[a.id, a.title or Path(a.path).name, a.outlet or "", a.date or "", a.sentence_count,
             claims.get(a.id, 0)] for a in articles]


def hit_rows(hits: Sequence[dict[str, Any]]) -> list[list[Any]]:
    """The search table: the `HIT_HEADERS` columns of each hit (an `index.Hit` as a dict)."""
    return [[round(h["score"], 3), speaker_label(Hit(**h)) or "", h["outlet"] or "",
             h["date"] or "", h["title"] or Path(h["path"]).name, h["line"], h["text"]]
            for h in hits]


def claim_records(claims: Iterable[Claim], titles: dict[str, str], outlet: str | None = None,
                  text: str | None = None) -> list[dict[str, Any]]:
    """Claims as flat dicts for the claims table and exports, filtered by outlet and text.

    Args:
        claims: The claims.
        titles: Article id → title, for display.
        outlet: Keep only claims from this outlet (case-insensitive).
        text: Keep only claims whose text or speaker contains this (case-insensitive).
    """
    wanted_outlet = (outlet or "").strip().lower()
    needle = (text or "").strip().lower()
    records = []
    for claim in claims:
        data = asdict(claim)
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
        shown = {"speaker": speaker, "confidence": _confidence(r.get("confidence"))}
        rows.append([shown[h] if h in shown else r.get(h) or "" for h in CLAIM_HEADERS])
    return rows


def _confidence(value: Any) -> str:
    # Calibrated (docs/benchmarks.md): 0.9 means about nine in ten such claims name the right
    # speaker, so two decimals say all there is.
    return f"{value:.2f}" if isinstance(value, int | float) else ""


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
            word.

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
    return (tag in tags and word.islower() and word not in TOPIC_STOPWORDS
            and bool(_WORD.fullmatch(word)))


def choices(names: Iterable[str | None]) -> list[str]:
    """Distinct non-empty names, in first-seen order."""
    return list(dict.fromkeys(n for n in names if n))
