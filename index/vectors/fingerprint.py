"""A model's identity: a fingerprint of its files' contents, never of its path or name.

Two different models may both live in folders called ``model``; what tells them apart is their
weights and configuration. Every file of the folder is hashed (hidden files and ``*.md``
documentation aside), with its path inside the folder. Hashing 90 MB of weights costs about
70 ms, too much for every start of a query, so files over `BIG_FILE` bytes are hashed once and
their hash kept in the model cache, keyed by (resolved path, size, mtime): later starts only
stat them. Small files (configuration, vocabulary, tokenizer) are hashed every time.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from pathlib import Path

BIG_FILE = 1 << 20  # bytes; larger files' hashes are cached
CACHE_FILE = "fingerprints.json"
LENGTH = 16  # hex digits of a fingerprint


def fingerprint(folder: Path, cache: Path) -> str:
    """The fingerprint of the model in `folder`: 16 hex digits of a SHA-256 over its files.

    Args:
        folder: The model's folder.
        cache: Folder where the hashes of big files are kept (the model cache).
    """
    known = _load(cache)
    fresh: dict[str, list[int | str]] = {}
    digest = hashlib.sha256()
    for path in _files(folder):
        stat = path.stat()
        if stat.st_size > BIG_FILE:
            key = str(path.resolve())
            entry = known.get(key)
            if entry and entry[:2] == [stat.st_size, stat.st_mtime_ns]:
                file_hash = str(entry[2])
            else:
                file_hash = _hash_file(path)
                fresh[key] = [stat.st_size, stat.st_mtime_ns, file_hash]
        else:
            file_hash = _hash_file(path)
        digest.update(f"{path.relative_to(folder).as_posix()}\0{file_hash}\0".encode())
    if fresh:
        _save(cache, {**known, **fresh})
    return digest.hexdigest()[:LENGTH]


def _files(folder: Path) -> list[Path]:
    """The files that make the model, sorted: documentation and hidden files do not."""
    return sorted(
        p for p in folder.rglob("*")
        if p.is_file() and p.suffix != ".md"
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def _hash_file(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _load(cache: Path) -> dict[str, list[int | str]]:
    try:
        known = json.loads((cache.expanduser() / CACHE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):  # no cache yet, or a damaged one: hash again
        return {}
    return known if isinstance(known, dict) else {}


def _save(cache: Path, known: dict[str, list[int | str]]) -> None:
    target = cache.expanduser() / CACHE_FILE
    partial = target.with_suffix(f".{os.getpid()}.{threading.get_ident()}.partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(json.dumps(known, indent=1), encoding="utf-8")
        partial.replace(target)  # atomic: a concurrent start reads the old or the new file
    except OSError:  # a read-only cache only costs the hashing again next time
        partial.unlink(missing_ok=True)
