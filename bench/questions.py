"""Questions a journalist asks, scored on the lines the product cites.

Usage (from the project root)::

    .venv/bin/python bench/questions.py [--home DIR] [--set bench/questions.jsonl] [--only ID…]

A fixed corpus goes in through `ClaimBot.ingest` into a fresh home (or --home, reused when
already built; unchanged files are skipped): the seed article, all of BBC politics (outlet
"BBC", undated) and the PolNeAR train and dev articles listed in bench/questions_polnear.txt
(outlet = publisher, date from the file name, checked against metadata.tsv; never test).
Every question of the set (bench/question_set.py) is then asked with `ClaimBot.ask(question)`,
as a user asks it, and the first five citations are scored against its gold lines:

- must-recall@5: |must lines cited| / min(|must|, 5), over answerable questions;
- precision@5: share of the citations (at most 5) on a must or ok line, same questions;
- declines: an answer declines when `Answer.declined` is set or it is not `covered` (nothing
  cited, or only the nearest claim marked off the topic). Every unanswerable question must
  decline; an answerable one that declines scores 0 and 0.

Prints Markdown tables (overall, by part, by kind) and every failing question with what it
cited, and writes JSON to bench/out/questions.json. Exit status 2 when the corpus is absent.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.machine import ROOT, SHARED, cpu_model, git_commit
from bench.question_report import print_report
from bench.question_set import Item, line_key, load

CORPUS = SHARED / "corpus"
POLNEAR_LIST = ROOT / "bench" / "questions_polnear.txt"
METADATA = CORPUS / "polnear" / "data" / "metadata.tsv"
TOP = 5


def polnear_files() -> dict[str, list[Path]]:
    """The listed PolNeAR articles by publisher; a test or unlisted split is an error."""
    with open(METADATA, encoding="utf-8") as f:
        meta = {r["filename"]: r for r in csv.DictReader(f, delimiter="\t")}
    groups: dict[str, list[Path]] = {}
    for rel in POLNEAR_LIST.read_text(encoding="utf-8").split():
        row = meta[Path(rel).stem]
        if row["compartment"] not in ("train", "dev") or f"/{row['compartment']}/" not in rel:
            raise SystemExit(f"{POLNEAR_LIST}: {rel} is not a train or dev article")
        groups.setdefault(row["publisher"], []).append(CORPUS / rel)
    return groups


def build(bot: Any) -> dict[str, Any]:
    """Ingest the corpus; what was ingested, and how long it took."""
    began = time.perf_counter()
    reports = [bot.ingest([CORPUS / "seed"]),
               bot.ingest([CORPUS / "bbc" / "bbc" / "politics"], outlet="BBC")]
    for publisher, files in sorted(polnear_files().items()):
        reports.append(bot.ingest(files, outlet=publisher))
    skipped = [s for r in reports for s in r.skipped]
    if skipped:
        print(f"skipped at ingest: {skipped}", file=sys.stderr)
    _check_dates(bot)
    return {"articles": len(bot.articles()), "ingest_s": round(time.perf_counter() - began, 1),
            "added": sum(len(r.added) for r in reports), "skipped": len(skipped)}


def _check_dates(bot: Any) -> None:
    """Each PolNeAR article's stored date (read from its file name) is metadata.tsv's."""
    with open(METADATA, encoding="utf-8") as f:
        dates = {r["filename"]: r["publication_date"] for r in csv.DictReader(f, delimiter="\t")}
    wrong = [(a.path, a.meta.date) for a in bot.articles()
             if Path(a.path).stem in dates and a.meta.date != dates[Path(a.path).stem]]
    if wrong:
        raise SystemExit(f"stored dates differ from metadata.tsv: {wrong[:5]}")


def relative(path: str) -> str:
    """A cited path relative to the corpus folder (as the gold writes it)."""
    try:
        return Path(path).resolve().relative_to(CORPUS.resolve()).as_posix()
    except ValueError:
        return path


def score(item: Item, answer: Any) -> dict[str, Any]:
    """One question's result: how it declined, what it cited, and its scores."""
    declined = answer.declined or (None if answer.covered else "not-covered")
    cited = []
    for c in answer.citations[:TOP]:
        path = relative(c.path)
        key = line_key(CORPUS, path, c.line) if (CORPUS / path).is_file() else f"{path}:{c.line}"
        cited.append({"path": path, "line": c.line, "speaker": c.speaker, "text": c.text,
                      "key": key})
    result: dict[str, Any] = {"id": item.id, "question": item.question, "part": item.part,
                              "kind": item.kind, "unanswerable": item.unanswerable,
                              "declined": declined, "cited": cited}
    if item.unanswerable:
        return {**result, "passed": declined is not None}
    must = {line_key(CORPUS, p, n) for p, n in item.must}
    gold = must | {line_key(CORPUS, p, n) for p, n in item.ok}
    for c in cited:
        c["gold"] = "must" if c["key"] in must else "ok" if c["key"] in gold else None
    if declined or not cited:
        recall = precision = 0.0
    else:
        keys = {c["key"] for c in cited}
        recall = len(must & keys) / min(len(must), TOP)
        precision = sum(c["gold"] is not None for c in cited) / len(cited)
    return {**result, "recall": round(recall, 4), "precision": round(precision, 4),
            "lines_cited": len({c["key"] for c in cited}),
            "passed": recall == 1.0 and precision == 1.0}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home", type=Path, help="store to build or reuse (default: temporary)")
    ap.add_argument("--set", type=Path, default=ROOT / "bench" / "questions.jsonl")
    ap.add_argument("--only", nargs="*", help="ask only these question ids")
    args = ap.parse_args()
    if not (CORPUS / "bbc" / "bbc" / "politics").is_dir() or not METADATA.is_file():
        print(f"corpus absent under {CORPUS}", file=sys.stderr)
        return 2
    from bot import ClaimBot
    from index import Settings

    items = [i for i in load(args.set) if not args.only or i.id in args.only]
    home = args.home or Path(tempfile.mkdtemp(prefix="claimtrack-questions-"))
    bot = ClaimBot(settings=Settings(home=home))
    try:
        built = build(bot)
        began = time.perf_counter()
        results = [score(item, bot.ask(item.question)) for item in items]
        asked_s = time.perf_counter() - began
    finally:
        bot.close()
    run = {"date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "cpu": cpu_model(),
           "commit": git_commit(ROOT), "command": " ".join(sys.argv), **built,
           "questions": len(results), "ask_ms_mean": round(1000 * asked_s / len(results), 1)}
    summary = print_report(run, results)
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "questions.json").write_text(
        json.dumps({**run, **summary, "results": results}, indent=2, ensure_ascii=False) + "\n",
        encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
