"""Speaker-attribution benchmark: PolNeAR or BBC dev, scored through the product.

Usage (from the project root):
    .venv/bin/python bench/attribution.py --split dev [--out claims.jsonl] [--home DIR]
    .venv/bin/python bench/attribution.py --bbc [--out claims.jsonl]
    .venv/bin/python bench/attribution.py --split train --stage-only [--n-process 2]

The headline is the product: the split's texts are ingested through `ClaimBot.ingest` into a
store (temporary, or --home, which keeps the embedding cache for the next run) and the claims
of `ClaimBot.claims()`, with the speaker names users see, are written as the JSONL that
../shared/eval/polnear_score.py (or bbc_attribution_score.py with --bbc) reads, and scored.
The extraction stage alone (`index.attribution.extraction.extract_claims_many` on
`split_text`'s sentences of the raw text, no cross-article identities) is scored too, as a
diagnostic line, and timed: speed counts only the extraction. A second diagnostic scores the
ingested claims under the speaker names extraction stored, before cross-article identities:
its difference to the product is what identities change; its difference to the stage is what
ingest's text repair changes. Last, the product claims' confidence is checked against the
share of them that is right, per confidence band (`bench/calibration.py`). Tune on PolNeAR
train/dev and BBC dev only.
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
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.calibration import judge_bbc, judge_polnear, table  # noqa: E402
from bench.product import (  # noqa: E402
    bbc_articles,
    bbc_key,
    polnear_key,
    product_claims,
    read_texts,
    store,
)
from bench.product import write_claims as write_product_claims  # noqa: E402
from index.attribution.extraction import extract_claims_many  # noqa: E402
from index.attribution.language import load_nlp  # noqa: E402
from index.corpus import SHIPPED_TAGGER  # noqa: E402
from index.reading.splitting import split_text  # noqa: E402
from index.records import Sentence  # noqa: E402
from index.settings import Settings  # noqa: E402

SHARED = ROOT.parent / "shared"


def split_paths(polnear: Path, split: str, limit: int | None) -> list[Path]:
    """The article files of one PolNeAR split, sorted."""
    folder = polnear / "data" / split / "text"
    if not folder.is_dir():
        sys.exit(f"no PolNeAR texts at {folder}; pass --polnear")
    return sorted(folder.glob("*.txt"))[:limit]


def sentences_of(article: str, text: str) -> list[Sentence]:
    """Sentence records of one article."""
    return [
        Sentence(f"{article}:{i}", article, i, span.line, span.start, span.end,
                 text[span.start : span.end])
        for i, span in enumerate(split_text(text))
    ]


def write_claims(path: Path, texts: dict[str, str], claims: list[list], sentences: list,
                 span: str) -> int:
    """Write the extraction stage's claims in the scorer's JSONL format; returns the number.

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
    ap.add_argument("--bbc", action="store_true",
                    help="score the 40 BBC dev articles of --bbc-gold instead of PolNeAR")
    ap.add_argument("--polnear", type=Path, default=SHARED / "corpus" / "polnear")
    ap.add_argument("--scorer", type=Path, default=SHARED / "eval" / "polnear_score.py")
    ap.add_argument("--bbc-gold", type=Path, default=SHARED / "eval" / "bbc_attribution_dev.jsonl")
    ap.add_argument("--bbc-scorer", type=Path,
                    default=SHARED / "eval" / "bbc_attribution_score.py")
    ap.add_argument("--out", type=Path, help="product claims JSONL (default: a temporary file); "
                    "the stage's go next to it with the suffix .stage.jsonl")
    ap.add_argument("--home", type=Path, help="keep the product's store here (default: a "
                    "temporary one); its embedding cache speeds up the next run")
    ap.add_argument("--stage-only", action="store_true",
                    help="score and time the extraction stage only, no ingest")
    ap.add_argument("--limit", type=int, help="first N articles only")
    ap.add_argument("--n-process", type=int, default=1, help="extraction worker processes")
    ap.add_argument("--batch-size", type=int, default=128)
    ap.add_argument("--span", choices=["content", "sentence"], default="content",
                    help="claim span written for the scorer (default: the content span)")
    ap.add_argument("--tagger", type=Path, help="trained span tagger folder (second opinion)")
    ap.add_argument("--second", choices=["off", "named", "carry"], default=None,
                    help="ask the tagger about sentences the rules leave without a claim "
                         "(default: the product's setting, carry, with the shipped tagger)")
    return ap.parse_args(argv)


def score(args: argparse.Namespace, claims_path: Path) -> tuple[int, str, dict]:
    """Run the split's scorer on a claims file: (exit status, report, headline JSON)."""
    if args.bbc:
        command = [str(args.bbc_scorer), "--gold", str(args.bbc_gold)]
    else:
        command = [str(args.scorer), "--split", args.split, "--polnear", str(args.polnear),
                   "--samples", "0"]
    result = subprocess.run([sys.executable, *command, "--claims", str(claims_path)],
                            capture_output=True, text=True, check=False)
    if result.returncode:
        print(result.stderr.rstrip(), file=sys.stderr)
        return result.returncode, result.stdout, {}
    report = result.stdout.rstrip()
    # The PolNeAR scorer ends with one JSON line; the BBC scorer prints one JSON document.
    headline = json.loads(report if args.bbc else report.splitlines()[-1])
    return 0, report, headline


def summary(args: argparse.Namespace, figures: dict) -> str:
    """One line of the figures that matter."""
    if not figures:
        return "no score"
    if args.bbc:
        forms = ", ".join(f"{form} {v['recall']}" for form, v in
                          figures["per_form_recall"].items())
        return (f"recall {figures['recall']:.4f} precision {figures['precision']:.4f} "
                f"F1 {figures['f1']:.4f} ({forms})")
    return (f"strict P/R/F1 {figures['strict_precision']:.4f} / {figures['strict_recall']:.4f}"
            f" / {figures['strict_f1']:.4f}")


def run_stage(args: argparse.Namespace, texts: dict[str, str], out: Path) -> tuple[int, dict]:
    """Extract, time and score the extraction stage; prints its lines."""
    started = time.perf_counter()
    articles = [(text, sentences_of(name, text)) for name, text in texts.items()]
    split_s = time.perf_counter() - started
    n_sentences = sum(len(s) for _, s in articles)
    nlp = load_nlp()
    started, cpu_started = time.perf_counter(), _cpu_seconds()
    # The product's defaults unless the command line says otherwise.
    second = args.second or Settings().attribution_second
    tagger = str(args.tagger or Settings().attribution_tagger or SHIPPED_TAGGER)
    claims = extract_claims_many(articles, nlp, batch_size=args.batch_size,
                                 n_process=args.n_process, tagger=tagger, second=second)
    extract_s = time.perf_counter() - started
    cpu_s = _cpu_seconds() - cpu_started
    written = write_claims(out, texts, claims, [s for _, s in articles], args.span)
    print(f"stage: {len(texts)} articles, {n_sentences} sentences, split {split_s:.2f}s; "
          f"{written} claims -> {out}")
    print(f"stage attribution: {extract_s:.2f}s = {n_sentences / extract_s:.0f} sentences/s "
          f"(n_process={args.n_process}; CPU time {cpu_s:.2f}s with workers, "
          f"load average {os.getloadavg()[0]:.1f})")
    status, report, figures = score(args, out)
    if args.stage_only:
        print(report)
    print(f"stage (extraction only, diagnostic): {summary(args, figures)}")
    return status, figures


def run_product(args: argparse.Namespace, paths: list[Path], texts: dict[str, str],
                key: Callable[[str], str], out: Path) -> int:
    """Ingest through `ClaimBot`, score `ClaimBot.claims()`; prints the scorer's report."""
    with store(args.home) as home:
        ingested = product_claims(paths, home, args.tagger, args.second)
    written = write_product_claims(out, ingested, texts, key, args.span)
    print(f"product: ingest {ingested.seconds:.1f}s; {written} claims -> {out}")
    before = out.with_suffix(".extracted.jsonl")
    write_product_claims(before, ingested, texts, key, args.span, extracted=True)
    _, _, extracted = score(args, before)
    # The same claims with the names extraction stored: what identities change, alone.
    print(f"ingested, before identities (diagnostic): {summary(args, extracted)}")
    status, report, figures = score(args, out)
    print(report)
    print(f"product (ClaimBot.claims()): {summary(args, figures)}")
    print(calibration(args, out))
    return status


def calibration(args: argparse.Namespace, claims_path: Path) -> str:
    """The product claims' confidence against the share right, per band
    (`bench/calibration.py`)."""
    with open(claims_path, encoding="utf-8") as f:
        claims = [json.loads(line) for line in f if line.strip()]
    confidences = [c["confidence"] for c in claims]
    if args.bbc:
        return table("calibration, BBC dev (product claims)", confidences,
                     judge_bbc(claims, args.bbc_gold))
    strict = judge_polnear(claims, args.polnear, args.split)
    proxy = judge_polnear(claims, args.polnear, args.split, plausible=True)
    return "\n\n".join((
        table(f"calibration, PolNeAR {args.split} (product claims; strict rule, claims on "
              "unnamed sources left out)", confidences, strict),
        table(f"calibration, PolNeAR {args.split} (unnamed sources judged by the nearest "
              "named one)", confidences, proxy)))


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.bbc:
        paths, key = bbc_articles(args.bbc_gold, SHARED)[: args.limit], bbc_key
        texts = read_texts(paths, key, errors="replace")  # the gold's offsets
    else:
        paths, key = split_paths(args.polnear, args.split, args.limit), polnear_key
        texts = read_texts(paths, key)
    name = "bbc_dev" if args.bbc else args.split
    out = args.out or Path(tempfile.mkdtemp()) / f"claims_{name}.jsonl"
    status, _ = run_stage(args, texts, out.with_suffix(".stage.jsonl"))
    if args.stage_only:
        return status
    return run_product(args, paths, texts, key, out) or status


if __name__ == "__main__":
    sys.exit(main())
