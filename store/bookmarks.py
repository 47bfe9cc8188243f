"""Bookmarked quotes, kept in their own small file (`bookmarks.json`) so adding, removing and
listing stay fast whatever the size of the store. Each bookmark copies the quote's text,
speaker, role and article details, so it outlives the article it came from."""

from __future__ import annotations

import json
import re
import time
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analysis import clean_text

from .articles import INDEX, quotes_file
from .db import atomic_write
from .errors import SourceError, StoreError
from .records import Bookmark

if TYPE_CHECKING:
    from .library import Library

BOOKMARKS = "bookmarks.json"
_QUOTE_ID = re.compile(r"^(?P<article>[0-9a-f]{6,64}):(?P<quote>q\d+)$")


def split_quote_id(quote_id: str) -> tuple[str, str]:
    match = _QUOTE_ID.match(quote_id.strip())
    if not match:
        shown = clean_text(quote_id)[:80]
        raise SourceError(f"{shown}: not a quote id (expected ARTICLE_ID:qN, "
                          "e.g. 3f2a9c01d4e5b6a7:q1)")
    return match["article"], match["quote"]


def _table(lib: Library) -> Any:
    return lib.files.table(BOOKMARKS, "bookmarks")


def _from_doc(doc: dict[str, Any]) -> Bookmark:
    fields = Bookmark.__dataclass_fields__
    return Bookmark(**{k: v for k, v in doc.items() if k in fields})


def add_bookmark(lib: Library, quote_id: str, note: str = "") -> Bookmark:
    article_id, qid = split_quote_id(quote_id)
    quote_id = f"{article_id}:{qid}"
    note = clean_text(note).strip()
    existing = _table(lib).get(doc_id=quote_id)
    if existing is not None:
        if note and note != existing.get("note"):
            with lib.files.writing():
                _table(lib).update({"note": note}, doc_ids=[quote_id])
            existing = {**existing, "note": note}
        return _from_doc(existing)
    index_doc = lib.files.table(INDEX, "articles").get(doc_id=article_id)
    if index_doc is None:
        raise SourceError(f"{quote_id}: no article {article_id} in the store")
    digest = lib.files.table(quotes_file(article_id), "quotes").get(doc_id=article_id)
    if digest is None:  # a feed entry not analysed yet: analyse it now
        stored = lib.article(article_id)
        digest = lib.files.table(quotes_file(article_id), "quotes").get(doc_id=article_id)
        if digest is None and stored is not None:  # not cached (a read-only store)
            digest = {"quotes": [asdict(q) for q in stored.analysis.quotes],
                      "speakers": [asdict(s) for s in stored.analysis.speakers]}
        digest = digest or {}
    quote = next((q for q in digest.get("quotes", []) if q.get("id") == qid), None)
    if quote is None:
        raise SourceError(f"{quote_id}: article {article_id} has no quote {qid}")
    speaker = next((s for s in digest.get("speakers", [])
                    if s.get("id") == quote.get("speaker_id")), {})
    bookmark = Bookmark(
        quote_id=quote_id, text=quote.get("text", ""),
        speaker=speaker.get("name") or quote.get("speaker", ""), role=speaker.get("role", ""),
        article_id=article_id, article_title=index_doc.get("title", ""),
        link=index_doc.get("link") or index_doc.get("source", ""),
        published=index_doc.get("published", ""), note=note,
        created=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    )
    with lib.files.writing():
        _table(lib).put(quote_id, bookmark.to_dict())
    return bookmark


def remove_bookmark(lib: Library, quote_id: str) -> bool:
    article_id, qid = split_quote_id(quote_id)
    key = f"{article_id}:{qid}"
    with lib.files.writing():
        table = _table(lib)
        if table.get(doc_id=key) is None:
            return False
        table.remove(doc_ids=[key])
    return True


def set_note(lib: Library, quote_id: str, note: str) -> Bookmark:
    """Write (or, with an empty note, clear) a bookmark's note."""
    article_id, qid = split_quote_id(quote_id)
    key = f"{article_id}:{qid}"
    with lib.files.writing():
        table = _table(lib)
        doc = table.get(doc_id=key)
        if doc is None:
            raise SourceError(f"{key}: not bookmarked")
        clean = " ".join(clean_text(note).split())
        table.update({"note": clean}, doc_ids=[key])
    return _from_doc({**doc, "note": clean})


def restore_bookmark(lib: Library, bookmark: Bookmark) -> Bookmark:
    """Put back a bookmark exactly as it was (undoing a delete): its own copy, so it comes
    back even when its article has gone meanwhile."""
    article_id, qid = split_quote_id(bookmark.quote_id)
    key = f"{article_id}:{qid}"
    with lib.files.writing():
        _table(lib).put(key, {**bookmark.to_dict(), "quote_id": key})
    return bookmark


def list_bookmarks(lib: Library) -> list[Bookmark]:
    """Newest bookmark first."""
    marks = [_from_doc(doc) for doc in _table(lib).all()]
    marks.sort(key=lambda b: (b.created, b.quote_id), reverse=True)
    return marks


def export_bookmarks(lib: Library, fmt: str = "markdown") -> str:
    marks = list_bookmarks(lib)
    if fmt == "json":
        return json.dumps([b.to_dict() for b in marks], ensure_ascii=False, indent=2) + "\n"
    if fmt != "markdown":
        raise SourceError(f"{fmt}: unknown export format (markdown or json)")
    return to_markdown(marks)


def export_bookmarks_to(lib: Library, path: Path, fmt: str = "markdown") -> Path:
    target = path.expanduser()
    text = export_bookmarks(lib, fmt)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, text.encode("utf-8"))
    except OSError as exc:
        raise StoreError(f"cannot write {target}: {exc.strerror or exc}") from None
    return target


def to_markdown(marks: list[Bookmark]) -> str:
    """Each quote as a blockquote, then speaker, role, article title, source link and date."""
    blocks = ["# Byline bookmarks\n"]
    for mark in marks:
        quote = "\n".join(f"> {line}" if line.strip() else ">"
                          for line in mark.text.splitlines() or [""])
        lines = [quote, "", f"- Speaker: {mark.speaker or 'unattributed'}"]
        if mark.role:
            lines.append(f"- Role: {mark.role}")
        lines.append(f"- Article: {mark.article_title or mark.article_id}")
        if mark.link:
            lines.append(f"- Source: <{mark.link}>" if "://" in mark.link
                         else f"- Source: {mark.link}")
        if mark.published:
            lines.append(f"- Date: {mark.published}")
        if mark.note:
            lines.append(f"- Note: {mark.note}")
        lines.append(f"- Quote id: `{mark.quote_id}`")
        blocks.append("\n".join(lines) + "\n")
    if not marks:
        blocks.append("No bookmarks yet.\n")
    return "\n".join(blocks)
