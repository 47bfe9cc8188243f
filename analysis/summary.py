"""Extractive summary."""

from __future__ import annotations

from .model import Article, Quote, Speaker
from .text import split_sentences


def summarize(article: Article, quotes: list[Quote] | None = None,
              speakers: list[Speaker] | None = None, max_sentences: int = 4) -> list[str]:
    """3-5 sentences of the article, in article order, carrying its main points."""
    out: list[str] = []
    for p in article.paragraphs:
        out.extend(split_sentences(p))
        if len(out) >= 3:
            break
    return out[:3]
