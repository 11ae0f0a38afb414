"""A second opinion from the trained span tagger, for sentences the rules leave without a claim.

The tagger (`bench/attribution_train.py`: a spaCy ``ner`` with SOURCE, CUE and CONTENT spans,
trained on PolNeAR) finds attributions the hand-written cues never fire on (action verbs,
British cues, "X's plea for ..."), but it resolves no one: its source is the words of the
sentence. So the rules go first and keep every claim they make; the tagger is asked only about
the sentences they skip, and its claim is kept when it finds a cue and a source that names
someone ("named") or a cue with no source whose verb the rules' parse gives a named subject
("Gov. Ann Lewis lauded the plant for ..."); in mode "carry", also when the sentence has no
cue and is mostly content right after a claimed sentence (a quotation carried on), which then
takes that claim's speaker.
Pronoun sources are left out: resolving them is the rules' job (`index.attribution.articles.walk`),
and taking the last speaker for them cost precision on PolNeAR dev (docs/benchmarks.md).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Literal

from threadpoolctl import threadpool_limits

from index.attribution.articles.confidence import confidence_of, tagger_evidence
from index.attribution.language import Language, parsing
from index.attribution.lexicon.verbs import BE_FORMS
from index.attribution.mentions.phrases import mention_of
from index.attribution.sentences.clauses import takes_clause, word_count
from index.attribution.sentences.cues import CLAUSE_ONLY, cue_of
from index.attribution.sentences.quotes import line_quotes
from index.attribution.sentences.subjects import subject_of
from index.records import Claim, Sentence

Mode = Literal["off", "named", "carry"]

_PRONOUNS = frozenset(
    "he she they it we i you who one his her their its our us them him this that these those "
    "the a an".split()
)
_GENERIC = frozenset("poll survey campaign party nominee president senator officials".split())
_WORD = re.compile(r"[A-Za-z][\w.'’-]*")
# Share of a sentence's characters in CONTENT spans above which, with no cue or source, the
# sentence carries on the attribution before it.
_CARRIED = 0.5
# Words in a tagger source above which the parse checks that it is a noun phrase.
_LONG = 6
_CLAUSE_HEADS = frozenset(("VB", "VBZ", "VBP", "VBD", "MD"))
_QUOTES = frozenset("\"“”")
_OPENING_QUOTES = frozenset("\"“‘'")




def _reports(cues: Sequence[str]) -> bool:
    """No passive cue, whose subject is no speaker ("is thought", "was auctioned", "have
    been accused of"): BBC dev precision 0.796 -> 0.815, PolNeAR dev strict F1 -0.0006.
    (Also requiring a word of the rules' cue lexicon lost the action cues the tagger is for:
    PolNeAR dev 0.8336.) A form of "be" before an -ing verb is the progressive, whose subject
    speaks ("is thanking", "has been saying"); "is being urged" stays passive."""
    return not any(_passive(_WORD.findall(cue)) for cue in cues)


def _passive(words: Sequence[str]) -> bool:
    """A form of "be" in the cue's words, and its last word no -ing form (the progressive)."""
    lower = [w.lower() for w in words]
    return (any(w in BE_FORMS for w in lower)
            and not (lower[-1].endswith("ing") and lower[-1] != "being"))


def _names_someone(mention: str) -> bool:
    """Some capitalised word that is no pronoun or article ("The" opening a sentence)."""
    return any(w[0].isupper() and w.lower() not in _PRONOUNS for w in _WORD.findall(mention))


def _imperative(doc, source) -> bool:
    """A sentence's first word as the source of an "-ing" cue right after it ("Stop blaming
    the phone companies!"): a verb telling the reader what to do, no one's name, since a
    subject needs a finite verb."""
    cue = next((e for e in doc.ents if e.label_ == "CUE"), None)
    return source.start == 0 and len(source) == 1 and cue is not None \
        and cue.start == source.end and cue[0].lower_.endswith("ing")


def _speaker(mention: str, known: Sequence[str]) -> str:
    """The mention as a speaker: the full name of a speaker the rules found in the article
    whose last word is the mention's last ("Trump" → "Donald Trump"), else the mention as
    written (its parentheses and commas tell a reader, and the scorers, what its head is)."""
    words = _WORD.findall(re.sub(r"['’]s?$", "", mention.strip()))
    # Only a name's last word ("Trump"), never a noun ("the Republican nominee" is no
    # "Democratic presidential nominee"); and only the rules' names, which are resolved.
    if words and words[-1][0].isupper() and words[-1].lower() not in _GENERIC:
        for name in known:
            if name.split() and name.split()[-1] == words[-1]:
                return name
    return mention.strip()


def _claim(s: Sentence, doc, speaker: str, mention: str | None) -> Claim:
    contents = [e for e in doc.ents if e.label_ == "CONTENT"]
    cues = [e for e in doc.ents if e.label_ == "CUE"]
    start = s.start + min((e.start_char for e in contents), default=0)
    end = s.start + max((e.end_char for e in contents), default=len(s.text))
    claim = Claim(
        sentence_id=s.id, article=s.article, line=s.line, start=start, end=end,
        speaker=speaker, speaker_mention=mention, cue=cues[0].text if cues else None,
        kind="direct" if _QUOTES & set(s.text) else "indirect", text=s.text,
    )
    return replace(claim, confidence=confidence_of(tagger_evidence(claim)))


def second_opinion(
    articles: Sequence[tuple[str, Sequence[Sentence]]],
    claims: Sequence[list[Claim]],
    tagger: Language,
    mode: Mode = "named",
    batch_size: int = 256,
    parser: Language | None = None,
) -> list[list[Claim]]:
    """Add the tagger's claims to the sentences the rules left without one.

    Args:
        articles: ``(text, sentences)`` per article, as for `extract_claims_many`.
        claims: The rules' claims of each article, in the same order.
        tagger: The trained pipeline (`index.attribution.language.load_tagger`).
        mode: "named", "carry" (see the module docstring) or "off" (claims unchanged).
        batch_size: Sentences per `tagger.pipe` batch.
        parser: The rules' pipeline (`load_nlp`), which finds the subject of a cue the
            tagger marks without a source; None leaves such cues unclaimed.

    Returns:
        One list of claims per article, in sentence order.
    """
    if mode == "off":
        return [list(c) for c in claims]
    todo = [(a, s) for a, ((_, sents), found) in enumerate(zip(articles, claims, strict=True))
            for s in sents if s.id not in {c.sentence_id for c in found}]
    # Not `language.parsing`: that turns off "ner", which is the tagger. Small matrices, so
    # BLAS on one thread, as for the parser.
    with threadpool_limits(1, user_api="blas"):
        docs = dict(zip([(a, s.id) for a, s in todo],
                        tagger.pipe((s.text for _, s in todo), batch_size=batch_size),
                        strict=True))
    parses = _parse_sourceless(docs, {(a, s.id): s for a, s in todo}, parser)
    out = []
    for a, ((_, sents), found) in enumerate(zip(articles, claims, strict=True)):
        by_sentence = {c.sentence_id: c for c in found}
        known = [c.speaker for c in found if c.speaker]
        merged: list[Claim] = []
        before: Claim | None = None  # the claim of the sentence just before, if any
        for s in sents:
            claim = by_sentence.get(s.id)
            doc = docs.get((a, s.id))
            if claim is None and doc is not None:
                claim = _tagged(s, doc, known, before, mode, parses.get((a, s.id)))
            if claim is not None and (claim.sentence_id in by_sentence or _says(doc)):
                merged.append(claim)
            before = claim
        out.append(merged)
    return out


def _says(doc) -> bool:
    """Something is said: a content span, or (the tagger often marks none and the claim is
    the sentence) three words beside the source and the cue. "Caddell continued:" or
    "Kadzik wouldn't say." says nothing of its own, but gives its speaker to the
    quotation carried on after it."""
    if any(e.label_ == "CONTENT" for e in doc.ents):
        return True
    text = doc.text
    for e in doc.ents:
        text = text[: e.start_char] + " " * len(e.text) + text[e.end_char :]
    return word_count(text) >= 3


def _long_source(doc) -> bool:
    """The tagger's first source runs over `_LONG` words, where it may hold a clause."""
    source = next((e for e in doc.ents if e.label_ == "SOURCE"), None)
    return source is not None and len(source.text.split()) > _LONG


def _source_phrase(source, parsed) -> str | None:
    """A long source as the noun phrase the parse finds in it: "those electors in states
    won by Democrats" of "If a replacement were offered, those electors ..."; None when its
    root is a verb ("A Europe that is more independent militarily would also be ...": a
    clause the tagger took for a speaker)."""
    span = parsed.char_span(source.start_char, source.end_char, alignment_mode="expand")
    if span is None:
        return source.text
    root = span.root
    # a finite or bare verb heads a clause; a participle is often a misparsed modifier
    # ("those electors in states won by Democrats"). Tags, not `pos_`: the parse runs
    # without the attribute ruler.
    if root.tag_ in _CLAUSE_HEADS:
        return None
    start, end = max(root.left_edge.i, span.start), min(root.right_edge.i + 1, span.end)
    return parsed[start:end].text.strip(" ,")


def _parse_sourceless(docs: dict, sentences: dict, parser: Language | None) -> dict:
    """Parses of the sentences where the tagger marks a cue but no source, or a long
    source, by key."""
    keys = [k for k, doc in docs.items() if parser is not None
            and any(e.label_ == "CUE" for e in doc.ents)
            and (_long_source(doc) or not any(e.label_ == "SOURCE" for e in doc.ents))]
    if parser is None or not keys:
        return {}
    with parsing(parser):
        return dict(zip(keys, parser.pipe(sentences[k].text for k in keys), strict=True))


def _parsed_source(doc, parsed) -> str | None:
    """The named subject of the tagger's first verb cue in the parse, or None: the
    tagger often marks an action cue ("lauded", "came away convinced") and its content
    but not the speaker, whom the parse gives as the verb's subject."""
    text = parsed.text
    quotes = [(q.start, q.end) for q in line_quotes(text, 0, len(text))]
    for cue in (e for e in doc.ents if e.label_ == "CUE"):
        verbs = [t for t in parsed.char_span(cue.start_char, cue.end_char,
                                             alignment_mode="expand") or ()
                 if t.tag_.startswith("VB")]
        if not verbs:
            continue
        verb = verbs[0]
        if not _finite(verb) or (_lemma(verb) in CLAUSE_ONLY and not takes_clause(verb, quotes)):
            return None  # "help Putin maintain the image", "saw the tweet": no statement
        subject, passive = subject_of(verb, quotes)
        if subject is None or passive:
            return None
        mention = mention_of(subject)
        return mention.name if mention.kind == "name" and mention.name else None
    return None


def _finite(verb) -> bool:
    """A verb that tells its subject's own act: finite ("lauded", "has pooh-poohed") or a
    participle clause ("painting Trump as ..."), not a bare infinitive after another verb."""
    return verb.tag_ in ("VBD", "VBZ", "VBP", "VBG") or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in verb.children)


def _lemma(verb) -> str:
    found = cue_of(verb.text)
    return found[0] if found else ""


def _tagged(s: Sentence, doc, known: Sequence[str], before: Claim | None,
            mode: Mode, parsed=None) -> Claim | None:
    """The tagger's claim on one sentence, or None."""
    sources = [e for e in doc.ents if e.label_ == "SOURCE"]
    has_cue = any(e.label_ == "CUE" for e in doc.ents)
    # A source needs a cue beside it: without one, the tagger's source is mostly a content's
    # subject (requiring it: PolNeAR dev strict F1 0.831 → 0.845, BBC dev F1 0.560 → 0.575).
    cues = [e.text for e in doc.ents if e.label_ == "CUE"]
    source = sources[0].text if sources else ""
    if sources and parsed is not None and _long_source(doc):
        source = _source_phrase(sources[0], parsed) or ""
    if source and has_cue and _names_someone(source) and _reports(cues) \
            and not _imperative(doc, sources[0]):
        return _claim(s, doc, _speaker(source, known), sources[0].text)
    content = " ".join(e.text for e in doc.ents if e.label_ == "CONTENT")
    if parsed is not None and _reports(cues) and word_count(content) >= 3:
        name = _parsed_source(doc, parsed)
        if name is not None:
            return _claim(s, doc, _speaker(name, known), name)
    if mode == "carry" and not sources and not has_cue and before is not None and before.speaker \
            and _carries_on(s, before):
        covered = sum(len(e.text) for e in doc.ents if e.label_ == "CONTENT")
        if covered > _CARRIED * len(s.text):
            return _claim(s, doc, before.speaker, None)
    return None


def _carries_on(s: Sentence, before: Claim) -> bool:
    """Within a paragraph any sentence may carry on the claim before it; a new paragraph
    carries on a speaker only as a quotation ("“If any bank can't be managed ...”"). An
    unquoted paragraph after a claim is the reporter's own ("It's not so much a problem
    for her now.")."""
    return s.line == before.line or s.text.lstrip()[:1] in _OPENING_QUOTES
