"""Refreshing feeds: fetch and parse concurrently (bounded), store from the calling thread.

Workers only fetch and parse; every store write happens in the thread that called
`refresh_feeds`, one batch per feed, so the store never sees concurrent writers. A feed that
fails gets its one-line message as `last_error` and the others carry on. A 304 (or an
unchanged feed file) costs one small write: `last_fetch`.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import BylineError, SourceError, StoreError, shown
from .feedparse import NotAFeedError, ParsedFeed, parse_feed
from .feeds import add_feed_source
from .fetch import DEFAULT_LIMITS, FetchLimits, fetch, make_client
from .records import FeedRecord, FeedResult, RefreshReport
from .sources import Source, is_url

if TYPE_CHECKING:
    import httpx

    from .library import Library

MAX_WORKERS = 8
# validators we make ourselves and keep in the etag field: never sent to a server
_LOCAL_TOKENS = ("sha1:", "file:")
Progress = Callable[[int, int, str], None]


@dataclass
class Fetched:
    """What a worker hands back for one feed: parsed entries, or why not."""

    url: str
    status: str  # "ok" | "not-modified" | "error"
    parsed: ParsedFeed | None = None
    etag: str = ""
    last_modified: str = ""
    error: str = ""  # one line, without the URL in front


def fetch_feed(feed: FeedRecord, client: httpx.Client | None = None,
               limits: FetchLimits = DEFAULT_LIMITS) -> Fetched:
    """Fetch (conditionally) and parse one feed; never raises for a bad feed."""
    try:
        return _fetch_and_parse(feed, client, limits)
    except BylineError as exc:
        return Fetched(feed.url, "error", error=reason(str(exc), feed.url))
    except Exception as exc:  # a hostile feed must not take the whole refresh down
        return Fetched(feed.url, "error", error=f"cannot be read ({type(exc).__name__})")


def reason(message: str, url: str) -> str:
    """An error message without the leading "URL: ": results and last_error sit beside the
    feed's URL already (in `feeds list`, in the reader), so it need not be said twice."""
    cleaned = shown(url, limit=None)
    for prefix in (url, cleaned, cleaned[:300]):
        if message.startswith(prefix + ": "):
            return message[len(prefix) + 2:]
    return message


def _fetch_and_parse(feed: FeedRecord, client: httpx.Client | None,
                     limits: FetchLimits) -> Fetched:
    """fetch_feed's work; raises SourceError (NotAFeedError for an HTML page)."""
    if not is_url(feed.url):
        return _read_feed_file(feed, limits)
    ours = feed.etag.startswith(_LOCAL_TOKENS)  # a digest of our own, not the server's
    result = fetch(feed.url, etag="" if ours else feed.etag,
                   last_modified=feed.last_modified, client=client, limits=limits)
    if result.not_modified:
        return Fetched(feed.url, "not-modified", etag=feed.etag if ours else result.etag,
                       last_modified=result.last_modified)
    # A server without validators resends the same bytes: a digest spares parsing them
    digest = "sha1:" + hashlib.sha1(result.body).hexdigest()
    if digest == feed.etag:
        return Fetched(feed.url, "not-modified", etag=result.etag or digest,
                       last_modified=result.last_modified)
    parsed = parse_feed(result.body, feed.url, result.content_type)
    return Fetched(feed.url, "ok", parsed, result.etag or digest, result.last_modified)


def _read_feed_file(feed: FeedRecord, limits: FetchLimits) -> Fetched:
    """A feed file: its mtime and size play the part of an ETag."""
    path = Path(feed.url)
    try:
        st = path.stat()
        token = file_token(st)
        if token == feed.etag:
            return Fetched(feed.url, "not-modified", etag=token)
        if st.st_size > limits.max_bytes:
            raise SourceError(f"{feed.url}: feed file larger than the size cap")
        with path.open("rb") as handle:
            data = handle.read(limits.max_bytes + 1)
    except FileNotFoundError:
        raise SourceError(f"{feed.url}: feed file no longer exists") from None
    except OSError as exc:
        raise SourceError(f"{feed.url}: cannot read ({exc.strerror or exc})") from None
    return Fetched(feed.url, "ok", parse_feed(data, feed.url), etag=token)


def file_token(st: os.stat_result) -> str:
    return f"file:{st.st_mtime_ns}:{st.st_size}"


def store_fetched(lib: Library, fetched: Fetched, stored_title: str = "") -> FeedResult:
    """Write what one fetch brought: entries and validators in one batch, or the error."""
    now = _now()
    if fetched.status == "error":
        lib.update_feed(fetched.url, last_fetch=now, last_error=fetched.error)
        return FeedResult(fetched.url, "error", error=fetched.error, title=stored_title)
    if fetched.status == "not-modified" or fetched.parsed is None:
        # the same single write either way; validators kept current (a new ETag, say)
        validators = {k: v for k, v in (("etag", fetched.etag),
                                        ("last_modified", fetched.last_modified)) if v}
        lib.update_feed(fetched.url, last_fetch=now, last_error="", **validators)
        return FeedResult(fetched.url, "not-modified", title=stored_title)
    parsed = fetched.parsed
    fields = {"etag": fetched.etag, "last_modified": fetched.last_modified,
              "last_fetch": now, "last_error": ""}
    if parsed.title and not stored_title:
        fields["title"] = parsed.title
    if parsed.link:
        fields["link"] = parsed.link
    with lib.files.batch():
        new = lib.merge_entries(fetched.url, parsed.entries)
        lib.update_feed(fetched.url, **fields)
    return FeedResult(fetched.url, "ok", new_entries=new, title=stored_title or parsed.title)


def _store_one(lib: Library, fetched: Fetched, stored_title: str) -> FeedResult:
    """store_fetched, where a feed removed meanwhile (by another byline) is just reported."""
    try:
        return store_fetched(lib, fetched, stored_title)
    except StoreError:
        raise  # the store itself is unusable (locked, unwritable): stop the refresh
    except BylineError as exc:
        return FeedResult(fetched.url, "error", error=reason(str(exc), fetched.url),
                          title=stored_title)


def refresh_feeds(lib: Library, progress: Progress | None = None, *,
                  limits: FetchLimits = DEFAULT_LIMITS, workers: int = MAX_WORKERS,
                  urls: list[str] | None = None) -> RefreshReport:
    """Refresh every stored feed (or those in urls); progress(done, total, url) after each."""
    started = time.monotonic()
    feeds = lib.feeds()
    if urls is not None:
        wanted = set(urls)
        feeds = [f for f in feeds if f.url in wanted]
    total = len(feeds)
    if progress:
        progress(0, total, "")
    by_url: dict[str, FeedResult] = {}
    quiet: list[tuple[Fetched, str]] = []  # 304s and errors: only their fields change
    if feeds:
        with make_client(limits) as client, \
                ThreadPoolExecutor(max_workers=min(workers, total),
                                   thread_name_prefix="byline-fetch") as pool:
            futures: dict[Future[Fetched], FeedRecord] = {
                pool.submit(fetch_feed, feed, client, limits): feed for feed in feeds}
            try:
                for done, future in enumerate(as_completed(futures), 1):
                    feed = futures[future]
                    fetched = future.result()
                    if fetched.status == "ok":
                        by_url[feed.url] = _store_one(lib, fetched, feed.title)
                    else:
                        quiet.append((fetched, feed.title))
                    if progress:
                        progress(done, total, feed.url)
            except BaseException:
                pool.shutdown(wait=False, cancel_futures=True)
                raise
    if quiet:  # one write for all of them: a refresh of 200 unchanged feeds is one write
        with lib.files.batch():
            for fetched, title in quiet:
                by_url[fetched.url] = _store_one(lib, fetched, title)
    results = [by_url[f.url] for f in feeds]
    return RefreshReport(results, seconds=round(time.monotonic() - started, 3))


def load_feed(lib: Library, url_or_path: str,
              limits: FetchLimits = DEFAULT_LIMITS) -> tuple[FeedRecord, FeedResult]:
    """`feeds add`: fetch and parse first, then record the feed with its entries.

    A site page that names its feed (<link rel="alternate">) is followed to that feed once.
    A feed that cannot be fetched or parsed is not added (BylineError)."""
    target = url_or_path.strip()
    if not is_url(target):
        return _load_feed_file(lib, target, limits)
    existing = lib.feed(target)
    try:
        fetched = _fetch_and_parse(existing or FeedRecord(target), None, limits)
    except NotAFeedError as exc:
        if not exc.feed_url or exc.feed_url == target:
            raise
        # a site's page that names its feed: follow the feed (once), as readers do
        target = exc.feed_url
        existing = lib.feed(target)
        fetched = _fetch_and_parse(existing or FeedRecord(target), None, limits)
    with lib.files.batch():
        if existing is None:
            lib.add_feed(target, fetched.parsed.title if fetched.parsed else "")
        result = store_fetched(lib, fetched, existing.title if existing else "")
    record = lib.feed(target)
    assert record is not None
    return record, result


def _load_feed_file(lib: Library, target: str,
                    limits: FetchLimits) -> tuple[FeedRecord, FeedResult]:
    path = Path(target).expanduser().resolve()
    if not path.is_file():
        raise SourceError(f"{target}: no such file")
    fetched = _read_feed_file(FeedRecord(str(path)), limits)  # SourceError when unusable
    # parsed above for a clear error naming the file; stored through the library's own path
    # (it parses again: feed files are local and the second parse is cheap next to a fetch)
    with path.open("rb") as handle:
        data = handle.read(limits.max_bytes + 1)
    with lib.files.batch():
        refs = add_feed_source(lib, Source("", "feed", str(path), raw=data),
                               fetched.parsed.title if fetched.parsed else "")
        lib.update_feed(str(path), etag=fetched.etag)
    record = lib.feed(str(path))
    assert record is not None
    new = sum(1 for ref in refs if ref.new)
    return record, FeedResult(record.url, "ok", new_entries=new, title=record.title)


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
