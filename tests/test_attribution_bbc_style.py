"""Who said what in BBC news style, session 10 (issue 13): cases made up in the style of BBC
business, tech and politics reports, with real spaCy. Each case: a name, an article (lines are
paragraphs) and, per sentence picked by a substring, the speaker expected (None: no claim, or
one whose speaker is None)."""

from __future__ import annotations

import pytest

from index.attribution.language import Language
from tests.conftest import speakers_hold, surname_for

CASES: list[tuple[str, str, dict[str, str | None]]] = [
    # a plural descriptor before one name makes it a body of people, which "it" then means
    ("plural-descriptor-names-an-organisation",
     "Mobile phone use abroad has doubled in a year, say analysts Orbit Research.\n"
     "It found that one traveller in three now switches off data roaming.",
     {"switches off": "Orbit Research"}),
    # a lowercase word the tagger reads as a name is no antecedent for "it"
    ("lowercase-subject-is-no-name",
     "Broadband takes on TV\n"
     "A study by research firm Orbit Research suggested that broadband was challenging "
     "television.\n"
     "The threat to TV was greatest in countries where broadband was on the up, in particular "
     "the UK and Spain, said the report.\n"
     "It said TV firms faced a long-term threat.",
     {"long-term threat": "Orbit Research"}),
    # the agent of a passive cue after its "as" complement, which the parser hangs on the
    # complement; an unnamed spokesman then speaks for it
    ("passive-described-as-by",
     'Claims that the foreign secretary is preparing an emergency visit for March have been '
     'described as "wild guesswork" by the Foreign Office.\n'
     'A spokesman said he had "no knowledge" of any such plan.',
     {"emergency visit": "Foreign Office", "no knowledge": "Foreign Office"}),
    # "the Welsh Conservative leader": a role with a party, no person named "Welsh
    # Conservative" whom a later "he" could mean
    ("party-ending-run-is-no-person",
     "Andrew Pryce has resigned as chairman of a building firm after criticism of his role.\n"
     "The Welsh Conservative leader had insisted that his business work did not sway his "
     "votes. But on Monday he said: \"I have stepped down with immediate effect.\"",
     {"stepped down": "Andrew Pryce"}),
    # letters after a name, read by the parser as the subject
    ("post-nominal-letters-are-no-speaker",
     "High Court Judge Helen Barraclough, QC told the inquiry the case could have serious "
     "consequences for the council.",
     {"serious consequences": "Helen Barraclough"}),
    # a pronoun or a role that resolves to a speaker keeps the speaker salient: the next
    # "he" is the one who has been talking, not a man named a few sentences back
    ("resolved-pronoun-keeps-speaker-salient",
     "Home Secretary Charles Pike met police chiefs on Tuesday.\n"
     "The reforms have the full support of the force, Tom Weston, the union's chairman told "
     'BBC Radio Scotland. Mr Pike has "the same energy as ever", he said.\n'
     "And he confirmed that no date had been set for the bill.",
     {"no date": "Tom Weston"}),
    ("our-correspondent-keeps-speaker-salient",
     "BBC correspondent Simon Moss said the unions were united.\n"
     "Chancellor Philip Grant met union leaders on Thursday night.\n"
     "Our correspondent said that no deal had been offered at the meeting. There was "
     '"some hope" of a settlement, he added.',
     {"some hope": "Simon Moss"}),
    # a name given with its initials is an organisation's, which "the charity" may mean
    ("name-with-initials-is-an-organisation",
     "The song, titled Hope Runs Deep, was written by singer Tom Hale.\n"
     "Hale took the idea to the Flood Relief Trust (FRT), which runs the appeal. "
     '"I wanted to help," he said. The charity welcomed the single and said the money would '
     "pay for clean water.",
     {"clean water": "Flood Relief Trust"}),
    # "the report" with no author of its own: the author of the latest document named with
    # one; a document with a name before it is its own author
    ("the-report-is-the-last-authored-document",
     "A survey by Harlow Insight found that most shoppers now buy online.\n"
     "High street sales fell by 4% over the year, the report showed, with the sharpest fall "
     "in clothing.",
     {"sharpest fall": "Harlow Insight"}),
    ("named-poll-is-its-own-author",
     "A survey by Harlow Insight found that most shoppers now buy online.\n"
     "The Gallup poll showed that two in three voters back the plan.",
     {"two in three": "Gallup"}),
    # a reporting clause closing the sentence after a comma, which the parser reads as a
    # conjoined verb with its speaker an apposition or its own subject
    ("closing-reporting-clause-after-comma",
     "Jack Straw is pressing Japan to cut whaling quotas despite its refusal to join the Hague "
     "Convention, Downing Street has indicated.\n"
     'Whaling was a matter the foreign secretary "intended to raise" at the summit, said '
     "a spokesman.",
     {"whaling quotas despite": "Downing Street", "intended to raise": "Downing Street"}),
    # "the organisation" after an organisation named by its initials
    ("the-organisation-is-the-one-named-before",
     "The AA welcomed the cut, calling it a boost for motorists. But the organisation urged "
     "drivers to keep shopping around for cheaper petrol.",
     {"shopping around": "AA"}),
]


@pytest.mark.parametrize(("text", "expected"), [(c[1], c[2]) for c in CASES],
                         ids=[c[0] for c in CASES])
def test_bbc_style_speaker(nlp: Language, text: str, expected: dict[str, str | None]) -> None:
    speakers_hold(nlp, text, expected, surname_for)
