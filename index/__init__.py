"""claimtrack's index: reading, repairing and splitting articles, embeddings, storage, retrieval."""

from index.corpus import Corpus
from index.errors import (
    ClaimtrackError,
    EmbedderError,
    InputError,
    ServerError,
    StoreError,
    StoreLockedError,
    StoreMismatchError,
    StoreOutOfStepError,
    UnreadableFileError,
    UnsupportedFileError,
)
from index.records import (
    Appearance,
    Article,
    Claim,
    Cluster,
    Hit,
    IngestReport,
    Metadata,
    Sentence,
    Source,
    Speaker,
)
from index.search.hybrid import Filters
from index.settings import Settings

__all__ = [
    "Appearance",
    "Article",
    "Claim",
    "ClaimtrackError",
    "Cluster",
    "Corpus",
    "EmbedderError",
    "Filters",
    "Hit",
    "IngestReport",
    "InputError",
    "Metadata",
    "Sentence",
    "ServerError",
    "Settings",
    "Source",
    "Speaker",
    "StoreError",
    "StoreLockedError",
    "StoreMismatchError",
    "StoreOutOfStepError",
    "UnreadableFileError",
    "UnsupportedFileError",
]
