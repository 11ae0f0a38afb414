"""Attribution: who said what, in each sentence of an article; the only spaCy user.

The pipeline, in its sub-packages: `extraction` parses the sentences worth parsing
(`language` holds the spaCy pipeline and the trained tagger, `tagger/`), `sentences` finds
each parsed sentence's cue, speaker phrase and content, `mentions` reads a speaker phrase,
`articles` walks each article in order and resolves mentions against the article's
`speakers`, `identities` merges speaker names across articles; `lexicon` holds the word lists
they share. It may import `index.records` and `index.errors`, never the ledger, vectors or
search. Importing the package does not import spaCy: `extract_claims` and
`extract_claims_many` load it on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from index.attribution.exports import lazy

if TYPE_CHECKING:
    from index.attribution.extraction import extract_claims, extract_claims_many

__all__ = ["extract_claims", "extract_claims_many"]

# spaCy takes about 2 s to import: only code that extracts claims pays for it.
__getattr__ = lazy(__name__, dict.fromkeys(__all__, "extraction"))
