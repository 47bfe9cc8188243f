"""OPML 2.0, the list of feeds every reader exchanges: read (streamed, with entity declarations
refused by defusedxml) and write. A list of any length is read: memory grows with the feeds
it names, not with the file."""

from __future__ import annotations

import io
import re
import time
import xml.etree.ElementTree as ET
from email.utils import formatdate
from typing import BinaryIO

from defusedxml import EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import iterparse

from .errors import SourceError, shown
from .records import FeedRecord

# XML 1.0 cannot carry these even as character references.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def parse_opml(source: bytes | BinaryIO, where: str = "OPML file") -> list[tuple[str, str]]:
    """(url, title) of every feed outline, nested categories included, first seen kept.
    source is the document's bytes or a binary file open on it."""
    stream = io.BytesIO(source) if isinstance(source, bytes) else source
    feeds: dict[str, str] = {}
    root = ""
    try:
        for event, element in iterparse(stream, events=("start", "end"), forbid_dtd=False):
            if not root:
                root = element.tag.rsplit("}", 1)[-1]
                if root.lower() != "opml":
                    raise SourceError(f"{where}: not an OPML file (root element "
                                      f"<{shown(root, 40)}>)")
            if event == "end" and element.tag.rsplit("}", 1)[-1] == "outline":
                _take(element, feeds)
                element.clear()  # read: only the feeds it names are kept
    except (EntitiesForbidden, ExternalReferenceForbidden):
        raise SourceError(f"{where}: OPML declares XML entities; refused") from None
    except (ET.ParseError, ValueError, LookupError, RecursionError) as exc:
        raise SourceError(f"{where}: not valid OPML ({shown(str(exc), 100)})") from None
    return list(feeds.items())


def _take(outline: ET.Element, feeds: dict[str, str]) -> None:
    url = shown(outline.get("xmlUrl") or outline.get("xmlurl") or "", limit=None)
    if url.lower().startswith(("http://", "https://")) and url not in feeds:
        feeds[url] = shown(outline.get("title") or outline.get("text") or "", limit=1000)


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


def _xml_safe(text: str) -> str:
    return _NOT_XML.sub("", shown(text or "", limit=None))
