"""HTML -> blocks of text and page metadata.

Full pages go through trafilatura (imported lazily: it costs ~140 ms to import), which finds
the main text and drops navigation, asides, related links and footers. Feed entry fragments,
and pages trafilatura cannot handle, go through a small stdlib html.parser walker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from ..patterns import lazy_compile

_SKIP_TAGS = frozenset(
    "script style noscript template svg math nav aside footer header button select option"
    " textarea iframe object embed figure figcaption picture video audio canvas dialog menu"
    " label input head".split()
)
_BLOCK_TAGS = frozenset(
    "p div li dd dt blockquote pre h1 h2 h3 h4 h5 h6 td th tr section article main ul ol dl"
    " table caption address summary details hr body html".split()
)
_HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_VOID_TAGS = frozenset("br hr img meta link input area base col embed source track wbr".split())
_MAX_DEPTH = 2000
_LEADING_BLOCKS = 20
_WHITESPACE = lazy_compile(r"\s+")
_PAGE_MARKERS = lazy_compile(r"<\s*(?:!doctype\s+html|html|head|body|main|article|nav)\b", re.I)


@dataclass
class HtmlDocument:
    """What an HTML page gives: body blocks (paragraph texts, possibly with line breaks)."""

    blocks: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    title: str = ""
    author: str = ""
    published: str = ""
    # The first visible blocks of the page, where its byline line usually is (the extractor
    # drops it from the body).
    leading: list[str] = field(default_factory=list)


class _Walker(HTMLParser):
    """Collects block texts outside skipped elements, plus <title>, meta author/date, <h1>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.doc = HtmlDocument()
        self._stack: list[str] = []
        self._skip_depth = 0  # > 0 while inside a skipped element
        self._parts: list[str] = []
        self._link_depth = 0  # > 0 inside <a>
        self._link_chars = 0  # visible characters of the current block inside links
        self._in_title = False
        self._title_parts: list[str] = []
        self._heading: str | None = None
        self._h1_parts: list[str] | None = None
        self.h1 = ""
        self._main_depth = 0  # > 0 inside <article> or <main>
        self._main_blocks: list[str] = []

    def _flush(self) -> None:
        text = "".join(self._parts).strip()
        link_chars, self._link_chars = self._link_chars, 0
        self._parts = []
        if not text:
            return
        if link_chars > 0.6 * len(text.replace(" ", "")):
            return  # navigation, share buttons, related links: mostly link text
        if self._heading is not None:
            self.doc.headings.append(text)
            if self._heading == "h1" and not self.h1:
                self.h1 = text
        else:
            self.doc.blocks.append(text)
            if self._main_depth:
                self._main_blocks.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._meta(dict(attrs))
            return
        if tag == "time" and not self.doc.published:
            self.doc.published = dict(attrs).get("datetime") or ""
        if tag == "title":
            self._in_title = True
        if tag == "h1" and not self.h1 and self._h1_parts is None:
            self._h1_parts = []
        if tag in _VOID_TAGS:
            if tag == "br" and not self._skip_depth:
                self._parts.append("\n")
            elif tag == "hr":
                self._flush()
            return
        if len(self._stack) >= _MAX_DEPTH:
            return
        self._stack.append(tag)
        if tag == "a":
            self._link_depth += 1
        # A page's <header> is chrome; an article's own <header> holds its title and byline.
        skipped = tag in _SKIP_TAGS and not (tag == "header" and self._main_depth)
        if skipped or self._skip_depth:
            self._skip_depth += 1
            return
        if tag in _BLOCK_TAGS:
            self._flush()
            if tag in _HEADING_TAGS:
                self._heading = tag
        if tag in ("article", "main"):
            self._main_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag == "h1" and self._h1_parts is not None:
            self.h1 = self.h1 or " ".join("".join(self._h1_parts).split())
            self._h1_parts = None
        if tag not in self._stack:
            return
        while self._stack:  # close everything opened since, like a browser would
            open_tag = self._stack.pop()
            if open_tag == "a":
                self._link_depth -= 1
            if self._skip_depth:
                self._skip_depth -= 1
            elif open_tag in _BLOCK_TAGS:
                self._flush()
                if open_tag in _HEADING_TAGS:
                    self._heading = None
            if open_tag in ("article", "main") and self._main_depth:
                self._main_depth -= 1
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._h1_parts is not None:
            self._h1_parts.append(data)
        if self._in_title:
            self._title_parts.append(data)
        elif not self._skip_depth:
            data = _WHITESPACE.sub(" ", data)  # source line breaks are spaces; <br> is a break
            self._parts.append(data)
            if self._link_depth:
                self._link_chars += len(data.replace(" ", ""))

    def _meta(self, attrs: dict[str, str | None]) -> None:
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        value = (attrs.get("content") or "").strip()
        if not value:
            return
        if key in ("og:title", "twitter:title") and not self.doc.title:
            self.doc.title = value
        elif key in ("author", "article:author", "byl", "dc.creator", "sailthru.author"):
            if not self.doc.author and not value.startswith("http"):
                self.doc.author = value
        elif key in ("article:published_time", "datepublished", "pubdate", "publishdate",
                     "date", "dc.date", "og:published_time", "sailthru.date"):
            if not self.doc.published:
                self.doc.published = value

    def close(self) -> None:
        super().close()
        self._flush()
        if self._main_blocks:
            self.doc.blocks = self._main_blocks
        if not self.doc.title:
            self.doc.title = self.h1 or _strip_site_name("".join(self._title_parts).strip())


def _strip_site_name(title: str) -> str:
    """ "Harbour strike spreads | The Coastal Ledger" -> "Harbour strike spreads". """
    parts = re.split(r"\s+[|–—-]\s+", title)
    return parts[0] if len(parts) > 1 and len(parts[0]) >= 15 else title


def walk_html(markup: str) -> HtmlDocument:
    """Stdlib extraction: every visible block outside navigation, asides, footers etc."""
    walker = _Walker()
    try:
        walker.feed(markup)
        walker.close()
    except Exception:  # html.parser is lenient, but never let a page crash the engine
        walker._flush()
        if not walker.doc.title:
            walker.doc.title = walker.h1
    return walker.doc


def _trafilatura_extract(markup: str) -> HtmlDocument | None:
    try:
        import trafilatura  # lazy: heavy import, only needed for full HTML pages

        result: Any = trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:
        return None
    if result is None or getattr(result, "body", None) is None:
        return None
    doc = HtmlDocument(
        title=result.title or "", author=result.author or "", published=result.date or ""
    )
    for node in result.body.iter():
        node.text = _WHITESPACE.sub(" ", node.text) if node.text else node.text
        node.tail = _WHITESPACE.sub(" ", node.tail) if node.tail else node.tail
    for line_break in result.body.iter("lb"):
        line_break.tail = "\n" + (line_break.tail or "")
    _collect_blocks(result.body, doc)
    return doc if doc.blocks else None


_XML_BLOCKS = frozenset("p head list item quote table row cell".split())


def _collect_blocks(parent: Any, doc: HtmlDocument) -> None:
    """Block texts of trafilatura's XML: a block holding other blocks is read child by child
    (a <quote> of several <p>), so its paragraphs stay apart."""
    stack = [iter(parent)]
    while stack:  # iterative: extracted trees can be deep
        element = next(stack[-1], None)
        if element is None:
            stack.pop()
            continue
        if not isinstance(element.tag, str):
            continue
        if any(isinstance(child.tag, str) and child.tag in _XML_BLOCKS for child in element):
            leading = (element.text or "").strip()
            if leading:
                doc.blocks.append(leading)
            stack.append(iter(element))
            continue
        text = "".join(element.itertext()).strip()
        if text:
            (doc.headings if element.tag == "head" else doc.blocks).append(text)


def looks_like_page(markup: str) -> bool:
    """A whole web page (as opposed to a fragment such as a feed entry's content)."""
    return bool(_PAGE_MARKERS.search(markup[:5000]))


def extract_html(markup: str, *, full_page: bool) -> HtmlDocument:
    """Main text and metadata of HTML: trafilatura for full pages, stdlib otherwise."""
    walked = walk_html(markup)
    if full_page:
        extracted = _trafilatura_extract(markup)
        if extracted is not None:
            # trafilatura's metadata is good, but explicit meta tags are better when present.
            extracted.title = walked.title or extracted.title
            extracted.author = walked.author or extracted.author
            extracted.published = walked.published or extracted.published
            extracted.leading = walked.blocks[:_LEADING_BLOCKS]
            return extracted
    return walked
