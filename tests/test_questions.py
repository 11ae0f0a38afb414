"""Question parsing: speakers, topics, dates and outlets, without an LLM."""

from __future__ import annotations

import pytest

from bot.asking.languages import foreign_language
from bot.asking.questions import Vocabulary, parse, resolve_outlet
from index.records import RoleHolder

VOCABULARY = Vocabulary(
    speakers=[("Donald Trump", "Donald Trump"), ("Trump", "Donald Trump"),
              ("Geng Shuang", "Geng Shuang"), ("China", "China"),
              ("Foreign Ministry", "Foreign Ministry")],
    orgs=["Foreign Ministry", "State Department"],
    outlets=["nyt", "breitbart", "Washington Post"],
)


@pytest.mark.parametrize(
    ("question", "topic", "expected"),
    [
        ("What did China say about arms sales?", "arms sales", {"country": "China"}),
        ("What did Donald Trump say about immigration?", "immigration",
         {"speaker": "Donald Trump"}),
        ("What has Trump claimed about the wall?", "the wall", {"speaker": "Donald Trump"}),
        ("What did Geng say?", "", {"speaker": "Geng Shuang"}),
        ("What did the Chinese say about Ukraine?", "Ukraine", {"country": "China"}),
        ("What did the State Department say about visas?", "visas",
         {"org": "State Department"}),
        ("What did Beijing say about trade?", "trade", {"country": "China"}),
        ("What did Trump say about taxes in October 2016?", "taxes",
         {"speaker": "Donald Trump", "since": "2016-10-01", "until": "2016-10-31"}),
        ("What did Trump say about taxes in 2016?", "taxes",
         {"speaker": "Donald Trump", "since": "2016-01-01", "until": "2016-12-31"}),
        ("What did the New York Times report Trump said about debates?", "debates",
         {"speaker": "Donald Trump", "outlet": "nyt"}),
        ("Who said the wall would be paid for?", "the wall would be paid for",
         {"attributed": True}),
        ("What did Nobody Known say about taxes?", "What did Nobody Known say about taxes?",
         {}),
        ("How big is the Pacific?", "How big is the Pacific?", {}),
    ],
)
def test_parse(question: str, topic: str, expected: dict[str, object]) -> None:
    parsed = parse(question, VOCABULARY)
    assert parsed.topic == topic
    for field in ("speaker", "country", "org", "outlet", "since", "until", "attributed"):
        default = False if field == "attributed" else None
        assert getattr(parsed.filters, field) == expected.get(field, default), field


def test_who_question_is_flagged() -> None:
    assert parse("Who said taxes would rise?", VOCABULARY).who


@pytest.mark.parametrize(
    ("name", "outlet"),
    [("the New York Times", "nyt"), ("Breitbart", "breitbart"),
     ("The Washington Post", "Washington Post"), ("Le Monde", None), ("NYT", "nyt"),
     ("WaPo", "Washington Post"), ("the washington-post", "Washington Post")],
)
def test_resolve_outlet(name: str, outlet: str | None) -> None:
    assert resolve_outlet(name, VOCABULARY.outlets) == outlet


# Speakers, ranked: exact name > full name > the dominant bearer of a surname > role holder --

RANKED = Vocabulary(
    speakers=[("Donald Trump", "Donald Trump"), ("Donald J. Trump", "Donald Trump"),
              ("Trump", "Trump"), ("Republican Donald Trump", "Republican Trump"),
              ("Hillary Clinton", "Hillary Clinton"), ("Bill Clinton", "Bill Clinton"),
              ("Clinton", "Clinton"), ("Paul Ryan", "Paul Ryan"), ("Wang Yi", "Wang Yi"),
              ("Wang Wenbin", "Wang Wenbin"), ("Barack Obama", "Barack Obama"),
              ("Michaela Angela Davis", "Michaela Angela Davis"),
              ("Bernie Sanders", "Bernie Sanders"), ("Sanders", "Sanders"), ("FBI", "FBI"),
              ("Foreign Ministry", "Foreign Ministry"), ("Hansard Society", "Hansard Society"),
              ("Lord Holme", "Lord Holme")],
    orgs=["Sanders", "FBI", "Foreign Ministry", "Hansard Society", "hansard society"],
    outlets=[],
    members={"Sanders": 8, "FBI": 9, "Foreign Ministry": 4, "Hansard Society": 2},
    claims={"Donald Trump": 187, "Trump": 4, "Republican Trump": 46, "Hillary Clinton": 120,
            "Bill Clinton": 23, "Clinton": 2, "Paul Ryan": 26, "Wang Yi": 5, "Wang Wenbin": 4,
            "Barack Obama": 33, "Michaela Angela Davis": 1, "Bernie Sanders": 549,
            "Sanders": 6, "FBI": 20},
    roles=[RoleHolder("president", "Barack Obama", "president barack obama", "United States",
                      "2015-11-02", "2016-11-08", 20),
           RoleHolder("president", "Donald Trump", "president trump", "United States",
                      "2017-01-20", "2017-06-01", 30),
           RoleHolder("president", "François Hollande", "french president françois hollande",
                      "France", "2016-01-05", "2016-10-01", 3),
           RoleHolder("speaker", "Paul Ryan", "house speaker paul ryan", None, "2015-11-01",
                      "2016-11-08", 12),
           RoleHolder("minister", "Theresa May", "prime minister theresa may", None,
                      "2016-07-13", "2016-11-01", 6),
           RoleHolder("minister", "Boris Johnson", "foreign minister boris johnson", None,
                      "2016-07-13", "2016-11-01", 9),
           RoleHolder("minister", "John Prescott", "deputy prime minister john prescott", None,
                      "2016-01-13", "2016-11-01", 40),
           RoleHolder("leader", "Jeremy Corbyn", "labour leader jeremy corbyn", None,
                      "2016-01-13", "2016-11-01", 4),
           RoleHolder("leader", "Theresa May", "conservative leader theresa may", None,
                      "2016-07-13", "2016-11-01", 2),
           RoleHolder("lawyer", "Marc Kasowitz", "trump lawyer marc kasowitz", None,
                      "2016-07-13", "2016-11-01", 3),
           RoleHolder("adviser", "Jake Sullivan", "clinton senior policy adviser jake sullivan",
                      None, "2016-07-13", "2016-11-01", 3),
           RoleHolder("spokeswoman", "Rosa Ferreira", "stein spokeswoman rosa ferreira", None,
                      "2016-07-13", "2016-11-01", 2),
           RoleHolder("spokesman", "Tom Abbott", "downing street spokesman tom abbott", None,
                      "2016-07-13", "2016-11-01", 4)],
    last_date="2016-11-08",
)


@pytest.mark.parametrize(
    ("question", "speaker", "others"),
    [
        ("What did Trump say about Syria?", "Donald Trump", ()),  # not the junk "Trump"
        ("What did Clinton say about taxes?", "Hillary Clinton", ()),
        ("What did Bill Clinton say about Florida?", "Bill Clinton", ()),
        ("What did Donald J. Trump say about trade?", "Donald Trump", ()),
        ("What did Donald John Trump say about trade?", "Donald Trump", ()),
        ("What did Mr. Trump say about trade?", "Donald Trump", ()),
        ("What did Speaker Paul Ryan say about the budget?", "Paul Ryan", ()),
        ("What did Wang say about Russia?", "Wang Yi", ("Wang Wenbin",)),
        ("What did Sanders say about Wall Street?", "Bernie Sanders", ()),  # not an org
        ("What did the president say about Syria in 2016?", "Barack Obama", ()),
        ("What did the president say about Syria in March 2017?", "Donald Trump", ()),
        ("What did the French president say about Syria?", "François Hollande", ()),
        ("What did the prime minister say about Brexit?", "Theresa May", ()),
        ("What did the Tory leader say about Brexit?", "Theresa May", ()),
        ("What did the Labour leader say about Brexit?", "Jeremy Corbyn", ()),
        ("What did Trump's lawyer say about the emails?", "Marc Kasowitz", ()),
        ("What did Trump’s lawyer say about the emails?", "Marc Kasowitz", ()),
        ("What did Clinton's senior policy adviser say?", "Jake Sullivan", ()),
        # a possessor named in full is written by surname in the mention
        ("What did Jill Stein's spokeswoman say about the debate?", "Rosa Ferreira", ()),
        # No 10 is the prime minister's office, speaking through its spokesmen
        ("What did No 10 say about Brexit?", "Tom Abbott", ()),
        ("What did Downing Street say about Brexit?", "Tom Abbott", ()),
    ],
)
def test_speaker_ranking(question: str, speaker: str, others: tuple[str, ...]) -> None:
    parsed = parse(question, RANKED)
    assert (parsed.filters.speaker, parsed.speaker, parsed.others) == (speaker, speaker, others)


@pytest.mark.parametrize(
    ("question", "country"),
    [
        ("What did the French government say about Syria?", "France"),
        ("What did the Chinese authorities say about trade?", "China"),
    ],
)
def test_governments_speak_for_their_country(question: str, country: str) -> None:
    assert parse(question, RANKED).filters.country == country


def test_an_organisation_outweighing_its_namesakes_is_the_organisation() -> None:
    assert parse("What did the FBI say about emails?", RANKED).filters.org == "FBI"


@pytest.mark.parametrize(
    ("question", "org"),
    [("What did the Foreign Ministry say about the visit?", "Foreign Ministry"),
     ("What did the Hansard Society say?", "Hansard Society")],
)
def test_a_speaking_organisation_speaks_with_its_members(question: str, org: str) -> None:
    parsed = parse(question, RANKED)
    assert (parsed.filters.org, parsed.filters.speaker) == (org, None)


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        ("What did Angela Merkel say about Brexit?", "speaker"),
        ("What did he say?", "pronoun"),
        ("What did the critics say about the plan?", None),
    ],
)
def test_unresolved_subjects_are_marked(question: str, unknown: str | None) -> None:
    parsed = parse(question, RANKED)
    assert parsed.filters.speaker is None and parsed.unknown == unknown


# Dates: points, ranges and open ranges, with the corpus's last date as the base ------------


@pytest.mark.parametrize(
    ("question", "since", "until"),
    [
        ("What did Trump say between October 20 and October 31, 2016?", "2016-10-20",
         "2016-10-31"),
        ("What did Trump say on October 20, 2016?", "2016-10-20", "2016-10-20"),
        ("What did Trump say from 2016-10-20 to 2016-10-31?", "2016-10-20", "2016-10-31"),
        ("What did Trump say after October 20, 2016?", "2016-10-21", None),
        ("What did Trump say since March 2016?", "2016-03-01", None),
        ("What did Trump say before 2016?", None, "2015-12-31"),
        ("What did Trump say until 20 October 2016?", None, "2016-10-20"),
        ("What did Trump say on October 20?", "2016-10-20", "2016-10-20"),  # the last one
        ("What did Trump say in December?", "2015-12-01", "2015-12-31"),
        ("What did Trump say between December 20 and January 5, 2016?", "2015-12-20",
         "2016-01-05"),
        ("What did Trump say on 10/20/2016?", "2016-10-20", "2016-10-20"),
        ("What did Trump say about the 1994 crime bill?", None, None),
        ("What did Trump say about the march in washington?", None, None),
    ],
)
def test_date_expressions(question: str, since: str | None, until: str | None) -> None:
    parsed = parse(question, RANKED)
    assert (parsed.filters.since, parsed.filters.until) == (since, until)
    assert parsed.filters.speaker == "Donald Trump"


# Outlets by alias -------------------------------------------------------------------------------

OUTLETS = Vocabulary(speakers=VOCABULARY.speakers, orgs=[], outlets=[
    "nyt", "breitbart", "politico", "wash-post", "huff-post", "usa-today", "BBC News"])


@pytest.mark.parametrize(
    ("question", "outlet", "topic"),
    [
        ("What did the New York Times report Trump said about taxes?", "nyt", "taxes"),
        ("According to Breitbart, what did Trump say about taxes?", "breitbart", "taxes"),
        ("What did Trump say about taxes, according to the NYT?", "nyt", "taxes"),
        ("What did Trump say about taxes in Politico?", "politico", "taxes"),
        ("What did Trump say about taxes in the Washington Post?", "wash-post", "taxes"),
        ("What did Trump say about taxes in WaPo?", "wash-post", "taxes"),
        ("What did Trump say about taxes in the Huffington Post?", "huff-post", "taxes"),
        ("What did Trump say about taxes in USA Today?", "usa-today", "taxes"),
        ("What did Trump say about taxes according to the BBC?", "BBC News", "taxes"),
        ("What did Trump say about jobs in Ohio?", None, "jobs in Ohio"),
        ("Did the New York Times report what Trump said about taxes?", "nyt", "taxes"),
        ("Did USA Today report what Trump said about taxes?", "usa-today", "taxes"),
        ("What did Trump tell Politico about taxes?", None, "taxes"),
        ("What did Trump tell reporters about taxes?", None, "taxes"),
    ],
)
def test_outlets_in_questions(question: str, outlet: str | None, topic: str) -> None:
    parsed = parse(question, OUTLETS)
    assert (parsed.filters.outlet, parsed.topic, parsed.filters.speaker) == (
        outlet, topic, "Donald Trump")


# Languages: questions in another language are told apart from English with foreign names ----


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("¿Qué dijo China sobre la venta de armas?", "Spanish"),
        ("Was hat China über Waffenverkäufe gesagt?", "German"),
        ("Qu'est-ce que Macron a dit sur l'Europe?", "French"),
        ("Cosa ha detto Renzi sul referendum?", "Italian"),
        ("O que disse Lula sobre a Petrobras do Brasil?", "Portuguese"),
        ("Что сказал Путин о Крыме?", "Russian"),
        ("中国对军售说了什么？", "Chinese"),
        ("What did Merkel say about Flüchtlinge?", None),
        ("What did the Élysée say?", None),
        ("Was Trump right about trade?", None),
        ("Schäuble Grexit plan", None),
        ("Renzi referendum result", None),
        ("arms sales to Ukraine", None),
    ],
)
def test_foreign_language(question: str, language: str | None) -> None:
    assert foreign_language(question) == language


# Outlets named that are not stored, and sources that are speakers -----------------------------


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("According to Al Jazeera, what did Trump say about Syria?", "Al Jazeera"),
        ("What did Trump say about Syria, according to Le Monde?", "Le Monde"),
        ("Did the Guardian report what Trump said about taxes?", "the Guardian"),
        ("According to Breitbart, what did Trump say about taxes?", None),
        ("According to Trump, what did Clinton say?", None),
        ("Did Trump say that taxes are too high?", None),
        ("According to officials, what did Trump say?", None),
    ],
)
def test_outlets_not_stored_are_marked(question: str, missing: str | None) -> None:
    assert parse(question, OUTLETS).missing_outlet == missing


def test_did_an_outlet_report_that_searches_the_claim() -> None:
    parsed = parse("Did USA Today report that Trump refuses to release his tax returns?",
                   OUTLETS)
    assert (parsed.filters.outlet, parsed.topic) == (
        "usa-today", "Trump refuses to release his tax returns")


@pytest.mark.parametrize(
    ("question", "topic"),
    [("Who called Trump unhinged?", "Trump unhinged"),
     ("Who said taxes are too high?", "taxes are too high")],
)
def test_who_questions(question: str, topic: str) -> None:
    parsed = parse(question, OUTLETS)
    assert (parsed.who, parsed.topic, parsed.filters.attributed) == (True, topic, True)
