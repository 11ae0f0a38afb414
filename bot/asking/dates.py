"""Date expressions in questions: points, ranges and open ranges, as since/until filters.

The shape of an expression ("between A and B", "from A to B", "on A", "in A", "after A",
"since A", "before A", "until A") is read here; each date A or B is read by dateparser (the only
importer of dateparser), with the corpus's last article date as the base that a date without a
year ("on October 20") is taken to precede.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
# A date as questions write it: 2016-10-20, 2016-10, 10/20/2016, October 20(, 2016),
# 20 October 2016, October 2016, October, 2016.
_DATE = (rf"(?:{_YEAR}-\d{{1,2}}(?:-\d{{1,2}})?|\d{{1,2}}/\d{{1,2}}/(?:{_YEAR}|\d{{2}})"
         rf"|(?:{_DAY}\s+(?:of\s+)?)?{_MONTH}(?:\s+{_DAY}\b)?(?:,?\s+{_YEAR})?|{_YEAR})")
_RANGE = re.compile(
    rf"[\s,]*\b(?:between|from)\s+(?:the\s+)?(?P<a>{_DATE})\s*(?:and|to|until|till|through"
    rf"|thru|-|–)\s*(?:the\s+)?(?P<b>{_DATE})(?![\w-])", re.IGNORECASE)
_SINGLE = re.compile(
    rf"[\s,]*\b(?P<op>on|in|during|since|from|after|before|until|till|through)\s+(?:the\s+)?"
    rf"(?P<a>{_DATE})(?![\w-])", re.IGNORECASE)
_HAS_YEAR = re.compile(rf"\b{_YEAR}\b|\d{{1,2}}/\d{{1,2}}/\d{{2}}\b")
_BARE_MONTH = re.compile(rf"^{_MONTH}$", re.IGNORECASE)
_ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class DateRange:
    """The dates a question restricts itself to.

    Attributes:
        since: The first day, ISO, or None (open).
        until: The last day, ISO, or None (open).
        phrase: The expression as written ("between October 20 and October 31, 2016").
    """

    since: str | None
    until: str | None
    phrase: str


def find_dates(text: str, latest: str | None = None) -> tuple[str, DateRange | None]:
    """The first date expression of `text` as a range, and the text without it.

    Args:
        text: A question.
        latest: The corpus's last article date (ISO): a date written without a year is the
            last such date up to it (today when None).

    Returns:
        ``(text without the expression, range)``; ``(text, None)`` when it holds no date.
    """
    base = _base(latest)
    for match in _RANGE.finditer(text):
        found = _range(match["a"], match["b"], base)
        if found is not None:
            return _cut(text, match), DateRange(*found, match.group().strip(" ,"))
    for match in _SINGLE.finditer(text):
        span = _span(match["a"], base)
        if span is not None:
            since, until = _open(match["op"].lower(), *span)
            return _cut(text, match), DateRange(since, until, match.group().strip(" ,"))
    return text, None


def _range(a: str, b: str, base: dt.date) -> tuple[str, str] | None:
    end = _span(b, base)
    if end is None:
        return None
    start = _span(a, base)
    if not _HAS_YEAR.search(a) and _HAS_YEAR.search(b):
        # "between October 20 and October 31, 2016": the first date takes the second's year.
        start = _span(a, dt.date(end[1].year, 12, 31))
        if start is not None and start[0] > end[1]:
            start = _span(a, dt.date(end[1].year - 1, 12, 31))
    if start is None:
        return None
    return start[0].isoformat(), end[1].isoformat()


def _open(op: str, first: dt.date, last: dt.date) -> tuple[str | None, str | None]:
    """since/until of "<op> <date>" for a date that covers first..last."""
    if op in ("since", "from"):
        return first.isoformat(), None
    if op == "after":
        return (last + _ONE_DAY).isoformat(), None
    if op == "before":
        return None, (first - _ONE_DAY).isoformat()
    if op in ("until", "till", "through"):
        return None, last.isoformat()
    return first.isoformat(), last.isoformat()


def _span(phrase: str, base: dt.date) -> tuple[dt.date, dt.date] | None:
    """The first and last day a date phrase covers (a day, a month or a year)."""
    if _BARE_MONTH.match(phrase) and not phrase[0].isupper():
        return None  # "in march" is more often a march than March
    parsed = _parse(phrase, base)
    if parsed is None:
        return None
    day, period = parsed
    if period == "year" or re.fullmatch(_YEAR, phrase.strip()):
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if period == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last)
    return day, day


@lru_cache(maxsize=512)
def _parse(phrase: str, base: dt.date) -> tuple[dt.date, str] | None:
    parser = _parser(base)
    data = parser.get_date_data(re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", phrase))
    if data.date_obj is None:
        return None
    return data.date_obj.date(), str(data.period)


@lru_cache(maxsize=8)
def _parser(base: dt.date) -> Any:
    from dateparser.date import DateDataParser  # about 0.3 s to import: only when needed

    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": dt.datetime.combine(base, dt.time()), "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "MDY"})


def _base(latest: str | None) -> dt.date:
    try:
        return dt.date.fromisoformat(latest) if latest else dt.date.today()
    except ValueError:
        return dt.date.today()


def _cut(text: str, match: re.Match[str]) -> str:
    return " ".join((text[: match.start()] + " " + text[match.end() :]).split()).replace(" ?", "?")
