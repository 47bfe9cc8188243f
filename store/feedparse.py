"""Feed bytes -> ParsedFeed, refusing what could hurt us before any parser sees it.

feedparser is handed bytes (through a file object: given a bytes string it first tries to open
it as a file name, given a str it may fetch it), never a URL. A document declaring a DTD or
entities is refused outright: feedparser's loose fallback expands declared entities, so a
200 KB "billion laughs" feed could grow to gigabytes. Every text field goes through
`clean_text`; nothing here is ever treated as markup for the terminal.
"""

from __future__ import annotations

import html
import io
import re
import unicodedata
from dataclasses import dataclass, field
from html.entities import name2codepoint
from typing import Any
from urllib.parse import urljoin

from analysis.text import clean_text

from .errors import SourceError
from .feedparse_fast import Feed, read_tree, struct_date
from .records import FeedEntry

MAX_TITLE = 1_000
MAX_URLISH = 2_000
MAX_AUTHOR = 300
MAX_BODY = 1_000_000
# feedparser's lenient parser costs ~20-50 us per tag: past this many it would take seconds.
MAX_LENIENT_TAGS = 100_000
MAX_DISCOVERY_BYTES = 256 * 1024  # where an HTML page's <link> tags are looked for
MAX_ENTRIES = 10_000
MAX_STRAY_LT = 50  # per feed and fetch: the first ones (feeds list the newest first)

_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)\b", re.I)
_HTML_DOCTYPE = re.compile(rb"<!DOCTYPE\s+html\b", re.I)
# What may stand before the root tag once DTDs are refused: declaration, PIs, comments.
# Every pattern here is linear in the input: hostile documents must not cost quadratic time.
_PROLOG_ITEM = re.compile(rb"\s+|<\?.*?\?>|<!--.*?-->", re.S)
_ROOT_TAG = re.compile(rb"<([A-Za-z_][\w:.-]*)")
_FEED_ROOTS = {"rss", "feed", "rdf", "channel"}  # local names, any prefix
_HTML_ROOTS = {"html", "head", "body"}
_TAG = re.compile(r"<[^<>]*>")
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_LOOKS_HTML = re.compile(r"</?[A-Za-z][^<>]*>|&(#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")
_LINK_TAG = re.compile(rb"<link\b[^<>]*>", re.I)
_ATTRIBUTE = re.compile(rb"""(?<![\w:.-])([A-Za-z_:][\w:.-]*)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""")
_FEED_TYPES = {b"application/rss+xml", b"application/atom+xml", b"application/rdf+xml"}
_BARE_AMPERSAND = re.compile(rb"&(?!#[0-9]{1,8};|#x[0-9A-Fa-f]{1,8};|[A-Za-z][A-Za-z0-9]{0,31};)")
_NAMED_ENTITY = re.compile(rb"&([A-Za-z][A-Za-z0-9]{0,31});")
_XML_ENCODING = re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)")
# Anything clean_text would change; most feed text has none, and skipping it halves the cost.
_NEEDS_CLEANING = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\xa0\u200b\u2028\u2029\ufeff]")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._-]+)", re.I)


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
    """Parse RSS/Atom bytes; SourceError for HTML pages, DTDs/entities and malformed feeds."""
    where = _oneline(url)[:300] or "feed"
    if not data.strip():
        raise SourceError(f"{where}: empty feed")
    utf8 = _to_utf8(data, content_type)
    if _HTML_DOCTYPE.match(utf8, _skip_prolog(utf8)):
        raise _html_page(utf8, url, where)
    if _DECLARATION.search(_without_cdata(utf8)):
        raise SourceError(f"{where}: feed declares a DTD/entities; refused")
    root = _root_element(utf8)
    if root in _HTML_ROOTS:
        raise _html_page(utf8, url, where)
    if root is None:
        raise SourceError(f"{where}: malformed feed (no XML element found)")
    if root.rsplit(":", 1)[-1] not in _FEED_ROOTS:
        raise SourceError(f"{where}: not an RSS or Atom feed (its root element is "
                          f"<{_oneline(root)[:40]}>)")
    base = url if url.startswith(("http://", "https://")) else ""
    tree = read_tree(utf8, base, MAX_ENTRIES)
    if tree is None:
        repaired = _repair_entities(utf8)
        tree = read_tree(repaired, base, MAX_ENTRIES) if repaired != utf8 else None
    if tree is None and utf8.count(b"<") > MAX_LENIENT_TAGS:
        raise SourceError(f"{where}: malformed feed (too large to read leniently)")
    feed, entries = tree if tree is not None else _with_feedparser(utf8, url, where)
    return ParsedFeed(
        title=_plain(feed.get("title", ""), feed.get("title_type", "text"))[:MAX_TITLE],
        link=_http_link(feed.get("link", "")),
        entries=[_entry(e) for e in entries[:MAX_ENTRIES]],
    )


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


def _to_utf8(data: bytes, content_type: str) -> bytes:
    """The document as UTF-8, decoded the way feedparser would (BOM, XML declaration, HTTP)."""
    if data.startswith(b"\xef\xbb\xbf"):  # a UTF-8 byte order mark
        data = data[3:]
    declared = _XML_ENCODING.match(data[:200])
    charset = _CHARSET.search(content_type)
    if not data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00", b"\x4c\x6f")) \
            and (declared is None or declared.group(1).lower() in (b"utf-8", b"utf8", b"us-ascii"))\
            and (charset is None or charset.group(1).lower() in ("utf-8", "utf8", "us-ascii")):
        try:
            data.decode("utf-8")
            return data
        except UnicodeDecodeError:
            pass
    from feedparser.encodings import convert_to_utf8

    try:
        return convert_to_utf8({"content-type": content_type} if content_type else {}, data, {})
    except Exception:  # an odd declared encoding: fall back to a lenient decode
        return data.decode("utf-8", "replace").encode("utf-8")


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


def _repair_entities(utf8: bytes) -> bytes:
    """The commonest breakage, fixed: a bare `&` escaped, HTML's named entities (&nbsp;,
    &eacute;) turned into character references XML knows. Linear; no entity is expanded."""
    escaped = _BARE_AMPERSAND.sub(b"&amp;", utf8)
    return _NAMED_ENTITY.sub(_as_char_ref, escaped)


def _as_char_ref(m: re.Match[bytes]) -> bytes:
    name = m.group(1).decode("ascii")
    if name in ("amp", "lt", "gt", "quot", "apos"):
        return m.group(0)
    codepoint = name2codepoint.get(name)
    return f"&#{codepoint};".encode() if codepoint else b"&amp;" + m.group(1) + b";"


def _skip_prolog(utf8: bytes) -> int:
    """Offset of the first thing after the XML declaration, PIs, comments and whitespace."""
    pos = 0
    while True:
        m = _PROLOG_ITEM.match(utf8, pos)
        if not m or m.end() == pos:
            return pos
        pos = m.end()


def _root_element(utf8: bytes) -> str | None:
    m = _ROOT_TAG.match(utf8, _skip_prolog(utf8))
    return m.group(1).decode("utf-8", "replace").lower() if m else None


def _without_cdata(utf8: bytes) -> bytes:
    """The document with its CDATA sections cut out (their text is never markup).

    A loop over find() rather than a regex: linear even for thousands of unclosed sections.
    An unclosed section is kept, so whatever follows it is still checked."""
    parts, pos = [], 0
    while True:
        start = utf8.find(b"<![CDATA[", pos)
        if start < 0:
            break
        end = utf8.find(b"]]>", start + 9)
        if end < 0:
            break
        parts.append(utf8[pos:start])
        pos = end + 3
    parts.append(utf8[pos:])
    return b"".join(parts)


def _entry(e: dict[str, Any]) -> FeedEntry:
    summary = _body(e.get("summary", ""))
    published = e.get("published")
    return FeedEntry(
        guid=_oneline(e.get("id", ""))[:MAX_URLISH],
        link=_http_link(e.get("link", "")),
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
    if _NEEDS_CLEANING.search(value) or not (
            value.isascii() or unicodedata.is_normalized("NFC", value)):
        return clean_text(value)
    return value


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

