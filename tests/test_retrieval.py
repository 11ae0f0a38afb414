"""Search, answers and the LangChain retriever on the seed article and small fixtures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import write_articles

from bot import ClaimBot, InvalidArgumentError
from index.search.hybrid import fuse
from index.search.retriever import SentenceRetriever

QUESTION = "What did China say about arms sales?"


def test_seed_answer_cites_lines_6_7_8_and_never_3(seed_bot: ClaimBot) -> None:
    answer = seed_bot.ask(QUESTION)
    lines = [c.line for c in answer.citations[:5]]
    assert {6, 7, 8} <= set(lines)
    assert 3 not in lines
    texts = {c.line: c.text for c in answer.citations}
    assert texts[6].startswith(
        "Meanwhile, China’s Deputy Permanent U.N. Representative Geng Shuang"
    )
    assert texts[8].startswith("“The constant feeding of weapons")
    for c in answer.citations:
        assert f"{c.marker}" in answer.text


def test_citations_point_at_the_original_file(seed_bot: ClaimBot) -> None:
    for c in seed_bot.ask(QUESTION).citations:
        original = Path(c.path).read_text(encoding="utf-8")
        assert original.splitlines()[c.line - 1].find(original[c.start : c.end]) >= 0
        # The original is damaged; the citation text is its repaired form, of equal length.
        assert len(original[c.start : c.end]) == len(c.text)


def test_line_3_boilerplate_is_not_indexed(seed_bot: ClaimBot) -> None:
    assert all(h.line != 3 for h in seed_bot.search("Recommended Videos", k=20))


def test_unrelated_question_is_not_covered(seed_bot: ClaimBot) -> None:
    answer = seed_bot.ask("What is the best recipe for banana bread?")
    assert answer.citations == ()
    assert "do not cover" in answer.text


def test_scores_are_in_unit_range_and_sorted(seed_bot: ClaimBot) -> None:
    hits = seed_bot.search("peace plan", k=10)
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert hits[0].line == 14


def test_fuse_prefers_items_ranked_by_both() -> None:
    fused = dict(fuse([["a", "b", "c"], ["b", "d"]]))
    assert max(fused, key=fused.__getitem__) == "b"
    assert fuse([["x"], ["x"]]) == [("x", 1.0)]


@pytest.fixture
def dated_bot(bot: ClaimBot, tmp_path: Path) -> ClaimBot:
    folder = write_articles(tmp_path / "dated")
    bot.ingest(folder / "2023-05-19-markets.txt", outlet="Daily Ledger")
    bot.ingest([folder / "2023-06-02-football.txt", folder / "2023-07-14-space.txt"],
               outlet="Evening Post")
    return bot


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, {"2023-05-19-markets.txt", "2023-06-02-football.txt", "2023-07-14-space.txt"}),
        ({"outlet": "daily ledger"}, {"2023-05-19-markets.txt"}),
        ({"since": "2023-06-01"}, {"2023-06-02-football.txt", "2023-07-14-space.txt"}),
        ({"until": dt.date(2023, 6, 2)}, {"2023-05-19-markets.txt", "2023-06-02-football.txt"}),
        ({"since": "2023-06-01", "until": "2023-06-30"}, {"2023-06-02-football.txt"}),
        ({"article": "2023-07-14-space.txt"}, {"2023-07-14-space.txt"}),
        ({"outlet": "Nobody"}, set()),
    ],
)
@pytest.mark.parametrize("exact_limit", [5000, 0], ids=["exact", "chroma-where"])
def test_filters(dated_bot: ClaimBot, filters: dict[str, object], expected: set[str],
                 exact_limit: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both paths: small filtered sets scored exactly, large ones through Chroma's `where`."""
    import index.search.hybrid

    monkeypatch.setattr(index.search.hybrid, "EXACT_LIMIT", exact_limit)
    hits = dated_bot.search("what happened on the day", k=20, **filters)  # type: ignore[arg-type]
    assert {Path(h.path).name for h in hits} == expected


@pytest.mark.parametrize("filters", [{"since": "2023-06-01"}, {"until": "2023-06-30"},
                                     {"outlet": "daily ledger"}])
def test_exact_and_chroma_filtered_paths_rank_alike(
    dated_bot: ClaimBot, filters: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import index.search.hybrid

    exact = dated_bot.search("Who celebrated the win?", k=5, **filters)  # type: ignore[arg-type]
    monkeypatch.setattr(index.search.hybrid, "EXACT_LIMIT", 0)
    chroma = dated_bot.search("Who celebrated the win?", k=5, **filters)  # type: ignore[arg-type]
    assert [h.sentence_id for h in exact] == [h.sentence_id for h in chroma]
    assert [h.score for h in exact] == pytest.approx([h.score for h in chroma], abs=1e-5)


def test_bad_date_filter_names_the_field(bot: ClaimBot) -> None:
    with pytest.raises(InvalidArgumentError, match="since"):
        bot.search("x", since="last Tuesday")


def test_metadata_from_file_name_and_call(dated_bot: ClaimBot) -> None:
    by_name = {Path(a.path).name: a for a in dated_bot.articles()}
    markets = by_name["2023-05-19-markets.txt"]
    assert (markets.date, markets.outlet, markets.title) == (
        "2023-05-19", "Daily Ledger", "Stocks rally as inflation cools")


def test_langchain_retriever_returns_documents_with_citation_metadata(seed_bot: ClaimBot) -> None:
    retriever = SentenceRetriever(corpus=seed_bot.corpus, k=5)
    documents = retriever.invoke(QUESTION)
    assert len(documents) == 5
    lines = [d.metadata["line"] for d in documents]
    assert {6, 7, 8} <= set(lines)
    for d in documents:
        assert {"article", "path", "line", "start", "end", "score"} <= set(d.metadata)
        assert 0 <= d.metadata["score"] <= 1


@pytest.mark.parametrize("context", ["none", "title"])
def test_every_embedding_recipe_searches_and_switching_needs_a_reindex(
        tmp_path: Path, context: str) -> None:
    """CLAIMTRACK_EMBED_CONTEXT picks the recipe; a store built by another needs `reindex`."""
    from index import Settings, StoreMismatchError
    from index.vectors.context import indexed_vectors

    home = tmp_path / "home"
    other = ClaimBot(settings=Settings(home=home, embed_context=context))
    other.ingest(write_articles(tmp_path / "a"))
    hit = other.search("Who won at Wembley?", k=1)[0]
    assert "Wembley" in hit.text
    # The similarity reported is the cosine to the vector this recipe indexed.
    ledger = other.corpus.ledger
    sentences = ledger.sentences_of([hit.article])
    vectors = indexed_vectors(sentences, {hit.article: hit.title}, other.corpus.cache,
                              context)  # type: ignore[arg-type]
    row = [s.id for s in sentences].index(hit.sentence_id)
    query = other.corpus.query_embedder.embed(["Who won at Wembley?"])[0]
    assert hit.similarity == pytest.approx(float(vectors[row] @ query), abs=1e-4)
    other.close()

    default = ClaimBot(settings=Settings(home=home))
    with pytest.raises(StoreMismatchError, match="reindex"):
        default.search("Who won at Wembley?", k=1)
    assert default.reindex() == default.corpus.ledger.sentence_count()
    assert "Wembley" in default.search("Who won at Wembley?", k=1)[0].text
    default.close()
