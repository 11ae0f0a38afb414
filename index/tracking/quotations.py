"""Quotations and content words of a claim, in the normal form that clustering compares.

Two articles quote the same words differently: curly or straight marks, another case, a comma
more or less, an ellipsis where words were cut. A quotation is therefore reduced to its words
(NFKC, lower case, apostrophes dropped, every other punctuation mark a word boundary), split
into fragments at each ellipsis. Fragments of at least `SHINGLE` words are compared by their
hashed runs of `SHINGLE` words (a quote of six or more words shared by two claims); shorter
ones only count inside a longer quotation of the same speaker (`inside`), since "a great
deal" alone says little about who said it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from index.attribution.sentences.quotes import line_quotes

SHINGLE = 6  # words in a run: the "quoted span of at least six words"
SHORT = 3  # the fewest words of a fragment that may match inside a longer quotation
_ELLIPSIS = re.compile(r"…|\.\s*\.\s*\.|\[\s*\.\.\.\s*\]")
_APOSTROPHE = re.compile(r"(?<=\w)['’ʼ](?=\w)")
_WORD = re.compile(r"\w+")
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*[^\W\d_]*")
# Words that carry no content: a claim's topic is in what is left.
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my myself no nor not now of off on once only or other our ours
ourselves out over own said same say says she should so some such than that the their theirs
them themselves then there these they this those through to too under until up very was we
were what when where which while who whom why will with would you your yours yourself told
according added saying asked us mr mrs ms one two would've we're it's don't
""".split())

Words = tuple[str, ...]


def words(text: str) -> Words:
    """The words of `text` in normal form (see the module docstring)."""
    flat = _APOSTROPHE.sub("", unicodedata.normalize("NFKC", text).casefold())
    return tuple(_WORD.findall(flat))


def quotations(text: str, kind: str) -> list[Words]:
    """The quoted fragments of a claim's sentence, each as its words.

    A sentence without quotation marks inside a direct claim (the middle of a quote that runs
    over several sentences) is all quotation.
    """
    spans = [text[q.start:q.end] for q in line_quotes(text, 0, len(text))]
    if not spans and kind == "direct":
        spans = [text]
    fragments = [words(piece) for span in spans for piece in _ELLIPSIS.split(span)]
    return [f for f in fragments if len(f) >= SHORT]


def shingles(fragments: list[Words]) -> set[int]:
    """Hashes of every run of `SHINGLE` words in the long fragments (64-bit signed ints)."""
    found: set[int] = set()
    for fragment in fragments:
        for i in range(len(fragment) - SHINGLE + 1):
            run = " ".join(fragment[i:i + SHINGLE]).encode()
            digest = hashlib.blake2b(run, digest_size=8).digest()
            found.add(int.from_bytes(digest, "big", signed=True))
    return found


def inside(short: list[Words], long: list[Words]) -> bool:
    """Whether a short fragment (under `SHINGLE` words) of one claim runs inside a fragment of
    the other that is longer than it."""
    for piece in short:
        if len(piece) >= SHINGLE:
            continue
        for whole in long:
            if len(whole) > len(piece) and _runs_in(piece, whole):
                return True
    return False


def _runs_in(piece: Words, whole: Words) -> bool:
    n = len(piece)
    return any(whole[i:i + n] == piece for i in range(len(whole) - n + 1))


def content_words(text: str) -> frozenset[str]:
    """The words of `text` that carry content, crudely stemmed (plural, -ing/-ed and final -e)."""
    return frozenset(_stem(w) for w in words(text) if w not in STOPWORDS and not w.isdigit()
                     and len(w) > 1)


def numbers(text: str) -> frozenset[str]:
    """The figures of `text`, each whole with its unit letters ("10", "7.25", "2383", "35bn")."""
    flat = unicodedata.normalize("NFKC", text).casefold()
    # "2,383" is one figure, not "2" and "383" (which would lie among "2,000"'s figures)
    return frozenset(f.replace(",", "") for f in _FIGURE.findall(flat))


def figures_agree(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Whether two claims' figures (`numbers`) allow them to report one statement.

    A report in other words may leave figures out ("raised to $15 by 2020" beside "now $7.25,
    to be raised to $15 by 2020") but not change them ("took $10.7m" beside "took $12.7m"), so
    the figures agree when either claim has none or one claim's lie among the other's.
    """
    return not mine or not theirs or mine <= theirs or theirs <= mine


def _stem(word: str) -> str:
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    # "raise" meets "raised" and "raising" ("rais"), "charge" meets "charges" ("charg")
    return word[:-1] if word.endswith("e") and len(word) > 4 else word
