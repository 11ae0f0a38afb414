"""Reporting verbs in the progressive ("X is thanking ...", "X is urging ...") are cues like the
simple past, after a wire dateline too; the passive ("is being criticized", "was thought")
names no speaker. Real spaCy and the shipped tagger, through ingest's attribution (rules, then
the tagger's second opinion in mode "carry"). Each case: a name, a text written for the test
(live-blog and wire style) and, per sentence picked by a substring, the speaker expected
(None: no claim)."""

from __future__ import annotations

import pytest

from index.attribution.extraction import extract_claims_many
from index.attribution.language import Language
from index.corpus import SHIPPED_TAGGER
from tests.conftest import assert_speakers, sentences_of

CASES: list[tuple[str, str, dict[str, str | None]]] = [
    ("progressive-action-cue-with-an-object",
     "Senator Amy Klein is thanking volunteers at a rally in her home town.",
     {"thanking": "Amy Klein"}),
    ("progressive-cue-in-a-live-blog-entry",
     "Governor Tom Hale won the caucuses by twelve points.\n"
     "Hale is congratulating his rival on a hard-fought race.",
     {"congratulating": "Hale"}),  # the surname as written; identities join it
    ("progressive-cue-with-a-clause",
     "Mayor Jane Ortiz is reaffirming that the city budget will not cut school funding.",
     {"reaffirming": "Jane Ortiz"}),
    ("progressive-speech-verbs",
     "Representative Paul Grant is urging voters to reject the measure.\n"
     "Commissioner Ruth Baker is telling reporters that the bridge will reopen in May.\n"
     "Chairman Lee Moss is saying the talks have stalled.",
     {"urging": "Paul Grant", "telling": "Ruth Baker", "saying": "Lee Moss"}),
    ("perfect-progressive",
     "Senator Maria Lopez has been arguing for months that the tax is unfair.",
     {"arguing": "Maria Lopez"}),
    ("wire-dateline-before-a-progressive-cue",
     "DENVER (AP) — Governor Karen Mills is warning that the drought will raise water prices.",
     {"warning": "Karen Mills"}),
    ("wire-dateline-before-a-simple-past-cue",
     "BOSTON (AP) — Senator Ed Moran said on Tuesday that the bill would pass next week.",
     {"bill would pass": "Ed Moran"}),
    ("passive-progressive-names-no-speaker",
     "The stadium plan is being criticized across the city.\n"
     "It was thought that the vote would be close.",
     {"criticized": None, "thought": None}),
]


@pytest.mark.parametrize(("text", "expected"), [(c[1], c[2]) for c in CASES],
                         ids=[c[0] for c in CASES])
def test_progressive_speaker(nlp: Language, text: str, expected: dict[str, str | None]) -> None:
    sentences = sentences_of(text)
    [found] = extract_claims_many([(text, sentences)], nlp, tagger=str(SHIPPED_TAGGER),
                                  second="carry")
    # the rules and the tagger may keep a role before the name ("Senator Amy Klein")
    assert_speakers(sentences, found, expected,
                    lambda got, speaker: got.endswith(" " + speaker))
