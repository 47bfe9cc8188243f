"""parse_feed: RSS, Atom and RDF read the same by the fast path and by feedparser; hostile
documents (DTDs, entities, HTML, malformed XML) refused with one clear line."""

from __future__ import annotations

import time
from xml.sax.saxutils import escape

import pytest
from feed_samples import (
    BILLION_LAUGHS,
    EXTERNAL_ENTITY,
    HTML_PAGE,
    MALFORMED,
    atom,
    page_linking,
    rdf,
    rss,
)

from store import feedparse, feedparse_fast
from store.errors import SourceError
from store.feedbytes import to_utf8
from store.feedparse import parse_feed


def _via_feedparser(data: bytes, url: str = "") -> list:
    feed, entries = feedparse._with_feedparser(data, url, "test")
    return [feedparse._entry(e) for e in entries]


def test_rss_entries_have_every_field() -> None:
    parsed = parse_feed(rss(3), "http://news.test/feed.xml")
    assert parsed.title == "Coast Daily"
    assert parsed.link == "http://news.test/"
    assert [e.guid for e in parsed.entries] == ["story-0", "story-1", "story-2"]
    first = parsed.entries[0]
    assert first.link == "http://news.test/story/0"
    assert first.title == "Harbour council approves new ferry timetable (0)"
    assert first.summary.startswith("<p>The council voted")  # HTML kept for the analysis
    assert first.content == first.summary
    assert first.published == "2026-11-10T00:00:00+00:00"
    assert first.author == "desk@news.test (Ana Ruiz)"


def test_atom_title_markup_dropped_links_resolved_dates_in_utc() -> None:
    parsed = parse_feed(atom(2))
    assert parsed.title == "Valmere Wire"
    entry = parsed.entries[0]
    assert entry.title == "Teachers in Valmere vote to end strike #0"  # <b> dropped
    assert entry.link == "http://wire.test/wire/0"
    assert entry.guid == "tag:wire.test,2026:0"
    assert entry.published == "2026-11-01T07:30:00+00:00"
    assert entry.author == "Jon Hale"
    assert entry.content.startswith("<p>Teachers returned")
    assert entry.summary.startswith("Teachers returned")


@pytest.mark.parametrize("sample", [rss(4), atom(3), rdf(2)], ids=["rss", "atom", "rdf"])
def test_fast_path_reads_what_feedparser_reads(sample: bytes) -> None:
    fast = parse_feed(sample).entries
    assert fast, "the sample has entries"
    assert fast == _via_feedparser(sample)


def test_atom_xhtml_content_becomes_html_text() -> None:
    data = (b'<feed xmlns="http://www.w3.org/2005/Atom"><title>X</title>'
            b'<entry><id>e1</id><title>T</title><content type="xhtml">'
            b'<div xmlns="http://www.w3.org/1999/xhtml"><p>One &amp; <em>two</em></p></div>'
            b"</content></entry></feed>")
    entry = parse_feed(data).entries[0]
    assert entry.content == "<p>One &amp; <em>two</em></p>"


@pytest.mark.parametrize("data", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["laughs", "external"])
def test_entities_refused_before_parsing(data: bytes) -> None:
    started = time.monotonic()
    with pytest.raises(SourceError) as err:
        parse_feed(data, "http://evil.test/feed")
    assert str(err.value) == "http://evil.test/feed: feed declares XML entities; refused"
    assert time.monotonic() - started < 1


def test_entities_refused_in_other_encodings_and_places() -> None:
    utf16 = ('<?xml version="1.0" encoding="utf-16"?><!DOCTYPE rss [<!ENTITY a "b">]>'
             '<rss version="2.0"><channel><title>&a;</title></channel></rss>').encode("utf-16")
    late = rss(1).replace(b"</channel>", b'<!ENTITY x "y"></channel>')  # for the lenient reader
    for data in (utf16, late):
        with pytest.raises(SourceError, match="declares XML entities; refused"):
            parse_feed(data)


def test_doctype_text_inside_cdata_is_not_a_declaration() -> None:
    extra = "<item><title>Page</title><guid>p1</guid><description><![CDATA[<!DOCTYPE html><p>Hi</p>]]></description></item>"  # noqa: E501
    parsed = parse_feed(rss(1, extra=extra))
    assert [e.guid for e in parsed.entries] == ["p1", "story-0"]


def test_html_page_is_not_a_feed() -> None:
    with pytest.raises(SourceError) as err:
        parse_feed(HTML_PAGE, "http://news.test/")
    assert str(err.value) == "http://news.test/: an HTML page, not a feed"


def test_malformed_xml_without_entries() -> None:
    with pytest.raises(SourceError, match=r"^http://news.test/x: malformed feed"):
        parse_feed(MALFORMED, "http://news.test/x")


def test_other_xml_and_plain_text_are_refused() -> None:
    with pytest.raises(SourceError, match="not an RSS or Atom feed"):
        parse_feed(b"<?xml version='1.0'?><catalog><book/></catalog>")
    with pytest.raises(SourceError, match="malformed feed"):
        parse_feed(b"just some words, no markup")
    with pytest.raises(SourceError, match="empty feed"):
        parse_feed(b"  \n ")


def test_truncated_feed_keeps_the_complete_entries() -> None:
    data = rss(3)
    cut = data[: data.index(b"<item>", data.index(b"story-1")) + 20]  # inside the third item
    parsed = parse_feed(cut)
    assert [e.guid for e in parsed.entries][:2] == ["story-0", "story-1"]


def test_control_characters_and_escape_sequences_stripped() -> None:
    extra = ("<item><title>Red \x1b[31malert\x1b[0m&#x7;</title><guid>c1</guid>"
             "<link>javascript:alert(1)</link><description>a\x1b]0;owned\x07b</description>"
             "</item>")
    entry = parse_feed(rss(0, extra=extra.replace("&#x7;", ""))).entries[0]
    assert entry.title == "Red alert"
    assert "\x1b" not in entry.summary and "owned" not in entry.summary
    assert entry.link == ""  # only http(s) links are kept


def test_non_utf8_declared_encoding() -> None:
    data = ('<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel>'
            "<title>Caf\xe9 News</title><item><title>Cr\xe8me</title><guid>g</guid></item>"
            "</channel></rss>").encode("latin-1")
    parsed = parse_feed(data)
    assert parsed.title == "Café News"
    assert parsed.entries[0].title == "Crème"


def test_five_thousand_entries_parse_quickly() -> None:
    data = rss(5000)
    started = time.perf_counter()
    parsed = parse_feed(data)
    elapsed = time.perf_counter() - started
    assert len(parsed.entries) == 5000
    assert len({e.guid for e in parsed.entries}) == 5000
    assert elapsed < 1.0, f"{elapsed:.2f} s for 5,000 entries"


@pytest.mark.parametrize("data", [
    b"<!DOCTYPE x [" + b"]" * 200_000,
    b'<?xml version="1.0"?><rss><channel>' + b"<![CDATA[" * 200_000,
    b"<?xml version='1.0'?>" + b"<!--" * 200_000,
    b"<?xml version='1.0'?>" + b"<?" * 200_000,
    b"<rss><channel><title>" + b"<" * 500_000 + b"</title></channel></rss>",
    b"<rss><channel><item><title>" + b"<a " * 300_000 + b"</title></item></channel></rss>",
], ids=["doctype-brackets", "open-cdata", "open-comments", "open-pis", "lt-flood", "tag-flood"])
def test_hostile_shapes_cost_linear_time(data: bytes) -> None:
    started = time.monotonic()
    try:
        parse_feed(data)
    except SourceError:
        pass
    assert time.monotonic() - started < 2, "a regex went quadratic"


def test_utf8_bom_takes_the_fast_path() -> None:
    data = b"\xef\xbb\xbf" + rss(2)
    assert feedparse_fast.read_tree(to_utf8(data, "")) is not None
    assert [e.guid for e in parse_feed(data).entries] == ["story-0", "story-1"]


def test_bare_ampersands_and_html_entities_repaired_on_the_fast_path() -> None:
    extra = ("<item><title>Fish & chips&nbsp;week &eacute;t&eacute; &amp; more &bogus;</title>"
             "<guid>amp-1</guid></item>")
    data = rss(1, extra=extra)
    assert feedparse_fast.read_tree(data) is None  # not well-formed as it stands
    parsed = parse_feed(data)
    assert parsed.entries[0].title == "Fish & chips week été & more &bogus;"
    assert [e.guid for e in parsed.entries] == ["amp-1", "story-0"]


def test_no_cap_on_the_number_of_entries() -> None:
    assert len(parse_feed(rss(12_000)).entries) == 12_000  # 10,000 were kept before
    assert len(parse_feed(rss(300)[:-30]).entries) == 300  # the lenient path too


def test_html_page_names_the_feed_it_advertises() -> None:
    with pytest.raises(feedparse.NotAFeedError) as err:
        parse_feed(page_linking("/news/feed.xml?x=1&amp;y=2"), "http://news.test/front")
    assert err.value.feed_url == "http://news.test/news/feed.xml?x=1&y=2"
    assert str(err.value) == ("http://news.test/front: an HTML page, not a feed (it names its "
                              "feed: http://news.test/news/feed.xml?x=1&y=2)")
    # a javascript: link is passed over for the next feed the page names
    assert feedparse.discover_feed(page_linking("javascript:alert(1)"),
                                   "http://a.test/") == "http://a.test/second.atom"
    assert feedparse.discover_feed(HTML_PAGE, "http://a.test/") == ""


def test_feed_discovery_is_linear_on_hostile_pages() -> None:
    page = b"<html><head><link " + b"a" * 200_000 + b" " + b"b=" * 50_000 + b">"
    started = time.monotonic()
    assert feedparse.discover_feed(page, "http://a.test/") == ""
    assert time.monotonic() - started < 1


def test_impossible_dates_are_dropped_not_fatal() -> None:
    extra = "".join(
        f"<item><title>d{n}</title><guid>d{n}</guid><pubDate>{date}</pubDate></item>"
        for n, date in enumerate(["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-05:00",
                                  "not a date", "Tue, 10 Nov 2026 25:99:00 GMT"]))
    entries = parse_feed(rss(1, extra=extra)).entries
    assert [e.published for e in entries[:4]] == ["", "", "", ""]
    assert entries[4].published == "2026-11-10T00:00:00+00:00"


def test_stray_less_than_signs_defused_for_tag_strippers() -> None:
    from store.feeds import plain  # the store's summary cleaner: `<[^>]+>` over the text

    flood = "<p>Tide tables</p>" + "<" * 100_000 + "<a " * 20_000 + "<b>end</b>"
    extra = f"<item><guid>lt</guid><description>{escape(flood)}</description></item>"
    entry = parse_feed(rss(0, extra=extra)).entries[0]
    assert entry.summary.startswith("<p>Tide tables</p>&lt;&lt;")
    assert entry.summary.endswith("&lt;a <b>end</b>")
    started = time.monotonic()
    plain(entry.summary)
    assert time.monotonic() - started < 1
    # a few stray signs in ordinary text are kept as written
    text = parse_feed(rss(0, extra="<item><guid>m</guid><description>a &lt; b, c &lt; d"
                                   "</description></item>")).entries[0]
    assert text.summary == "a < b, c < d"
