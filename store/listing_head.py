"""The head of the article listing, kept in a small file so the reader can show titles at once.

Listing the store means reading the whole index and sorting it (about 0.2 s at 10,000
articles). The first screenful does not need that: after listing, the reader has the newest
HEAD_SIZE documents written to `listing-head.json` with the identity of the index file they
came from (`Library.keep_listing_head`). At the next start the reader shows them at once,
if the index is still that file, and lists the rest when the full index has been read. A
stale or damaged head file is ignored (and rewritten the next time the reader lists the
store); it never holds anything the index does not.
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any

from .db import atomic_write

if TYPE_CHECKING:
    from .library import Library

HEAD_FILE = "listing-head.json"
HEAD_SIZE = 300
HEAD_VERSION = 1


def index_identity(lib: Library, index_name: str) -> list[int] | None:
    """The index file's identity as the head file records it (inode, mtime, size)."""
    try:
        st = os.stat(lib.home / index_name)
    except OSError:
        return None
    return [st.st_ino, st.st_mtime_ns, st.st_size]


def write_head(lib: Library, docs: list[dict[str, Any]], identity: list[int] | None) -> None:
    """Keep the newest docs of a freshly sorted listing (best effort: it is only a cache)."""
    if identity is None:
        return
    payload = {"version": HEAD_VERSION, "index": identity, "docs": docs[:HEAD_SIZE]}
    try:
        atomic_write(lib.home / HEAD_FILE,
                     json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode(),
                     sync_dir=False)
    except OSError:
        pass


def read_head(lib: Library, index_name: str) -> list[dict[str, Any]] | None:
    """The newest index documents, newest first, when the head file matches the index as it
    is now; None otherwise."""
    try:
        payload = json.loads((lib.home / HEAD_FILE).read_bytes())
    except (OSError, ValueError, UnicodeDecodeError, RecursionError):
        return None
    if (not isinstance(payload, dict) or payload.get("version") != HEAD_VERSION
            or payload.get("index") != index_identity(lib, index_name)):
        return None
    docs = payload.get("docs")
    if not isinstance(docs, list) or not all(
            isinstance(d, dict) and isinstance(d.get("id"), str) for d in docs):
        return None
    return docs
