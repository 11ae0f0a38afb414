"""Reading source files into `Source` records: decoding, formats and metadata.

`Source.text` always has LF line endings (CRLF and CR are normalised when reading), so the
lines and offsets of citations refer to that normalised text, not to the raw bytes.
"""

from __future__ import annotations

import errno
import json
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import trafilatura
import yaml
from frontmatter.default_handlers import YAMLHandler

from index.errors import InputError, UnreadableFileError, UnsupportedFileError
from index.reading.decoding import decode, normalise_newlines, read_bytes
from index.reading.metadata import YamlLoader, file_name_date, headline, merge, validate
from index.records import Metadata, Source

_KINDS = {"text": ".txt", "markdown": ".md .markdown", "html": ".html .htm", "json": ".json",
          "jsonl": ".jsonl"}  # fmt: skip
_FORMATS = {ext: kind for kind, exts in _KINDS.items() for ext in exts.split()}
SUPPORTED_EXTENSIONS = tuple(sorted(_FORMATS))

_FRONT_MATTER_FENCE = re.compile(r"-{3,}\s*")


def iter_sources(
    paths: Sequence[str | Path], *, defaults: Metadata = Metadata(), max_bytes: int = 2_000_000
) -> Iterator[Source | InputError]:
    """Read articles from files and folders, one bad file never stopping the others.

    Folders are walked recursively in sorted order, skipping hidden files and folders. Links
    to files are read (once, however many lead to the same file); links to folders are not
    followed, as they could loop. Every path that is not read, hidden ones aside, is reported:
    broken links, link loops, linked and empty folders alike.

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
        try:
            resolved = path.resolve()
        except (OSError, RuntimeError) as error:  # RuntimeError: a loop, on Python 3.11
            yield UnreadableFileError(str(path), f"cannot resolve the path: {error}")
            continue
        if resolved not in seen:
            seen.add(resolved)
            try:
                yield from _read_file(resolved, defaults, max_bytes)
            except InputError as error:
                yield error


def _expand(paths: Sequence[str | Path]) -> Iterator[Path | InputError]:
    for raw in paths:
        path = Path(raw)
        problem = _link_problem(path)
        if problem:
            yield UnreadableFileError(str(path), problem)
        elif path.is_dir():
            yield from _walk(path)
        else:
            yield path  # missing and special files are reported by _read_file


def _walk(folder: Path) -> Iterator[Path | InputError]:
    """Files under `folder` in sorted path order, hidden ones left out; what is not read among
    the rest (broken or looping links, linked or empty folders) as errors."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as error:
        yield UnreadableFileError(str(folder), f"cannot list folder: {error.strerror or error}")
        return
    visible = [e for e in entries if not e.name.startswith(".")]
    if not visible:
        yield UnreadableFileError(str(folder), _empty_folder(folder, len(entries)))
    for entry in visible:
        path = Path(entry.path)
        problem = _link_problem(path) if entry.is_symlink() else None
        if problem:
            yield UnreadableFileError(str(path), problem)
        elif entry.is_symlink() and path.is_dir():
            yield UnreadableFileError(str(path), _linked_folder(folder, path))
        elif entry.is_dir(follow_symlinks=False):
            yield from _walk(path)
        else:
            yield path


def _link_problem(path: Path) -> str | None:
    """Why `path` cannot be followed (a broken link or a loop of links), or None."""
    try:
        os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symbolic link loop (the link leads back to itself); fix or remove the link"
        if path.is_symlink():
            target = os.readlink(path)
            return f"broken symbolic link to {target}, which does not exist; fix or remove it"
    return None


def _linked_folder(folder: Path, link: Path) -> str:
    """The reason a symbolic link to a folder is not followed."""
    target = link.resolve()
    if target == folder.resolve() or target in folder.resolve().parents:
        return (f"symbolic link loop: it leads back to {target}, a folder being read; "
                "it is not followed")
    return (f"symbolic link to the folder {target}, not followed (linked folders could loop); "
            "ingest that folder by its own path to read it")


def _empty_folder(folder: Path, hidden: int) -> str:
    """The reason nothing is read from a folder without visible entries."""
    reason = "folder holds no files to read"
    if hidden:
        reason += f" ({hidden} hidden, which are never read)"
    if folder.suffix.lower() in _FORMATS:
        reason = f"a folder, not a {folder.suffix} file: {reason}"
    return reason


def _read_file(path: Path, defaults: Metadata, max_bytes: int) -> Iterator[Source | InputError]:
    kind = _FORMATS.get(path.suffix.lower())
    if not path.exists():
        raise UnreadableFileError(str(path), "no such file or folder")
    if kind is None:
        what = f"'{path.suffix}' files" if path.suffix else "files without an extension"
        raise UnsupportedFileError(
            str(path), f"{what} are not supported; use one of {', '.join(SUPPORTED_EXTENSIONS)}"
        )
    text, encoding, flags = decode(path, read_bytes(path, max_bytes))
    if not text.strip():
        raise UnreadableFileError(str(path), "empty file")
    text = normalise_newlines(text)
    base = Source(path=str(path), key=str(path), text=text, encoding=encoding, flags=flags)
    name_date = file_name_date(path)
    if kind in ("json", "jsonl"):
        yield from _json_sources(base, kind == "jsonl", merge(Metadata(date=name_date), defaults))
        return
    source = _html_source(base) if kind == "html" else _text_source(base, kind == "text")
    found = source.meta if source.meta.date else replace(source.meta, date=name_date)
    yield replace(source, meta=merge(found, defaults))


def _text_source(source: Source, plain: bool) -> Source:
    """Plain text and Markdown: front matter (skipped lines) and a headline title."""
    lines = source.text.split("\n")
    fence_end = _front_matter_end(lines)
    meta, skip = Metadata(), frozenset[int]()
    if fence_end:
        try:
            data = YAMLHandler().load("\n".join(lines[1:fence_end]), Loader=YamlLoader) or {}
        except yaml.YAMLError as error:
            if not plain:
                reason = f"front matter is not valid YAML: {error}"
                raise UnreadableFileError(source.path, reason) from None
            data = None  # a .txt may open with a `---` rule: prose, not front matter
        if isinstance(data, dict):
            meta = validate(Path(source.path), data, "front matter ").metadata()
            skip = frozenset(range(1, fence_end + 2))
    if meta.title is None:
        meta = replace(meta, title=headline(lines[len(skip) :], plain))
    return replace(source, meta=meta, skip_lines=skip)


def _front_matter_end(lines: list[str]) -> int:
    """Return the 0-based index of the closing front matter fence, or 0 without one."""
    if not lines or not _FRONT_MATTER_FENCE.fullmatch(lines[0]):
        return 0
    return next((i for i in range(1, len(lines)) if _FRONT_MATTER_FENCE.fullmatch(lines[i])), 0)


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
        meta = validate(Path(source.path), raw, "page metadata ").metadata()
    return replace(source, text=normalise_newlines(text), meta=meta)


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
    found = validate(Path(base.path), record, where)
    if not found.text:
        raise UnreadableFileError(base.path, f"{where}no 'text', 'body' or 'content' field")
    meta = merge(found.metadata(), fallback)
    text = normalise_newlines(found.text)
    return replace(base, key=f"{base.path}#{number}", text=text, meta=meta)


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
