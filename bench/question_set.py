"""The question set of bench/questions.py: its records, and how a gold line is read.

Each line of bench/questions.jsonl is one `Item`. Gold lines are ``[path, line]`` with the
path relative to ../shared/corpus and the line 1-based, as `Citation.line` counts. Two lines
with the same text (the BBC set holds the same article under two numbers) are one answer:
`line_key` names a line by its text, so that a citation of either copy counts.
"""

from __future__ import annotations

import csv
import json
import re
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Part = Literal["seed", "bbc", "polnear"]
Kind = Literal["speaker+topic", "topic only", "date", "outlet", "role/institution",
               "unanswerable"]
PARTS: tuple[Part, ...] = ("seed", "bbc", "polnear")
KINDS: tuple[Kind, ...] = ("speaker+topic", "topic only", "date", "outlet", "role/institution",
                           "unanswerable")
MIN_KEY_CHARS = 40  # shorter lines ("Oh.") are told apart by their place, not their text


class Item(BaseModel):
    """One question with the lines that answer it.

    Attributes:
        id: Unique id ("b07").
        question: The question as a user types it.
        part: The corpus its answer lies in.
        kind: What the question exercises.
        must: The lines a good answer must cite (at most 5, the most central).
        ok: Other lines that also answer it.
        unanswerable: Nothing in the corpus answers it; the product must decline.
        note: Why the gold is what it is.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[a-z]\d{2,3}$")
    question: str = Field(min_length=1)
    part: Part
    kind: Kind
    must: tuple[tuple[str, int], ...] = ()
    ok: tuple[tuple[str, int], ...] = ()
    unanswerable: bool = False
    note: str = ""

    @model_validator(mode="after")
    def _consistent(self) -> Item:
        if self.unanswerable != (self.kind == "unanswerable"):
            raise ValueError(f"{self.id}: unanswerable is {self.unanswerable} but kind is "
                             f"{self.kind!r}")
        if self.unanswerable and (self.must or self.ok):
            raise ValueError(f"{self.id}: an unanswerable question has no gold lines")
        if not self.unanswerable and not 1 <= len(self.must) <= 5:
            raise ValueError(f"{self.id}: an answerable question needs 1 to 5 must lines, "
                             f"has {len(self.must)}")
        if set(self.must) & set(self.ok):
            raise ValueError(f"{self.id}: a line is in both must and ok")
        return self


def load(path: Path) -> list[Item]:
    """The items of a JSONL set file.

    Raises:
        ValueError: A line is not JSON or not an `Item` (the message names the line), or
            two items share an id.
    """
    items: list[Item] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            items.append(Item.model_validate(json.loads(line)))
        except ValueError as error:
            raise ValueError(f"{path}:{n}: {error}") from error
    ids = [item.id for item in items]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{path}: duplicate ids {sorted({i for i in ids if ids.count(i) > 1})}")
    return items


@cache
def file_lines(path: Path) -> tuple[str, ...]:
    """A corpus file's lines as the product numbers them (decoded, line ends normalised)."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    return tuple(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def line_key(corpus: Path, path: str, line: int) -> str:
    """A line's identity for scoring: its text when long enough, else its place."""
    lines = file_lines(corpus / path)
    text = " ".join(lines[line - 1].split()) if 0 < line <= len(lines) else ""
    return text if len(text) >= MIN_KEY_CHARS else f"{path}:{line}"


def polnear_split(corpus: Path, path: str) -> str | None:
    """The PolNeAR compartment ("train", "dev", "test", …) of a gold path, None if not
    PolNeAR: read from metadata.tsv, and from the path's folder."""
    if not path.startswith("polnear/"):
        return None
    stem = Path(path).stem
    split = _compartments(corpus / "polnear" / "data" / "metadata.tsv").get(stem)
    folder = re.match(r"polnear/data/([^/]+)/", path)
    if folder and folder[1] != split:
        return f"{folder[1]} (metadata: {split})"
    return split


@cache
def _compartments(metadata: Path) -> dict[str, str]:
    with open(metadata, encoding="utf-8") as f:
        return {r["filename"]: r["compartment"] for r in csv.DictReader(f, delimiter="\t")}
