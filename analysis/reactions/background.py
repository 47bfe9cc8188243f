"""Background: a statement dated before the news ("in 2019 …", "last year", "weeks ago"), or
one that recalls ("a historian who attended recalled …"), is about an earlier time, not a
response to this event."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..patterns import lazy_compile

if TYPE_CHECKING:
    from ..document import Document

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATED = lazy_compile(
    rf"\b(?:in|In)\s+(?:(?:{_MONTHS})\s+)?(?:of\s+)?((?:19|20)\d\d)\b|\b[Ll]ast\s+(?:year|month)\b"
    r"|\b(?:years|months|weeks)\s+ago\b|\b[Ee]arlier\s+this\s+(?:year|month)\b|\bhad\s+previously\b")
# "the idea", "such a move", "his remarks": a sentence pointing back at an act or a statement.
# Each alternative opens with a literal letter (the engine skips to one in C), the word boundary
# before it checked after it: "(?<!\w.)".
POINTS_BACK = lazy_compile(
    r"(?:T(?<!\w.)h(?:e|is|at|eir)|t(?<!\w.)h(?:e|is|at|eir)|S(?<!\w.)uch an?|s(?<!\w.)uch an?"
    r"|H(?<!\w.)(?:is|er)|h(?<!\w.)(?:is|er)|I(?<!\w.)ts|i(?<!\w.)ts)\s+(?:[\w-]+\s+)?"
    r"(?:idea|plan|move|decision|remarks?|comments?|proposal|statement|announcement|policy"
    r"|ruling|verdict|vote|veto|deal|bill|law|test|offer|pledge|speech|tweets?|claims?)\b")
_SINCE = lazy_compile(r"\bsince\s+(?:\w+\s+){0,3}$")


_RECALLING = frozenset(
    "recall recalls recalled recalling remember remembers remembered remembering reminisced "
    "reminisces".split())


def recalls(verb: str) -> bool:
    """Whether a statement's verb tells a memory of an earlier time ("recalled")."""
    return verb.lower() in _RECALLING


def news_year(doc: Document) -> int:
    """The year of the news: the article's date, else the latest year its text names (0 when
    it names none)."""
    published = doc.article.published[:4]
    if published.isdigit():
        return int(published)
    return max((year for p in doc.paragraphs for year in _years(p)), default=0)


def _years(text: str) -> Iterator[int]:
    """The years (1900-2099) a text names as numbers of their own, found by substring search
    (a regex scan of a whole article costs ten times more)."""
    for century in ("19", "20"):
        at = text.find(century)
        while at >= 0:
            digits = text[at:at + 4]
            if digits.isdigit() and len(digits) == 4 and not text[at - 1:at].isalnum() and \
                    not text[at + 4:at + 5].isalnum():
                yield int(digits)
            at = text.find(century, at + 1)


def _may_be_dated(text: str) -> bool:
    """Whether a text holds a year-like number or a word of time past: a few substring
    tests spare most sentences the date pattern."""
    return "19" in text or "20" in text or "ast " in text or "ago" in text or \
        "arlier this" in text or "previously" in text


def is_background(sentence: str, year: int) -> bool:
    """Dated before the news: an earlier year, "last year", "weeks ago" (not "since 2019",
    a state that still holds)."""
    if not _may_be_dated(sentence):
        return False  # no year and none of the words: most sentences
    for m in _DATED.finditer(sentence):
        if m.group(1) is None:
            return True
        if _SINCE.search(sentence, 0, m.start()):
            continue
        if year and int(m.group(1)) < year:
            return True
    return False


class Background:
    """Which sentences of a document are dated before the news (asked per sentence: only
    the sentences that make statements need to be read)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._known: dict[int, bool] = {}
        self._year: int | None = None

    @property
    def year(self) -> int:
        if self._year is None:
            self._year = news_year(self.doc)
        return self._year

    def __contains__(self, index: int) -> bool:
        """Whether sentence `index` (of Document.sentences) is background: dated before the
        news, or right after such a sentence of its paragraph and pointing back at what it told
        ("The remark drew …")."""
        if index not in self._known:
            sentences = self.doc.sentences
            sentence = sentences[index]
            self._known[index] = _may_be_dated(sentence.text) and \
                is_background(sentence.text, self.year) or (
                index > 0 and sentences[index - 1].paragraph == sentence.paragraph
                and POINTS_BACK.search(sentence.text) is not None and (index - 1) in self)
        return self._known[index]
