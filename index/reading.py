"""Reading source files into `Source` records: decoding, formats and metadata.

`Source.text` always has LF line endings (CRLF and CR are normalised when reading), so the
lines and offsets of citations refer to that normalised text, not to the raw bytes.
"""

from __future__ import annotations

import codecs
import datetime as dt
import email.utils
import hashlib
import json
import os
import re
import string
from collections.abc import Iterator, Sequence
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

import trafilatura
import yaml
from frontmatter.default_handlers import YAMLHandler
from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError, field_validator

from index.errors import InputError, UnreadableFileError, UnsupportedFileError
from index.records import Metadata, Source

_KINDS = {"text": ".txt", "markdown": ".md .markdown", "html": ".html .htm", "json": ".json",
          "jsonl": ".jsonl"}  # fmt: skip
_FORMATS = {ext: kind for kind, exts in _KINDS.items() for ext in exts.split()}
SUPPORTED_EXTENSIONS = tuple(sorted(_FORMATS))

# UTF-32 before UTF-16: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Text in a legacy encoding is still mostly ASCII; random high bytes decode to almost none.
_MIN_PLAIN_SHARE = 0.75
_TYPOGRAPHY = "\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u00a3\u20ac\u00a0"  # dashes, quotes, £ €
_PLAIN_CHARS = frozenset(string.printable + _TYPOGRAPHY)
_FILE_NAME_DATE = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
_FRONT_MATTER_FENCE = re.compile(r"-{3,}\s*")
_HEADLINE_MAX_WORDS = 20
# A line ending like a sentence: `.`, `!`, `?`, `:`, or one of them before a closing quote.
_SENTENCE_END = re.compile("[.!?:;,\u2026][\"')\u201d\u2019]*$")
_OPEN_END = re.compile("(?:\\?|\\.\\.\\.|\u2026)[\"')\u201d\u2019]*$")
_MD_HEADING = re.compile(r"#{1,2}\s+(.+?)\s*#*")


class _YamlLoader(yaml.SafeLoader):
    """Safe YAML that keeps dates as written, so that a bad one is reported by its field."""


_YamlLoader.add_constructor("tag:yaml.org,2002:timestamp", _YamlLoader.construct_yaml_str)


class _Fields(BaseModel):
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


def content_hash(text: str) -> str:
    """Hash a text.

    Args:
        text: Any text.

    Returns:
        The sha256 hex digest of `text` encoded as UTF-8.
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def iter_sources(
    paths: Sequence[str | Path], *, defaults: Metadata = Metadata(), max_bytes: int = 2_000_000
) -> Iterator[Source | InputError]:
    """Read articles from files and folders, one bad file never stopping the others.

    Folders are walked recursively in sorted order, skipping hidden files and folders.

    Args:
        paths: Files and folders to read.
        defaults: Metadata for fields that a file does not give itself.
        max_bytes: Files larger than this are refused.

    Yields:
        A `Source` per article (a JSON file may hold many), or an `InputError` per file or
        JSON record that cannot be read; errors are yielded, not raised.
    """
    seen: set[Path] = set()
    for path in _expand(paths):
        if isinstance(path, InputError):
            yield path
            continue
        resolved = path.resolve()
        if resolved not in seen:
            seen.add(resolved)
            try:
                yield from _read_file(resolved, defaults, max_bytes)
            except InputError as error:
                yield error


def _expand(paths: Sequence[str | Path]) -> Iterator[Path | InputError]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path  # missing and special files are reported by _read_file


def _walk(folder: Path) -> Iterator[Path | InputError]:
    """Files under `folder` in sorted path order, without hidden ones or symlinked folders."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as error:
        yield UnreadableFileError(str(folder), f"cannot list folder: {error.strerror or error}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):  # a linked folder could loop back
            yield from _walk(Path(entry.path))
        elif not entry.is_symlink() or entry.is_file():
            yield Path(entry.path)


def _read_file(path: Path, defaults: Metadata, max_bytes: int) -> Iterator[Source | InputError]:
    kind = _FORMATS.get(path.suffix.lower())
    if not path.exists():
        raise UnreadableFileError(str(path), "no such file or folder")
    if kind is None:
        what = f"'{path.suffix}' files" if path.suffix else "files without an extension"
        raise UnsupportedFileError(
            str(path), f"{what} are not supported; use one of {', '.join(SUPPORTED_EXTENSIONS)}"
        )
    text, encoding, flags = _decode(path, _read_bytes(path, max_bytes))
    if not text.strip():
        raise UnreadableFileError(str(path), "empty file")
    text = _lf(text)
    base = Source(path=str(path), key=str(path), text=text, encoding=encoding, flags=flags)
    name_date = _file_name_date(path)
    if kind in ("json", "jsonl"):
        yield from _json_sources(base, kind == "jsonl", _merge(Metadata(date=name_date), defaults))
        return
    source = _html_source(base) if kind == "html" else _text_source(base, kind == "text")
    found = source.meta if source.meta.date else replace(source.meta, date=name_date)
    yield replace(source, meta=_merge(found, defaults))


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        if not path.is_file():
            raise UnreadableFileError(str(path), "not a regular file")
        size = path.stat().st_size
        if size > max_bytes:
            raise UnreadableFileError(
                str(path),
                f"file is {size / 1e6:g} MB ({size:,} bytes), over the limit of "
                f"{max_bytes / 1e6:g} MB; raise CLAIMTRACK_MAX_FILE_MB to read it",
            )
        return path.read_bytes()
    except OSError as error:
        raise UnreadableFileError(str(path), f"cannot read: {error.strerror or error}") from error


def _decode(path: Path, data: bytes) -> tuple[str, str, tuple[str, ...]]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).removeprefix("\ufeff"), encoding, ()
            except UnicodeDecodeError as error:
                raise UnreadableFileError(str(path), f"invalid {encoding} text: {error}") from None
    if b"\x00" in data:
        raise UnreadableFileError(
            str(path), "binary file (NUL bytes); UTF-16 text needs a byte order mark"
        )
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError:
        pass
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"
    plain = sum(char in _PLAIN_CHARS for char in text)
    if plain < _MIN_PLAIN_SHARE * len(text):
        raise UnreadableFileError(
            str(path), "not text in any known encoding (tried UTF-8, UTF-16, cp1252, Latin-1)"
        )
    return text, encoding, ("encoding-fallback",)


def _lf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _merge(found: Metadata, defaults: Metadata) -> Metadata:
    """Field by field: the file's own value, else the default."""
    values = {f.name: getattr(found, f.name) or getattr(defaults, f.name) for f in fields(Metadata)}
    return Metadata(**values)


def _file_name_date(path: Path) -> str | None:
    match = _FILE_NAME_DATE.search(path.name)
    if match is None:
        return None
    try:
        return dt.date.fromisoformat(match.group(1)).isoformat()
    except ValueError:
        return None  # 2023-13-45 is a number in the name, not a date


def _validate(path: Path, data: Any, where: str) -> _Fields:
    try:
        return _Fields.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        message = first["msg"].removeprefix("Value error, ")
        raise UnreadableFileError(str(path), f"{where}field '{field}': {message}") from None


def _text_source(source: Source, plain: bool) -> Source:
    """Plain text and Markdown: front matter (skipped lines) and a headline title."""
    lines = source.text.split("\n")
    fence_end = _front_matter_end(lines)
    meta, skip = Metadata(), frozenset[int]()
    if fence_end:
        try:
            data = YAMLHandler().load("\n".join(lines[1:fence_end]), Loader=_YamlLoader) or {}
        except yaml.YAMLError as error:
            if not plain:
                reason = f"front matter is not valid YAML: {error}"
                raise UnreadableFileError(source.path, reason) from None
            data = None  # a .txt may open with a `---` rule: prose, not front matter
        if isinstance(data, dict):
            meta = _validate(Path(source.path), data, "front matter ").metadata()
            skip = frozenset(range(1, fence_end + 2))
    if meta.title is None:
        meta = replace(meta, title=_headline(lines[len(skip) :], plain))
    return replace(source, meta=meta, skip_lines=skip)


def _front_matter_end(lines: list[str]) -> int:
    """Return the 0-based index of the closing front matter fence, or 0 without one."""
    if not lines or not _FRONT_MATTER_FENCE.fullmatch(lines[0]):
        return 0
    return next((i for i in range(1, len(lines)) if _FRONT_MATTER_FENCE.fullmatch(lines[i])), 0)


def _headline(lines: list[str], plain: bool) -> str | None:
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
    # A question or a trailing ellipsis set apart by a blank line is still a headline (BBC).
    set_apart = index + 1 < len(lines) and not lines[index + 1].strip()
    return first if set_apart and _OPEN_END.search(first) else None


def _html_source(source: Source) -> Source:
    """HTML: the main text (one paragraph a line) and the page metadata, via trafilatura."""
    text = trafilatura.extract(source.text, output_format="txt", include_comments=False)
    if not text or not text.strip():
        raise UnreadableFileError(source.path, "no article text found in the HTML page")
    found = trafilatura.extract_metadata(source.text)
    meta = Metadata()
    if found is not None:
        raw = dict(title=found.title, date=found.date, author=found.author,
                   outlet=found.sitename, url=found.url)  # fmt: skip
        meta = _validate(Path(source.path), raw, "page metadata ").metadata()
    return replace(source, text=_lf(text), meta=meta)


def _json_sources(base: Source, lines: bool, fallback: Metadata) -> Iterator[Source | InputError]:
    """JSON (an object or a list of them) or JSON Lines; record N gets the key `path#N`."""
    for number, record in _json_records(Path(base.path), base.text, lines):
        try:
            yield _json_source(base, number, record, fallback)
        except InputError as error:
            yield error


def _json_source(base: Source, number: int, record: Any, fallback: Metadata) -> Source:
    where = f"record {number}: "
    if isinstance(record, InputError):
        raise record
    if not isinstance(record, dict):
        kind = type(record).__name__
        raise UnreadableFileError(base.path, f"{where}expected an object, got {kind}")
    found = _validate(Path(base.path), record, where)
    if not found.text:
        raise UnreadableFileError(base.path, f"{where}no 'text', 'body' or 'content' field")
    meta = _merge(found.metadata(), fallback)
    return replace(base, key=f"{base.path}#{number}", text=_lf(found.text), meta=meta)


def _json_records(path: Path, text: str, lines: bool) -> Iterator[tuple[int, Any]]:
    """Yield (1-based record number, record or InputError); in JSON Lines, N is the line."""
    if not lines:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise UnreadableFileError(str(path), f"not valid JSON: {error}") from None
        yield from enumerate(data if isinstance(data, list) else [data], start=1)
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as error:
            reason = f"record {number}: not valid JSON: {error}"
            yield number, UnreadableFileError(str(path), reason)
