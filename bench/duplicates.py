"""Duplicate articles in a corpus: every pair, its similarity, and what the product decides.

Usage (from the project root)::

    HF_HUB_OFFLINE=1 .venv/bin/python bench/duplicates.py [--corpus DIR] [--floor F]
                                                          [--show N] [--ingest N]

1. Reads every file as ingest does (`iter_sources`, then the punctuation repair of `prepare`)
   and fingerprints it (`index.fingerprints`), timing that per file.
2. Compares every pair of files by brute force (no LSH), so pairs that the LSH index could
   miss are listed too: each pair whose estimated Jaccard is at least `--floor`, with its
   exact Jaccard over the word 3-gram sets, whether the normalised texts are equal, and
   whether `Duplicates` (the product's LSH lookup, files in order) calls it a duplicate.
3. With ``--ingest N``: ingests the first N files (round-robin over folders) into a fresh
   home through `ClaimBot.ingest` and prints the report's counts and the time.

Pairs are printed with their first lines (BBC: the headline) and sizes, to be read.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.bbc import pick_files
from index.fingerprints import THRESHOLD, Duplicates, fingerprint, normalise, shingles
from index.reading.files import iter_sources
from index.reading.repairing import repair_punctuation
from index.records import Source


def read(files: list[Path]) -> list[Source]:
    """The files as ingest reads them (unreadable ones left out, with a note on stderr)."""
    sources = []
    for item in iter_sources([str(f) for f in files]):
        if isinstance(item, Source):
            sources.append(item)
        else:
            print(f"skipped {item.path}: {item.reason}", file=sys.stderr)
    return sources


def pairs(texts: list[str], floor: float) -> tuple[list[tuple[int, int, float]], float]:
    """Pairs with estimated Jaccard >= floor, brute force, and the fingerprinting seconds."""
    began = time.perf_counter()
    prints = [fingerprint(t) for t in texts]
    seconds = time.perf_counter() - began
    signatures = np.stack([np.frombuffer(p.signature, np.uint64) for p in prints])
    found = []
    for i in range(len(texts) - 1):
        scores = (signatures[i + 1 :] == signatures[i]).mean(axis=1)
        found += [(i, i + 1 + int(j), float(scores[j])) for j in np.nonzero(scores >= floor)[0]]
    return found, seconds


def decided(texts: list[str]) -> tuple[dict[int, int], float]:
    """What the product's lookup calls each file: the earlier file it repeats; and seconds."""
    began = time.perf_counter()
    index, verdict = Duplicates(), {}
    for i, text in enumerate(texts):
        print_ = fingerprint(text)
        hit = index.find(print_, text, lambda a: texts[int(a)])
        if hit is None:
            index.add(str(i), print_)
        else:
            verdict[i] = int(hit[0])
    return verdict, time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default="../shared/corpus/bbc")
    parser.add_argument("--floor", type=float, default=0.3)
    parser.add_argument("--show", type=int, default=1000, help="pairs printed at most")
    parser.add_argument("--ingest", type=int, default=0)
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"no corpus at {corpus}", file=sys.stderr)
        return 2
    sources = read(pick_files(corpus, None))
    texts = [repair_punctuation(s.text)[0] for s in sources]
    found, seconds = pairs(texts, args.floor)
    verdict, lookup = decided(texts)
    print(f"{len(texts)} files; fingerprints {seconds:.2f} s ({1000 * seconds / len(texts):.2f}"
          f" ms/file); fingerprint + LSH lookup, files in order, {lookup:.2f} s")
    print(f"pairs with estimated Jaccard >= {args.floor}: {len(found)}; files called a "
          f"duplicate by the product (exact Jaccard >= {THRESHOLD}): {len(verdict)}")
    print("| estimated | exact Jaccard | same normalised | product | a | b | words a/b "
          "| first line |")
    print("|---|---|---|---|---|---|---|---|")
    for i, j, score in sorted(found, key=lambda p: -p[2])[: args.show]:
        a, b = shingles(normalise(texts[i])), shingles(normalise(texts[j]))
        exact = len(a & b) / len(a | b)
        same = normalise(texts[i]) == normalise(texts[j])
        call = "dup" if verdict.get(j) == i or verdict.get(i) == j else "-"
        name = lambda k: str(Path(sources[k].path).relative_to(corpus.resolve()))  # noqa: E731
        words = f"{len(texts[i].split())}/{len(texts[j].split())}"
        first = texts[i].strip().splitlines()[0][:60]
        print(f"| {score:.3f} | {exact:.3f} | {same} | {call} | {name(i)} | {name(j)} | {words}"
              f" | {first} |")
    if args.ingest:
        ingest(pick_files(corpus, args.ingest))
    return 0


def ingest(files: list[Path]) -> None:
    """Ingest `files` into a fresh home through `ClaimBot.ingest`, timing the duplicate check
    inside it (fingerprinting in `prepare`, and every `Copies` call); print counts and times."""
    from bot.claimbot import ClaimBot
    from index import copies, preparation

    spent = {"fingerprint": 0.0, "lookup": 0.0}

    def timed(function: Any, what: str) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            began = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[what] += time.perf_counter() - began
        return wrapper

    preparation.fingerprint = timed(preparation.fingerprint, "fingerprint")  # type: ignore[assignment]
    for name in ("find", "add", "written", "backfill", "lookup"):
        original = getattr(copies.Copies, name)
        if isinstance(original, property):
            setattr(copies.Copies, name, property(timed(original.fget, "lookup")))
        else:
            setattr(copies.Copies, name, timed(original, "lookup"))
    with tempfile.TemporaryDirectory() as home:
        bot = ClaimBot(home=home)
        report = bot.ingest([str(f) for f in files])
        print(f"ingest of {len(files)} files: added {len(report.added)}, duplicates "
              f"{len(report.duplicates)}, skipped {len(report.skipped)}, {report.sentences} "
              f"sentences, {report.seconds:.1f} s; duplicate check inside it: fingerprints "
              f"{spent['fingerprint']:.2f} s, lookups {spent['lookup']:.2f} s "
              f"({100 * sum(spent.values()) / report.seconds:.2f}% of the ingest)")
        spent.update(fingerprint=0.0, lookup=0.0)
        again = bot.ingest([str(f) for f in files])
        print(f"re-ingest: unchanged {len(again.unchanged)}, {again.sentences} sentences, "
              f"{again.seconds:.2f} s; duplicate check {sum(spent.values()):.2f} s")
        bot.close()


if __name__ == "__main__":
    sys.exit(main())
