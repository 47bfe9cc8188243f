"""Feeds written for the tests (invented towns and people), and hostile variants of them."""

from __future__ import annotations

from xml.sax.saxutils import escape

STORIES = [
    ("Harbour council approves new ferry timetable",
     "The council voted seven to two on Tuesday. \u201cThe ferries will finally run on time,\u201d "
     "said Mayor Lina Ortiz. Residents of the north shore said the change came too late."),
    ("Teachers in Valmere vote to end strike",
     "Teachers returned to classrooms after a three-week walkout. \u201cWe were heard,\u201d said "
     "union leader Tomas Berg. The education ministry welcomed the vote."),
    ("Storm closes coastal road for second day",
     "Crews cleared fallen trees along the coast road. \u201cIt will reopen by Friday,\u201d "
     "said Ines Marek, head of the roads agency."),
]


def rss_items(count: int, start: int = 0, prefix: str = "http://news.test/story") -> str:
    items = []
    for i in range(start, start + count):
        title, text = STORIES[i % len(STORIES)]
        items.append(
            f"<item><title>{escape(title)} ({i})</title>"
            f"<link>{prefix}/{i}</link><guid isPermaLink=\"false\">story-{i}</guid>"
            f"<pubDate>Tue, 10 Nov 2026 {i % 24:02d}:{i % 60:02d}:00 GMT</pubDate>"
            f"<author>desk@news.test (Ana Ruiz)</author>"
            f"<description>{escape('<p>' + text + '</p>')}</description></item>")
    return "".join(items)


def rss(count: int = 3, start: int = 0, title: str = "Coast Daily", extra: str = "",
        prefix: str = "http://news.test/story") -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{escape(title)}</title><link>http://news.test/</link>"
        f"<description>Local news</description>{extra}{rss_items(count, start, prefix)}"
        "</channel></rss>"
    ).encode()


def atom(count: int = 2, title: str = "Valmere Wire") -> bytes:
    entries = []
    for i in range(count):
        head, text = STORIES[(i + 1) % len(STORIES)]
        entries.append(
            f"<entry><title type=\"html\">{escape('<b>' + head + '</b>')} #{i}</title>"
            f"<id>tag:wire.test,2026:{i}</id>"
            f"<link rel=\"alternate\" href=\"/wire/{i}\"/>"
            f"<published>2026-11-0{i + 1}T08:30:00+01:00</published>"
            f"<updated>2026-11-0{i + 1}T09:00:00Z</updated>"
            "<author><name>Jon Hale</name></author>"
            f"<summary>{escape(text[:60])}</summary>"
            f"<content type=\"html\">{escape('<p>' + text + '</p>')}</content></entry>")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://wire.test/">'
        f"<title>{escape(title)}</title><id>tag:wire.test,2026:feed</id>"
        '<link rel="alternate" href="http://wire.test/"/>'
        "<updated>2026-11-05T09:00:00Z</updated>" + "".join(entries) + "</feed>"
    ).encode("utf-8")


def rdf(count: int = 2) -> bytes:
    items = "".join(
        f'<item rdf:about="http://rdf.test/{i}"><title>{escape(STORIES[i][0])}</title>'
        f"<link>http://rdf.test/{i}</link><description>{escape(STORIES[i][1])}</description>"
        f"<dc:date>2026-11-0{i + 1}T10:00:00Z</dc:date><dc:creator>Mia Stone</dc:creator></item>"
        for i in range(count))
    return (
        '<?xml version="1.0"?>'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        '<channel rdf:about="http://rdf.test/"><title>Ridge Notes</title>'
        "<link>http://rdf.test/</link><description>d</description></channel>"
        f"{items}</rdf:RDF>"
    ).encode()


BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE rss [\n <!ENTITY lol "lol">\n'
    + b"".join(
        f' <!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">\n'.encode()
        for n in range(1, 10))
    + b']>\n<rss version="2.0"><channel><title>&lol9;</title>'
    b"<item><title>&lol9;</title><guid>x</guid></item></channel></rss>"
)

EXTERNAL_ENTITY = (
    b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/hostname">]>'
    b'<rss version="2.0"><channel><title>t</title><item><title>&secret;</title>'
    b"<guid>y</guid></item></channel></rss>"
)

HTML_PAGE = (
    b"<!DOCTYPE html>\n<html><head><title>Coast Daily</title></head>"
    b"<body><p>Welcome to our site.</p></body></html>"
)

MALFORMED = b'<?xml version="1.0"?><rss version="2.0"><channel><<<title>>></rss'


def page_linking(href: str) -> bytes:
    """A site's front page naming its feed the way sites do, in its <head>."""
    return (
        "<!DOCTYPE html><html><head><title>Coast Daily</title>"
        '<link rel="stylesheet" href="/site.css">'
        '<link rel="alternate" type="application/json" href="/feed.json">'
        f'<link rel="alternate" type="application/rss+xml" title="News" href="{href}">'
        '<link rel="alternate" type="application/atom+xml" href="/second.atom">'
        "</head><body><p>Today on the coast.</p></body></html>"
    ).encode()
