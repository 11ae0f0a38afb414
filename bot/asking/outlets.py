"""Outlets named in questions ("according to Breitbart", "in the NYT"), matched to the ledger's.

An outlet of the ledger matches a name when both read the same once case, a leading "the",
punctuation and words such as "news" are set aside; when one gives the initials of the other
("NYT"); when one's words start the other's ("wash-post" for the Washington Post); or through a
short list of nicknames (WaPo, HuffPo).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

# Nicknames that no rule above finds, by the outlet's full name.
NICKNAMES = {
    "washington post": ("wapo",),
    "huffington post": ("huffpo", "huffpost"),
    "new york times": ("ny times", "nytimes"),
    "wall street journal": ("wsj",),
    "associated press": ("ap",),
    "british broadcasting corporation": ("bbc",),
    "western journal": ("westernjournal",),
}
_FILLER = frozenset(("the", "news", "online", "com", "newspaper", "magazine", "website"))
# "according to X", "in X", "from X", "by X", "did X report": where an outlet is named.
_CUE = re.compile(r"[\s,]*\b(?:according\s+to|reported\s+(?:in|by)|in|from|by)\s+",
                  re.IGNORECASE)
_WORD = re.compile(r"[\w.&'’-]+")
_MAX_WORDS = 5


def resolve_outlet(name: str, outlets: Sequence[str]) -> str | None:
    """The outlet of the ledger that `name` names, or None."""
    wanted = _key(name)
    if not wanted:
        return None
    names = {wanted} | {full for full, nicks in NICKNAMES.items() if wanted in nicks}
    names |= {nick for nick in NICKNAMES.get(wanted, ())}
    for outlet in outlets:
        if any(_same(a, b) for a in names for b in _forms(outlet)):
            return outlet
    return None


@lru_cache(maxsize=4096)
def _forms(outlet: str) -> frozenset[str]:
    """An outlet's key and nicknames (read once per outlet: questions ask again and again)."""
    key = _key(outlet)
    return frozenset({key, *NICKNAMES.get(key, ()),
                      *(full for full, nicks in NICKNAMES.items() if key in nicks)})


def find_outlet(text: str, outlets: Sequence[str]) -> tuple[str, str | None]:
    """An outlet named after "according to", "in", "from" or "by", and the text without it.

    The longest run of words after the cue that names a stored outlet wins ("in the New York
    Times" over "in the New"); text naming no stored outlet is left as it is ("in Ohio").
    """
    if not outlets:
        return text, None
    for cue in _CUE.finditer(text):
        words = list(_WORD.finditer(text, cue.end()))
        run: list[re.Match[str]] = []
        for word in words[:_MAX_WORDS]:
            if run and text[run[-1].end() : word.start()].strip():
                break  # a comma or a question mark ends the name
            run.append(word)
        for n in range(len(run), 0, -1):
            phrase = text[run[0].start() : run[n - 1].end()]
            if outlet := resolve_outlet(phrase, outlets):
                rest = text[: cue.start()] + " " + text[run[n - 1].end() :]
                return " ".join(rest.split()).replace(" ?", "?").strip(" ,;:"), outlet
    return text, None


def _key(name: str) -> str:
    """Lowercase words without punctuation or filler: "The Washington-Post" → "washington post"."""
    words = re.sub(r"[^\w\s]|_", " ", name.lower().replace("’", "'").replace("'s", "")).split()
    kept = [w for w in words if w not in _FILLER]
    return " ".join(kept or words)


def _same(a: str, b: str) -> bool:
    if a == b or a.replace(" ", "") == b.replace(" ", ""):
        return True
    return _abbreviates(a, b) or _abbreviates(b, a)


def _abbreviates(short: str, full: str) -> bool:
    """Whether `short` gives the initials of `full` ("nyt") or starts each of its words
    ("wash post" for "washington post")."""
    words = full.split()
    if len(words) > 1 and short == "".join(w[0] for w in words):
        return True
    parts = short.split()
    return len(parts) == len(words) > 1 and all(
        len(p) >= 3 and w.startswith(p) for p, w in zip(parts, words, strict=True))
