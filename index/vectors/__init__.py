"""Vectors: the embedding model, what each sentence's vector holds, and the vector index.

`embedding` is the only module that loads a model (sentence-transformers, or its ONNX
export for fast-start queries); `fingerprint` identifies a model by its files, not its name;
`context` is the recipe of an indexed vector (the sentence, its title and its paragraph);
`cache` keeps vectors by model fingerprint and sentence-text hash in the ledger so nothing is
encoded twice; `store` is the Chroma index, the only chromadb importer; `binding` ties a home's
ledger to its own collection (which one, made by which model, and whether it holds every vector
the ledger says it does). It may import the ledger (the cache and the home's records live
there), never attribution or search.
"""

from index.vectors.cache import VectorCache
from index.vectors.context import Context, indexed_vectors, recipe_name
from index.vectors.store import VectorStore

__all__ = ["Context", "VectorCache", "VectorStore", "indexed_vectors", "recipe_name"]
