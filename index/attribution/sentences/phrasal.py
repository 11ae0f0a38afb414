"""Attributions named by a phrase rather than by the subject of a cue verb: "according to X",
"in a Fox News poll, ...", "X's claim that ...", and a passive cue's agent ("was first
reported by the Herald").

Each function reads one token of a parsed sentence and returns a `Found` or None; the
choice among a sentence's attributions is `index.attribution.sentences.sentence`'s.
"""

from __future__ import annotations

from index.attribution.language import Token, text_of
from index.attribution.mentions.phrases import mention_of
from index.attribution.sentences.clauses import (
    as_clause,
    content_block,
    in_quote,
    largest_block,
    word_count,
)
from index.attribution.sentences.cues import (
    NOUN_CUES,
    SOURCE_DOCUMENTS,
    SOURCE_PREPOSITIONS,
    cue_of,
)
from index.attribution.sentences.found import Found


def agent_found(cue: Token, quotes: list[tuple[int, int]]) -> Found | None:
    """A passive cue whose agent speaks: "News of the deal was first reported by the Herald",
    "as reported by the Herald, ...", "Sanders was asked by Dickerson whether ...".

    Args:
        cue: A token of the parsed sentence.
        quotes: Quoted stretches as character spans of the sentence text.

    Returns:
        The attribution, or None when the token is no passive cue with an agent.
    """
    found = cue_of(cue.text) if cue.tag_ == "VBN" else None  # cheap tests first: every token
    if found is None or in_quote(cue, quotes):
        return None
    agent = next((c for c in cue.children if c.dep_ == "agent"), None) or _as_agent(cue)
    source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    if agent is None or source is None:
        return None
    doc = cue.doc
    if cue.dep_ == "acl":  # "the campaign, first reported by the Post, ..."
        phrase = [t for t in cue.head.subtree if t.i <= cue.head.i and not t.is_punct]
        span = (phrase[0].idx, cue.head.idx + len(cue.head.text)) if phrase else None
    elif as_clause(cue):
        span = largest_block(doc, {t.i for t in cue.subtree})
    else:
        attached = {c.i for c in cue.children if c.dep_ in ("aux", "auxpass", "advmod", "neg")}
        span = largest_block(doc, {cue.i, *attached, *(t.i for t in agent.subtree)})
    if span is None or word_count(text_of(doc)[span[0] : span[1]]) < 3:
        return None
    mention = mention_of(source)
    return Found(f"{cue.text} by", found[1], mention, span[0], span[1],
                 1.5 + (1.0 if mention.kind == "name" else 0.0))


def tail_found(cue: Token, quotes: list[tuple[int, int]]) -> Found | None:
    """ "Blair is pressing the US ..., Downing Street has indicated.": a reporting clause that
    closes its sentence after a comma, which the parser read as a verb conjoined to the main
    one, its speaker as an apposition of the word before.

    Args:
        cue: A token of the parsed sentence.
        quotes: Quoted stretches as character spans of the sentence text.

    Returns:
        The attribution of all before the comma, or None when the cue is not so placed.
    """
    found = cue_of(cue.text) if cue.dep_ == "conj" and cue.tag_.startswith("VB") else None
    doc = cue.doc
    if found is None or in_quote(cue, quotes) or any(not t.is_punct for t in doc[cue.i + 1 :]):
        return None
    if any(c.dep_ in ("nsubjpass", "ccomp", "dobj") for c in cue.children):
        return None
    j = cue.i - 1
    while j > 0 and doc[j].head.i == cue.i and doc[j].dep_ in ("aux", "advmod", "neg"):
        j -= 1
    speaker = doc[j]
    start = speaker.left_edge.i
    # The speaker hangs on the word before the comma, or is the conjoined verb's own subject.
    subjects = [c for c in cue.children if c.dep_ == "nsubj"]
    if subjects not in ([], [speaker]) or speaker.tag_ != "NNP" \
            or speaker.dep_ not in ("appos", "conj", "nsubj") or start < 3 \
            or doc[start - 1].text != ",":
        return None
    span = content_block(doc, {t.i for t in doc[start - 1 :]})
    if span is None:
        return None
    mention = mention_of(speaker)
    return Found(cue.text, found[1], mention, span[0], span[1],
                 2.0 + (1.0 if mention.kind == "name" else 0.0))


def _as_agent(cue: Token) -> Token | None:
    """ "have been described as “idle speculation” by Downing Street": the parser hangs the
    agent's "by" on the object of "as"; after a passive cue it is still the cue's agent."""
    if not any(c.dep_ == "auxpass" for c in cue.children):
        return None
    for prep in cue.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            for obj in prep.children:
                by = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "by"),
                          None)
                if obj.dep_ == "pobj" and by is not None:
                    return by
    return None


def _noun_content(child: Token) -> bool:
    """A "that" clause, an infinitive or a topic phrase after a noun cue ("claim that ...",
    "plan to ...", "call for ...")."""
    if child.dep_ == "prep":
        return child.lower_ in ("for", "to", "on", "about")
    if child.dep_ == "acl" and child.tag_ == "VB":
        return True
    return child.dep_ in ("acl", "ccomp", "relcl") and any(
        m.lower_ == "that" and m.dep_ == "mark" for m in child.children)


def noun_found(cue: Token) -> Found | None:
    """ "Trump's claim that Mexico will pay", "Sanders's call for a ban": a noun of saying or
    stance whose named possessor speaks; its clause or topic phrase is the content.

    Args:
        cue: A token of the parsed sentence.

    Returns:
        The attribution, or None when the token is no such noun with a named possessor.
    """
    if cue.lower_.rstrip("s") not in NOUN_CUES or not cue.tag_.startswith("NN"):
        return None
    owner = next((c for c in cue.children if c.dep_ == "poss"), None)
    content = next((c for c in cue.rights if _noun_content(c)), None)
    if owner is None or content is None:
        return None
    mention = mention_of(owner)
    tokens = [t for t in content.subtree if not t.is_punct]
    if mention.kind != "name" or len(tokens) < 3:
        return None
    last = tokens[-1]
    return Found(cue.text, "speech", mention, tokens[0].idx, last.idx + len(last.text), 1.2)


def according_found(tok: Token) -> Found | None:
    """ "According to Warren, the plan will fail": the object of "according to" speaks the
    rest of the sentence.

    Args:
        tok: A token of the parsed sentence.

    Returns:
        The attribution, or None when the token does not open "according to X".
    """
    if tok.lower_ not in SOURCE_PREPOSITIONS or tok.i + 1 >= len(tok.doc):
        return None
    to = tok.doc[tok.i + 1]
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if to.lower_ != "to" or source is None:
        return None
    words = [t.i for t in source.subtree]
    span = content_block(tok.doc, {tok.i, to.i, *words})
    comma = next((t.i for t in tok.doc[source.i + 1 :] if t.text == ","), None)
    if span is None and comma is not None:
        # the parser hung the main clause under the source ("According to Dan Miles, the
        # plan reeks of ..." with "According" the root): the source ends at its comma
        span = content_block(tok.doc, {tok.i, to.i, *(i for i in words if i < comma)})
    if span is None:
        return None
    mention = mention_of(source)
    return Found("according to", "according", mention, span[0], span[1],
                 2.5 + (1.0 if mention.kind == "name" else 0.0))


def document_found(tok: Token) -> Found | None:
    """ "In a Fox News poll, Clinton led by six points": the poll is the source of the rest of
    the sentence.

    Args:
        tok: A token of the parsed sentence.

    Returns:
        The attribution, or None when the token is no "in" before a poll or survey.
    """
    if tok.lower_ != "in" or tok.dep_ != "prep":
        return None
    source = next((c for c in tok.children if c.dep_ == "pobj"), None)
    if source is None or source.lower_ not in SOURCE_DOCUMENTS:
        return None
    span = content_block(tok.doc, {t.i for t in tok.subtree})
    if span is None:
        return None
    mention = mention_of(source)
    return Found("in", "according", mention, span[0], span[1],
                 2.0 + (1.0 if mention.phrase else 0.0))
