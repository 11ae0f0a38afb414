"""The ranking of candidate sentences: term coverage in context, on a real ledger (no model)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from index.ledger.fulltext import MAX_TERMS, query_terms
from index.ledger.ledger import Ledger
from index.records import Article, Metadata, Sentence
from index.search.ranking import TermMatches, Weights, rank

# Line 1: two sentences; line 2: one sentence.
LINES = [("The aboral organ sits opposite the mouth.", "Its main component is a statocyst."),
         ("A statocyst senses balance.",)]


@pytest.fixture
def stored(tmp_path: Path) -> Iterator[tuple[Ledger, dict[str, Sentence]]]:
    ledger = Ledger(tmp_path / "ledger.sqlite3")
    sentences, offset = [], 0
    for number, line in enumerate(LINES, start=1):
        for part in line:
            position = len(sentences)
            start = offset + " ".join(line).index(part)
            sentences.append(Sentence(f"s{position}", "a", position, number, start,
                                      start + len(part), part))
        offset += len(" ".join(line)) + 1
    text = "".join(" ".join(line) + "\n" for line in LINES)
    article = Article("a", "a.txt", "a.txt", text, "h", "utf-8", (), Metadata(title="Ctenophora"),
                      len(sentences))
    ledger.write_article(article, sentences)
    yield ledger, {s.id: s for s in sentences}
    ledger.close()


def test_query_terms_drop_function_words_and_repeats() -> None:
    assert query_terms("What is the main component of the main organ?") == [
        "main", "component", "organ"]


def test_query_terms_of_a_long_paste_keep_its_longest_words_in_order() -> None:
    claim = ("The minister said the new railway line would bring jobs, faster trains and cheaper "
             "tickets to northern towns within five years of the vote in parliament")
    terms = query_terms(claim)
    assert len(terms) == MAX_TERMS
    assert terms == [w for w in query_terms(claim.replace("five", "")) if w in terms]
    assert {"parliament", "minister", "railway", "cheaper"} <= set(terms)
    assert "line" not in terms and "new" not in terms


def test_coverage_of_sentence_window_and_paragraph(stored: tuple[Ledger, dict[str, Sentence]]
                                                   ) -> None:
    ledger, sentences = stored
    matches = TermMatches.find(ledger, query_terms("main component of the aboral organ"),
                               ["a"])
    first, second, other = (matches.coverage(sentences[i]) for i in ("s0", "s1", "s2"))
    assert first[0] == pytest.approx(first[1]) and 0 < first[0] < 1
    # "Its main component" gets "aboral organ" from the sentence before it on its line ...
    assert second[0] < 1 and second[1] == pytest.approx(1.0) and second[2] == pytest.approx(1.0)
    # ... but a sentence on the next line does not, nor does its paragraph hold any term.
    assert other == (0.0, 0.0, 0.0)


def test_unknown_words_do_not_dilute_coverage(stored: tuple[Ledger, dict[str, Sentence]]
                                              ) -> None:
    ledger, sentences = stored
    matches = TermMatches.find(ledger, ["statocyst", "zzyzx"], ["a"])
    assert matches.coverage(sentences["s2"])[0] == pytest.approx(1.0)


def test_rank_scores_lie_in_unit_range_best_first(stored: tuple[Ledger, dict[str, Sentence]]
                                                  ) -> None:
    ledger, sentences = stored
    matches = TermMatches.find(ledger, query_terms("main component aboral organ"), ["a"])
    ranked = rank(sentences, {"s0": 0.6, "s1": 0.5, "s2": -0.2}, matches, Weights())
    assert [i for i, _ in ranked] == ["s1", "s0", "s2"]
    assert all(0.0 <= score <= 1.0 for _, score in ranked)
    assert rank(sentences, {}, TermMatches(), Weights()) == [(i, 0.0) for i in ("s0", "s1", "s2")]


@pytest.mark.parametrize("query", ["main component of the aboral organ", "statocyst balance",
                                   "mouth", "zzyzx organ"])
@pytest.mark.parametrize("candidates", [["s0"], ["s1"], ["s2"], ["s1", "s2"]])
def test_paragraph_scope_gives_the_coverage_of_whole_articles(
    stored: tuple[Ledger, dict[str, Sentence]], query: str, candidates: list[str]
) -> None:
    """Searching only the candidates' paragraphs (what search does) changes no coverage."""
    from index.search.ranking import Postings

    ledger, sentences = stored
    terms = query_terms(query)
    whole = TermMatches.find(ledger, terms, ["a"])
    paragraphs = {(sentences[i].article, sentences[i].line) for i in candidates}
    scoped = TermMatches.find(ledger, terms, ["a"], paragraphs, Postings())
    assert scoped.idf == whole.idf
    for i in candidates:
        assert scoped.coverage(sentences[i]) == whole.coverage(sentences[i])


def test_term_postings_are_reread_after_a_write(stored: tuple[Ledger, dict[str, Sentence]]
                                                ) -> None:
    from index.search.ranking import Postings

    ledger, _ = stored
    postings = Postings()
    assert len(postings.rowids(ledger, '"statocyst"')) == 2
    assert postings.total(ledger) == 3
    text = "Statocyst again."
    article = Article("b", "b.txt", "b.txt", text, "h2", "utf-8", (), Metadata(), 1)
    ledger.write_article(article, [Sentence("t0", "b", 0, 1, 0, len(text), text)])
    assert len(postings.rowids(ledger, '"statocyst"')) == 3
    assert postings.total(ledger) == 4
