"""Fit the claim-confidence model (index/attribution/articles/confidence.json) on PolNeAR train.

Usage (from the project root):
    .venv/bin/python bench/confidence_fit.py [--n-process 2] [--out FILE]
    .venv/bin/python bench/confidence_fit.py --check dev      # the shipped weights, on dev

Extraction runs as the product runs it (rules, the shipped span tagger's second opinion, the
headline step) on the split's texts cut by the product's splitter; every claim's `Evidence`
is kept. Each claim is judged right or wrong by PolNeAR's strict speaker rule
(`bench/calibration.py`; claims on relations whose source names no one are judged by the
nearest named source before them), and a logistic regression over the evidence's one-hot
features is fitted by Newton's method (L2 penalty 1.0 on the weights, none on the intercept,
features seen fewer than 5 times left out). The fit is deterministic: no sampling, no seed
needed; the same code and data give the same file. The per-band table of the fitted split is
printed. Never reads the test split.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.attribution import sentences_of  # noqa: E402
from bench.attribution_data import POLNEAR, read_texts  # noqa: E402
from bench.calibration import judge_polnear, table  # noqa: E402
from index.attribution.articles.confidence import (  # noqa: E402
    WEIGHTS,
    Evidence,
    confidence_of,
    load_weights,
)
from index.attribution.extraction import extract_evidenced_many  # noqa: E402
from index.attribution.language import load_nlp  # noqa: E402
from index.corpus import SHIPPED_TAGGER  # noqa: E402
from index.settings import Settings  # noqa: E402

PENALTY = 1.0
MIN_COUNT = 5


def claims_with_evidence(polnear: Path, split: str, n_process: int
                         ) -> list[tuple[dict, Evidence]]:
    """The split's claims as scorer records, each with its evidence."""
    texts = read_texts(polnear, split)
    articles = [(text, sentences_of(stem, text)) for stem, text in texts.items()]
    settings = Settings()
    found = extract_evidenced_many(
        articles, load_nlp(), n_process=n_process,
        tagger=str(settings.attribution_tagger or SHIPPED_TAGGER),
        second=settings.attribution_second)
    out = []
    for stem, (claims, evidence) in zip(texts, found, strict=True):
        for c in claims:
            record = {"article": stem, "start": c.start, "end": c.end, "speaker": c.speaker,
                      "confidence": c.confidence}
            out.append((record, evidence[c.sentence_id]))
    return out


def fit(rows: list[list[str]], right: list[bool]) -> dict:
    """Logistic regression over one-hot features: {"intercept", "weights"}."""
    counts = Counter(f for features in rows for f in features)
    names = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    column = {f: i + 1 for i, f in enumerate(names)}
    x = np.zeros((len(rows), len(names) + 1))
    x[:, 0] = 1.0
    for r, features in enumerate(rows):
        for f in features:
            if f in column:
                x[r, column[f]] = 1.0
    y = np.array(right, dtype=float)
    penalty = np.full(x.shape[1], PENALTY)
    penalty[0] = 0.0
    w = np.zeros(x.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        gradient = x.T @ (y - p) - penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w += step
        if np.abs(step).max() < 1e-8:
            break
    return {"intercept": round(float(w[0]), 4),
            "weights": {f: round(float(w[column[f]]), 4) for f in names}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--polnear", type=Path, default=POLNEAR)
    ap.add_argument("--split", default="train", choices=["train", "dev"])
    ap.add_argument("--check", choices=["train", "dev"],
                    help="only report the shipped weights' bands on this split")
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--out", type=Path, default=WEIGHTS,
                    help="weights file (default: the shipped "
                         "index/attribution/articles/confidence.json)")
    args = ap.parse_args(argv)
    split = args.check or args.split
    found = claims_with_evidence(args.polnear, split, args.n_process)
    records = [r for r, _ in found]
    proxy = judge_polnear(records, args.polnear, split, plausible=True)
    strict = judge_polnear(records, args.polnear, split)
    if not args.check:
        judged = [(e.features(), r) for (_, e), r in zip(found, proxy, strict=True)
                  if r is not None]
        model = fit([f for f, _ in judged], [bool(r) for _, r in judged])
        model = {"fitted_on": f"PolNeAR {split}, {len(judged)} claims (bench/confidence_fit.py)",
                 **model}
        args.out.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"{len(judged)} claims judged; {len(model['weights'])} features -> {args.out}")
        load_weights.cache_clear()  # extraction read the file before it was rewritten
    confidences = [confidence_of(e, args.out) for _, e in found]
    print(table(f"PolNeAR {split}, strict rule (claims on unnamed sources left out)",
                confidences, strict))
    print()
    print(table(f"PolNeAR {split}, unnamed sources judged by the nearest named one",
                confidences, proxy))
    return 0


if __name__ == "__main__":
    sys.exit(main())
