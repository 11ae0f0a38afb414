"""Speaker phrases: what a parsed subject says about the speaker, before resolution.

`mention_of` reads the subject of a cue ("China's Foreign Ministry spokesperson Wang Wenbin",
"he", "the ministry", "Trump, who") and returns a `Mention`: the name as written, its
kind, and the role, organisation and country found in its pre-modifiers and appositives.
Resolution against the article's earlier speakers is `index.speakers`' job.
"""

from __future__ import annotations

from dataclasses import dataclass

from index.gazetteer import country_of
from index.language import Token
from index.roles import (
    CAPITALISED_STOP,
    FIRST_PERSON,
    GENERIC_SOURCES,
    GROUP_PRONOUNS,
    ORG_HEADS,
    ORG_NAMES,
    PERSON_PRONOUNS,
    PLACES,
    RELATIVE_PRONOUNS,
    ROLE_NOUNS,
    THING_PRONOUNS,
    TITLES,
)

_PROPER = frozenset({"NNP", "NNPS"})
_NAME_DEPS = frozenset({"compound", "flat", "nmod", "amod"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


@dataclass(frozen=True)
class Mention:
    """A speaker as written in one sentence.

    Attributes:
        text: The phrase as written, without appositives and relative clauses.
        kind: "name", "pronoun", "role", "org" (an organisation noun such as "the
            ministry"), or "generic" (no one in particular: "officials", "a poll").
        name: The proper name ("Wang Wenbin", "Foreign Ministry", "China"), if any.
        entity: "person", "org" or "country" when the phrase tells.
        role: Role noun such as "spokesperson".
        org: Organisation name or noun ("Foreign Ministry", "ministry").
        country: Canonical country.
        gender: "m" or "f" when a title or pronoun tells.
        possessor: The owner in "his campaign", "Trump's campaign", as a Mention.
        subject_index: Index of the head token in its sentence.
        phrase: The whole subject phrase without relative clauses ("Six in 10 Virginia
            Democratic voters"), the speaker to show when nothing resolves.
    """

    text: str
    kind: str
    name: str | None = None
    entity: str | None = None
    role: str | None = None
    org: str | None = None
    country: str | None = None
    gender: str | None = None
    possessor: Mention | None = None
    subject_index: int = -1
    phrase: str | None = None


def _is_proper(token: Token) -> bool:
    """A proper noun, or a capitalised noun the tagger missed ("Zelenskyy" tagged NN)."""
    if token.tag_ in _PROPER:
        return True
    if token.tag_ not in ("NN", "NNS") or not token.text[:1].isupper() or token.i == 0:
        return False
    previous = token.doc[token.i - 1]
    if previous.is_quote or (previous.is_punct and previous.text in ".!?"):
        return False
    bare = _bare(token.text)
    return bare not in ROLE_NOUNS and bare not in ORG_HEADS and bare not in GENERIC_SOURCES


def _bare(word: str) -> str:
    return word.lower().rstrip(".").replace("’", "'")


def _is_role(word: str) -> bool:
    bare = _bare(word)
    return bare in ROLE_NOUNS or bare in TITLES


def _premodifiers(head: Token) -> list[Token]:
    """The head's contiguous left modifiers (compounds, adjectives, possessors) and the head."""
    left = [t for t in head.lefts if t.dep_ in _NAME_DEPS or t.dep_ == "poss"]
    tokens: list[Token] = []
    for child in left:
        tokens.extend(t for t in child.subtree if t.dep_ not in ("det", "punct", "case"))
    tokens.append(head)
    return sorted(set(tokens), key=lambda t: t.i)


def _split_name(tokens: list[Token]) -> tuple[list[Token], list[Token]]:
    """Split pre-modifiers + head into (modifiers, trailing proper name)."""
    i = len(tokens)
    while i > 0 and _is_proper(tokens[i - 1]) and not _is_role(tokens[i - 1].text):
        if country_of(tokens[i - 1].text) and i < len(tokens):
            break  # "China Daily" stays whole, "China's" before a name is a modifier
        i -= 1
    return tokens[:i], tokens[i:]


def _describe(modifiers: list[Token]) -> tuple[str | None, str | None, str | None, str | None]:
    """Role, organisation, country and gender found among pre-modifiers."""
    role = org = country = gender = None
    run: list[str] = []
    for tok in modifiers:
        bare = _bare(tok.text)
        if tok.text in _POSSESSIVE:
            continue
        if country_of(tok.text):
            country = country or country_of(tok.text)
        if bare in TITLES:
            title_role, gender = TITLES[bare][0] or role, TITLES[bare][1] or gender
            role = title_role
        elif bare in ROLE_NOUNS:
            role = bare
        named = _is_proper(tok) and not _is_role(tok.text) and not country_of(tok.text)
        if named or bare in ORG_HEADS:
            run.append(tok.text)
        if run and (bare in ORG_HEADS or bare in ORG_NAMES):
            org = " ".join(run)
            run = []
        elif not _is_proper(tok) and bare not in ORG_HEADS:
            run = []
    return role, org, country, gender


def _entity_kind(name_tokens: list[Token]) -> str:
    last = _bare(name_tokens[-1].text)
    text = " ".join(t.text for t in name_tokens)
    if len(name_tokens) == 1 and country_of(text):
        return "country"
    if last in ORG_HEADS or last in ORG_NAMES or name_tokens[-1].tag_ == "NNPS":
        return "org"
    if len(name_tokens) == 1 and text.isupper() and len(text) > 1:
        return "org"
    return "person"


def _appositive(head: Token) -> tuple[Token | None, Token | None]:
    """(proper-name appositive, role appositive) of a head: "the spokesman, Josh Earnest"."""
    name = role = None
    for child in head.rights:
        if child.dep_ != "appos":
            continue
        if _is_proper(child) and name is None:
            name = child
        elif _bare(child.text) in ROLE_NOUNS and role is None:
            role = child
    return name, role


def _text(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text


def _possessor(head: Token) -> Mention | None:
    for child in head.lefts:
        if child.dep_ == "poss":
            return mention_of(child)
    return None


_PHRASE_CUTS = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "advcl"})


def _names_someone(token: Token) -> bool:
    """A proper noun or name adjective ("Democratic voters") that is no US state, demonym or
    capital ("Florida", "Chinese") and no capitalised common word."""
    bare = _bare(token.text)
    if not token.text[:1].isupper() or not token.is_alpha or bare in PLACES:
        return False
    if bare in CAPITALISED_STOP or bare in GENERIC_SOURCES or _is_role(token.text):
        return False
    if not (_is_proper(token) or token.tag_ in ("JJ", "NNPS")):
        return False
    country = country_of(token.text)
    return country is None or country.lower() == _bare(token.text)


def _phrase(head: Token) -> str | None:
    """The subject phrase without relative clauses, when it holds a name; else None."""
    end = head.i
    for child in head.rights:
        if child.dep_ in _PHRASE_CUTS:
            break
        end = child.right_edge.i
    start = head.left_edge.i
    while start < head.i and head.doc[start].is_punct:
        start += 1
    span = head.doc[start : end + 1]
    return span.text if any(_names_someone(t) for t in span) else None


def mention_of(head: Token) -> Mention:
    """Describe the speaker phrase whose head is `head`; see `_mention`."""
    mention = _mention(head)
    if mention.kind in ("generic", "role", "org") and mention.phrase is None:
        return Mention(mention.text, mention.kind, mention.name, mention.entity, mention.role,
                       mention.org, mention.country, mention.gender, mention.possessor,
                       mention.subject_index, _phrase(head))
    return mention


def _mention(head: Token) -> Mention:
    """Describe the speaker phrase whose head is `head`.

    Args:
        head: The subject token of a cue, or the object of "according to".

    Returns:
        The phrase's Mention; kind "generic" when it names no one.
    """
    lower = _bare(head.text)
    if lower in RELATIVE_PRONOUNS and head.dep_.startswith("nsubj"):
        antecedent = head.head.head if head.head.dep_ == "relcl" else None
        if antecedent is not None and antecedent.i != head.i:
            found = mention_of(antecedent)
            return Mention(head.text, found.kind, found.name, found.entity, found.role,
                           found.org, found.country, found.gender, found.possessor, head.i)
    if lower in PERSON_PRONOUNS or lower in GROUP_PRONOUNS or lower in THING_PRONOUNS \
            or lower in FIRST_PERSON or lower in ("you",):
        return Mention(head.text, "pronoun", gender=PERSON_PRONOUNS.get(lower),
                       subject_index=head.i)
    tokens = _premodifiers(head)
    modifiers, name_tokens = _split_name(tokens)
    role, org, country, gender = _describe(modifiers)
    apposed_name, apposed_role = _appositive(head)
    if not name_tokens and apposed_name is not None:
        inner = mention_of(apposed_name)
        return Mention(_text(tokens), inner.kind, inner.name, inner.entity,
                       role or inner.role or (lower if lower in ROLE_NOUNS else None),
                       org or inner.org, country or inner.country, gender or inner.gender,
                       None, apposed_name.i)
    if apposed_role is not None:
        role = role or _bare(apposed_role.text)
        _, apos_org, apos_country, _ = _describe(_premodifiers(apposed_role)[:-1])
        org, country = org or apos_org, country or apos_country
    text = _text(tokens)
    if name_tokens:
        name = " ".join(t.text for t in name_tokens)
        entity = _entity_kind(name_tokens)
        if entity == "country":
            name = country_of(name) or name
            country = name
        elif entity == "org":
            org = org if org and org != name else None
        return Mention(text, "name", name, entity, role, org, country, gender,
                       _possessor(head) if entity == "org" else None, head.i)
    if lower in ORG_HEADS:
        if org and org.lower() != lower and org[:1].isupper():
            # "the Jeb Bush campaign", "the Obama administration": a named organisation
            return Mention(text, "name", org, "org", None, None, country, None, None, head.i)
        return Mention(text, "org", None, "org", None, org or lower, country, None,
                       _possessor(head), head.i)
    if lower in ROLE_NOUNS and lower not in GENERIC_SOURCES:
        return Mention(text, "role", None, "person", lower, org, country, gender,
                       _possessor(head), head.i)
    return Mention(text, "generic", subject_index=head.i)
