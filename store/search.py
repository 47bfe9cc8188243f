"""Search over article titles, speaker names and quote texts (the reader's `/` key).

Titles come from the index; speakers and quotes from the per-shard quote digests, which hold
only what search needs. Every word typed must appear (case-insensitive, any order)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .articles import sort_key
from .records import SearchHit
from .speakers import speaker_index

if TYPE_CHECKING:
    from .library import Library


def _matches(words: list[str], *texts: str) -> bool:
    hay = " ".join(texts).casefold()
    return all(w in hay for w in words)


def search(lib: Library, text: str, limit: int = 50) -> list[SearchHit]:
    """Speakers first (few, and the likeliest intent), then articles, then quotes."""
    words = text.casefold().split()
    if not words or limit <= 0:
        return []
    index = speaker_index(lib)
    hits: list[SearchHit] = []
    for summary in index.summaries:
        if _matches(words, summary.name, *summary.aliases):
            quotes, articles = summary.quote_count, summary.article_count
            detail = (f"{quotes} quote{'s' if quotes != 1 else ''} in {articles} "
                      f"article{'s' if articles != 1 else ''}")
            if summary.role:
                detail = f"{summary.role} · {detail}"
            hits.append(SearchHit("speaker", summary.name, detail))
    hits.sort(key=lambda h: h.title.casefold())
    docs = [d for d in lib.index_docs() if _matches(words, d.get("title", ""))]
    docs.sort(key=sort_key, reverse=True)
    hits.extend(SearchHit("article", d.get("title", ""), d.get("published", ""), d["id"])
                for d in docs[:limit])
    if len(hits) < limit:
        found = [(published, article_id, quote) for folded, article_id, published, quote
                 in index.quote_rows if all(w in folded for w in words)]
        found.sort(key=lambda row: row[0], reverse=True)
        for _published, article_id, quote in found[: limit - len(hits)]:
            digest = index.digests[article_id]
            names = {s.get("id"): s.get("name", "") for s in digest.get("speakers", [])}
            speaker = names.get(quote.get("speaker_id")) or quote.get("speaker", "")
            hits.append(SearchHit("quote", quote.get("text", ""),
                                  f"{speaker} · {digest.get('title', '')}",
                                  article_id, f"{article_id}:{quote['id']}"))
    return hits[:limit]
