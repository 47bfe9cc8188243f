"""Typed messages and results passed between the reader's widgets and screens."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass(frozen=True)
class JumpTarget:
    """Where a secondary screen (bookmarks, search, speaker quotes) asks the reader to go.

    Screens `dismiss(JumpTarget(...))`; the main screen opens the article and, when quote_id
    ("ARTICLEID:qN") is set, moves the cursor to that quote.
    """

    article_id: str
    quote_id: str = ""


@dataclass(frozen=True)
class FeedChoice:
    """What the feeds view hands back: list one feed's entries (its URL), only the articles
    added by hand (""), or every article (None)."""

    url: str | None
    title: str = ""


# Messages between the main screen's panes. Cursor messages replace a queued one of the same
# kind, so a held-down arrow key leaves only the newest position to process.

class _Replaceable(Message):
    """A message that supersedes a queued message of the same class."""

    def can_replace(self, message: Message) -> bool:
        return type(message) is type(self)


class ArticleHighlighted(_Replaceable):
    """The article list's cursor is on another article."""

    def __init__(self, article_id: str) -> None:
        super().__init__()
        self.article_id = article_id


class ArticleChosen(Message):
    """Enter on an article (or a related entry): open it and move into the reader."""

    def __init__(self, article_id: str, related: bool = False) -> None:
        super().__init__()
        self.article_id = article_id
        self.related = related  # chosen among the related entries (Esc comes back)


class FilterChanged(_Replaceable):
    """The article filter box holds new text."""

    def __init__(self, query: str) -> None:
        super().__init__()
        self.query = query


class QuoteHighlighted(_Replaceable):
    """The quotes tree's cursor is on a quote (quote_id "qN"), or on a speaker (quote_id "")."""

    def __init__(self, quote_id: str, speaker_id: str) -> None:
        super().__init__()
        self.quote_id = quote_id
        self.speaker_id = speaker_id


class ReactionHighlighted(_Replaceable):
    """The reactions list's cursor is on a reaction (index into Analysis.reactions)."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index


class RefreshProgress(_Replaceable):
    """Feed refresh progress, posted from the refresh thread."""

    def __init__(self, done: int, total: int, label: str) -> None:
        super().__init__()
        self.done = done
        self.total = total
        self.label = label
