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


def test_entities_refused_a_bare_doctype_accepted() -> None:
    with pytest.raises(SourceError) as err:
        parse_opml(b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaa">]><opml><body>'
                   b'<outline xmlUrl="http://x.test/&a;"/></body></opml>', "subs.opml")
    assert str(err.value) == "subs.opml: OPML declares XML entities; refused"
    with pytest.raises(SourceError, match="subs.opml: not valid OPML"):  # not in the prolog
        parse_opml(b'<opml><body><outline xmlUrl="http://x.test/"/></body></opml>'
                   b'<!ENTITY b "c">', "subs.opml")
    bare = b'<!DOCTYPE opml><opml><body><outline xmlUrl="http://x.test/"/></body></opml>'
    assert parse_opml(bare) == [("http://x.test/", "")]


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


def test_ten_thousand_feeds_read_from_a_file(tmp_path) -> None:
    outlines = "".join(f'<outline text="Feed {n}" xmlUrl="http://f{n}.test/rss"/>'
                       for n in range(10_000))
    path = tmp_path / "big.opml"
    path.write_text(f'<opml version="2.0"><body><outline text="All">{outlines}</outline>'
                    "</body></opml>", encoding="utf-8")
    with path.open("rb") as handle:
        feeds = parse_opml(handle, str(path))
    assert len(feeds) == 10_000  # 2,000 were the most before
    assert feeds[9_999] == ("http://f9999.test/rss", "Feed 9999")
