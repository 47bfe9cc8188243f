"""The sample content in seeds/: every article reads well through the engine, the feeds are
plain, valid RSS 2.0 and Atom 1.0 with enough entries to explore related stories."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest
from conftest import ROOT

from analysis import analyze
from analysis.text.words import fold

SEEDS = ROOT / "seeds"
ARTICLES = sorted(p for p in SEEDS.iterdir() if p.suffix in (".txt", ".html"))
ATOM = "{http://www.w3.org/2005/Atom}"


def test_there_are_text_and_html_articles_and_both_feed_kinds() -> None:
    assert len([p for p in ARTICLES if p.suffix == ".txt"]) >= 4
    assert [p for p in ARTICLES if p.suffix == ".html"]
    assert list(SEEDS.glob("*.rss")) and list(SEEDS.glob("*.atom"))


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_every_article_has_quotes_speakers_reactions_and_a_summary(path: Path) -> None:
    result = analyze(path.read_text(encoding="utf-8"), kind="html" if path.suffix == ".html"
                     else "text")
    assert result.article.title
    assert len(result.quotes) >= 6, [q.text for q in result.quotes]
    assert len({q.speaker_id for q in result.quotes if q.speaker_id}) >= 3
    assert len(result.speakers) >= 3
    assert len(result.reactions) >= 1
    assert 3 <= len(result.summary) <= 5
    furniture = ("Full Screen", "Copyright", "All rights reserved", "contributed to this report",
                 "Subscribe for", "Privacy")
    for paragraph in result.article.paragraphs:
        assert not any(f in paragraph for f in furniture), paragraph


@pytest.mark.parametrize("path", [p for p in ARTICLES if p.suffix == ".txt"],
                         ids=lambda p: p.name)
def test_text_dumps_look_like_real_page_dumps(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "Full Screen" in text and re.search(r"^\d+ / \d+$", text, re.M)
    assert re.search(r"^Copyright \d{4} .+ All rights reserved\.$", text, re.M)
    assert re.search(r"^[A-Z][A-Z ]+ – ", text, re.M)  # the dateline
    assert re.search(r"\([A-Z][^()]*/[^()]*\)$", text, re.M)  # a photo credit
    assert 450 <= len(text.split()) <= 1000


def test_quote_styles_are_mixed_across_the_articles() -> None:
    texts = " ".join(p.read_text(encoding="utf-8") for p in ARTICLES)
    for mark in ("“", "”", '"', "‘", "’"):
        assert mark in texts
    assert "according to" in fold(texts)


def test_two_articles_follow_one_story_and_one_shares_only_a_surname() -> None:
    by_name = {p.name: analyze(p.read_text(encoding="utf-8"), kind="text") for p in ARTICLES
               if p.suffix == ".txt"}
    strike = [a for n, a in by_name.items() if "port_serrin" in n]
    assert len(strike) == 2
    names = [{s.name for s in a.speakers} for a in strike]
    assert names[0] & names[1]  # the same people speak in both strike stories
    other = by_name["03_keswin_philharmonic_ruth_marsh.txt"]
    surnames = {n.split()[-1] for a in strike for n in {s.name for s in a.speakers}}
    other_names = {s.name for s in other.speakers}
    assert any(n.split()[-1] in surnames for n in other_names)
    assert not other_names & {n for group in names for n in group}


def _feed_root(path: Path) -> ET.Element:
    raw = path.read_text(encoding="utf-8")
    assert "<!DOCTYPE" not in raw.upper() and "<!ENTITY" not in raw.upper()
    return ET.fromstring(raw.encode("utf-8"))


def test_rss_feed_is_rss_2_with_enough_complete_items() -> None:
    for path in SEEDS.glob("*.rss"):
        root = _feed_root(path)
        assert root.tag == "rss" and root.get("version") == "2.0"
        items = root.findall("./channel/item")
        assert len(items) >= 8
        guids = [item.findtext("guid") for item in items]
        assert all(guids) and len(set(guids)) == len(guids)
        for item in items:
            assert item.findtext("title")
            assert (item.findtext("link") or "").startswith("https://example.org/")
            assert parsedate_to_datetime(item.findtext("pubDate") or "").year == 2026
            assert re.search(r"[\"“‘]", item.findtext("description") or "")


def test_atom_feed_is_atom_1_with_enough_complete_entries() -> None:
    for path in SEEDS.glob("*.atom"):
        root = _feed_root(path)
        assert root.tag == f"{ATOM}feed"
        entries = root.findall(f"{ATOM}entry")
        assert len(entries) >= 8
        ids = [e.findtext(f"{ATOM}id") for e in entries]
        assert all(ids) and len(set(ids)) == len(ids)
        for entry in entries:
            assert entry.findtext(f"{ATOM}title")
            link = entry.find(f"{ATOM}link")
            assert link is not None and link.get("href", "").startswith("https://example.org/")
            datetime.fromisoformat(entry.findtext(f"{ATOM}updated") or "")
            body = entry.findtext(f"{ATOM}summary") or entry.findtext(f"{ATOM}content") or ""
            assert re.search(r"[\"“‘]|&quot;", body)


def test_feeds_mix_the_same_event_a_shared_name_and_unrelated_news() -> None:
    titles = []
    for path in [*SEEDS.glob("*.rss"), *SEEDS.glob("*.atom")]:
        root = _feed_root(path)
        for node in root.iter():
            if node.tag in ("item", f"{ATOM}entry"):
                text = " ".join(t for t in node.itertext())
                titles.append(fold(text))
    assert sum("serrin" in t for t in titles) >= 5  # the strike
    assert sum("marsh" in t and "serrin" not in t for t in titles) >= 3  # name, other event
    assert sum("serrin" not in t and "marsh" not in t for t in titles) >= 5  # unrelated


def test_html_article_keeps_its_metadata_and_drops_the_page_around_it() -> None:
    path = next(p for p in ARTICLES if p.suffix == ".html")
    markup = path.read_text(encoding="utf-8")
    for tag in ("<nav", "<aside", "<footer", "<article", 'name="author"'):
        assert tag in markup
    result = analyze(markup, kind="html")
    assert result.article.byline and result.article.published.startswith("2026-")
    body = " ".join(result.article.paragraphs)
    assert "Related" not in body and "Sign up" not in body and "About us" not in body
