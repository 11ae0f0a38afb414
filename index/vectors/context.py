"""How a sentence's indexed vector takes in its context: its article's title and its paragraph.

A sentence alone often lacks its topic ("The stadium opened in 2014."): the vector indexed for
it carries some of its context, in one of three recipes (`Settings.embed_context`):

* ``paragraph`` (default): the sentence's own vector plus `TITLE_WEIGHT` × the title's vector
  plus `PARAGRAPH_WEIGHT` × the mean vector of the other sentences of its paragraph, scaled to
  unit length. Every sentence is encoded alone, and each title once per article, so ingest does
  no more encoder work than for bare sentences;
* ``title``: the text "title: sentence" encoded as one: slightly better recall, but every
  sentence is encoded with its title, which costs encoder work at ingest;
* ``none``: the sentence alone.

The weights were chosen on a SQuAD tuning sample disjoint from the questions the retrieval
benchmark reports; both recipes' figures are in docs/benchmarks.md.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Literal

import numpy as np

if TYPE_CHECKING:  # settings import this module; keep it light
    from index.records import Sentence
    from index.vectors.cache import VectorCache

Context = Literal["paragraph", "title", "none"]
CONTEXTS: tuple[Context, ...] = ("paragraph", "title", "none")
TITLE_WEIGHT = 0.7
PARAGRAPH_WEIGHT = 0.5


def embedding_text(text: str, title: str | None) -> str:
    """The text encoded for a sentence by the ``title`` recipe: prefixed by its article's title
    when it has one."""
    title = (title or "").strip()
    return f"{title}: {text}" if title else text


def recipe_name(model: str, context: Context) -> str:
    """The name of an index's embedding recipe, recorded with its vectors: a store built with
    another recipe must be rebuilt, not mixed."""
    return model if context == "none" else f"{model}+{context}"


def indexed_vectors(sentences: Sequence[Sentence], titles: Mapping[str, str | None],
                    cache: VectorCache, context: Context) -> np.ndarray:
    """The unit vectors to index for `sentences`, in their order.

    Args:
        sentences: Whole paragraphs: with ``paragraph``, a sentence's context is the other
            sentences given with the same article and line.
        titles: Each article's title by article id.
        cache: Encodes texts (at most once each).
        context: The recipe (see the module docstring).
    """
    if context == "title":
        return cache.vectors([embedding_text(s.text, titles[s.article]) for s in sentences])
    own = cache.vectors([s.text for s in sentences])
    if context == "none" or not len(sentences):
        return own
    mixed = own + PARAGRAPH_WEIGHT * _paragraph_means(sentences, own)
    named = sorted({t.strip() for t in titles.values() if t and t.strip()})
    if named:
        by_title = dict(zip(named, cache.vectors(named), strict=True))
        for row, sentence in enumerate(sentences):
            title = (titles[sentence.article] or "").strip()
            if title:
                mixed[row] += TITLE_WEIGHT * by_title[title]
    return mixed / np.linalg.norm(mixed, axis=1, keepdims=True)


def _paragraph_means(sentences: Sequence[Sentence], own: np.ndarray) -> np.ndarray:
    """Per sentence, the mean vector of the other sentences of its paragraph (zero if none)."""
    rows: dict[tuple[str, int], list[int]] = {}
    for row, sentence in enumerate(sentences):
        rows.setdefault((sentence.article, sentence.line), []).append(row)
    means = np.zeros_like(own)
    for members in rows.values():
        if len(members) > 1:
            total = own[members].sum(axis=0)
            for row in members:
                means[row] = (total - own[row]) / (len(members) - 1)
    return means
