"""Claim extraction: who said what, in each sentence of an article (spaCy only, no LLM).

Sentences that hold a cue word are parsed (the rest are only scanned for names, which
keeps the parser, the slow part, off most of an article). Each parsed sentence yields at
most one attribution (`index.detection`), whose speaker is resolved against the speakers
named so far (`index.speakers`). Sentences inside a quotation that carry no cue of their own
take the speaker of the sentence that attributes the quotation, across paragraphs too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from index.cues import might_attribute
from index.detection import Found, find_attribution, named_subjects
from index.language import Doc, Language, load_nlp
from index.quotes import Quote, line_quotes, opens_with_quote, quoted_share
from index.records import Claim, Sentence
from index.speakers import Entity, Registry, infer_genders

_WORD = re.compile(r"[A-Za-z]+")
# "CLEVELAND —", "WASHINGTON (Reuters) -": a dateline the parser would take for a subject.
_DATELINE = re.compile(r"^[A-Z][A-Z.'’ ,]{2,}(?:\s*\([A-Za-z ]+\))?\s*[—–-]+\s*")
_UNNEEDED_PIPES = ("ner", "lemmatizer", "attribute_ruler")
# Quoted share above which a sentence without a cue of its own is a quotation's continuation.
_QUOTED = 0.6


@dataclass
class _Attributed:
    """A sentence's attribution after resolution."""

    found: Found | None
    entity: Entity | None
    mention: str | None
    cue: str | None
    kind: str
    start: int
    end: int
    confidence: float


def _blank_dateline(sentence: str) -> str:
    """The sentence with a leading dateline blanked out; offsets stay the same."""
    m = _DATELINE.match(sentence)
    return " " * m.end() + sentence[m.end() :] if m else sentence


def _clean_text(text: str, sentences: Sequence[Sentence]) -> str:
    """The article text with each sentence's repaired text in place where lengths agree."""
    parts, last = [], 0
    for s in sentences:
        if s.end - s.start == len(s.text) and s.start >= last:
            parts.extend((text[last : s.start], s.text))
            last = s.end
    parts.append(text[last:])
    return "".join(parts)


def _line_bounds(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


class _ArticleWalk:
    """Attribution over the sentences of one article, in order."""

    def __init__(self, text: str, sentences: Sequence[Sentence], docs: dict[int, Doc],
                 keep_unresolved: bool = False) -> None:
        self.text = text
        self.keep_unresolved = keep_unresolved
        self.sentences = sentences
        self.docs = docs
        self.clean = _clean_text(text, sentences)
        self.aligned = [s.end - s.start == len(s.text) for s in sentences]
        self.quotes = self._quotes()
        self.registry = Registry(infer_genders([s.text for s in sentences]))

    def _quotes(self) -> list[list[Quote]]:
        """The quotes of each sentence's line (paragraph)."""
        cache: dict[int, list[Quote]] = {}
        out = []
        for s in self.sentences:
            bounds = _line_bounds(self.clean, s.start)
            if bounds[0] not in cache:
                cache[bounds[0]] = line_quotes(self.clean, *bounds)
            out.append(cache[bounds[0]])
        return out

    def _relative_quotes(self, i: int) -> list[tuple[int, int]]:
        s = self.sentences[i]
        if not self.aligned[i]:
            return [(q.start, q.end) for q in line_quotes(s.text, 0, len(s.text))]
        return [
            (max(q.start, s.start) - s.start, min(q.end, s.end) - s.start)
            for q in self.quotes[i] if q.start < s.end and q.end > s.start
        ]

    def run(self) -> list[Claim]:
        attributed: list[_Attributed | None] = []
        for i, s in enumerate(self.sentences):
            attributed.append(self._own(i))
            self.registry.harvest(s.text, i)
        self._inherit(attributed)
        return [
            self._claim(i, a) for i, a in enumerate(attributed)
            if a is not None and (a.entity is not None or self.keep_unresolved)
        ]

    def _own(self, i: int) -> _Attributed | None:
        doc = self.docs.get(i)
        if doc is None:
            return None
        quotes = self._relative_quotes(i)
        found = find_attribution(doc, quotes)
        entity = self.registry.resolve(found.mention, i) if found is not None else None
        for mention in named_subjects(doc, quotes):
            # named subjects are salient antecedents, with the roles their modifiers give
            self.registry.resolve(mention, i)
        if found is None:
            return None
        content = found.start, found.end
        kind = found.kind
        confidence = 0.9 if found.mention.kind == "name" else 0.75 if entity else 0.5
        if found.cue_kind == "attitude":
            confidence -= 0.2
        return _Attributed(found, entity, found.mention.text, found.cue, kind, *content, confidence)

    def _inherit(self, attributed: list[_Attributed | None]) -> None:
        """Give quoted sentences without a cue the speaker of their quotation."""
        for i, s in enumerate(self.sentences):
            if attributed[i] is not None or not self.aligned[i]:
                continue
            quotes = [q for q in self.quotes[i] if q.start < s.end and q.end > s.start]
            if quoted_share(quotes, s.start, s.end) < _QUOTED:
                continue
            source = self._quote_source(i, quotes[0], attributed)
            if source is not None:
                attributed[i] = _Attributed(
                    None, source.entity, source.mention, source.cue, "direct", 0,
                    len(s.text), max(0.3, source.confidence - 0.2))

    def _quote_source(self, i: int, quote: Quote, attributed: list[_Attributed | None]
                      ) -> _Attributed | None:
        """The attribution of the sentence that attributes the quotation holding sentence i."""
        line = self.sentences[i].line
        for j in sorted(range(len(self.sentences)), key=lambda j: abs(j - i)):
            other = self.sentences[j]
            if abs(j - i) > 6 or other.line != line:
                continue
            a = attributed[j]
            if a is not None and a.found is not None and a.kind != "indirect" and (
                (quote.start < other.end and quote.end > other.start) or j == i - 1
            ):
                return a
        if opens_with_quote(self.sentences[i].text) and i > 0:
            previous = self._last_on_line(self.sentences[i].line - 1, i, attributed)
            if previous is not None and previous.kind != "indirect":
                return previous
        return None

    def _last_on_line(self, line: int, before: int, attributed: list[_Attributed | None]
                      ) -> _Attributed | None:
        for j in range(before - 1, -1, -1):
            if self.sentences[j].line < line:
                return None
            if self.sentences[j].line == line and attributed[j] is not None:
                return attributed[j]
        return None

    def _claim(self, i: int, a: _Attributed) -> Claim:
        s = self.sentences[i]
        start, end = (s.start + a.start, s.start + a.end) if self.aligned[i] else (s.start, s.end)
        e = a.entity
        org = e.org if e is not None and e.kind != "org" else e.name if e is not None else None
        return Claim(
            sentence_id=s.id, article=s.article, line=s.line, start=start, end=end,
            speaker=e.name if e is not None else None, speaker_mention=a.mention, cue=a.cue,
            kind=a.kind, speaker_role=e.role if e is not None else None, speaker_org=org,
            speaker_country=e.country if e is not None else None,
            confidence=round(a.confidence, 2), text=s.text,
        )


def _parsing_pipeline(nlp: Language) -> list[str]:
    return [p for p in nlp.pipe_names if p in _UNNEEDED_PIPES]


def extract_claims_many(
    articles: Iterable[tuple[str, Sequence[Sentence]]],
    nlp: Language | None = None,
    *,
    batch_size: int = 512,
    n_process: int = 1,
    keep_unresolved: bool = False,
) -> list[list[Claim]]:
    """Extract the claims of many articles, parsing their sentences in batches.

    Args:
        articles: ``(text, sentences)`` per article, as for `extract_claims`.
        nlp: A spaCy pipeline with a tagger and parser; `load_nlp()` when None.
        batch_size: Sentences per `nlp.pipe` batch.
        n_process: Parser processes (spaCy forks them; 1 keeps everything in-process).
        keep_unresolved: Also return claims whose speaker resolves to no one ("officials
            said", an unresolvable "he"), with speaker None.

    Returns:
        One list of claims per article, in the input order.
    """
    articles = list(articles)
    nlp = nlp if nlp is not None else load_nlp()
    jobs = [(a, i) for a, (_, sents) in enumerate(articles)
            for i, s in enumerate(sents) if might_attribute(s.text)]
    texts = (_blank_dateline(articles[a][1][i].text) for a, i in jobs)
    docs: list[dict[int, Doc]] = [{} for _ in articles]
    with nlp.select_pipes(disable=_parsing_pipeline(nlp)):
        for (a, i), doc in zip(jobs, nlp.pipe(texts, batch_size=batch_size, n_process=n_process),
                               strict=True):
            docs[a][i] = doc
    return [
        _ArticleWalk(text, sents, docs[a], keep_unresolved).run()
        for a, (text, sents) in enumerate(articles)
    ]


def extract_claims(
    text: str,
    sentences: Sequence[Sentence],
    nlp: Language | None = None,
    *,
    keep_unresolved: bool = False,
) -> list[Claim]:
    """Extract the attributed claims of one article, at most one per sentence.

    Args:
        text: The article's original text; sentence offsets index into it.
        sentences: The article's sentences in order.
        nlp: A spaCy pipeline with a tagger and parser; `load_nlp()` when None.
        keep_unresolved: Also return claims whose speaker names no one that can be found
            ("officials said"), with speaker None; by default they are left out, since a
            claim is tracked by its speaker.

    Returns:
        Claims in sentence order. Sentences in the reporter's own voice yield none.
    """
    return extract_claims_many([(text, sentences)], nlp, keep_unresolved=keep_unresolved)[0]
