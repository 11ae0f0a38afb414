"""One article, sentence by sentence: each sentence's own attribution, the speakers named so
far, and quotations that carry a speaker over to the sentences after the cue.

`ArticleWalk` is filled with the parses of the sentences worth parsing, then `run` goes through the
article in order: it resolves each attribution against the speakers seen so far
(`index.attribution.speakers.registry`), lets "X said:" give its speaker to the next sentence, and
gives the sentences of a quotation that have no cue of their own the speaker of the quotation
(`index.attribution.articles.continuation`), also for quotations signed at their end ("“...” ― Sonya
Herridge").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from index.attribution.articles.confidence import Evidence, confidence_of
from index.attribution.articles.continuation import Attributed, in_turn, inherit, labels_turn
from index.attribution.language import Doc
from index.attribution.lexicon.roles import THING_PRONOUNS
from index.attribution.mentions.mention import Mention
from index.attribution.sentences.cues import cue_of, has_colon_cue, might_attribute
from index.attribution.sentences.datelines import for_parsing
from index.attribution.sentences.found import Found
from index.attribution.sentences.quotes import Quote, line_quotes, quoted_share
from index.attribution.sentences.sentence import find_attributions, named_subjects
from index.attribution.speakers.entities import Entity
from index.attribution.speakers.names import (
    harvest_names,
    harvest_orgs,
    infer_genders,
    name_words,
)
from index.attribution.speakers.registry import Registry
from index.records import Claim, ClaimForm, Sentence

# "“...” ― Sonya Herridge" at the end of a paragraph: a dash, then one to four name words.
_SIGNATURE = re.compile(
    r"(?<=[”\"’.])\s*[―—–]\s*([A-Z][\w.’'-]*(?:[^\S\n]+[A-Z][\w.’'-]*){0,3})[^\S\n]*$",
    re.MULTILINE,
)


def _clean_text(text: str, sentences: Sequence[Sentence]) -> str:
    """The article text with each sentence's repaired text in place where lengths agree."""
    parts: list[str] = []
    last = 0
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


class ArticleWalk:
    """Attribution over the sentences of one article, in order."""

    def __init__(self, text: str, sentences: Sequence[Sentence],
                 keep_unresolved: bool = False) -> None:
        self.text = text
        self.keep_unresolved = keep_unresolved
        self.sentences = sentences
        self.docs: dict[int, Doc] = {}
        self.clean = _clean_text(text, sentences)
        self.aligned = [s.end - s.start == len(s.text) for s in sentences]
        self.quotes = self._quotes()
        self.names = [harvest_names(s.text) for s in sentences]
        proper = frozenset(w.lower() for names in self.names for name, _, _, initial in names
                           if not initial for w in name_words(name))
        self.registry = Registry(infer_genders([s.text for s in sentences], self.names), proper)
        self.evidence: dict[str, Evidence] = {}  # by sentence id, for the claims made

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

    def worth_parsing(self) -> list[int]:
        """Positions of the sentences that may hold an attribution of their own: a cue word
        outside quotation marks (a cue inside a quotation is the quoted speaker's)."""
        found = []
        for i, s in enumerate(self.sentences):
            text = s.text
            for a, b in self._relative_quotes(i):
                text = text[:a] + " " * (b - a) + text[b:]
            if might_attribute(text) or has_colon_cue(s.text):
                found.append(i)
        return found

    def parse_text(self, i: int) -> str:
        """Sentence i as the parser should see it.

        Args:
            i: Position of the sentence.

        Returns:
            See `index.attribution.sentences.datelines.for_parsing`.
        """
        return for_parsing(self.sentences[i].text)

    def add_parse(self, i: int, doc: Doc) -> None:
        """Keep the parse of sentence i; text checks read the sentence as written, not the
        text the parser saw (same length, so offsets agree).

        Args:
            i: Position of the sentence.
            doc: Its parse.
        """
        doc.user_data["text"] = self.sentences[i].text
        self.docs[i] = doc

    def _relative_quotes(self, i: int) -> list[tuple[int, int]]:
        s = self.sentences[i]
        if not self.aligned[i]:
            return [(q.start, q.end) for q in line_quotes(s.text, 0, len(s.text))]
        return [
            (max(q.start, s.start) - s.start, min(q.end, s.end) - s.start)
            for q in self.quotes[i] if q.start < s.end and q.end > s.start
        ]

    def run(self) -> list[Claim]:
        """Attribute the article's sentences in order, once the parses are in.

        Returns:
            At most one claim per sentence, in sentence order.
        """
        attributed: list[Attributed | None] = []
        pending: Attributed | None = None  # "Trump said:" waits for its content
        turn: tuple[int, Attributed] | None = None  # a transcript's "PENCE:" and its line
        for i in range(len(self.sentences)):
            own = self._own(i)
            line = self.sentences[i].line
            if own is not None and labels_turn(own):
                turn = line, own
            elif turn is not None and turn[0] == line:
                own = in_turn(own, turn[1]) if own is not None else self._continued(i, turn[1])
            if own is None and pending is not None:
                own = self._continued(i, pending)
            if own is None:
                own = self._dash_signed(i)
            pending = own if own is not None and own.start == own.end else None
            attributed.append(None if pending is not None else own)
            self._harvest(i)
        inherit(self.sentences, self.quotes, self.aligned, attributed)
        return [
            self._claim(i, a) for i, a in enumerate(attributed)
            if a is not None and (a.entity is not None or self.keep_unresolved)
        ]

    def _harvest(self, i: int) -> None:
        """Register the people the sentence names. Those named only inside its quotations
        ("“Mr Blair has failed,” he said") are known but not salient: a later "he" means
        the speaker, not the person the speaker talked about."""
        quotes = self._relative_quotes(i)
        text = self.sentences[i].text
        for a, b in quotes:
            text = text[:a] + " " * (b - a) + text[b:]
        self.registry.harvest_orgs(harvest_orgs(text), i)
        if not quotes:
            self.registry.harvest(self.names[i], i)
            return
        outside = harvest_names(text)
        seen = {name for name, *_ in outside}
        self.registry.harvest(outside, i)
        self.registry.harvest([n for n in self.names[i] if n[0] not in seen], i, salient=False)

    def _own(self, i: int) -> Attributed | None:
        doc = self.docs.get(i)
        if doc is None:
            return None
        quotes = self._relative_quotes(i)
        ranked = [f for f in find_attributions(doc, quotes) if not self._stray_label(f)]
        found = ranked[0] if ranked else None
        at = found.mention.subject_index if found is not None else len(doc)
        subjects = named_subjects(doc, quotes)

        def reported(mention: Mention) -> bool:
            """A subject inside what the speaker says ("Mr Blair has the passion ..., he
            said"; "Milburn said Mr Blair would ..."): named, but not whom a later "he"
            means, unless it speaks itself ("McCaskill scolded him: “...,” she said")."""
            token = doc[mention.subject_index]
            return found is not None and found.start <= token.idx < found.end \
                and cue_of(token.head.text) is None

        # named subjects are salient antecedents, with the roles their modifiers give; those
        # before the speaker count for it ("Sen. McCaskill scolded him: “...,” she said")
        for mention in subjects:
            if mention.subject_index < at and not reported(mention):
                self.registry.resolve(mention, i)
        later = [m for m in subjects if m.subject_index > at or reported(m)]
        found, entity = self._first_resolved(ranked, i, doc)
        for mention in later:
            self.registry.resolve(mention, i, subject=not reported(mention))
        if found is None:
            return None
        content = found.start, found.end
        kind = found.kind
        evidence = _own_evidence(found, entity, fallback=found is not ranked[0])
        return Attributed(found, entity, found.mention.text, found.cue, kind, *content, evidence)

    def _first_resolved(self, ranked: list[Found], i: int, doc: Doc
                        ) -> tuple[Found | None, Entity | None]:
        """The best attribution whose speaker resolves (to someone), else the best one; an
        "it" inside what the best one reports is no speaker ("It should assess progress, the
        report adds": the report's subject matter)."""
        best = ranked[0] if ranked else None
        for found in ranked:
            inside = found is not best and best is not None \
                and found.mention.text.lower() in THING_PRONOUNS \
                and best.start <= doc[found.mention.subject_index].idx < best.end
            if inside:
                continue
            entity = self._speaker(found.mention, i)
            if entity is not None:
                return found, entity
        return (ranked[0] if ranked else None), None

    def _stray_label(self, found: Found) -> bool:
        """One capitalised word before a colon that the article never uses as a name
        ("Revealed: ...", "Wow: ..."); a transcript's "TAPPER:" stays a speaker."""
        words = name_words(found.mention.text.strip(' "“'))
        return found.cue_kind == "colon" and len(words) == 1 and not words[0].isupper() \
            and words[0].lower() not in self.registry.proper

    def _dash_signed(self, i: int) -> Attributed | None:
        """A sentence of a quotation signed at the end of its paragraph: "“...” ― Sonya
        Herridge"."""
        s = self.sentences[i]
        if not self.aligned[i]:
            return None
        line_start, line_end = _line_bounds(self.clean, s.start)
        m = _SIGNATURE.search(self.clean, line_start, line_end)
        if m is None or not self.quotes[i] or s.start >= m.start(1):
            return None
        mention = Mention(m.group(1), "name", m.group(1), "person")
        entity = self.registry.resolve(mention, i)
        end = min(s.end, m.start()) - s.start
        if end <= 0:
            return None  # the signature itself
        text = s.text[:end].rstrip(" ―—–-\xa0")
        if sum(any(c.isalnum() for c in w) for w in text.split()) < 3:
            return None
        evidence = Evidence("signed", None, "direct", "name", entity.kind if entity else None)
        return Attributed(None, entity, m.group(1), m.group().strip()[0], "direct", 0,
                          len(text), evidence)

    def _speaker(self, mention: Mention, i: int) -> Entity | None:
        """The entity a speaker mention resolves to; conjoined speakers make one group."""
        entity = self.registry.resolve(mention, i)
        if entity is None or not mention.conjuncts:
            return entity
        others = [self.registry.resolve(m, i) for m in mention.conjuncts]
        names = [entity.name] + [e.name for e in others if e is not None]
        listed = f"{', '.join(names[:-1])} and {names[-1]}"  # "A, B and C"
        return Entity(listed, "group") if len(names) > 1 else entity

    def _continued(self, i: int, pending: Attributed) -> Attributed:
        """The sentence after "X said:" as X's claim."""
        s = self.sentences[i]
        quotes = [Quote(a, b, True) for a, b in self._relative_quotes(i)]
        kind: ClaimForm = "direct" if quoted_share(quotes, 0, len(s.text)) > 0.5 else "indirect"
        evidence = replace(pending.evidence, origin="continued", form=kind, distance=1)
        return Attributed(pending.found, pending.entity, pending.mention, pending.cue, kind, 0,
                          len(s.text), evidence)

    def _claim(self, i: int, a: Attributed) -> Claim:
        s = self.sentences[i]
        start, end = (s.start + a.start, s.start + a.end) if self.aligned[i] else (s.start, s.end)
        e = a.entity
        org = e.org if e is not None and e.kind != "org" else e.name if e is not None else None
        evidence = self.evidence[s.id] = a.evidence.speaking(e.name if e is not None else None)
        return Claim(
            sentence_id=s.id, article=s.article, line=s.line, start=start, end=end,
            speaker=e.name if e is not None else None, speaker_mention=a.mention, cue=a.cue,
            kind=a.kind, speaker_role=e.role if e is not None else None, speaker_org=org,
            speaker_country=e.country if e is not None else None,
            confidence=confidence_of(evidence), text=s.text,
        )


def _own_evidence(found: Found, entity: Entity | None, fallback: bool) -> Evidence:
    """The evidence of a sentence's own attribution."""
    written = len(name_words(found.mention.name or found.mention.text))
    expanded = entity is not None and found.mention.kind == "name" and \
        len(name_words(entity.name)) > written
    return Evidence("own", found.cue_kind, found.kind, found.mention.kind,
                    entity.kind if entity is not None else None, expanded, fallback)
