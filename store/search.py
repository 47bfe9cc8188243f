"""Search over article titles, speaker names and quote texts (the reader's `/` key).

Titles come from the index; speakers and quotes from the per-shard quote digests, which hold
only what search needs. Every word typed must appear (case-insensitive, any order)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .articles import sort_key
from .records import SearchHit
from .speakers import build_groups

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
    digests = lib.quote_digests()
    hits: list[SearchHit] = []
    for group in build_groups(digests):
        summary = group.summary()
        if _matches(words, summary.name, *summary.aliases):
            detail = f"{summary.quote_count} quotes in {summary.article_count} articles"
            if summary.role:
                detail = f"{summary.role} · {detail}"
            hits.append(SearchHit("speaker", summary.name, detail))
    hits.sort(key=lambda h: h.title.casefold())
    docs = [d for d in lib.index_docs() if _matches(words, d.get("title", ""))]
    docs.sort(key=sort_key, reverse=True)
    hits.extend(SearchHit("article", d.get("title", ""), d.get("published", ""), d["id"])
                for d in docs[:limit])
    if len(hits) < limit:
        quote_hits = []
        for article_id, digest in digests.items():
            names = {s.get("id"): s.get("name", "") for s in digest.get("speakers", [])}
            for quote in digest.get("quotes", []):
                if _matches(words, quote.get("text", "")):
                    speaker = names.get(quote.get("speaker_id")) or quote.get("speaker", "")
                    quote_hits.append((digest.get("published", ""), SearchHit(
                        "quote", quote.get("text", ""),
                        f"{speaker} · {digest.get('title', '')}",
                        article_id, f"{article_id}:{quote['id']}")))
        quote_hits.sort(key=lambda pair: pair[0], reverse=True)
        hits.extend(hit for _published, hit in quote_hits)
    return hits[:limit]
