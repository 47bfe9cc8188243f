"""Plain records the store hands out: to the CLI, the reader and the feed code."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from analysis import Analysis


@dataclass
class ArticleRef:
    """One stored article (or feed entry) as listed: no body, no analysis."""

    id: str
    title: str
    published: str = ""  # ISO 8601 or ""
    source: str = ""  # the path or URL it was loaded from
    link: str = ""
    feed_url: str = ""  # "" for standalone articles
    guid: str = ""
    read: bool = False
    new: bool = False  # set by add(): True when this call stored it, False when it was there
    site: str = ""  # where it comes from, for people: the feed's title, else the site's host

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class StoredArticle:
    """An article with its analysis (computed on first access for feed entries, then cached)."""

    ref: ArticleRef
    analysis: Analysis
    summary: str = ""  # the feed's own summary of an entry, "" for standalone articles


@dataclass
class FeedEntry:
    """One entry of a parsed feed, before it is stored."""

    guid: str = ""
    link: str = ""
    title: str = ""
    summary: str = ""
    content: str = ""  # full content (HTML or text) when the feed carries it
    published: str = ""  # ISO 8601 or ""
    author: str = ""


@dataclass
class FeedRecord:
    url: str  # the feed's URL, or the absolute path of a feed file
    title: str = ""
    etag: str = ""
    last_modified: str = ""
    last_fetch: str = ""  # ISO 8601 UTC of the last fetch attempt, "" when never fetched
    last_error: str = ""  # one line, "" when the last fetch succeeded
    entry_count: int = 0
    link: str = ""  # the site the feed belongs to
    max_size: int = 0  # the largest response fetched for it, in bytes; 0: the store's setting
    unread: int = 0  # entries not read yet
    hidden: bool = False  # its entries are left out of the list of all articles

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class FeedResult:
    """What refreshing one feed did."""

    url: str
    status: str  # "ok" | "not-modified" | "error"
    new_entries: int = 0
    error: str = ""
    title: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class RefreshReport:
    results: list[FeedResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def new_entries(self) -> int:
        return sum(r.new_entries for r in self.results)

    @property
    def errors(self) -> list[FeedResult]:
        return [r for r in self.results if r.status == "error"]

    def to_dict(self) -> dict[str, Any]:
        return {"results": [r.to_dict() for r in self.results], "seconds": self.seconds,
                "new_entries": self.new_entries}


@dataclass
class RelatedEntry:
    id: str
    guid: str
    title: str
    link: str
    score: float
    feed_url: str = ""
    published: str = ""
    site: str = ""  # the feed's title, else the site's host

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SpeakerSummary:
    name: str
    role: str = ""
    kind: str = "person"
    aliases: list[str] = field(default_factory=list)
    quote_count: int = 0
    article_count: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SpeakerQuote:
    quote_id: str  # "ARTICLEID:qN"
    text: str
    speaker: str
    role: str
    article_id: str
    article_title: str
    published: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Bookmark:
    """A bookmarked quote; it keeps its own copy of what it shows, so it outlives the article."""

    quote_id: str
    text: str
    speaker: str
    role: str = ""
    article_id: str = ""
    article_title: str = ""
    link: str = ""
    published: str = ""
    note: str = ""
    created: str = ""  # ISO 8601 UTC

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SearchHit:
    kind: str  # "article" | "speaker" | "quote" | "text" (words found in an article's text)
    title: str
    detail: str = ""  # speaker: role and counts; quote: speaker and article; text: the passage
    article_id: str = ""
    quote_id: str = ""
    published: str = ""  # ISO 8601 or "" (articles, quotes and text hits)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class UnreadCounts:
    """Unread articles: in the list of all articles (hidden feeds left out) and per feed
    ("" holds the articles added by hand)."""

    total: int = 0
    by_feed: dict[str, int] = field(default_factory=dict)


@dataclass
class ReaderSettings:
    """The reader's preferences, kept in the store's settings file."""

    refresh_on_start: bool = False  # fetch every feed when the reader opens
    refresh_minutes: int = 0  # and then every so many minutes (0: never on a timer)
    list_width: int = 0  # columns of the article list (0: the layout's own width)
    speaker_tags: bool = True  # ‹Name› after each quote in the reader text
    read_after: float = 2.0  # seconds an article is shown before it counts as read (< 0: never)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Any) -> ReaderSettings:
        """Settings from a stored dict; values of the wrong type (a hand-edited file) fall
        back to their defaults."""
        settings = cls()
        if not isinstance(data, dict):
            return settings
        for name, default in asdict(settings).items():
            value = data.get(name, default)
            if isinstance(default, bool):
                ok = isinstance(value, bool)
            elif isinstance(default, int):
                ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
            else:
                ok = isinstance(value, (int, float)) and not isinstance(value, bool)
            if ok:
                setattr(settings, name, value)
        return settings


@dataclass
class LoadReport:
    """What loading analysis records (`byline add --analyses`) did."""

    added: int = 0
    known: int = 0  # already in the store
    failed: list[str] = field(default_factory=list)  # one line each: error records, bad lines

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
