"""The vectors indexed for sentences under each context recipe (index/vectors/context.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from conftest import write_articles

from bot import ClaimBot
from index.ledger.ledger import Ledger
from index.records import Sentence
from index.vectors.cache import VectorCache
from index.vectors.context import (
    CONTEXTS,
    PARAGRAPH_WEIGHT,
    TITLE_WEIGHT,
    embedding_text,
    indexed_vectors,
    recipe_name,
)
from index.vectors.embedding import load_embedder

# Article "a": line 2 holds two sentences, line 3 one. Article "b" has no title.
SENTENCES = [
    Sentence("a:0", "a", 0, 2, 0, 28, "The stadium opened in 2014."),
    Sentence("a:1", "a", 1, 2, 29, 61, "It seats about 68,500 people."),
    Sentence("a:2", "a", 2, 3, 62, 95, "The team moved there from Candlestick."),
    Sentence("b:0", "b", 0, 1, 0, 22, "Rain fell all weekend."),
]
TITLES: dict[str, str | None] = {"a": "Levi's Stadium", "b": None}


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VectorCache]:
    """Real all-MiniLM-L6-v2 vectors through a real ledger cache."""
    ledger = Ledger(Path(tmp_path_factory.mktemp("context")) / "ledger.sqlite3")
    embedder = load_embedder()
    yield VectorCache(ledger, lambda: embedder, embedder.name, embedder.dimension)
    ledger.close()


def unit(vector: np.ndarray) -> np.ndarray:
    return vector / np.linalg.norm(vector)


def test_embedding_text_prefixes_the_title_only_when_there_is_one() -> None:
    titled = embedding_text("It opened in 2014.", "Levi's Stadium")
    assert titled == "Levi's Stadium: It opened in 2014."
    assert embedding_text("It opened in 2014.", None) == "It opened in 2014."
    assert embedding_text("It opened in 2014.", "  ") == "It opened in 2014."


def test_each_recipe_has_its_own_name() -> None:
    names = {recipe_name("all-MiniLM-L6-v2", c) for c in CONTEXTS}
    assert names == {"all-MiniLM-L6-v2", "all-MiniLM-L6-v2+title", "all-MiniLM-L6-v2+paragraph"}


def test_paragraph_recipe_mixes_title_and_the_other_sentences_of_the_paragraph(
        cache: VectorCache) -> None:
    got = indexed_vectors(SENTENCES, TITLES, cache, "paragraph")
    own = cache.vectors([s.text for s in SENTENCES])
    title = cache.vectors(["Levi's Stadium"])[0]
    # Two sentences on line 2: each takes in the other; line 3 is alone; "b" has no title.
    assert got[0] == pytest.approx(unit(own[0] + TITLE_WEIGHT * title
                                        + PARAGRAPH_WEIGHT * own[1]), abs=1e-6)
    assert got[1] == pytest.approx(unit(own[1] + TITLE_WEIGHT * title
                                        + PARAGRAPH_WEIGHT * own[0]), abs=1e-6)
    assert got[2] == pytest.approx(unit(own[2] + TITLE_WEIGHT * title), abs=1e-6)
    assert got[3] == pytest.approx(own[3], abs=1e-6)
    assert np.linalg.norm(got, axis=1) == pytest.approx(np.ones(4), abs=1e-6)


def test_paragraph_recipe_brings_a_sentence_nearer_its_topic(cache: VectorCache) -> None:
    query = cache.vectors(["When did Levi's Stadium open?"])[0]
    bare = indexed_vectors(SENTENCES[:2], TITLES, cache, "none")
    mixed = indexed_vectors(SENTENCES[:2], TITLES, cache, "paragraph")
    assert float(mixed[0] @ query) > float(bare[0] @ query)


@pytest.mark.parametrize("context", CONTEXTS)
def test_vectors_depend_only_on_the_sentences_given_not_their_order(
        cache: VectorCache, context: str) -> None:
    forward = indexed_vectors(SENTENCES, TITLES, cache, context)  # type: ignore[arg-type]
    backward = indexed_vectors(SENTENCES[::-1], TITLES, cache, context)  # type: ignore[arg-type]
    assert forward == pytest.approx(backward[::-1], abs=1e-6)


def test_title_and_none_recipes_encode_their_texts(cache: VectorCache) -> None:
    titled = indexed_vectors(SENTENCES, TITLES, cache, "title")
    assert titled[0] == pytest.approx(
        cache.vectors(["Levi's Stadium: The stadium opened in 2014."])[0], abs=1e-6)
    assert titled[3] == pytest.approx(cache.vectors(["Rain fell all weekend."])[0], abs=1e-6)
    bare = indexed_vectors(SENTENCES, TITLES, cache, "none")
    assert bare == pytest.approx(cache.vectors([s.text for s in SENTENCES]), abs=1e-6)
    assert indexed_vectors([], TITLES, cache, "paragraph").shape == (0, cache.dimension)


def stored_and_expected(bot: ClaimBot) -> tuple[np.ndarray, np.ndarray]:
    """The vectors in the index and those `indexed_vectors` gives from the ledger, same order."""
    corpus = bot.corpus
    articles = corpus.ledger.articles()
    sentences = corpus.ledger.sentences_of([a.id for a in articles])
    stored = corpus.store.vectors([s.id for s in sentences])
    expected = indexed_vectors(sentences, {a.id: a.title for a in articles}, corpus.cache,
                               corpus.settings.embed_context)
    return np.stack([stored[s.id] for s in sentences]), expected


def test_index_holds_the_paragraph_vectors_after_ingest_retitling_and_reindex(
        bot: ClaimBot, tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "articles")
    page = folder / "page.md"
    body = "Rates stay on hold. The bank said so on Friday.\n\nMarkets barely moved.\n"
    page.write_text("---\ntitle: Central bank holds rates\n---\n" + body, encoding="utf-8")
    bot.ingest(folder)
    assert bot.corpus.settings.embed_context == "paragraph"
    stored, expected = stored_and_expected(bot)
    assert stored == pytest.approx(expected, abs=1e-5)
    # A new title alone (same text) re-indexes the article's vectors under it.
    page.write_text("---\ntitle: Rates unchanged again\n---\n" + body, encoding="utf-8")
    bot.ingest(folder)
    retitled, expected = stored_and_expected(bot)
    assert retitled == pytest.approx(expected, abs=1e-5)
    assert retitled != pytest.approx(stored, abs=1e-5)
    bot.reindex()
    rebuilt, _ = stored_and_expected(bot)
    assert rebuilt == pytest.approx(retitled, abs=1e-5)
