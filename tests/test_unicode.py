"""Unicode normal forms: an accent spelt as one code point (NFC) or as a letter and a combining
mark (NFD) finds the same sentences, and citations still point into the file as it is spelt
(issue 12, item 7)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot import ClaimBot
from index import Settings
from index.ingestion import prepare
from index.records import Source

ZURICH = (
    "Fishing talks in Zürich\n\n"
    "José Núñez, Chile's fisheries minister, said the talks on fishing rights went well. "
    "“We are close to a deal on the quotas,” Núñez told reporters in Zürich on Monday.\n"
    "The Māori delegation met at the café near the lake.\n"
    "Weather in Paris was mild. Markets rose in Tokyo.\n"
)
MARKETS = "Markets rally\n\nStocks rose on Friday, the central bank said. Traders cheered.\n"
QUERIES = ["Núñez quotas", "José Núñez", "café Māori", "Zürich fishing rights"]


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.fixture(scope="module")
def accents(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ClaimBot]:
    """A store of one article written to disk in NFD and one plain ASCII article."""
    root = tmp_path_factory.mktemp("unicode")
    (root / "a").mkdir()
    (root / "a" / "2023-05-01-zurich.txt").write_text(nfd(ZURICH), encoding="utf-8")
    (root / "a" / "2023-05-02-markets.txt").write_text(MARKETS, encoding="utf-8")
    claimbot = ClaimBot(settings=Settings(home=root / "home"))
    claimbot.ingest([root / "a"])
    yield claimbot
    claimbot.close()


def ranked(bot: ClaimBot, query: str, **filters: str) -> list[tuple[str, float]]:
    return [(h.sentence_id, h.score) for h in bot.search(query, k=5, **filters)]


@pytest.mark.parametrize("query", QUERIES)
def test_nfd_and_nfc_queries_rank_the_same_sentences(accents: ClaimBot, query: str) -> None:
    found = ranked(accents, nfc(query))
    assert found and found == ranked(accents, nfd(query))


def test_speaker_filters_match_in_either_form(accents: ClaimBot) -> None:
    name = "José Núñez"
    claims = accents.claims(speaker=nfc(name))
    assert len(claims) == 2 and {c.speaker for c in claims} == {nfc(name)}
    assert accents.claims(speaker=nfd(name)) == claims
    assert ranked(accents, "talks", speaker=nfd(name)) == ranked(accents, "talks", speaker=name)
    asked = [accents.ask(form(f"What did {name} say?")).citations for form in (nfc, nfd)]
    assert asked[0] and asked[0] == asked[1]


def test_titles_and_sentences_are_stored_in_nfc(accents: ClaimBot) -> None:
    (article,) = [a for a in accents.articles() if "zurich" in a.path]
    assert article.title == nfc("Fishing talks in Zürich")
    assert accents.search("quotas", article=nfd("Fishing talks in Zürich"))
    assert article.text == nfd(ZURICH)  # as read: citation offsets index it
    for s in accents.corpus.ledger.sentences_of([article.id]):
        assert unicodedata.is_normalized("NFC", s.text)


def test_citations_of_an_nfd_file_point_at_the_sentence_as_the_file_has_it(
    accents: ClaimBot,
) -> None:
    citations = accents.ask("What did Núñez say about the quotas?").citations
    assert citations
    for c in citations:
        original = Path(c.path).read_text(encoding="utf-8")
        assert original == nfd(ZURICH)
        cited = original[c.start : c.end]
        assert nfc(" ".join(cited.split())) == c.text and cited == nfd(c.text)
        assert cited in original.split("\n")[c.line - 1]


ACCENTED = st.sampled_from(
    "José Núñez said Zürich café Māori “arms” talks. ? ! naïve Ångström Dvořák crème brûlée "
    "Łódź São Paulo peace".split())
TEXT = st.lists(st.lists(ACCENTED, min_size=1, max_size=20).map(" ".join), min_size=1,
                max_size=5).map("\n".join)


@given(TEXT, st.sampled_from(["NFC", "NFD"]))
@settings(max_examples=60, deadline=None)
def test_offsets_slice_the_file_text_in_either_form(text: str, form: str) -> None:
    text = unicodedata.normalize(form, text)  # type: ignore[arg-type]
    prepared = prepare(Source(path="/x/a.txt", key="/x/a.txt", text=text, encoding="utf-8"))
    lines = text.split("\n")
    for s in prepared.sentences:
        original = text[s.start : s.end]
        assert unicodedata.is_normalized("NFC", s.text)
        assert nfc(" ".join(original.split())) == s.text
        assert original in lines[s.line - 1]
