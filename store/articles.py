"""Article identity and the shape of stored article documents.

Ids are stable: 16 hex digits of a SHA-1 over the canonical URL (lower-case scheme and host,
no fragment, no utm_* parameters) or, for a file or a text, over its content. Bodies and
analyses live in shard files apart from the index: an article's in `bodies/<first two hex
digits>.json`, a feed entry's in its feed's chunk files (`chunks/<feed>-<n>.json`, written once
per merge) with its analysis cached later in `analyses/<..>.json`; quote/speaker digests in
`quotes/<..>.json`. Opening the store reads only the index.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from collections.abc import Callable
from pathlib import PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .errors import BylineError, SourceError
from .records import ArticleRef, FeedEntry

if TYPE_CHECKING:  # the engine is imported when something is analysed, not to list articles
    from analysis import Analysis

INDEX = "index.json"
CHUNK_SIZE = 250  # feed entry bodies per chunk file
CHUNK_BYTES = 2_000_000  # and about this much text
SUMMARY_CHARS = 400  # a feed entry's summary kept in the index, for listing and relatedness


def canonical_url(url: str) -> str:
    """The URL with scheme and host lower-cased, fragment and utm_* tracking parameters dropped."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if parts.port and (parts.scheme.lower(), parts.port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{parts.port}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not k.lower().startswith("utm_")]
    path = parts.path or "/"
    return urlunsplit((parts.scheme.lower(), host, path, urlencode(query), ""))


def digest(data: bytes | str) -> str:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.sha1(raw).hexdigest()[:16]


def url_id(url: str) -> str:
    return digest("url:" + canonical_url(url))


def content_id(data: bytes | str) -> str:
    return digest(data)


def entry_id(feed_url: str, entry: FeedEntry) -> str:
    """A feed entry's id: from its link, else its guid within the feed, else its content."""
    if entry.link.startswith(("http://", "https://")):
        return url_id(entry.link)
    if entry.guid:
        return digest(f"guid:{feed_url}\n{entry.guid}")
    return content_id(entry_hash(entry))


def entry_hash(entry: FeedEntry) -> str:
    """What makes two entries the same content when they have neither guid nor link in common."""
    return digest("\n".join((entry.title.strip(), entry.summary.strip(), entry.content.strip())))


def shard_of(article_id: str) -> str:
    return article_id[:2] if len(article_id) >= 2 else "00"


def body_file(article_id: str) -> str:
    return f"bodies/{shard_of(article_id)}.json"


def quotes_file(article_id: str) -> str:
    return f"quotes/{shard_of(article_id)}.json"


def analysis_file(article_id: str) -> str:
    """Where a feed entry's analysis is cached (a standalone article keeps it in its body)."""
    return f"analyses/{shard_of(article_id)}.json"


def body_file_of(doc: dict[str, Any]) -> str:
    """A feed entry's body lives in its feed's chunk file; an article's in its id shard."""
    return doc.get("body") or body_file(doc["id"])


class ChunkAllocator:
    """Chunk files for a feed's entry bodies: entries merged together land in the same few
    files (a 5,000-entry merge writes 20 files, not 256 shards), filling the feed's last chunk
    before starting the next; a chunk holds at most CHUNK_SIZE entries or about CHUNK_BYTES,
    so opening one entry never parses a huge file."""

    def __init__(self, feed_url: str, used_bodies: list[str], last_size: Callable[[str], int],
                 ) -> None:
        self.prefix = f"chunks/{digest('feed:' + feed_url)[:8]}-"
        counts = Counter(name for name in used_bodies if name.startswith(self.prefix))
        self.number, self.used, self.bytes = 0, 0, 0
        if counts:
            last = max(counts)
            self.number = int(last[len(self.prefix):-len(".json")])
            self.used, self.bytes = counts[last], last_size(last)

    def next(self, size: int) -> str:
        if self.used and (self.used >= CHUNK_SIZE or self.bytes + size > CHUNK_BYTES):
            self.number, self.used, self.bytes = self.number + 1, 0, 0
        self.used += 1
        self.bytes += size
        return f"{self.prefix}{self.number:05d}.json"


def ref_from_doc(doc: dict[str, Any], read: bool = False,
                 feed_titles: dict[str, str] | None = None) -> ArticleRef:
    return ArticleRef(
        id=doc["id"], title=doc.get("title", ""), published=doc.get("published", ""),
        source=doc.get("source", ""), link=doc.get("link", ""),
        feed_url=doc.get("feed_url", ""), guid=doc.get("guid", ""), read=read,
        site=site_name(doc, feed_titles or {}),
    )


def site_name(doc: dict[str, Any], feed_titles: dict[str, str]) -> str:
    """Where an article comes from, as a reader names it: its feed's title, else the host of
    its link (without "www."), else the name of the file it was read from."""
    feed_url = doc.get("feed_url", "")
    if feed_url and feed_titles.get(feed_url):
        return feed_titles[feed_url]
    for url in (doc.get("link", ""), feed_url, doc.get("source", "")):
        if url.startswith(("http://", "https://")):
            host = urlsplit(url).hostname or ""
            return host.removeprefix("www.")
    source = doc.get("source", "") or feed_url
    return PurePath(source).name if source else ""


_LISTED_TITLE = 90  # characters of a story's opening that stand for a missing headline


def listed_title(title: str, paragraphs: list[str], source: str) -> str:
    """How the article list names an article: its title; for copy without a headline, the
    opening words of its story; else its file's name."""
    if title.strip():
        return title.strip()
    opening = paragraphs[0].strip() if paragraphs else ""
    if len(opening) > _LISTED_TITLE:
        opening = opening[:_LISTED_TITLE].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
    return opening or PurePath(source).name or "(untitled)"


def index_doc(article_id: str, *, title: str, published: str, source: str, link: str = "",
              feed_url: str = "", guid: str = "", kind: str = "text", summary: str = "",
              content_hash: str = "", added: float = 0.0, body: str = "") -> dict[str, Any]:
    doc = {
        "id": article_id, "title": title, "published": published, "source": source,
        "link": link, "feed_url": feed_url, "guid": guid, "kind": kind,
        "summary": summary[:SUMMARY_CHARS], "hash": content_hash, "added": added,
    }
    if feed_url:
        doc["feeds"] = [feed_url]
    if body:
        doc["body"] = body
    return doc


def entry_feeds(doc: dict[str, Any]) -> list[str]:
    """Every feed that carries this article: an article is stored once, however many feeds
    link to it. `feed_url` is the first of them (the one its body was stored with); a
    schema 1 document names only that one."""
    feeds = doc.get("feeds")
    if feeds is not None:
        return feeds
    return [doc["feed_url"]] if doc.get("feed_url") else []


def current_engine() -> int:
    """The analysis engine's version, read when asked (the store stamps analyses with it)."""
    import analysis

    return analysis.ENGINE_VERSION


def engine_of(stamped: dict[str, Any]) -> int:
    """The engine version a stored analysis, body or digest was stamped with; 0 when unstamped
    (everything stored before stamps existed counts as made by an older engine)."""
    engine = stamped.get("engine", 0)
    return engine if isinstance(engine, int) else 0


def quote_digest(analysis: dict[str, Any], title: str, published: str,
                 engine: int) -> dict[str, Any]:
    """What speakers, quotes and search need of an analysis (an `Analysis.to_dict()`), small
    enough to load in bulk; stamped with the engine version that made the analysis."""
    return {
        "title": title,
        "published": published,
        "engine": engine,
        "speakers": [
            {"id": s["id"], "name": s["name"], "role": s.get("role", ""),
             "kind": s.get("kind", "person"), "aliases": list(s.get("aliases", []))}
            for s in analysis.get("speakers", [])
        ],
        "quotes": [
            {"id": q["id"], "text": q["text"], "speaker_id": q.get("speaker_id", ""),
             "speaker": q.get("speaker", "")}
            for q in analysis.get("quotes", [])
        ],
    }


def text_of(analysis: dict[str, Any]) -> str:
    """An article's text rebuilt from its analysis (title, then paragraphs), for analysing it
    again when only the analysis was stored."""
    return "\n\n".join(p for p in [analysis.get("title", ""), *analysis.get("paragraphs", [])]
                       if p)


def sort_key(doc: dict[str, Any]) -> tuple[str, float]:
    """Newest first: by published date (an undated article by when it was added, so it sits
    among the articles of that day, not at the bottom), then by when it was added."""
    added = doc.get("added") or 0.0
    published = doc.get("published") or (
        time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(added)) if added else "")
    return (published, added)


def analyze_safely(text: str, *, kind: str, url: str = "", title: str = "",
                   published: str = "", where: str = "", strict: bool = True) -> Analysis:
    """Run the analysis engine; a failure becomes a one-line SourceError (or, when not strict,
    a bare analysis holding the text, so a stored entry always opens)."""
    from analysis import Analysis, Article, analyze

    try:
        return analyze(text, kind=kind, url=url, title=title, published=published)
    except BylineError:
        raise
    except Exception as exc:  # the engine is not ours: never let it crash the store
        if strict:
            raise SourceError(f"{where or 'text'}: could not analyse it "
                              f"({type(exc).__name__})") from None
        paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
        return Analysis(Article(title=title, published=published, url=url,
                                paragraphs=paragraphs))

