"""Feeds as they come in the wild, written for these tests (invented towns and people): good
feeds with the quirks real ones have, and hostile ones. Each is bytes, ready to serve or save.
"""

from __future__ import annotations

ITEM = ("<item><title>{title}</title><link>{link}</link><guid>{guid}</guid>"
        "<pubDate>Tue, 10 Nov 2026 08:30:00 GMT</pubDate>"
        "<description>{body}</description></item>")


def rss_doc(items: str, head: str = '<?xml version="1.0" encoding="utf-8"?>\n',
            channel: str = "<title>Keston Wire</title><link>http://keston.test/</link>") -> str:
    return f'{head}<rss version="2.0"><channel>{channel}{items}</channel></rss>'


def item(n: int, title: str = "", link: str = "", body: str = "Fishermen met on the quay.",
         guid: str = "") -> str:
    return ITEM.format(title=title or f"Quay story {n}", link=link or f"http://keston.test/{n}",
                       guid=guid or f"keston-{n}", body=body)


RSS_091 = (
    '<?xml version="1.0" encoding="ISO-8859-1"?>\n'
    '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"\n'
    ' "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n'
    '<rss version="0.91"><channel><title>Caf&eacute; Gazette</title>'
    "<link>http://gazette.test/</link><description>Old school</description>"
    "<language>en</language>"
    "<item><title>Caf&eacute; reopens on the quay</title>"
    "<link>http://gazette.test/cafe</link><description>The caf&eacute; is back.</description>"
    "</item><item><title>Second story</title><link>http://gazette.test/two</link></item>"
    "</channel></rss>").encode("latin-1")

PAGE_IN_CDATA = rss_doc(
    item(1) + "<item><title>Full page inside</title><link>http://keston.test/page</link>"
    "<guid>page</guid><description>Short.</description>"
    '<content:encoded><![CDATA[<!DOCTYPE html><html><head><title>x</title></head><body>'
    "<p>The whole page, doctype and all.</p></body></html>]]></content:encoded></item>",
    head='<?xml version="1.0" encoding="utf-8"?>\n',
).replace('<rss version="2.0">',
          '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
          ).encode()

BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE rss [\n <!ENTITY a "ha">\n'
    + b"".join(f' <!ENTITY a{n} "{("&a" + (str(n - 1) if n > 1 else "") + ";") * 10}">\n'
               .encode() for n in range(1, 10))
    + b']>\n<rss version="2.0"><channel><title>&a9;</title>'
    b"<item><title>&a9;</title><guid>x</guid></item></channel></rss>")
QUADRATIC_BLOWUP = (
    b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY big "' + b"x" * 100_000 + b'">]>'
    b'<rss version="2.0"><channel><title>t</title><item><title>'
    + b"&big;" * 20_000 + b"</title><guid>q</guid></item></channel></rss>")
XXE = (b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/hostname">]>'
       b'<rss version="2.0"><channel><title>t</title><item><title>&secret;</title>'
       b"<guid>y</guid></item></channel></rss>")
PARAMETER_ENTITY = (
    b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/x.dtd">'
    b" %remote;]><rss version=\"2.0\"><channel><title>t</title></channel></rss>")
EXTERNAL_DTD_AND_ENTITY = (
    b'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "http://127.0.0.1:9/rss.dtd" '
    b'[<!ENTITY e "e">]><rss version="2.0"><channel><title>&e;</title></channel></rss>')

DECLARED_LATIN1_WRITTEN_UTF8 = rss_doc(
    item(1, title="Café owners welcome the tram"),
    head='<?xml version="1.0" encoding="ISO-8859-1"?>\n').encode("utf-8")
DECLARED_UTF8_WRITTEN_LATIN1 = rss_doc(
    item(1, title="Café owners welcome the tram")).encode("latin-1")
DECLARED_UNKNOWN_ENCODING = rss_doc(
    item(1), head='<?xml version="1.0" encoding="x-keston-7"?>\n').encode("ascii")

UTF8_BOM = b"\xef\xbb\xbf" + rss_doc(item(1, title="Bom café")).encode("utf-8")
UTF16_LE_BOM = rss_doc(item(1, title="Wide café"),
                       head='<?xml version="1.0" encoding="utf-16"?>\n').encode("utf-16")
UTF16_BE_BOM = b"\xfe\xff" + rss_doc(
    item(1, title="Wide café"), head='<?xml version="1.0" encoding="utf-16"?>\n'
).encode("utf-16-be")

CDATA_ODD_PLACES = rss_doc(
    "<item><title><![CDATA[Tide & <b>time</b>]]></title>"
    "<link><![CDATA[http://keston.test/tide]]></link><guid>tide</guid>"
    "<description>Part one <![CDATA[<p>and]]><![CDATA[ part two</p>]]> ]]&gt; done"
    "</description></item>",
    channel="<title><![CDATA[Keston <Wire>]]></title><link>http://keston.test/</link>",
).encode()

HTML_ENTITIES_IN_XML = rss_doc(
    item(1, title="Fish &amp; chips&nbsp;week &mdash; caf&eacute;s &hellip;",
         body="Bread & butter, &copy; Keston&trade;")).encode()

RELATIVE_LINKS = rss_doc(
    item(1, link="/story/1") + item(2, link="story/2")
    + "<item><title>Permalink guid</title><guid>/story/3</guid></item>").encode()
ATOM_RELATIVE = (
    b'<?xml version="1.0" encoding="utf-8"?>'
    b'<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://wire.test/news/">'
    b'<title>Wire</title><link href="/"/><id>w</id>'
    b'<entry xml:base="2026/"><title>Relative</title><id>e1</id><link href="one.html"/>'
    b"<updated>2026-11-01T10:00:00Z</updated></entry>"
    b'<entry><title>Rooted</title><id>e2</id><link href="/two.html"/></entry></feed>')

MISSING_DATES = rss_doc(
    "".join(f"<item><title>Undated {n}</title><link>http://keston.test/u{n}</link>"
            f"<guid>u{n}</guid></item>" for n in range(3))).encode()

DUPLICATE_GUIDS = rss_doc(
    item(1, guid="same") + item(2, guid="same") + item(3, guid="same", link="http://keston.test/1")
    + item(4)).encode()

XHTML_CONTENT = (
    b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
    b"<title>Wire</title><id>w</id>"
    b'<entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">The '
    b"<em>tram</em> returns</div></title><id>x1</id>"
    b'<link href="http://wire.test/tram"/>'
    b'<summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Short.</p></div>'
    b"</summary>"
    b'<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Rails '
    b'<a href="/map">laid</a> again &amp; <strong>soon</strong>.</p><br/></div></content>'
    b"</entry></feed>")

GOOD = {
    "rss-0.91-doctype": RSS_091,
    "doctype-in-cdata": PAGE_IN_CDATA,
    "declared-latin1-written-utf8": DECLARED_LATIN1_WRITTEN_UTF8,
    "declared-utf8-written-latin1": DECLARED_UTF8_WRITTEN_LATIN1,
    "declared-unknown-encoding": DECLARED_UNKNOWN_ENCODING,
    "utf8-bom": UTF8_BOM,
    "utf16-le-bom": UTF16_LE_BOM,
    "utf16-be-bom": UTF16_BE_BOM,
    "cdata-odd-places": CDATA_ODD_PLACES,
    "html-entities-in-xml": HTML_ENTITIES_IN_XML,
    "relative-links": RELATIVE_LINKS,
    "atom-relative-links": ATOM_RELATIVE,
    "missing-dates": MISSING_DATES,
    "duplicate-guids": DUPLICATE_GUIDS,
    "xhtml-content": XHTML_CONTENT,
}
HOSTILE = {
    "billion-laughs": BILLION_LAUGHS,
    "quadratic-blowup": QUADRATIC_BLOWUP,
    "xxe": XXE,
    "parameter-entity": PARAMETER_ENTITY,
    "external-dtd-and-entity": EXTERNAL_DTD_AND_ENTITY,
}
