"""How a home's ledger and its vector index are bound: which collection is the home's, which
model made its vectors, and whether the index holds every vector the ledger says it does.

* A home owns its collection. Embedded, it is ``CLAIMTRACK_COLLECTION`` in the home's own
  ``chroma/`` folder; on a Chroma server, where many homes meet, it is
  ``<CLAIMTRACK_COLLECTION>-<home id>``, the id being given to the home on its first open and
  kept in its ledger. No other home writes, resets or deletes in it.
* The recipe of the vectors (model name, model fingerprint, context) is recorded both in the
  collection's metadata and in the ledger; a store opened with another refuses every use but
  `claimtrack reindex`.
* Every sentence of an article the ledger marks indexed has a vector. `check_in_step` compares
  counts (cheap) before the first query; `lost_articles` finds the articles whose vectors are
  missing, for ingest to index again.
"""

from __future__ import annotations

from pathlib import Path

from index.errors import StoreOutOfStepError
from index.ledger.ledger import Ledger
from index.vectors.context import Context, recipe_name
from index.vectors.store import VectorStore


def collection_name(base: str, home_id: str, server: bool) -> str:
    """The name of a home's own collection (see the module docstring)."""
    return f"{base}-{home_id}" if server else base


def open_store(ledger: Ledger, home: Path, *, model: str, fingerprint: str, dimension: int,
               context: Context, collection: str, url: str | None, token: str | None,
               legacy_model: str | None = None) -> VectorStore:
    """Open the home's own collection for vectors of this model and context.

    Args:
        ledger: The home's ledger (gives the home id and the recorded recipe).
        home: The home folder.
        model: The model's readable name.
        fingerprint: The model's fingerprint (`index.vectors.embedding.model_fingerprint`).
        dimension: Vector length.
        context: The recipe of a sentence's vector.
        collection: ``CLAIMTRACK_COLLECTION``.
        url: The Chroma server, or None for the embedded database.
        token: The server's token.
        legacy_model: The name the index and the embedding cache of a home built before
            fingerprints gave this model, when that name is unambiguous (the bundled model):
            such a home is upgraded in place, its vectors kept.
    """
    home_id = ledger.home_id()
    recipe = recipe_name(f"{model}@{fingerprint}", context)
    legacy = None
    if legacy_model is not None:
        ledger.rekey_vectors(legacy_model, fingerprint)
        legacy = recipe_name(legacy_model, context)
    store = VectorStore(home, recipe, dimension, url=url, token=token, legacy=legacy,
                        owner=home_id, collection=collection_name(collection, home_id,
                                                                  url is not None))
    recorded = ledger.recipe()
    if recorded is None and store.usable:
        ledger.record_recipe(recipe)
    elif recorded not in (None, recipe):
        store.refuse(f"the vectors of {home} were made with {recorded!r}, not {recipe!r}; "
                     "run `claimtrack reindex` to rebuild them from the ledger")
    return store


def check_in_step(ledger: Ledger, store: VectorStore) -> None:
    """Raise unless the index holds at least as many vectors as the ledger has marked indexed
    (it may hold more for a moment: vectors of an ingest under way, or queued deletes).

    Raises:
        StoreMismatchError: The index holds another recipe's vectors.
        StoreOutOfStepError: Vectors are missing.
    """
    held, expected = store.count(), ledger.indexed_sentence_count()
    if held < expected:
        raise StoreOutOfStepError(
            f"the vector index ({store.place}) holds {held} vectors but the ledger has "
            f"{expected} indexed sentences: it was deleted or wiped, or this home has just been "
            "given a collection of its own; run `claimtrack reindex` to rebuild it from the "
            "ledger (`claimtrack ingest` repairs it too)"
        )


def lost_articles(ledger: Ledger, store: VectorStore) -> list[str]:
    """Ids of the articles marked indexed of which a vector is missing from the index."""
    count = store.count()
    if count >= ledger.indexed_sentence_count():
        return []  # the cheap check: after `Ingestor.recover`'s other work, nothing is missing
    sentences = ledger.indexed_sentences()
    held = store.existing([s for s, _ in sentences]) if count else set()
    return list(dict.fromkeys(a for s, a in sentences if s not in held))
