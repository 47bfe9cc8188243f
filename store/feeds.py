"""Feeds and their entries on the storage side (fetching and parsing are store.refresh and
store.feedparse). Entries are stored as articles with feed_url/guid/link set; they are analysed
later, on first access or in bulk, so merging thousands of entries stays fast."""

from __future__ import annotations

import html
import re
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .articles import (
    INDEX,
    ChunkAllocator,
    entry_hash,
    entry_id,
    index_doc,
    ref_from_doc,
)
from .db import keyed
from .errors import SourceError
from .records import ArticleRef, FeedEntry, FeedRecord
from .sources import Source, is_url, read_file

if TYPE_CHECKING:
    from .library import Library

FEEDS = "feeds.json"
FEED_FIELDS = ("title", "etag", "last_modified", "last_fetch", "last_error", "link")
_TAG = re.compile(r"<[^<>]+>")  # [^<>]: stays linear on floods of stray "<"


def clean_text(text: str) -> str:
    """The analysis engine's text cleaner, imported on first use: listing feeds and articles
    (what the reader does first) needs none of the engine."""
    from analysis import clean_text as clean

    return clean(text)


def feed_key(url_or_path: str) -> str:
    """How a feed is keyed: its URL as given, or a file's absolute path."""
    target = url_or_path.strip()
    if is_url(target):
        return target
    return str(Path(target).expanduser().resolve())


def plain(text: str) -> str:
    """Feed summaries are often HTML: tags out, entities decoded, spaces collapsed."""
    return " ".join(clean_text(html.unescape(_TAG.sub(" ", text))).split())


def _table(lib: Library) -> Any:
    return lib.files.table(FEEDS, "feeds")


def _record(doc: dict[str, Any], counts: Counter[str], unread: dict[str, int]) -> FeedRecord:
    fields = {k: doc.get(k, "") for k in FEED_FIELDS}
    return FeedRecord(url=doc["url"], entry_count=counts.get(doc["url"], 0),
                      unread=unread.get(doc["url"], 0), hidden=doc.get("hidden") is True,
                      **fields)


def feeds(lib: Library) -> list[FeedRecord]:
    counts = Counter(d.get("feed_url", "") for d in lib.index_docs())
    unread = unread_by_feed(lib)
    docs = sorted(_table(lib).all(), key=lambda d: (d.get("title", "").casefold(), d["url"]))
    return [_record(d, counts, unread) for d in docs]


def feed(lib: Library, url: str) -> FeedRecord | None:
    key = feed_key(url)
    doc = _table(lib).get(doc_id=key)
    if doc is None:
        return None
    count = sum(1 for d in lib.index_docs() if d.get("feed_url") == key)
    return _record(doc, Counter({key: count}), unread_by_feed(lib))


def unread_by_feed(lib: Library) -> dict[str, int]:
    """Unread entries per feed URL ("" for the articles added by hand)."""
    from .library import STATE

    read = lib.files.raw(STATE, "read")
    counts: Counter[str] = Counter()
    for doc in lib.index_docs():
        if doc["id"] not in read:
            counts[doc.get("feed_url", "")] += 1
    return dict(counts)


def hidden_feeds(lib: Library) -> set[str]:
    """URLs of the feeds whose entries the list of all articles leaves out."""
    return {url for url, doc in lib.files.raw(FEEDS, "feeds").items() if doc.get("hidden") is True}


def feed_titles(lib: Library) -> dict[str, str]:
    return {url: doc.get("title", "") for url, doc in lib.files.raw(FEEDS, "feeds").items()}


def set_hidden(lib: Library, url: str, hidden: bool) -> None:
    key = feed_key(url)
    with lib.files.writing():
        table = _table(lib)
        if table.get(doc_id=key) is None:
            raise SourceError(f"{url}: no such feed in the store")
        table.update({"hidden": bool(hidden)}, doc_ids=[key])


def _ensure(lib: Library, key: str, title: str = "", link: str = "") -> None:
    table = _table(lib)
    doc = table.get(doc_id=key)
    if doc is None:
        fields = dict.fromkeys(FEED_FIELDS, "")
        fields.update(url=key, title=clean_text(title).strip(), link=link, added=time.time())
        table.insert(keyed(key, fields))
    elif (title and not doc.get("title")) or (link and not doc.get("link")):
        table.update({"title": doc.get("title") or clean_text(title).strip(),
                      "link": doc.get("link") or link}, doc_ids=[key])


def add_feed(lib: Library, url_or_path: str, title: str = "") -> FeedRecord:
    key = feed_key(url_or_path)
    if is_url(key):
        with lib.files.writing():
            _ensure(lib, key, title)
    else:
        source = read_file(key)
        if source.kind != "feed":
            raise SourceError(f"{url_or_path}: not an RSS or Atom feed")
        add_feed_source(lib, source, title)
    found = feed(lib, key)
    assert found is not None
    return found


def add_feed_source(lib: Library, source: Source, title: str = "") -> list[ArticleRef]:
    """A feed read from a file or URL: record it and store its entries; all its entry refs."""
    from .feedparse import parse_feed

    key = source.url or feed_key(source.location)
    parsed = parse_feed(source.raw, source.url)
    with lib.files.batch():
        _ensure(lib, key, title or parsed.title, getattr(parsed, "link", ""))
        new_ids = set(merge_entries(lib, key, parsed.entries))
        lib.update_feed(key, last_fetch=_now(), last_error="")
    ids = [entry_id(key, e) for e in parsed.entries]
    refs = []
    read_ids = lib._read_ids()
    for article_id in dict.fromkeys(ids):
        doc = lib.index.get(doc_id=article_id)
        if doc is not None:
            ref = ref_from_doc(doc, article_id in read_ids)
            ref.new = article_id in new_ids
            refs.append(ref)
    return refs


def remove_feed(lib: Library, url: str) -> bool:
    key = feed_key(url)
    with lib.files.writing():  # not one batch: entries go index first, bodies after
        table = _table(lib)
        if table.get(doc_id=key) is None:
            return False
        lib.remove_articles([d["id"] for d in lib.index_docs() if d.get("feed_url") == key])
        table.remove(doc_ids=[key])
    return True


def update_feed(lib: Library, url: str, **fields: Any) -> None:
    unknown = set(fields) - set(FEED_FIELDS)
    if unknown:
        raise ValueError(f"unknown feed fields: {', '.join(sorted(unknown))}")
    key = feed_key(url)
    with lib.files.writing():
        table = _table(lib)
        if table.get(doc_id=key) is None:
            raise SourceError(f"{url}: no such feed in the store")
        clean = {k: clean_text(str(v or "")).strip() for k, v in fields.items()}
        table.update(clean, doc_ids=[key])


def merge_entries(lib: Library, feed_url: str, entries: list[FeedEntry]) -> list[str]:
    """Store the entries not seen before (same guid, else link, else content); their ids.

    One batch: each touched body shard and the index are written once."""
    key = feed_key(feed_url)
    with lib.files.batch():
        docs = lib.index_docs()
        known_ids = {d["id"] for d in docs}
        mine = [d for d in docs if d.get("feed_url") == key]
        guids = {d["guid"] for d in mine if d.get("guid")}
        links = {d["link"] for d in mine if d.get("link")}
        hashes = {d["hash"] for d in mine if d.get("hash")}
        now = time.time()
        new_docs = []
        bodies: dict[str, dict[str, dict[str, Any]]] = {}
        chunks = ChunkAllocator(key, [d.get("body", "") for d in mine], lib.files.size)
        for n, entry in enumerate(entries):
            link = entry.link.strip()
            content_hash = entry_hash(entry)
            article_id = entry_id(key, entry)
            # article_id comes from the canonical link when there is one, so the id check
            # also catches the same link with tracking parameters or another fragment
            if ((entry.guid and entry.guid in guids) or (link and link in links)
                    or content_hash in hashes or article_id in known_ids):
                continue
            guids.add(entry.guid)
            links.add(link)
            hashes.add(content_hash)
            known_ids.add(article_id)
            summary = plain(entry.summary) or plain(entry.content)[:400]
            title = clean_text(entry.title).strip() or summary[:80] or "(untitled)"
            text = entry.content or entry.summary
            chunk = chunks.next(len(text))
            bodies.setdefault(chunk, {})[article_id] = {"kind": "entry", "text": text}
            new_docs.append(keyed(article_id, index_doc(
                article_id, title=title, published=entry.published.strip(),
                source=link or key, link=link, feed_url=key, guid=entry.guid.strip(),
                kind="entry", summary=summary, content_hash=content_hash,
                added=now - n * 1e-6, body=chunk)))
        for name, docs_of_shard in bodies.items():
            lib.files.table(name, "bodies").put_many(docs_of_shard)
        if new_docs:
            lib.files.table(INDEX, "articles").insert_multiple(new_docs)
    return [str(d.doc_id) for d in new_docs]


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
