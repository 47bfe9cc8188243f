"""Hostile input never crashes the engine: arbitrary text, quote-mark soups and HTML-ish strings
go through the full analyze() for every kind; offsets stay valid and no control characters
come out."""

from __future__ import annotations

import os
import re
import time
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import analyze
from analysis.model import Analysis

KINDS = st.sampled_from(["text", "html", "entry", "auto"])
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SETTINGS = settings(max_examples=int(os.environ.get("HOSTILE_EXAMPLES", "150")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

QUOTE_SOUP = st.lists(
    st.sampled_from(
        list("\"“”‘’'«»„‟‹›「」 \n.,:;—-()")
        + [" said ", " Mr Hale ", " she said", " according to ", "The", " O’Brien ", "don’t",
           "\n\n", "By JANE DOE", "PARIS – ", "words here", "Ann Lee"]
    ),
    max_size=120,
).map("".join)
NEWSY = st.lists(
    st.sampled_from(
        ["“", "”", "\"", "'", "‘", "’", "«", "»", "\n\n", "\n", " ", ". ", ", ", ": ", " — ",
         "said", "says", "told reporters", "according to", "he said", "she added", "they said",
         "Irena Vasko", "Vasko", "the diplomat", "the Kremlin", "Dr. Ann Lee", "Mr. Hale",
         "a spokesperson for the ministry", "the operators' association", "O’Brien", "don’t",
         "so-called", "We will not", "back down", "This is wrong", "(AP)", "PARIS –",
         "Valdorian President", "professor of history at the University of Leeds", "It", "He",
         "She", "warned", "criticised", "defended", "supported", "Full Screen", "1 / 4"]
    ),
    max_size=150,
).map("".join)
HTML_PIECES = st.sampled_from(
    ["<p>", "</p>", "<div>", "</div>", "<br>", "<br/>", "<article>", "</article>", "<main>",
     "<script>", "</script>", "<style>", "</style>", "<nav>", "</nav>", "<aside>", "</aside>",
     "<h1>", "</h1>", "<title>", "</title>", "<html>", "<body>", "</body>", "<!DOCTYPE html>",
     "<meta name='author' content='X'>", "<meta property='article:published_time' content='",
     "<time datetime='2024-13-45'>", "<!--", "-->", "<![CDATA[", "]]>", "<?xml version='1.0'?>",
     "&amp;", "&#27;", "&#x1b;", "&#0;", "&#x9f;", "&nbsp;", "&ldquo;", "&rdquo;", "&bogus;",
     "&#99999999;", "\x1b[31m", "\x00", "\x07", "\x85", "\u2028", "<", ">", "\"", "“", "”",
     "said Mr Hale.", " Quoted text, ", "WASHINGTON (AP) — ", "<li>", "<ul>", "<a href='x'>",
     "</a>", "<img src=x onerror=alert(1)>", "<svg><g>", "<table><tr><td>", "<", "<p class="]
)
HTML_SOUP = st.lists(st.one_of(HTML_PIECES, st.text(max_size=20)), max_size=80).map("".join)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return []


def _check(result: Analysis) -> None:
    paragraphs = result.article.paragraphs
    for quote in result.quotes:
        assert 0 <= quote.paragraph < len(paragraphs)
        assert 0 <= quote.start <= quote.end <= len(paragraphs[quote.paragraph])
        assert paragraphs[quote.paragraph][quote.start:quote.end] == quote.text
    for reaction in result.reactions:
        assert 0 <= reaction.paragraph < max(len(paragraphs), 1)
    for text in _strings(result.to_dict()):
        assert not CONTROL.search(text), repr(text)
    assert len(result.summary) <= 5


@SETTINGS
@given(source=st.text(max_size=400), kind=KINDS)
def test_arbitrary_text(source: str, kind: str) -> None:
    _check(analyze(source, kind=kind))


@SETTINGS
@given(source=QUOTE_SOUP, kind=KINDS)
def test_quote_mark_soup(source: str, kind: str) -> None:
    _check(analyze(source, kind=kind))


@SETTINGS
@given(source=NEWSY, kind=KINDS)
def test_newsy_fragments(source: str, kind: str) -> None:
    _check(analyze(source, kind=kind))


@SETTINGS
@given(source=HTML_SOUP, kind=KINDS, title=st.text(max_size=30), published=st.text(max_size=30))
def test_html_soup(source: str, kind: str, title: str, published: str) -> None:
    _check(analyze(source, kind=kind, title=title, published=published))


def test_huge_nesting_and_unclosed_tags_are_survived_quickly() -> None:
    started = time.perf_counter()
    for markup in (
        "<html><body>" + "<div>" * 5000 + "<p>Deep text, said Mr Hale.</p>" + "</div>" * 10,
        "<p>" * 3000 + "Unclosed “quote",
        "<html><body><article>" + "<b><i>" * 2000 + "“Hello,” she said.</article>",
        "<table>" + "<tr><td>" * 2000,
    ):
        for kind in ("html", "entry", "auto"):
            _check(analyze(markup, kind=kind))
    assert time.perf_counter() - started < 15


def test_control_characters_never_survive() -> None:
    source = "Title\x1b[2J\n\n\x1b]0;owned\x07“Quote\x00d text,” said Mr\x9b Hale.\r\n\r\nMore\x0b."
    result = analyze(source, kind="text")
    _check(result)
    assert result.article.title == "Title"
