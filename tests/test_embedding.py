"""The embedders: offline loading, unit vectors, and ONNX equal to sentence-transformers."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from index import EmbedderError
from index.vectors.embedding import (
    OnnxEmbedder,
    ensure_onnx,
    load_embedder,
    load_query_embedder,
    model_path,
    onnx_file,
)

TEXTS = ["China says it will not provide arms.", "", "x " * 400, "Zürich’s “Māori” café — ok"]


def test_bundled_model_gives_unit_vectors() -> None:
    vectors = load_embedder().embed(TEXTS)
    assert vectors.shape == (4, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_onnx_export_matches_sentence_transformers(tmp_path: Path) -> None:
    torch_embedder = load_embedder()
    ensure_onnx(torch_embedder, "all-MiniLM-L6-v2", tmp_path)
    assert onnx_file(tmp_path, "all-MiniLM-L6-v2").is_file()
    fast = load_query_embedder("all-MiniLM-L6-v2", 64, tmp_path)
    assert isinstance(fast, OnnxEmbedder)
    assert np.abs(fast.embed(TEXTS) - torch_embedder.embed(TEXTS)).max() < 1e-5


def test_without_export_queries_use_torch(tmp_path: Path) -> None:
    assert load_query_embedder("all-MiniLM-L6-v2", 64, tmp_path / "empty") is load_embedder(
        "all-MiniLM-L6-v2", 64)


def test_damaged_export_falls_back_and_is_removed(tmp_path: Path) -> None:
    target = onnx_file(tmp_path, "all-MiniLM-L6-v2")
    target.write_bytes(b"not a model")
    load_query_embedder("all-MiniLM-L6-v2", 32, tmp_path)
    assert not target.exists()


def test_unknown_model_names_the_setting() -> None:
    with pytest.raises(EmbedderError, match="CLAIMTRACK_MODEL"):
        model_path("no-such-model")


def test_beside_a_busy_worker_the_encoder_leaves_it_a_core_and_gives_the_same_vectors() -> None:
    import torch

    embedder = load_embedder("all-MiniLM-L6-v2", 2)  # two texts a batch: four batches here
    texts = [*TEXTS, "Short.", "A somewhat longer sentence than the one before it.", "Mid one."]
    cores = torch.get_num_threads()
    seen: list[int] = []  # threads the batch before each question ran on

    def busy() -> bool:
        seen.append(torch.get_num_threads())
        return len(seen) % 2 == 1  # busy for the 1st and 3rd batch, idle for the others

    shared = embedder.embed(texts, busy)
    assert np.abs(shared - embedder.embed(texts)).max() < 1e-5  # same rows, same order
    assert len(seen) == 4 and torch.get_num_threads() == cores
    assert seen[1:] == [max(1, cores - 1), cores, max(1, cores - 1)]
