"""Attribution: who said what, in each sentence of an article; the only spaCy user.

`extraction` parses the sentences worth parsing (`language` holds the spaCy pipeline) and
walks each article in order (`article`; `datelines` blanks what the parser must not see);
one sentence's attribution comes from `sentence`, with who speaks (`subjects`), what is said
(`clauses`), attributions carried by a phrase rather than a verb (`phrasal`: "according to
X", "X's claim that"), colons and headlines
(`headlines`), cue words (`cues`) and quotation marks (`quotes`). Speaker names and their
roles, organisations and countries are `speakers`'s. It may import `index.records` and
`index.errors`, never the ledger, vectors or search. Importing the package does not import
spaCy: `extract_claims` and `extract_claims_many` load it on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from index.attribution.extraction import extract_claims, extract_claims_many

__all__ = ["extract_claims", "extract_claims_many"]


def __getattr__(name: str) -> Any:
    # spaCy takes about 2 s to import: only code that extracts claims pays for it.
    if name in __all__:
        from index.attribution import extraction

        return getattr(extraction, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
