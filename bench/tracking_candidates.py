"""Candidate pairs for the hand-checked paraphrase and near-miss gold (bench/tracking_pairs.jsonl).

Usage (from the project root, over a home that `bench/tracking.py` or any ingest filled)::

    .venv/bin/python bench/tracking_candidates.py --home DIR [--low 0.55] [--high 0.97]
                                                  [--per-speaker 12] [--out FILE]

The same speaker's claims (the ledger's entity) in two articles whose texts differ, whose
sentence vectors have a cosine in ``[low, high]``, that share at least two content words and
no quoted run of six words (those are the exact recurrences, measured apart), are written as
JSON lines with both sentences, their file (the article's url: its path under
``../shared/corpus``) and line, the cosine, the shared content words and the clusterer's
verdict. At most `--per-speaker` pairs per speaker and one per pair of articles, spread over
the cosine band, so that reading them covers many speakers and stories. Nothing here decides
a label: each pair is read and labelled by hand.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sqlite3
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

_ROWS = (
    "SELECT c.sentence_id, c.entity, c.article, a.url, a.content_hash, c.line, c.kind, s.text, "
    "substr(a.text, c.start + 1, c.\"end\" - c.start), coalesce(k.cluster, c.sentence_id) "
    "FROM claims c JOIN sentences s ON s.id = c.sentence_id JOIN articles a ON a.id = c.article "
    "LEFT JOIN clusters k ON k.sentence_id = c.sentence_id WHERE c.entity IS NOT NULL "
    "ORDER BY c.entity, a.date, c.article, c.line"
)


@dataclass(frozen=True)
class Row:
    """One claim as the miner compares it."""

    sentence_id: str
    entity: str
    article: str
    url: str
    digest: str
    line: int
    kind: str
    text: str
    content: str
    cluster: str


def speakers(db: Any) -> Iterator[list[Row]]:
    """Each speaker's claims, for speakers with claims in two or more articles."""
    rows = [Row(*r) for r in db.execute(_ROWS)]
    for _, group in itertools.groupby(rows, key=lambda r: r.entity):
        claims = list(group)
        if len({c.article for c in claims}) > 1:
            yield claims


def candidates(claims: list[Row], vectors: np.ndarray, low: float,
               high: float) -> list[dict[str, Any]]:
    """The speaker's pairs in the band (see the module docstring), one per article pair."""
    from index.tracking.quotations import content_words, quotations, shingles

    words = [content_words(c.content) for c in claims]
    keys = [shingles(quotations(c.text, c.kind)) for c in claims]
    similarity = vectors @ vectors.T
    best: dict[tuple[str, str], dict[str, Any]] = {}
    for i, j in zip(*np.nonzero(np.triu(similarity, 1) >= low), strict=True):
        a, b = claims[i], claims[j]
        cosine = float(similarity[i, j])
        shared = words[i] & words[j]
        if (cosine > high or a.digest == b.digest or len(shared) < 2 or keys[i] & keys[j]):
            continue
        pair = (a.article, b.article) if a.article < b.article else (b.article, a.article)
        if pair not in best or best[pair]["cosine"] < cosine:
            best[pair] = {"speaker": a.entity, "cosine": round(cosine, 3),
                          "shared": sorted(shared), "same_cluster": a.cluster == b.cluster,
                          "a": {"path": a.url, "line": a.line, "text": a.text},
                          "b": {"path": b.url, "line": b.line, "text": b.text}}
    return list(best.values())


def spread(found: list[dict[str, Any]], count: int, rng: random.Random) -> list[dict[str, Any]]:
    """At most `count` pairs, drawn evenly over the cosine band."""
    if len(found) <= count:
        return found
    ordered = sorted(found, key=lambda p: p["cosine"])
    step = len(ordered) / count
    return [ordered[min(len(ordered) - 1, int(k * step + rng.random() * step))]
            for k in range(count)]


def vectors_of(db: Any, claims: list[Row]) -> np.ndarray:
    """The claims' sentence vectors from the ledger's embedding cache (one model in it)."""
    from index.ledger.ledger import text_hash

    hashes = [text_hash(c.text) for c in claims]
    found: dict[str, np.ndarray] = {}
    for lo in range(0, len(hashes), 500):
        chunk = hashes[lo:lo + 500]
        found.update((h, np.frombuffer(v, dtype=np.float32)) for h, v in db.execute(
            f"SELECT text_hash, vector FROM embeddings WHERE text_hash IN "
            f"({','.join('?' * len(chunk))})", chunk))
    return np.stack([found[h] for h in hashes])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home", type=Path, required=True)
    ap.add_argument("--low", type=float, default=0.55)
    ap.add_argument("--high", type=float, default=0.97)
    ap.add_argument("--per-speaker", type=int, default=12)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    # Read-only, straight from the ledger: the miner may run beside an ingest into the home.
    db = sqlite3.connect(f"file:{args.home / 'ledger.sqlite3'}?mode=ro", uri=True)
    rng = random.Random(0)
    lines = []
    for claims in speakers(db):
        found = candidates(claims, vectors_of(db, claims), args.low, args.high)
        lines += [json.dumps(p, ensure_ascii=False) for p in spread(found, args.per_speaker, rng)]
    text = "".join(line + "\n" for line in lines)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    print(f"{len(lines)} candidate pairs", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
