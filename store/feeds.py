"""Feeds and their entries on the storage side (fetching and parsing are store.refresh and
store.feedparse). Entries are stored as articles with feed_url/guid/link set; they are analysed
later, on first access or in bulk, so merging thousands of entries stays fast. An article is
stored once however many feeds carry it: each feed lists and counts every entry it carries
(`entry_feeds`), as newsboat does."""

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
    entry_feeds,
    entry_hash,
    entry_id,
    index_doc,
    ref_from_doc,
)
from .db import keyed
from .errors import SourceError
from .feedbytes import FeedBytes
from .records import ArticleRef, FeedEntry, FeedRecord
from .sources import Source, is_url, read_file

if TYPE_CHECKING:
    from .feedparse import FeedReading
    from .library import Library

FEEDS = "feeds.json"
FEED_FIELDS = ("title", "etag", "last_modified", "last_fetch", "last_error", "link")
BATCH = 5_000  # entries stored per write when a feed is streamed: bounds the memory it needs
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
                      max_size=doc.get("max_size", 0), unread=unread.get(doc["url"], 0),
                      hidden=doc.get("hidden") is True, **fields)


def feeds(lib: Library) -> list[FeedRecord]:
    counts = Counter(url for d in lib.index_docs() for url in entry_feeds(d))
    unread, _ = unread_by_feed(lib)
    docs = sorted(_table(lib).all(), key=lambda d: (d.get("title", "").casefold(), d["url"]))
    return [_record(d, counts, unread) for d in docs]


def feed(lib: Library, url: str) -> FeedRecord | None:
    key = feed_key(url)
    doc = _table(lib).get(doc_id=key)
    if doc is None:
        return None
    count = sum(1 for d in lib.index_docs() if key in entry_feeds(d))
    return _record(doc, Counter({key: count}), unread_by_feed(lib)[0])


def unread_by_feed(lib: Library, hidden: set[str] | frozenset[str] = frozenset()
                   ) -> tuple[dict[str, int], int]:
    """Unread entries per feed URL, an entry counted in every feed that carries it ("" for
    the articles added by hand); and how many unread entries a feed not hidden carries."""
    from .library import STATE

    read = lib.files.raw(STATE, "read")
    counts: Counter[str] = Counter()
    total = 0
    for doc in lib.index_docs():
        if doc["id"] not in read:
            carriers = entry_feeds(doc) or [""]
            counts.update(carriers)
            total += any(url not in hidden for url in carriers)
    return dict(counts), total


def hidden_feeds(lib: Library) -> set[str]:
    """URLs of the feeds whose entries the list of all articles leaves out."""
    return {url for url, doc in lib.files.raw(FEEDS, "feeds").items() if doc.get("hidden") is True}


def only_in_hidden(doc: dict[str, Any], hidden: set[str]) -> bool:
    """Whether every feed that carries an entry is hidden (an article added by hand never
    is)."""
    carriers = entry_feeds(doc)
    return bool(carriers) and all(url in hidden for url in carriers)


def feed_titles(lib: Library) -> dict[str, str]:
    return {url: doc.get("title", "") for url, doc in lib.files.raw(FEEDS, "feeds").items()}


def set_hidden(lib: Library, url: str, hidden: bool) -> None:
    key = feed_key(url)
    with lib.files.writing():
        table = _table(lib)
        if table.get(doc_id=key) is None:
            raise SourceError(f"{url}: no such feed in the store")
        table.update({"hidden": bool(hidden)}, doc_ids=[key])


def _new_feed(key: str, title: str = "", link: str = "") -> dict[str, Any]:
    fields: dict[str, Any] = dict.fromkeys(FEED_FIELDS, "")
    fields.update(url=key, title=clean_text(title).strip(), link=link, added=time.time())
    return fields


def _ensure(lib: Library, key: str, title: str = "", link: str = "") -> None:
    table = _table(lib)
    doc = table.get(doc_id=key)
    if doc is None:
        table.insert(keyed(key, _new_feed(key, title, link)))
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


def add_feeds(lib: Library, listed: list[tuple[str, str]]) -> list[str]:
    """Follow many feed URLs at once (an OPML import): one write, whatever their number.
    Returns the URLs not followed before."""
    with lib.files.writing():
        known = lib.files.raw(FEEDS, "feeds")
        fresh: dict[str, dict[str, Any]] = {}
        for url, title in listed:
            key = feed_key(url)
            if is_url(key) and key not in known and key not in fresh:
                fresh[key] = _new_feed(key, title)
        _table(lib).put_many(fresh)
    return list(fresh)


def add_feed_source(lib: Library, source: Source, title: str = "") -> list[ArticleRef]:
    """A feed read from a file or URL: record it and store its entries; all its entry refs
    (`new` when the feed did not carry that entry before)."""
    from .feedparse import FeedReading

    key = source.url or feed_key(source.location)
    data = FeedBytes.file(source.path) if source.path is not None \
        else FeedBytes.memory(source.raw)
    reading = FeedReading(data, source.url, batch=BATCH, where=source.location)
    ids, new_ids = store_reading(lib, key, reading, title)
    index = lib.files.raw(INDEX, "articles")
    read_ids = lib._read_ids()
    refs = []
    for article_id in dict.fromkeys(ids):
        doc = index.get(article_id)
        if doc is not None:
            ref = ref_from_doc(doc, article_id in read_ids)
            ref.new = article_id in new_ids
            refs.append(ref)
    return refs


def store_reading(lib: Library, key: str, reading: FeedReading, title: str = "",
                  **fields: Any) -> tuple[list[str], set[str]]:
    """Store a feed's entries batch by batch as they are read, each batch its own write and
    its body chunks then let go from memory, so a feed file of any size is stored in bounded
    memory. The feed is recorded with its first batch: a feed unusable from its start (not a
    feed, entities declared) stores nothing. `fields` go to the feed record at the end.
    Returns (the id of every entry read, the ids new to this feed)."""
    now = time.time()
    read_ids: list[str] = []
    new_ids: set[str] = set()
    for batch in reading:
        with lib.files.batch():
            _ensure(lib, key, title or reading.title, reading.link)
            new_ids.update(merge_entries(lib, key, batch, now=now, first=len(read_ids),
                                         seen=read_ids))
        lib.files.let_go_of_shards()
    with lib.files.batch():
        _ensure(lib, key, title or reading.title, reading.link)  # final once all is read
        update_feed(lib, key, last_fetch=_now(), last_error="", **fields)
    return read_ids, new_ids


def remove_feed(lib: Library, url: str) -> bool:
    """Stop following a feed: the entries no other feed carries go, the others stay."""
    key = feed_key(url)
    with lib.files.writing():  # not one batch: entries go index first, bodies after
        table = _table(lib)
        if table.get(doc_id=key) is None:
            return False
        carried = [d for d in lib.index_docs() if key in entry_feeds(d)]
        gone = [d["id"] for d in carried if entry_feeds(d) == [key] and d.get("feed_url")]
        kept = {d["id"]: _without_feed(d, key) for d in carried if d["id"] not in gone}
        with lib.files.batch():
            lib.files.table(INDEX, "articles").put_many(kept)
        lib.remove_articles(gone)
        table.remove(doc_ids=[key])
    return True


def _without_feed(doc: dict[str, Any], key: str) -> dict[str, Any]:
    """An index document no longer carried by feed key (another feed, or the user, keeps it)."""
    others = [url for url in entry_feeds(doc) if url != key]
    changed = {**doc, "feeds": others}
    if doc.get("feed_url") == key:
        changed["feed_url"] = others[0]
    if not others:
        del changed["feeds"]
    return changed


def update_feed(lib: Library, url: str, **fields: Any) -> None:
    unknown = set(fields) - set(FEED_FIELDS) - {"max_size"}
    if unknown:
        raise ValueError(f"unknown feed fields: {', '.join(sorted(unknown))}")
    key = feed_key(url)
    with lib.files.writing():
        table = _table(lib)
        if table.get(doc_id=key) is None:
            raise SourceError(f"{url}: no such feed in the store")
        clean = {k: clean_text(str(v or "")).strip() for k, v in fields.items()
                 if k != "max_size"}
        if "max_size" in fields:
            clean["max_size"] = max(int(fields["max_size"] or 0), 0)
        table.update(clean, doc_ids=[key])


def carried_by(lib: Library, urls: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The index documents each of these feeds carries, in one pass over the index (for
    merging many feeds at once: merge_entries alone looks at the whole index each time)."""
    keys = {feed_key(url) for url in urls}
    out: dict[str, list[dict[str, Any]]] = {key: [] for key in keys}
    for doc in lib.files.raw(INDEX, "articles").values():
        for key in entry_feeds(doc):
            if key in keys:
                out[key].append(doc)
    return out


def merge_entries(lib: Library, feed_url: str, entries: list[FeedEntry], *,
                  now: float | None = None, first: int = 0, seen: list[str] | None = None,
                  carried: list[dict[str, Any]] | None = None) -> list[str]:
    """Store the entries this feed did not carry before (same guid, else link, else content);
    their ids. An entry stored already for another feed (or added by the user) is not stored
    again: this feed is added to the feeds that carry it. `first` is the position of the first
    entry in the feed (entries of one date are listed in feed order); `seen`, when given, gets
    the id of every entry; `carried`, when given, is what carried_by found for this feed.

    One batch: each touched body shard and the index are written once."""
    key = feed_key(feed_url)
    with lib.files.batch():
        index = lib.files.raw(INDEX, "articles")
        mine = carried if carried is not None \
            else [d for d in index.values() if key in entry_feeds(d)]
        guids = {d["guid"] for d in mine if d.get("guid")}
        links = {d["link"] for d in mine if d.get("link")}
        hashes = {d["hash"] for d in mine if d.get("hash")}
        now = time.time() if now is None else now
        changed: dict[str, dict[str, Any]] = {}  # new documents, and others this feed carries
        new_ids: list[str] = []
        bodies: dict[str, dict[str, dict[str, Any]]] = {}
        chunks = ChunkAllocator(key, [d.get("body", "") for d in mine], lib.files.size)
        for n, entry in enumerate(entries, first):
            link = entry.link.strip()
            content_hash = entry_hash(entry)
            article_id = entry_id(key, entry)
            if seen is not None:
                seen.append(article_id)
            # article_id comes from the canonical link when there is one, so the id check
            # also catches the same link with tracking parameters or another fragment
            if ((entry.guid and entry.guid in guids) or (link and link in links)
                    or content_hash in hashes):
                continue
            guids.add(entry.guid)
            links.add(link)
            hashes.add(content_hash)
            stored = changed.get(article_id) or index.get(article_id)
            if stored is not None:
                if key not in entry_feeds(stored):  # stored for another feed: carried here too
                    changed[article_id] = {**stored, "feeds": [*entry_feeds(stored), key]}
                    new_ids.append(article_id)
                continue
            summary = plain(entry.summary) or plain(entry.content)[:400]
            title = clean_text(entry.title).strip() or summary[:80] or "(untitled)"
            text = entry.content or entry.summary
            chunk = chunks.next(len(text))
            bodies.setdefault(chunk, {})[article_id] = {"kind": "entry", "text": text}
            changed[article_id] = index_doc(
                article_id, title=title, published=entry.published.strip(),
                source=link or key, link=link, feed_url=key, guid=entry.guid.strip(),
                kind="entry", summary=summary, content_hash=content_hash,
                added=now - n * 1e-6, body=chunk)
            new_ids.append(article_id)
        for name, docs_of_shard in bodies.items():
            lib.files.table(name, "bodies").put_many(docs_of_shard)
        lib.files.table(INDEX, "articles").put_many(changed)
    return new_ids


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
