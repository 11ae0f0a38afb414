"""What the parser must not see: datelines ("CLEVELAND —", "WASHINGTON (Reuters) -") and
party-state tags ("(R-Texas)"), which it takes for the subjects of the sentences they open or
interrupt. They are blanked out, never cut, so that offsets into the sentence stay the same.
"""

from __future__ import annotations

import re

# "CLEVELAND —", "WASHINGTON (Reuters) -": a dateline the parser would take for a subject.
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’ ,]{2,}(?:[A-Z][a-z]{2,3}\.? \d{1,2}\s*)?(?:\s*\([A-Za-z ]+\))?"
    r"|[A-Z][\w.'’ ,]{2,40}\s*\([A-Za-z ]+\))\s*[—–-]+\s*"
)


# "(R-Texas)", "(D-N.Y.)": party-state tags that the parser takes for subjects.
_PARTY_TAG = re.compile(r"\([RDI]\s?[-–]\s?[A-Z][\w. ]{0,20}\)")


def for_parsing(sentence: str) -> str:
    """The sentence as the parser should see it: datelines ("CLEVELAND —") and party tags
    ("(R-Texas)"), which it takes for subjects, blanked out; offsets stay the same.

    Args:
        sentence: Sentence text.

    Returns:
        Text of the same length.
    """
    m = _DATELINE.match(sentence)
    if m:
        sentence = " " * m.end() + sentence[m.end() :]
    return _PARTY_TAG.sub(lambda t: " " * len(t.group()), sentence)
