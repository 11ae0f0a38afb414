"""Hypothesis properties of the pipeline: stable ids, and citations that point at stored text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import ClaimBot
from index.ingestion import prepare
from index.records import Source

WORDS = st.sampled_from(
    "China says the minister “arms” sales U.S. Sen. Warren said ā — 3.5% Jan. 5 peace "
    "talks. ? ! war, Zürich Māori café".split())
PARAGRAPH = st.lists(WORDS, min_size=1, max_size=30).map(" ".join)
ARTICLE = st.lists(PARAGRAPH, min_size=1, max_size=6).map("\n".join)


@given(ARTICLE)
@settings(max_examples=60, deadline=None)
def test_sentence_ids_are_stable_and_offsets_slice_the_original(text: str) -> None:
    source = Source(path="/x/a.txt", key="/x/a.txt", text=text, encoding="utf-8")
    first, second = prepare(source), prepare(source)
    assert [s.id for s in first.sentences] == [s.id for s in second.sentences]
    assert len({s.id for s in first.sentences}) == len(first.sentences)
    lines = text.split("\n")
    for s in first.sentences:
        original = text[s.start : s.end]
        assert original == original.strip() and original
        assert original in lines[s.line - 1]
        assert len(first.repaired[s.start : s.end]) == len(original)


QUERIES = st.lists(WORDS, min_size=1, max_size=6).map(" ".join)


@given(QUERIES)
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_citations_point_at_stored_sentences(seed_bot: ClaimBot, query: str) -> None:
    ledger = seed_bot.corpus.ledger
    for citation in seed_bot.ask(query).citations:
        stored = ledger.sentences([citation.sentence_id])[citation.sentence_id]
        assert (stored.line, stored.start, stored.end, stored.text) == (
            citation.line, citation.start, citation.end, citation.text)
        original = Path(citation.path).read_text(encoding="utf-8")
        assert len(original[citation.start : citation.end]) == len(citation.text)
