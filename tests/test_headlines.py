"""Tests of index.attribution.articles.titles with real spaCy: a headline is a claim only when
it reports a statement, and its speaker is the one the body names for it. The articles are BBC News
articles read while writing the step (shortened, wording kept) and look-alikes of the forms
issue 13 names ("Storm damage 'below $5bn'" must never be the storm's)."""

from __future__ import annotations

import pytest
from conftest import sentences_of

from index.attribution.articles.titles import headline_quotes, headline_sentence
from index.attribution.extraction import extract_claims
from index.attribution.language import Language

# (id, article, the headline's speaker or None for no claim)
CASES = [
    ("quote-carried-by-the-named-speaker",
     "Howard attacks 'pay later' Budget\n\n"
     "Tory leader Michael Howard has dismissed Gordon Brown's Budget as \"vote now, pay later\" "
     "spending plans.\n\n"
     "The simple fact was that under a new Labour government taxes would go up after the "
     "election to plug a financial black hole, Mr Howard said.",
     "Michael Howard"),
    ("quote-carried-by-another-than-the-headline-noun",
     "Renault boss hails 'great year'\n\n"
     "Strong sales outside western Europe helped Renault boost its profits by more than 40% in "
     "2004 although the firm warned of lower margins this year.\n\n"
     "The firm said strong demand outside western Europe lifted its results. Chairman Louis "
     "Schweitzer said 2004 had been a \"great year\" for the firm.",
     "Louis Schweitzer"),
    ("quote-only-headline-takes-the-body-speaker",
     "Storm damage 'below $5bn'\n\n"
     "Insured losses from Hurricane Ivan will be below $5bn, the risk modelling firm Eqecat "
     "said on Friday.\n\n"
     "The storm hit the Gulf coast on Thursday.",
     "Eqecat"),
    ("quote-only-headline-body-names-no-one",
     "Storm damage 'below $5bn'\n\n"
     "The storm hit the Gulf coast on Thursday, flooding thousands of homes.\n\n"
     "Repairs began on Monday.",
     None),
    ("signed-headline",
     "Taxes will rise under Labour, Howard says\n\n"
     "Tory leader Michael Howard has said that taxes would go up after the election.\n\n"
     "Mr Howard said a Conservative government would cut waste first.",
     "Michael Howard"),
    ("colon-headline",
     "Blair: we will win the election\n\n"
     "Tony Blair has told Labour activists that the party will win a third term.\n\n"
     "Mr Blair said the economy would decide the vote.",
     "Tony Blair"),
    ("cue-headline-named-in-body",
     "Khodorkovsky lawyer attacks 'unfair' trial\n\n"
     "A lawyer for Mikhail Khodorkovsky, Genrikh Padva, said the trial had been \"unfair\" "
     "from its first day.\n\n"
     "Mr Padva said the defence would appeal.",
     "Genrikh Padva"),
    ("legal-act-is-no-statement",
     "MCI shareholder sues to stop bid\n\n"
     "A shareholder in MCI is suing the US telecoms firm in an attempt to block its takeover "
     "by Verizon.\n\n"
     "The lawsuit says MCI's board failed to get the best price, the shareholder's lawyer "
     "said.",
     None),
    ("agreement-is-an-act",
     "US Airways staff agree to pay cut\n\n"
     "Flight attendants at US Airways have agreed to a pay cut to keep the airline flying, "
     "their union said.\n\n"
     "US Airways management said the deal would save $94m a year.",
     None),
    ("coined-word-in-quotes",
     "Robots learn 'robotiquette' rules\n\n"
     "Robots are learning lessons on \"robotiquette\" - how to behave socially - so they can "
     "mix better with humans.\n\n"
     "\"We are assuming a situation in which a useful human companion robot already exists,\" "
     "said Professor Kerstin Dautenhahn, project leader at Hertfordshire.",
     None),
    ("label-before-colon",
     "Profile: Gordon Brown\n\n"
     "Gordon Brown has been chancellor since 1997.\n\n"
     "He said in his last Budget that the economy would grow by 3%.",
     None),
]


@pytest.mark.parametrize(("text", "speaker"), [(c[1], c[2]) for c in CASES],
                         ids=[c[0] for c in CASES])
def test_headline_claim(nlp: Language, text: str, speaker: str | None) -> None:
    sentences = sentences_of(text)
    claims = extract_claims(text, sentences, nlp)
    headline = [c for c in claims if c.sentence_id == sentences[0].id]
    got = headline[0].speaker if headline else None
    assert got == speaker, f"headline claim {headline}, body {claims[len(headline):]}"
    if headline:
        assert 0.0 <= headline[0].confidence <= 1.0
        # the speaker is one the body attributes something to
        assert got in {c.speaker for c in claims[1:]} or got in text.split("\n", 1)[1]


def test_headline_is_the_first_line_set_apart() -> None:
    article = "Storm damage 'below $5bn'\n\nInsured losses will be small.\n\nMore text."
    assert headline_sentence(article, sentences_of(article)) is not None
    lede = "Insured losses will be small, the firm said.\n\nMore text follows here."
    assert headline_sentence(lede, sentences_of(lede)) is None  # a sentence, not a headline


@pytest.mark.parametrize(("headline", "quotes"), [
    ("Storm damage 'below $5bn'", ["below $5bn"]),
    ("UK 'world's biggest music buyer'", ["world's biggest music buyer"]),
    ("Howard attacks 'pay later' Budget", ["pay later"]),
    ('Brown says "we will not waver"', ["we will not waver"]),
    ("Ministers' plans under fire", []),
])
def test_headline_quotes(headline: str, quotes: list[str]) -> None:
    assert headline_quotes(headline) == quotes


# A title-case headline's speaker: its verb group is cut off, a name ending in a month's
# name is kept whole (PolNeAR-style headlines, written here).
TITLE_CASE_SPEAKERS = [
    ("Trump May Not Have Suggested A Registry, But He Fully Supported One", "Trump"),
    ("Theresa May Says Conservatives Will Cut Waste First", "Theresa May"),
    ("Clinton Has Said She Would Raise Taxes On The Rich", "Clinton"),
]


@pytest.mark.parametrize(("headline", "speaker"), TITLE_CASE_SPEAKERS)
def test_title_case_headline_speaker(nlp: Language, headline: str, speaker: str) -> None:
    from index.attribution.sentences.sentence import find_attributions

    found = find_attributions(nlp(headline), [])
    assert [f.mention.name for f in found][:1] == [speaker]
