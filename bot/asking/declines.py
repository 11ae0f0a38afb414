"""Why a question gets no search, each reason with its own plain message and what to do next.

`before_search` looks at the question alone (and whether the store holds anything);
`unknown_subject` at a speaker phrase that names no one; `emptying_filter` names the filter
that left nothing to search. All of them are cheap: the last one runs only when a search came
back empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from bot.asking.languages import foreign_language
from bot.asking.questions import Question
from bot.asking.speakers import close_names
from bot.asking.vocabulary import Vocabulary
from index import Filters
from index.ledger.claims import ClaimFilters
from index.ledger.ledger import Ledger

Reason = Literal["empty-store", "no-words", "too-long", "language", "unknown-speaker",
                 "no-context", "filters"]
EXAMPLE = "“What did China say about arms sales?”"
# Follow-ups that need an earlier question: "what else did he say?", "and what about Russia?",
# "what about Russia?", "and Russia?" (a few words after "and", nothing else).
_QUESTION_WORD = (r"(?:what|who|whom|how|when|where|why|which|did|does|do|is|are|was|were|has|"
                  r"have|had)")
_FOLLOW_UP = re.compile(
    r"^\W*(?:(?:and|so)\s+)?what\s+else\b"
    r"|^\W*(?:(?:and|but|so)\s*,?\s*)?(?:what|how)\s+about\b"
    rf"|^\W*and\s+(?!{_QUESTION_WORD}\b)[^\W\d]\S*(?:\s+\S+){{0,3}}[\s?.!]*$", re.IGNORECASE)


@dataclass(frozen=True)
class Decline:
    """A question not searched: why, and what to tell the asker.

    Attributes:
        reason: One of `Reason`.
        message: What the answer says, ending with what to do next.
        names: Speakers offered instead ("Did you mean …?").
    """

    reason: Reason
    message: str
    names: tuple[str, ...] = ()


def before_search(question: str, vocabulary: Vocabulary, home: Path,
                  max_chars: int) -> Decline | None:
    """A reason not to search, from the question and the store's size alone."""
    if not any(ch.isalnum() for ch in question):
        return Decline("no-words", "The question has no words (no letters or digits), so "
                       f"there is nothing to look for; ask something like {EXAMPLE}")
    if vocabulary.articles == 0:
        return Decline("empty-store", f"There are no articles here yet ({home}); run "
                       "`claimtrack ingest PATH…` to add some, or use the --home of a store "
                       "that has them.")
    if len(question) > max_chars:
        return Decline("too-long", f"The question is {len(question):,} characters long; "
                       f"questions are limited to {max_chars:,}. Ask about one speaker or "
                       "topic at a time.")
    if _FOLLOW_UP.match(question):
        return Decline("no-context", "This follows up an earlier question, and there is none "
                       f"here; ask the whole question, like {EXAMPLE}")
    if language := foreign_language(question):
        return Decline("language", f"This question looks like {language}; the articles are "
                       "searched in English, so please ask in English (names may stay as "
                       "they are).")
    return None


def unknown_subject(parsed: Question, vocabulary: Vocabulary) -> Decline | None:
    """The decline for a speaker phrase that names no one in the ledger, or for an outlet
    named that is not stored, if it is one."""
    if parsed.missing_outlet:
        outlets = ", ".join(vocabulary.outlets[:12]) or "none"
        return Decline("filters", f"No article here is from {parsed.missing_outlet}, and no "
                       f"one of that name is quoted (outlets here: {outlets}); ask about one "
                       "of those outlets, or without naming one.")
    if parsed.unknown == "pronoun":
        return Decline("no-context", f"“{parsed.subject}” refers to an earlier question, and "
                       f"there is none here; name the speaker, like {EXAMPLE}")
    if parsed.unknown != "speaker" or parsed.subject is None:
        return None
    names = tuple(close_names(parsed.subject, vocabulary))
    offer = f" Did you mean {_either(names)}?" if names else ""
    return Decline("unknown-speaker", f"The articles hold no statements by {parsed.subject}."
                   f"{offer} `claimtrack speakers` lists everyone they quote.", names)


def emptying_filter(filters: Filters, ledger: Ledger, vocabulary: Vocabulary
                    ) -> Decline | None:
    """The filter, or pair of filters, that leaves nothing to search, named; None when the
    filters together leave something (the search then found nothing relevant in it)."""
    articles = _article_labels(filters)
    for label, kwargs in articles:
        if not ledger.article_ids(**kwargs):
            return Decline("filters", f"No article is {label}{_known(kwargs, vocabulary)}; "
                           "change or clear that filter.")
    together = {k: v for _, kwargs in articles for k, v in kwargs.items()}
    ids = ledger.article_ids(**together) if together else None
    if articles and not ids:
        return Decline("filters", f"No article is {' and '.join(a for a, _ in articles)}; "
                       "clear one of these filters.")
    who = filters.speaker or filters.country or filters.org
    if who is None:
        return None
    claims = ClaimFilters(None, filters.speaker, filters.country, filters.org)
    if not ledger.claim_sentence_ids(claims):
        return Decline("filters", f"The articles hold no statements by {who}; "
                       "`claimtrack speakers` lists everyone they quote.")
    if ids is not None and not ledger.claim_sentence_ids(
            ClaimFilters(tuple(ids), filters.speaker, filters.country, filters.org)):
        where = " and ".join(a for a, _ in articles)
        return Decline("filters", f"{who} has statements in the articles, but none in articles "
                       f"{where}; clear that filter to see them.")
    return None


def _article_labels(filters: Filters) -> list[tuple[str, dict[str, str | None]]]:
    labels: list[tuple[str, dict[str, str | None]]] = []
    if filters.article is not None:
        labels.append((f"“{filters.article}”", {"article": filters.article}))
    if filters.outlet is not None:
        labels.append((f"from the outlet {filters.outlet}", {"outlet": filters.outlet}))
    if filters.since is not None or filters.until is not None:
        dates = {"since": filters.since, "until": filters.until}
        labels.append((_dated(filters.since, filters.until), dates))
    return labels


def _dated(since: str | None, until: str | None) -> str:
    if since and until:
        return f"dated {since}" if since == until else f"dated {since} to {until}"
    return f"dated from {since}" if since else f"dated up to {until}"


def _known(kwargs: dict[str, str | None], vocabulary: Vocabulary) -> str:
    """What there is instead: the outlets, or the dates the articles span."""
    if "outlet" in kwargs and vocabulary.outlets:
        return f" (outlets here: {', '.join(vocabulary.outlets[:12])})"
    if "since" in kwargs and vocabulary.first_date:
        return f" (the dated articles run from {vocabulary.first_date} to {vocabulary.last_date})"
    return ""


def _either(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
