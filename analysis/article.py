"""Article parsing: plain-text page dumps, HTML pages and feed entry content -> Article."""

from __future__ import annotations

from .model import Article
from .text import clean_text


def parse(source: str, *, kind: str = "auto", url: str = "", title: str = "",
          published: str = "") -> Article:
    """Parse source of the given kind ("text", "html", "entry", "auto") into an Article."""
    text = clean_text(source)
    blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
    head = title or (blocks[0] if blocks else "")
    body = blocks[1:] if not title else blocks
    return Article(title=head, paragraphs=body, url=url, published=published)
