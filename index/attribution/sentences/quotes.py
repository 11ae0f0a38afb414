"""Quotation marks: which stretches of a paragraph are quoted, in curly and straight styles.

A quote may run over several sentences, and over paragraphs: news style leaves a quote open
at the end of a paragraph and reopens it at the start of the next one while the same speaker
goes on. Sentences are therefore judged against the quote spans of their whole paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Two apostrophes stand for a double quotation mark in some wire copy: ''total crap''.
_DOUBLE = re.compile(r"[“”\"«»]|''")
# Single curly quotes open only before a letter or digit and close only after one; an
# apostrophe inside a word ("don’t") is neither.
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))‘(?=\w)")
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?])’(?=[\s,.;:!?)\]—–-]|$)")


@dataclass(frozen=True)
class Quote:
    """A quoted stretch of a line.

    Attributes:
        start: Offset of the opening mark in the text (or the line start if none).
        end: Offset after the closing mark (or the line end when the quote stays open).
        closed: False when the paragraph ends before the quote closes.
    """

    start: int
    end: int
    closed: bool


def _reopens(line: str, start: int, end: int) -> bool:
    """A straight mark that can only open: after a sentence's end and a space, before a
    capital letter or digit ('weeks. "We')."""
    before, after = line[:start].rstrip(), line[end : end + 1]
    return start > len(before) and before[-1:] in (".", "?", "!") and after[:1].isupper()


def _double_quotes(line: str, base: int) -> list[Quote]:
    quotes: list[Quote] = []
    open_at: int | None = None
    for m in _DOUBLE.finditer(line):
        mark, i = m.group(), m.start()
        # a closing mark typed for an opening one: ”Mr. Trump ...” at a word's start
        misused = (mark == "”" and (i == 0 or line[i - 1].isspace())
                   and line[i + 1 : i + 2].isalnum())
        straight = mark in ('"', "''")
        opening = mark in "“«" or (straight and open_at is None) or (misused and open_at is None)
        if opening and open_at is None:
            open_at = i
        elif open_at is not None and straight and _reopens(line, i, m.end()):
            # '... 26 weeks. "We are going ...': paragraphs run together, the quote left open
            # at the first one's end and reopened here (a closing mark follows a word)
            quotes.append(Quote(base + open_at, base + len(line[:i].rstrip()), False))
            open_at = i
        elif not opening and open_at is not None:
            quotes.append(Quote(base + open_at, base + m.end(), True))
            open_at = None
        elif mark in "“«":
            open_at = i  # a stray opening mark restarts the quote
    if open_at is not None and len(line) - open_at > 1:
        quotes.append(Quote(base + open_at, base + len(line.rstrip()), False))
    return quotes


def _single_quotes(line: str, base: int, taken: list[Quote]) -> list[Quote]:
    quotes: list[Quote] = []
    closes = [m.start() for m in _SINGLE_CLOSE.finditer(line)]
    for m in _SINGLE_OPEN.finditer(line):
        start = m.start()
        if any(q.start <= base + start < q.end for q in taken):
            continue  # nested inside a double quote: the outer quote is what counts
        end = next((c for c in closes if c > start), None)
        if end is not None:
            quotes.append(Quote(base + start, base + end + 1, True))
    return quotes


def line_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Quotes of one line (paragraph), double quotes first and single quotes outside them.

    Args:
        text: The article text.
        start: Offset of the line's first character.
        end: Offset after the line's last character.

    Returns:
        Quote spans with offsets into `text`, in text order.
    """
    line = text[start:end]
    double = _double_quotes(line, start)
    return sorted(double + _single_quotes(line, start, double), key=lambda q: q.start)


def quoted_share(quotes: list[Quote], start: int, end: int) -> float:
    """Share of the characters of ``[start, end)`` that lie inside the given quotes.

    Args:
        quotes: Quote spans.
        start: Start offset of the stretch.
        end: End offset of the stretch.

    Returns:
        A share in [0, 1]; 0 for an empty stretch.
    """
    if end <= start:
        return 0.0
    inside = sum(max(0, min(end, q.end) - max(start, q.start)) for q in quotes)
    return min(1.0, inside / (end - start))


def opens_with_quote(sentence: str) -> bool:
    """True when a sentence or paragraph starts with an opening quotation mark.

    Args:
        sentence: Sentence or paragraph text.

    Returns:
        Whether its first visible character opens a quotation.
    """
    return sentence.lstrip()[:1] in ("“", '"', "«", "‘")
