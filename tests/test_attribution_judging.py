"""Verbs of judging someone aloud (praise, blame) and of disowning a statement are speech cues,
with real spaCy. Sentences written for these tests in the style of US political copy. Each
case: a name, an article (lines are paragraphs) and, per sentence picked by a substring, the
speaker's last word expected (None: no claim)."""

from __future__ import annotations

import pytest

from index.attribution.extraction import extract_claims
from index.attribution.language import Language
from tests.conftest import assert_speakers, same_surname, sentences_of

CASES: list[tuple[str, str, dict[str, str | None]]] = [
    ("lauded",
     "Senator Ruth Hale lauded the volunteer firefighters for their courage during the blaze.",
     {"volunteer firefighters": "Ruth Hale"}),
    ("castigated",
     "Mayor Tom Birch castigated the city council for wasting public money on the stadium.",
     {"wasting public money": "Tom Birch"}),
    ("has-complimented",
     "Governor Dana Price has complimented the state's teachers on their handling of the "
     "strike.",
     {"handling of the strike": "Dana Price"}),
    ("disavowed",
     "Rep. Alan Ford disavowed the remarks his campaign manager made at a rally in Ohio.",
     {"campaign manager made": "Alan Ford"}),
    ("repudiates",
     "Carla Munoz repudiates the claim that her office ignored the warnings about the dam.",
     {"ignored the warnings": "Carla Munoz"}),
    # the verbs stay cues only with someone who judges: an adjective is no claim
    ("adjective-form",
     "The widely derided tax plan was dropped by the committee in March.",
     {"tax plan was dropped": None}),
]


@pytest.mark.parametrize(("text", "expected"), [(c[1], c[2]) for c in CASES],
                         ids=[c[0] for c in CASES])
def test_judging_verbs(nlp: Language, text: str, expected: dict[str, str | None]) -> None:
    sentences = sentences_of(text)
    assert_speakers(sentences, extract_claims(text, sentences, nlp), expected,
                    same_surname)
