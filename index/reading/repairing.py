"""Text repair: the lossy `ā` punctuation damage, mojibake, and page boilerplate lines.

`repair_punctuation` works on the offset-bearing original text and so replaces one character
with one character; `fix_text` works on sentence texts and may change their length.
"""

from __future__ import annotations

import re

import ftfy

from index.text import canonical

# ā: the one character that every right single quote, curly double quote and em dash of a
# damaged source became.
DAMAGE_CHAR = "\u0101"
APOSTROPHE = "\u2019"
OPEN_QUOTE = "\u201c"
CLOSE_QUOTE = "\u201d"
EM_DASH = "\u2014"

# Words before an `n't` ending; Latvian infinitives also end in `āt` (zināt, runāt).
_NT_WORD = r"(?:do|does|did|is|are|was|were|has|have|had|ca|wo|could|would|should|must|need|ai)n"
# ā in these positions cannot be part of a real word (Māori, Latvian...), so one of them
# marks the whole document as damaged: `āDuring`, `concern,ā`, `U.N.ās`, `donāt`, `Iām`.
_STRONG_DAMAGE = (
    re.compile(r"ā(?=[A-Z])"),
    re.compile(r"[,.;:!?)\]]ā"),
    re.compile(rf"\b{_NT_WORD}āt\b", re.IGNORECASE),
    re.compile(r"\bIām\b"),
)
# Weaker signs: possessive `Chinaās`, a lone ` ā ` dash, a quoted phrase. Real macron text has
# them too (Latvian `mājās`, the Māori particle ā), so they count only without macron words.
_END = r"(?![^\W\d_])"  # not followed by a letter
_ENDING = rf"(?:s|t|d|m|ll|re|ve){_END}"
_WEAK_DAMAGE = re.compile(
    rf"(?<=\w)ā(?:s|d|ll|re|ve){_END}"  # possessive or contraction (t, m: strong or nothing)
    r"|(?<!\S)ā(?!\S)"  # dash
    r"|(?<!\S)ā[^\W\d_][^ā\n]*[^\W\d_]ā(?![^\W\d_])"  # a quoted phrase: `āsome wordsā,`
)
# Word-internal ā (Māori, Tāmaki, pāua) or any other macron vowel: real macron-language text.
_MACRON_WORD = re.compile(rf"[^\W\d_]ā(?!{_ENDING})[^\W\d_]|[ĀĒĪŌŪēīōū]")

# Endings after an apostrophe, each with the words it may follow (None: any), narrowed where
# a macron word could end the same way (Latvian `mājām`, `zināt`).
_CONTRACTIONS: tuple[tuple[re.Pattern[str], re.Pattern[str] | None], ...] = (
    (re.compile(rf"s{_END}"), None),
    (re.compile(rf"t{_END}"), re.compile(_NT_WORD, re.IGNORECASE)),
    (re.compile(rf"m{_END}"), re.compile("i", re.IGNORECASE)),
    (re.compile(rf"(?:d|ll|re|ve){_END}"), None),
)

_BOILERPLATE_MAX_CHARS = 150
# Decoration that sites put around boilerplate labels, e.g. "- Advertisement -", "» Read more".
_DECORATION = " \t-\u2013\u2014|\u2022\u00b7*_#>\u00bb\u203a[]()"
BOILERPLATE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"recommended (?:videos?|stories|articles|reading)",
        r"advertisement|sponsored content",
        r"read more(?:\s*[:\u2013\u2014|>\u00bb-].*)?",
        r"(?:also read|see also)\s*:.*",
        r"share (?:this|the) (?:article|story|page|post)",
        r"share on (?:facebook|twitter|x|linkedin|whatsapp|reddit|email)",
        r"subscribe(?: now)?|subscribe to\b.*",
        r"sign up (?:for|to)\b.*newsletters?\b.*",
        r"follow us on\b.*",
        r"click here to\b.*",
        r"continue reading\b.*",
        r"story continues below(?: advertisement)?",
        r"related\s*:.*",
        r"watch\s*:.*",
    )
)


def looks_damaged(text: str) -> bool:
    """Tell whether `text` shows the `ā` punctuation damage.

    Args:
        text: The original text of an article.

    Returns:
        True when some `ā` stands where no real word can have it, or when possessive or dash
        `ā`s appear in a text that has no other sign of a macron language.
    """
    if DAMAGE_CHAR not in text:
        return False
    if any(p.search(text) for p in _STRONG_DAMAGE):
        return True
    return bool(_WEAK_DAMAGE.search(text)) and not _MACRON_WORD.search(text)


def repair_punctuation(text: str) -> tuple[str, bool]:
    """Undo the damage that turned every curly quote, apostrophe and em dash into `ā`.

    Each `ā` is replaced by exactly one character, so offsets into `text` stay valid. Texts
    without the damage (see `looks_damaged`) come back unchanged, and so do macron words
    such as Māori or pāua within damaged texts.

    Args:
        text: The original text of an article.

    Returns:
        The repaired text and whether anything changed.
    """
    if not looks_damaged(text):
        return text, False
    lines = [_repair_line(line) for line in text.split("\n")]
    repaired = "\n".join(lines)
    return repaired, repaired != text


def _repair_line(line: str) -> str:
    # A line is a paragraph: quotes open and close within it, so the pending state resets.
    if DAMAGE_CHAR not in line:
        return line
    chars = list(line)
    quote_open = False
    for i, char in enumerate(line):
        if char != DAMAGE_CHAR:
            continue
        new = _classify(line, i, quote_open)
        if new == OPEN_QUOTE:
            quote_open = True
        elif new == CLOSE_QUOTE:
            quote_open = False
        chars[i] = new
    return "".join(chars)


def _classify(line: str, i: int, quote_open: bool) -> str:
    """Return the character the `ā` at `line[i]` stands for (itself when it is a letter)."""
    before = line[i - 1] if i > 0 else ""
    after = line[i + 1] if i + 1 < len(line) else ""
    word_before, word_after = before.isalnum(), after.isalnum()
    if (word_before or before == ".") and _is_contraction(line, i):
        return APOSTROPHE
    if word_before and word_after:
        return DAMAGE_CHAR  # inside a word: Māori, Tāmaki
    if not before.strip() and not after.strip():
        return EM_DASH
    if not word_before and word_after:
        if after.isupper() or after.isdigit() or _closes_later(line, i + 1):
            return OPEN_QUOTE
        return DAMAGE_CHAR  # a word that starts with ā and no quote to close it
    if not before.strip():
        # Before punctuation, after a space: `ā...` opens a quote unless one is open.
        return CLOSE_QUOTE if quote_open else OPEN_QUOTE
    if quote_open or not word_before or before.isdigit():
        return CLOSE_QUOTE
    if before in "sS":
        return APOSTROPHE  # plural possessive: `the parentsā decision`
    return DAMAGE_CHAR  # a word that ends in ā (Latvian `Latvijā`) with no quote open


def _is_contraction(line: str, i: int) -> bool:
    """Tell whether the `ā` at `line[i]` is the apostrophe of a possessive or a contraction."""
    start = i
    while start > 0 and line[start - 1].isalpha() and line[start - 1] != DAMAGE_CHAR:
        start -= 1
    for pattern, word in _CONTRACTIONS:
        if pattern.match(line, i + 1):
            return word is None or word.fullmatch(line, start, i) is not None
    return False


def _closes_later(line: str, start: int) -> bool:
    """Tell whether an `ā` after `start` could close a quote: after a word, before no word."""
    for j in range(start, len(line)):
        if line[j] != DAMAGE_CHAR:
            continue
        after = line[j + 1] if j + 1 < len(line) else ""
        if line[j - 1].strip() and not after.isalnum():
            return True
    return False


def fix_text(text: str) -> str:
    """Clean a sentence text for display, search and embedding.

    Fixes mojibake such as `Ã©` or `â€™` with ftfy (curly quotes are kept), collapses runs
    of whitespace, newlines included, to single spaces, and brings the text to NFC
    (`index.text.canonical`), the form queries are searched in.

    Args:
        text: A sentence text; its length may change.

    Returns:
        The cleaned text, without leading or trailing whitespace.
    """
    # ftfy composes to NFC itself; saying so here keeps stored text and queries in one form.
    fixed = ftfy.fix_text(text, uncurl_quotes=False, normalization="NFC")
    return canonical(" ".join(fixed.split()))


def boilerplate_lines(text: str) -> frozenset[int]:
    """Find the lines of page furniture ("Advertisement", "Read more: ...") in a text.

    Only a whole, short line counts: a real sentence that mentions an advertisement does not.

    Args:
        text: An article text with LF line endings.

    Returns:
        The 1-based numbers of the boilerplate lines.
    """
    found = set()
    for number, line in enumerate(text.split("\n"), start=1):
        label = line.strip(_DECORATION).rstrip(".\u2026")
        if not label or len(line) > _BOILERPLATE_MAX_CHARS:
            continue
        if any(p.fullmatch(label) for p in BOILERPLATE_PATTERNS):
            found.add(number)
    return frozenset(found)
