"""The question set of bench/questions.py is well formed, large enough, and its gold is real.

The schema is `bench.question_set.Item`; the gold's files are read from ../shared/corpus (see
conftest.SHARED), and those checks are skipped without it.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from conftest import SHARED
from pydantic import ValidationError

from bench.question_set import Item, file_lines, load, polnear_split

ROOT = Path(__file__).resolve().parents[1]
SET = ROOT / "bench" / "questions.jsonl"
POLNEAR_LIST = ROOT / "bench" / "questions_polnear.txt"
CORPUS = SHARED / "corpus"
FILTERED = ("date", "outlet", "role/institution")  # the kinds that exercise a filter


@pytest.fixture(scope="module")
def items() -> list[Item]:
    return load(SET)


def gold_paths(items: list[Item]) -> set[str]:
    return {path for item in items for path, _ in (*item.must, *item.ok)}


def test_the_set_is_large_and_mixed(items: list[Item]) -> None:
    kinds = Counter(item.kind for item in items)
    assert len(items) >= 80
    assert kinds["unanswerable"] >= 10
    assert sum(kinds[k] for k in FILTERED) >= 15
    assert {item.part for item in items} == {"seed", "bbc", "polnear"}
    assert len({item.question for item in items}) == len(items), "a question is asked twice"


@pytest.mark.parametrize(("record", "reason"), [
    ({"must": [], "ok": []}, "needs 1 to 5 must lines"),
    ({"must": [["seed/a.txt", n] for n in range(1, 7)]}, "needs 1 to 5 must lines"),
    ({"ok": [["seed/a.txt", 1]]}, "in both must and ok"),
    ({"unanswerable": True}, "unanswerable is True but kind"),
    ({"kind": "unanswerable", "unanswerable": True}, "no gold lines"),
    ({"id": "Q1"}, "should match pattern"),
    ({"surplus": 1}, "Extra inputs are not permitted"),
])
def test_a_malformed_item_is_refused_with_its_reason(record: dict, reason: str) -> None:
    base = {"id": "x01", "question": "What?", "part": "seed", "kind": "topic only",
            "must": [["seed/a.txt", 1]]}
    with pytest.raises(ValidationError, match=reason):
        Item.model_validate({**base, **record})


def test_a_bad_line_of_the_file_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "set.jsonl"
    bad.write_text(SET.read_text(encoding="utf-8").splitlines()[0] + "\n{\"id\": 1}\n")
    with pytest.raises(ValueError, match=r"set\.jsonl:2"):
        load(bad)


@pytest.fixture(scope="module")
def corpus() -> Path:
    if not (CORPUS / "polnear" / "data" / "metadata.tsv").is_file():
        pytest.skip(f"no corpus under {CORPUS}")
    return CORPUS


def test_every_gold_line_is_a_line_with_text(items: list[Item], corpus: Path) -> None:
    wrong = []
    for item in items:
        for path, line in (*item.must, *item.ok):
            lines = file_lines(corpus / path) if (corpus / path).is_file() else ()
            if not 0 < line <= len(lines) or not lines[line - 1].strip():
                wrong.append((item.id, path, line))
    assert not wrong


def test_no_polnear_test_article_is_used(items: list[Item], corpus: Path) -> None:
    listed = POLNEAR_LIST.read_text(encoding="utf-8").split()
    splits = {path: polnear_split(corpus, path) for path in {*gold_paths(items), *listed}}
    assert not {p: s for p, s in splits.items() if s not in (None, "train", "dev")}


def test_the_bench_ingests_every_gold_article(items: list[Item]) -> None:
    listed = set(POLNEAR_LIST.read_text(encoding="utf-8").split())
    polnear = {p for p in gold_paths(items) if p.startswith("polnear/")}
    assert polnear <= listed
    assert 100 <= len(listed) <= 150
    others = {p for p in gold_paths(items) if not p.startswith("polnear/")}
    assert all(p.startswith(("seed/", "bbc/bbc/politics/")) for p in others)
