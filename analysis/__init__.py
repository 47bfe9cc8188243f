"""Byline's analysis engine: pure functions from article text to summary, quotes, speakers and
reactions. No I/O here: callers pass text in and get dataclasses back."""

from __future__ import annotations

from .model import Analysis, Article, Quote, Reaction, Speaker
from .text import clean_text, cleaned_offset

# Bumped whenever a change to the engine changes what it finds: the store stamps each cached
# analysis with it and analyses again what an older engine made.
ENGINE_VERSION = 28

__all__ = ["ENGINE_VERSION", "Analysis", "Article", "Quote", "Reaction", "Speaker", "analyze",
           "analyze_article", "clean_text", "cleaned_offset"]


def analyze_article(article: Article) -> Analysis:
    """Run quotes, reactions and summary over an already parsed article."""
    from .pipeline import run

    return run(article)


def analyze(source: str, *, kind: str = "auto", url: str = "", title: str = "",
            published: str = "") -> Analysis:
    """Parse and analyse one article.

    kind is "text" (a plain-text page dump), "html" (a web page), "entry" (the content of a
    feed entry, HTML or text, whose title and date come from the feed) or "auto".
    """
    from .text.article import parse

    return analyze_article(parse(source, kind=kind, url=url, title=title, published=published))
