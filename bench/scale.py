"""Speed at corpus scale: BBC + all PolNeAR texts (~85k sentences) in one store.

Usage (from the project root)::

    .venv/bin/python bench/scale.py [--limit N] [--queries 500] [--home DIR]
                                    [--context paragraph|title|none] [--search-only]

One run measures, on this machine: end-to-end ingest (sentences/s) next to the raw encoder
rate on a fixed sample of the same sentences, encoded bare just before and just after the
ingest (their mean is the issue's reference) and as the index encodes them (the same bare
sentences, except with --context title: "title: sentence"); re-ingest of the unchanged corpus;
search latency p50/p95 over `--queries` queries plain, with a speaker filter and with a date
filter; `ask`, `track` and `timeline` latency (200 calls each); peak RSS; and the cold start
of `claimtrack ask` in a fresh process. Prints a Markdown
table and writes JSON under bench/out/. Exit status 2 when the corpora are absent.
--search-only measures only search latency and cold start on an existing --home.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.encoding import EncodeMeter, cpu_seconds, raw_encode, split_sentences
from bench.machine import ROOT, SHARED, cpu_model, git_commit, load, peak_rss_mb, percentile

BBC = SHARED / "corpus" / "bbc"
POLNEAR = SHARED / "corpus" / "polnear" / "data"
RAW_SAMPLE = 3000
TARGETS = {"ratio": 0.7, "reingest": 0.05, "p50_ms": 30.0, "p95_ms": 100.0, "rss_mb": 2500.0,
           "cold_s": 5.0}


def groups(limit: int | None) -> list[tuple[str | None, list[Path]]]:
    """(outlet, files): BBC in one group, PolNeAR by publisher (from metadata.tsv)."""
    bbc = sorted(BBC.rglob("*.txt"))
    publisher: dict[str, str] = {}
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            publisher[row["filename"]] = row["publisher"]
    polnear: dict[str, list[Path]] = {}
    for path in sorted(POLNEAR.glob("*/text/*.txt")):
        polnear.setdefault(publisher.get(path.stem, "unknown"), []).append(path)
    out: list[tuple[str | None, list[Path]]] = [("BBC", bbc)]
    out += sorted(polnear.items())
    if limit is not None:
        share = max(1, limit // len(out))
        out = [(o, files[:share]) for o, files in out]
    return out


class PhaseMeter:
    """Seconds spent in each phase of ingest, for the report: where the time beside the
    encoder goes. Wraps bound methods of the bot's objects for one run (instance attributes
    shadow the methods); attribution is timed in its own thread's CPU seconds, and the main
    thread's waits on futures are the wait for a batch's claims."""

    def __init__(self, bot: Any) -> None:
        corpus = bot.corpus
        ingestor, ledger = corpus.ingestor, corpus.ledger
        self.seconds: dict[str, float] = {}
        self.encode = EncodeMeter(corpus.embedder.embed)
        corpus.embedder.embed = self.encode
        self._undo: list[tuple[Any, str, Any]] = [(corpus.embedder, "embed", None)]
        self._wrap(ingestor, "_claims", "attribution CPU", time.thread_time)
        self._wrap(ledger, "relink_speakers", "relinking speakers", time.perf_counter)
        self._wrap(ingestor, "cluster", "clustering claims", time.perf_counter)
        self._wrap(ledger, "write_article", "writing the ledger", time.perf_counter)
        self._wrap(corpus.store, "upsert", "writing vectors to the index", time.perf_counter)
        self._wrap(ingestor, "_take", "reading and preparing files", time.perf_counter)
        self._wrap(Future, "result", "waiting for a batch's claims", time.perf_counter,
                   only=threading.main_thread())

    def _wrap(self, owner: Any, name: str, label: str, clock: Callable[[], float],
              only: threading.Thread | None = None) -> None:
        """Time calls of `owner.name` (calls from the thread `only`, when given)."""
        inner = getattr(owner, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            if only is not None and threading.current_thread() is not only:
                return inner(*args, **kwargs)
            began = clock()
            try:
                return inner(*args, **kwargs)
            finally:
                self.seconds[label] = self.seconds.get(label, 0.0) + clock() - began

        setattr(owner, name, timed)
        self._undo.append((owner, name, inner))

    def close(self) -> dict[str, float]:
        """Unwrap; the seconds by phase, the encoder's (wall, in ingest) first."""
        for owner, name, inner in self._undo:
            if isinstance(owner, type):  # a class's own method: put it back
                setattr(owner, name, inner)
            else:  # an instance attribute shadowing the method
                delattr(owner, name)
        return {"encoder (wall)": round(self.encode.seconds, 1),
                **{k: round(v, 1) for k, v in self.seconds.items()}}


def ingest_all(bot: Any, parts: Sequence[tuple[str | None, list[Path]]]) -> tuple[int, float]:
    """Ingest every group with its outlet; (sentences written, seconds)."""
    began, written = time.perf_counter(), 0
    for outlet, files in parts:
        report = bot.ingest([str(p) for p in files], outlet=outlet)
        written += report.sentences
        print(f"  {outlet}: {len(report.added)} added, {len(report.unchanged)} unchanged, "
              f"{report.sentences} sentences, {time.perf_counter() - began:.0f} s",
              file=sys.stderr, flush=True)
    return written, time.perf_counter() - began


def raw_sample(parts: Sequence[tuple[str | None, list[Path]]], size: int) -> list[str]:
    """A fixed random sample of the sentences the ingest will store (split beforehand)."""
    texts = split_sentences([f for _, files in parts for f in files])
    return random.Random(0).sample(texts, min(size, len(texts)))


def raw_rates(bot: Any, embedder: Any, sample: Sequence[str], before: float) -> dict[str, float]:
    """Sentences/s of the raw encoder in one call on `sample`: just before the ingest
    (`before`) and again now; their mean is the reference, as the machine's speed drifts
    over minutes (see bench/ingest.py). "indexed": the texts as the index encodes them, which
    differ from bare sentences only for the "title" recipe."""
    from index.vectors.context import embedding_text

    after = raw_encode(embedder, sample, "after")["texts_per_s"]
    bare = statistics.fmean([before, after])
    rates = {"before": before, "after": after, "bare": round(bare, 1), "indexed": round(bare, 1)}
    if bot.corpus.settings.embed_context == "title":
        ledger = bot.corpus.ledger
        rows = ledger.db.execute("SELECT s.text, a.title FROM sentences s JOIN articles a ON "
                                 "a.id = s.article ORDER BY s.rowid").fetchall()
        titled = [embedding_text(t, title) for t, title in
                  random.Random(0).sample(rows, min(len(sample), len(rows)))]
        rates["indexed"] = raw_encode(embedder, titled, "indexed")["texts_per_s"]
    return rates


def timed(calls: Sequence[Callable[[], object]]) -> dict[str, float]:
    """p50/p95/mean latency in ms of each call, after three warm-up calls."""
    for call in calls[:3]:
        call()
    times = []
    for call in calls:
        began = time.perf_counter()
        call()
        times.append((time.perf_counter() - began) * 1000)
    return {"p50_ms": round(percentile(times, 50), 1), "p95_ms": round(percentile(times, 95), 1),
            "mean_ms": round(statistics.fmean(times), 1)}


def latency(bot: Any, texts: Sequence[str], count: int) -> dict[str, dict[str, float]]:
    """Search latency plain, with a speaker filter and with a date (month) filter."""
    rng = random.Random(0)
    queries = [" ".join(rng.choice(texts).split()[:6]) for _ in range(count)]
    names = [s.name for s in bot.speakers()[:50]] or [None]
    speakers = [names[i % len(names)] for i in range(count)]
    months = [f"2016-{i % 11 + 1:02d}" for i in range(count)]
    return {
        "plain": timed([lambda q=q: bot.search(q, k=10) for q in queries]),
        "speaker": timed([lambda q=q, s=s: bot.search(q, 10, speaker=s)
                          for q, s in zip(queries, speakers, strict=True)]),
        "date": timed([lambda q=q, m=m: bot.search(q, 10, since=f"{m}-01", until=f"{m}-28")
                       for q, m in zip(queries, months, strict=True)]),
    }


TOPICS = ("taxes", "the economy", "immigration", "the election", "health care", "Iraq", "jobs",
          "the budget", "schools", "China", "terrorism", "the polls")


def product_latency(bot: Any, count: int) -> dict[str, dict[str, float]]:
    """Latency of what users call: `ask` (a speaker and topic), `track` and `timeline`."""
    rng = random.Random(1)
    names = [s.name for s in bot.speakers()[:100]] or ["Donald Trump"]
    claims = bot.claims()
    texts = [rng.choice(claims).text for _ in range(count)] if claims else ["the economy"] * count
    pairs = [(rng.choice(names), rng.choice(TOPICS)) for _ in range(count)]
    return {
        "ask": timed([lambda n=n, t=t: bot.ask(f"What did {n} say about {t}?")
                      for n, t in pairs]),
        "track": timed([lambda x=x: bot.track(x) for x in texts]),
        "timeline": timed([lambda n=n, t=t: bot.timeline(n, topic=t) for n, t in pairs]),
    }


def cold_start(home: Path, context: str, runs: int = 3) -> float:
    """Median wall seconds of `claimtrack ask` in a fresh process."""
    exe = Path(sys.executable).with_name("claimtrack")
    env = {**os.environ, "CLAIMTRACK_EMBED_CONTEXT": context}
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run([str(exe), "--home", str(home), "ask", "What did Trump say about taxes?"],
                       check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - began)
    return round(statistics.median(times), 2)


def run(args: argparse.Namespace) -> dict[str, Any]:
    from bot import ClaimBot
    from index.settings import Settings
    from index.vectors.embedding import load_embedder

    home = Path(args.home or tempfile.mkdtemp(prefix="claimtrack-scale-"))
    settings = Settings(home=home, **({"embed_context": args.context} if args.context else {}))
    embedder = load_embedder(settings.model, settings.encode_batch)
    embedder.embed(["warm up"])
    bot = ClaimBot(settings=settings)
    bot.corpus.store.count()  # opening Chroma: a one-off start-up cost, like loading the model
    result: dict[str, Any] = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "cpu": cpu_model(),
        "commit": git_commit(ROOT), "load_start": load(), "embed_context": settings.embed_context}
    if not args.search_only:
        parts = groups(args.limit)
        sample = raw_sample(parts, RAW_SAMPLE)
        before = raw_encode(embedder, sample, "before")["texts_per_s"]
        meter = PhaseMeter(bot)
        cpu_began = cpu_seconds()
        written, first_s = ingest_all(bot, parts)
        result["ingest_cpu_s"] = round(cpu_seconds() - cpu_began, 1)
        result["phases_s"] = meter.close()
        raw = raw_rates(bot, embedder, sample, before)
        _, again_s = ingest_all(bot, parts)
        rate = written / first_s
        result.update({
            "files": sum(len(f) for _, f in parts), "written": written,
            "ingest_s": round(first_s, 1), "ingest_rate": round(rate, 1), "raw_rate": raw,
            "ratio": round(rate / raw["bare"], 3), "ratio_indexed": round(rate / raw["indexed"], 3),
            "reingest_s": round(again_s, 2), "reingest_ratio": round(again_s / first_s, 4)})
    texts = [r[0] for r in bot.corpus.ledger.db.execute("SELECT text FROM sentences")]
    result.update({"sentences": len(texts), "search": latency(bot, texts, args.queries),
                   "product": product_latency(bot, min(args.queries, 200)),
                   "claims": len(bot.claims()), "speakers": len(bot.speakers())})
    bot.close()
    result["rss_mb"] = round(peak_rss_mb(), 0)
    result["cold_s"] = cold_start(home, settings.embed_context)
    result["load_end"] = load()
    return result


def markdown(r: dict[str, Any]) -> str:
    """The result as a Markdown table."""
    s = r["search"]
    rows = []
    if "ingest_s" in r:
        rows += [
            ("Files / sentences / claims / speakers",
             f"{r['files']:,} / {r['sentences']:,} / {r['claims']:,} / {r['speakers']:,}", ""),
            ("Ingest (end-to-end)", f"{r['ingest_rate']} sentences/s ({r['ingest_s']} s)", ""),
            ("Raw encoder on a sample of the sentences, one call: before / after the ingest",
             f"{r['raw_rate'].get('before')} / {r['raw_rate'].get('after')} sentences/s", ""),
            ("Raw reference: mean of before and after / as indexed",
             f"{r['raw_rate']['bare']} / {r['raw_rate']['indexed']} sentences/s", ""),
            ("End-to-end / raw (bare sentences)", f"{r['ratio']}", f"≥ {TARGETS['ratio']}"),
            ("End-to-end / raw (the texts the index embeds)", f"{r['ratio_indexed']}", ""),
            ("CPU seconds of the ingest (2 cores: up to 2 × wall)", f"{r['ingest_cpu_s']}", ""),
            *[(f"… {name}", f"{sec} s", "") for name, sec in r["phases_s"].items()],
            ("Re-ingest unchanged", f"{r['reingest_s']} s ({r['reingest_ratio']:.1%} of first)",
             f"≤ {TARGETS['reingest']:.0%}"),
        ]
    rows += [
        *[(f"Search {name} p50 / p95 / mean",
           f"{v['p50_ms']} / {v['p95_ms']} / {v['mean_ms']} ms",
           f"p50 ≤ {TARGETS['p50_ms']:.0f}, p95 ≤ {TARGETS['p95_ms']:.0f}")
          for name, v in s.items()],
        *[(f"`ClaimBot.{name}` p50 / p95 / mean",
           f"{v['p50_ms']} / {v['p95_ms']} / {v['mean_ms']} ms", f"p95 ≤ {TARGETS['p95_ms']:.0f}")
          for name, v in r.get("product", {}).items()],
        ("Peak RSS", f"{r['rss_mb']:.0f} MB", f"≤ {TARGETS['rss_mb']:.0f}"),
        ("Cold start of `claimtrack ask` (median of 3)", f"{r['cold_s']} s",
         f"≤ {TARGETS['cold_s']:.0f} s"),
    ]
    return "\n".join(["| Measure | Value | Target |", "|---|---|---|",
                      *[f"| {a} | {b} | {c} |" for a, b, c in rows]])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, help="files in all (a quick run)")
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--home", help="store folder (default: a new temp folder)")
    parser.add_argument("--context", choices=("paragraph", "title", "none"),
                        help="embedding recipe (as CLAIMTRACK_EMBED_CONTEXT; default: its default)")
    parser.add_argument("--search-only", action="store_true",
                        help="only search latency and cold start, on an existing --home")
    args = parser.parse_args()
    if not BBC.is_dir() or not POLNEAR.is_dir():
        print(f"corpora not found under {SHARED}; nothing to measure", file=sys.stderr)
        return 2
    if args.search_only and not args.home:
        parser.error("--search-only needs --home of a store built by an earlier run")
    result = run(args)
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    (out / f"scale-{stamp}.json").write_text(json.dumps(result, indent=2))
    print(f"\n{result['date']} · {result['cpu']} · commit {result['commit'][:10]} · "
          f"load {result['load_start']} → {result['load_end']}\n")
    print(markdown(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
