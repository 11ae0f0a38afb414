"""Clauses of a parsed sentence: the span of what a cue attributes.

These helpers read spaCy's dependency parse (through `index.attribution.language`'s types only). The
parser of the small English model errs often on news copy, so each rule has a fallback: the
content falls back to the longest stretch outside the attribution. Who speaks is
`index.attribution.sentences.subjects`' part.
"""

from __future__ import annotations

from index.attribution.language import Doc, Token, text_of
from index.attribution.lexicon.roles import TIME_WORDS
from index.attribution.sentences.cues import cue_of

# Dependencies of a verb's subjects (index.attribution.sentences.subjects reads them too).
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")

# What a cue governs as its content: clauses, objects, complements.
_COMPLEMENTS = ("ccomp", "xcomp", "dobj", "attr", "oprd", "dative", "parataxis")

# Words attached to the cue itself, never content: auxiliaries, negation, particles.
_ATTACHED = frozenset({"aux", "auxpass", "neg", "advmod", "npadvmod", "prt", "punct", "cc", "mark"})


# "said of Trump", "called for a ban": the object of these prepositions is the content.
_TOPIC_PREPOSITIONS = frozenset({"of", "for", "about", "on", "as"})


# Complements that make an "as" clause say something of its own ("as he turned his attention
# to ..."), unlike "as Smith put it".
_AS_OBJECTS = frozenset({"dobj", "ccomp", "xcomp", "attr", "oprd", "acomp", "advcl"})
_NOT_AS_CUES = frozenset({"continue", "speak", "talk"})

# "did not respond to a request for comment": a refusal to comment, which news copy reports.
_REQUESTS = frozenset({"request", "requests", "questions", "inquiries", "inquiry", "calls",
                       "emails", "messages"})

# "pointed to her record", "referring to the judge": "to" introduces the content.
_POINTING = frozenset({"point", "refer", "allude"})


def in_quote(token: Token, quotes: list[tuple[int, int]]) -> bool:
    """True when a token lies inside a quotation.

    Args:
        token: A token of the sentence.
        quotes: Quoted stretches of the sentence as character spans.

    Returns:
        Whether the token starts strictly inside one of the spans.
    """
    # a quotation clipped at the sentence start began in an earlier sentence: its first word
    # is inside it (a quotation opened here starts with its mark)
    return any(a < token.idx < b or (a == token.idx == 0 and not token.is_quote)
               for a, b in quotes)


def _span(tokens: list[Token]) -> tuple[int, int]:
    first, last = min(t.i for t in tokens), max(t.i for t in tokens)
    doc = tokens[0].doc
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def content_block(doc: Doc, excluded: set[int]) -> tuple[int, int] | None:
    """`largest_block`, kept only when it holds the three words a content needs (as PolNeAR's
    scorer counts them)."""
    span = largest_block(doc, excluded)
    if span is None or word_count(text_of(doc)[span[0] : span[1]]) < 3:
        return None
    return span


def largest_block(doc: Doc, excluded: set[int]) -> tuple[int, int] | None:
    """The longest run of tokens outside the attribution, as a character span.

    Args:
        doc: The parsed sentence.
        excluded: Indices of the tokens of the attribution (speaker, cue, auxiliaries).

    Returns:
        The span, or None when no word is left.
    """
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


def content_span(
    cue: Token, subject: Token | None, quotes: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """Character span of what the cue attributes: its complement, widened to the quotations
    around it ("“A,” she said, “B.”" covers A to B).

    Args:
        cue: The cue verb.
        subject: The speaker's head token, kept out of the content.
        quotes: Quoted stretches of the sentence as character spans.

    Returns:
        The span in sentence offsets, or None when the cue has no content.
    """
    excluded = {cue.i}
    if subject is not None:
        phrase = {t.i for t in subject.subtree}
        if cue.i in phrase:  # a misread subject may govern the cue
            phrase -= {t.i for t in cue.subtree}
        excluded.update(phrase)
    excluded.update(c.i for c in cue.children if c.dep_ in _ATTACHED)
    spans = [_complement(cue, excluded, subject)]
    spans += [q for q in quotes if not (q[0] <= cue.idx < q[1])]
    found = [s for s in spans if s is not None]
    if not found:
        return None
    return min(a for a, _ in found), max(b for _, b in found)


def addressee(child: Token) -> bool:
    """True for whom something was told ("told Megyn Kelly of Fox News"), which is no content.

    Args:
        child: A child of a cue verb.

    Returns:
        Whether it is the object of "tell".
    """
    return child.dep_ in ("dobj", "dative") and _lemma(child.head) == "tell"


def as_clause(cue: Token) -> bool:
    """True when the cue heads an "as" clause whose content is the clause it modifies: "as
    Ryan has pointed out, ...", "as Smith put it, ...".

    Args:
        cue: The cue verb.

    Returns:
        Whether the cue is an adverbial clause marked by "as".
    """
    children = list(cue.children)
    # "as Clinton turned her attention to ...", "as news spreads": a time, not a source
    return cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in children
                                       ) and not any(
        c.dep_ in _AS_OBJECTS and c.lower_ != "it" for c in children
    ) and _lemma(cue) not in _NOT_AS_CUES


def _complement(cue: Token, excluded: set[int], subject: Token | None
                ) -> tuple[int, int] | None:
    """The cue's clause or object, with the topic phrases after it ("described the dinner as
    ...", "praised Smegielski for ...", "said of waterboarding")."""
    if as_clause(cue) and not any(c.dep_ == "ccomp" for c in cue.children):
        own = {t.i for t in cue.subtree}
        clause = [t for t in cue.head.subtree if t.i not in own and not t.is_punct]
        return _span(clause) if clause else None
    comps = [c for c in cue.children if c.i not in excluded and not addressee(c) and (
        c.dep_ in _COMPLEMENTS
        or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for"
                                      for m in c.children))
        # "The plan fails, said X": the parser made the content's subject the cue's too
        or (c.dep_ in SUBJECT_DEPS and subject is not None and c.i < cue.i < subject.i))]
    comps += [g for c in cue.children if addressee(c) for g in c.children if _told_that(g)]
    if not comps and cue.dep_ in ("ccomp", "parataxis"):
        # "The plan, Trump said, is bad": the content governs the cue
        return largest_block(cue.doc, excluded)
    lemma = _lemma(cue)
    pointing = lemma in _POINTING or (lemma in ("respond", "reply") and any(
        g.lower_ in _REQUESTS for c in cue.children if c.lower_ == "to" for g in c.children))
    preps = [c for c in cue.rights if c.dep_ == "prep" and c.i not in excluded and not _timed(c)
             and (c.lower_ in _TOPIC_PREPOSITIONS or (c.lower_ == "to" and pointing))]
    if comps and not any(c.dep_ in ("dobj", "dative") for c in comps):
        preps = []  # a clause is the content; "said on Tuesday that ..." keeps its date out
    tokens = [t for c in comps + preps[:1] for t in c.subtree if t.i not in excluded]
    return _span(tokens) if tokens else None


def _told_that(clause: Token) -> bool:
    """ "told the seminar that the gap must close": the parser hangs the "that" clause on
    whom it was told, as a relative clause; it is what was told."""
    children = list(clause.children)
    return clause.dep_ in ("acl", "relcl") and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in children) and any(
        c.dep_ in SUBJECT_DEPS for c in children)


def _timed(prep: Token) -> bool:
    """ "on Thursday night", "on March 14": a time, not a topic."""
    return any(c.dep_ == "pobj" and (c.lower_ in TIME_WORDS or c.text[:1].isdigit())
               for c in prep.children)


def _lemma(cue: Token) -> str:
    """The cue lemma of a token's form ("" when it is no cue form)."""
    found = cue_of(cue.text)
    return found[0] if found else ""


def right_span(cue: Token) -> tuple[int, int] | None:
    """Character span of everything the cue governs after it ("showed Warren with a narrow
    lead in Ohio"), for a finding whose object and its modifiers are the content.

    Args:
        cue: The cue verb.

    Returns:
        The span in sentence offsets, or None when nothing follows.
    """
    tokens = [t for t in cue.subtree if t.i > cue.i and not t.is_punct]
    return _span(tokens) if tokens else None


def word_count(text: str) -> int:
    """Whitespace-separated words that hold a letter or digit, as PolNeAR's scorer counts.

    Args:
        text: Any text.

    Returns:
        The number of words.
    """
    return sum(1 for w in text.split() if any(ch.isalnum() for ch in w))


def takes_clause(cue: Token, quotes: list[tuple[int, int]]) -> bool:
    """True when the cue takes a clause or a quotation right after it ("says that", "said:
    “...”"); "maintains what it calls ..." is a free relative, no clause.

    Args:
        cue: The cue verb.
        quotes: Quoted stretches of the sentence as character spans.

    Returns:
        Whether the cue has clausal content.
    """
    text = text_of(cue.doc)
    return any(c.dep_ in ("ccomp", "xcomp") and c.left_edge.lower_ not in ("what", "whatever")
               for c in cue.children) or any(
        a > cue.idx and text[cue.idx + len(cue.text) : a].strip(" ,:") == "" for a, _ in quotes)
