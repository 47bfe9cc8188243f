"""Feed bytes -> entries, refusing what could hurt us before it can.

The XML guard (`store.xmlguard`, defusedxml) reads the prolog first: entity declarations and
external references are refused, a bare DOCTYPE is accepted. Well-formed feeds are then read by
the fast ElementTree path (`feedparse_fast`), as a stream: a feed file of any size is read in
bounded memory, batch by batch. What is not well-formed goes, once the commonest breakage is
repaired, to feedparser's lenient reader, which is handed bytes (through a file object: given a
bytes string it first tries to open it as a file name, given a str it may fetch it), never a
URL, and never a document that declares entities. Every text field goes through `clean_text`;
nothing here is ever treated as markup for the terminal.
"""

from __future__ import annotations

import html
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from analysis import clean_text

from . import xmlguard
from .errors import SourceError, size_text
from .feedbytes import FeedBytes, repaired
from .feedparse_fast import Feed, NotHandled, TreeReader, parse_tree, struct_date
from .records import FeedEntry

MAX_TITLE = 1_000
MAX_URLISH = 2_000
MAX_AUTHOR = 300
MAX_BODY = 1_000_000
# feedparser's lenient reader holds the whole document and costs ~20-50 us per tag: these
# bound its memory and its time (a well-formed feed of any size takes the streamed fast path).
MAX_LENIENT_TAGS = 100_000
MAX_LENIENT_BYTES = 50 * 1024 * 1024
MAX_DISCOVERY_BYTES = 256 * 1024  # where an HTML page's <link> tags are looked for
BATCH_TEXT = 8 * 1024 * 1024  # a streamed batch ends here too: its memory, whatever the entries
MAX_STRAY_LT = 50  # per feed and fetch: the first ones (feeds list the newest first)

_HTML_DOCTYPE = re.compile(rb"<!DOCTYPE\s+html\b", re.I)
# What may stand before the root tag: declaration, PIs, comments (and a bare DOCTYPE).
# Every pattern here is linear in the input: hostile documents must not cost quadratic time.
_PROLOG_ITEM = re.compile(rb"\s+|<\?.*?\?>|<!--.*?-->", re.S)
_PROLOG_OR_DOCTYPE = re.compile(rb"\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE\b[^>\[]*>", re.S | re.I)
_ROOT_TAG = re.compile(rb"<([A-Za-z_][\w:.-]*)")
_FEED_ROOTS = {"rss", "feed", "rdf", "channel"}  # local names, any prefix
_HTML_ROOTS = {"html", "head", "body"}
_TAG = re.compile(r"<[^<>]*>")
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_LOOKS_HTML = re.compile(r"</?[A-Za-z][^<>]*>|&(#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")
_LINK_TAG = re.compile(rb"<link\b[^<>]*>", re.I)
_ATTRIBUTE = re.compile(rb"""(?<![\w:.-])([A-Za-z_:][\w:.-]*)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""")
_FEED_TYPES = {b"application/rss+xml", b"application/atom+xml", b"application/rdf+xml"}
_NOT_WELL_FORMED = (ET.ParseError, NotHandled, ValueError, LookupError, RecursionError)


class NotAFeedError(SourceError):
    """An HTML page given where a feed was expected; `feed_url` is the feed it names, if any."""

    def __init__(self, message: str, feed_url: str = "") -> None:
        super().__init__(message)
        self.feed_url = feed_url


@dataclass
class ParsedFeed:
    title: str = ""
    link: str = ""
    entries: list[FeedEntry] = field(default_factory=list)


def parse_feed(data: bytes, url: str = "", content_type: str = "") -> ParsedFeed:
    """Parse RSS/Atom bytes in memory; SourceError for HTML pages, declared entities and
    malformed feeds."""
    reading = FeedReading(FeedBytes.memory(data, content_type), url)
    entries = [entry for batch in reading for entry in batch]
    return ParsedFeed(reading.title, reading.link, entries)


class FeedReading:
    """One reading of a feed: iterate it for its entries, in batches of `batch` (all at once
    when None; a batch read from a file also ends at BATCH_TEXT characters of text); `title`
    and `link` are final when the iteration ends. Whatever makes the feed unusable (an HTML
    page, declared entities, no feed at all) is raised before the first batch. When a stream
    breaks part-way (ill-formed XML further down a feed file), the feed is read again by the
    next reader and its entries come again from the start: storing them twice is a no-op, so
    batches may be stored as they come."""

    def __init__(self, source: FeedBytes, url: str = "", batch: int | None = None,
                 where: str = "") -> None:
        self.source = source
        self.url = url
        self.where = _oneline(where or url)[:300] or "feed"  # what messages name it by
        self.batch = batch
        self.title = ""
        self.link = ""

    def __iter__(self) -> Iterator[list[FeedEntry]]:
        head = self.source.utf8_head(MAX_DISCOVERY_BYTES)
        if not head.strip():
            raise SourceError(f"{self.where}: empty feed")
        if _HTML_DOCTYPE.match(head, _skip_prolog(head)):
            raise _html_page(head, self.url, self.where)
        verdict = xmlguard.check_prolog(self.source.utf8())
        if verdict == "entities":
            raise SourceError(f"{self.where}: feed declares XML entities; refused")
        if verdict == "external":
            raise SourceError(f"{self.where}: feed refers to an external entity; refused")
        self._check_root(head)
        if verdict == "ok":
            readers: list[Callable[[], Iterable[bytes]]] = [
                self.source.utf8, lambda: repaired(self.source.utf8())]
            for chunks in readers:
                try:
                    yield from self._fast(chunks())
                    return
                except _NOT_WELL_FORMED:
                    continue
        feed, entries = self._lenient()
        self._set_info(feed)
        converted = [_entry(e, self._link_base()) for e in entries]
        for start in range(0, len(converted), self.batch or len(converted) or 1):
            yield converted[start:start + (self.batch or len(converted))]
        if not converted:
            yield []

    def _check_root(self, head: bytes) -> None:
        root = _root_element(head)
        if root in _HTML_ROOTS:
            raise _html_page(head, self.url, self.where)
        if root is None:
            raise SourceError(f"{self.where}: malformed feed (no XML element found)")
        if root.rsplit(":", 1)[-1] not in _FEED_ROOTS:
            raise SourceError(f"{self.where}: not an RSS or Atom feed (its root element is "
                              f"<{_oneline(root)[:40]}>)")

    def _fast(self, chunks: Iterable[bytes]) -> Iterator[list[FeedEntry]]:
        """The ElementTree reader, streamed for a file; raises one of _NOT_WELL_FORMED when it
        cannot read the document."""
        base = self.url if self.url.startswith(("http://", "https://")) else ""
        if self.source.in_memory:
            feed, raw = parse_tree(b"".join(chunks), base)
            self._set_info(feed)
            entries = [_entry(e, self._link_base()) for e in raw]
            for start in range(0, len(entries), self.batch or len(entries) or 1):
                yield entries[start:start + (self.batch or len(entries))]
            return
        reader = TreeReader(base)
        entries: list[FeedEntry] = []
        text = 0
        for chunk in chunks:
            raw = reader.feed(chunk)
            if raw:
                self._set_info_from(reader)
            for e in raw:
                entries.append(_entry(e, self._link_base()))
                text += len(entries[-1].content) + len(entries[-1].summary)
                if self.batch and (len(entries) >= self.batch or text >= BATCH_TEXT):
                    yield entries
                    entries, text = [], 0
        raw = reader.close()
        self._set_info(reader.info())
        entries += [_entry(e, self._link_base()) for e in raw]
        yield entries

    def _lenient(self) -> Feed:
        size = self.source.size
        if size > MAX_LENIENT_BYTES:
            limit = size_text(MAX_LENIENT_BYTES)
            raise SourceError(f"{self.where}: malformed feed, too large for the lenient reader "
                              f"({size_text(size)}; it reads at most {limit})")
        utf8 = self.source.whole()
        if xmlguard.declares_entities(utf8):
            raise SourceError(f"{self.where}: feed declares XML entities; refused")
        tags = utf8.count(b"<")
        if tags > MAX_LENIENT_TAGS:
            raise SourceError(f"{self.where}: malformed feed, too large for the lenient reader "
                              f"({tags:,} tags; it reads at most {MAX_LENIENT_TAGS:,})")
        return _with_feedparser(utf8, self.url, self.where)

    def _link_base(self) -> str:
        """What relative entry links are relative to: the feed's URL, else (a feed file) the
        site the feed names as its own."""
        return self.url if self.url.startswith(("http://", "https://")) else self.link

    def _set_info_from(self, reader: TreeReader) -> None:
        try:
            self._set_info(reader.info())
        except NotHandled:
            pass

    def _set_info(self, feed: dict[str, Any]) -> None:
        self.title = _plain(feed.get("title", ""), feed.get("title_type", "text"))[:MAX_TITLE]
        self.link = _http_link(feed.get("link", ""))


def _with_feedparser(utf8: bytes, url: str, where: str) -> Feed:
    """feedparser for what the fast path does not take (malformed XML among others)."""
    import feedparser  # only here: its import alone costs ~50 ms

    headers = {"content-type": "application/xml; charset=utf-8"}
    if url.startswith(("http://", "https://")):
        headers["content-location"] = url  # base for relative links
    try:
        parsed = feedparser.parse(io.BytesIO(utf8), response_headers=headers,
                                  sanitize_html=False, resolve_relative_uris=False)
    except Exception as exc:  # feedparser has many failure modes; all mean "not usable"
        raise SourceError(f"{where}: malformed feed ({type(exc).__name__})") from None
    if parsed.get("bozo") and not parsed.get("entries"):
        detail = _oneline(str(parsed.get("bozo_exception") or ""))[:120]
        raise SourceError(f"{where}: malformed feed" + (f" ({detail})" if detail else ""))
    info = parsed.get("feed", {})
    feed = {"title": info.get("title", ""), "title_type": _kind(info.get("title_detail")),
            "link": info.get("link", "")}
    entries = []
    for e in parsed.get("entries", []):
        content = ""
        for part in e.get("content", []) or []:
            value = part.get("value", "")
            if value and (not content or part.get("type") in _HTML_TYPES):
                content = value
        author = e.get("author", "") or (e.get("author_detail") or {}).get("name", "")
        entries.append({
            "id": e.get("id", ""), "link": e.get("link", ""),
            "title": e.get("title", ""), "title_type": _kind(e.get("title_detail")),
            "summary": e.get("summary", ""), "content": content,
            # dict.get: FeedParserDict.get("updated_parsed") warns about a legacy fallback
            "published": struct_date(dict.get(e, "published_parsed")
                                      or dict.get(e, "updated_parsed")
                                      or dict.get(e, "created_parsed")),
            "author": author,
        })
    return feed, entries


def _html_page(utf8: bytes, url: str, where: str) -> NotAFeedError:
    """The error for an HTML page, naming the feed it advertises (<link rel="alternate">)."""
    found = discover_feed(utf8, url)
    hint = f" (it names its feed: {found})" if found else ""
    return NotAFeedError(f"{where}: an HTML page, not a feed{hint}", found)


def discover_feed(page: bytes, url: str = "") -> str:
    """The first RSS/Atom feed an HTML page links to as its alternate, as an absolute URL."""
    found = advertised_feeds(page, url, limit=1)
    return found[0] if found else ""


def advertised_feeds(page: bytes, url: str = "", limit: int = 10) -> list[str]:
    """The RSS/Atom feeds an HTML page names as its alternates (<link rel="alternate">), as
    absolute http(s) URLs, in page order, at most limit of them."""
    found: list[str] = []
    for tag in _LINK_TAG.finditer(page[:MAX_DISCOVERY_BYTES]):
        attrs = {m.group(1).lower(): m.group(2).strip(b"\"'")
                 for m in _ATTRIBUTE.finditer(tag.group(0))}
        rel = attrs.get(b"rel", b"").lower().split()
        kind = attrs.get(b"type", b"").lower()
        href = html.unescape(attrs.get(b"href", b"").decode("utf-8", "replace")).strip()
        if b"alternate" in rel and kind in _FEED_TYPES and href:
            absolute = urljoin(url, href) if url.startswith(("http://", "https://")) else href
            link = _http_link(absolute)
            if link and link not in found:
                found.append(link)
                if len(found) >= limit:
                    break
    return found


def _skip_prolog(utf8: bytes, pattern: re.Pattern[bytes] = _PROLOG_ITEM) -> int:
    """Offset of the first thing after the XML declaration, PIs, comments and whitespace."""
    pos = 0
    while True:
        m = pattern.match(utf8, pos)
        if not m or m.end() == pos:
            return pos
        pos = m.end()


def _root_element(utf8: bytes) -> str | None:
    m = _ROOT_TAG.match(utf8, _skip_prolog(utf8, _PROLOG_OR_DOCTYPE))
    return m.group(1).decode("utf-8", "replace").lower() if m else None


def _entry(e: dict[str, Any], base: str = "") -> FeedEntry:
    """A raw entry dict made a FeedEntry; a relative link is resolved against base."""
    summary = _body(e.get("summary", ""))
    published = e.get("published")
    link = e.get("link", "")
    if base and isinstance(link, str) and link and not _http_link(link):
        link = urljoin(base, link.strip())
    return FeedEntry(
        guid=_oneline(e.get("id", ""))[:MAX_URLISH],
        link=_http_link(link),
        title=_plain(e.get("title", ""), e.get("title_type", "text"))[:MAX_TITLE],
        summary=summary,
        content=_body(e.get("content", "")) or summary,
        published=published.isoformat() if published else "",
        author=_oneline(_strip_tags(e.get("author", "")))[:MAX_AUTHOR],
    )


def _kind(detail: Any) -> str:
    return "html" if (detail or {}).get("type") in _HTML_TYPES else "text"


def _plain(value: Any, kind: str) -> str:
    """A one-line plain-text field; markup in an HTML title is dropped, never shown."""
    value = value if isinstance(value, str) else ""
    if kind == "html" or (kind == "guess" and _LOOKS_HTML.search(value)):
        value = _strip_tags(value)
    return _oneline(value)


def _strip_tags(value: Any) -> str:
    return html.unescape(_TAG.sub(" ", value)) if isinstance(value, str) else ""


def _clean(value: Any) -> str:
    if not value or not isinstance(value, str):  # feedparser may hand back None
        return ""
    # a line of printable ASCII (most titles) has nothing clean_text would change
    return value if value.isascii() and value.isprintable() else clean_text(value)


def _body(value: Any) -> str:
    return _defuse_stray_lt(_clean(value)[:MAX_BODY].strip())


def _defuse_stray_lt(html_text: str) -> str:
    """Many `<` that open no tag (no `>` before the next `<`) written as `&lt;`, as an HTML
    parser would read them: tag-stripping regexes downstream (`<[^>]+>`) then stay linear
    instead of rescanning the rest of the text from every stray `<`. A few are left alone
    (plain-text entries say "a < b")."""
    if html_text.count("<") <= MAX_STRAY_LT:
        return html_text
    pieces = html_text.split("<")
    if sum(">" not in piece for piece in pieces[1:]) <= MAX_STRAY_LT:
        return html_text
    return pieces[0] + "".join(("<" if ">" in piece else "&lt;") + piece
                               for piece in pieces[1:])


def _oneline(value: Any) -> str:
    return " ".join(_clean(value).split())


def _http_link(value: Any) -> str:
    link = _oneline(value)
    return link[:MAX_URLISH] if link.lower().startswith(("http://", "https://")) else ""

