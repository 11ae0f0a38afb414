"""Who said what in British news style, with real spaCy: cases written from BBC articles of
../shared/corpus/bbc that are not in the BBC attribution dev set (politics 001, 002, 004, 011,
025, 027, 045, 069, 080, 369; business 040, 081, 111, 119, 123, 221; tech 059, 062, 096, 213),
shortened. Each case: a name, an
article (lines are paragraphs) and, per sentence picked by a substring, the speaker expected
(None: no claim, or one whose speaker is None)."""

from __future__ import annotations

import pytest

from index.attribution.language import Language
from tests.conftest import speakers_hold, surname_for

CASES: list[tuple[str, str, dict[str, str | None]]] = [
    # paragraphs run together with the quote left open: '... 26 weeks. "We are going ...'
    ("reopened-quote-then-she-said",
     'Ms Hewitt said: "We have already doubled the length of maternity pay, it was 13 weeks '
     'when we were elected, we have already taken it up to 26 weeks. "We are going to extend '
     'the pay to nine months by 2007." She said new mothers were already entitled to 12 months '
     "leave.",
     {"doubled": "Hewitt", "nine months": "Hewitt", "entitled": "Hewitt"}),
    ("reopened-quote-does-not-hide-the-next-speaker",
     'Ms Hewitt said: "We have taken it up to 26 weeks. "We are going to extend the pay." '
     "The Shadow Secretary of State for the Family, Theresa May, said: \"These plans were "
     'announced by Gordon Brown in his pre-budget review."\n'
     "She said the Conservatives would announce their proposals closer to the election.",
     {"These plans": "Theresa May", "Conservatives would": "Theresa May"}),
    # a quotation reopened sentence after sentence carries its speaker on
    ("quote-carried-over-reopened-paragraphs",
     'Colin Asplin, of the Blackpool Hotel Association, said: "We have tried very hard to make '
     'sure they come back to Blackpool. "Obviously we have failed in that. I just hope '
     'Manchester can handle the crowds. "It amazes me that the party does not want to come."',
     {"tried very hard": "Colin Asplin", "Obviously": "Colin Asplin",
      "I just hope": "Colin Asplin", "amazes": "Colin Asplin"}),
    # "it said", "the firm said" in business news: the company named before
    ("it-said-business",
     "UK sportswear firm Umbro has posted a 222% rise in annual profit.\n"
     "Pre-tax profit for 2004 was 15.4m pounds.\n"
     "It hopes 2005 sales will benefit from the launch of a new England shirt.\n"
     "The firm, reporting its first annual results since listing in June, said the UK market "
     "had seen sales growth of 8% last year. It said the launch of its fashion range had "
     "boosted sales.",
     {"It hopes": "Umbro", "reporting": "Umbro", "fashion range": "Umbro"}),
    ("the-company-is-the-story-s-company",
     "Unilever is to merge its two management boards after reporting poor earnings.\n"
     "Unilever, which owns brands including Dove soap, said annual profit fell 36%.\n"
     "Oil giant Shell last year dismantled its dual-ownership structure.\n"
     "The company said the changes would speed decision making.",
     {"speed decision": "Unilever"}),
    ("firm-after-apposed-company",
     "Metrovias, the private firm which runs the five tube lines in the city, has offered an "
     "8% increase in wages. The firm promised no jobs would be lost. It said it would put this "
     "commitment on paper.",
     {"promised": "Metrovias", "on paper": "Metrovias"}),
    # an unnamed spokesman speaks for the organisation; a named one for himself
    ("spokesman-for-organisation",
     "Audi and Mercedes Benz were also supplied with the pumps.\n"
     "A spokesman for DaimlerChrysler, parent company of Mercedes Benz, said it will have to "
     "halt some production.",
     {"halt": "DaimlerChrysler"}),
    ("organisation-spokeswoman",
     "But a Cabinet Office spokeswoman said the move was not about the new laws.",
     {"move": "Cabinet Office"}),
    ("person-spokesman-stays-phrase",
     "A spokesman for Michael Howard said the leader would not comment further.",
     {"leader": "A spokesman for Michael Howard"}),
    # "our correspondent" is the outlet's correspondent named before (politics 069)
    ("our-correspondent",
     "However, all sides are anxious to avoid a major confrontation in the run up to the "
     "general election, said BBC labour affairs correspondent Stephen Cape.\n"
     'Privately ministers believe this will be the "less painful" option, our correspondent '
     "added.",
     {"confrontation": "Stephen Cape", "painful": "Stephen Cape"}),
    # titles: Lord, Ms, Mrs; "he"/"she" agree with them
    ("lord-he-said",
     "BP chief executive Lord Browne said the results were strong.\n"
     '"The profits are up more than the price of oil is up," he said.',
     {"results": "Lord Browne", "profits": "Lord Browne"}),
    ("she-skips-a-man-named-inside-her-quote",
     "Ms Hewitt told the seminar that the pay gap had to close.\n"
     '"Tony Blair has made this a priority for the whole government," she said.\n'
     "She added that progress had been made.",
     {"pay gap": "Hewitt", "priority": "Hewitt", "progress": "Hewitt"}),
    # names inside what the speaker says are no antecedent of the next "he" (politics 027)
    ("he-skips-the-subject-of-his-content",
     "Lord Butler said Mr Blair had bypassed the Cabinet.\n"
     "He said the government had too much freedom to bring in bad Bills.",
     {"bypassed": "Lord Butler", "bad Bills": "Lord Butler"}),
    ("he-skips-the-subject-of-content-before-the-cue",
     "Lord Butler spoke to The Spectator magazine.\n"
     'Mr Blair had "too much freedom" to do whatever he liked, he said. And he confirmed '
     "Mr Blair's insistence that the Cabinet was still consulted.",
     {"freedom": "Lord Butler", "insistence": "Lord Butler"}),
    # a demonym before a plural proper head is part of the name (business 119)
    ("demonym-in-organisation-name",
     'The British Chambers of Commerce (BCC) said it was "concerned by the clamour in some '
     'quarters" for early interest rate increases.',
     {"clamour": "British Chambers of Commerce"}),
    # a document speaks for the author it names (tech 059, 096)
    ("study-by-organisation",
     'A separate study by Gartner has also said real-time TV broadcasts to mobiles is '
     '"unlikely" in Europe until 2007.',
     {"broadcasts": "Gartner"}),
    ("survey-by-two-organisations",
     "A recent survey by Earthlink and Webroot found that 90% of PCs are infested with "
     "spyware.",
     {"infested": "Earthlink and Webroot"}),
    # a title that is a surname after a given name (PolNeAR dev, "a prominent New York Democrat")
    ("king-as-surname",
     '"Turnout makes a difference," said Charlie King, a prominent New York Democrat.',
     {"Turnout": "Charlie King"}),
    ("he-skips-a-man-named-inside-his-quote",
     "Tory leader Michael Howard spoke in Bournemouth on Friday.\n"
     '"Gordon Brown has failed the country and Tony Blair knows it," Mr Howard said.\n'
     "He said the Conservatives would cut taxes.",
     {"failed": "Michael Howard", "cut taxes": "Michael Howard"}),
    # the prime minister's office under its names: "Downing Street" is no person "Street"
    ("downing-street-has-indicated",
     "Ministers will publish the housing plans in the spring, Downing Street has indicated.\n"
     "The prime minister wanted the plans to reach first-time buyers, said a spokesman.",
     {"housing plans": "Downing Street", "first-time buyers": "Downing Street"}),
    ("no-10-and-number-10",
     "No 10 said the talks with the unions had been constructive.\n"
     "Number 10 has said the strike would not change its pension reforms.",
     {"constructive": "Downing Street", "pension reforms": "Downing Street"}),
    # a number is part of an organisation's name, and its unnamed spokesman speaks for it
    ("numbered-organisation-and-its-spokesman",
     "Campaign group Railfuture 2030 said the fare rise would drive passengers back to their "
     "cars.\n"
     '"Commuters are being priced off the trains," said a spokesman.',
     {"fare rise": "Railfuture 2030", "priced off": "Railfuture 2030"}),
    # a knight is named by title and given name after the full name (politics 080)
    ("sir-and-given-name",
     'Auditor General Sir John Bourn said: "Higher levels of literacy will benefit England."\n'
     'Sir John said "substantial progress" had been made since.',
     {"Higher levels": "John Bourn", "substantial": "John Bourn"}),
    # a pronoun inside what a report says is the report's subject matter (politics 080)
    ("it-inside-what-the-report-adds",
     "In 2001, the government launched the Get On scheme.\n"
     "It should also assess adult learners' progress \"at frequent intervals\", the report adds.",
     {"frequent intervals": None}),
    # names made of a verb phrase are a firm's or a campaign's, which no "he" means; the
    # role's employer is an organisation too (tech 062, 213; politics 369)
    ("verb-named-firm-and-its-spokesman",
     '"The future is all about your own personal web," said Tony Macklin, spokesman for Ask '
     "Jeeves.\n"
     'Ask Jeeves has added the ability to "save" websites. Under My Ask Jeeves users can '
     "search the web. \"It's about finding again what you found before,\" he said.\n"
     '"The competition has validated the problem we tackle," said Suranga Chandratillake, '
     "co-founder of Blinkx. What users do with Blinkx shows that people are promiscuous. "
     '"Blinkx users do not stop using other web search systems," he said.',
     {"finding again": "Tony Macklin", "Blinkx users": "Suranga Chandratillake"}),
    # "She went on:" with the parser hanging the colon on the quotation's verb (politics 025)
    ("went-on-colon-quote",
     'Ms Roche said her proposals would counter the critics.\n'
     'She went on: "What I would like to see is a body which actually looked at the figures. '
     '"I think that would go a long way to allaying some of the fears."',
     {"would like": "Roche", "allaying": "Roche"}),
    # a passive clause's subject speaks in the active verb conjoined to it (politics 045)
    ("passive-then-and-said",
     "Mr McLetchie said he had taken advice from officials.\n"
     "He was advised to avoid the perception of a conflict and said he had done nothing wrong.",
     {"nothing wrong": "McLetchie"}),
    ("verb-named-campaign",
     "Stop Stansted Expansion said the White Paper was \"fundamentally flawed\".",
     {"fundamentally": "Stop Stansted Expansion"}),
]


@pytest.mark.parametrize(("text", "expected"), [(c[1], c[2]) for c in CASES],
                         ids=[c[0] for c in CASES])
def test_british_speaker(nlp: Language, text: str, expected: dict[str, str | None]) -> None:
    speakers_hold(nlp, text, expected, surname_for)
