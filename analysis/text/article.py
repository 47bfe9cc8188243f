"""Article parsing: plain-text page dumps, HTML pages and feed entry content -> Article."""

from __future__ import annotations

import re
import unicodedata

from ..model import Article
from ..patterns import lazy_compile
from ..quotes.marks import mend_dumped_quotes
from .clean import clean_text
from .dates import date_line, normalise_published, parse_date
from .furniture import (
    byline_of,
    fold_for_prefilter,
    is_furniture,
    is_leading_caption,
    split_dateline,
)

KINDS = ("auto", "text", "html", "entry")
_HTML_TAG = lazy_compile(
    r"<\s*(?:!doctype\s+html|html|head|body|p|div|article|main|section|span|a|br|h[1-6]|ul|ol|li"
    r"|img|figure|table|blockquote|em|strong|b|i|script|style|meta|title)(?:\s[^<>]*)?/?>",
    re.I,
)
_LINE_END = lazy_compile(r"[.!?:;\"”’'»)…]\s*$")
_HEADER_SPLIT = lazy_compile(
    r"\s+[|•·]\s+|\s+(?=(?:first\s+)?(?:published|updated|posted|last\s+updated)\b)", re.I
)
_DIGIT = lazy_compile(r"\d")
# Whatever clean_text changes: escapes, control and bidirectional-override characters, CR and
# no-break spaces.
_UNCLEAN = lazy_compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00a0\u200b\u2028\u2029\ufeff\u202a-\u202e\u2066-\u2069]")
_BLANK_LINE = lazy_compile(r"\n[ \t]*\n")
_NON_WORD = lazy_compile(r"\W+")
_UPDATED = lazy_compile(r"^\s*(?:last\s+)?(?:updated|modified)\b", re.I)
_DATELINE_SEARCH = 2  # the dateline opens one of the first body paragraphs, never later
_CAPTION_SEARCH = 6  # how far down a dateline may follow captions above the story
_MAX_TITLE = 250
# A first line this long, ending as a sentence does and written mostly in lower case, is the
# story's opening sentence, not a headline (CNN/DailyMail copy comes without one). Headlines
# in the dev sets run to 19 words; opening sentences to 20 and more.
_MIN_OPENING_WORDS = 20
_SENTENCE_END = lazy_compile(r"[.!?][\"”’']?\s*$")


def looks_like_html(source: str) -> bool:
    """True when source is markup rather than plain text (two tags, or one opening the text)."""
    head = source[:20000]
    tags = _HTML_TAG.findall(head)
    return len(tags) >= 2 or (len(tags) == 1 and head.lstrip().startswith("<"))


def _tidy(text: str) -> str:
    """One line of clean text: no control characters, runs of whitespace made one space."""
    if _UNCLEAN.search(text) or not unicodedata.is_normalized("NFC", text):
        text = clean_text(text)  # else clean_text would return text unchanged
    # A printable text has no whitespace but the space (every other one is a control or a
    # separator): with no double space and none at either end, splitting and joining its
    # words would give it back unchanged.
    if text.isprintable() and "  " not in text and not text.startswith(" ") and \
            not text.endswith(" "):
        return text
    return " ".join(text.split())


def _tidy_all(paragraphs: list[str]) -> list[str]:
    """[_tidy(p) for p in paragraphs], with one look at them all for what a cleaned text dump
    mostly has: joined by a pilcrow (a printable character that composes with nothing), a
    printable NFC text means every paragraph is clean, printable and NFC, so only their
    spaces may need tidying."""
    joined = "¶".join(paragraphs)
    if not joined.isprintable() or not unicodedata.is_normalized("NFC", joined):
        return [_tidy(p) for p in paragraphs]
    return [p if "  " not in p and not p.startswith(" ") and not p.endswith(" ")
            else " ".join(p.split()) for p in paragraphs]


# Word bytes kept (ASCII letters, digits, _ and every byte of a character beyond ASCII), the
# other ASCII bytes made spaces.
_WORD_BYTES = bytes(c if chr(c).isalnum() or c == 95 or c >= 128 else 32 for c in range(256))


def _comparable(text: str) -> str:
    """text with runs of non-word characters made one space, trimmed and lower-cased."""
    # The runs of word characters, read in C: where the text is ASCII the split is all of it.
    runs = text.encode("utf-8", "surrogatepass").translate(_WORD_BYTES) \
        .decode("utf-8", "surrogatepass").split()
    if not text.isascii():  # a run holding characters beyond ASCII may hold non-word ones
        runs = [part for run in runs
                for part in ((run,) if run.isascii() else _NON_WORD.sub(" ", run).split())]
    return " ".join(runs).lower()


def block_paragraphs(block: str) -> list[str]:
    """The paragraphs of one blank-line separated block.

    Lines usually are paragraphs; a hard-wrapped block (three or more lines of similar width
    that mostly stop mid-sentence) is one paragraph, and a line that stops mid-sentence
    continues when the next one starts in lower case.
    """
    if "\n" not in block:
        return [line] if (line := block.strip()) else []
    lines = [line for raw in block.split("\n") if (line := raw.strip())]
    if len(lines) <= 1:
        return lines
    inner = lines[:-1]
    unfinished = sum(not _LINE_END.search(line) for line in inner)
    if len(lines) >= 3 and all(35 <= len(line) <= 100 for line in inner) and (
        unfinished * 2 >= len(inner)
    ):
        return [" ".join(lines)]
    out = [lines[0]]
    for line in lines[1:]:
        if not _LINE_END.search(out[-1]) and line[0].islower():
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _text_blocks(text: str) -> list[list[str]]:
    return [ps for b in _BLANK_LINE.split(text) if (ps := block_paragraphs(b))]


def _title_from_blocks(blocks: list[list[str]]) -> tuple[str, list[str]]:
    """Split a text dump into its title (the first real block) and body paragraphs."""
    for i, block in enumerate(blocks):
        joined = " ".join(block)
        furniture = all(is_furniture(p, crumbs=False) for p in block) or (
            # a lone word before a headline-like block is a section name ("World")
            len(joined.split()) < 2 and i + 1 < len(blocks)
            and not _LINE_END.search(blocks[i + 1][-1]) and len(blocks[i + 1][-1]) <= _MAX_TITLE
        )
        if furniture or header_fields(joined):
            continue
        if _opens_story(block):
            return "", [p for b in blocks[i:] for p in b]
        rest = [p for b in blocks[:i] + blocks[i + 1:] for p in b]
        if len(joined) <= _MAX_TITLE:
            return joined, rest
        first = block[0]
        if len(first) <= _MAX_TITLE and not (len(block) == 1 and _LINE_END.search(first)):
            return first, block[1:] + rest
        return "", [p for b in blocks for p in b]
    return "", [p for b in blocks for p in b]


def _opens_story(block: list[str]) -> bool:
    """Whether a text dump's first block is its story's first paragraph, with no headline
    above: it opens with a dateline ("(CNN)", "BOSTON (AP) —"), or it is one long line that
    ends as a sentence and is written in sentence case."""
    first = block[0]
    if split_dateline(first)[1] != first:
        return True
    words = first.split()
    if len(block) > 1 or len(words) < _MIN_OPENING_WORDS or not _SENTENCE_END.search(first):
        return False
    lower = sum(word[0].islower() for word in words[1:])
    return lower * 2 >= len(words) - 1


def header_fields(paragraph: str) -> tuple[str, str, str] | None:
    """(byline, published, updated) when paragraph holds only a byline and/or date lines.

    Handles each alone and combined: "By Ellen Pryce | Published 7:00 AM GMT, Nov. 2, 2024".
    """
    names, published, updated = "", "", ""
    lowered = fold_for_prefilter(paragraph)
    if not _DIGIT.search(paragraph) and "by" not in lowered:
        return None  # neither a date nor a byline can be in it
    separated = any(c in paragraph for c in "|•·") or any(
        w in lowered for w in ("published", "updated", "posted"))
    for part in _HEADER_SPLIT.split(paragraph) if separated else (paragraph,):
        if not part.strip():
            continue
        found = byline_of(part)
        if found is not None:
            names = names or found
            continue
        iso = date_line(part)
        if iso is None:
            return None
        if _UPDATED.match(part):
            updated = updated or iso
        else:
            published = published or iso
    if names or published or updated:
        return names, published, updated
    return None


def _assemble(title: str, paragraphs: list[str], *, byline: str, published: str,
              url: str) -> Article:
    """Header lines to fields, furniture dropped, dateline split off the first paragraph."""
    paragraphs = mend_dumped_quotes([p for p in _tidy_all(paragraphs) if p])
    title = _tidy(title)
    title_key = _comparable(title)
    byline = _tidy(byline)
    found_byline = ""
    found_published = ""
    found_updated = ""
    body: list[str] = []
    for paragraph in paragraphs:
        if not body:  # header zone: before the first paragraph of the story
            fields = header_fields(paragraph)
            if fields is not None:
                found_byline = found_byline or fields[0]
                found_published = found_published or fields[1]
                found_updated = found_updated or fields[2]
                continue
            if paragraph and _comparable(paragraph) == title_key:
                continue  # the title again
        elif len(paragraph) <= 120 and (fields := header_fields(paragraph)) and not fields[0]:
            found_published = found_published or fields[1]  # a date line below the story
            found_updated = found_updated or fields[2]
            continue
        if is_furniture(paragraph):
            continue
        body.append(paragraph)
    published = published or found_published or found_updated
    byline = found_byline or byline  # the page's visible byline is fuller than meta tags
    # Uncredited wire captions sit above the story; the story's dateline shows where it starts.
    for k, paragraph in enumerate(body[:_CAPTION_SEARCH]):
        if split_dateline(paragraph)[0]:
            body = [p for p in body[:k] if not is_leading_caption(p)] + body[k:]
            break
    dateline = ""
    for i, paragraph in enumerate(body[:_DATELINE_SEARCH]):
        place, rest = split_dateline(paragraph)
        if rest != paragraph:
            dateline, body[i] = place, rest
            break
    return Article(title=title, byline=byline, dateline=dateline, published=published,
                   paragraphs=body, url=_tidy(url))


def _parse_html(source: str, kind: str) -> tuple[str, list[str], str, str]:
    from .html import extract_html, looks_like_page

    full_page = looks_like_page(source) if kind != "html" else True
    doc = extract_html(source, full_page=full_page)
    paragraphs = [p for block in doc.blocks for p in block_paragraphs(clean_text(block))]
    author = doc.author
    for block in doc.leading:  # the visible byline names every author; meta often just one
        fields = header_fields(_tidy(block))
        if fields and fields[0]:
            author = fields[0]
            break
    return doc.title, paragraphs, author, doc.published


def parse(source: str, *, kind: str = "auto", url: str = "", title: str = "",
          published: str = "") -> Article:
    """Parse source of the given kind ("text", "html", "entry", "auto") into an Article.

    title and published, when given (a feed entry's), win over what the page says.
    """
    if isinstance(source, bytes):
        source = source.decode("utf-8", errors="replace")
    source, url, title, published = (
        value if isinstance(value, str) else "" for value in (source, url, title, published)
    )
    text = clean_text(source)
    if kind not in KINDS:
        kind = "auto"
    is_html = kind == "html" or (kind != "text" and looks_like_html(text))
    given_title = _tidy(title)
    author = ""
    page_published = ""
    if is_html:
        page_title, paragraphs, author, page_published = _parse_html(text, kind)
        page_title = given_title or page_title
    else:
        blocks = _text_blocks(text)
        if given_title or kind == "entry":
            page_title, paragraphs = given_title, [p for b in blocks for p in b]
        else:
            page_title, paragraphs = _title_from_blocks(blocks)
    # A date the caller gives is kept as it is when already ISO; the page's becomes a date.
    published_iso = normalise_published(clean_text(published)) or parse_date(page_published)
    return _assemble(page_title, paragraphs, byline=_clean_author(author),
                     published=_tidy(published_iso), url=url)


def _clean_author(author: str) -> str:
    """trafilatura and meta tags give "Jane Doe; John Roe" or "By Jane Doe"."""
    author = _tidy(author)
    if not author:
        return ""
    names = byline_of(author if author.lower().startswith("by ") else f"By {author}")
    parts = [a.strip() for a in re.split(r"\s*;\s*", author) if a.strip()]
    return names or " and ".join(parts)
