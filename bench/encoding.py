"""Timing the encoder: inside an ingest (`EncodeMeter`) and alone (`raw_encode`)."""

from __future__ import annotations

import resource
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bench.machine import load, peak_rss_mb


def cpu_seconds() -> float:
    """CPU time of this process so far (user + system, all threads)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


# Corpus -----------------------------------------------------------------------------------------


class EncodeMeter:
    """Wraps an `Embedder.embed` to add up the time and texts spent encoding."""

    def __init__(self, embed: Callable[..., Any], keep: bool = False) -> None:
        self._embed = embed
        self.seconds = 0.0
        self.texts = 0
        self.calls = 0
        self.kept: list[str] | None = [] if keep else None  # every text it was given
        self.cpu = 0.0  # CPU seconds of the whole ingest, set by `timed_ingest`

    def __call__(self, texts: Sequence[str], *args: Any) -> Any:
        began = time.perf_counter()
        try:
            return self._embed(texts, *args)
        finally:
            self.seconds += time.perf_counter() - began
            self.texts += len(texts)
            self.calls += 1
            if self.kept is not None:
                self.kept.extend(texts)


def raw_encode(embedder: Any, batch: Sequence[str], name: str) -> dict[str, Any]:
    """Encode `batch` in one call of `embedder.embed` and report the rate and the CPU use."""
    print(f"raw encode of {len(batch)} texts ({name}) ...", file=sys.stderr, flush=True)
    load_before = load()
    cpu_began = cpu_seconds()
    began = time.perf_counter()
    vectors = embedder.embed(list(batch))
    seconds = time.perf_counter() - began
    cpu = cpu_seconds() - cpu_began
    assert vectors.shape[0] == len(batch)
    return {
        "texts": len(batch),
        "unique_texts": len(set(batch)),
        "mean_chars": round(statistics.fmean(map(len, batch)), 1) if batch else None,
        "seconds": round(seconds, 2),
        "texts_per_s": round(len(batch) / seconds, 1) if seconds else None,
        "cpu_seconds": round(cpu, 1),
        "cpu_per_wall": round(cpu / seconds, 2) if seconds else None,
        "loadavg_before": load_before,
        "loadavg_after": load(),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def split_sentences(files: Sequence[Path]) -> list[str]:
    """The sentence texts ingest will store for `files`, by the same reading and splitting."""
    from index.ingestion import prepare
    from index.reading.files import iter_sources
    from index.records import Source

    sources = [s for s in iter_sources([str(f) for f in files]) if isinstance(s, Source)]
    return [sentence.text for source in sources for sentence in prepare(source).sentences]
