"""The vector index: the only module that touches chromadb.

The index holds one vector per sentence id, with the few metadata fields filters need. It can be
rebuilt from the ledger at any time, so nothing here is the source of truth.

Embedded Chroma writes to its folder even to read, so on a read-only disk it is opened on a
temporary copy of that folder (removed when the process ends). A server that stops answering
raises a `ServerError` that names it.
"""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar
from urllib.parse import urlparse

import httpx
import numpy as np

from index.errors import ServerError, StoreError, StoreMismatchError


@dataclass(frozen=True)
class Neighbour:
    """A sentence id with its cosine similarity to the query."""

    id: str
    similarity: float


def _client_settings() -> Any:
    from chromadb.config import Settings as ChromaSettings

    return ChromaSettings(anonymized_telemetry=False, allow_reset=False)


def _connect(home: Path, url: str | None, token: str | None) -> Any:
    import chromadb

    if url is None:
        path = _writable_copy(home / "chroma")
        return chromadb.PersistentClient(path=str(path), settings=_client_settings())
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise ServerError(f"CLAIMTRACK_CHROMA_URL={url!r} is not an http(s)://host:port URL")
    headers = {"Authorization": f"Bearer {token}"} if token else None
    try:
        client = chromadb.HttpClient(
            host=parsed.hostname,
            port=parsed.port or (443 if parsed.scheme == "https" else 8000),
            ssl=parsed.scheme == "https",
            headers=headers,
            settings=_client_settings(),
        )
        client.heartbeat()
    except Exception as exc:  # connection, version and auth failures all land here
        raise ServerError(
            f"cannot use the Chroma server at {url}: {exc}. Check that `chroma run` is up, "
            f"that its version matches chromadb {chromadb.__version__}, and the token"
        ) from exc
    return client


def _writable_copy(folder: Path) -> Path:
    """`folder`, or a temporary copy of it when it is on a read-only disk.

    Raises:
        StoreError: The copy cannot be made (no space, say), or there is no index to copy and
            none can be made; the message says what to do.
    """
    if not folder.is_dir() and not os.access(folder.parent, os.W_OK):
        raise StoreError(
            f"there is no vector index {folder}, and {folder.parent} is read-only so none can be "
            "made; run `claimtrack reindex` on a writable copy of the home")
    if not folder.is_dir() or os.access(folder, os.W_OK):
        return folder
    try:
        copy = Path(tempfile.mkdtemp(prefix="claimtrack-chroma-")) / "chroma"
        atexit.register(shutil.rmtree, copy.parent, True)
        shutil.copytree(folder, copy)
    except OSError as exc:
        raise StoreError(
            f"the vector index {folder} is read-only and embedded Chroma cannot read it in place; "
            f"copying it to {tempfile.gettempdir()} failed ({exc}). Free space there (or set "
            "TMPDIR), or copy the home to a writable disk") from exc
    return copy


_P = ParamSpec("_P")
_R = TypeVar("_R")


def _named_server(
    method: Callable[Concatenate[VectorStore, _P], _R],
) -> Callable[Concatenate[VectorStore, _P], _R]:
    """Turn a connection to the Chroma server lost during `method` into a `ServerError`."""
    @functools.wraps(method)
    def call(self: VectorStore, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return method(self, *args, **kwargs)
        except httpx.TransportError as exc:  # refused, reset, timed out: the server is gone
            raise ServerError(
                f"the Chroma server at {self.url} stopped answering ({exc}); start `chroma run` "
                "again (or point CLAIMTRACK_CHROMA_URL at a running server) and run the command "
                "again: the ledger keeps every article, and the next ingest adds the vectors "
                "that are missing") from exc
    return call


class VectorStore:
    """A Chroma collection of unit sentence vectors in cosine space.

    Args:
        home: Folder of the embedded database (ignored in server mode).
        embedder: Name of the embedding recipe (model fingerprint and context); recorded in
            the collection metadata.
        dimension: Vector length; recorded in the collection metadata.
        collection: Collection name.
        url: Chroma server URL, or None for the embedded PersistentClient.
        token: Optional bearer token for the server.
        legacy: An older name of the same recipe: a collection recorded under it is accepted,
            and its metadata upgraded to `embedder`.
        owner: The id of the home whose vectors these are; recorded in the collection metadata
            so a server's collections can be told apart.
    """

    def __init__(
        self,
        home: Path,
        embedder: str,
        dimension: int,
        *,
        collection: str = "sentences",
        url: str | None = None,
        token: str | None = None,
        legacy: str | None = None,
        owner: str | None = None,
    ) -> None:
        self.url = url
        self._client = _connect(home, url, token)
        self._name = collection
        self._embedder = embedder
        self._dimension = dimension
        self._legacy = legacy
        self._metadata: dict[str, str | int] = {"embedder": embedder, "dimension": dimension}
        if owner:
            self._metadata["home"] = owner
        self.place = f"collection {collection!r} " + (f"on {url}" if url else
                                                      f"in {home / 'chroma'}")
        self._collection = self._open()
        self.batch_size = int(self._client.get_max_batch_size())

    @property
    def recipe(self) -> str:
        """The embedding recipe this store holds vectors of."""
        return self._embedder

    @property
    def dimension(self) -> int:
        """Length of each vector."""
        return self._dimension

    @property
    def usable(self) -> bool:
        """Whether the collection holds vectors of this store's recipe."""
        return self._mismatch is None

    @_named_server
    def _open(self) -> Any:
        collection = self._client.get_or_create_collection(
            self._name,
            configuration={"hnsw": {"space": "cosine"}},
            metadata=dict(self._metadata),
            embedding_function=None,  # never let Chroma load (or download) its own model
        )
        meta = collection.metadata or {}
        self._mismatch = None
        if self._legacy and meta.get("embedder") == self._legacy \
                and meta.get("dimension") == self._dimension:
            collection.modify(metadata=dict(self._metadata))  # same vectors, new name
        elif meta.get("embedder") != self._embedder or meta.get("dimension") != self._dimension:
            # Raised on use, not here, so that `reset` (reindex) can still open the store.
            self._mismatch = (
                f"the index was built with {meta.get('embedder')!r} "
                f"({meta.get('dimension')} dims), not {self._embedder!r} ({self._dimension} "
                "dims); run `claimtrack reindex` to rebuild it from the ledger"
            )
        return collection

    def refuse(self, reason: str) -> None:
        """Refuse every use but `reset` until the store is rebuilt; `reason` says why."""
        self._mismatch = reason

    def _usable(self) -> Any:
        if self._mismatch:
            raise StoreMismatchError(self._mismatch)
        return self._collection

    @_named_server
    def count(self) -> int:
        """Number of vectors in the collection."""
        return int(self._usable().count())

    @_named_server
    def upsert(
        self, ids: Sequence[str], vectors: np.ndarray, metadatas: Sequence[Mapping[str, Any]]
    ) -> None:
        """Insert or replace vectors, in batches under the server's limit."""
        for lo, hi in _batches(len(ids), self.batch_size):
            self._usable().upsert(
                ids=list(ids[lo:hi]),
                embeddings=vectors[lo:hi],
                metadatas=[dict(m) for m in metadatas[lo:hi]],
            )

    @_named_server
    def delete(self, ids: Sequence[str]) -> None:
        """Remove vectors by sentence id; unknown ids are ignored."""
        for lo, hi in _batches(len(ids), self.batch_size):
            self._usable().delete(ids=list(ids[lo:hi]))

    @_named_server
    def existing(self, ids: Sequence[str]) -> set[str]:
        """The subset of `ids` that has a vector."""
        found: set[str] = set()
        for lo, hi in _batches(len(ids), self.batch_size):
            found.update(self._usable().get(ids=list(ids[lo:hi]), include=[])["ids"])
        return found

    @_named_server
    def vectors(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        """The indexed vectors of `ids`, by id; ids without a vector are left out."""
        found: dict[str, np.ndarray] = {}
        for lo, hi in _batches(len(ids), self.batch_size):
            got = self._usable().get(ids=list(ids[lo:hi]), include=["embeddings"])
            found.update(zip(got["ids"], np.asarray(got["embeddings"], dtype=np.float32),
                             strict=True))
        return found

    @_named_server
    def query(
        self, vector: np.ndarray, k: int, where: Mapping[str, Any] | None = None
    ) -> list[Neighbour]:
        """The `k` nearest sentences to a unit query vector, most similar first."""
        if k <= 0:
            return []
        result = self._usable().query(
            query_embeddings=[vector], n_results=k, where=dict(where) if where else None,
            include=["distances"],
        )
        ids, distances = result["ids"][0], result["distances"][0]
        return [Neighbour(i, 1.0 - float(d)) for i, d in zip(ids, distances, strict=True)]

    def close(self) -> None:
        """Release the client; the next store opened on the same folder reads it afresh (an
        embedded database is closed by its last client)."""
        self._client.close()

    @_named_server
    def reset(self) -> None:
        """Drop and recreate the collection (used by reindex): this store's own collection,
        which holds no other home's vectors."""
        try:
            self._client.delete_collection(self._name)
        except Exception as exc:  # a missing collection is fine; anything else is not
            if "does not exist" not in str(exc).lower() and "not found" not in str(exc).lower():
                raise StoreError(f"cannot drop collection {self._name!r}: {exc}") from exc
        self._collection = self._open()


def disk_stamp(home: Path) -> tuple[int, int]:
    """``(mtime_ns, size)`` of the embedded index's database under `home`, (0, 0) without one.

    Every write to the index, by any process, changes it; reads do not (opening a client does).
    """
    try:
        info = (home / "chroma" / "chroma.sqlite3").stat()
    except FileNotFoundError:
        return 0, 0
    return info.st_mtime_ns, info.st_size


def _batches(total: int, size: int) -> Iterator[tuple[int, int]]:
    for lo in range(0, total, size):
        yield lo, min(total, lo + size)
