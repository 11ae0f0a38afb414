"""Attributions where the tagger cannot be trusted: title-case headlines ("Clinton Slams
Trump On Abortion", "Trump Could Address Clean Energy, Lindsey Graham Says") and a short
name before a colon ("Trump: Mexico will pay", a transcript's "TAPPER: ...").

The speaker is read from capitalised words alone, after the last title or role word.
"""

from __future__ import annotations

from index.attribution.language import Doc, Span, Token, text_of
from index.attribution.lexicon.gazetteer import country_of
from index.attribution.lexicon.given_names import GIVEN
from index.attribution.lexicon.roles import CAPITALISED_STOP, NON_SPEAKER_LABELS
from index.attribution.lexicon.verbs import BE_FORMS
from index.attribution.mentions.mention import Mention, name_text
from index.attribution.mentions.modifiers import is_role
from index.attribution.mentions.phrases import mention_of
from index.attribution.sentences.clauses import word_count
from index.attribution.sentences.cues import cue_of
from index.attribution.sentences.found import Found, with_kind

# Words of a verb group that no name ends in, and the modals before them.
_AUXILIARIES = BE_FORMS | frozenset(("not", "never", "have", "has", "had", "do", "does", "did"))
_MODALS = frozenset(("may", "might", "will", "would", "can", "could", "should", "must"))


def _capitalised_name(tokens: list[Token]) -> Mention | None:
    """A speaker named by capitalised words alone, where the tagger cannot be trusted
    (headlines, "Matthews: ..."): the words after the last title or role word."""
    words = [t for t in tokens if not t.is_punct]
    roles = [i for i, t in enumerate(words) if is_role(t.text)]
    if not words or not all(t.text[:1].isupper() for t in words) or len(words) > 6 or (
            len(words) > 4 and not roles):
        return None
    name_tokens = words[roles[-1] + 1 :] if roles else words
    while name_tokens and name_tokens[-1].lower_ in CAPITALISED_STOP and not (
            len(name_tokens) > 1 and name_tokens[-2].lower_ in GIVEN):
        name_tokens = name_tokens[:-1]  # "Donald Trump Finally Ends ..."; "Theresa May" stays
    if name_tokens and name_tokens[-1].lower_ in _AUXILIARIES:
        # "Trump May Not Have Suggested ...": the verb's group, but "Theresa May Says" ends
        # in a name
        while name_tokens and name_tokens[-1].lower_ in _AUXILIARIES | _MODALS:
            name_tokens = name_tokens[:-1]
    if not name_tokens or name_tokens[0].lower_ in CAPITALISED_STOP \
            or name_tokens[-1].lower_ in NON_SPEAKER_LABELS:
        return None
    comma = max((t.i for t in tokens if t.text == ","), default=-1)
    if any(t.i > comma for t in name_tokens):
        # "Railing Against Trump, Sanders Vows ...": the name after the comma speaks
        name_tokens = [t for t in name_tokens if t.i > comma]
    name = name_text(name_tokens[-3:])
    if name.isupper() and len(name_tokens) == 1:
        name = name.capitalize()  # a transcript's label: "TAPPER"
    country = country_of(name)
    text = tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text
    return Mention(text, "name", country or name, "country" if country else "person",
                   country=country, subject_index=name_tokens[-1].i)


def colon_found(doc: Doc, quotes: list[tuple[int, int]]) -> Found | None:
    """ "Trump: Mexico will pay", "TAPPER: ..." - a short name phrase, then a colon.

    Args:
        doc: The parsed sentence.
        quotes: Quoted stretches as character spans of the sentence text.

    Returns:
        The attribution, or None when no name phrase opens the sentence before a colon.
    """
    if ":" not in text_of(doc):
        return None
    colon = next((t for t in doc[:8] if t.text == ":"), None)
    if colon is None or colon.i == 0:
        return None
    rest = doc[colon.i + 1 :]
    if word_count(text_of(doc)[rest.start_char : rest.end_char]) < 3:
        return None
    mention = _capitalised_name(list(doc[: colon.i]))
    if mention is None and colon.i <= 4:
        # "Clinton to Planned Parenthood: ...": the speaker comes before "to" or "on"
        end = next((t.i for t in doc[1 : colon.i] if t.lower_ in ("to", "on")), colon.i)
        head = mention_of(doc[end - 1])
        if _heading(doc[:end], doc[end - 1]):
            return None
        words = [w.lower() for w in (head.name or "").split()]
        # "Editor's note: Trump ...": a label of the publication, whose apposed name is
        # what the note is about, not who speaks
        ordinary = doc[end - 1].lower_ in NON_SPEAKER_LABELS or any(
            w in CAPITALISED_STOP or w in NON_SPEAKER_LABELS for w in words)
        mention = head if head.kind == "name" and not ordinary else None
    if mention is None:
        return None
    # a transcript's label ("TAPPER: ...") owns everything said after it
    label = colon.i <= 2 and all(t.text.isupper() for t in doc[: colon.i] if t.is_alpha)
    found = Found(":", "colon", mention, rest[0].idx, rest[-1].idx + len(rest[-1].text),
                  9.0 if label else 1.5)
    return with_kind(found, text_of(doc), quotes, found.start)


def _heading(label: Span, last: Token) -> bool:
    """ "Little Relief for Refugees:", "The Gap Goes On:": a section heading, whose last
    noun is no speaker; a speaker's label is one noun phrase ending in its name and holds
    no verb ("Clinton to Planned Parenthood:")."""
    # tags, not `pos_`: the parsing pipeline runs without the attribute ruler
    return last.left_edge.i != label[0].i or any(t.tag_[:2] in ("VB", "MD") for t in label)


def headline_found(doc: Doc) -> Found | None:
    """ "Hillary Clinton Slams Donald Trump On Abortion": a name, then a cue verb; or a
    signed headline, "Trump Could Address Clean Energy, Lindsey Graham Says".

    Args:
        doc: A parsed title-case sentence.

    Returns:
        The attribution, or None when the headline names no speaker before a cue.
    """
    signed = _signed_headline(doc)
    if signed is not None:
        return signed
    for tok in doc[1:]:
        cue = cue_of(tok.text)
        if cue is None or tok.text.endswith("ing") or not tok.text[:1].isupper():
            continue
        mention = _capitalised_name(list(doc[: tok.i]))
        rest = doc[tok.i + 1 :]
        if mention is None or word_count(text_of(doc)[rest.start_char : rest.end_char]) < 2:
            return None
        return Found(tok.text, cue[1], mention, rest[0].idx,
                     rest[-1].idx + len(rest[-1].text), 2.0)
    return None


def _signed_headline(doc: Doc) -> Found | None:
    """A title-case headline ending in ", <Name> Says": the name speaks what comes before."""
    words = [t for t in doc if not t.is_punct]
    if len(words) < 5 or cue_of(words[-1].text) is None or not words[-1].text[:1].isupper():
        return None
    cue = words[-1]
    comma = max((t.i for t in doc[: cue.i] if t.text == ","), default=None)
    if comma is None or comma < 3:
        return None
    mention = _capitalised_name(list(doc[comma + 1 : cue.i]))
    content = doc[:comma]
    if mention is None or word_count(text_of(doc)[content.start_char : content.end_char]) < 3:
        return None
    found = cue_of(cue.text)
    assert found is not None
    return Found(cue.text, found[1], mention, content[0].idx,
                 content[-1].idx + len(content[-1].text), 2.0)
