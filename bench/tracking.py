"""Claim clusters on real news: recurring quotations, paraphrases and near misses, and what
clustering costs ingest.

Usage (from the project root)::

    .venv/bin/python bench/tracking.py [--polnear-limit N] [--bbc-limit N] [--home DIR]
                                       [--samples 20] [--pairs bench/tracking_pairs.jsonl]

PolNeAR train + dev (never test; outlet and date from its metadata) and the BBC set are
ingested into a fresh home, recording the seconds spent clustering apart from the rest; the
limits take the first articles (PolNeAR by date, BBC round-robin over topics), and every
article of the hand-checked pairs comes too.

The hand-checked pairs (`bench.tracking_gold`): the same speaker's paraphrases and near misses
in two articles, scored through `ClaimBot.track` of each claim: paraphrase recall (share of
paraphrase pairs in one cluster), precision (of the pairs in one cluster, the share that are
paraphrases) and the near-miss merge rate, over all pairs and per half ("A" for tuning, "B"
held out); the pairs with the wrong verdict are printed.

The gold set of exact recurrences is found mechanically, by another method than the
clusterer's: every quotation (text between double quotation marks, curly or straight) of at
least `GOLD_WORDS` words, reduced to its letters and digits in lower case, that occurs
whole, identically, in two or more articles; each claim whose sentence holds such a quotation
is in the gold, and two such claims are a gold pair when they hold the same quotation in
different articles. Pairwise precision and recall are then counted over the claims of the
gold: a system pair is two of them in one cluster, in different articles. `--samples` gold
pairs are printed for reading. Also reported: `track` and `timeline` latency (p50/p95).
Prints a Markdown table and writes JSON under bench/out/. Exit status 2 when the corpora are
absent.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import json
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench import tracking_gold
from bench.bbc import pick_files
from bench.machine import ROOT, SHARED, cpu_model, git_commit, percentile

CORPUS = SHARED / "corpus"
POLNEAR = CORPUS / "polnear" / "data"
BBC = CORPUS / "bbc" / "bbc"
PER_FILE = 100
GOLD_WORDS = 6  # the shortest quotation that matches alone
_QUOTE = re.compile(r"[“\"]([^“”\"]{20,}?)[”\"]")


def polnear_records(limit: int | None, also: Collection[str] = ()) -> Iterator[dict[str, Any]]:
    """PolNeAR train and dev articles with outlet, date and title from the metadata, in date
    order: a limit keeps every outlet's coverage of the same weeks, where quotations recur.
    Articles in `also` (paths under the corpus folder) come too, limit or not; each record's
    url is its path under the corpus folder."""
    with open(POLNEAR / "metadata.tsv", encoding="utf-8") as f:
        meta = {r["filename"]: r for r in csv.DictReader(f, delimiter="\t")
                if r["compartment"] in ("train", "dev")}
    ordered = sorted(meta, key=lambda n: (meta[n]["publication_date"], n))
    for n, name in enumerate(ordered):
        row = meta[name]
        path = POLNEAR / row["compartment"] / "text" / f"{name}.txt"
        url = path.relative_to(CORPUS).as_posix()
        if path.is_file() and (limit is None or n < limit or url in also):
            yield {"text": path.read_text(encoding="utf-8"), "title": row["title"],
                   "date": row["publication_date"], "outlet": row["publisher"], "url": url}


def bbc_records(limit: int | None, also: Collection[str] = ()) -> Iterator[dict[str, Any]]:
    """BBC articles (no dates), round-robin over topics, headline first, outlet "bbc"; those
    in `also` come too, limit or not."""
    picked = pick_files(BBC, None)
    for n, path in enumerate(picked):
        url = path.relative_to(CORPUS).as_posix()
        if limit is not None and n >= limit and url not in also:
            continue
        text = path.read_bytes().decode("utf-8", errors="replace")
        yield {"text": text, "title": text.strip().splitlines()[0], "outlet": "bbc", "url": url}


def write_records(folder: Path, *corpora: Iterator[dict[str, Any]]) -> list[Path]:
    """JSONL files of `PER_FILE` records each (a file stays under the ingest's size limit)."""
    folder.mkdir(parents=True, exist_ok=True)
    records = [r for corpus in corpora for r in corpus]
    files = []
    for n, lo in enumerate(range(0, len(records), PER_FILE)):
        path = folder / f"{n:03d}.jsonl"
        text = "".join(json.dumps(r) + "\n" for r in records[lo:lo + PER_FILE])
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        files.append(path)
    return files


def normal(quote: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", quote.lower().replace("’", "").replace("'", "")))


def gold(db: Any) -> tuple[dict[str, str], dict[str, str], dict[str, set[str]],
                         dict[str, set[str]]]:
    """``(claim → article, claim → cluster, quotation → its claims, shorter quotation → the
    claims holding it or a longer one)`` for recurring quotations."""
    rows = db.execute("SELECT c.sentence_id, c.article, s.text, k.cluster FROM claims c "
                      "JOIN sentences s ON s.id = c.sentence_id "
                      "LEFT JOIN clusters k ON k.sentence_id = c.sentence_id").fetchall()
    article = {r[0]: r[1] for r in rows}
    cluster = {r[0]: r[3] or r[0] for r in rows}
    by_quote: dict[str, set[str]] = {}
    for sid, _, text, _ in rows:
        for quote in map(normal, _QUOTE.findall(text)):
            if len(quote.split()) >= GOLD_WORDS:
                by_quote.setdefault(quote, set()).add(sid)
    recurring = {q: s for q, s in by_quote.items() if len({article[i] for i in s}) > 1}
    return article, cluster, recurring, contained([(r[0], r[1], r[2]) for r in rows], article)


def contained(recurring_rows: list[tuple[str, str, str]],
              article: dict[str, str]) -> dict[str, set[str]]:
    """The harder gold: a quotation of at least `GOLD_WORDS` words that lies whole inside a
    longer one of another article (one article quoted more or less of the same words); keyed
    by the shorter quotation, with the claims holding it or a longer one around it."""
    quotes: dict[str, set[str]] = {}
    for sid, _, text in recurring_rows:
        for quote in map(normal, _QUOTE.findall(text)):
            if len(quote.split()) >= GOLD_WORDS:
                quotes.setdefault(quote, set()).add(sid)
    ordered = sorted(quotes, key=len)
    found: dict[str, set[str]] = {}
    for i, short in enumerate(ordered):
        for long in ordered[i + 1:]:
            if len(long) > len(short) and f" {short} " in f" {long} ":
                claims = quotes[short] | quotes[long]
                if len({article[c] for c in claims}) > 1:
                    found.setdefault(short, set(quotes[short])).update(quotes[long])
    return found


def pairs(claims: set[str], article: dict[str, str]) -> set[frozenset[str]]:
    return {frozenset(p) for p in itertools.combinations(sorted(claims), 2)
            if article[p[0]] != article[p[1]]}


def score(article: dict[str, str], cluster: dict[str, str],
          recurring: dict[str, set[str]]) -> dict[str, float]:
    """Pairwise precision and recall over the claims of the gold."""
    wanted: set[frozenset[str]] = set()
    for claims in recurring.values():
        wanted |= pairs(claims, article)
    members = set().union(*recurring.values()) if recurring else set()
    grouped: dict[str, set[str]] = {}
    for sid in members:
        grouped.setdefault(cluster[sid], set()).add(sid)
    found: set[frozenset[str]] = set()
    for claims in grouped.values():
        found |= pairs(claims, article)
    hit = len(wanted & found)
    return {"gold_quotations": len(recurring), "gold_claims": len(members),
            "gold_pairs": len(wanted), "system_pairs": len(found),
            "precision": round(hit / len(found), 4) if found else 1.0,
            "recall": round(hit / len(wanted), 4) if wanted else 1.0}


def latencies(bot: Any, recurring: dict[str, set[str]], count: int) -> dict[str, float]:
    rng = random.Random(0)
    quotes = rng.sample(sorted(recurring), min(count, len(recurring)))
    speakers = [s.name for s in bot.speakers()[:count]]
    timed: dict[str, list[float]] = {"track": [], "timeline": []}
    for quote in quotes:
        began = time.perf_counter()
        bot.track(quote)
        timed["track"].append(time.perf_counter() - began)
    for speaker in speakers:
        began = time.perf_counter()
        bot.timeline(speaker)
        timed["timeline"].append(time.perf_counter() - began)
    return {f"{name}_{p}_ms": round(1000 * percentile(values, p), 1)
            for name, values in timed.items() if values for p in (50, 95)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--polnear-limit", type=int)
    ap.add_argument("--bbc-limit", type=int)
    ap.add_argument("--home", type=Path)
    ap.add_argument("--samples", type=int, default=20)
    ap.add_argument("--queries", type=int, default=100)
    ap.add_argument("--pairs", type=Path, default=tracking_gold.PAIRS)
    args = ap.parse_args()
    if not POLNEAR.is_dir() or not BBC.is_dir():
        print(f"corpora absent under {SHARED / 'corpus'}", file=sys.stderr)
        return 2
    from bot import ClaimBot
    from index.tracking import clustering

    # Next to the home, so that a second run over the same home finds the same files.
    work = args.home.parent if args.home else Path(tempfile.mkdtemp(prefix="claimtrack-tr-"))
    hand = tracking_gold.load(args.pairs)
    needed = tracking_gold.files(hand)
    files = write_records(work / "records", polnear_records(args.polnear_limit, needed),
                          bbc_records(args.bbc_limit, needed))
    clustered: list[float] = []
    run = clustering.Clusterer.run

    def timed_run(self: Any) -> int:
        began = time.perf_counter()
        try:
            return run(self)
        finally:
            clustered.append(time.perf_counter() - began)

    clustering.Clusterer.run = timed_run  # type: ignore[method-assign]
    bot = ClaimBot(args.home or work / "home")
    report = bot.ingest(files)
    if report.skipped:
        print(f"skipped: {report.skipped}", file=sys.stderr)
    ingest_s = report.seconds
    db = bot.corpus.ledger.db
    claims = db.execute("SELECT count(*) FROM claims").fetchone()[0]
    stored = db.execute("SELECT count(*), sum(sentence_count) FROM articles").fetchone()
    started = time.perf_counter()
    with bot.corpus.writing():
        bot.corpus.ledger.clusters.reset()
        bot.corpus.ingestor.cluster()
    rebuild_s = time.perf_counter() - started
    article, cluster, recurring, inside = gold(db)
    hand_clusters = tracking_gold.clusters_of(bot, hand)
    by_hand = tracking_gold.score(hand, hand_clusters)
    result: dict[str, Any] = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "cpu": cpu_model(),
        "commit": git_commit(ROOT), "articles": stored[0], "sentences": stored[1],
        "claims": claims, "ingested_articles": len(report.added),
        "ingested_sentences": report.sentences, "ingest_s": round(ingest_s, 1),
        "clustering_s": round(sum(clustered[:-1]), 1), "rebuild_s": round(rebuild_s, 1),
        "clusters_2plus": len(bot.clusters(min_size=2, limit=10**9)),
        **score(article, cluster, recurring),
        **{f"inside_{k}": v for k, v in score(article, cluster, inside).items()},
        **latencies(bot, recurring, args.queries),
        **{f"{half}_{k}": v for half, scores in by_hand.items() for k, v in scores.items()},
    }
    result["clustering_share"] = round(result["clustering_s"] / max(ingest_s, 1e-9), 3)
    _print(result, db, recurring, article, cluster, args.samples)
    wrong = tracking_gold.verdicts(hand, hand_clusters)
    print(f"\nhand-checked pairs with the wrong verdict ({len(wrong)}):", *wrong, sep="\n")
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "tracking.json").write_text(json.dumps(result, indent=2) + "\n")
    bot.close()
    return 0


def _print(result: dict[str, Any], db: Any, recurring: dict[str, set[str]],
           article: dict[str, str], cluster: dict[str, str], samples: int) -> None:
    print("| measure | value |\n|---|---|")
    for key, value in result.items():
        print(f"| {key} | {value} |")
    rng = random.Random(1)
    print("\nSample of gold recurrences (read to check), with the clusterer's verdict:")
    for quote in rng.sample(sorted(recurring), min(samples, len(recurring))):
        a, b = next(tuple(sorted(p)) for p in pairs(recurring[quote], article))
        texts = dict(db.execute("SELECT id, text FROM sentences WHERE id IN (?, ?)", (a, b)))
        same = "same cluster" if cluster[a] == cluster[b] else "APART"
        print(f"- [{same}] {quote[:90]!r}\n    {article[a]}: {texts[a][:140]}\n"
              f"    {article[b]}: {texts[b][:140]}")
    joined = db.execute(
        "SELECT s.text, f.text, k.sentence_id FROM clusters k JOIN sentences s ON s.id = "
        "k.sentence_id JOIN sentences f ON f.id = k.cluster WHERE k.how = 'paraphrase' "
        "ORDER BY k.sentence_id").fetchall()
    print(f"\nparaphrase joins: {len(joined)}; a sample (the claim, then its cluster's first):")
    for text, first, _ in rng.sample(joined, min(samples, len(joined))):
        print(f"- {text[:160]}\n  = {first[:160]}")
    sizes = [len(v) for v in recurring.values()]
    if sizes:
        print(f"\ngold quotations: {len(sizes)}, claims per quotation: median "
              f"{statistics.median(sizes)}, max {max(sizes)}")


if __name__ == "__main__":
    sys.exit(main())
