"""HTML pages and feed entry fragments: main text kept, page chrome dropped, fields found."""

from __future__ import annotations

import pytest

from analysis import analyze
from analysis.article import parse
from analysis.html_text import walk_html

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
    assert "Mara Quill" in article.byline
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
