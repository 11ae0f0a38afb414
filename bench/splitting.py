"""Measure sentence-splitting throughput on BBC articles, against plain pysbd.

Usage: ``.venv/bin/python bench/splitting.py [--files N] [--corpus DIR]``.
Line 1 of a BBC file is the headline and is skipped, as ingestion does.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pysbd

from index.reading import splitting
from index.reading.splitting import split_text

DEFAULT_CORPUS = Path("/work/shared/corpus/bbc/bbc")


def _read(paths: list[Path]) -> list[str]:
    # One BBC file is Latin-1; a replaced character does not matter for timing.
    return [path.read_text(encoding="utf-8", errors="replace") for path in paths]


def _pick(corpus: Path, count: int) -> list[Path]:
    """Take files round-robin from the topic folders, so every topic is represented."""
    topics = [
        sorted(folder.rglob("*.txt")) for folder in sorted(corpus.iterdir()) if folder.is_dir()
    ]
    picked: list[Path] = []
    for index in range(max(map(len, topics), default=0)):
        picked.extend(files[index] for files in topics if index < len(files))
    return picked[:count]


def _time_split(texts: list[str]) -> tuple[int, float]:
    started = time.perf_counter()
    count = sum(len(split_text(text, frozenset({1}))) for text in texts)
    return count, time.perf_counter() - started


def _count_pysbd_calls(texts: list[str]) -> int:
    """Count the chunks `split_text` hands to pysbd (those with an ambiguous full stop)."""
    calls = 0
    segment = splitting._segment

    def counting(chunk: str) -> list[str]:
        nonlocal calls
        calls += 1
        return segment(chunk)

    splitting._segment = counting
    try:
        for text in texts:
            split_text(text, frozenset({1}))
    finally:
        splitting._segment = segment
    return calls


def _time_pysbd(texts: list[str]) -> tuple[int, float]:
    segmenter = pysbd.Segmenter(language="en", clean=False)
    started = time.perf_counter()
    count = 0
    for text in texts:
        for line in text.split("\n")[1:]:
            if line.strip():
                count += len(segmenter.segment(line))
    return count, time.perf_counter() - started


def main() -> None:
    """Print sentences per second of `split_text` and of pysbd on every paragraph."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=400)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    texts = _read(_pick(args.corpus, args.files))
    split_text("Warm up the U.S. segmenter. Now.")  # builds pysbd's segmenter outside the clock
    paragraphs = sum(1 for text in texts for line in text.split("\n")[1:] if line.strip())
    print(f"{paragraphs} paragraphs, {_count_pysbd_calls(texts)} pysbd calls by split_text")
    for name, timer in (("split_text", _time_split), ("pysbd only", _time_pysbd)):
        count, seconds = timer(texts)
        print(
            f"{name:>10}: {len(texts)} files, {count} sentences, {seconds:.2f} s, "
            f"{count / seconds:,.0f} sentences/s"
        )


if __name__ == "__main__":
    main()
