"""`ClaimBot.ask` over small dated articles of several outlets (tests/politics.py): who a
surname means, topics inside a speaker's claims, dates, outlets, and every way of declining."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import write_articles
from politics import ARTICLES

from bot import ClaimBot
from bot.web.handlers import Handlers
from bot.web.session import Session, WebBot
from index import Settings


@pytest.fixture(scope="module")
def politics(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ClaimBot]:
    """A store of tests/politics.py (read only)."""
    root = tmp_path_factory.mktemp("politics")
    claimbot = ClaimBot(settings=Settings(home=root / "home"))
    claimbot.ingest([write_articles(root / "articles", ARTICLES)])
    yield claimbot
    claimbot.close()


def _speakers(bot: ClaimBot, question: str) -> set[str | None]:
    return {c.speaker for c in bot.ask(question).citations}


# 1. A surname is its dominant bearer; close runners-up are offered -------------------------


@pytest.mark.parametrize(
    ("question", "speaker"),
    [
        ("What did Trump say about trade?", "Donald Trump"),  # not "Candidate Trump"
        ("What did Clinton say about taxes?", "Hillary Clinton"),
        ("What did Bill Clinton say?", "Bill Clinton"),
        ("What did Ryan say about spending?", "Paul Ryan"),
    ],
)
def test_surname_questions_find_the_dominant_bearer(politics: ClaimBot, question: str,
                                                    speaker: str) -> None:
    answer = politics.ask(question)
    assert answer.covered and _speakers(politics, question) == {speaker}
    assert answer.did_you_mean == () and "Did you mean" not in answer.text


@pytest.mark.parametrize(
    ("question", "speaker"),
    [
        ("What did the chancellor say about borrowing?", "Gordon Brown"),
        ("What did the prime minister say about the economy?", "Tony Blair"),
        ("What did the Tory leader say about taxes?", "Michael Howard"),
        ("What did the French president say about Iraq?", "Jacques Chirac"),
        ("What did the Foreign Office say about travel?", "Foreign Office"),
    ],
)
def test_roles_and_institutions(politics: ClaimBot, question: str, speaker: str) -> None:
    assert politics.ask(question).covered and _speakers(politics, question) == {speaker}


def test_claims_by_surname_are_the_dominant_bearers(politics: ClaimBot) -> None:
    assert {c.speaker for c in politics.claims(speaker="Clinton")} == {"Hillary Clinton"}
    assert len(politics.claims(speaker="Clinton")) == 4


def test_a_close_runner_up_is_named_and_offered(politics: ClaimBot) -> None:
    answer = politics.ask("What did Wang say?")
    chosen = _speakers(politics, "What did Wang say?")
    assert len(chosen) == 1 and chosen | set(answer.did_you_mean) == {"Wang Yi", "Wang Wenbin"}
    assert answer.text.startswith(f"Taking “Wang” to mean {chosen.pop()}. Did you mean ")


def test_the_chat_api_offers_the_runner_up(politics: ClaimBot) -> None:
    handlers = Handlers(WebBot(politics))
    result, _ = handlers.chat_json("What did Wang say?", "", "", "", "", "", Session())
    assert len(result["did_you_mean"]) == 1 and "Did you mean" in result["text"]
    assert result["covered"] and result["declined"] is None


# 2. Topics inside a speaker's claims -------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "speaker", "topic"),
    [
        ("What did Paul Ryan say about rigged elections?", "Paul Ryan", "rigged elections"),
        ("What did Hillary Clinton say about the military?", "Hillary Clinton", "the military"),
    ],
)
def test_a_speaker_with_nothing_on_the_topic_says_so(politics: ClaimBot, question: str,
                                                    speaker: str, topic: str) -> None:
    answer = politics.ask(question)
    assert not answer.covered and not answer.on_topic and len(answer.citations) == 1
    first, second, _ = answer.text.splitlines()
    assert first == f"{speaker}'s statements in these articles do not cover {topic}."
    assert second.startswith(f"The nearest of {speaker}'s statements, which is not about")


def test_a_speaker_on_the_topic_is_cited(politics: ClaimBot) -> None:
    answer = politics.ask("What did Donald Trump say about rigged elections?")
    assert answer.covered and "rigged" in answer.citations[0].text


# 3. Declines, each with its own message ------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "reason", "says"),
    [
        ("What did Angela Merkel say about Brexit?", "unknown-speaker",
         "no statements by Angela Merkel"),
        ("What did Hilary Clinton say about taxes?", "unknown-speaker",
         "Did you mean Hillary Clinton?"),
        ("¿Qué dijo Donald Trump sobre los impuestos?", "language", "looks like Spanish"),
        ("Was hat Donald Trump über die Steuern gesagt?", "language", "looks like German"),
        ("唐纳德·特朗普对税收说了什么？", "language", "looks like Chinese"),
        ("?", "no-words", "no words"),
        ("…!?", "no-words", "no words"),
        ("What about taxes? " * 300, "too-long", "limited to 1,000"),
        ("What else did he say?", "no-context", "earlier question"),
        ("What did she say?", "no-context", "earlier question"),
        ("According to Al Jazeera, what did Trump say about trade?", "filters",
         "No article here is from Al Jazeera"),
        ("Did the Guardian report what Trump said about trade?", "filters",
         "outlets here: breitbart"),
    ],
)
def test_declines(politics: ClaimBot, question: str, reason: str, says: str) -> None:
    answer = politics.ask(question)
    assert (answer.declined, answer.citations) == (reason, ())
    assert says in answer.text


@pytest.mark.parametrize(
    ("filters", "says"),
    [
        ({"speaker": "Paul Ryan", "outlet": "nyt"},
         "Paul Ryan has statements in the articles, but none in articles from the outlet nyt"),
        ({"outlet": "BBC"}, "No article is from the outlet BBC (outlets here: breitbart"),
        ({"since": "2020-01-01"}, "No article is dated from 2020-01-01 (the dated articles run "
                                  "from 2016-10-05 to 2016-10-28)"),
        ({"outlet": "politico", "until": "2016-10-10"},
         "No article is from the outlet politico and dated up to 2016-10-10"),
        ({"speaker": "Nobody Here"}, "The articles hold no statements by Nobody Here"),
    ],
)
def test_filters_that_exclude_everything_are_named(politics: ClaimBot,
                                                   filters: dict[str, str], says: str) -> None:
    answer = politics.ask("What was said about taxes?", **filters)
    assert answer.declined == "filters" and says in answer.text


def test_an_empty_store_says_to_ingest(tmp_path: Path) -> None:
    bot = ClaimBot(settings=Settings(home=tmp_path / "mistyped"))
    answer = bot.ask("What did China say about arms sales?")
    assert answer.declined == "empty-store" and "no articles here yet" in answer.text
    assert "claimtrack ingest" in answer.text and str(tmp_path / "mistyped") in answer.text
    bot.close()


def test_punctuation_only_sentences_are_not_indexed(politics: ClaimBot) -> None:
    article = next(a for a in politics.articles() if a.title == "Trump attacks trade deals")
    lines = [h.line for h in politics.search("rigged election media", k=20,
                                             article=article.id)]
    # Lines 1-5 are front matter, line 8 is "___.": three sentences, each on its own line.
    assert article.sentence_count == 3 and set(lines) == {6, 7, 9}


# 4. Dates; undated articles are counted ------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "dates"),
    [
        ("What did Trump say between October 20 and October 31, 2016?",
         {"2016-10-25", "2016-10-26"}),
        ("What did Donald Trump say from 2016-10-01 to 2016-10-10?", {"2016-10-05"}),
        ("What did Donald Trump say on October 5, 2016?", {"2016-10-05"}),
        # "Candidate Trump" of the rally joins Donald Trump, the dominant bearer of the name.
        ("What did Donald Trump say after October 20, 2016?", {"2016-10-25", "2016-10-26"}),
        ("What did Donald Trump say since October 20?", {"2016-10-25", "2016-10-26"}),
        ("What did Donald Trump say before October 20, 2016?", {"2016-10-05"}),
    ],
)
def test_dates_in_questions(politics: ClaimBot, question: str, dates: set[str]) -> None:
    answer = politics.ask(question)
    assert {c.date for c in answer.citations} <= dates and answer.covered
    assert answer.undated == 1 and "(1 undated article left out by the date filter.)" in (
        answer.text)


def test_no_date_no_undated_note(politics: ClaimBot) -> None:
    answer = politics.ask("What did Donald Trump say about taxes?")
    assert answer.undated == 0 and "undated" not in answer.text


# 5. Outlets in questions -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "outlet"),
    [
        ("According to Breitbart, what did Trump say?", "breitbart"),
        ("What did the New York Times report Trump said?", "nyt"),
        ("What did Trump say about Syria in the NYT?", "nyt"),
        ("What did Wang Yi say about Russia in the Washington Post?", "wash-post"),
        ("What did Ryan say in Politico?", "politico"),
        ("Did the New York Times report what Clinton said about taxes?", "nyt"),
        ("Did Breitbart report that Trump attacked trade deals?", "breitbart"),
    ],
)
def test_outlets_in_questions(politics: ClaimBot, question: str, outlet: str) -> None:
    answer = politics.ask(question)
    assert answer.covered and {c.outlet for c in answer.citations} == {outlet}


def test_an_outlet_filter_matches_by_alias(politics: ClaimBot) -> None:
    answer = politics.ask("What did Clinton say about taxes?", outlet="The New York Times")
    assert answer.covered and {c.outlet for c in answer.citations} == {"nyt"}


# 6. Citations: one a line, none repeated word for word ----------------------------------------


@pytest.mark.parametrize(
    "question",
    ["What did Donald Trump say?", "What did Trump say about trade?", "taxes",
     "Who said the election is rigged?", "What did Clinton say about taxes?"],
)
def test_citations_are_one_a_line_and_never_repeated(politics: ClaimBot, question: str) -> None:
    citations = politics.ask(question).citations
    lines = [(c.path, c.line) for c in citations]
    texts = [" ".join(c.text.lower().split()) for c in citations]
    assert len(set(lines)) == len(lines) and len(set(texts)) == len(texts)
