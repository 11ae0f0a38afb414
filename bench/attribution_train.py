"""Train the attribution span tagger (SOURCE / CUE / CONTENT) from PolNeAR train, on CPU.

Usage (from the project root; `make attribution-model` runs the same):
    .venv/bin/python bench/attribution_train.py [--out build/attribution-model] [--max-steps 3000]
        [--config bench/configs/attribution_ner.cfg]

Converts PolNeAR train and dev to DocBins (`bench/attribution_data.py`) unless they exist,
then runs ``spacy train bench/configs/attribution_ner.cfg`` with a fixed seed on CPU, selecting
the checkpoint on PolNeAR dev (entity F1). The pipeline is written to <out>/model-best; its
size and the wall time are printed. Never reads the test split.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.attribution_data import POLNEAR, convert  # noqa: E402

CONFIG = ROOT / "bench" / "configs" / "attribution_ner.cfg"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--polnear", type=Path, default=POLNEAR)
    ap.add_argument("--data", type=Path, default=ROOT / "build" / "attribution-data")
    ap.add_argument("--out", type=Path, default=ROOT / "build" / "attribution-model")
    ap.add_argument("--max-steps", type=int, default=3000)
    ap.add_argument("--eval-frequency", type=int, default=500)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--config", type=Path, default=CONFIG,
                    help="spaCy training config (default: the shipped tagger's)")
    args = ap.parse_args(argv)
    started = time.perf_counter()
    for split in ("train", "dev"):
        if not (args.data / f"{split}.spacy").exists():
            n, cued = convert(args.polnear, split, args.data)
            print(f"{split}: {n} sentences, {cued} with a cue")
    cmd = [sys.executable, "-m", "spacy", "train", str(args.config), "--gpu-id", "-1",
           "--code", str(ROOT / "bench" / "attribution_code.py"), "--output", str(args.out),
           "--paths.train", str(args.data / "train.spacy"),
           "--paths.dev", str(args.data / "dev.spacy"),
           "--system.seed", str(args.seed), "--training.max_steps", str(args.max_steps),
           "--training.eval_frequency", str(args.eval_frequency)]
    code = subprocess.run(cmd, check=False).returncode
    best = args.out / "model-best"
    size = sum(p.stat().st_size for p in best.rglob("*") if p.is_file()) if best.is_dir() else 0
    print(f"trained in {time.perf_counter() - started:.0f}s; {best}: {size / 1e6:.1f} MB")
    return code


if __name__ == "__main__":
    sys.exit(main())
