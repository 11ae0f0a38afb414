"""Benchmark ingest, raw encoder throughput, re-ingest and search latency on the BBC corpus.

Usage (from the project root)::

    HF_HUB_OFFLINE=1 .venv/bin/python bench/ingest.py [--corpus DIR] [--limit N] [--home DIR]
                                                      [--queries N] [--context C]

One run measures, in one process and on this machine:

1. End-to-end ingest of the corpus's ``*.txt`` files into a fresh home via `ClaimBot.ingest`.
   The embedder is loaded (and warmed up with one tiny batch) before the clock starts, so model
   load time is in neither the ingest nor the raw encoder figure.
2. Raw encoder throughput: `Embedder.embed` (the same object ingest used), each in one call:
   (a) the sentence texts ingest will store (split beforehand) just before the ingest, and the
   stored texts read back from the ledger just after it; the machine's speed drifts over
   minutes, so the mean of the two is the reference for end-to-end sentences/s over raw
   sentences/s; (b) exactly the texts ingest handed to the encoder (recorded during the
   ingest: bare sentences and each title once, or "title: sentence" with --context title;
   repeats encoded once),
   giving the pipeline efficiency = raw time of those texts / ingest wall time.
3. Re-ingest of the unchanged corpus (must write 0 sentences).
4. Search latency of `ClaimBot.search(q, k=10)`: BBC headlines of the ingested files (every Nth),
   topped up with deterministic 3-8 word snippets of stored sentences when there are too few.

It prints a Markdown table and writes the results as JSON under ``bench/out/`` (gitignored).
Exit status 2 when the corpus folder is absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.bbc import headline, make_queries, pick_files
from bench.encoding import EncodeMeter, cpu_seconds, raw_encode, split_sentences
from bench.ingest_report import TARGETS, header, markdown
from bench.machine import (
    ROOT,
    cpu_model,
    git_commit,
    load,
    package_version,
    peak_rss_mb,
    percentile,
)

DEFAULT_CORPUS = "../shared/corpus/bbc"
OUT_DIR = ROOT / "bench" / "out"
WARMUP_QUERIES = 5

# Measurement ------------------------------------------------------------------------------------


def timed_ingest(
    bot: Any, files: Sequence[Path], label: str, keep: bool = False
) -> tuple[Any, float, EncodeMeter]:
    embedder = bot.corpus.embedder
    meter = EncodeMeter(embedder.embed, keep)
    embedder.embed = meter  # instance attribute shadows the method for this run only
    done = 0
    cpu_began = cpu_seconds()
    began = time.perf_counter()

    def progress(_: str) -> None:
        nonlocal done
        done += 1
        if done % 250 == 0 or done == len(files):
            print(f"  [{label}] {done}/{len(files)} files, {time.perf_counter() - began:.1f} s",
                  file=sys.stderr, flush=True)

    try:
        report = bot.ingest([str(p) for p in files], progress=progress)
    finally:
        seconds = time.perf_counter() - began
        meter.cpu = cpu_seconds() - cpu_began
        del embedder.embed
    return report, seconds, meter


def environment(args: argparse.Namespace, settings: Any, corpus: Path, files: Sequence[Path],
                home: Path) -> dict[str, Any]:
    """Where and with what the run happens."""
    import chromadb
    import sentence_transformers
    import torch

    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "torch_threads": torch.get_num_threads(),
        "python": platform.python_version(),
        "torch": torch.__version__,
        "sentence_transformers": sentence_transformers.__version__,
        "chromadb": chromadb.__version__,
        "onnxruntime": package_version("onnxruntime"),
        "spacy": package_version("spacy"),
        "commit": git_commit(ROOT),
        "model": settings.model,
        "encode_batch": settings.encode_batch,
        "embed_context": settings.embed_context,
        "corpus": str(corpus),
        "files": len(files),
        "limit": args.limit,
        "home": str(home),
        "loadavg_start": load(),
    }


def open_bot(settings: Any, home: Path) -> tuple[Any, Any, Any, float]:
    """The bot with its encoders loaded and warmed up: (bot, embedder, query embedder, seconds).

    Loading is a one-off start-up cost, outside every timed figure. Positional arguments give
    the same lru_cache key as `Corpus.embedder`, so the bot reuses this very object;
    `Corpus.embedder` also exports the ONNX query model and `Corpus.query_embedder` loads it.
    """
    from bot.claimbot import ClaimBot
    from index.vectors.embedding import load_embedder

    began = time.perf_counter()
    embedder = load_embedder(settings.model, settings.encode_batch)
    bot = ClaimBot(home=home, settings=settings)
    assert bot.corpus.embedder is embedder, "the bot did not reuse the preloaded embedder"
    query_embedder = getattr(bot.corpus, "query_embedder", embedder)
    for model in {id(embedder): embedder, id(query_embedder): query_embedder}.values():
        model.embed(["Warm up the encoder.", "A second, slightly longer warm-up sentence."])
    bot.corpus.store.count()  # opening the Chroma client is a one-off start-up cost too
    seconds = time.perf_counter() - began
    print(f"models loaded and warmed up in {seconds:.1f} s (not counted); query encoder "
          f"{type(query_embedder).__name__}", file=sys.stderr)
    return bot, embedder, query_embedder, seconds


def first_ingest(bot: Any, files: Sequence[Path]) -> tuple[dict[str, Any], EncodeMeter]:
    """Ingest into the empty home; the figures and the meter (which kept the encoder inputs)."""
    print(f"ingesting {len(files)} files into {bot.corpus.home} ...", file=sys.stderr, flush=True)
    load_before = load()
    report, seconds, meter = timed_ingest(bot, files, "ingest", keep=True)
    db = bot.corpus.ledger.db
    written = report.sentences
    ingest = {
        "seconds": round(seconds, 2), "report_seconds": report.seconds,
        "articles_added": len(report.added), "skipped": report.skipped[:20],
        "skipped_count": len(report.skipped), "sentences_written": written,
        "sentences_per_s": round(written / seconds, 1) if seconds else None,
        "texts_encoded": meter.texts, "encode_calls": meter.calls,
        "encode_seconds": round(meter.seconds, 2),
        "non_encode_seconds": round(seconds - meter.seconds, 2),
        "cpu_seconds": round(meter.cpu, 1),
        "cpu_per_wall": round(meter.cpu / seconds, 2) if seconds else None,
        "embedding_cache_rows": int(db.execute("SELECT count(*) FROM embeddings").fetchone()[0]),
        "vectors_in_index": bot.corpus.store.count(),
        "loadavg_before": load_before, "loadavg_after": load(),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }
    print(f"ingest: {written} sentences in {seconds:.1f} s "
          f"({ingest['sentences_per_s']} sentences/s; encoder {meter.seconds:.1f} s)",
          file=sys.stderr, flush=True)
    return ingest, meter


def raw_after(embedder: Any, meter: EncodeMeter, texts: Sequence[str], raw: dict[str, Any],
              ingest: dict[str, Any]) -> tuple[float, float]:
    """Time the raw encoder after the ingest; returns (end-to-end/raw ratio, efficiency).

    (a) exactly the texts ingest gave the encoder (repeats once), in one call: the like-for-like
    measure of what the pipeline adds around the encoder; (b) the stored sentence texts.
    """
    raw["encoder_inputs"] = raw_encode(embedder, meter.kept or [], "encoder_inputs")
    meter.kept = None
    raw["ledger_sentences"] = raw_encode(embedder, texts, "ledger_sentences")
    like, seconds = raw["encoder_inputs"], ingest["seconds"]
    # Pipeline efficiency: the encoder alone on ingest's inputs, over the ingest wall time.
    efficiency = like["seconds"] / seconds if seconds else float("nan")
    e2e_rate = ingest["sentences_written"] / seconds if seconds else float("nan")
    # The machine's speed drifts by up to ~20% over minutes (measured: the same texts encoded
    # at 141 and 170 sentences/s in two runs), so the reference rate is the mean of the raw
    # rate on the same sentences just before and just after the ingest.
    ledger_rate = statistics.fmean([raw["before"]["texts_per_s"],
                                    raw["ledger_sentences"]["texts_per_s"]])
    ratio = e2e_rate / ledger_rate
    print(f"raw: {like['texts_per_s']} encoder inputs/s, {ledger_rate:.1f} sentences/s (mean "
          f"of before and after); efficiency {efficiency:.3f}, end-to-end/raw {ratio:.3f}",
          file=sys.stderr)
    return ratio, efficiency


def reingest(bot: Any, files: Sequence[Path], first_seconds: float) -> dict[str, Any]:
    """Re-ingest the unchanged corpus (must write nothing)."""
    print("re-ingesting the unchanged corpus ...", file=sys.stderr, flush=True)
    report, seconds, meter = timed_ingest(bot, files, "re-ingest")
    return {
        "seconds": round(seconds, 2),
        "ratio_to_first": round(seconds / first_seconds, 4) if first_seconds else None,
        "sentences_written": report.sentences, "unchanged": len(report.unchanged),
        "added": len(report.added), "replaced": len(report.replaced),
        "texts_encoded": meter.texts,
    }


def search_latency(bot: Any, query_embedder: Any, files: Sequence[Path],
                   texts: Sequence[str], count: int) -> dict[str, Any]:
    """Latency of `ClaimBot.search(q, k=10)` over `count` queries after a few warm-up ones."""
    queries = make_queries(files, texts, count + WARMUP_QUERIES)
    warmup, queries = queries[-WARMUP_QUERIES:], queries[:-WARMUP_QUERIES]
    for query in warmup:
        bot.search(query, k=10)
    latencies: list[float] = []
    empty = 0
    load_before = load()
    meter = EncodeMeter(query_embedder.embed)
    query_embedder.embed = meter
    try:
        for query in queries:
            began = time.perf_counter()
            empty += not bot.search(query, k=10)
            latencies.append((time.perf_counter() - began) * 1000)
    finally:
        del query_embedder.embed
    headlines = {headline(p) for p in files}
    return {
        "queries": len(queries), "warmup_queries": len(warmup),
        "headline_queries": sum(1 for q in queries if q in headlines), "k": 10,
        "p50_ms": round(percentile(latencies, 50), 1),
        "p95_ms": round(percentile(latencies, 95), 1),
        "mean_ms": round(statistics.fmean(latencies), 1) if latencies else None,
        "max_ms": round(max(latencies), 1) if latencies else None,
        "empty_results": empty,
        "encode_ms_mean": round(meter.seconds * 1000 / len(queries), 1) if queries else None,
        "encode_calls": meter.calls, "sample_queries": queries[:5],
        "loadavg_before": load_before, "loadavg_after": load(),
    }


def run(args: argparse.Namespace, corpus: Path, home: Path) -> dict[str, Any]:
    """The whole measurement (see the module docstring), as one JSON-ready dict."""
    print("importing torch, sentence-transformers, chromadb ...", file=sys.stderr, flush=True)
    from index.settings import Settings

    files = pick_files(corpus, args.limit)
    settings = Settings(home=home, **({"embed_context": args.context} if args.context else {}))
    if os.getloadavg()[0] > 0.5:
        print(f"warning: load average {load()} before the run; other processes compete for "
              "the CPU and will lower every figure", file=sys.stderr)
    env = environment(args, settings, corpus, files, home)
    bot, embedder, query_embedder, model_load = open_bot(settings, home)
    env["query_embedder"] = type(query_embedder).__name__
    # The raw encoder before the ingest, on the sentences it will store (split here).
    raw: dict[str, Any] = {"before": raw_encode(embedder, split_sentences(files), "before")}
    ingest, meter = first_ingest(bot, files)
    texts = [r[0] for r in bot.corpus.ledger.db.execute(
        "SELECT text FROM sentences ORDER BY rowid")]
    ratio, efficiency = raw_after(embedder, meter, texts, raw, ingest)
    again = reingest(bot, files, ingest["seconds"])
    search = search_latency(bot, query_embedder, files, texts, args.queries)
    bot.close()
    env["loadavg_end"] = load()
    return {
        "environment": env, "model_load_seconds": round(model_load, 2), "ingest": ingest,
        "raw_encode": raw, "ratio_e2e_raw": round(ratio, 3),
        "pipeline_efficiency": round(efficiency, 3), "reingest": again, "search": search,
        "peak_rss_mb": round(peak_rss_mb(), 1), "targets": TARGETS,
    }


# Reporting --------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Benchmark ingest, raw encoding, re-ingest and search of claimtrack."
    )
    parser.add_argument("--corpus", default=DEFAULT_CORPUS,
                        help=f"folder of .txt articles; relative to the project root "
                             f"(default {DEFAULT_CORPUS})")
    parser.add_argument("--limit", type=int, default=None,
                        help="ingest only N files (round-robin over topics) for a quick run")
    parser.add_argument("--home", default=None,
                        help="empty or new folder for the store (default: a temp dir, removed)")
    parser.add_argument("--queries", type=int, default=200, help="timed search queries")
    parser.add_argument("--context", choices=("paragraph", "title", "none"),
                        help="embedding recipe (as CLAIMTRACK_EMBED_CONTEXT; default: its default)")
    args = parser.parse_args(argv)

    corpus = Path(args.corpus)
    corpus = corpus if corpus.is_absolute() else (ROOT / corpus).resolve()
    if not corpus.is_dir():
        print(f"bench/ingest.py: corpus folder {corpus} is absent; pass --corpus DIR "
              "(the BBC corpus lives in ../shared/corpus/bbc)", file=sys.stderr)
        return 2
    if not pick_files(corpus, 1):
        print(f"bench/ingest.py: no .txt files under {corpus}", file=sys.stderr)
        return 2
    if args.home is None:
        home = Path(tempfile.mkdtemp(prefix="claimtrack-bench-"))
        remove = True
    else:
        home = Path(args.home).resolve()
        if home.exists() and any(home.iterdir()):
            print(f"bench/ingest.py: --home {home} is not empty; the benchmark needs a fresh home",
                  file=sys.stderr)
            return 2
        remove = False

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    try:
        results = run(args, corpus, home)
    finally:
        if remove:
            shutil.rmtree(home, ignore_errors=True)

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    suffix = f"-limit{args.limit}" if args.limit else ""
    out = OUT_DIR / f"ingest-{stamp}{suffix}.json"
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")

    print()
    print(header(results))
    print()
    print(markdown(results))
    print()
    print(f"results: {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
