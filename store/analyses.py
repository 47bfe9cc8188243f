"""Feed entries' analyses: computed on first open or in bulk, cached in id shards
(`analyses/XX.json`) with their quote/speaker digests (`quotes/XX.json`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from analysis import Analysis

from .articles import analysis_file, analyze_safely, quote_digest, quotes_file, sort_key

if TYPE_CHECKING:
    from .library import Library


def cache_analyses(lib: Library, done: dict[str, tuple[Analysis, dict[str, Any]]]) -> None:
    """Store analyses of feed entries and their digests: one write per touched shard."""
    analyses: dict[str, dict[str, Any]] = {}
    digests: dict[str, dict[str, Any]] = {}
    with lib.files.batch():
        for article_id, (analysis, doc) in done.items():
            if lib.index.get(doc_id=article_id) is None:
                continue  # removed meanwhile
            analyses.setdefault(analysis_file(article_id), {})[article_id] = analysis.to_dict()
            digests.setdefault(quotes_file(article_id), {})[article_id] = quote_digest(
                article_id, analysis, doc.get("title", ""), doc.get("published", ""))
        for name, docs in analyses.items():
            lib.files.table(name, "analyses").put_many(docs)
        for name, docs in digests.items():
            lib.files.table(name, "quotes").put_many(docs)


def analyze_pending(lib: Library, progress: Callable[[int, int], None] | None = None,
                    chunk: int = 500, limit: int | None = None) -> int:
    docs = sorted(lib.index_docs(), key=sort_key, reverse=True)
    pending = [d for d in docs if not lib._has_digest(d["id"])][:limit]
    for start in range(0, len(pending), chunk):
        done = {}
        for doc in pending[start:start + chunk]:
            body = lib._body(doc)
            stored = lib._stored_analysis(doc, body)
            if stored:  # only its digest was lost: rebuild it from the analysis
                done[doc["id"]] = (Analysis.from_dict(stored), doc)
                continue
            text = body.get("text") or doc.get("summary") or ""
            done[doc["id"]] = (analyze_safely(
                text, kind="entry", url=doc.get("link", ""), title=doc.get("title", ""),
                published=doc.get("published", ""), where=doc["id"], strict=False), doc)
        cache_analyses(lib, done)
        if progress:
            progress(min(start + chunk, len(pending)), len(pending))
    return len(pending)
