"""A model is known by its weights, not its folder's name: two models are never mixed."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from conftest import ARTICLES, write_articles

from bot import ClaimBot
from index import Settings, StoreMismatchError
from index.vectors.context import Context
from index.vectors.embedding import (
    BUNDLED_MODEL,
    OnnxEmbedder,
    ensure_onnx,
    load_embedder,
    load_query_embedder,
    model_path,
    onnx_file,
)
from index.vectors.store import _client_settings

TEXTS = ["Manchester City won the cup final at Wembley.", "The probe reached Jupiter."]


@pytest.fixture(scope="session")
def two_models(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """Two different local models, both in folders called ``model`` (built from the bundled
    one by perturbing a layer: nothing is downloaded)."""
    import torch
    from sentence_transformers import SentenceTransformer

    root = tmp_path_factory.mktemp("models")
    folders = []
    for seed, name in ((1, "a"), (2, "b")):
        st = SentenceTransformer(str(model_path(BUNDLED_MODEL)), device="cpu",
                                 local_files_only=True)
        layer = st[0].auto_model.encoder.layer[0].attention.self.query.weight
        generator = torch.Generator().manual_seed(seed)
        with torch.no_grad():
            layer.add_(0.05 * torch.randn(layer.shape, generator=generator))
        folder = root / name / "model"
        st.save(str(folder))
        folders.append(str(folder))
    return folders[0], folders[1]


@pytest.fixture
def bots() -> Iterator[list[ClaimBot]]:
    """Opens bots on one home with a given model; closes them all at the end."""
    opened: list[ClaimBot] = []
    yield opened
    for bot in opened:
        bot.close()


def open_bot(bots: list[ClaimBot], home: Path, model: str,
             context: Context = "paragraph") -> ClaimBot:
    bot = ClaimBot(settings=Settings(home=home, model=model, embed_context=context))
    bots.append(bot)
    return bot


def test_two_models_called_model_are_never_mixed_in_one_index(
        tmp_path: Path, two_models: tuple[str, str], bots: list[ClaimBot]) -> None:
    a, b = two_models
    names = list(ARTICLES)
    first = write_articles(tmp_path / "one", {names[0]: ARTICLES[names[0]]})
    second = write_articles(tmp_path / "two", {n: ARTICLES[n] for n in names[1:]})
    home = tmp_path / "home"
    open_bot(bots, home, a, "none").ingest(first)
    with_b = open_bot(bots, home, b, "none")
    with pytest.raises(StoreMismatchError, match="reindex"):
        with_b.ingest(second)
    with pytest.raises(StoreMismatchError, match="reindex"):
        with_b.search("Who won at Wembley?")
    # After a reindex every vector is model B's: none comes from A's cached vectors.
    assert with_b.reindex() == with_b.corpus.ledger.sentence_count()
    with_b.ingest(second)
    sentences = with_b.corpus.ledger.sentences_of([x.id for x in with_b.articles()])
    stored = with_b.corpus.store.vectors([s.id for s in sentences])
    expected = load_embedder(b).embed([s.text for s in sentences])
    assert len(stored) == len(sentences) == len(expected)
    for sentence, vector in zip(sentences, expected, strict=True):
        assert np.abs(stored[sentence.id] - vector).max() < 1e-5
    with pytest.raises(StoreMismatchError, match="reindex"):
        open_bot(bots, home, a, "none").search("Who won at Wembley?")


def test_the_onnx_export_is_keyed_by_the_weights(tmp_path: Path,
                                                 two_models: tuple[str, str]) -> None:
    a, b = two_models
    ensure_onnx(load_embedder(a), a, tmp_path)
    assert onnx_file(tmp_path, a) != onnx_file(tmp_path, b)
    queries = load_query_embedder(b, 64, tmp_path).embed(TEXTS)
    assert np.abs(queries - load_embedder(b).embed(TEXTS)).max() < 1e-5
    assert np.abs(queries - load_embedder(a).embed(TEXTS)).max() > 1e-3
    ensure_onnx(load_embedder(b), b, tmp_path)  # both exports side by side, each its own
    for model in (a, b):
        fast = load_query_embedder(model, 32, tmp_path)
        assert isinstance(fast, OnnxEmbedder)
        assert np.abs(fast.embed(TEXTS) - load_embedder(model).embed(TEXTS)).max() < 1e-5


def test_the_fingerprint_follows_the_files_not_the_path(
        tmp_path: Path, two_models: tuple[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    import index.vectors.fingerprint as fingerprint
    from index.vectors.embedding import model_fingerprint

    a, b = two_models
    cache = tmp_path / "cache"
    copy = tmp_path / "elsewhere" / "other-name"
    shutil.copytree(a, copy)
    assert model_fingerprint(a, cache) == model_fingerprint(str(copy), cache)
    assert model_fingerprint(a, cache) != model_fingerprint(b, cache)
    # The weights are hashed once per (path, size, mtime): later starts only stat them.
    hashed: list[Path] = []
    real = fingerprint._hash_file
    monkeypatch.setattr(fingerprint, "_hash_file", lambda p: hashed.append(p) or real(p))
    before = model_fingerprint(str(copy), cache)
    assert hashed and all(p.stat().st_size <= fingerprint.BIG_FILE for p in hashed)
    weights = copy / "model.safetensors"
    data = bytearray(weights.read_bytes())
    data[-1] ^= 1
    weights.write_bytes(bytes(data))
    changed = model_fingerprint(str(copy), cache)
    assert changed != before
    config = copy / "config.json"
    config.write_text(config.read_text().replace("}", ', "note": 1}', 1))
    assert model_fingerprint(str(copy), cache) not in (before, changed)


def test_a_home_built_before_fingerprints_keeps_working(
        tmp_path: Path, bots: list[ClaimBot], monkeypatch: pytest.MonkeyPatch) -> None:
    """A home whose index and embedding cache name the bundled model only (the old layout)
    opens without a reindex, and its cached vectors are kept, not encoded again."""
    import chromadb

    home = tmp_path / "home"
    bot = open_bot(bots, home, BUNDLED_MODEL)
    bot.ingest(write_articles(tmp_path / "a"))
    expected = bot.search("Who won at Wembley?", k=3)
    fingerprint = bot.corpus.fingerprint
    bot.close()
    with sqlite3.connect(home / "ledger.sqlite3") as db:  # back to the old layout
        db.execute("DELETE FROM home")
        db.execute("UPDATE embeddings SET model = ?", (BUNDLED_MODEL,))
    client = chromadb.PersistentClient(path=str(home / "chroma"), settings=_client_settings())
    client.get_collection("sentences").modify(
        metadata={"embedder": f"{BUNDLED_MODEL}+paragraph", "dimension": 384})

    def no_encoding(*args: object) -> None:
        raise AssertionError("a cached vector was encoded again")

    again = open_bot(bots, home, BUNDLED_MODEL)
    monkeypatch.setattr(again.corpus, "embedder", type("E", (), {"embed": no_encoding})())
    assert again.search("Who won at Wembley?", k=3) == expected
    assert again.reindex() == again.corpus.ledger.sentence_count()
    with sqlite3.connect(home / "ledger.sqlite3") as db:
        models = {m for (m,) in db.execute("SELECT DISTINCT model FROM embeddings")}
    assert models == {fingerprint}
