"""The BBC corpus as the ingest benchmark uses it: files in topic order, headlines, queries."""

from __future__ import annotations

import random
from collections.abc import Sequence
from pathlib import Path


def pick_files(corpus: Path, limit: int | None) -> list[Path]:
    """Every ``*.txt`` under `corpus`, round-robin over their folders (so a limit keeps topics)."""
    folders: dict[Path, list[Path]] = {}
    for path in sorted(corpus.rglob("*.txt")):
        if not any(part.startswith(".") for part in path.relative_to(corpus).parts):
            folders.setdefault(path.parent, []).append(path)
    groups = list(folders.values())
    picked: list[Path] = []
    for index in range(max(map(len, groups), default=0)):
        picked.extend(files[index] for files in groups if index < len(files))
    return picked[:limit] if limit is not None else picked


def headline(path: Path) -> str | None:
    text = path.read_bytes().decode("utf-8", errors="replace")
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return None


def make_queries(files: Sequence[Path], sentences: Sequence[str], count: int) -> list[str]:
    """`count` queries: every Nth headline, topped up with 3-8 word snippets of sentences."""
    step = max(1, len(files) // max(count, 1))
    queries = [h for h in (headline(p) for p in files[::step]) if h][:count]
    rng = random.Random(0)
    pool = [s for s in sentences if len(s.split()) >= 3]
    while len(queries) < count and pool:
        words = rng.choice(pool).split()
        size = rng.randint(3, min(8, len(words)))
        lo = rng.randint(0, len(words) - size)
        queries.append(" ".join(words[lo : lo + size]))
    return queries
