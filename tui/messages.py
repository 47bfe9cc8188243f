"""Typed messages and results passed between the reader's widgets and screens."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class JumpTarget:
    """Where a secondary screen (bookmarks, search, speaker quotes) asks the reader to go.

    Screens `dismiss(JumpTarget(...))`; the main screen opens the article and, when quote_id
    ("ARTICLEID:qN") is set, moves the cursor to that quote.
    """

    article_id: str
    quote_id: str = ""
