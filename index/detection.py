"""Attribution in one parsed sentence: the cue, the speaker phrase and the content span.

Cues are verbs of saying or of stance ("said", "believes"), "according to" and a colon
after a name ("Trump: ..."). A cue inside a quotation is a quoted speaker's own report and
is skipped, so that the outer speaker wins. Of several cues, speech beats stance and a cue
whose subject is a proper name beats one whose subject is a pronoun or a common noun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.cues import CLAUSE_ONLY, PARTICLES, SOURCE_PREPOSITIONS, cue_of
from index.gazetteer import country_of
from index.language import Doc, Token
from index.phrases import Mention, mention_of
from index.roles import CAPITALISED_STOP, NON_SPEAKER_LABELS, ROLE_NOUNS, TITLES
from index.speakers import is_title_case

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# Dependencies through which a cue without a subject takes its clause's subject:
# "X criticized ..., saying", "X was cited as saying", "X wants to say".
_CLIMB = frozenset({"advcl", "xcomp", "conj", "pcomp", "pobj", "prep", "acomp"})
_COMPLEMENTS = ("ccomp", "xcomp", "dobj", "attr", "oprd", "dative", "parataxis")
_ATTACHED = frozenset({"aux", "auxpass", "neg", "advmod", "npadvmod", "prt", "punct", "cc", "mark"})
_PASSIVE_SOURCES = frozenset({"cite", "quote"})
# "said of Trump", "called for a ban": the object of these prepositions is the content.
_TOPIC_PREPOSITIONS = frozenset({"of", "for", "about", "on"})


@dataclass(frozen=True)
class Found:
    """An attribution found in one sentence.

    Attributes:
        cue: The cue as written ("said", "according to", ":").
        cue_kind: "speech", "attitude", "according" or "colon".
        mention: The speaker phrase.
        start: Offset of the content in the sentence text.
        end: Offset after the content in the sentence text.
        score: Preference among several attributions of one sentence.
        kind: "direct" (a quotation), "mixed" (quoted words inside reported speech) or
            "indirect".
    """

    cue: str
    cue_kind: str
    mention: Mention
    start: int
    end: int
    score: float
    kind: str = "indirect"


_LEAD_IN = re.compile(r"[\s,:;—–-]*")


def _kind(text: str, span: tuple[int, int], quotes: list[tuple[int, int]], after: int) -> str:
    """Direct when a quotation opens the sentence or follows the cue; mixed when quoted words
    sit inside the reported speech."""
    inside = [a for a, _ in quotes if span[0] <= a < span[1]]
    if not inside:
        return "indirect"
    first = inside[0]
    if not text[:first].strip() or (first >= after and _LEAD_IN.fullmatch(text[after:first])):
        return "direct"
    return "mixed"


def _is_role_word(word: str) -> bool:
    bare = word.lower().rstrip(".")
    return bare in ROLE_NOUNS or bare in TITLES


def _in_quote(token: Token, quotes: list[tuple[int, int]]) -> bool:
    return any(a < token.idx < b for a, b in quotes)


def _subject(cue: Token) -> tuple[Token | None, bool]:
    """The subject of a cue, climbing to its governing clause when it has none itself.

    Returns:
        (subject token, passive) where passive tells a passive subject ("was cited").
    """
    verb: Token = cue
    for _ in range(4):
        for child in verb.children:
            if child.dep_ in _SUBJECTS:
                return child, child.dep_ == "nsubjpass"
        if verb.dep_ == "relcl" and verb.head.tag_.startswith("N"):
            return None, False  # "a point Geng reiterated" has its own nsubj, else none
        if verb.dep_ not in _CLIMB or verb.head is verb:
            return None, False
        verb = verb.head
    return None, False


def _span(tokens: list[Token]) -> tuple[int, int]:
    first, last = min(t.i for t in tokens), max(t.i for t in tokens)
    doc = tokens[0].doc
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _largest_block(doc: Doc, excluded: set[int]) -> tuple[int, int] | None:
    """The longest run of tokens outside the attribution, as a character span."""
    best: tuple[int, int] | None = None
    run: list[Token] = []
    for tok in [*doc, None]:
        if tok is not None and tok.i not in excluded:
            run.append(tok)
            continue
        words = [t for t in run if not t.is_punct]
        if words and (best is None or len(words) > best[1] - best[0]):
            best = (words[0].i, words[-1].i + 1)
        run = []
    if best is None:
        return None
    return _span(list(doc[best[0] : best[1]]))


def _content(
    cue: Token, subject: Token | None, quotes: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """Character span of what the cue attributes: its complement, widened to the quotations
    around it ("“A,” she said, “B.”" covers A to B)."""
    excluded = {cue.i}
    if subject is not None:
        excluded.update(t.i for t in subject.subtree)
    excluded.update(c.i for c in cue.children if c.dep_ in _ATTACHED)
    spans = [_complement(cue, excluded)]
    spans += [q for q in quotes if not (q[0] <= cue.idx < q[1])]
    found = [s for s in spans if s is not None]
    if not found:
        return None
    return min(a for a, _ in found), max(b for _, b in found)


def _complement(cue: Token, excluded: set[int]) -> tuple[int, int] | None:
    comps = [c for c in cue.children if c.dep_ in _COMPLEMENTS and c.i not in excluded]
    if not comps and cue.dep_ in ("ccomp", "parataxis"):
        # "The plan, Trump said, is bad": the content governs the cue
        return _largest_block(cue.doc, excluded)
    if comps:
        tokens = [t for c in comps for t in c.subtree if t.i not in excluded]
        if tokens:
            return _span(tokens)
    preps = [c for c in cue.children if c.dep_ == "prep" and c.lower_ in _TOPIC_PREPOSITIONS]
    if preps:
        return _span(list(preps[0].subtree))
    return None


def _words(text: str) -> int:
    return sum(1 for w in text.split() if any(ch.isalnum() for ch in w))


def _verb_found(cue: Token, quotes: list[tuple[int, int]]) -> Found | None:
    found = cue_of(cue.text)
    if found is None or not cue.tag_.startswith("VB") or _in_quote(cue, quotes):
        return None
    lemma, kind = found
    # "maintains what it calls ..." is a free relative, not a clause of content
    clausal = any(c.dep_ in ("ccomp", "xcomp") and c.left_edge.lower_ not in ("what", "whatever")
                  for c in cue.children) or any(
        a > cue.idx and cue.doc.text[cue.idx + len(cue.text) : a].strip(" ,:") == ""
        for a, _ in quotes)
    if (kind == "finding" or lemma in CLAUSE_ONLY) and not clausal:
        return None  # "maintains trade" is no claim; "maintains that ..." is
    subject, passive = _subject(cue)
    if subject is None:
        return None
    if passive and lemma not in _PASSIVE_SOURCES and (
        cue_of(subject.head.text) or ("", ""))[0] not in _PASSIVE_SOURCES:
        return None  # "it was reported" has no speaker; "X was cited as saying" has
    span = _content(cue, subject, quotes)
    text = cue.doc.text
    if span is None or _words(text[span[0] : span[1]]) < 3:
        return None
    mention = mention_of(subject)
    score = (2.0 if kind == "speech" else 1.0) + (1.0 if mention.kind == "name" else 0.0)
    score += 0.5 if cue.dep_ == "ROOT" else 0.0
    # a clause or a quote is what a claim says; "criticized X" only names a target
    clausal = any(c.dep_ == "ccomp" for c in cue.children) or any(
        a <= span[0] < b for a, b in quotes)
    score += 0.6 if clausal else 0.0
    particle = next((c for c in cue.children if c.dep_ == "prt" and c.lower_ in PARTICLES), None)
    cue_text = f"{cue.text} {particle.text}" if particle is not None else cue.text
    last = particle if particle is not None else cue
    form = _kind(text, span, quotes, last.idx + len(last.text))
    return Found(cue_text, kind, mention, span[0], span[1], score, form)


def _according_found(tok: Token) -> Found | None:
    if tok.lower_ not in SOURCE_PREPOSITIONS or tok.i + 1 >= len(tok.doc):
        return None
    to = tok.doc[tok.i + 1]
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if to.lower_ != "to" or source is None:
        return None
    phrase = {tok.i, to.i, *(t.i for t in source.subtree)}
    span = _largest_block(tok.doc, phrase)
    if span is None or _words(tok.doc.text[span[0] : span[1]]) < 3:
        return None
    mention = mention_of(source)
    return Found("according to", "according", mention, span[0], span[1],
                 2.5 + (1.0 if mention.kind == "name" else 0.0))


def _with_kind(found: Found | None, text: str, quotes: list[tuple[int, int]], after: int
               ) -> Found | None:
    if found is None:
        return None
    return Found(found.cue, found.cue_kind, found.mention, found.start, found.end, found.score,
                 _kind(text, (found.start, found.end), quotes, after))


def _capitalised_name(tokens: list[Token]) -> Mention | None:
    """A speaker named by capitalised words alone, where the tagger cannot be trusted
    (headlines, "Matthews: ..."): the words after the last title or role word."""
    words = [t for t in tokens if not t.is_punct]
    if not words or not all(t.text[:1].isupper() for t in words) or len(words) > 6:
        return None
    roles = [i for i, t in enumerate(words) if _is_role_word(t.text)]
    name_tokens = words[roles[-1] + 1 :] if roles else words
    if not name_tokens or name_tokens[0].lower_ in CAPITALISED_STOP \
            or name_tokens[-1].lower_ in NON_SPEAKER_LABELS:
        return None
    name = " ".join(t.text for t in name_tokens[-3:])
    if name.isupper() and len(name_tokens) == 1:
        name = name.capitalize()  # a transcript's label: "TAPPER"
    country = country_of(name)
    text = tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text
    return Mention(text, "name", country or name, "country" if country else "person",
                   country=country, subject_index=name_tokens[-1].i)


def _colon_found(doc: Doc, quotes: list[tuple[int, int]]) -> Found | None:
    """ "Trump: Mexico will pay", "TAPPER: ..." - a short name phrase, then a colon."""
    colon = next((t for t in doc[:8] if t.text == ":"), None)
    if colon is None or colon.i == 0:
        return None
    rest = doc[colon.i + 1 :]
    if _words(rest.text) < 3:
        return None
    mention = _capitalised_name(list(doc[: colon.i]))
    if mention is None:
        head = mention_of(doc[colon.i - 1])
        mention = head if head.kind == "name" else None
    if mention is None:
        return None
    found = Found(":", "colon", mention, rest[0].idx, rest[-1].idx + len(rest[-1].text), 1.5)
    return _with_kind(found, doc.text, quotes, found.start)


def _headline_found(doc: Doc) -> Found | None:
    """ "Hillary Clinton Slams Donald Trump On Abortion": a name, then a cue verb."""
    for tok in doc[1:]:
        cue = cue_of(tok.text)
        if cue is None or tok.text.endswith("ing") or not tok.text[:1].isupper():
            continue
        mention = _capitalised_name(list(doc[: tok.i]))
        rest = doc[tok.i + 1 :]
        if mention is None or _words(rest.text) < 2:
            return None
        return Found(tok.text, cue[1], mention, rest[0].idx,
                     rest[-1].idx + len(rest[-1].text), 2.0)
    return None


def _mistagged_found(cue: Token) -> Found | None:
    """ "Trump predicts that ..." with "predicts" tagged as a plural noun: a cue form right
    after a capitalised subject and right before "that" or a quotation."""
    doc = cue.doc
    found = cue_of(cue.text)
    if found is None or cue.tag_.startswith("VB") or cue.i == 0 or cue.i + 1 >= len(doc):
        return None
    subject, after = doc[cue.i - 1], doc[cue.i + 1]
    if not (subject.text[:1].isupper() and (after.lower_ == "that" or after.is_quote)):
        return None
    rest = doc[cue.i + 1 :]
    if _words(rest.text) < 3:
        return None
    mention = mention_of(subject)
    return Found(cue.text, found[1], mention, rest[0].idx, rest[-1].idx + len(rest[-1].text),
                 1.5)


def named_subjects(doc: Doc, quotes: list[tuple[int, int]]) -> list[Mention]:
    """Subjects outside quotations that are proper names of people, in sentence order."""
    found = []
    for tok in doc:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.tag_ in ("NNP", "NNPS") \
                and not _in_quote(tok, quotes):
            mention = mention_of(tok)
            if mention.kind == "name" and mention.entity == "person":
                found.append(mention)
    return found


def find_attribution(doc: Doc, quotes: list[tuple[int, int]]) -> Found | None:
    """The best attribution of a parsed sentence.

    Args:
        doc: The parsed sentence.
        quotes: Quoted stretches as character spans of the sentence text.

    Returns:
        The preferred attribution, or None when the sentence attributes nothing.
    """
    if is_title_case(doc.text):
        return _colon_found(doc, quotes) or _headline_found(doc)
    candidates = [
        f for tok in doc
        for f in (_verb_found(tok, quotes) or _mistagged_found(tok),
                  _with_kind(_according_found(tok), doc.text, quotes, tok.idx)) if f
    ]
    colon = _colon_found(doc, quotes) if not candidates else None
    if colon is not None:
        candidates.append(colon)
    return max(candidates, key=lambda f: f.score, default=None)
