"""Attribution in one parsed sentence: the cue, the speaker phrase and the content span.

Cues are verbs of saying or of stance ("said", "believes"), "according to", a name before a colon
("Trump: ...", a transcript's "TAPPER:"), a clause before a colon and a quotation ("Trump went
further: “...”"), and in title-case headlines a name before a cue ("Clinton Slams Trump On ..."). A
cue inside a quotation is a quoted speaker's own report and is skipped, so that the outer speaker
wins. Of several cues, speech beats stance, a named subject beats a pronoun or a common noun, and
the main verb beats a subordinate one; the content of the claim covers everything the chosen subject
says in the sentence ("said A, adding B"). Headlines and colon labels are
`index.attribution.sentences.headlines`' part; sources named by a phrase ("according to X",
"X's claim", a passive cue's agent) are `index.attribution.sentences.phrasal`'.
"""

from __future__ import annotations

import re
from dataclasses import replace

from index.attribution.language import Doc, Token, text_of
from index.attribution.mentions.mention import Mention
from index.attribution.mentions.phrases import mention_of
from index.attribution.sentences.clauses import (
    addressee,
    as_clause,
    content_span,
    in_quote,
    right_span,
    takes_clause,
    word_count,
)
from index.attribution.sentences.cues import (
    AS_ONLY,
    CLAUSE_ONLY,
    DOCUMENT_NOUNS,
    PARTICLES,
    QUOTE_ONLY,
    cue_of,
    may_cue,
)
from index.attribution.sentences.found import Found, kind_of, with_kind
from index.attribution.sentences.headlines import colon_found, headline_found
from index.attribution.sentences.phrasal import (
    according_found,
    agent_found,
    document_found,
    noun_found,
    tail_found,
)
from index.attribution.sentences.subjects import (
    adjacent_subject,
    apposed_subject,
    inverted_subject,
    subject_of,
)
from index.attribution.speakers.names import is_title_case

_PASSIVE_SOURCES = frozenset({"cite", "quote"})
# Stance verbs that tell an act with an infinitive or an object ("plans to buy", "agreed to
# buy", "agreed a buy-back", "sought to cut"), a stance only with a clause ("agreed that").
_ACT_WITH_OBJECT = frozenset({"plan", "agree", "seek"})

# What a subject's verb says or does besides the cue: objects, clauses, conjoined verbs.
_PREDICATES = frozenset({"conj", "advcl", "dobj", "xcomp", "ccomp", "attr", "oprd", "dative",
                         "acomp", "parataxis"})


# A cue that closes its sentence after a quotation: '“Elections matter,” Kelly said.' is a
# claim though short (the next sentence often goes on: “Look at the records ...”).
_CUE_ENDS_SENTENCE = re.compile(r"\w+[^\"“”]{0,40}$")


def _score(cue: Token, kind: str, mention: Mention, span: tuple[int, int],
           quotes: list[tuple[int, int]]) -> float:
    """Preference among the cues of a sentence: speech over stance, a named subject, the main
    verb, and a clause or quotation as content ("criticized X" only names a target)."""
    score = (2.0 if kind == "speech" else 1.0) + (1.0 if mention.kind == "name" else 0.0)
    score += 1.0 if cue.dep_ == "ROOT" else 0.0
    clausal = any(c.dep_ == "ccomp" for c in cue.children) or any(
        a <= span[0] < b for a, b in quotes)
    return score + (0.6 if clausal else 0.0)


def _form_allowed(cue: Token, lemma: str, quotes: list[tuple[int, int]]) -> bool:
    """False for a cue that attributes only in one construction and is not in it: "put it"
    only in "as Smith put it", "continued" only with a quotation."""
    if lemma in AS_ONLY and not as_clause(cue):
        return False
    return lemma not in QUOTE_ONLY or not all(a <= cue.idx < b for a, b in quotes)


def _acts(cue: Token, lemma: str) -> bool:
    """An act told as fact, no statement: "plans to buy", "agreed a deal", "denied them
    permits" (a refusal; "denied the claims" is a statement)."""
    deps = {c.dep_ for c in cue.children}
    if lemma in _ACT_WITH_OBJECT:
        return "ccomp" not in deps and bool(deps & {"xcomp", "dobj"})
    return lemma == "deny" and "dative" in deps


def _in_name(cue: Token) -> bool:
    """A capitalised cue form after a capitalised word inside a sentence is a name's word
    ("the United States' refusal"), not a verb; headlines in title case are left alone."""
    doc = cue.doc
    if not cue.text[:1].isupper() or cue.i == 0 or not doc[cue.i - 1].text[:1].isupper():
        return False
    return doc[cue.i - 1].i > 0 and not is_title_case(text_of(doc))


def _verb_found(cue: Token, quotes: list[tuple[int, int]]) -> Found | None:
    found = cue_of(cue.text)
    if found is None or not cue.tag_.startswith("VB") or in_quote(cue, quotes):
        return None
    lemma, kind = found
    if any(c.lower_ in ("what", "whatever") and c.dep_ in ("dobj", "attr", "oprd")
           for c in cue.children):
        return None  # "what it calls “normal trade”": a name for something, no claim
    if not _form_allowed(cue, lemma, quotes) or _acts(cue, lemma) or _in_name(cue):
        return None
    # A subject inside a quotation is the quote's own ("“If it doesn't ...,” said James
    # Acton"): subject_of skips it, and the speaker is looked for next to the cue.
    subject, passive = subject_of(cue, quotes)
    subject = subject or adjacent_subject(cue, quotes) or inverted_subject(cue, quotes) \
        or apposed_subject(cue, quotes)
    if subject is None:
        return None
    documented = kind == "finding" and subject.lower_ in DOCUMENT_NOUNS
    # "sees Netanyahu as an obstacle": an object and what it is seen as
    seen_as = any(c.dep_ == "dobj" for c in cue.children) and any(
        c.dep_ == "prep" and c.lower_ == "as" for c in cue.children)
    if (kind == "finding" or lemma in CLAUSE_ONLY) and not (
            takes_clause(cue, quotes) or as_clause(cue) or documented or seen_as):
        return None  # "maintains trade" is no claim; "maintains that ..." is
    if passive and lemma not in _PASSIVE_SOURCES and (
        cue_of(subject.head.text) or ("", ""))[0] not in _PASSIVE_SOURCES:
        return None  # "it was reported" has no speaker; "X was cited as saying" has
    span = content_span(cue, subject, quotes)
    if documented and not takes_clause(cue, quotes):
        span = right_span(cue)  # "a poll showed Warren with a narrow lead in Ohio"
    text = text_of(cue.doc)
    mention = mention_of(subject)
    if span is None or (word_count(text[span[0] : span[1]]) < 3 and not (
            _CUE_ENDS_SENTENCE.match(text, cue.idx) and any(a <= span[0] < b for a, b in quotes))):
        return _forward(cue, kind, mention, text)
    particle = next((c for c in cue.children if c.dep_ == "prt" and c.lower_ in PARTICLES), None)
    cue_text = f"{cue.text} {particle.text}" if particle is not None else cue.text
    last = particle if particle is not None else cue
    form = kind_of(text, span, quotes, last.idx + len(last.text))
    return Found(cue_text, kind, mention, span[0], span[1],
                 _score(cue, kind, mention, span, quotes), form)


def _forward(cue: Token, kind: str, mention: Mention, text: str) -> Found | None:
    """ "Trump said:" closing a sentence: the content is what follows, in the next sentence
    or paragraph; an empty span at the end marks it."""
    if not text.rstrip().endswith(":") or kind != "speech":
        return None
    end = len(text.rstrip())
    return Found(f"{cue.text}:", kind, mention, end, end, 1.0, "direct")


def _colon_quote_found(doc: Doc, quotes: list[tuple[int, int]]) -> Found | None:
    """ "Trump went even further: “If he loses ...”" - a clause whose subject speaks, a
    colon, then a quotation."""
    text = text_of(doc)
    if ":" not in text:
        return None
    for colon in doc[:-1]:
        if colon.text != ":" or in_quote(colon, quotes):
            continue
        after = next((t for t in doc[colon.i + 1 :] if not t.is_space), None)
        if after is None or not after.is_quote:
            continue
        verb = colon.head
        if verb.i > colon.i:  # the parser may hang the colon on the quotation's verb
            verb = next((t for t in reversed(doc[: colon.i]) if t.tag_.startswith("VB")), verb)
        subject, passive = subject_of(verb) if verb.tag_.startswith("VB") else (None, False)
        if subject is None or passive:
            return None
        start, end = after.idx, len(text.rstrip())
        if word_count(text[start:end]) < 3:
            return None
        mention = mention_of(subject)
        return Found(f"{verb.text}:", "speech", mention, start, end, 2.5, "direct")
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
    if after.lower_ == "that" and after.dep_ in ("nsubj", "nsubjpass", "dobj") \
            and after.head.dep_ == "relcl" and after.head.head.i == cue.i:
        return None  # "Rust Belt states that have suffered": a noun and its relative clause
    if after.is_quote and not cue.whitespace_ and after.text in ("'", "’"):
        return None  # "the United States' refusal": a possessive, no quotation
    rest = doc[cue.i + 1 :]
    if word_count(text_of(doc)[rest.start_char : rest.end_char]) < 3:
        return None
    mention = mention_of(subject)
    return Found(cue.text, found[1], mention, rest[0].idx, rest[-1].idx + len(rest[-1].text),
                 1.5)


def _whole_predicate(doc: Doc, subject: int, start: int, end: int) -> tuple[int, int]:
    """The content widened to all the subject's clause says and does ("defended the plan,
    saying ..."), which PolNeAR counts as one source's several attributions."""
    head = doc[subject]
    if not head.dep_.startswith("nsubj"):
        return start, end
    tokens = [t for c in head.head.children if c.dep_ in _PREDICATES and c.i > subject
              and not addressee(c) for t in c.subtree if not t.is_punct]
    if not tokens:
        return start, end
    return min(start, tokens[0].idx), max(end, tokens[-1].idx + len(tokens[-1].text))


def named_subjects(doc: Doc, quotes: list[tuple[int, int]]) -> list[Mention]:
    """Subjects outside quotations that are proper names of people, in sentence order.

    Args:
        doc: The parsed sentence.
        quotes: Quoted stretches of the sentence as character spans.

    Returns:
        Their mentions; none for a title-case headline, whose every word looks like a name.
    """
    found: list[Mention] = []
    if is_title_case(text_of(doc)):
        return found  # the tagger reads every word of a headline as a name
    for tok in doc:
        # "where broadband was on the up": a lowercase word the tagger took for a name
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.tag_ in ("NNP", "NNPS") \
                and not tok.text.islower() and not in_quote(tok, quotes):
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
    return next(iter(find_attributions(doc, quotes)), None)


def find_attributions(doc: Doc, quotes: list[tuple[int, int]]) -> list[Found]:
    """The attributions of a parsed sentence, one per speaker phrase, best first.

    Args:
        doc: The parsed sentence.
        quotes: Quoted stretches as character spans of the sentence text.

    Returns:
        The attributions in order of preference; empty when the sentence attributes nothing.
        The first is `find_attribution`'s; the others are fallbacks for a speaker that
        resolves to no one ("three people familiar with ..." beside "as the Times reported").
    """
    if is_title_case(text_of(doc)):
        title = colon_found(doc, quotes) or headline_found(doc)
        return [title] if title is not None else []
    candidates = [
        f for tok in doc if may_cue(tok.text)
        for f in (agent_found(tok, quotes) or tail_found(tok, quotes) or _verb_found(tok, quotes)
                  or _mistagged_found(tok)
                  or noun_found(tok),
                  with_kind(according_found(tok) or document_found(tok), text_of(doc),
                             quotes, tok.idx)) if f
    ]
    colon = colon_found(doc, quotes) or _colon_quote_found(doc, quotes)
    if colon is not None and (colon.score > 2 or not candidates):
        candidates.append(colon)
    ranked: list[Found] = []
    for best in sorted(candidates, key=lambda f: -f.score):
        if any(f.mention.subject_index == best.mention.subject_index for f in ranked):
            continue
        # "X said A, adding B": one claim whose content is all that the same subject says here
        same = [f for f in candidates if f.mention.subject_index == best.mention.subject_index]
        start, end = min(f.start for f in same), max(f.end for f in same)
        if best.cue_kind in ("speech", "attitude", "finding"):
            start, end = _whole_predicate(doc, best.mention.subject_index, start, end)
        ranked.append(replace(best, start=start, end=end))
    return ranked
