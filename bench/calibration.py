"""Is a claim's confidence the share of claims that are right? Per-claim judgments and bands.

Each claim (a scorer JSONL record with its ``confidence``) is judged right or wrong by the rules
of the official scorers, which are imported from ../shared/eval, not copied:
  - BBC dev (`bbc_attribution_score.py`): right when it overlaps a gold attribution sentence
    whose speaker it matches; wrong when it overlaps only sentences that report nothing, or
    names another speaker.
  - PolNeAR (`polnear_score.py`, strict rule): right when it matches a named gold relation
    whose key is its speaker's key; wrong when it matches named relations under another key,
    or no relation of G at all. A claim matching only relations whose source names no one
    ("he", "officials") cannot be judged by the gold (PolNeAR has no coreference): it is
    left out (None), unless `plausible` is set, which judges it by the nearest named gold
    source before it, in its paragraph or the two before (whom "he" most likely refers
    to), or left out when there is none that close. The fit uses that proxy; reports print
    both.
`bands` tabulates claims and the share right per confidence band.
"""

from __future__ import annotations

import importlib.util
import itertools
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
BANDS = (0.0, 0.5, 0.7, 0.85, 1.0)


def scorer(name: str) -> ModuleType:
    """One of the official scorers in ../shared/eval, imported as a module."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, EVAL / f"{name}.py")
    if spec is None or spec.loader is None:
        sys.exit(f"no scorer {EVAL / name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the body runs
    spec.loader.exec_module(module)
    return module


def judge_bbc(claims: Sequence[dict], gold_path: Path) -> list[bool]:
    """Right or wrong for each claim, by the BBC scorer's rules (see the module docstring)."""
    bbc = scorer("bbc_attribution_score")
    gold = bbc.load_jsonl(str(gold_path))
    by_article: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        by_article[bbc.article_key(g["article"])].append(g)
    out = []
    for c in claims:
        start, end = bbc.span(c)
        hits = [g for g in by_article.get(bbc.article_key(c["article"]), [])
                if start < g["end"] and g["start"] < end and g.get("attribution")]
        out.append(any(bbc.speaker_matches(c.get("speaker"), g.get("accept") or [g["speaker"]],
                                           g.get("speaker_kind")) for g in hits))
    return out


def judge_polnear(claims: Sequence[dict], polnear: Path, split: str, plausible: bool = False
                  ) -> list[bool | None]:
    """Right, wrong or None (not judged) for each claim, by PolNeAR's strict rule."""
    pn = scorer("polnear_score")
    texts, gold, _ = pn.load_split(str(polnear), split)
    by_article = defaultdict(list)
    for g in gold:
        by_article[g.article].append(g)
    out: list[bool | None] = []
    for c in claims:
        claim = pn.Claim(c["article"], c["start"], c["end"], c.get("speaker"))
        hit = [g for g in by_article.get(claim.article, []) if pn.matches(claim, g.spans)]
        named = [g for g in hit if g.named]
        if named:
            out.append(any(pn.speaker_ok_strict(claim, g) for g in named))
        elif not hit:
            out.append(False)
        elif plausible:
            line = texts[claim.article].count("\n", 0, claim.start) + 1
            key = _nearest_key(by_article[claim.article], claim.start, line)
            out.append(None if key is None else key == claim.key)
        else:
            out.append(None)
    return out


def _nearest_key(gold: Sequence, offset: int, line: int) -> str | None:
    """The key of the last named gold relation before `offset`, in its paragraph (line) or
    the two before; None when there is none that close."""
    before = [g for g in gold if g.named and g.spans[0][0] < offset and g.line >= line - 2]
    return max(before, key=lambda g: g.spans[0][0]).key if before else None


def bands(confidences: Sequence[float], right: Sequence[bool | None],
          edges: Sequence[float] = BANDS) -> list[tuple[str, list[float], int]]:
    """(band, confidences of the judged claims in it, claims right) per confidence band;
    the last band includes its upper edge, unjudged claims are left out."""
    rows = []
    for i, (lo, hi) in enumerate(itertools.pairwise(edges)):
        last = i == len(edges) - 2
        inside = [(c, r) for c, r in zip(confidences, right, strict=True)
                  if r is not None and lo <= c and (c < hi or (last and c <= hi))]
        rows.append((f"[{lo:.2f}, {hi:.2f}{']' if last else ')'}", [c for c, _ in inside],
                     sum(bool(r) for _, r in inside)))
    return rows


def table(title: str, confidences: Sequence[float], right: Sequence[bool | None]) -> str:
    """The per-band table as Markdown (claims, right, share right, mean confidence), with
    the Brier score of the judged claims."""
    lines = [title, "", "| confidence | claims | right | share right | mean confidence |",
             "|---|---|---|---|---|"]
    for band, inside, k in bands(confidences, right):
        n = len(inside)
        lines.append(f"| {band} | {n} | {k} | {k / n:.3f} | {sum(inside) / n:.3f} |" if n
                     else f"| {band} | 0 | 0 | – | – |")
    judged = [(c, bool(r)) for c, r in zip(confidences, right, strict=True) if r is not None]
    n, k = len(judged), sum(r for _, r in judged)
    if n:
        mean = sum(c for c, _ in judged) / n
        brier = sum((c - r) ** 2 for c, r in judged) / n
        lines += [f"| all | {n} | {k} | {k / n:.3f} | {mean:.3f} |", "",
                  f"Brier score {brier:.4f} over {n} judged claims ({len(right) - n} not judged)."]
    return "\n".join(lines)
