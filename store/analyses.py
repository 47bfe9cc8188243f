"""Stored analyses: read back, made again when an older engine made them, made in bulk.

A standalone article's analysis sits in its body (`bodies/XX.json`, beside its text); a feed
entry's is cached in `analyses/XX.json` when first opened or analysed in bulk; each has a
quote/speaker digest in `quotes/XX.json`. Every one carries the version of the engine that made
it (`engine`; none on what was stored before versions existed, which counts as older), so an
engine fix reaches what users already stored: an older analysis is made again when next read,
or in bulk (`byline reanalyze`, `speakers --all`).

Bulk work runs on every core (`store.pool`) and writes by groups of shards: the work is sorted
by shard and cut at shard boundaries, so each shard file is rewritten once per run however many
entries it gains, and at most two groups' results and shards are in memory at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .articles import (
    analysis_file,
    analyze_safely,
    body_file_of,
    current_engine,
    engine_of,
    quote_digest,
    quotes_file,
    shard_of,
    sort_key,
    text_of,
)
from .pool import default_jobs, ordered_map

if TYPE_CHECKING:
    from .library import Library

GROUP_ENTRIES = 2000  # bulk work written per group: bounds memory, not the number of writes
CHUNK_CACHE_BYTES = 200_000_000  # feed entry texts kept in memory across groups

# What one analysis needs: text, kind, url, title, published, where (for error messages).
Payload = tuple[str, str, str, str, str, str]


@dataclass
class StoredAnalysis:
    """What the store holds for one article: its index document, body and analysis."""

    doc: dict[str, Any]
    body: dict[str, Any]
    analysis: dict[str, Any] | None  # an `Analysis.to_dict()`, None when never analysed
    engine: int  # the version of the engine that made it; 0 when unstamped or absent

    @property
    def id(self) -> str:
        return self.doc["id"]

    @property
    def is_entry(self) -> bool:
        return bool(self.doc.get("feed_url"))

    @property
    def current(self) -> bool:
        return self.analysis is not None and self.engine >= current_engine()

    @property
    def lost(self) -> bool:
        """A standalone article whose body file was lost (moved aside damaged): no text, no
        analysis, nothing to make one from."""
        return not self.is_entry and not self.body

    def payload(self) -> Payload:
        """The arguments to analyse it (again) with, as when it was first stored."""
        doc, where = self.doc, self.doc.get("link") or self.doc["id"]
        if self.is_entry:
            return (self.body.get("text") or doc.get("summary") or "", "entry",
                    doc.get("link", ""), doc.get("title", ""), doc.get("published", ""), where)
        text = self.body.get("text")
        if text:
            return text, self.body.get("kind", "auto"), doc.get("link", ""), "", "", where
        # stored from an analysis alone (`add --analyses`): its own paragraphs are the text
        return text_of(self.analysis or {}), "text", doc.get("link", ""), "", "", where


Tables = Callable[[str, str], dict[str, dict[str, Any]]]  # (file, table) -> its documents


def stored_analysis(lib: Library, doc: dict[str, Any],
                    tables: Tables | None = None) -> StoredAnalysis:
    read = tables or lib.files.raw
    article_id = doc["id"]
    body = read(body_file_of(doc), "bodies").get(article_id) or {}
    if body.get("analysis"):
        return StoredAnalysis(doc, body, body["analysis"], engine_of(body))
    cached = read(analysis_file(article_id), "analyses").get(article_id)
    return StoredAnalysis(doc, body, cached or None, engine_of(cached) if cached else 0)


def analyse_payloads(payloads: list[Payload | None]) -> list[dict[str, Any] | None]:
    """Run in pool workers: each payload's analysis as a dict (None for None)."""
    out: list[dict[str, Any] | None] = []
    for payload in payloads:
        if payload is None:
            out.append(None)
            continue
        text, kind, url, title, published, where = payload
        out.append(analyze_safely(text, kind=kind, url=url, title=title, published=published,
                                  where=where, strict=False).to_dict())
    return out


def save_analyses(lib: Library, done: list[tuple[StoredAnalysis, dict[str, Any], int]]) -> None:
    """Store analyses with their engine stamp and digests: one write per touched shard.
    An entry's goes to its analysis shard, a standalone article's into its body."""
    analyses: dict[str, dict[str, Any]] = {}
    bodies: dict[str, dict[str, Any]] = {}
    digests: dict[str, dict[str, Any]] = {}
    with lib.files.batch():
        for stored, analysis, engine in done:
            article_id, doc = stored.id, stored.doc
            if lib.index.get(doc_id=article_id) is None:
                continue  # removed meanwhile
            if stored.is_entry:
                analyses.setdefault(analysis_file(article_id), {})[article_id] = {
                    **analysis, "engine": engine}
            else:
                bodies.setdefault(body_file_of(doc), {})[article_id] = {
                    **stored.body, "analysis": analysis, "engine": engine}
            digests.setdefault(quotes_file(article_id), {})[article_id] = quote_digest(
                analysis, doc.get("title", ""), doc.get("published", ""), engine)
        for table, files in (("analyses", analyses), ("bodies", bodies), ("quotes", digests)):
            for name, docs in files.items():
                lib.files.table(name, table).put_many(docs)


def digest_engines(lib: Library) -> dict[str, int]:
    """article id -> the engine stamp of its digest, for every digest on disk (read one shard at
    a time and let go, so a big store is not held in memory for this)."""
    folder = lib.home / "quotes"
    names = sorted(p.name for p in folder.glob("*.json")) if folder.is_dir() else []
    engines: dict[str, int] = {}
    for name in names:
        path = f"quotes/{name}"
        engines.update((i, engine_of(d)) for i, d in lib.files.raw(path, "quotes").items())
        lib.files.release([path])
    return engines


def shard_groups(docs: list[dict[str, Any]], size: int = GROUP_ENTRIES,
                 ) -> list[list[dict[str, Any]]]:
    """docs sorted by shard (stable) and cut into groups of about `size`, only between shards."""
    groups: list[list[dict[str, Any]]] = []
    current: list[dict[str, Any]] = []
    for doc in sorted(docs, key=lambda d: shard_of(d["id"])):
        if len(current) >= size and shard_of(current[-1]["id"]) != shard_of(doc["id"]):
            groups.append(current)
            current = []
        current.append(doc)
    if current:
        groups.append(current)
    return groups


def analyze_pending(lib: Library, progress: Callable[[int, int], None] | None = None, *,
                    jobs: int | None = None, limit: int | None = None, missing: bool = True,
                    stale: bool = True) -> int:
    """Analyse in bulk what is `missing` (never analysed: feed entries not opened yet) and what
    is `stale` (made by an older engine), newest first when `limit` cuts; on `jobs` processes
    (default: every core). Returns how many were analysed (a lost digest rebuilt from a current
    analysis counts too)."""
    engines = digest_engines(lib)
    version = current_engine()
    todo = [d for d in sorted(lib.index_docs(), key=sort_key, reverse=True)
            if (missing and d["id"] not in engines)
            or (stale and d["id"] in engines and engines[d["id"]] < version)][:limit]
    total, count = len(todo), 0
    batch: list[tuple[StoredAnalysis, dict[str, Any], int]] = []
    current_group = 0
    work = ordered_map(analyse_payloads, _stored_by_group(lib, shard_groups(todo)),
                       jobs=jobs or default_jobs(), send=_payload_of)
    # A group is written by a thread while the next one is analysed (the writes mostly wait
    # on the disk); one write at a time, so at most two groups are in memory.
    with closing(work), ThreadPoolExecutor(max_workers=1, thread_name_prefix="byline-save",
                                           ) as writer:
        saving: Future[None] | None = None
        for (group, stored), made in work:
            if group != current_group:
                if saving is not None:
                    saving.result()
                saving = writer.submit(_save_group, lib, batch)
                batch, current_group = [], group
            if made is not None:
                batch.append((stored, made, version))
            elif stored.analysis is not None:  # a current analysis whose digest was lost
                batch.append((stored, stored.analysis, stored.engine))
            count += 1
            if progress:
                progress(count, total)
        if saving is not None:
            saving.result()
        _save_group(lib, batch)
    return count


def _payload_of(item: tuple[int, StoredAnalysis]) -> Payload | None:
    stored = item[1]
    return None if stored.current or stored.lost else stored.payload()


def _stored_by_group(lib: Library, groups: list[list[dict[str, Any]]],
                     ) -> Iterator[tuple[int, StoredAnalysis]]:
    """What is stored for each doc, read lazily group after group. Every group reads from most
    feed chunk files; they stay in memory up to CHUNK_CACHE_BYTES, past that each group lets go
    of those it read."""
    cached: set[str] = set()
    for number, group in enumerate(groups):
        read = _TablesOnce(lib)
        for doc in group:
            if doc.get("body"):
                cached.add(doc["body"])
            stored = stored_analysis(lib, doc, read)
            if stored.is_entry and not stored.body:
                # A write by another process makes the writer thread drop every cached file
                # (StoreFiles.writing), possibly mid-read here: read once more before taking
                # the body for lost and analysing the feed's summary instead.
                read.forget(body_file_of(doc), "bodies")
                stored = stored_analysis(lib, doc, read)
            yield number, stored
        if sum(lib.files.size(name) for name in cached) > CHUNK_CACHE_BYTES:
            lib.files.release(cached)
            cached = set()


class _TablesOnce:
    """Each file's table looked up once (for one group), not once an entry (a stat each)."""

    def __init__(self, lib: Library) -> None:
        self.lib = lib
        self.tables: dict[tuple[str, str], dict[str, dict[str, Any]]] = {}

    def __call__(self, name: str, table: str) -> dict[str, dict[str, Any]]:
        found = self.tables.get((name, table))
        if found is None:
            found = self.tables[name, table] = self.lib.files.raw(name, table)
        return found

    def forget(self, name: str, table: str) -> None:
        self.tables.pop((name, table), None)


def _save_group(lib: Library, batch: list[tuple[StoredAnalysis, dict[str, Any], int]]) -> None:
    """Write one group and let go of its shards (not of the feed chunk files its entries came
    from: the next group is reading those meanwhile)."""
    if not batch:
        return
    save_analyses(lib, batch)
    touched = {quotes_file(stored.id) for stored, _a, _e in batch}
    touched |= {analysis_file(stored.id) if stored.is_entry else body_file_of(stored.doc)
                for stored, _a, _e in batch}
    lib.files.release(touched)
