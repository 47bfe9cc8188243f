"""Background: a statement dated before the news ("in 2019 …", "last year", "years ago") is
about an earlier event, not a response to this one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..patterns import lazy_compile

if TYPE_CHECKING:
    from ..document import Document

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATED = lazy_compile(
    rf"\b(?:in|In)\s+(?:(?:{_MONTHS})\s+)?(?:of\s+)?((?:19|20)\d\d)\b|\b[Ll]ast\s+(?:year|month)\b"
    r"|\byears\s+ago\b|\b[Ee]arlier\s+this\s+(?:year|month)\b")
_YEAR = lazy_compile(r"\b(?:19|20)\d\d\b")
_SINCE = lazy_compile(r"\bsince\s+(?:\w+\s+){0,3}$")


def news_year(doc: Document) -> int:
    """The year of the news: the article's date, else the latest year its text names (0 when
    it names none)."""
    published = doc.article.published[:4]
    if published.isdigit():
        return int(published)
    years = [int(y) for p in doc.paragraphs for y in _YEAR.findall(p)]
    return max(years, default=0)


def is_background(sentence: str, year: int) -> bool:
    """Dated before the news: an earlier year, "last year", "years ago" (not "since 2019",
    a state that still holds)."""
    for m in _DATED.finditer(sentence):
        if m.group(1) is None:
            return True
        if _SINCE.search(sentence, 0, m.start()):
            continue
        if year and int(m.group(1)) < year:
            return True
    return False
