"""The settings of the bot's entry points (API, CLI, web) over `index.Settings`.

Same ``CLAIMTRACK_`` variables; fields the index never reads (answers, the chat model, logins,
uploads, tracebacks) live here. Built once at an entry point and passed down.
"""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import SettingsConfigDict

from index import Settings as IndexSettings


class Settings(IndexSettings):
    """Every tunable of claimtrack; each field maps to ``CLAIMTRACK_<FIELD>``.

    A misspelt field passed in code (``Settings(hom=...)``) fails instead of being ignored.
    """

    model_config = SettingsConfigDict(env_prefix="CLAIMTRACK_", extra="forbid")

    min_relevance: float = Field(
        0.35, ge=-1, le=1, description="Cosine similarity below which a question is not covered."
    )
    max_question_chars: int = Field(
        1000, ge=1, description="Longest question answered; longer ones are declined."
    )
    debug: bool = Field(False, description="Show tracebacks on errors.")
    auth: str | None = Field(None, description="user:password required by the web chat.")
    llm: str | None = Field(
        None, description="Chat model for written answers, as LangChain's init_chat_model spec "
        "(e.g. ollama:llama3.2); unset: extractive answers only."
    )
    llm_timeout: float = Field(
        60.0, gt=0, description="Seconds the chat model may take for one written answer before "
        "the extractive answer is shown instead."
    )

    @classmethod
    def over(cls, settings: IndexSettings | None) -> Settings:
        """`settings` as bot settings (the index's own fields kept; the others from the
        environment or their defaults)."""
        if settings is None:
            return cls()
        if isinstance(settings, cls):
            return settings
        return cls(**settings.model_dump(exclude_unset=True))
