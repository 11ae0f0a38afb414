"""Article metadata as files spell it: front matter, JSON fields, page metadata, file names."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import fields
from pathlib import Path
from typing import Any

import yaml
from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError, field_validator

from index.errors import UnreadableFileError
from index.records import Metadata
from index.text import canonical

_FILE_NAME_DATE = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
_HEADLINE_MAX_WORDS = 20
# A line ending like a sentence: `.`, `!`, `?`, `:`, or one of them before a closing quote.
_SENTENCE_END = re.compile("[.!?:;,\u2026][\"')\u201d\u2019]*$")
_OPEN_END = re.compile("(?:\\?|\\.\\.\\.|\u2026)[\"')\u201d\u2019]*$")
_MD_HEADING = re.compile(r"#{1,2}\s+(.+?)\s*#*")


class YamlLoader(yaml.SafeLoader):
    """Safe YAML that keeps dates as written, so that a bad one is reported by its field."""


YamlLoader.add_constructor("tag:yaml.org,2002:timestamp", YamlLoader.construct_yaml_str)


class Fields(BaseModel):
    """Metadata fields (and the text, for JSON records) as a file spells them."""

    model_config = ConfigDict(extra="ignore", coerce_numbers_to_str=True)

    text: str | None = Field(None, validation_alias=AliasChoices("text", "body", "content"))
    title: str | None = None
    date: str | None = None
    outlet: str | None = Field(None, validation_alias=AliasChoices("outlet", "source", "publisher"))
    author: str | None = None
    url: str | None = None

    @field_validator("date", mode="before")
    @classmethod
    def _iso(cls, value: Any) -> str | None:
        return iso_date(value)

    @field_validator("outlet", mode="before")
    @classmethod
    def _outlet_name(cls, value: Any) -> Any:
        # News APIs nest the outlet: {"source": {"id": "bbc-news", "name": "BBC News"}}.
        return value.get("name") if isinstance(value, dict) else value

    @field_validator("author", mode="before")
    @classmethod
    def _authors(cls, value: Any) -> Any:
        return ", ".join(str(v) for v in value) if isinstance(value, list) else value

    def metadata(self) -> Metadata:
        """Return the metadata fields, stripped, blank ones as None."""
        values = {f.name: (getattr(self, f.name) or "").strip() or None for f in fields(Metadata)}
        return Metadata(**values)


def iso_date(value: Any) -> str | None:
    """Normalise a date, datetime or date string to ISO `YYYY-MM-DD`.

    Args:
        value: A `date`, a `datetime`, an ISO 8601 or RFC 2822 string, or None/"".

    Returns:
        The date as `YYYY-MM-DD`, or None for None and empty strings.

    Raises:
        ValueError: The value is not a date.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.date):  # a datetime is a date too
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    for parse in (dt.datetime.fromisoformat, email.utils.parsedate_to_datetime):
        try:
            return parse(str(value).strip()).date().isoformat()
        except (TypeError, ValueError):
            continue
    raise ValueError(f"cannot read {value!r} as a date (write it as YYYY-MM-DD)")


def merge(found: Metadata, defaults: Metadata) -> Metadata:
    """Field by field: the file's own value, else the default; in NFC, as queries are."""
    values = {f.name: canonical(getattr(found, f.name) or getattr(defaults, f.name))
              for f in fields(Metadata)}
    return Metadata(**values)


def file_name_date(path: Path) -> str | None:
    match = _FILE_NAME_DATE.search(path.name)
    if match is None:
        return None
    try:
        return dt.date.fromisoformat(match.group(1)).isoformat()
    except ValueError:
        return None  # 2023-13-45 is a number in the name, not a date


def validate(path: Path, data: Any, where: str) -> Fields:
    try:
        return Fields.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        message = first["msg"].removeprefix("Value error, ")
        raise UnreadableFileError(str(path), f"{where}field '{field}': {message}") from None


def headline(lines: list[str], plain: bool) -> str | None:
    """Return the first non-empty line if it reads as a headline followed by more text."""
    filled = [(i, line.strip()) for i, line in enumerate(lines) if line.strip()]
    if len(filled) < 2:
        return None
    index, first = filled[0]
    if not plain:
        heading = _MD_HEADING.fullmatch(first)
        return heading.group(1) if heading else None
    if len(first.split()) > _HEADLINE_MAX_WORDS:
        return None
    if not _SENTENCE_END.search(first):
        return first
    # A question or a trailing ellipsis set apart by a blank line is still a headline (BBC),
    # and so is a title-case line ending in a full stop (PolNeAR: "Stealth Over Health: ...").
    set_apart = index + 1 < len(lines) and not lines[index + 1].strip()
    if not set_apart:
        return None
    if _OPEN_END.search(first):
        return first
    return first.rstrip(".") if first.endswith(".") and _title_case(first) else None


def _title_case(line: str) -> bool:
    """Whether most of a line's longer words start with a capital, as headline style has it."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)
