"""Which language a question is in (lingua; the only importer of lingua).

The articles are searched in English, so a question in another language would match nothing
it means. lingua's detector is built for a handful of languages in its low-accuracy mode, which
loads in a fraction of a second instead of seconds and still tells full questions apart.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

# Languages told apart from English; a question in any other language may pass as one of these.
LANGUAGES = ("ENGLISH", "SPANISH", "GERMAN", "FRENCH", "ITALIAN", "PORTUGUESE", "RUSSIAN",
             "CHINESE", "ARABIC")
MIN_WORDS = 4  # fewer words in a Latin or Cyrillic script are names and keywords, not a question
MIN_CONFIDENCE = 0.6  # of the other language, relative to the likeliest (lingua's scale)
# English words that the other languages above do not write: one of them makes a question
# English whatever its names ("What did Merkel say about Flüchtlinge?"), which low-accuracy
# detection of a few words alone can get wrong.
ENGLISH_WORDS = frozenset((
    "what", "did", "does", "say", "said", "says", "about", "who", "the", "which", "how",
    "why", "when", "where", "has", "have", "had", "told", "tell", "think", "thought", "of",
    "and", "claim", "claimed", "to", "for", "with", "from", "that", "this", "is", "are",
    "will", "would", "not", "were", "by", "his", "their", "its"))
_WORD = re.compile(r"[^\W\d_]+")


def foreign_language(text: str) -> str | None:
    """The language of `text` ("Spanish") when it is confidently not English, else None."""
    words = _WORD.findall(text.lower())
    ideographs = sum("\u3000" <= ch <= "\u9fff" for ch in text)
    script = any(ch.isalpha() and not ("a" <= ch.lower() <= "z" or "\u00c0" <= ch <= "\u024f"
                                       or "\u0400" <= ch <= "\u04ff") for ch in text)
    if ideographs < 3 and not script and len(words) < MIN_WORDS:
        return None
    if any(w in ENGLISH_WORDS for w in words):
        return None
    found = _detector().compute_language_confidence_values(text)
    values = {c.language.name: c.value for c in found}
    best = max(values, key=values.__getitem__, default="ENGLISH")
    if best == "ENGLISH" or values[best] < MIN_CONFIDENCE:
        return None
    return best.title()


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()
