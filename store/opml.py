"""OPML 2.0, the list of feeds every reader exchanges: read (DTDs refused) and write."""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET
from email.utils import formatdate

from analysis import clean_text

from .errors import SourceError
from .records import FeedRecord

MAX_OPML_BYTES = 5 * 1024 * 1024
MAX_OPML_FEEDS = 2_000
_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)\b", re.I)
# XML 1.0 cannot carry these even as character references.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def parse_opml(data: bytes, where: str = "OPML file") -> list[tuple[str, str]]:
    """(url, title) of every feed outline, nested categories included, first seen kept."""
    if len(data) > MAX_OPML_BYTES:
        raise SourceError(f"{where}: too large for an OPML file")
    if _DECLARATION.search(data.replace(b"\x00", b"")):
        raise SourceError(f"{where}: OPML declares a DTD/entities; refused")
    try:
        root = ET.fromstring(data)
    except (ET.ParseError, ValueError, LookupError, RecursionError) as exc:
        detail = " ".join(clean_text(str(exc)).split())[:100]
        raise SourceError(f"{where}: not valid OPML ({detail})") from None
    if root.tag.rsplit("}", 1)[-1].lower() != "opml":
        raise SourceError(f"{where}: not an OPML file (root element <{_shown(root.tag)[:40]}>)")
    feeds: dict[str, str] = {}
    for outline in root.iter():
        if not isinstance(outline.tag, str) or outline.tag.rsplit("}", 1)[-1] != "outline":
            continue
        url = _shown(outline.get("xmlUrl") or outline.get("xmlurl") or "")
        if not url.lower().startswith(("http://", "https://")) or url in feeds:
            continue
        feeds[url] = _shown(outline.get("title") or outline.get("text") or "")[:1000]
        if len(feeds) > MAX_OPML_FEEDS:
            raise SourceError(f"{where}: lists more than {MAX_OPML_FEEDS} feeds; refused")
    return list(feeds.items())


def export_opml(feeds: list[FeedRecord], title: str = "Byline feeds") -> str:
    """An OPML 2.0 document (UTF-8 text with its XML declaration) listing feeds."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = _xml_safe(title)
    ET.SubElement(head, "dateCreated").text = formatdate(time.time(), usegmt=True)
    body = ET.SubElement(root, "body")
    for feed in feeds:
        name = _xml_safe(feed.title) or _xml_safe(feed.url)
        attrs = {"type": "rss", "text": name, "title": name, "xmlUrl": _xml_safe(feed.url)}
        if feed.link:
            attrs["htmlUrl"] = _xml_safe(feed.link)
        ET.SubElement(body, "outline", attrs)
    ET.indent(root, space="  ")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            + ET.tostring(root, encoding="unicode") + "\n")


def _shown(text: str) -> str:
    return " ".join(clean_text(text).split())


def _xml_safe(text: str) -> str:
    return _NOT_XML.sub("", _shown(text or ""))
