"""The Textual reader (built by the reader issue)."""

from __future__ import annotations


def run(home: str | None = None, open_target: str | None = None) -> int:
    raise SystemExit("byline: the reader is not built yet")
