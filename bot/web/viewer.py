"""HTML and Markdown rendering for the web chat (no gradio here, so it is easy to test).

Everything that comes from an article (text, titles, outlets, speakers) is escaped: an article
containing ``<script>``, ``<img onerror=…>`` or ``javascript:`` links renders as plain text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bot.answering.citations import Citation
from index import Article, Claim, Hit
from index.reading import repair_punctuation

_MARKDOWN_SPECIAL = set("\\`*_{}[]()#+-.!|~$:")
_MARKER = re.compile(r"(\[\d+\])")

VIEWER_CSS = """
.ct-viewer { font-size: 0.95rem; line-height: 1.5; }
.ct-head { margin-bottom: 0.5rem; }
.ct-line { display: flex; gap: 0.75rem; padding: 0 0.25rem; white-space: pre-wrap; }
.ct-no { flex: 0 0 2.5rem; text-align: right; opacity: 0.6; user-select: none;
         font-variant-numeric: tabular-nums; }
.ct-tx { flex: 1 1 auto; overflow-wrap: anywhere; }
.ct-hit { background: rgba(255, 221, 87, 0.18); }
mark.ct-cited { background: #ffdd57; color: #111; padding: 0 1px; }
.ct-empty { opacity: 0.7; font-style: italic; }
"""

# Page-level, unlike VIEWER_CSS (scoped to the viewer's HTML): frames the block that holds the
# viewer (elem_id "ct-viewer"); tables (class "ct-table") and the timelines. Gradio sizes the
# columns from `column_widths` but lets a narrow header break inside its word ("scor e"), sets
# the cells in the monospace font, and clips a plot's legend (drawn below the x axis) to the
# block's fixed height.
APP_CSS = """
#ct-viewer { border: 1px solid var(--border-color-primary); border-radius: 8px; }
.ct-table th, .ct-table th *, .ct-table .body-cell, .ct-table .body-cell * {
  font-family: var(--font) !important; font-size: var(--text-sm); line-height: 1.35; }
.ct-table th .header { white-space: nowrap; word-break: keep-all; overflow-wrap: normal; }
.ct-table .body-cell .text { word-break: normal; overflow-wrap: break-word; }
#ct-claims-plot, #ct-track-plot { overflow: visible !important; margin-bottom: 28px; }
#ct-claims-plot .mark-symbol path, #ct-track-plot .mark-symbol path { stroke-width: 2.5px; }
"""

# Scrolls the highlighted sentence of the source viewer into view whenever the viewer changes.
VIEWER_JS = """
const reveal = () => {
  const mark = element.querySelector('mark.ct-cited');
  if (mark) { mark.scrollIntoView({block: 'center', inline: 'nearest'}); }
};
if (typeof watch === 'function') { watch('value', () => setTimeout(reveal, 0)); }
setTimeout(reveal, 0);
"""

EMPTY_VIEWER = (
    '<div class="ct-viewer"><p class="ct-empty">Click a numbered citation card under an '
    "answer (or a search or claim row) to open its article here, with the cited sentence "
    "highlighted.</p></div>"
)


def escape_markdown(text: str) -> str:
    """Escape `text` so that Markdown and HTML render it literally.

    Args:
        text: Untrusted text, e.g. an article sentence.

    Returns:
        Markdown source that displays exactly `text`.
    """
    out = []
    for char in text:
        if char in _MARKDOWN_SPECIAL:
            out.append("\\" + char)
        elif char in "&<>\"'":
            out.append(html.escape(char, quote=True))
        else:
            out.append(char)
    return "".join(out)


def answer_markdown(text: str) -> str:
    """Markdown of an answer text: headings bold, ``- `` bullets kept, ``[n]`` markers bold.

    Args:
        text: `Answer.text` as composed by the bot.
    """
    lines = []
    for line in text.splitlines():
        if line.startswith("- "):
            lines.append("- " + _with_markers(line[2:]))
        elif line.strip():
            lines.append("**" + _with_markers(line) + "**")
        else:
            lines.append("")
    return "\n".join(lines)


def reply_markdown(turn: Any, answer: Any, filters: dict[str, str | None]) -> str:
    """The chat's reply: how the question was read, the filters in use, then the answer.

    Args:
        turn: The `bot.web.session.Turn` answered.
        answer: The bot's `bot.Answer` to it.
        filters: The chat's filters by name, unset ones None.
    """
    note = ""
    if turn.question != turn.asked:
        note = f"*Reading this as:* {escape_markdown(turn.question)}\n\n"
    active = ", ".join(f"{k} {v}" for k, v in filters.items() if v)
    if active:
        note += f"*Filters:* {escape_markdown(active)}\n\n"
    # A "what else" follow-up with nothing new, or a question declined, says why itself.
    lead = "" if turn.exclude or answer.declined else "**Not covered by the articles.** "
    if not answer.citations:
        return note + lead + escape_markdown(answer.text)
    notice = f"\n\n*{escape_markdown(answer.notice)}*" if answer.notice else ""
    if not answer.covered:  # only the nearest of a speaker's claims, marked as such
        note += lead
    tail = "\n\n*Sources — click a card to open it in the viewer:*"
    if answer.written is not None:
        body = "\n\n".join(_with_markers(line) for line in answer.written.text.split("\n"))
        return note + body + notice + tail
    if notice:  # why the written answer is missing comes before the sentences shown instead
        note += notice.lstrip("\n") + "\n\n"
    return note + answer_markdown(answer.text) + tail


def draft_markdown(text: str) -> str:
    """The chat model's text while it streams, marked as not yet verified."""
    return "*Writing; checking every quote and citation when done …*\n\n" + escape_markdown(text)


def _with_markers(text: str) -> str:
    parts = _MARKER.split(text)
    return "".join(
        f"**{part}**" if _MARKER.fullmatch(part) else escape_markdown(part) for part in parts
    )


def stream_steps(markdown: str, steps: int = 8) -> Iterator[str]:
    """Growing prefixes of `markdown`, cut at line ends, ending with the whole text.

    Args:
        markdown: The full answer.
        steps: Roughly how many prefixes to yield.
    """
    lines = markdown.split("\n")
    size = max(1, len(lines) // steps)
    for end in range(size, len(lines), size):
        yield "\n".join(lines[:end])
    yield markdown


def speaker_label(item: Citation | Hit | Claim) -> str | None:
    """``Speaker (role, org, country)`` of a citation, hit or claim; None when unknown."""
    speaker = item.speaker
    details = [item.speaker_role, item.speaker_org, item.speaker_country]
    unique = [d for d in dict.fromkeys(details) if d and d != speaker]
    if not speaker:
        return ", ".join(unique) or None
    return speaker + (f" ({', '.join(unique)})" if unique else "")


def card_markdown(citation: Citation, also: str | None = None) -> str:
    """A numbered citation card: speaker, outlet, date, title, line and the exact sentence;
    `also` says where else the claim appeared (`bot.web.tracking.also_in`)."""
    title = citation.title or Path(citation.path).name
    facts = [speaker_label(citation), citation.outlet, citation.date]
    head = " · ".join(escape_markdown(f) for f in facts if f)
    where = f"*{escape_markdown(title)}* · line {int(citation.line)}"
    where += f" · **{escape_markdown(also)}**" if also else ""
    quote = escape_markdown(" ".join(citation.text.split()))
    lead = f"**[{int(citation.n)}]** " + (f"{head} · " if head else "")
    return f"{lead}{where}\n> {quote}"


def article_html(article: Article, start: int = -1, end: int = -1, line: int = 0) -> str:
    """The whole article with line numbers, the span ``start:end`` highlighted.

    Args:
        article: The article.
        start: Offset of the cited sentence in ``article.text``; -1 to highlight `line`.
        end: Offset after the cited sentence.
        line: 1-based line to highlight when no offsets are given.

    Returns:
        Escaped HTML; the first highlighted part is ``<mark class="ct-cited" id="ct-cite">``.
    """
    text = _displayed(article.text)
    if not 0 <= start < end <= len(text):
        start, end = _line_span(text, line)
    rows, offset, marked = [], 0, False
    for number, content in enumerate(text.split("\n"), start=1):
        lo, hi = max(start, offset), min(end, offset + len(content))
        if lo < hi:
            cells = [_esc(content[: lo - offset]), _mark(content[lo - offset : hi - offset],
                                                         first=not marked),
                     _esc(content[hi - offset :])]
            marked = True
            rows.append(_row(number, "".join(cells), hit=True))
        else:
            rows.append(_row(number, _esc(content), hit=False))
        offset += len(content) + 1
    body = "".join(rows)
    return f'<div class="ct-viewer">{_header(article)}<div class="ct-lines">{body}</div></div>'


def _displayed(text: str) -> str:
    """The article text as shown: the `ā` punctuation damage undone, offsets unchanged."""
    return repair_punctuation(text)[0]


def _line_span(text: str, line: int) -> tuple[int, int]:
    if line < 1:
        return -1, -1
    lines = text.split("\n")
    if line > len(lines):
        return -1, -1
    begin = sum(len(x) + 1 for x in lines[: line - 1])
    return begin, begin + len(lines[line - 1])


def _row(number: int, cells: str, hit: bool) -> str:
    cls = "ct-line ct-hit" if hit else "ct-line"
    return (f'<div class="{cls}" id="ct-line-{number}" data-line="{number}">'
            f'<span class="ct-no">{number}</span><span class="ct-tx">{cells}</span></div>')


def _mark(text: str, first: bool) -> str:
    anchor = ' id="ct-cite"' if first else ""
    return f'<mark class="ct-cited"{anchor}>{_esc(text)}</mark>'


def _header(article: Article) -> str:
    meta = article.meta
    title = meta.title or Path(article.path).name
    facts = [meta.outlet, meta.date, meta.author and f"by {meta.author}"]
    parts = [f"<strong>{_esc(title)}</strong>"] + [_esc(f) for f in facts if f]
    parts.append(f"<code>{_esc(Path(article.path).name)}</code>")
    if article.flags:
        parts.append("flags: " + _esc(", ".join(article.flags)))
    return f'<div class="ct-head">{" · ".join(parts)}</div>'


def _esc(text: str) -> str:
    return html.escape(text, quote=True)
