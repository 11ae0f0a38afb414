"""The settings of the index, read from ``CLAIMTRACK_*`` environment variables.

They (or `bot.Settings`, which adds the entry points' fields) are built once at an entry point (CLI,
web app, `ClaimBot`) and passed down; library code never reads the environment itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from index.vectors.context import Context


class Settings(BaseSettings):
    """Every tunable of the index; each field maps to ``CLAIMTRACK_<FIELD>``.

    `bot.Settings` adds the fields of the entry points (answers, logins, tracebacks). A
    misspelt field passed in code fails; other ``CLAIMTRACK_`` variables in the environment
    are left to `bot.Settings`.
    """

    model_config = SettingsConfigDict(env_prefix="CLAIMTRACK_", extra="forbid")

    home: Path = Field(Path("claimtrack-data"), description="Folder of the ledger and index.")
    model: str = Field(
        "all-MiniLM-L6-v2",
        description="Embedding model: all-MiniLM-L6-v2 (bundled) or a local model folder "
        "(known by a fingerprint of its files, not the folder's name).",
    )
    model_cache: Path = Field(
        Path("~/.cache/claimtrack"),
        description="Folder for the ONNX export of the model (fast-start queries).",
    )
    chroma_url: str | None = Field(None, description="Chroma server URL; unset = embedded.")
    chroma_token: str | None = Field(None, description="Token sent to the Chroma server.")
    collection: str = Field(
        "sentences",
        description="Chroma collection name; on a server, the prefix of each home's own "
        "collection (`<collection>-<home id>`).",
    )
    max_file_mb: float = Field(2.0, gt=0, description="Largest source file accepted, in MB.")
    lock_timeout: float = Field(5.0, ge=0, description="Seconds to wait for the writer lock.")
    encode_batch: int = Field(64, ge=1, description="Sentences per encoder batch.")
    embed_context: Context = Field(
        "paragraph",
        description="What a sentence's vector carries besides the sentence: `paragraph` (its "
        "article's title and its paragraph, mixed in as vectors), `title` (\"title: sentence\" "
        "encoded as one, about 20% more encoder work at ingest) or `none`; changing it needs "
        "`claimtrack reindex`.",
    )
    attribution_second: Literal["off", "named", "carry"] = Field(
        "carry",
        description="Ask the trained attribution tagger (`attribution_tagger`) about the "
        "sentences the rules leave without a claim: `off` (rules only), `named` (its claims "
        "with a cue and a named source) or `carry` (also quotations carried on); see "
        "index/attribution/articles/second.py and docs/benchmarks.md.",
    )
    attribution_tagger: Path | None = Field(
        None,
        description="Folder of a trained attribution tagger (`make attribution-model` builds "
        "one in build/attribution-model/model-best); unset = the one shipped in "
        "index/attribution/tagger.",
    )

    @property
    def max_file_bytes(self) -> int:
        """The size limit of a source file in bytes."""
        return int(self.max_file_mb * 1_000_000)
