"""Offices, bodies, spokesmen and acts in British news style, with real spaCy: cases written
after BBC articles of ../shared/corpus/bbc outside the attribution dev set (politics 070, 211,
414; business 029, 173, 400; tech 032), reworded. Each case: a name, an article (lines are
paragraphs) and, per sentence picked by a substring, the speaker expected (None: no claim)."""

from __future__ import annotations

import pytest

from index.attribution.extraction import extract_claims
from index.attribution.language import Language
from tests.conftest import assert_speakers, same_surname, sentences_of

CASES: list[tuple[str, str, dict[str, str | None]]] = [
    # an office whose holder the article never names is the speaker as written
    ("office-with-no-holder",
     "Tax credits to be widened\n\n"
     "Families on low incomes will get more help with childcare costs.\n"
     "The chancellor said the change would lift thousands of children out of poverty.",
     {"lift thousands": "the chancellor"}),
    ("deputy-speaker",
     "MPs clashed over the timetable for the bill on Tuesday night.\n"
     "The deputy speaker later said the debate had been cut too short.",
     {"cut too short": "the deputy speaker"}),
    # a body that speaks as one
    ("the-government-says",
     "Ministers met union leaders to discuss pension reform.\n"
     "The government says no change will be made without a full consultation.",
     {"full consultation": "the government"}),
    # a named holder still wins over the office
    ("office-holder-named",
     "Chancellor Gordon Brown visited a school in Leeds.\n"
     "The chancellor said every child deserved the best start in life.",
     {"best start": "Gordon Brown"}),
    # acts told as fact are no claims
    ("plans-to-is-an-act",
     "Brewer Carlsberg made a profit of 2bn kroner last year.\n"
     "It also plans to cut 300 jobs in Denmark.",
     {"cut 300 jobs": None}),
    ("agreed-to-pay-is-an-act",
     "The chemicals giant Acme has agreed to pay a $2m fine for bribing an official.",
     {"fine for bribing": None}),
    ("agreed-that-is-a-statement",
     "Acme chief executive John Roe agreed that the company had made mistakes in Asia.",
     {"made mistakes": "John Roe"}),
    # an unnamed spokesman speaks for the organisation just named
    ("spokesman-for-the-organisation-in-sight",
     "Food group Vestey said it had submitted its title deeds to the courts.\n"
     'But a spokesman added: "We are confident the court will accept our title to the land."',
     {"confident the court": "Vestey"}),
    # "the United States' refusal" is no cue "states"
    ("united-states-possessive",
     "The prime minister is said to believe the United States' refusal to sign the treaty "
     "is undermining other countries.",
     {"refusal to sign": None}),
]


@pytest.mark.parametrize(("text", "expected"), [(c[1], c[2]) for c in CASES],
                         ids=[c[0] for c in CASES])
def test_office_speaker(nlp: Language, text: str, expected: dict[str, str | None]) -> None:
    sentences = sentences_of(text)
    assert_speakers(sentences, extract_claims(text, sentences, nlp), expected,
                    same_surname)
