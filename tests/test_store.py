"""Contract suite of the vector index, run against embedded Chroma and a real `chroma run`."""

from __future__ import annotations

import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import numpy as np
import pytest
from conftest import store_consistent, write_articles

from bot import ClaimBot
from index import ServerError, Settings, StoreError, StoreMismatchError
from index.vectors.store import VectorStore, _client_settings


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Chroma server on a free loopback port, for the whole session."""
    port = free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    exe = Path(sys.executable).with_name("chroma")
    log = (data / "server.log").open("w")
    proc = subprocess.Popen([str(exe), "run", "--path", str(data / "db"), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1)
            break
        except OSError:
            if time.time() > deadline or proc.poll() is not None:
                proc.kill()
                pytest.fail(f"chroma run did not start: {(data / 'server.log').read_text()}")
            time.sleep(0.2)
    yield url
    proc.terminate()
    proc.wait(timeout=20)
    log.close()


@pytest.fixture(params=["embedded", "server"])
def mode(request: pytest.FixtureRequest) -> str | None:
    """None for the embedded store, or the URL of the server."""
    if request.param == "embedded":
        return None
    return str(request.getfixturevalue("chroma_server"))


def unit(rng: np.random.Generator, n: int, dim: int = 8) -> np.ndarray:
    v = rng.normal(size=(n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


@pytest.fixture
def store(mode: str | None, tmp_path: Path, request: pytest.FixtureRequest) -> VectorStore:
    # Each test gets its own collection, so the shared server starts clean for it.
    name = "t" + str(abs(hash(request.node.nodeid)))[:12]
    return VectorStore(tmp_path, "test-embedder", 8, collection=name, url=mode)


def test_upsert_query_delete(store: VectorStore) -> None:
    rng = np.random.default_rng(0)
    vectors = unit(rng, 20)
    ids = [f"s{i}" for i in range(20)]
    store.batch_size = 7  # force several batches
    store.upsert(ids, vectors, [{"article": "a" if i < 10 else "b"} for i in range(20)])
    store.upsert(ids[:5], vectors[:5], [{"article": "a"}] * 5)  # idempotent
    assert store.count() == 20
    top = store.query(vectors[3], 3)
    assert top[0].id == "s3" and top[0].similarity == pytest.approx(1.0, abs=1e-4)
    assert [n.similarity for n in top] == sorted((n.similarity for n in top), reverse=True)
    only_b = store.query(vectors[3], 5, {"article": {"$in": ["b"]}})
    assert {n.id for n in only_b} <= set(ids[10:]) and len(only_b) == 5
    store.delete([*ids[:10], "missing"])
    assert store.count() == 10
    assert store.existing(ids) == set(ids[10:])


def test_vectors_are_read_back_as_stored(store: VectorStore) -> None:
    rng = np.random.default_rng(1)
    vectors = unit(rng, 12)
    ids = [f"v{i}" for i in range(12)]
    store.batch_size = 5  # several batches each way
    store.upsert(ids, vectors, [{"article": "a"}] * 12)
    wanted = [*ids[::-1], "missing"]
    got = store.vectors(wanted)
    assert set(got) == set(ids)
    for i, name in enumerate(ids):
        assert got[name] == pytest.approx(vectors[i], abs=1e-6)
    assert store.vectors([]) == {}


def test_cosine_similarity_is_exact(store: VectorStore) -> None:
    a = np.zeros((1, 8), dtype=np.float32)
    a[0, 0] = 1.0
    b = np.zeros((1, 8), dtype=np.float32)
    b[0, :2] = [0.6, 0.8]
    store.upsert(["b"], b, [{"article": "x"}])
    assert store.query(a[0], 1)[0].similarity == pytest.approx(0.6, abs=1e-4)


def test_reset_empties_and_other_embedder_is_refused(store: VectorStore, mode: str | None,
                                                      tmp_path: Path) -> None:
    store.upsert(["a"], unit(np.random.default_rng(1), 1), [{"article": "x"}])
    other = VectorStore(tmp_path, "other-model", 8, collection=store._name, url=mode)
    with pytest.raises(StoreMismatchError, match="reindex"):
        other.count()
    other.reset()  # what reindex does: the store is rebuilt for the new embedder
    assert other.count() == 0
    again = VectorStore(tmp_path, "test-embedder", 8, collection=store._name, url=mode)
    with pytest.raises(StoreMismatchError, match="reindex"):
        again.query(unit(np.random.default_rng(2), 1)[0], 1)


def test_claimbot_end_to_end(mode: str | None, tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "home", chroma_url=mode,
                        collection="e2e" + str(abs(hash(str(tmp_path))))[:10])
    bot = ClaimBot(settings=settings)
    bot.ingest(write_articles(tmp_path / "a"))
    hits = bot.search("Who won at Wembley?", k=3)
    assert "Wembley" in hits[0].text
    assert bot.reindex() == bot.corpus.ledger.sentence_count()
    assert bot.search("Who won at Wembley?", k=1)[0].text == hits[0].text
    bot.close()


@pytest.mark.parametrize("url", ["http://127.0.0.1:1", "ftp://example", "not a url"])
def test_unusable_server_gives_a_clear_error(url: str, tmp_path: Path) -> None:
    with pytest.raises(ServerError, match=r"CLAIMTRACK_CHROMA_URL|cannot use the Chroma server"):
        VectorStore(tmp_path, "m", 8, url=url)


# Homes sharing one server (issue 12, item 2) ----------------------------------------------

HARBOUR = {"2024-01-05-harbour.txt": (
    "Harbour reopens after repairs\n\n"
    "The harbour reopened on Monday after two months of repairs. The mayor said trade would "
    "resume at once.\n"
)}


def server_bot(home: Path, url: str, collection: str = "sentences") -> ClaimBot:
    return ClaimBot(settings=Settings(home=home, chroma_url=url, collection=collection))


def raw_client(url: str) -> Any:
    import chromadb

    parsed = urlparse(url)
    return chromadb.HttpClient(host=parsed.hostname, port=parsed.port,
                               settings=_client_settings())


def test_two_homes_on_one_server_never_touch_each_others_vectors(
        chroma_server: str, tmp_path: Path) -> None:
    """Both homes keep the default collection setting; B's reindex leaves A's vectors alone."""
    a = server_bot(tmp_path / "a", chroma_server)
    a.ingest(write_articles(tmp_path / "articles-a"))
    a.close()
    b = server_bot(tmp_path / "b", chroma_server)
    b.ingest(write_articles(tmp_path / "articles-b", HARBOUR))
    assert b.reindex() == b.corpus.ledger.sentence_count()
    store_consistent(b)
    b.close()
    a = server_bot(tmp_path / "a", chroma_server)  # a new process, as the CLI runs
    assert "Wembley" in a.search("Who won at Wembley?", k=1)[0].text
    assert "Wembley" in a.ask("Who won the cup final at Wembley?").text
    store_consistent(a)
    assert not any("harbour" in h.text for h in a.search("harbour reopened repairs", k=10))
    a.close()


def test_ingest_restores_vectors_the_server_lost(chroma_server: str, tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "articles")
    a = server_bot(tmp_path / "a", chroma_server)
    a.ingest(folder)
    raw_client(chroma_server).delete_collection(a.corpus.store._name)  # wiped behind its back
    a.close()
    a = server_bot(tmp_path / "a", chroma_server)
    with pytest.raises(StoreError, match="claimtrack reindex"):
        a.search("Who won at Wembley?")
    report = a.ingest(folder)
    assert len(report.unchanged) == 3 and report.sentences == 0
    store_consistent(a)
    assert "Wembley" in a.search("Who won at Wembley?", k=1)[0].text
    a.close()


def test_a_home_from_before_home_ids_moves_to_its_own_collection(
        chroma_server: str, tmp_path: Path) -> None:
    """An existing home has no id and its vectors in the shared collection: it gets an id and
    an empty collection of its own, says to rebuild it, and ingest does; the shared one is
    left to the other homes that may use it."""
    shared = "legacy" + str(abs(hash(str(tmp_path))))[:10]
    folder = write_articles(tmp_path / "articles")
    bot = server_bot(tmp_path / "home", chroma_server, shared)
    bot.ingest(folder)
    own = bot.corpus.store._name
    assert own != shared
    old = raw_client(chroma_server).create_collection(shared, embedding_function=None)
    got = bot.corpus.store._usable().get(include=["embeddings", "metadatas"])
    old.add(ids=got["ids"], embeddings=got["embeddings"], metadatas=got["metadatas"])
    bot.close()
    raw_client(chroma_server).delete_collection(own)
    with sqlite3.connect(tmp_path / "home" / "ledger.sqlite3") as db:
        db.execute("DELETE FROM home")  # the ledger of a home that predates home ids
    bot = server_bot(tmp_path / "home", chroma_server, shared)
    with pytest.raises(StoreError, match="claimtrack reindex"):
        bot.search("Who won at Wembley?")
    assert len(bot.ingest(folder).unchanged) == 3
    store_consistent(bot)
    assert bot.corpus.store._name not in (shared, own)
    assert old.count() == len(got["ids"])
    bot.close()
