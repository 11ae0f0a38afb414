"""The words around a speaker phrase's head: which of them are a name, and what the
pre-modifiers and appositives say about the speaker (role, organisation, country, gender).

`index.attribution.mentions.phrases` assembles a `Mention` from these readings; they trust the
tagger only where news copy lets them ("Zelenskyy" tagged NN is still a name, "Capt." split in two
is none).
"""

from __future__ import annotations

from index.attribution.language import Token, text_of
from index.attribution.lexicon.gazetteer import country_of, is_demonym
from index.attribution.lexicon.given_names import FEMALE, MALE
from index.attribution.lexicon.roles import (
    CAPITALISED_STOP,
    COMPANY_SUFFIXES,
    COURTESY_TITLES,
    GENERIC_SOURCES,
    ORG_HEADS,
    ORG_NAMES,
    ROLE_NOUNS,
    TITLE_OBJECTS,
    TITLES,
)

_PROPER = frozenset({"NNP", "NNPS"})
_NAME_DEPS = frozenset({"compound", "flat", "nmod", "amod"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


def is_proper(token: Token) -> bool:
    """True for a proper noun, or a capitalised noun the tagger missed ("Zelenskyy" as NN).

    Args:
        token: A token of a parsed sentence.

    Returns:
        Whether it is part of a name.
    """
    if token.tag_ in _PROPER:
        return True
    if token.tag_ not in ("NN", "NNS") or not token.text[:1].isupper():
        return False
    bare = bare_word(token.text)
    if bare in ROLE_NOUNS or bare in ORG_HEADS or bare in GENERIC_SOURCES:
        return False
    previous = token.doc[token.i - 1] if token.i else None
    starts = previous is None or previous.is_quote or previous.is_space or previous.text in ".!?"
    # at a sentence start a capital tells nothing, but a bare singular noun as a subject
    # ("King says") is a name, while a bare plural ("Experts say") or a part ("Part of
    # this framework involves") is not
    return not starts or (token.tag_ == "NN" and token.dep_.startswith("nsubj") and not any(
        c.dep_ == "det" or (c.dep_ == "prep" and c.lower_ == "of") for c in token.children))


def bare_word(word: str) -> str:
    """The word lowercased, without a final period, with a straight apostrophe ("Sen." →
    "sen").

    Args:
        word: A word as written.

    Returns:
        Its form for the word lists of `index.attribution.lexicon.roles`.
    """
    return word.lower().rstrip(".").replace("’", "'")


def is_role(word: str) -> bool:
    """True for a role noun or a title ("spokesman", "Sen.").

    Args:
        word: A word as written.

    Returns:
        Whether it names a role rather than a person.
    """
    bare = bare_word(word)
    return bare in ROLE_NOUNS or bare in TITLES


def premodifiers(head: Token) -> list[Token]:
    """The head's contiguous left modifiers (compounds, adjectives, possessors) and the head.

    Args:
        head: The head token of a speaker phrase.

    Returns:
        The tokens in sentence order, determiners and punctuation left out.
    """
    left = [t for t in head.lefts if t.dep_ in _NAME_DEPS or t.dep_ == "poss"]
    tokens: list[Token] = []
    for child in left:
        # "Capt." splits as "Capt" "." and the parser may make the "." a compound
        tokens.extend(t for t in child.subtree if t.dep_ not in ("det", "punct", "case")
                      and any(ch.isalnum() for ch in t.text))
    tokens.append(head)
    tokens.extend(_name_tail(head))
    return sorted(set(tokens), key=lambda t: t.i)


def _name_tail(head: Token) -> list[Token]:
    """Proper nouns right after a proper head that the parser hung on it: "Christine May
    had said" parses "May" as an apposition of "Christine"."""
    tail: list[Token] = []
    if not is_proper(head):
        return tail
    for child in head.rights:
        last = tail[-1] if tail else head
        # "Transport 2000 said": a number written right after a proper name is part of it
        numbered = child.dep_ == "nummod" and child.text.isdigit() and last.whitespace_
        if child.i != last.i + 1 or (not numbered and (
                child.dep_ not in ("appos", "flat") or not is_proper(child))):
            break
        tail.append(child)
        if numbered:
            break
    return tail


def _after_honorific(tokens: list[Token], i: int) -> bool:
    """ "Mr. King", "Charlie King": a role word right after an honorific or a given name is a
    surname."""
    before = bare_word(tokens[i - 1].text) if i > 0 else ""
    if before in COURTESY_TITLES or (i == len(tokens) - 1 and (before in FEMALE or before in MALE)):
        return True
    # "Charlie King", "Rebecca Bishop": a title that is a common surname, after a proper
    # word that is no title, role or country ("House Speaker" stays a role)
    return i > 0 and i == len(tokens) - 1 and before.isalpha() and bare_word(tokens[i].text) in (
        "king", "bishop") and is_proper(tokens[i - 1]) and not is_role(tokens[i - 1].text) \
        and before not in CAPITALISED_STOP and country_of(tokens[i - 1].text) is None


def _place_named(place: Token, rest: list[str]) -> bool:
    """ "America Rising", "Washington Post", "China Daily": a place written as a noun, with no
    possessive, right before one proper word (or two that a company or PAC suffix ends:
    "America Rising PAC") is the first word of that name (not "U.S." or "UK", which modify;
    not "Georgia", a given name too)."""
    word = bare_word(place.text)
    if not (len(rest) == 1 or (len(rest) == 2 and rest[1] in COMPANY_SUFFIXES)):
        return False
    return (place.dep_ != "poss" and place.text.isalpha() and not place.text.isupper()
            and not is_demonym(place.text) and word not in FEMALE and word not in MALE
            and rest[0] not in FEMALE and rest[0] not in MALE and not is_role(rest[0]))


def split_name(tokens: list[Token]) -> tuple[list[Token], list[Token]]:
    """Split pre-modifiers and head into the modifiers and the trailing proper name.

    Args:
        tokens: `premodifiers` of a head.

    Returns:
        (modifiers, name tokens); the name is empty when the head is no name.
    """
    i = len(tokens)
    while i > 0 and is_proper(tokens[i - 1]) and (
            not is_role(tokens[i - 1].text) or _after_honorific(tokens, i - 1)):
        country = country_of(tokens[i - 1].text)
        rest = [bare_word(t.text) for t in tokens[i:]]
        # "British Airways", "the British Chambers of Commerce": a plural proper head
        # makes the demonym part of the organisation's name
        named_with = country and len(rest) == 1 and tokens[-1].tag_ == "NNPS" \
            and tokens[i - 1].dep_ != "poss"
        # "Saudi Arabia", "South Korea": the demonym opens the country's own name
        named_with = named_with or (
            country and country_of(" ".join(t.text for t in tokens[i - 1 :])) == country)
        named_with = named_with or (country and _place_named(tokens[i - 1], rest))
        if (country or tokens[i - 1].dep_ == "poss") and rest and not named_with and not (
                country and all(w in CAPITALISED_STOP for w in rest)):
            break  # "China's", "Reuters’", "U.S." before a name modify it; "USA Today" stays
        i -= 1
    # "Secretary of State Hillary Clinton", "Interestingly Blocher": not part of the name;
    # "State Department" keeps its first word
    department = bare_word(tokens[-1].text) in ORG_HEADS
    while i < len(tokens) - 1 and ((bare_word(tokens[i].text) in TITLE_OBJECTS and not department)
                                   or (bare_word(tokens[i].text) in CAPITALISED_STOP
                                   and bare_word(tokens[i].text) != "new")):  # "New York Times"
        i += 1
    return tokens[:i], tokens[i:]


def describe(modifiers: list[Token]) -> tuple[str | None, str | None, str | None, str | None]:
    """Role, organisation, country and gender found among pre-modifiers.

    Args:
        modifiers: The modifier tokens of a speaker phrase.

    Returns:
        (role, organisation, country, gender), each None when the modifiers do not tell.
    """
    role = org = country = gender = None
    run: list[str] = []
    for tok in modifiers:
        bare = bare_word(tok.text)
        if tok.text in _POSSESSIVE:
            continue
        if country_of(tok.text):
            country = country or country_of(tok.text)
        if bare in TITLES:
            title_role, gender = TITLES[bare][0] or role, TITLES[bare][1] or gender
            role = title_role
        elif bare in ROLE_NOUNS:
            role = bare
        named = is_proper(tok) and not is_role(tok.text) and not country_of(tok.text)
        if named or bare in ORG_HEADS:
            run.append(tok.text)
        if run and (bare in ORG_HEADS or bare in ORG_NAMES):
            org = " ".join(run)
            run = []
        elif not is_proper(tok) and bare not in ORG_HEADS:
            run = []
    return role, org, country, gender


def entity_kind(name_tokens: list[Token]) -> str:
    """What a name names.

    Args:
        name_tokens: The tokens of a proper name.

    Returns:
        "person", "org" or "country".
    """
    last = bare_word(name_tokens[-1].text)
    text = " ".join(t.text for t in name_tokens)
    if len(name_tokens) == 1 and country_of(text):
        head = name_tokens[0]
        bare_demonym = is_demonym(text) and head.tag_ == "NNP" and not any(
            c.dep_ == "det" for c in head.children)
        return "person" if bare_demonym else "country"  # "Cuban said": Mark Cuban
    if len(name_tokens) > 1 and country_of(text) and not is_demonym(text):
        return "country"  # "Saudi Arabia", "South Korea"
    if last in ORG_HEADS or last in ORG_NAMES or name_tokens[-1].tag_ == "NNPS":
        return "org"
    if any(country_of(t.text) for t in name_tokens) and not is_demonym(name_tokens[-1].text):
        return "org"  # "White America", "China Daily": no person a pronoun could mean
    if len(name_tokens) == 1 and text.isupper() and len(text) > 1:
        return "org"
    return "person"


def appositive(head: Token) -> tuple[Token | None, Token | None]:
    """The proper-name and the role appositives of a head: "the spokesman, Josh Earnest".

    Args:
        head: The head token of a speaker phrase.

    Returns:
        (name token, role token), each None when absent.
    """
    name = role = None
    for child in head.rights:
        if child.dep_ != "appos" and not (
            bare_word(head.text) in ROLE_NOUNS and is_proper(child) and child.dep_ != "conj"
        ):
            continue  # "Vatican spokesman the Rev. Federico Lombardi" has no comma
        if is_proper(child) and name is None:
            name = child
        elif bare_word(child.text) in ROLE_NOUNS and role is None:
            role = child
    if name is None and bare_word(head.text) in ROLE_NOUNS:
        name = _apposed_past_object(head)
    return name, role


def _apposed_past_object(head: Token) -> Token | None:
    """ "a spokesman for Ukraine's Foreign Ministry, Oleg Voloshyn": the parser ties the name
    to the object of the role's preposition; the name is the role's holder unless that
    object is itself a role ("a spokesman for the mayor, John Smith" may name the mayor)."""
    for prep in head.rights:
        if prep.dep_ != "prep" or prep.lower_ not in ("for", "of", "at", "to"):
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or bare_word(obj.text) in ROLE_NOUNS:
                continue
            return next((c for c in obj.rights if c.dep_ == "appos" and is_proper(c)), None)
    return None


_NAME_JOINERS = frozenset(("of", "the", "for", "to", "on", "in", "a"))


def purpose_name(name_tokens: list[Token], head: Token) -> str | None:
    """ "the Committee to Protect Journalists", "Alliance to Reclaim Our Schools": an
    organisation named by its purpose, a capitalised "to" clause after its head that the
    parser reads as a relative clause; None for other names.

    Args:
        name_tokens: The name's tokens ("Committee").
        head: The head of the phrase.

    Returns:
        The whole name as written, or None.
    """
    doc = head.doc
    after = name_tokens[-1].i + 1
    if after + 1 >= len(doc) or doc[after].lower_ != "to" or not doc[after + 1].text[:1].isupper():
        return None
    if doc[after + 1].dep_ not in ("relcl", "acl") or doc[after + 1].head.i != head.i:
        return None
    last = doc[after + 1]
    for token in doc[after + 1 :]:
        if token.is_alpha and token.text[:1].isupper():
            last = token
        elif token.lower_ not in _NAME_JOINERS:
            break
    return text_of(doc)[name_tokens[0].idx : last.idx + len(last)]
