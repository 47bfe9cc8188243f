"""Publication dates: lines like "Published 3:04 PM EST, March 1, 2024" and meta values -> ISO."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from ..patterns import lazy_compile
from .furniture import fold_for_prefilter

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
# What every month name _MONTH matches starts with.
_MONTH_PREFIXES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                   "dec")
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ISO = lazy_compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)(?!\d)")
_MONTH_FIRST = lazy_compile(
    _MONTH + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I
)
_DAY_FIRST = lazy_compile(
    r"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH
    + r",?\s+(?P<year>(?:19|20)\d\d)\b",
    re.I,
)

# A line that announces the publication date, e.g. "Updated 10:12 AM GMT+1, March 2, 2024".
DATE_LINE = lazy_compile(
    r"^(?:(?:first\s+)?published|updated|last\s+updated|posted|last\s+modified|date)"
    r"(?:\s+on)?\s*:?\s+",
    re.I,
)
_DIGIT = lazy_compile(r"\d")
_TIME_OR_ZONE = lazy_compile(
    r"\b\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?|\b[ap]\.m\.|\b(?:[A-Z]{2,4}T|GMT|UTC|ET|PT|CT)"
    r"(?:[+-]\d{1,2})?\b",
    re.I,
)


def _build(year: str, month: str, day: str) -> str:
    month_number = int(month) if month.isdigit() else _MONTHS.get(month.lower().rstrip("."), 0)
    try:
        return date(int(year), month_number, int(day)).isoformat()
    except ValueError:
        return ""


def parse_date(text: str) -> str:
    """The first calendar date found in text as "YYYY-MM-DD", or "" when there is none."""
    text = text.strip()
    if not text or len(text) > 300 or not _DIGIT.search(text):
        return ""  # every form, RFC 2822 too, has a day and a year in digits
    found: list[tuple[int, str]] = []
    low = fold_for_prefilter(text)
    # Searching for a month name at every character is slow: only where one stands.
    named = any(prefix in low for prefix in _MONTH_PREFIXES)
    for pattern in (_ISO, _MONTH_FIRST, _DAY_FIRST) if named else (_ISO,):
        m = pattern.search(text)
        if m:
            iso = _build(m.group("year"), m.group("month"), m.group("day"))
            if iso:
                found.append((m.start(), iso))
    if found:
        return min(found)[1]
    try:  # RFC 2822, as feeds write it: "Fri, 14 Mar 2025 09:30:00 GMT"
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return ""


def normalise_published(value: str) -> str:
    """A date given by a caller (feed entry, HTML meta): kept when already ISO, else parsed."""
    value = value.strip()
    if not value:
        return ""
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
        return value
    except ValueError:
        return parse_date(value)


def date_line(paragraph: str) -> str | None:
    """The ISO date when paragraph is a dateline-of-publication line, else None.

    Accepts "Published 3:04 PM EST, March 1, 2024", "Updated: 2024-03-02" and a bare date with
    at most a time and zone around it ("March 1, 2024 3:04 p.m. ET").
    """
    if len(paragraph) > 120:
        return None
    iso = parse_date(paragraph)
    if not iso:
        return None
    if DATE_LINE.match(paragraph):
        return iso
    rest = _ISO.sub(" ", paragraph)
    rest = _MONTH_FIRST.sub(" ", rest)
    rest = _DAY_FIRST.sub(" ", rest)
    rest = _TIME_OR_ZONE.sub(" ", rest)
    rest = re.sub(
        r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?", " ", rest,
        flags=re.I,
    )
    return iso if not re.search(r"[A-Za-z]{2,}", rest) else None
