"""Uploads of the web app: checked, staged in the home's uploads folder, kept only if ingested.

An upload is copied under its own (sanitised) name into ``<home>/uploads/``, so that uploading
a file of the same name again replaces its article. A staged file stays only if the ingest
took an article from it: one the readers reject (empty, binary, no text), and every one of an
ingest that fails (another process holds the writer lock), is undone — a new file removed, an
overwritten one given its previous bytes back — so a rejected upload leaves nothing behind.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from index import IngestReport

# The readers' own list, so the upload check never disagrees with ingestion.
from index.reading import SUPPORTED_EXTENSIONS

_UNSAFE = re.compile(r"[^\w.\- ]+")


def upload_label(max_bytes: int) -> str:
    """Label of the upload box: the file kinds accepted and the size limit."""
    kinds = " ".join(SUPPORTED_EXTENSIONS)
    return f"Add articles ({kinds}; up to {size_text(max_bytes)} each)"


def size_text(size: int) -> str:
    """A size in decimal units, as ``--max-file-size`` and gradio count: "2 MB", "500 kB"."""
    for unit, factor in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if size >= factor:
            return f"{size / factor:.3g} {unit}"
    return f"{size:,} bytes"


class Staging:
    """Uploaded files staged in a folder for one ingest; see `stage_uploads`.

    Attributes:
        files: The staged files, to ingest.
        rejected: A ``[file, "rejected", reason]`` row for each file refused before staging.
    """

    def __init__(self, folder: Path, max_bytes: int) -> None:
        self.folder = folder
        self.max_bytes = max_bytes
        self.files: list[Path] = []
        self.rejected: list[list[str]] = []
        self._previous: dict[Path, bytes | None] = {}  # what each staged file replaced
        self._taken: set[Path] = set()

    def stage(self, paths: Sequence[str]) -> None:
        """Check each upload and copy the acceptable ones into the folder."""
        self.folder.mkdir(parents=True, exist_ok=True)
        for raw in paths:
            source = Path(raw)
            name = _UNSAFE.sub("_", source.name).strip(". ") or "upload.txt"
            reason = _refusal(source, name, self.max_bytes, {p.name for p in self.files})
            if reason:
                self.rejected.append([name, "rejected", f"{name}: {reason}"])
                continue
            target = self.folder / name
            self._previous[target] = target.read_bytes() if target.is_file() else None
            shutil.copyfile(source, target)
            self.files.append(target)

    def took(self, report: IngestReport) -> None:
        """Keep the staged files that `report` took at least one article from."""
        keys = [*report.added, *report.replaced, *report.unchanged,
                *(k for k, _ in report.duplicates)]
        for target in self.files:
            name = str(target.resolve())
            if any(k == name or k.startswith(name + "#") for k in keys):  # path or path#record
                self._taken.add(target)

    def undo_the_rest(self) -> None:
        """Undo every staged file not taken: remove it, or put back the file it replaced."""
        for target in self.files:
            if target in self._taken:
                continue
            previous = self._previous[target]
            if previous is None:
                target.unlink(missing_ok=True)
            else:
                target.write_bytes(previous)
        self.files = [f for f in self.files if f in self._taken]


@contextmanager
def stage_uploads(paths: Sequence[str], folder: Path, max_bytes: int) -> Iterator[Staging]:
    """Stage uploaded files in `folder` for an ingest, and undo what it does not take.

    Args:
        paths: Server-side paths of the uploaded files.
        folder: Where uploads are kept, so a re-upload of a name replaces its article.
        max_bytes: Largest file accepted.

    Yields:
        The staging; pass the ingest's report to `Staging.took`. On leaving, every staged
        file it took nothing from is undone, also when the ingest raised.
    """
    staging = Staging(folder, max_bytes)
    try:
        staging.stage(paths)
        yield staging
    finally:
        staging.undo_the_rest()


def _refusal(source: Path, name: str, max_bytes: int, taken: set[str]) -> str | None:
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_EXTENSIONS:
        what = f"'{suffix}' files are" if suffix else "files without an extension are"
        return f"{what} not supported; use one of {', '.join(SUPPORTED_EXTENSIONS)}"
    size = source.stat().st_size
    if size > max_bytes:
        shown, limit = size_text(size), size_text(max_bytes)
        if shown == limit:  # "2 MB, over the limit of 2 MB" would puzzle
            shown = f"{size:,} bytes"
        return f"file is {shown}, over the upload limit of {limit}"
    if name in taken:
        return "another file of this upload has the same name"
    return None
