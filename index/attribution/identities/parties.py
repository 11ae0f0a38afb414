"""Parties and seats of government under their canonical names, with the forms news uses.

"Labour", "Labour's" and "the Labour party" are one speaker, the Labour Party; "Tories" and
"Conservatives" are the Conservative Party. US parties are left as written: "Democrats" and
"the Democratic Party" are not the same speaker in PolNeAR's annotation, nor to readers.
"""

from __future__ import annotations

from index.attribution.lexicon.roles import POSSESSIVE

_ALIASES: dict[str, tuple[str, ...]] = {
    "Labour Party": ("labour", "labour party", "the labour party", "uk labour party"),
    "Conservative Party": ("conservatives", "conservative", "conservative party", "tories",
                           "tory", "tory party", "the conservatives", "the tories",
                           "the conservative party", "the tory party"),
    "Liberal Democrats": ("liberal democrats", "liberal democrat", "liberal democrat party",
                          "lib dems", "lib dem", "libdems", "the liberal democrats",
                          "the lib dems"),
    # Downing Street stays itself: the prime minister's office, not the party or the PM.
    "Downing Street": ("downing street", "no 10", "no. 10", "number 10", "number ten",
                       "no ten"),
}

PARTIES = {form: name for name, forms in _ALIASES.items() for form in forms}


def party_of(name: str) -> str | None:
    """The canonical name of a party or seat of government, or None.

    Args:
        name: A speaker string ("Labour's", "the Tories", "No 10").

    Returns:
        "Labour Party", "Conservative Party", "Liberal Democrats", "Downing Street" or None.
    """
    words = [POSSESSIVE.sub("", w) for w in name.lower().split()]
    return PARTIES.get(" ".join(words))
