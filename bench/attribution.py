"""Speaker-attribution benchmark on PolNeAR: extract claims, score them, time the extractor.

Usage (from the project root):
    .venv/bin/python bench/attribution.py --split dev [--n-process 2] [--out claims.jsonl]

The corpus is read from ../shared/corpus/polnear relative to the project root (or --polnear),
articles are split into sentences with `index.reading.splitting.split_text`, claims are extracted
with `index.attribution.extraction.extract_claims_many`, written as the JSONL that
../shared/eval/polnear_score.py reads, and scored with it. Speed counts only the extraction
(file reading and sentence splitting are timed separately). Tune on train/dev only.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from index.attribution.extraction import extract_claims_many  # noqa: E402
from index.attribution.language import load_nlp  # noqa: E402
from index.reading.splitting import split_text  # noqa: E402
from index.records import Sentence  # noqa: E402

SHARED = ROOT.parent / "shared"


def read_split(polnear: Path, split: str, limit: int | None) -> dict[str, str]:
    """Article texts of one split by file stem, decoded exactly as the scorer does."""
    folder = polnear / "data" / split / "text"
    if not folder.is_dir():
        sys.exit(f"no PolNeAR texts at {folder}; pass --polnear")
    paths = sorted(folder.glob("*.txt"))[:limit]
    texts = {}
    for path in paths:
        with open(path, encoding="utf-8", newline="") as f:
            texts[path.stem] = f.read()
    return texts


def sentences_of(article: str, text: str) -> list[Sentence]:
    """Sentence records of one article."""
    return [
        Sentence(f"{article}:{i}", article, i, span.line, span.start, span.end,
                 text[span.start : span.end])
        for i, span in enumerate(split_text(text))
    ]


def write_claims(path: Path, texts: dict[str, str], claims: list[list], sentences: list,
                 span: str) -> int:
    """Write claims in the scorer's JSONL format; returns the number written.

    With span "sentence" a claim covers its whole sentence (the scorer accepts either);
    with "content", the content span the extractor found.
    """
    count = 0
    with open(path, "w", encoding="utf-8") as f:
        for (article, text), found, sents in zip(texts.items(), claims, sentences, strict=True):
            by_id = {s.id: s for s in sents}
            for c in found:
                start, end = c.start, c.end
                if span == "sentence":
                    start, end = by_id[c.sentence_id].start, by_id[c.sentence_id].end
                record = {"article": article, "start": start, "end": end, "line": c.line,
                          "speaker": c.speaker, "mention": c.speaker_mention, "cue": c.cue,
                          "text": text[start:end]}
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
    return count


def _cpu_seconds() -> float:
    """CPU time of this process and its finished workers (the machine may be shared, so
    wall-clock speed alone can mislead)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="dev", choices=["train", "dev", "test"])
    ap.add_argument("--polnear", type=Path, default=SHARED / "corpus" / "polnear")
    ap.add_argument("--scorer", type=Path, default=SHARED / "eval" / "polnear_score.py")
    ap.add_argument("--out", type=Path, help="claims JSONL (default: a temporary file)")
    ap.add_argument("--limit", type=int, help="first N articles only")
    ap.add_argument("--n-process", type=int, default=1, help="extraction worker processes")
    ap.add_argument("--batch-size", type=int, default=128)
    ap.add_argument("--span", choices=["content", "sentence"], default="content",
                    help="claim span written for the scorer (default: the content span)")
    ap.add_argument("--tagger", type=Path, help="trained span tagger folder (second opinion)")
    ap.add_argument("--second", choices=["off", "named", "carry"], default="off",
                    help="ask the tagger about sentences the rules leave without a claim")
    return ap.parse_args(argv)


def score(args: argparse.Namespace, claims_path: Path) -> int:
    """Run the PolNeAR scorer on the claims file and print its report."""
    result = subprocess.run(
        [sys.executable, str(args.scorer), "--split", args.split, "--claims", str(claims_path),
         "--polnear", str(args.polnear), "--samples", "0"],
        capture_output=True, text=True, check=False,
    )
    print(result.stdout.rstrip())
    if result.returncode:
        print(result.stderr.rstrip(), file=sys.stderr)
    return result.returncode


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    texts = read_split(args.polnear, args.split, args.limit)
    read_s = time.perf_counter() - started
    started = time.perf_counter()
    articles = [(text, sentences_of(name, text)) for name, text in texts.items()]
    split_s = time.perf_counter() - started
    n_sentences = sum(len(s) for _, s in articles)

    nlp = load_nlp()
    started, cpu_started = time.perf_counter(), _cpu_seconds()
    claims = extract_claims_many(articles, nlp, batch_size=args.batch_size,
                                 n_process=args.n_process, tagger=args.tagger,
                                 second=args.second)
    extract_s = time.perf_counter() - started
    cpu_s = _cpu_seconds() - cpu_started

    out = args.out or Path(tempfile.mkdtemp()) / f"claims_{args.split}.jsonl"
    written = write_claims(out, texts, claims, [s for _, s in articles], args.span)
    print(f"{len(texts)} articles, {n_sentences} sentences; read {read_s:.2f}s, "
          f"split {split_s:.2f}s; {written} claims -> {out}")
    print(f"attribution: {extract_s:.2f}s = {n_sentences / extract_s:.0f} sentences/s "
          f"(n_process={args.n_process}; CPU time {cpu_s:.2f}s with workers, "
          f"load average {os.getloadavg()[0]:.1f})")
    return score(args, out)


if __name__ == "__main__":
    sys.exit(main())
