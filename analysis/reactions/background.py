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
# "the idea", "such a move", "his remarks": a sentence pointing back at an act or a statement.
POINTS_BACK = lazy_compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ss]uch an?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[\w-]+\s+)?"
    r"(?:idea|plan|move|decision|remarks?|comments?|proposal|statement|announcement|policy"
    r"|ruling|verdict|vote|veto|deal|bill|law|test|offer|pledge|speech|tweets?|claims?)\b")
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


def background_sentences(doc: Document) -> set[int]:
    """Indices (in Document.sentences) of the sentences dated before the news, and of those
    right after one in its paragraph that point back at what it told ("The remark drew …")."""
    year = news_year(doc)
    found: set[int] = set()
    previous = None
    for index, sentence in enumerate(doc.sentences):
        if is_background(sentence.text, year) or (
                index - 1 in found and previous is not None and
                previous.paragraph == sentence.paragraph and POINTS_BACK.search(sentence.text)):
            found.add(index)
        previous = sentence
    return found
