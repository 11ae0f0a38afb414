"""The figures of bench/questions.py: tables overall, by part and by kind, and the failures."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bench.question_set import KINDS, PARTS


def figures(results: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Means over answerable questions, and decline counts, of one group of results."""
    answerable = [r for r in results if not r["unanswerable"]]
    unanswerable = [r for r in results if r["unanswerable"]]

    def mean(key: str) -> float | None:
        if not answerable:
            return None
        return round(sum(r[key] for r in answerable) / len(answerable), 4)

    return {"questions": len(results), "answerable": len(answerable),
            "must_recall_at_5": mean("recall"), "precision_at_5": mean("precision"),
            "unanswerable": len(unanswerable),
            "unanswerable_declined": sum(r["declined"] is not None for r in unanswerable),
            "answerable_declined": sum(r["declined"] is not None for r in answerable),
            "passed": sum(r["passed"] for r in results)}


def summarise(results: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Figures overall, by part and by kind."""
    return {"overall": figures(results),
            "by_part": {p: figures([r for r in results if r["part"] == p]) for p in PARTS},
            "by_kind": {k: figures([r for r in results if r["kind"] == k]) for k in KINDS}}


def print_report(run: dict[str, Any], results: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Print the tables and the failures; return the summary."""
    summary = summarise(results)
    print(f"{run['date']} · {run['cpu']} · commit {run['commit'][:10]} · "
          f"{run['articles']} articles ({run['added']} added in {run['ingest_s']} s) · "
          f"{run['questions']} questions · ask {run['ask_ms_mean']} ms mean\n")
    print("| group | questions | must-recall@5 | precision@5 | unanswerable declined | "
          "answerable declined | all correct |\n|---|---|---|---|---|---|---|")
    rows = [("overall", summary["overall"])]
    rows += [(f"part: {p}", f) for p, f in summary["by_part"].items() if f["questions"]]
    rows += [(f"kind: {k}", f) for k, f in summary["by_kind"].items() if f["questions"]]
    for name, f in rows:
        print(f"| {name} | {f['questions']} | {_num(f['must_recall_at_5'])} | "
              f"{_num(f['precision_at_5'])} | {f['unanswerable_declined']}/{f['unanswerable']} "
              f"| {f['answerable_declined']}/{f['answerable']} | {f['passed']}/{f['questions']} |")
    _print_failures(results)
    return summary


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _print_failures(results: Sequence[dict[str, Any]]) -> None:
    failing = [r for r in results if not r["passed"]]
    print(f"\n## Failing questions ({len(failing)})\n")
    for r in failing:
        if r["unanswerable"]:
            verdict = "NOT DECLINED (unanswerable)"
        elif r["declined"]:
            verdict = f"DECLINED ({r['declined']}) though answerable"
        else:
            verdict = f"recall {r['recall']:.2f}, precision {r['precision']:.2f}"
        print(f"- **{r['id']}** [{r['part']}, {r['kind']}] {r['question']} — {verdict}")
        for c in r["cited"]:
            mark = {"must": "MUST", "ok": "ok", None: "--"}[c.get("gold")]
            print(f"    - {mark} {c['path']}:{c['line']} ({c['speaker'] or 'no speaker'}): "
                  f"{c['text'][:160]}")
