"""Search over article titles, speaker names, quote texts and article text (the reader's
search screen).

Titles come from the index; speakers and quotes from the per-shard quote digests, which hold
only what search needs; article text from the body files, folded once per file version and
kept. Every word typed must appear, in any order; accents, apostrophes and case do not count
("sejourne" finds Séjourné, "obrien" O’Brien)."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any

from .articles import body_file_of, site_name, sort_key
from .feeds import feed_titles
from .records import SearchHit
from .speakers import fold, fold_text, speaker_index

if TYPE_CHECKING:
    from .library import Library

SNIPPET_CHARS = 120  # of article text around the first word found
_TAG = re.compile(r"<[^<>]+>")  # [^<>]: linear on floods of stray "<"
_FILLERS = frozenset({"the", "a", "an"})


def _matches(words: list[str], *texts: str) -> bool:
    hay = " ".join(fold(t) for t in texts if t)
    return all(w in hay for w in words)


def search(lib: Library, text: str, limit: int = 50) -> list[SearchHit]:
    """Speakers first (few, and the likeliest intent), then articles by title, quotes, and
    articles whose text holds the words (each article once)."""
    words = fold_text(text).split()
    if len(words) > 1:
        words = [w for w in words if w not in _FILLERS] or words
    if not words or limit <= 0:
        return []
    index = speaker_index(lib)
    hits: list[SearchHit] = []
    for summary in index.summaries:
        if _matches(words, summary.name, *summary.aliases, summary.role):
            quotes, articles = summary.quote_count, summary.article_count
            detail = (f"{quotes} quote{'s' if quotes != 1 else ''} in {articles} "
                      f"article{'s' if articles != 1 else ''}")
            if summary.role:
                detail = f"{summary.role} · {detail}"
            hits.append(SearchHit("speaker", summary.name, detail))
    hits.sort(key=lambda h: h.title.casefold())
    docs = sorted(lib.index_docs(), key=sort_key, reverse=True)
    titled = [d for d in docs if _matches(words, d.get("title", ""))]
    sites = feed_titles(lib)
    hits.extend(SearchHit("article", d.get("title", ""), site_name(d, sites), d["id"],
                          published=d.get("published", "")) for d in titled[:limit])
    found_in = {d["id"] for d in titled}
    if len(hits) < limit:
        found = [(published, article_id, quote) for folded, article_id, published, quote
                 in index.quote_rows if all(w in folded for w in words)]
        found.sort(key=lambda row: row[0], reverse=True)
        for published, article_id, quote in found[: limit - len(hits)]:
            digest = index.digests[article_id]
            names = {s.get("id"): s.get("name", "") for s in digest.get("speakers", [])}
            speaker = names.get(quote.get("speaker_id")) or quote.get("speaker", "")
            hits.append(SearchHit("quote", quote.get("text", ""),
                                  f"{speaker} · {digest.get('title', '')}",
                                  article_id, f"{article_id}:{quote['id']}", published))
            found_in.add(article_id)
    if len(hits) < limit:
        texts = folded_texts(lib)
        for doc in docs:
            if len(hits) >= limit:
                break
            folded = texts.get(doc["id"], "")
            if doc["id"] in found_in or not all(w in folded for w in words):
                continue
            hits.append(SearchHit("text", doc.get("title", ""), _snippet(lib, doc, words),
                                  doc["id"], published=doc.get("published", "")))
    return hits[:limit]


def plain_text(text: str) -> str:
    """An article's stored text as words: tags out (feed entries are often HTML), entities
    decoded, runs of spaces folded."""
    if "<" in text or "&" in text:
        text = html.unescape(_TAG.sub(" ", text))
    return " ".join(text.split())


def folded_texts(lib: Library) -> dict[str, str]:
    """article id -> its text (and feed summary) folded for search; each body file is folded
    once per version of it and kept on the library."""
    cache: dict[str, tuple[Any, dict[str, str]]] = lib.__dict__.setdefault("_text_cache", {})
    out: dict[str, str] = {}
    by_file: dict[str, list[dict[str, Any]]] = {}
    for doc in lib.index_docs():
        by_file.setdefault(body_file_of(doc), []).append(doc)
    for name, docs in by_file.items():
        stamp = lib.files.stamp(name)
        kept = cache.get(name)
        if kept is None or kept[0] != stamp:
            bodies = lib.files.raw(name, "bodies")
            kept = (stamp, {article_id: fold_text(plain_text(body.get("text", "")))
                            for article_id, body in bodies.items()})
            cache[name] = kept
        for doc in docs:
            out[doc["id"]] = kept[1].get(doc["id"], "") + " " + fold_text(doc.get("summary", ""))
    return out


def _snippet(lib: Library, doc: dict[str, Any], words: list[str]) -> str:
    """About SNIPPET_CHARS of the article's text around the first typed word found."""
    body = lib.files.raw(body_file_of(doc), "bodies").get(doc["id"], {})
    text = plain_text(body.get("text", "")) or plain_text(doc.get("summary", ""))
    match = None
    for word in words:
        match = re.search(re.escape(word), text, re.IGNORECASE)
        if match:
            break
    start = max((match.start() if match else 0) - SNIPPET_CHARS // 3, 0)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    piece = text[start:start + SNIPPET_CHARS]
    if start + SNIPPET_CHARS < len(text):
        piece = piece.rsplit(" ", 1)[0] + "…"
    return ("…" if start else "") + piece
