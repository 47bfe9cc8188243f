"""`Library`: the store's public face for the CLI and the reader (see the API contract).

Files in the store folder (all TinyDB, written atomically; see `store.db`):
  settings.json   schema version, whether the seeds were loaded
  index.json      one small document per article or feed entry (what lists need)
  state.json      read marks (apart from the index, so marking read is a small write)
  feeds.json      feeds and their fetch state
  bookmarks.json  bookmarked quotes, each a self-contained copy
  bodies/XX.json  article text and cached analysis, 256 shards by id, loaded on demand
  chunks/*.json   feed entry texts, a few files per feed merge
  analyses/XX.json  feed entries' analyses, cached when first opened or analysed in bulk
  quotes/XX.json  speakers and quotes of each analysed article, for speakers/quotes/search
Every stored analysis and digest carries the engine version that made it (store.analyses).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from . import feeds as feed_store
from .articles import (
    INDEX,
    analysis_file,
    analyze_safely,
    body_file,
    body_file_of,
    content_id,
    current_engine,
    entry_feeds,
    index_doc,
    listed_title,
    quote_digest,
    quotes_file,
    ref_from_doc,
    sort_key,
    url_id,
)
from .db import StoreFiles, keyed
from .errors import SourceError, StoreError
from .paths import resolve_home
from .records import (
    ArticleRef,
    Bookmark,
    FeedEntry,
    FeedRecord,
    FeedResult,
    LoadReport,
    ReaderSettings,
    RelatedEntry,
    SearchHit,
    SpeakerQuote,
    SpeakerSummary,
    StoredArticle,
    UnreadCounts,
)

if TYPE_CHECKING:
    from analysis import Analysis

    from .records import RefreshReport

# 2: an article's index document lists in `feeds` every feed that carries it. A schema 1
# document names one feed (`feed_url`) and reads the same (`entry_feeds`), so a schema 1 store
# is migrated by stamping it 2; the stamp keeps an older Byline out, which would delete the
# entries another feed carries along with the first feed that brought them.
SCHEMA_VERSION = 2
SETTINGS = "settings.json"
STATE = "state.json"
READER_SETTINGS = "reader"


class Library:
    """One store folder. Cheap to open: only the settings are read until something is asked."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.warnings: list[str] = []  # one-line notices (a damaged file moved aside...)
        self.files = StoreFiles(home, self.warnings.append, written_last=(feed_store.FEEDS,))
        self._listing_cache: tuple[Any, list[tuple[str, dict[str, Any]]]] | None = None
        self._check_schema()
        self.files.sweep_temp_files()

    @classmethod
    def open(cls, home: str | Path | None = None, *, seed: bool = False) -> Library:
        try:
            lib = cls(resolve_home(home))
        except OSError as exc:
            raise StoreError(f"cannot open the store: {exc.strerror or exc}") from None
        if seed:
            from .seeds import load_seeds

            load_seeds(lib)
        return lib

    def take_warnings(self) -> list[str]:
        """Warnings raised since the last call (a shard found damaged on a lazy read...)."""
        taken = self.warnings[:]
        del self.warnings[:len(taken)]  # one appended meanwhile by a reader thread stays
        return taken

    def close(self) -> None:
        self.files.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # settings ------------------------------------------------------------------------------
    def reader_settings(self) -> ReaderSettings:
        return ReaderSettings.from_dict(self.setting(READER_SETTINGS))

    def save_reader_settings(self, **changes: Any) -> ReaderSettings:
        """Change some reader settings (by ReaderSettings field name); the settings now."""
        settings = self.reader_settings()
        for name, value in changes.items():
            if not hasattr(settings, name):
                raise ValueError(f"unknown reader setting: {name}")
            setattr(settings, name, value)
        settings = ReaderSettings.from_dict(settings.to_dict())
        self.set_setting(READER_SETTINGS, settings.to_dict())
        return settings

    def setting(self, key: str, default: Any = None) -> Any:
        doc = self.files.table(SETTINGS, "settings").get(doc_id=key)
        return default if doc is None else doc.get("value", default)

    def set_setting(self, key: str, value: Any) -> None:
        with self.files.writing():
            self.files.table(SETTINGS, "settings").put(key, {"value": value})

    def _check_schema(self) -> None:
        version = self.setting("schema")
        if version is None:
            try:
                self.set_setting("schema", SCHEMA_VERSION)
            except StoreError:
                if not self.files.read_only:
                    raise  # a read-only store is read as it is; only writes are refused
        elif not isinstance(version, int) or version > SCHEMA_VERSION:
            raise StoreError(f"the store in {self.home} was written by a newer Byline (schema "
                             f"{version}; this version reads up to {SCHEMA_VERSION}): upgrade "
                             "byline or use another --home")
        elif version < SCHEMA_VERSION:
            self._migrate()

    def _migrate(self) -> None:
        """Bring an older store to this schema (see SCHEMA_VERSION): one atomic write of the
        stamp, so a crash leaves the old stamp and the migration runs again."""
        try:
            with self.files.writing():
                if (self.setting("schema") or 0) < SCHEMA_VERSION:
                    self.set_setting("schema", SCHEMA_VERSION)
        except StoreError:
            pass  # read-only, or another byline is writing: read as it is, migrate next time

    # articles ------------------------------------------------------------------------------
    @property
    def index(self) -> Any:
        return self.files.table(INDEX, "articles")

    def _is_read(self, article_id: str) -> bool:
        return self.files.table(STATE, "read").get(doc_id=article_id) is not None

    def _read_ids(self) -> set[str]:
        return set(self.files.raw(STATE, "read"))

    def index_docs(self) -> list[dict[str, Any]]:
        """Every index document (one per article or entry), unsorted; not to be mutated."""
        return list(self.files.raw(INDEX, "articles").values())

    def add(self, target: str) -> list[ArticleRef]:
        """Add a file or URL: an article, or a feed with all its entries (their refs returned)."""
        from .sources import is_url, read_source

        source = read_source(target, self.setting("max_size"))
        if source.kind == "feed":
            return feed_store.add_feed_source(self, source)
        if is_url(target):
            article_id, where = url_id(target), source.location
        else:  # a file: its content names it; its absolute path says where it came from
            article_id, where = content_id(source.raw), str(Path(target).expanduser().resolve())
        feeds: list[str] = []
        if source.kind == "html":  # the feeds the page names, offered for following later
            from .feedparse import advertised_feeds

            feeds = advertised_feeds(source.raw, source.url)
        return [self._store_text(article_id, source.text, source.kind, source=where,
                                 url=source.url, feeds=feeds)]

    def add_text(self, text: str, *, kind: str = "auto", source: str = "",
                 url: str = "") -> ArticleRef:
        if not text.strip():
            raise SourceError(f"{source or 'text'}: empty input")
        article_id = url_id(url) if url else content_id(text)
        return self._store_text(article_id, text, kind, source=source or url, url=url)

    def add_analysis(self, analysis: Analysis, *, text: str = "", source: str = "",
                     url: str = "", engine: int | None = None) -> ArticleRef:
        """Store an article whose analysis is already done (id from url, else from content),
        stamped as made by `engine` (default: the current engine)."""
        body = text or "\n\n".join([analysis.article.title, *analysis.article.paragraphs])
        article_id = url_id(url) if url else content_id(body)
        return self._store_text(article_id, body, "text", source=source or url, url=url,
                                analysis=analysis, engine=engine)

    def _store_text(self, article_id: str, text: str, kind: str, *, source: str, url: str,
                    analysis: Analysis | None = None, engine: int | None = None,
                    feeds: list[str] = ()) -> ArticleRef:
        existing = self.index.get(doc_id=article_id)
        if existing is not None:
            if feeds and existing.get("feeds") != list(feeds):
                with self.files.writing():  # stored before its page's feeds were kept
                    self.index.update({"feeds": list(feeds)}, doc_ids=[article_id])
            return ref_from_doc(existing, self._is_read(article_id))
        if analysis is None:
            analysis = analyze_safely(text, kind=kind, url=url, where=source)
        engine = current_engine() if engine is None else engine
        made = analysis.to_dict()
        art = analysis.article
        title = listed_title(art.title, art.paragraphs, source)
        doc = index_doc(article_id, title=title, published=art.published, source=source,
                        link=url or art.url, kind=kind, content_hash=content_id(text),
                        added=time.time())
        if feeds:
            doc["feeds"] = list(feeds)
        with self.files.batch():
            existing = self.index.get(doc_id=article_id)  # another byline may have added it
            if existing is not None:
                return ref_from_doc(existing, self._is_read(article_id))
            self.files.table(body_file(article_id), "bodies").put(
                article_id, {"kind": kind, "text": text, "analysis": made, "engine": engine})
            self.files.table(quotes_file(article_id), "quotes").put(
                article_id, quote_digest(made, title, art.published, engine))
            self.index.insert(keyed(article_id, doc))
        ref = ref_from_doc(doc)
        ref.new = True
        return ref

    def add_analyses(self, targets: list[str | Path],
                     progress: Callable[[int, int], None] | None = None) -> LoadReport:
        """Load analysis records (JSON Lines partitions made by `byline analyze --out` or
        `--dask`: folders or files) as articles, in bulk; progress(bytes read, total)."""
        from .archive_load import load_records

        return load_records(self, [Path(t).expanduser() for t in targets], progress)

    def articles(self, query: str = "", limit: int | None = None,
                 feed: str | None = None) -> list[ArticleRef]:
        """Newest first; query keeps the articles whose title holds every word of it.

        feed=None lists every article except the entries of hidden feeds; a feed URL lists
        only that feed's entries, and "" only the articles added by hand."""
        words = query.casefold().split()
        listing = self._listing()
        if feed is not None:
            key = feed_store.feed_key(feed) if feed else ""
            listing = [item for item in listing
                       if (key in entry_feeds(item[1]) if key else not entry_feeds(item[1]))]
        else:
            hidden = feed_store.hidden_feeds(self)
            if hidden:
                listing = [item for item in listing
                           if not feed_store.only_in_hidden(item[1], hidden)]
        if words:
            listing = [(folded, doc) for folded, doc in listing
                       if all(w in folded for w in words)]
        read = self.files.raw(STATE, "read")
        titles = feed_store.feed_titles(self)
        return [ref_from_doc(doc, doc["id"] in read, titles)
                for _folded, doc in listing[:limit]]

    def _listing(self) -> list[tuple[str, dict[str, Any]]]:
        """(folded title, index doc) newest first, sorted once per version of the index."""
        stamp = self.files.stamp(INDEX)
        cached = self._listing_cache
        if cached is None or stamp is None or cached[0] != stamp:
            docs = sorted(self.index_docs(), key=sort_key, reverse=True)
            cached = (stamp, [(d.get("title", "").casefold(), d) for d in docs])
            self._listing_cache = cached
        return cached[1]

    def keep_listing_head(self) -> None:
        """Keep the newest entries of the listing for `newest_articles` at the next start (the
        reader calls this after listing; nothing is written when the kept head is current)."""
        from .listing_head import index_identity, read_head, write_head

        if read_head(self, INDEX) is None:
            listing = self._listing()
            write_head(self, [doc for _folded, doc in listing], index_identity(self, INDEX))

    def newest_articles(self, limit: int = 100) -> list[ArticleRef] | None:
        """The newest articles (all but hidden feeds), fast: from the listing's head kept by
        `keep_listing_head`, without reading the index. None when that head is out of date
        (then `articles` it is)."""
        from .listing_head import read_head

        docs = read_head(self, INDEX)
        if docs is None:
            return None
        hidden = feed_store.hidden_feeds(self)
        read = self.files.raw(STATE, "read")
        titles = feed_store.feed_titles(self)
        return [ref_from_doc(doc, doc["id"] in read, titles) for doc in docs
                if not feed_store.only_in_hidden(doc, hidden)][:limit]

    def ref(self, article_id: str) -> ArticleRef | None:
        doc = self.index.get(doc_id=article_id)
        if doc is None:
            return None
        return ref_from_doc(doc, self._is_read(article_id), feed_store.feed_titles(self))

    def article(self, article_id: str) -> StoredArticle | None:
        """The article with its analysis. A feed entry is analysed on first access, and an
        analysis an older engine made is made again; either is then cached."""
        from .analyses import save_analyses, stored_analysis

        doc = self.index.get(doc_id=article_id)
        if doc is None:
            return None
        ref = ref_from_doc(doc, self._is_read(article_id), feed_store.feed_titles(self))
        stored = stored_analysis(self, doc)
        if stored.current:
            from analysis import Analysis

            return StoredArticle(ref, Analysis.from_dict(stored.analysis),
                                 doc.get("summary", ""))
        text, kind, url, title, published, where = stored.payload()
        analysis = analyze_safely(text, kind=kind, url=url, title=title, published=published,
                                  where=where, strict=False)
        if stored.body:  # never cache what was made up for a body lost with a damaged file
            try:
                save_analyses(self, [(stored, analysis.to_dict(), current_engine())])
            except StoreError:
                pass  # another byline is writing: still show it, cache it next time
        return StoredArticle(ref, analysis, doc.get("summary", ""))

    def analyze_pending(self, progress: Callable[[int, int], None] | None = None, *,
                        jobs: int | None = None, limit: int | None = None,
                        stale: bool = True) -> int:
        """Analyse in bulk, on `jobs` processes (default: every core), the entries never
        analysed and (with `stale`) every analysis an older engine made. Returns how many."""
        from .analyses import analyze_pending

        return analyze_pending(self, progress, jobs=jobs, limit=limit, stale=stale)

    def reanalyze(self, progress: Callable[[int, int], None] | None = None, *,
                  jobs: int | None = None) -> int:
        """Analyse again, in bulk, every stored analysis an older engine made. Returns how many."""
        from .analyses import analyze_pending

        return analyze_pending(self, progress, jobs=jobs, missing=False)

    def pending_analyses(self) -> int:
        """How many stored entries have not been analysed yet (speakers and quotes of those
        are not counted until they are opened or `analyze_pending` runs)."""
        return len(self.index_docs()) - len(self.quote_digests())

    def stale_analyses(self) -> int:
        """How many stored analyses an older engine made (they are made again when read)."""
        from .articles import engine_of

        version = current_engine()
        return sum(engine_of(d) < version for d in self.quote_digests().values())

    def mark_read(self, article_id: str, read: bool = True) -> None:
        """Mark an article read (or not). The reader marks what it opens: in a read-only store
        that is no write the user asked for, so it is skipped without a word."""
        try:
            self.mark_read_many([article_id], read)
        except StoreError:
            if not self.files.read_only:
                raise

    def mark_read_many(self, article_ids: list[str], read: bool = True) -> int:
        """Mark articles read (or unread) in one write; how many changed."""
        with self.files.writing():
            marks = self.files.raw(STATE, "read")
            if read:
                now = time.time()
                fresh = {i: {"at": now} for i in dict.fromkeys(article_ids) if i not in marks}
                self.files.table(STATE, "read").put_many(fresh)
                return len(fresh)
            gone = [i for i in dict.fromkeys(article_ids) if i in marks]
            if gone:
                self.files.table(STATE, "read").remove(doc_ids=gone)
            return len(gone)

    def mark_feed_read(self, feed_url: str) -> int:
        """Mark every entry of a feed read ("" : every article added by hand)."""
        return self.mark_read_many([ref.id for ref in self.articles(feed=feed_url)])

    def unread_counts(self) -> UnreadCounts:
        """Unread entries per feed, and in all (an entry carried by several feeds counted once,
        one only hidden feeds carry not at all)."""
        by_feed, total = feed_store.unread_by_feed(self, feed_store.hidden_feeds(self))
        return UnreadCounts(total, by_feed)

    def remove_article(self, article_id: str) -> bool:
        return self.remove_articles([article_id]) == 1

    def remove_articles(self, article_ids: list[str]) -> int:
        """Remove articles and entries with everything stored for them.

        Two steps, the reverse of adding: the index first, then bodies, analyses and digests,
        so a crash in between leaves unreferenced bodies, never an index naming a lost body.
        Called inside a batch, both steps land in that batch's writes."""
        with self.files.writing():
            with self.files.batch():
                docs = [d for d in (self.index.get(doc_id=i) for i in dict.fromkeys(article_ids))
                        if d is not None]
                if not docs:
                    return 0
                present = [str(d.doc_id) for d in docs]
                self.index.remove(doc_ids=present)
                read = self.files.raw(STATE, "read")
                gone_read = [i for i in present if i in read]
                if gone_read:
                    self.files.table(STATE, "read").remove(doc_ids=gone_read)
            with self.files.batch():
                by_file: dict[tuple[str, str], list[str]] = {}
                for doc in docs:
                    article_id = str(doc.doc_id)
                    for where in ((body_file_of(doc), "bodies"),
                                  (analysis_file(article_id), "analyses"),
                                  (quotes_file(article_id), "quotes")):
                        by_file.setdefault(where, []).append(article_id)
                for (name, table), ids in by_file.items():
                    stored = self.files.raw(name, table)
                    gone = [i for i in ids if i in stored]
                    if gone:
                        self.files.table(name, table).remove(doc_ids=gone)
        return len(present)

    # feeds (the storage side; fetching is store.refresh) -----------------------------------
    def feeds(self) -> list[FeedRecord]:
        return feed_store.feeds(self)

    def feed(self, url: str) -> FeedRecord | None:
        return feed_store.feed(self, url)

    def add_feeds(self, listed: list[tuple[str, str]]) -> list[str]:
        """Follow many feed URLs (url, title) at once, in one write; the URLs that are new."""
        return feed_store.add_feeds(self, listed)

    def add_feed(self, url_or_path: str, title: str = "") -> FeedRecord:
        """Record a feed. A URL is only recorded (refresh fetches it); a file is read now."""
        return feed_store.add_feed(self, url_or_path, title)

    def remove_feed(self, url: str) -> bool:
        """Forget a feed and its entries (bookmarks keep their own copies)."""
        return feed_store.remove_feed(self, url)

    def update_feed(self, url: str, **fields: Any) -> None:
        feed_store.update_feed(self, url, **fields)

    def rename_feed(self, url: str, title: str) -> None:
        """Give a feed a title of one's own (a refresh keeps it)."""
        if not title.strip():
            raise SourceError("a feed's title cannot be empty")
        feed_store.update_feed(self, url, title=title)

    def hide_feed(self, url: str, hidden: bool = True) -> None:
        """Leave a feed's entries out of the list of all articles (still listed by feed)."""
        feed_store.set_hidden(self, url, hidden)

    def advertised_feeds(self, article_id: str) -> list[str]:
        """The feeds the page of an article names (<link rel="alternate">) and that are not
        followed yet."""
        doc = self.index.get(doc_id=article_id)
        named = doc.get("feeds", []) if doc is not None else []
        followed = set(self.files.raw(feed_store.FEEDS, "feeds"))
        return [url for url in named if isinstance(url, str) and url not in followed]

    def follow_feed(self, url: str) -> tuple[FeedRecord, FeedResult]:
        """Fetch a feed, follow it and store its entries (BylineError when it cannot)."""
        from .refresh import load_feed

        return load_feed(self, url)

    def merge_entries(self, feed_url: str, entries: list[FeedEntry]) -> int:
        return len(feed_store.merge_entries(self, feed_url, entries))

    def entries(self, feed_url: str = "") -> list[ArticleRef]:
        """Stored feed entries (every entry one feed carries, or of all feeds), newest first."""
        key = feed_store.feed_key(feed_url) if feed_url else ""
        docs = [d for d in self.index_docs()
                if (carried := entry_feeds(d)) and (not key or key in carried)]
        docs.sort(key=sort_key, reverse=True)
        read = self._read_ids()
        return [ref_from_doc(d, d["id"] in read) for d in docs]

    def refresh(self, progress: Callable[[int, int, str], None] | None = None,
                urls: list[str] | None = None) -> RefreshReport:
        """Fetch every feed (or the feeds in urls)."""
        from .refresh import refresh_feeds

        return refresh_feeds(self, progress, urls=urls)

    # related, speakers, bookmarks, search -------------------------------------------------
    def related(self, article_id: str, limit: int = 10,
                min_score: float = 0.0) -> list[RelatedEntry]:
        """Feed entries ranked by relevance to the article; min_score drops the weak ones
        (RELATED_MIN_SCORE, where "merely shares a word or a name" ends)."""
        from .related import related_entries

        return related_entries(self, article_id, limit, min_score)

    def speakers(self) -> list[SpeakerSummary]:
        from .speakers import speaker_summaries

        return speaker_summaries(self)

    def quotes_by_speaker(self, name: str) -> list[SpeakerQuote]:
        """The quotes of the one speaker name stands for ([] when it names none, or several:
        see match_speakers)."""
        from .speakers import quotes_of

        return quotes_of(self, name)

    def match_speakers(self, name: str) -> list[SpeakerSummary]:
        """The speakers name may stand for, best first: one for a full name, a unique surname
        or part of a name; several when it is ambiguous ("Marsh"); none when nobody fits.
        Accents, apostrophes and case do not matter; a role ("the diplomat") also matches."""
        from .speakers import match_speakers

        return match_speakers(self, name)

    def quote_digests(self) -> dict[str, dict[str, Any]]:
        """article id -> its speakers and quotes, for every analysed article still indexed."""
        from .speakers import speaker_index

        return speaker_index(self).digests

    def bookmarks(self) -> list[Bookmark]:
        from .bookmarks import list_bookmarks

        return list_bookmarks(self)

    def add_bookmark(self, quote_id: str, note: str = "") -> Bookmark:
        from .bookmarks import add_bookmark

        return add_bookmark(self, quote_id, note)

    def remove_bookmark(self, quote_id: str) -> bool:
        from .bookmarks import remove_bookmark

        return remove_bookmark(self, quote_id)

    def set_bookmark_note(self, quote_id: str, note: str) -> Bookmark:
        """Write, change or (with "") clear the note of a bookmark."""
        from .bookmarks import set_note

        return set_note(self, quote_id, note)

    def restore_bookmark(self, bookmark: Bookmark) -> Bookmark:
        """Put a deleted bookmark back as it was (the undo of remove_bookmark)."""
        from .bookmarks import restore_bookmark

        return restore_bookmark(self, bookmark)

    def bookmarked_ids(self) -> set[str]:
        from .bookmarks import BOOKMARKS

        return {str(doc.doc_id) for doc in self.files.table(BOOKMARKS, "bookmarks").all()}

    def export_bookmarks(self, fmt: str = "markdown") -> str:
        from .bookmarks import export_bookmarks

        return export_bookmarks(self, fmt)

    def export_bookmarks_to(self, path: str | Path, fmt: str = "markdown") -> Path:
        """Write the export to a file (atomically); the path written."""
        from .bookmarks import export_bookmarks_to

        return export_bookmarks_to(self, Path(path), fmt)

    def search(self, text: str, limit: int = 50) -> list[SearchHit]:
        from .search import search

        return search(self, text, limit)

