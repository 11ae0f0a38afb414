"""Verification of a model's written answer against the sentences it was given (pure code).

A written sentence is kept only when:

- it carries at least one ``[n]`` marker, and every marker names a sentence given to the model;
- every span in quotation marks (straight or typographic double quotes, and single quotes that
  open and close like quotes, not apostrophes) occurs verbatim in a sentence its markers cite,
  after typographic quotes, ellipses and whitespace are normalised (a trailing comma or full
  stop inside the quote, and the case of its first letter, are let pass);
- where it names a speaker for a marker (outside quotes), that speaker is the cited
  sentence's, or the named organisations and countries are the cited speaker's own.

Dropped sentences are counted with their reason. The kept ones are renumbered ``[1]..[m]`` in
the order they cite, and the citations hold only those sentences, so verifying the result
again keeps everything (the property tests rely on this).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from bot.answering.citations import Citation

_TO_STRAIGHT = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"',
                              "‘": "'", "’": "'", "‚": "'", "‛": "'"})
_BRACKET = re.compile(r"\[[^\[\]\n]*\]")
_MARKER = re.compile(r"\[\s*\d+(?:\s*,\s*\d+)*\s*\]")
# A sentence ends at . ! or ?, with any closing quotes, brackets and markers after it.
_END = re.compile(r"[.!?]+[\"')\]”’]*(?:\s*\[[^\[\]\n]*\d[^\[\]\n]*\])*(?=\s|$)")
_ABBREVIATION = re.compile(
    r"(?:[A-Za-z]\.)*[A-Za-z]|Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|St|Jr|Sr|No|vs"
    r"|etc|Inc|Corp|Ltd|Co|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec")
# Words too common in organisation names to name a speaker on their own.
_GENERIC = frozenset({
    "The", "Foreign", "Ministry", "Department", "Office", "Council", "Party", "Government",
    "National", "Republic", "United", "States", "Nations", "Union", "Security", "Defense",
    "Defence", "House", "Committee", "Agency", "Bank", "Court", "Army", "Forces", "President",
    "Minister", "Deputy", "Spokesperson", "Spokesman", "Spokeswoman", "Secretary",
})


@dataclass(frozen=True)
class Dropped:
    """A sentence of the model's answer that failed verification, and why."""

    text: str
    reason: str


@dataclass(frozen=True)
class Written:
    """A model's answer after verification.

    Attributes:
        text: The kept sentences, markers renumbered ``[1]..[m]``; empty when none was kept.
        citations: Only the sentences `text` cites, numbered as its markers.
        dropped: The sentences that failed, in the order written.
    """

    text: str
    citations: tuple[Citation, ...]
    dropped: tuple[Dropped, ...] = ()


@dataclass(frozen=True)
class _Checked:
    """One written sentence: its marker groups as ``(start, end, numbers)``, or why not."""

    text: str
    groups: tuple[tuple[int, int, tuple[int, ...]], ...] = ()
    reason: str | None = None


def verify(text: str, sources: Sequence[Citation],
           aliases: Mapping[str, str] | None = None) -> Written:
    """Keep the sentences of `text` whose markers, quotes and speakers check out.

    Args:
        text: What the model wrote.
        sources: The sentences it was given, each numbered by its `Citation.n`.
        aliases: Further speaker names (name or alias → identity) the text may use, e.g. the
            ledger's, so that naming a speaker absent from `sources` is caught too.

    Returns:
        The kept text with its citations, and the dropped sentences.
    """
    by_n = {c.n: c for c in sources}
    names = _names(sources, aliases or {})
    kept: list[list[_Checked]] = []
    dropped: list[Dropped] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        row = []
        for sentence in split_sentences(line):
            checked = _check(sentence, by_n, names)
            if checked.reason is None:
                row.append(checked)
            else:
                dropped.append(Dropped(sentence, checked.reason))
        if row:
            kept.append(row)
    numbers: dict[int, int] = {}
    lines = [" ".join(_renumber(s, numbers) for s in row) for row in kept]
    cited = tuple(replace(by_n[old], n=new) for old, new in numbers.items())
    return Written("\n".join(lines), cited, tuple(dropped))


def split_sentences(line: str) -> list[str]:
    """The sentences of one line of written text, each stripped, markers after a full stop
    kept with the sentence before them. Abbreviations ("U.N."), ellipses and full stops
    inside double quotes end no sentence."""
    sentences, begin = [], 0
    for match in _END.finditer(line):
        if "[" not in match.group():
            word = re.search(r"(\S+)$", line[begin:match.start()])
            if (match.group().startswith("..")
                    or (word and _ABBREVIATION.fullmatch(word[1].lstrip("(\"'“‘")))
                    or line[begin:match.end()].translate(_TO_STRAIGHT).count('"') % 2):
                continue
        sentences.append(line[begin:match.end()].strip())
        begin = match.end()
    sentences.append(line[begin:].strip())
    return [s for s in sentences if s]


def quote_spans(sentence: str) -> tuple[list[tuple[int, int]], bool]:
    """Spans ``(start, end)`` of quoted text (inside the marks) and whether every quotation
    mark is closed. Double quotes pair in order; a single quote opens after a space or the
    start and closes before a space, punctuation or the end, so apostrophes are no quotes."""
    plain = sentence.translate(_TO_STRAIGHT)
    doubles = [i for i, ch in enumerate(plain) if ch == '"']
    spans = [(a + 1, b) for a, b in zip(doubles[::2], doubles[1::2], strict=False)]
    closed = len(doubles) % 2 == 0
    opening = None
    for i, ch in enumerate(plain):
        if ch != "'" or _inside(i, spans):
            continue
        before = plain[i - 1] if i else " "
        after = plain[i + 1] if i + 1 < len(plain) else " "
        if opening is None and (before.isspace() or before in "([—-") and not after.isspace():
            opening = i
        elif opening is not None and not before.isspace() and not after.isalnum():
            spans.append((opening + 1, i))
            opening = None
    return sorted(spans), closed and opening is None


def _inside(i: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(a - 1 <= i <= b for a, b in spans)


def _check(sentence: str, sources: Mapping[int, Citation],
           names: Sequence[tuple[re.Pattern[str], frozenset[str]]]) -> _Checked:
    spans, closed = quote_spans(sentence)
    if not closed:
        return _Checked(sentence, reason="unclosed quotation mark")
    groups: list[tuple[int, int, tuple[int, ...]]] = []
    for match in _BRACKET.finditer(sentence):
        if _inside(match.start(), spans):
            continue  # quoted text, checked as a quote
        if not _MARKER.fullmatch(match.group()):
            if any(ch.isdigit() for ch in match.group()):
                return _Checked(sentence, reason=f"malformed marker {match.group()}")
            continue
        found = tuple(int(n) for n in re.findall(r"\d+", match.group()))
        if groups and not sentence[groups[-1][1]:match.start()].strip():
            start, _, before = groups.pop()
            groups.append((start, match.end(), before + found))
        else:
            groups.append((match.start(), match.end(), found))
    if not groups:
        return _Checked(sentence, reason="no source marker")
    for _, _, found in groups:
        if missing := [n for n in found if n not in sources]:
            return _Checked(sentence, reason=f"invented marker [{missing[0]}] (only "
                            f"{_given(sources)} were given)")
    reason = _check_segments(sentence, groups, spans, sources, names)
    return _Checked(sentence, tuple(groups), reason)


def _given(sources: Mapping[int, Citation]) -> str:
    ns = sorted(sources)
    return f"[{ns[0]}]–[{ns[-1]}]" if len(ns) > 1 else f"[{ns[0]}]"


def _check_segments(sentence: str, groups: Sequence[tuple[int, int, tuple[int, ...]]],
                    spans: Sequence[tuple[int, int]], sources: Mapping[int, Citation],
                    names: Sequence[tuple[re.Pattern[str], frozenset[str]]]) -> str | None:
    """Why the quotes or speakers of a segment (the text before a marker group; the tail
    after the last group joins the last segment) fail its cited sentences, or None."""
    masked = list(sentence)
    for a, b in spans:
        masked[a - 1 : b + 1] = " " * (b + 1 - (a - 1))
    bounds = [0, *(end for _, end, _ in groups)]
    for i, (start, _, found) in enumerate(groups):
        pieces = [(bounds[i], start)]
        if i == len(groups) - 1:
            pieces.append((groups[-1][1], len(sentence)))
        cited = [sources[n] for n in found]
        for a, b in spans:
            if any(lo <= a < hi for lo, hi in pieces) and not _quoted_in(sentence[a:b], cited):
                return f"quote not in the cited sentence: “{sentence[a:b].strip()}”"
        named = {identity for pattern, ids in names
                 if any(pattern.search("".join(masked[lo:hi])) for lo, hi in pieces)
                 for identity in ids}
        for n, source in zip(found, cited, strict=True):
            if not _speaker_fits(named, source):
                said = f"which {source.speaker} said" if source.speaker else (
                    "which names no speaker")
                return f"names {', '.join(sorted(named))} for [{n}], {said}"
    return None


def _squash(text: str) -> str:
    text = text.translate(_TO_STRAIGHT).replace("…", "...")
    return " ".join(text.split())


def _quoted_in(quote: str, cited: Sequence[Citation]) -> bool:
    words = _squash(quote).rstrip(".,;:!?").strip()
    if not words:
        return True
    variants = {words, words[0].swapcase() + words[1:]}
    return any(v in _squash(c.text) for c in cited for v in variants)


def _speaker_fits(named: set[str], source: Citation) -> bool:
    """Whether the speakers a segment names fit the sentence it cites."""
    if not named or source.speaker in named:
        return True
    own = {x for x in (source.speaker_org, source.speaker_country) if x}
    return bool(named & own) and named <= own | {source.speaker}


def _names(sources: Sequence[Citation],
           aliases: Mapping[str, str]) -> list[tuple[re.Pattern[str], frozenset[str]]]:
    """Patterns of every speaker, organisation and country a text may name, with the
    identities each names: full names and aliases name one; a distinctive word of a name
    ("Geng") names every identity whose name holds it."""
    found = {name: frozenset({identity}) for name, identity in aliases.items()}
    for c in sources:
        found |= {x: frozenset({x}) for x in (c.speaker, c.speaker_org, c.speaker_country) if x}
    words: dict[str, set[str]] = {}
    for identity in {x for ids in found.values() for x in ids}:
        for word in re.findall(r"[\w’'-]+", identity):
            if len(word) >= 3 and word[0].isupper() and word not in _GENERIC:
                words.setdefault(word, set()).add(identity)
    found |= {word: frozenset(ids) for word, ids in words.items() if word not in found}
    return [(re.compile(rf"(?<!\w){re.escape(name)}(?!\w)"), ids)
            for name, ids in sorted(found.items())]


def _renumber(checked: _Checked, numbers: dict[int, int]) -> str:
    """The sentence with its marker groups as ``[a][b]``, numbered in first-cited order."""
    out, last = [], 0
    for start, end, found in checked.groups:
        for n in found:
            numbers.setdefault(n, len(numbers) + 1)
        marks = "".join(f"[{numbers[n]}]" for n in dict.fromkeys(found))
        out += [checked.text[last:start], marks]
        last = end
    return "".join([*out, checked.text[last:]])
