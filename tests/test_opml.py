"""OPML: nested outlines read, DTDs refused, export escapes everything and reads back."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from store.errors import SourceError
from store.opml import export_opml, parse_opml
from store.records import FeedRecord

NESTED = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>mine</title></head><body>
  <outline text="Local">
    <outline type="rss" text="Coast Daily" xmlUrl="http://news.test/feed.xml"/>
    <outline type="rss" title="Valmere Wire" text="ignored" xmlUrl="https://wire.test/atom"/>
  </outline>
  <outline type="rss" text="Coast Daily again" xmlUrl="http://news.test/feed.xml"/>
  <outline type="rss" text="no url"/>
  <outline type="rss" text="local file" xmlUrl="file:///etc/passwd"/>
</body></opml>"""


def test_nested_outlines_first_seen_kept() -> None:
    assert parse_opml(NESTED) == [("http://news.test/feed.xml", "Coast Daily"),
                                  ("https://wire.test/atom", "Valmere Wire")]


@pytest.mark.parametrize("data", [
    b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaa">]><opml><body/></opml>',
    b'<opml><body><outline xmlUrl="http://x.test/"/></body></opml><!ENTITY b "c">',
], ids=["doctype", "entity"])
def test_dtd_refused(data: bytes) -> None:
    with pytest.raises(SourceError) as err:
        parse_opml(data, "subs.opml")
    assert str(err.value) == "subs.opml: OPML declares a DTD/entities; refused"


def test_not_opml() -> None:
    with pytest.raises(SourceError, match="subs.opml: not valid OPML"):
        parse_opml(b"<opml><body>", "subs.opml")
    with pytest.raises(SourceError, match="subs.opml: not valid OPML"):
        parse_opml(b'<?xml version="1.0" encoding="bogus"?><opml/>', "subs.opml")
    with pytest.raises(SourceError, match=r"not an OPML file \(root element <rss>\)"):
        parse_opml(b"<rss/>", "subs.opml")


def test_export_escapes_and_reads_back() -> None:
    feeds = [
        FeedRecord("http://news.test/feed.xml?a=1&b=2", title='Coast "Daily" <&> \x1b[31mred',
                   link="http://news.test/?x=1&y=2"),
        FeedRecord("https://wire.test/atom", title=""),
    ]
    text = export_opml(feeds)
    root = ET.fromstring(text.encode())  # well-formed XML
    assert root.tag == "opml" and root.get("version") == "2.0"
    assert root.find("head/dateCreated").text
    outlines = root.findall("body/outline")
    assert outlines[0].get("xmlUrl") == "http://news.test/feed.xml?a=1&b=2"
    assert outlines[0].get("text") == 'Coast "Daily" <&> red'
    assert outlines[0].get("htmlUrl") == "http://news.test/?x=1&y=2"
    assert outlines[1].get("text") == "https://wire.test/atom"  # no title: the URL stands in
    assert "\x1b" not in text
    assert parse_opml(text.encode()) == [("http://news.test/feed.xml?a=1&b=2",
                                          'Coast "Daily" <&> red'),
                                         ("https://wire.test/atom", "https://wire.test/atom")]


def test_too_many_feeds_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from store import opml

    monkeypatch.setattr(opml, "MAX_OPML_FEEDS", 3)
    outlines = "".join(f'<outline xmlUrl="http://f{n}.test/rss"/>' for n in range(4))
    with pytest.raises(SourceError, match="lists more than 3 feeds; refused"):
        parse_opml(f"<opml><body>{outlines}</body></opml>".encode(), "big.opml")
    three = "".join(f'<outline xmlUrl="http://f{n}.test/rss"/>' for n in range(3))
    assert len(parse_opml(f"<opml><body>{three}</body></opml>".encode())) == 3
