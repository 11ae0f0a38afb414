"""Which language a question is in (lingua; the only importer of lingua).

The articles are searched in English, so a question in another language would match nothing
it means. lingua's detector is built for a handful of languages in its low-accuracy mode, which
loads in a fraction of a second instead of seconds and still tells full questions apart.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

# Languages told apart from English; a question in any other language may pass as one of these.
LANGUAGES = ("ENGLISH", "SPANISH", "GERMAN", "FRENCH", "ITALIAN", "PORTUGUESE", "RUSSIAN",
             "CHINESE", "ARABIC")
MIN_LETTERS = 12  # shorter texts ("Brexit?") are too short to tell
MIN_CONFIDENCE = 0.9  # of the other language, and English well below it


def foreign_language(text: str) -> str | None:
    """The language of `text` ("Spanish") when it is confidently not English, else None."""
    letters = sum(ch.isalpha() for ch in text)
    ideographs = sum("\u3000" <= ch <= "\u9fff" for ch in text)
    if letters < MIN_LETTERS and ideographs < 3:
        return None
    found = _detector().compute_language_confidence_values(text)
    values = {c.language.name: c.value for c in found}
    best = max(values, key=values.__getitem__, default="ENGLISH")
    if best == "ENGLISH" or values[best] < MIN_CONFIDENCE or values.get("ENGLISH", 0) > 0.05:
        return None
    return best.title()


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()
