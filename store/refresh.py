"""Refreshing feeds: fetch concurrently (bounded), parse and store from the calling thread.

Workers only fetch; parsing and every store write happen in the thread that called
`refresh_feeds`, so the store never sees concurrent writers, and at most that one thread
competes with the reader's UI thread for the interpreter (parsing in eight fetch threads at
once would gain nothing under the GIL and starve the UI). A feed that
fails gets its one-line message as `last_error` and the others carry on. A 304 (or an
unchanged feed file) costs one small write: `last_fetch`.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import BylineError, SourceError, StoreError, shown
from .feedbytes import FeedBytes
from .feedparse import FeedReading, NotAFeedError, ParsedFeed, parse_feed
from .feeds import BATCH, carried_by, feed_key, merge_entries, store_reading
from .fetch import DEFAULT_LIMITS, FetchLimits, fetch, make_client
from .records import FeedRecord, FeedResult, RefreshReport
from .sources import is_url

if TYPE_CHECKING:
    import httpx

    from .library import Library

MAX_WORKERS = 8
GROUP_ENTRIES = 10_000  # new entries fetched before they are stored together
GROUP_SECONDS = 3.0  # or this long after the last store
# validators we make ourselves and keep in the etag field: never sent to a server
_LOCAL_TOKENS = ("sha1:", "file:")
Progress = Callable[[int, int, str], None]


@dataclass
class Fetched:
    """What fetching one feed brought: a body to parse, parsed entries, or why not."""

    url: str
    status: str  # "ok" | "not-modified" | "error"
    parsed: ParsedFeed | None = None
    etag: str = ""
    last_modified: str = ""
    error: str = ""  # one line, without the URL in front
    path: Path | None = None  # a changed feed file: read as it is stored, in bounded memory
    body: bytes = b""  # fetched, not parsed yet
    content_type: str = ""


def fetch_feed(feed: FeedRecord, client: httpx.Client | None = None,
               limits: FetchLimits = DEFAULT_LIMITS) -> Fetched:
    """Fetch one feed (conditionally), not parse it; never raises for a bad feed."""
    return _never_raising(feed.url, lambda: _fetch(feed, client, limits))


def parse_fetched(fetched: Fetched) -> Fetched:
    """The fetched body parsed into entries; never raises for a bad feed."""
    return _never_raising(fetched.url, lambda: _parse(fetched))


def _never_raising(url: str, work: Callable[[], Fetched]) -> Fetched:
    try:
        return work()
    except BylineError as exc:
        return Fetched(url, "error", error=reason(str(exc), url))
    except Exception as exc:  # a hostile feed must not take the whole refresh down
        return Fetched(url, "error", error=f"cannot be read ({type(exc).__name__})")


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
    """Fetch and parse; raises SourceError (NotAFeedError for an HTML page)."""
    return _parse(_fetch(feed, client, limits))


def _parse(fetched: Fetched) -> Fetched:
    if fetched.status != "ok" or fetched.path is not None or fetched.parsed is not None:
        return fetched
    parsed = parse_feed(fetched.body, fetched.url, fetched.content_type)
    return Fetched(fetched.url, "ok", parsed, fetched.etag, fetched.last_modified)


def _fetch(feed: FeedRecord, client: httpx.Client | None, limits: FetchLimits) -> Fetched:
    """The fetch (a feed file: its stat), not the parse; raises SourceError."""
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
    return Fetched(feed.url, "ok", etag=result.etag or digest,
                   last_modified=result.last_modified, body=result.body,
                   content_type=result.content_type)


def _read_feed_file(feed: FeedRecord, limits: FetchLimits) -> Fetched:
    """A feed file: its mtime and size play the part of an ETag. A changed file is not read
    here but streamed into the store (`store_fetched`): a file the user names is read whatever
    its size, so it is never held whole."""
    path = Path(feed.url)
    try:
        token = file_token(path.stat())
    except FileNotFoundError:
        raise SourceError(f"{feed.url}: feed file no longer exists") from None
    except OSError as exc:
        raise SourceError(f"{feed.url}: cannot read ({exc.strerror or exc})") from None
    if token == feed.etag:
        return Fetched(feed.url, "not-modified", etag=token)
    return Fetched(feed.url, "ok", etag=token, path=path)


def file_token(st: os.stat_result) -> str:
    return f"file:{st.st_mtime_ns}:{st.st_size}"


def store_fetched(lib: Library, fetched: Fetched, stored_title: str = "",
                  carried: list[dict[str, Any]] | None = None) -> FeedResult:
    """Write what one fetch brought: entries and validators in one batch, or the error.
    carried: the index documents the feed carries, when known (feeds.carried_by)."""
    now = _now()
    if fetched.status == "error":
        lib.update_feed(fetched.url, last_fetch=now, last_error=fetched.error)
        return FeedResult(fetched.url, "error", error=fetched.error, title=stored_title)
    if fetched.status == "not-modified" or (fetched.parsed is None and fetched.path is None):
        # the same single write either way; validators kept current (a new ETag, say)
        validators = {k: v for k, v in (("etag", fetched.etag),
                                        ("last_modified", fetched.last_modified)) if v}
        lib.update_feed(fetched.url, last_fetch=now, last_error="", **validators)
        return FeedResult(fetched.url, "not-modified", title=stored_title)
    if fetched.path is not None:
        return _store_file(lib, fetched, stored_title)
    parsed = fetched.parsed
    fields = {"etag": fetched.etag, "last_modified": fetched.last_modified,
              "last_fetch": now, "last_error": ""}
    if parsed.title and not stored_title:
        fields["title"] = parsed.title
    if parsed.link:
        fields["link"] = parsed.link
    with lib.files.batch():
        lib.update_feed(fetched.url, **fields)  # first: a feed removed meanwhile stores nothing
        new = len(merge_entries(lib, fetched.url, parsed.entries, carried=carried))
    return FeedResult(fetched.url, "ok", new_entries=new, title=stored_title or parsed.title)


def _store_file(lib: Library, fetched: Fetched, stored_title: str) -> FeedResult:
    """A changed feed file, streamed into the store batch by batch; what makes it unusable
    is stored as its error, as for a feed fetched."""
    assert fetched.path is not None
    reading = FeedReading(FeedBytes.file(fetched.path), batch=BATCH, where=fetched.url)
    try:
        _ids, new_ids = store_reading(lib, fetched.url, reading, stored_title,
                                      etag=fetched.etag)
    except StoreError:
        raise
    except BylineError as exc:
        failed = Fetched(fetched.url, "error", error=reason(str(exc), fetched.url))
        return store_fetched(lib, failed, stored_title)
    except Exception as exc:  # a hostile file must not take the whole refresh down
        failed = Fetched(fetched.url, "error", error=f"cannot be read ({type(exc).__name__})")
        return store_fetched(lib, failed, stored_title)
    return FeedResult(fetched.url, "ok", new_entries=len(new_ids),
                      title=stored_title or reading.title)


def _store_one(lib: Library, fetched: Fetched, stored_title: str,
               carried: list[dict[str, Any]] | None = None) -> FeedResult:
    """store_fetched, where a feed removed meanwhile (by another byline) is just reported."""
    try:
        return store_fetched(lib, fetched, stored_title, carried)
    except StoreError:
        raise  # the store itself is unusable (locked, unwritable): stop the refresh
    except BylineError as exc:
        return FeedResult(fetched.url, "error", error=reason(str(exc), fetched.url),
                          title=stored_title)


class _StoreGroup:
    """Feeds fetched with new entries, stored several at a time: each store write rewrites the
    index whole, so 200 feeds stored one by one would rewrite it 200 times as it grows. A group
    is stored when it holds GROUP_ENTRIES entries or GROUP_SECONDS have passed, in one batch
    (the writer's lock is held only then, never while waiting for the network). A feed file is
    streamed into the store at once, in its own batches."""

    def __init__(self, lib: Library, results: dict[str, FeedResult]) -> None:
        self._lib = lib
        self._results = results
        self._waiting: list[tuple[Fetched, str]] = []
        self._entries = 0
        self._since = time.monotonic()

    def add(self, fetched: Fetched, title: str) -> None:
        if fetched.path is not None:
            self._results[fetched.url] = _store_one(self._lib, fetched, title)
            return
        self._waiting.append((fetched, title))
        self._entries += len(fetched.parsed.entries) if fetched.parsed else 0
        if self._entries >= GROUP_ENTRIES or time.monotonic() - self._since >= GROUP_SECONDS:
            self.store()

    def store(self) -> None:
        if self._waiting:
            with self._lib.files.batch():
                carried = carried_by(self._lib, [fetched.url for fetched, _ in self._waiting])
                for fetched, title in self._waiting:
                    self._results[fetched.url] = _store_one(
                        self._lib, fetched, title, carried.get(feed_key(fetched.url)))
        self._waiting, self._entries, self._since = [], 0, time.monotonic()


def limits_for(lib: Library, feed: FeedRecord, limits: FetchLimits,
               max_size: int | None = None) -> FetchLimits:
    """The limits one feed is fetched with. Its size cap: max_size (given for this run), else
    the feed's own, else the store's `max_size` setting, else limits.max_bytes."""
    cap = max_size or feed.max_size or lib.setting("max_size") or limits.max_bytes
    return limits if cap == limits.max_bytes else replace(limits, max_bytes=cap)


def refresh_feeds(lib: Library, progress: Progress | None = None, *,
                  limits: FetchLimits = DEFAULT_LIMITS, workers: int = MAX_WORKERS,
                  urls: list[str] | None = None, max_size: int | None = None) -> RefreshReport:
    """Refresh every stored feed (or those in urls); progress(done, total, url) after each.
    max_size raises (or lowers) every feed's size cap for this run."""
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
    group = _StoreGroup(lib, by_url)
    if feeds:
        with make_client(limits) as client, \
                ThreadPoolExecutor(max_workers=min(workers, total),
                                   thread_name_prefix="byline-fetch") as pool:
            futures: dict[Future[Fetched], FeedRecord] = {
                pool.submit(fetch_feed, feed, client, limits_for(lib, feed, limits, max_size)):
                feed for feed in feeds}
            try:
                for done, future in enumerate(as_completed(futures), 1):
                    feed = futures[future]
                    fetched = parse_fetched(future.result())
                    if fetched.status == "ok":
                        group.add(fetched, feed.title)
                    else:
                        quiet.append((fetched, feed.title))
                    if progress:
                        progress(done, total, feed.url)
            except BaseException:
                pool.shutdown(wait=False, cancel_futures=True)
                raise
    group.store()
    if quiet:  # one write for all of them: a refresh of 200 unchanged feeds is one write
        with lib.files.batch():
            for fetched, title in quiet:
                by_url[fetched.url] = _store_one(lib, fetched, title)
    results = [by_url[f.url] for f in feeds]
    return RefreshReport(results, seconds=round(time.monotonic() - started, 3))


def load_feed(lib: Library, url_or_path: str, limits: FetchLimits = DEFAULT_LIMITS, *,
              max_size: int | None = None) -> tuple[FeedRecord, FeedResult]:
    """`feeds add`: fetch and parse first, then record the feed with its entries.

    A site page that names its feed (<link rel="alternate">) is followed to that feed once.
    A feed that cannot be fetched or parsed is not added (BylineError). max_size, when given,
    is the feed's own size cap from now on."""
    target = url_or_path.strip()
    if not is_url(target):
        return _load_feed_file(lib, target)
    existing = lib.feed(target)
    feed = existing or FeedRecord(target)
    try:
        fetched = _fetch_and_parse(feed, None, limits_for(lib, feed, limits, max_size))
    except NotAFeedError as exc:
        if not exc.feed_url or exc.feed_url == target:
            raise
        # a site's page that names its feed: follow the feed (once), as readers do
        target = exc.feed_url
        existing = lib.feed(target)
        feed = existing or FeedRecord(target)
        fetched = _fetch_and_parse(feed, None, limits_for(lib, feed, limits, max_size))
    with lib.files.batch():
        if existing is None:
            lib.add_feed(target, fetched.parsed.title if fetched.parsed else "")
        result = store_fetched(lib, fetched, existing.title if existing else "")
        if max_size:
            lib.update_feed(target, max_size=max_size)
    record = lib.feed(target)
    assert record is not None
    return record, result


def _load_feed_file(lib: Library, target: str) -> tuple[FeedRecord, FeedResult]:
    """A feed file, streamed into the store: whatever its size, in bounded memory."""
    path = Path(target).expanduser().resolve()
    if not path.is_file():
        raise SourceError(f"{target}: no such file")
    existing = lib.feed(str(path))
    token = file_token(path.stat())
    reading = FeedReading(FeedBytes.file(path), batch=BATCH, where=str(path))
    _ids, new_ids = store_reading(lib, str(path), reading, etag=token)
    record = lib.feed(str(path))
    assert record is not None
    return record, FeedResult(record.url, "ok", new_entries=len(new_ids),
                              title=existing.title if existing else record.title)


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
