"""Feeds as they come in the wild (tests/wild_feeds.py): the quirks of good feeds load, read
alike from memory (a fetched body) and streamed from a file; entity bombs and XXE are refused
with one line by the parser-level guard (defusedxml), never by a text search that would also
throw out an RSS 0.91 DOCTYPE or a page inside CDATA. Nothing crashes."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from feed_samples import atom, rdf, rss
from http_server import Reply, ScriptedServer
from wild_feeds import GOOD, HOSTILE

from store.errors import SourceError
from store.feedbytes import FeedBytes
from store.feedparse import FeedReading, parse_feed
from store.library import Library
from store.refresh import load_feed, refresh_feeds
from tui.cli import main

URL = "http://keston.test/feed.xml"


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    with ScriptedServer() as running:
        yield running


def streamed(data: bytes, tmp_path: Path, batch: int = 2) -> tuple[str, list]:
    path = tmp_path / "feed.xml"
    path.write_bytes(data)
    reading = FeedReading(FeedBytes.file(path), batch=batch)
    entries = [entry for chunk in reading for entry in chunk]
    return reading.title, entries


@pytest.mark.parametrize("name", sorted(GOOD))
def test_good_feeds_load_alike_from_memory_and_from_a_file(name: str, tmp_path: Path) -> None:
    data = GOOD[name]
    parsed = parse_feed(data)
    assert parsed.entries and parsed.title
    title, entries = streamed(data, tmp_path)
    assert (title, entries) == (parsed.title, parsed.entries)


@pytest.mark.parametrize("sample", [rss(7), atom(5), rdf(2)], ids=["rss", "atom", "rdf"])
def test_the_stream_reads_what_the_whole_document_reads(sample: bytes, tmp_path: Path) -> None:
    parsed = parse_feed(sample)
    for batch in (1, 3, 1000):
        assert streamed(sample, tmp_path, batch) == (parsed.title, parsed.entries)


def test_what_each_quirk_reads_as() -> None:
    first = {name: parse_feed(data, URL).entries[0] for name, data in GOOD.items()}
    assert parse_feed(GOOD["rss-0.91-doctype"]).title == "Café Gazette"
    assert first["rss-0.91-doctype"].title == "Café reopens on the quay"
    page = parse_feed(GOOD["doctype-in-cdata"]).entries[1]
    assert page.content.startswith("<!DOCTYPE html><html>")
    for name in ("declared-latin1-written-utf8", "declared-utf8-written-latin1"):
        assert first[name].title == "Café owners welcome the tram", name
    assert first["utf8-bom"].title == "Bom café"
    assert first["utf16-le-bom"].title == first["utf16-be-bom"].title == "Wide café"
    assert first["cdata-odd-places"].title == "Tide & time"
    assert first["cdata-odd-places"].link == "http://keston.test/tide"
    assert first["cdata-odd-places"].content == "Part one <p>and part two</p> ]]> done"
    assert first["html-entities-in-xml"].title == "Fish & chips week — cafés …"
    assert first["html-entities-in-xml"].content == "Bread & butter, © Keston™"
    relative = parse_feed(GOOD["relative-links"], URL).entries
    assert [e.link for e in relative[:2]] == ["http://keston.test/story/1",
                                              "http://keston.test/story/2"]
    # a feed file has no URL: links are relative to the site the feed names
    assert parse_feed(GOOD["relative-links"]).entries[0].link == "http://keston.test/story/1"
    assert [e.link for e in parse_feed(GOOD["atom-relative-links"]).entries] == [
        "http://wire.test/news/2026/one.html", "http://wire.test/two.html"]
    assert [e.published for e in parse_feed(GOOD["missing-dates"]).entries] == ["", "", ""]
    xhtml = first["xhtml-content"]
    assert xhtml.title == "The tram returns"
    assert xhtml.content.startswith('<p>Rails <a href="/map">laid</a> again &amp; <strong>')


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_entity_bombs_and_xxe_are_refused_in_one_line(name: str, tmp_path: Path) -> None:
    started = time.monotonic()
    with pytest.raises(SourceError) as err:
        parse_feed(HOSTILE[name], URL)
    assert str(err.value) == f"{URL}: feed declares XML entities; refused"
    with pytest.raises(SourceError, match="feed declares XML entities; refused"):
        streamed(HOSTILE[name], tmp_path)
    assert time.monotonic() - started < 1


def test_stored_the_same_over_http_and_from_a_file(server: ScriptedServer, home: Path,
                                                  tmp_path: Path) -> None:
    with Library.open(home) as lib:
        for name, data in GOOD.items():
            url = server.route(f"/{name}.xml", Reply(body=data))
            path = tmp_path / f"{name}.xml"
            path.write_bytes(data)
            over_http, _ = load_feed(lib, url)
            from_file, _ = load_feed(lib, str(path))
            assert over_http.entry_count == from_file.entry_count >= 1, name
        # the same guid three times, the same link twice: two entries
        assert lib.feed(str(tmp_path / "duplicate-guids.xml")).entry_count == 2
        for name, data in HOSTILE.items():
            server.route(f"/{name}.xml", Reply(body=data))
        bad = [server.url(f"/{name}.xml") for name in HOSTILE]
        with lib.files.writing():
            for url in bad:
                lib.add_feed(url)
        report = refresh_feeds(lib, urls=bad)
        assert {r.error for r in report.results} == {"feed declares XML entities; refused"}


@pytest.mark.parametrize("name", sorted(GOOD) + sorted(HOSTILE))
def test_feeds_add_never_crashes(capsys, name: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.xml"
    path.write_bytes({**GOOD, **HOSTILE}[name])
    code = main(["feeds", "add", "--json", str(path)])
    out, err = capsys.readouterr()
    if name in GOOD:
        assert code == 0 and err == "", err
        assert json.loads(out)[0]["entries"] >= 1
    else:
        assert code == 2
        assert err == f"byline: {path}: feed declares XML entities; refused\n"
