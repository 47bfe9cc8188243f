"""Reactions: who responded to the article's central event, and how."""

from __future__ import annotations

from .model import Article, Quote, Reaction, Speaker


def find_reactions(article: Article, quotes: list[Quote],
                   speakers: list[Speaker]) -> list[Reaction]:
    """Statements by actors other than the principal newsmaker that respond to the event."""
    return []
