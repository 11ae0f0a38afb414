"""Fingerprints of article texts, to find the same article arriving twice (issue 14, item 6).

Two checks, cheapest first:

* **exact**: a hash of the text after normalisation (Unicode NFC, case folded, typographic
  quotes, apostrophes and dashes as their ASCII forms, every run of whitespace one space), so
  copies that differ only in those are one article;
* **near**: MinHash (datasketch) over the word 3-grams of the normalised text, looked up in a
  MinHash LSH index; a candidate is a duplicate when the Jaccard similarity of the two 3-gram
  sets, counted exactly on both texts, is at least `THRESHOLD`. A changed word alters at most
  3 of a news article's hundreds of 3-grams, while a version with a paragraph added or
  rewritten falls below it (the threshold and the pairs it finds on the BBC corpus are in
  docs/benchmarks.md).

This is the only module that imports datasketch. Signatures are stored in the ledger with
their `RECIPE`; a change of recipe makes every stored one be computed again.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

from index.records import Fingerprint

NUM_PERM = 128
SHINGLE = 3  # words per shingle
THRESHOLD = 0.85  # Jaccard of the 3-gram sets, counted exactly (measured: docs/benchmarks.md)
# The LSH index and the signatures only pick candidates, with room for MinHash's error
# (about ±0.03 at 128 permutations); each candidate is then compared exactly.
CANDIDATE = 0.7
# Hash values carry no trace of the permutation scheme that made them: it is fixed here and in
# the recipe (datasketch 2 changed its default, and stored signatures outlive the package).
SCHEME = "affine32"
RECIPE = f"nfc-fold-quotes-ws/w{SHINGLE}/minhash{NUM_PERM}-{SCHEME}"

_ASCII = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"', "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2026": "...",
})
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    """The text as duplicate detection compares it (see the module docstring)."""
    folded = unicodedata.normalize("NFC", text).casefold().translate(_ASCII)
    return _SPACE.sub(" ", folded).strip()


def fingerprint(text: str) -> Fingerprint:
    """The fingerprint of an article's (punctuation-repaired) text."""
    plain = normalise(text)
    exact = hashlib.blake2b(plain.encode("utf-8"), digest_size=16).hexdigest()
    grams = shingles(plain)
    if not grams:
        return Fingerprint(RECIPE, exact, b"")
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch(list(grams))
    return Fingerprint(RECIPE, exact, minhash.hashvalues.astype(np.uint64).tobytes())


def shingles(plain: str) -> set[bytes]:
    """The word 3-grams of a normalised text, the set MinHash estimates Jaccard over."""
    words = _WORD.findall(plain)
    return {" ".join(words[i : i + SHINGLE]).encode("utf-8")
            for i in range(len(words) - SHINGLE + 1)}


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the 3-gram sets behind two signatures."""
    if not a or not b:
        return 0.0
    return float(np.mean(np.frombuffer(a, np.uint64) == np.frombuffer(b, np.uint64)))


class Duplicates:
    """An in-memory LSH index of article fingerprints: which stored article a text repeats.

    Args:
        stored: ``(article id, fingerprint)`` of the articles to compare with.
    """

    def __init__(self, stored: Iterable[tuple[str, Fingerprint]] = ()) -> None:
        self._lsh = MinHashLSH(threshold=CANDIDATE, num_perm=NUM_PERM)
        self._exact: dict[str, str] = {}
        self._prints: dict[str, Fingerprint] = {}
        self._order: dict[str, int] = {}  # the first added wins a tie
        for article, print_ in stored:
            self.add(article, print_)

    def add(self, article: str, print_: Fingerprint) -> None:
        """Compare later texts with this article too (a second add of one id is ignored)."""
        if article in self._prints:
            return
        self._exact.setdefault(print_.exact, article)
        self._prints[article] = print_
        self._order[article] = len(self._order)
        if print_.signature:
            self._lsh.insert(article, _minhash(print_.signature))

    def remove(self, article: str) -> None:
        """Stop comparing with this article (deleted or replaced)."""
        print_ = self._prints.pop(article, None)
        if print_ is None:
            return
        del self._order[article]
        if print_.signature:
            self._lsh.remove(article)
        if self._exact.get(print_.exact) == article:
            del self._exact[print_.exact]

    def find(self, print_: Fingerprint, text: str,
             text_of: Callable[[str], str]) -> tuple[str, float] | None:
        """The article that `text` repeats and their similarity, or None.

        Args:
            print_: The fingerprint of `text`.
            text: The new article's (punctuation-repaired) text.
            text_of: The repaired text of a stored article, by id, for the exact check of
                the few candidates the LSH index returns.

        Returns:
            ``(article id, similarity)``: 1.0 for the same normalised text, else the Jaccard
            similarity of the two 3-gram sets, at least `THRESHOLD`; of several, the most
            similar, then the first added.
        """
        exact = self._exact.get(print_.exact)
        if exact is not None:
            return exact, 1.0
        if not print_.signature:
            return None
        grams = shingles(normalise(text))
        best: tuple[float, int, str] | None = None
        for article in self._lsh.query(_minhash(print_.signature)):
            if similarity(print_.signature, self._prints[article].signature) < CANDIDATE:
                continue  # an LSH false positive: not worth reading the stored text
            other = shingles(normalise(text_of(article)))
            score = len(grams & other) / len(grams | other)
            if score >= THRESHOLD and (best is None or (score, -self._order[article]) > best[:2]):
                best = (score, -self._order[article], article)
        return (best[2], best[0]) if best else None


def _minhash(signature: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(signature, np.uint64),
                   scheme=SCHEME)
