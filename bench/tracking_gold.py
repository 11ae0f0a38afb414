"""The hand-checked gold of same-speaker claim pairs, and how the clusters score on it.

`bench/tracking_pairs.jsonl` holds one pair a line: ``kind`` ("paraphrase": the same speaker
making the same claim in other words, in another article; "near_miss": the same speaker on the
same topic making another claim), ``speaker``, ``a`` and ``b`` (each ``{path, line, text}``,
the path under ``../shared/corpus``, the line 1-based), and ``note`` (why). Every pair was read
and labelled by hand from candidates that `bench/tracking_candidates.py` mined.

The pairs fall in two halves by a hash of their two files (so that the pairs of one story stay
in one half): thresholds may be tuned on half "A" only, and "B" is the held-out check.

A pair's claims are found on the product path: the article by its url in `ClaimBot.articles`,
the claim on that line holding the sentence in `ClaimBot.claims`, its cluster through
`ClaimBot.track(claim id)`. A side whose claim the ingest did not find (no attribution on that
line) counts as apart: a recall miss.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PAIRS = Path(__file__).resolve().parent / "tracking_pairs.jsonl"
KINDS = ("paraphrase", "near_miss")


@dataclass(frozen=True)
class Side:
    """One claim of a pair, as the gold names it."""

    path: str
    line: int
    text: str


@dataclass(frozen=True)
class Pair:
    """A hand-labelled pair of one speaker's claims in two articles."""

    kind: str
    speaker: str
    a: Side
    b: Side
    note: str

    @property
    def half(self) -> str:
        """"A" (may be tuned on) or "B" (held out), by a hash of the pair's two files."""
        files = "\n".join(sorted((self.a.path, self.b.path))).encode()
        return "AB"[hashlib.blake2b(files, digest_size=1).digest()[0] % 2]


def load(path: Path = PAIRS) -> list[Pair]:
    """The pairs of `path`.

    Raises:
        ValueError: A line is no pair (its number and the reason in the message).
    """
    found = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            pair = Pair(record["kind"], record["speaker"], Side(**record["a"]),
                        Side(**record["b"]), record["note"])
        except (ValueError, KeyError, TypeError) as error:
            raise ValueError(f"{path}:{n}: not a pair ({error})") from error
        if pair.kind not in KINDS or pair.a.path == pair.b.path:
            raise ValueError(f"{path}:{n}: kind must be one of {KINDS}, in two articles")
        found.append(pair)
    return found


def files(pairs: Sequence[Pair]) -> set[str]:
    """Every article the pairs use (paths under the corpus folder)."""
    return {side.path for p in pairs for side in (p.a, p.b)}


def clusters_of(bot: Any, pairs: Sequence[Pair]) -> dict[Side, str | None]:
    """The cluster id of each side's claim, through `ClaimBot` (copies mapped to the article
    they repeat); None when it has no claim."""
    articles = bot.articles()
    by_url = {a.meta.url: a.id for a in articles if a.meta.url}
    # A side in a copy of another article (stored once, as another source of it) is that
    # article's claim: the copy has no claims of its own to look up.
    for copy in bot.corpus.ledger.sources.of_articles([a.id for a in articles]):
        if copy.meta.url:
            by_url.setdefault(copy.meta.url, copy.article)
    claims: dict[str, list[Any]] = {}
    found: dict[Side, str | None] = {}
    for side in {s for p in pairs for s in (p.a, p.b)}:
        article = by_url.get(side.path)
        if article is None:
            found[side] = None
            continue
        if article not in claims:
            claims[article] = bot.claims(article=article)
        ids = [c.sentence_id for c in claims[article]
               if c.line == side.line and _same(c.text or "", side.text)]
        clusters = bot.track(ids[0]).clusters if ids else ()
        found[side] = clusters[0].id if clusters else None
    return found


def _same(stored: str, gold: str) -> bool:
    """Whether a stored sentence is the gold's (the gold may hold a line's sentence or the
    reverse, spaces aside)."""
    a, b = " ".join(stored.split()), " ".join(gold.split())
    return a in b or b in a


def score(pairs: Sequence[Pair], cluster: dict[Side, str | None]) -> dict[str, Any]:
    """Paraphrase recall and precision and the near-miss merge rate, over all pairs and per
    half; with the pairs whose side has no claim counted."""
    result: dict[str, Any] = {}
    for half in ("all", "A", "B"):
        chosen = [p for p in pairs if half in ("all", p.half)]
        joined = [p for p in chosen if _joined(p, cluster)]
        para = [p for p in chosen if p.kind == "paraphrase"]
        near = [p for p in chosen if p.kind == "near_miss"]
        hits = sum(p.kind == "paraphrase" for p in joined)
        result[half] = {
            "paraphrase_pairs": len(para), "near_miss_pairs": len(near),
            "paraphrase_recall": _share(hits, len(para)),
            "paraphrase_precision": _share(hits, len(joined)),
            "near_miss_merged": _share(len(joined) - hits, len(near)),
            "sides_without_claim": sum(cluster[s] is None for p in chosen for s in (p.a, p.b)),
        }
    return result


def verdicts(pairs: Sequence[Pair], cluster: dict[Side, str | None]) -> list[str]:
    """One line per wrong verdict (a paraphrase apart, a near miss joined), for reading."""
    return [f"- [{p.half}] {p.kind} {'JOINED' if _joined(p, cluster) else 'APART'} "
            f"({p.speaker}): {p.a.text[:110]!r} / {p.b.text[:110]!r}"
            for p in pairs if _joined(p, cluster) != (p.kind == "paraphrase")]


def _joined(pair: Pair, cluster: dict[Side, str | None]) -> bool:
    a, b = cluster[pair.a], cluster[pair.b]
    return a is not None and a == b


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None
