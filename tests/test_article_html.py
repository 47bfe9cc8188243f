"""HTML pages and feed entry fragments: main text kept, page chrome dropped, fields found."""

from __future__ import annotations

import pytest

from analysis import analyze
from analysis.text.article import parse
from analysis.text.html import walk_html

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Harbour strike spreads to second port | The Coastal Ledger</title>
<meta property="og:title" content="Harbour strike spreads to second port">
<meta name="author" content="Mara Quill">
<meta property="article:published_time" content="2025-03-14T09:30:00Z">
<style>body { color: red; } .x::after { content: "STYLE LEAK"; }</style>
<script>var leak = "SCRIPT LEAK"; document.write("<p>SCRIPT LEAK</p>");</script>
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li>
<li><a href="/sport">Sport and leisure</a></li></ul></nav></header>
<main><article>
<h1>Harbour strike spreads to second port</h1>
<p class="byline">By Mara Quill and Tomas Reyes</p>
<figure><img src="a.jpg" alt=""><figcaption>Dock workers gather outside the gates on Thursday.
(Ilse Varga/Coastal Ledger)</figcaption></figure>
<p>BRIXHAVEN &mdash; Dock workers at the port of Brixhaven walked out on Friday, joining a
strike that began in Eastmouth last week and has already delayed dozens of cargo ships.</p>
<p>&ldquo;We have been patient for three years,&rdquo; said Oriel Banks, secretary of the
dockers&#39; union. &#8220;Patience has run out.&#8221;</p>
<p>The port authority said it regretted the action and called for talks to resume on
Monday &amp; Tuesday.</p>
<aside class="related"><h3>Related</h3><ul><li><a href="/a">Eastmouth dockers vote to
strike in pay row</a></li><li><a href="/b">Shipping rates climb again as ports jam</a></li>
</ul></aside>
<p>Ministers have so far declined to intervene, saying the dispute is a matter for employers
and unions.</p>
<p>Advertisement</p>
<p>Shipping analysts estimate that each day of the stoppage costs the regional economy several
million pounds.</p>
</article></main>
<footer><p>&copy; 2025 The Coastal Ledger. All rights reserved.</p>
<a href="/privacy">Privacy policy and cookie settings</a></footer>
</body></html>"""

DIV_PAGE = """<html><head><title>Flood defences fail in three towns - Northern Courier</title>
<meta name="description" content="Rivers burst their banks">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Flood defences fail in three
towns","datePublished":"2024-11-02T07:00:00Z","author":{"@type":"Person","name":"Ellen
Pryce"}}</script>
</head><body>
<div id="top"><a href="/">Northern Courier</a> <a href="/news">News</a> <a
href="/weather">Weather</a></div>
<div class="share"><a>Share on Facebook</a> <a>Share on X</a> <a>Email</a></div>
<div class="article-body">
<h1>Flood defences fail in three towns</h1>
<div class="meta"><span class="author">By Ellen Pryce</span> <span class="date">Published 7:00 AM
GMT, November 2, 2024</span></div>
<p>YORK — Flood barriers failed in three Yorkshire towns overnight, forcing hundreds of families
from their homes as the River Ouse rose to its highest level in a decade.</p>
<p>"The water came through the wall like it wasn't there," said Derek Hollis, who runs a bakery
near the river. "We had ten minutes."</p>
<div class="newsletter">Sign up for our daily newsletter</div>
<p>The Environment Agency said the barriers had been inspected in the summer and that an
investigation would begin once the water receded.</p>
<div class="related"><h4>Read more</h4><a href="/1">How the 2015 floods changed the city</a><br><a
href="/2">Insurance claims expected to top £100m</a></div>
<p>Local councillors said residents had warned for years that the defences were too low.</p>
<p>Copyright © 2024 Northern Courier</p>
</div>
<div class="comments">24 comments</div>
<div class="footer">About us | Contact | Terms</div>
</body></html>
"""

BR_ENTRY = ("<div>First paragraph of the post, which ends here.<br><br>Second paragraph, "
            "with a line that\nwraps in the source.<br/><br/><a href='/x'>Read more</a></div>")

ENTRY = """<p>The council approved the budget on Tuesday by 31 votes to 12.</p>
<p>&#8220;This is a budget for growth,&#8221; said the council leader, Ada Frey.<br>
She added that rates would not rise.</p>
<p><img src="x.jpg"></p><p>Read more: Council tax explained</p>"""


def _check_page(article_paragraphs: list[str]) -> None:
    body = "\n".join(article_paragraphs)
    for leak in ("SCRIPT LEAK", "STYLE LEAK", "Home", "World news", "Related", "Shipping rates",
                 "Privacy", "Coastal Ledger. All rights", "Advertisement", "Ilse Varga"):
        assert leak not in body, leak
    assert "&mdash;" not in body and "&amp;" not in body and "&#" not in body
    assert any(p.startswith("“We have been patient") for p in article_paragraphs)
    assert any("Monday & Tuesday" in p for p in article_paragraphs)
    assert article_paragraphs[-1].startswith("Shipping analysts")


def test_html_page_main_text_and_metadata() -> None:
    article = parse(PAGE)  # auto sniffs HTML
    assert article.title == "Harbour strike spreads to second port"
    assert article.published == "2025-03-14"
    assert article.byline == "Mara Quill and Tomas Reyes"  # the visible line, not meta's one
    assert article.dateline == "BRIXHAVEN"
    assert article.paragraphs[0].startswith("Dock workers at the port of Brixhaven")
    _check_page(article.paragraphs)


def test_stdlib_fallback_when_trafilatura_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("extraction failed")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    article = parse(PAGE, kind="html")
    assert article.title == "Harbour strike spreads to second port"
    assert article.byline == "Mara Quill and Tomas Reyes"  # the visible byline line
    assert article.dateline == "BRIXHAVEN"
    _check_page(article.paragraphs)


@pytest.mark.parametrize("extractor_works", [True, False])
def test_div_soup_page_with_header_line_and_link_lists(
    extractor_works: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not extractor_works:
        import trafilatura

        monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: None)
    article = parse(DIV_PAGE, kind="html")
    assert article.title == "Flood defences fail in three towns"
    assert article.byline == "Ellen Pryce"
    assert article.published == "2024-11-02"
    assert article.dateline == "YORK"
    assert [p.split()[0] for p in article.paragraphs] == ["Flood", '"The', "The", "Local"]


def test_br_separated_paragraphs_in_an_entry() -> None:
    article = parse(BR_ENTRY, kind="entry", title="A post")
    assert article.paragraphs == [
        "First paragraph of the post, which ends here.",
        "Second paragraph, with a line that wraps in the source.",
    ]


def test_article_header_is_kept_page_header_is_not() -> None:
    article = parse(
        "<form id='aspnet'><header><a href='/'>Daily Echo home page</a> Weather and travel</header>"
        "<article><header><h1>Budget passes after long night</h1><p>By Ann Lee</p>"
        "<p>Published March 4, 2025</p></header><p>The council passed the budget at 2am.</p>"
        "</article></form>", kind="entry")
    assert article.byline == "Ann Lee"
    assert article.published == "2025-03-04"
    assert article.paragraphs == ["The council passed the budget at 2am."]


def test_walker_prefers_article_content_and_title_without_site_name() -> None:
    doc = walk_html("<html><head><title>Budget passes after long night - The Daily Echo</title>"
                    "</head><body><div>Cookie banner text here</div><article><p>Body one.</p>"
                    "<p>Body two.</p></article></body></html>")
    assert doc.title == "Budget passes after long night"
    assert doc.blocks == ["Body one.", "Body two."]


def test_feed_entry_fragment() -> None:
    article = parse(ENTRY, kind="entry", title="Council passes budget",
                    published="2025-02-04T18:00:00+00:00")
    assert article.title == "Council passes budget"
    assert article.published == "2025-02-04T18:00:00+00:00"
    assert article.paragraphs == [
        "The council approved the budget on Tuesday by 31 votes to 12.",
        "“This is a budget for growth,” said the council leader, Ada Frey.",
        "She added that rates would not rise.",
    ]


def test_entities_encoding_control_characters_are_removed() -> None:
    article = parse("<p>Bad &#27;[31mred&#7; text &#0; here.</p><p>Second paragraph.</p>")
    assert all(ord(c) >= 32 for p in article.paragraphs for c in p)
    assert article.paragraphs[1] == "Second paragraph."


def test_analyze_runs_on_html_page() -> None:
    result = analyze(PAGE, kind="html")
    assert result.article.title == "Harbour strike spreads to second port"
    assert 1 <= len(result.summary) <= 5
    for quote in result.quotes:
        assert result.article.paragraphs[quote.paragraph][quote.start:quote.end] == quote.text


QUOTE_PAGE = """<html><body><article><h1>Statement on the closure</h1>
<p>The operator published a statement on Tuesday explaining why the line would close.</p>
<blockquote><p>“We looked at every option for keeping the line open.</p>
<p>“None of them was affordable,” the statement said.</p></blockquote>
<ul><li>Services stop on 1 June.</li><li>Replacement buses will run hourly.</li></ul>
<p>Passenger groups said they would campaign to save the route.</p></article></body></html>"""


@pytest.mark.parametrize("extractor_works", [True, False])
def test_blockquote_and_list_paragraphs_stay_apart(
    extractor_works: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not extractor_works:
        import trafilatura

        monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: None)
    article = parse(QUOTE_PAGE)
    assert article.paragraphs == [
        "The operator published a statement on Tuesday explaining why the line would close.",
        "“We looked at every option for keeping the line open.",
        "“None of them was affordable,” the statement said.",
        "Services stop on 1 June.",
        "Replacement buses will run hourly.",
        "Passenger groups said they would campaign to save the route.",
    ]
