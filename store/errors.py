"""Errors the store raises; each message is one line fit to show a user as is."""

from __future__ import annotations

from analysis import clean_text


class BylineError(Exception):
    """Base of every error meant for the user: str(error) is one clear line."""


class SourceError(BylineError):
    """An input (file, page, feed, URL) that cannot be read or is not usable."""


class FetchError(SourceError):
    """A network fetch that failed: timeout, HTTP error, oversize body, too many redirects."""


class StoreError(BylineError):
    """The store itself cannot be opened or written (locked, newer schema, corrupt)."""


def shown(text: str, limit: int | None = 300) -> str:
    """Untrusted text (a path, a URL, a server's words) made fit for a one-line message:
    cleaned by the one sanitiser, every run of whitespace one space, at most limit long
    (None: whole)."""
    return " ".join(clean_text(text or "").split())[:limit]


def size_text(n: int) -> str:
    """A byte count as people read it: "12.3 MB", "256 KB", "900 bytes"."""
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")
    return f"{n / 1024:.1f} KB".replace(".0 KB", " KB") if n >= 1024 else f"{n} bytes"
