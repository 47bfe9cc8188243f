"""Reading inputs: files and URLs -> decoded text and what kind of document it is."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import SourceError

SNIFF_BYTES = 64 * 1024  # enough to tell a feed from a page or a text
# A BOM, processing instructions (<?xml …?>, <?xml-stylesheet …?>) and comments may come first.
_FEED_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?[^>]{0,500}\?>\s*|<!--.{0,2000}?-->\s*){0,10}"
    rb"<(?:rss|feed|rdf:RDF)\b", re.S)
_HTML_START = re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body|<\?xml[^>]*>\s*<html)", re.I)


@dataclass
class Source:
    """One input as read: its text, its kind ("text", "html" or "feed") and where it came from.

    A feed file is not read here, only recognised: its entries are streamed from the file
    when it is stored (`path` says where), so a feed file of any size is read in bounded
    memory. Everything else is read whole (an article is analysed whole anyway)."""

    text: str
    kind: str
    location: str  # the path or URL given
    url: str = ""  # final URL after redirects, "" for files
    raw: bytes = b""
    path: Path | None = None  # a feed file, to be streamed


def is_url(target: str) -> bool:
    return target.startswith(("http://", "https://"))


def sniff_kind(data: bytes, content_type: str = "") -> str:
    """"feed", "html" or "text" from the first bytes (and the HTTP content type if any)."""
    head = data[:4096]
    if _FEED_START.match(head):
        return "feed"
    ct = content_type.lower()
    if "rss" in ct or "atom" in ct:
        return "feed"
    if _HTML_START.match(head) or "html" in ct or b"<p>" in head.lower():
        return "html"
    return "text"


def decode(data: bytes, location: str) -> str:
    """Bytes -> text; binary or empty input is refused with a one-line SourceError."""
    if not data.strip():
        raise SourceError(f"{location}: empty input")
    if b"\x00" in data[:8192]:
        raise SourceError(f"{location}: binary file, not an article or a feed")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = data.decode("latin-1")
    printable = sum(ch.isprintable() or ch.isspace() for ch in text[:8192])
    if printable < 0.9 * min(len(text), 8192):
        raise SourceError(f"{location}: binary file, not an article or a feed")
    return text


def read_file(path: str | Path) -> Source:
    """A file the user names, whatever its size: a feed is recognised from its first bytes
    and left to be streamed; an article or a page is read whole."""
    p = Path(path)
    try:
        if p.is_dir():
            raise SourceError(f"{path}: is a folder, not a file")
        with p.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
            kind = sniff_kind(head)
            if kind == "feed":
                return Source("", "feed", str(path), path=p.resolve())
            if b"\x00" in head[:8192]:  # before reading a large binary file whole
                raise SourceError(f"{path}: binary file, not an article or a feed")
            data = head + handle.read()
    except FileNotFoundError:
        raise SourceError(f"{path}: no such file") from None
    except PermissionError:
        raise SourceError(f"{path}: permission denied") from None
    except OSError as exc:
        raise SourceError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return Source(decode(data, str(path)), kind, str(path), raw=data)


def read_url(url: str, max_size: int | None = None) -> Source:
    from .fetch import DEFAULT_LIMITS, fetch

    limits = DEFAULT_LIMITS if not max_size else replace(DEFAULT_LIMITS, max_bytes=max_size)
    result = fetch(url, limits=limits)
    return Source(decode(result.body, url), sniff_kind(result.body, result.content_type), url,
                  url=result.url, raw=result.body)


def read_source(target: str, max_size: int | None = None) -> Source:
    """Read a path or an http(s) URL (whose response may be at most max_size bytes, else the
    fetch's default)."""
    return read_url(target, max_size) if is_url(target) else read_file(target)
