"""Sentence splitting of article text into spans with exact line numbers and offsets.

Each line of the text is one paragraph. Every place where a sentence could end (terminal
punctuation, optional closing quotes, whitespace) is judged by news-writing rules first:
most are clearly a boundary ("said Friday. The") or clearly not ("Sen. Warren", "Jan. 5",
"U.S. economy", "“Why now?” she asked"). Only the ambiguous rest ("the U.S. He ...",
"Inc. The") is put to pysbd, which is slow (about a millisecond a sentence and quadratic on
long inputs), so it sees only short chunks of the paragraphs that need it. Datelines need no
rule of their own: a dash is no stop, and "ST. LOUIS" or "D.C." are ambiguous stops.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from itertools import pairwise
from typing import Any

import pysbd


@dataclass(frozen=True)
class Span:
    """One sentence of a text.

    Attributes:
        line: 1-based line of the text (lines end at ``\\n``) where the sentence starts.
        start: Offset of the first character of the sentence in the text.
        end: Offset after the sentence; ``text[start:end]`` is the sentence, stripped.
    """

    line: int
    start: int
    end: int


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


class _Verdict(Enum):
    YES = 1
    NO = 2
    MAYBE = 3


# Titles before a name: "Sen. Elizabeth Warren", "Gov. Abbott", "Mt. Everest".
_TITLES = _words(
    "mr mrs ms messrs mmes dr sen sens gov govs rep reps gen lt col maj capt cmdr adm sgt cpl "
    "pvt prof rev hon pres supt det insp atty mt ft"
)
# Abbreviations before a number: "Jan. 5", "Sept. 12", "No. 2", "pp. 10".
_BEFORE_NUMBER = _words(
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos nr vol vols p pp fig figs art ch "
    "sec op"
)
# Abbreviations that may or may not end a sentence; pysbd judges them.
_OTHER_ABBREVIATIONS = _words(
    "st ave blvd rd inc corp co ltd llc plc bros jr sr esq etc vs al approx dept univ assn est "
    "ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo "
    "mont neb nev okla ore pa penn tenn tex va vt wash wis wyo"
)
_ABBREVIATIONS = _TITLES | _BEFORE_NUMBER | _OTHER_ABBREVIATIONS
# Verbs of a quote's attribution: "“Why now?” Smith asked." continues the sentence.
_SAID_VERBS = _words(
    "said says say asked asks added adds told tells replied replies shouted yelled wrote writes "
    "cried exclaimed insisted continued explained recalled noted declared demanded wondered "
    "answered responded stated remarked argued warned posted tweeted screamed whispered "
    "laughed quipped"
)
# Words after "p.m." that continue its sentence: "at 5 p.m. Friday", "10 a.m. EST".
_TIME_WORDS = _words(
    "monday tuesday wednesday thursday friday saturday sunday today tomorrow tonight "
    "et est edt ct cst cdt pt pst pdt gmt bst utc local"
)

_OPENERS = "\"“\u2018'([{«"
_CLOSERS = "\"”\u2019')]}»"
_QUOTES = "\"”\u2019'»"
_TERMINALS = ".?!…"
# A possible sentence end: the word before it, terminal punctuation, closing quotes or
# brackets, whitespace, and what follows. Possessive quantifiers and the lookbehinds keep runs
# of dots or spaces linear; a lowercase ASCII word never starts a sentence, and skipping it
# here saves most of the work.
_CANDIDATE = re.compile(
    r"(?<!\S)(?P<token>\S*?)(?<![.?!…])(?P<stop>[.?!…]++)(?P<close>[\"”\u2019')\]}»]*+)\s++"
    r"(?=(?P<open>[\"“\u2018'(\[{«]*+)(?P<first>\S))(?![\"“\u2018'(\[{«]*+[a-z])"
)
_DOTTED = re.compile(r"(?:[^\W\d_]{1,3}\.)+[^\W\d_]{1,3}")  # "U.S", "a.m", "Ph.D"
_LAST_SPACE = re.compile(r".*\s", re.DOTALL)
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
_CONTEXT_CHARS = 80  # how far past a "?” " a verdict looks for "Smith asked"
_CHUNK_CHARS = 1500  # pysbd input size: it is quadratic, so keep its inputs short
_PYSBD_BUDGET = 100_000  # pysbd characters per paragraph; beyond, ambiguous ends do not split
_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _segmenter() -> Any:
    return pysbd.Segmenter(language="en", clean=False)


def split_text(
    text: str, skip_lines: frozenset[int] = frozenset(), *, max_chars: int = 1000
) -> list[Span]:
    """Split a text into sentences, one paragraph per line.

    Args:
        text: The (punctuation-repaired) article text; lines end at ``\\n``.
        skip_lines: 1-based lines that yield no sentences (front matter, boilerplate).
        max_chars: Longest allowed span; longer sentences are cut, at whitespace if possible.

    Returns:
        The sentences in text order; every non-whitespace character of a kept line lies in
        exactly one span.

    Raises:
        ValueError: If `max_chars` is less than 1.
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, got {max_chars}")
    spans: list[Span] = []
    line_start = 0
    for number, paragraph in enumerate(text.split("\n"), start=1):
        if number not in skip_lines:
            cuts = [0, *_sentence_starts(paragraph), len(paragraph)]
            for left, right in pairwise(cuts):
                for start, end in _pieces(paragraph, left, right, max_chars):
                    spans.append(Span(number, line_start + start, line_start + end))
        line_start += len(paragraph) + 1
    return spans


def _sentence_starts(paragraph: str) -> list[int]:
    """Return the offsets in `paragraph` where a sentence other than the first begins."""
    verdicts = [
        (match.end(), _verdict(paragraph, match)) for match in _CANDIDATE.finditer(paragraph)
    ]
    if any(verdict is _Verdict.MAYBE for _, verdict in verdicts):
        oracle = _pysbd_starts(paragraph, verdicts)
        verdicts = [
            (at, _Verdict.YES if verdict is _Verdict.MAYBE and at in oracle else verdict)
            for at, verdict in verdicts
        ]
    return [at for at, verdict in verdicts if verdict is _Verdict.YES]


def _verdict(paragraph: str, match: re.Match[str]) -> _Verdict:
    """Judge whether the candidate `match` in `paragraph` ends a sentence."""
    stop, close, first = match.group("stop", "close", "first")
    if first.islower() or first in ",;:%)]}" or first in _TERMINALS:
        return _Verdict.NO  # "U.S. économie", "D-Mass. , said", a spaced ". . ."
    if "?" in stop or "!" in stop:
        quoted = any(mark in close for mark in _QUOTES)
        following = paragraph[match.end() : match.end() + _CONTEXT_CHARS]
        return _Verdict.NO if quoted and _attribution_follows(following) else _Verdict.YES
    if stop != ".":
        return _Verdict.MAYBE  # an ellipsis before a capital: "He waited ... Then"
    return _token_verdict(paragraph, match)


def _token_verdict(paragraph: str, match: re.Match[str]) -> _Verdict:
    """Judge a full stop by the token before it and the word after it."""
    core = match.group("token").lstrip(_OPENERS).rstrip(_CLOSERS)
    first = match.group("first")
    word = core.rsplit("-", 1)[-1]  # "D-Mass." is judged as "Mass."
    lowered = word.lower()
    if first.isdigit() and lowered in _BEFORE_NUMBER:
        return _Verdict.NO  # "Jan. 5", "No. 2"
    if word[:1].isupper() and lowered in _TITLES and not first.isdigit():
        return _Verdict.NO  # "Sen. Warren", "Dr. Smith"
    if core == "Del" and not first.isdigit():
        return _Verdict.NO  # "Del. Stacey Plaskett" (a delegate); "D-Del. The" still ends
    if lowered in ("a.m", "p.m"):
        after = _WORD.match(paragraph, match.end("open"))
        if after and after.group().lower() in _TIME_WORDS:
            return _Verdict.NO  # "at 5 p.m. Friday"
    if not core or _DOTTED.fullmatch(core) or lowered in _ABBREVIATIONS:
        return _Verdict.MAYBE  # "U.S. He", "Inc. The"
    if len(word) == 1 and word.isupper() and not match.group("open"):
        return _Verdict.MAYBE  # an initial, "John F. Kennedy", or "Plan B. Then"
    return _Verdict.YES


def _attribution_follows(following: str) -> bool:
    """Tell whether a said-verb follows a closing quote, after at most a few capitalized words.

    "“Why now?” Smith asked." and "“Why now?” Sen. John Smith asked." are one sentence.
    """
    for number, match in enumerate(_WORD.finditer(following)):
        word = match.group()
        if word.lower() in _SAID_VERBS:
            return True
        if number >= 5 or not word[0].isupper():
            return False
        after = following[match.end() : match.end() + 1]
        if after and after in _TERMINALS and word.lower() not in _TITLES:
            return False
    return False


def _pysbd_starts(paragraph: str, verdicts: list[tuple[int, _Verdict]]) -> set[int]:
    """Return the sentence starts pysbd finds in the chunks of `paragraph` that need it.

    Chunks are runs of whole sentences (cut at certain boundaries) of about `_CHUNK_CHARS`;
    only chunks holding an ambiguous candidate are segmented.
    """
    maybes = [at for at, verdict in verdicts if verdict is _Verdict.MAYBE]  # sorted
    starts: set[int] = set()
    budget = _PYSBD_BUDGET
    for left, right in _chunks(paragraph, verdicts):
        index = bisect_right(maybes, left)
        if index == len(maybes) or maybes[index] >= right:
            continue
        budget -= right - left
        if budget < 0:
            break
        chunk = paragraph[left:right]
        starts.update(left + at for at in _locate(chunk, _segment(chunk)))
    return starts


def _chunks(paragraph: str, verdicts: list[tuple[int, _Verdict]]) -> Iterator[tuple[int, int]]:
    """Yield (start, end) chunks of `paragraph`, cut at YES boundaries, else at whitespace."""
    left = previous = 0
    for at in [*(at for at, v in verdicts if v is _Verdict.YES), len(paragraph)]:
        if at - left > _CHUNK_CHARS and previous > left:
            yield left, previous
            left = previous
        while at - left > _CHUNK_CHARS:  # a long run without a sure boundary
            space = _LAST_SPACE.match(paragraph, left + 1, left + _CHUNK_CHARS)
            right = space.end() if space else left + _CHUNK_CHARS
            yield left, right
            left = right
        previous = at
    if left < len(paragraph):
        yield left, len(paragraph)


def _segment(chunk: str) -> list[str]:
    """Segment `chunk` with pysbd; a pysbd failure counts as finding no boundary."""
    try:
        with _LOCK:  # a Segmenter keeps per-call state on itself
            return list(_segmenter().segment(chunk))
    except Exception:  # pysbd's regex machinery fails on some inputs; be conservative
        return [chunk]


def _locate(chunk: str, segments: list[str]) -> list[int]:
    """Return where each segment after the first begins in `chunk`.

    Segments are found from a moving cursor rather than from pysbd's own offsets (which are
    buggy); a segment whose whitespace pysbd altered is matched with flexible whitespace, and
    one that cannot be found is skipped.
    """
    starts: list[int] = []
    cursor = 0
    for segment in segments:
        core = segment.strip()
        if not core:
            continue
        found = chunk.find(core, cursor)
        end = found + len(core)
        if found < 0:
            pattern = r"\s*".join(re.escape(part) for part in core.split())
            match = re.compile(pattern).search(chunk, cursor)
            if match is None:
                continue
            found, end = match.start(), match.end()
        starts.append(found)
        cursor = end
    return starts[1:]


def _pieces(paragraph: str, left: int, right: int, max_chars: int) -> Iterator[tuple[int, int]]:
    """Yield the stripped (start, end) pieces of ``paragraph[left:right]`` of at most max_chars.

    An overlong sentence is cut at the last whitespace that keeps a piece short enough, or
    hard at `max_chars` when a piece holds no whitespace at all.
    """
    while True:
        while left < right and paragraph[left].isspace():
            left += 1
        if left >= right:
            return
        end = right
        while paragraph[end - 1].isspace():
            end -= 1
        if end - left <= max_chars:
            yield left, end
            return
        space = _LAST_SPACE.match(paragraph, left + 1, left + max_chars + 1)
        cut = space.end() - 1 if space else left + max_chars
        piece_end = cut
        while paragraph[piece_end - 1].isspace():
            piece_end -= 1
        yield left, piece_end
        left = cut
