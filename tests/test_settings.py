"""Settings: one object per entry point, `CLAIMTRACK_` variables, misspelt fields refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

import index
from bot import Settings


def test_a_misspelt_field_is_refused() -> None:
    with pytest.raises(ValidationError, match="hom"):
        Settings(hom=Path("x"))  # type: ignore[call-arg]
    with pytest.raises(ValidationError, match="min_relevnce"):
        index.Settings(min_relevnce=0.2)  # type: ignore[call-arg]


def test_bot_settings_read_the_same_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMTRACK_MIN_RELEVANCE", "0.5")
    monkeypatch.setenv("CLAIMTRACK_AUTH", "ann:secret")
    monkeypatch.setenv("CLAIMTRACK_MAX_FILE_MB", "3")
    settings = Settings()
    assert (settings.min_relevance, settings.auth, settings.max_file_mb) == (0.5, "ann:secret", 3)
    # The index's own settings ignore what is the bot's.
    assert index.Settings().max_file_mb == 3


def test_index_settings_become_bot_settings_keeping_what_was_set(tmp_path: Path) -> None:
    given = index.Settings(home=tmp_path, lock_timeout=1.5)
    settings = Settings.over(given)
    assert (settings.home, settings.lock_timeout, settings.min_relevance) == (tmp_path, 1.5, 0.35)
    assert Settings.over(settings) is settings
