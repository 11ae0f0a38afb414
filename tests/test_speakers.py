"""Speakers across articles, and speaker questions on the seed article (real spaCy, real store)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write_articles
from speaker_cases import HARVESTS, MERGES, PERSON_NAMES, Use

from bot import ClaimBot
from index.attribution.identities.merging import merge
from index.attribution.identities.people import person_name
from index.attribution.speakers.names import harvest_names

QUESTION = "What did China say about arms sales?"


def test_seed_claims_and_speakers(seed_bot: ClaimBot) -> None:
    by_line = {c.line: c for c in seed_bot.claims()}
    assert by_line[2].speaker == by_line[4].speaker == "Wang Wenbin"
    assert by_line[2].speaker_role == "spokesperson" and by_line[2].speaker_country == "China"
    assert {by_line[n].speaker for n in (6, 8, 9)} == {"Geng Shuang"}
    assert by_line[10].speaker == "China"
    assert by_line[7].speaker in {"China", "Geng Shuang"}
    assert not {5, 11, 12} & set(by_line)
    assert all(c.path and c.text for c in by_line.values())
    names = {s.name: s for s in seed_bot.speakers()}
    assert names["Geng Shuang"].claims == 3 and names["Geng Shuang"].countries == ("China",)


def test_country_question_cites_only_chinese_speakers(seed_bot: ClaimBot) -> None:
    answer = seed_bot.ask(QUESTION)
    assert {6, 7, 8} <= {c.line for c in answer.citations[:5]}
    assert all(c.speaker_country == "China" for c in answer.citations)
    assert "Geng Shuang" in answer.text


def test_person_question_cites_only_that_person(seed_bot: ClaimBot) -> None:
    answer = seed_bot.ask("What did Wang Wenbin say?")
    assert [c.line for c in answer.citations] == [2, 4]
    assert all(c.speaker == "Wang Wenbin" for c in answer.citations)


def test_search_speaker_and_country_filters(seed_bot: ClaimBot) -> None:
    assert {h.speaker for h in seed_bot.search("weapons", speaker="Geng")} == {"Geng Shuang"}
    assert {h.speaker_country for h in seed_bot.search("visit", country="Chinese")} == {"China"}


def test_who_said_names_speakers_first(seed_bot: ClaimBot) -> None:
    answer = seed_bot.ask("Who said that weapons fed to the battlefield cause turmoil?")
    assert answer.text.startswith("Said by: Geng Shuang")


def test_same_person_under_three_names_is_one_speaker(bot: ClaimBot, tmp_path: Path) -> None:
    write_articles(tmp_path / "t", {
        "2016-10-01-a.txt": "Rally\n\nDonald Trump said the election was rigged.\n",
        "2016-10-02-b.txt": "Debate\n\nDonald J. Trump said he would build a wall.\n",
        "2016-10-03-c.txt": "Taxes\n\n“We will cut taxes,” Mr. Trump said on Monday.\n",
    })
    bot.ingest(tmp_path / "t")
    speakers = {s.name: s for s in bot.speakers()}
    trump = speakers["Donald J. Trump"]  # the longest name seen
    assert trump.claims == 3 and trump.articles == 3
    assert (trump.first_date, trump.last_date) == ("2016-10-01", "2016-10-03")
    assert {"Donald Trump", "Trump"} <= set(trump.aliases)
    assert len(bot.claims(speaker="Trump")) == 3
    assert len(bot.claims(speaker="Donald Trump", since="2016-10-02")) == 2


def test_names_made_of_verbs_are_organisations(bot: ClaimBot, tmp_path: Path) -> None:
    # BBC politics 369 and tech 062: a campaign's and a firm's names hold a verb
    write_articles(tmp_path / "t", {
        "2005-01-10-a.txt": "Runway\n\nStop Stansted Expansion said the White Paper was "
                            "\"fundamentally flawed\".\n",
        "2005-01-11-b.txt": "Blogs\n\nAsk Jeeves said it was not planning to change "
                            "Bloglines.\n",
    })
    bot.ingest(tmp_path / "t")
    kinds = {s.name: s.kind for s in bot.speakers()}
    assert kinds == {"Stop Stansted Expansion": "organisation", "Ask Jeeves": "organisation"}


@pytest.mark.parametrize(("text", "expected"), PERSON_NAMES, ids=[c[0] for c in PERSON_NAMES])
def test_person_name(text: str, expected: str | None) -> None:
    parsed = person_name(text)
    assert (parsed.text if parsed else None) == expected


@pytest.mark.parametrize(("sentence", "expected"), HARVESTS, ids=[c[0][:30] for c in HARVESTS])
def test_harvest_names(sentence: str, expected: list[str]) -> None:
    assert [name for name, *_ in harvest_names(sentence)] == expected


@pytest.mark.parametrize(("uses", "expected"), [(c[1], c[2]) for c in MERGES],
                         ids=[c[0] for c in MERGES])
def test_merge(uses: list[Use], expected: list[str | None]) -> None:
    rows = [(name, role, article, date, None, None, claims)
            for name, role, article, date, claims in uses]
    identities = merge(rows)
    got = [identities[(name, role, article)].name for name, role, article, _, _ in uses]
    assert got == expected


def test_merge_does_not_depend_on_order() -> None:
    rows = [(n, r, a, d, None, None, c) for _, uses, _ in MERGES for n, r, a, d, c in uses]
    assert merge(rows) == merge(reversed(rows))


def test_surname_given_as_its_own_organisation_is_the_person() -> None:
    # "The Sanders campaign ..." left one article's claims with organisation "Sanders"
    rows = [("Bernie Sanders", None, "a1", None, None, None, 3),
            ("Sanders", None, "a2", None, "Sanders", None, 2)]
    identities = merge(rows)
    assert identities[("Sanders", None, "a2")].name == "Bernie Sanders"
    assert identities[("Sanders", None, "a2")].kind == "person"
