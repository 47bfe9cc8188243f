"""refresh_feeds / load_feed against a real server and a real store in a temp folder: each
failure leaves the feed's entries as they were and stores its one-line error."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from feed_samples import BILLION_LAUGHS, HTML_PAGE, MALFORMED, atom, page_linking, rss
from http_server import Reply, ScriptedServer, conditional, gzip_bomb, redirect

from store.errors import SourceError
from store.fetch import FetchLimits
from store.library import Library
from store.refresh import load_feed, refresh_feeds

FAST = FetchLimits.with_timeout(0.5)


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    with ScriptedServer() as running:
        yield running


@pytest.fixture
def lib(home: Path) -> Iterator[Library]:
    with Library.open(home) as opened:
        yield opened


def test_add_loads_rss_and_atom(server: ScriptedServer, lib: Library) -> None:
    rss_url = server.route("/rss", Reply(body=rss(3)))
    atom_url = server.route("/atom", Reply(body=atom(2)))
    record, result = load_feed(lib, rss_url)
    assert (record.title, record.entry_count, result.new_entries) == ("Coast Daily", 3, 3)
    record, result = load_feed(lib, atom_url)
    assert (record.title, record.entry_count) == ("Valmere Wire", 2)
    titles = {e.title for e in lib.entries(atom_url)}
    assert "Teachers in Valmere vote to end strike #0" in titles
    assert {e.feed_url for e in lib.entries()} == {rss_url, atom_url}


def test_add_refuses_a_feed_it_cannot_load(server: ScriptedServer, lib: Library) -> None:
    url = server.route("/page", Reply(body=HTML_PAGE, headers={"Content-Type": "text/html"}))
    with pytest.raises(SourceError, match="an HTML page, not a feed"):
        load_feed(lib, url)
    assert lib.feeds() == []


def test_etag_304_costs_only_last_fetch(server: ScriptedServer, lib: Library,
                                        home: Path) -> None:
    url = server.route("/f", conditional(rss(3), etag='"v1"'))
    load_feed(lib, url)
    assert lib.feed(url).etag == '"v1"'
    index = home / "index.json"
    before = index.stat().st_mtime_ns, index.stat().st_ino
    time.sleep(0.01)
    report = refresh_feeds(lib)
    assert [(r.status, r.new_entries) for r in report.results] == [("not-modified", 0)]
    assert server.requests_to("/f")[-1].headers["if-none-match"] == '"v1"'
    assert (index.stat().st_mtime_ns, index.stat().st_ino) == before  # entries untouched
    assert lib.feed(url).last_fetch and lib.feed(url).entry_count == 3


def test_last_modified_304(server: ScriptedServer, lib: Library) -> None:
    stamp = "Tue, 10 Nov 2026 08:00:00 GMT"
    url = server.route("/f", conditional(rss(2), last_modified=stamp))
    load_feed(lib, url)
    report = refresh_feeds(lib)
    assert report.results[0].status == "not-modified"
    assert server.requests_to("/f")[-1].headers["if-modified-since"] == stamp


def test_new_entries_merged_and_duplicates_dropped(server: ScriptedServer,
                                                   lib: Library) -> None:
    url = server.route("/f", Reply(body=rss(3)))
    load_feed(lib, url)
    # next version: stories 1-3 (3 is new), story 3 again under the same guid, story 0 again
    # by link only, and one link-less, guid-less story twice (same content)
    same_guid = "<item><title>Changed title</title><guid>story-3</guid></item>"
    same_link = "<item><title>Again</title><link>http://news.test/story/0</link></item>"
    no_ids = "<item><title>Fog warning</title><description>Fog on the bay.</description></item>"
    server.route("/f", Reply(body=rss(3, start=1, extra=same_guid + same_link + no_ids * 2)))
    report = refresh_feeds(lib)
    assert report.results[0].status == "ok" and report.new_entries == 2
    entries = lib.entries(url)
    assert sorted(e.guid for e in entries if e.guid) == [f"story-{n}" for n in range(4)]
    titles = [e.title for e in entries]
    assert titles.count("Fog warning") == 1 and "Again" not in titles
    assert lib.feed(url).entry_count == 5
    report = refresh_feeds(lib)
    assert report.new_entries == 0 and lib.feed(url).entry_count == 5


FAILURES = {
    "slow": (Reply(body=rss(1), delay=5), "timed out (no answer within 0.5 s)"),
    "500": (Reply(500, b"down"), "HTTP 500 Internal Server Error"),
    "loop": (None, "redirect loop"),
    "oversize": (Reply(body=b"<rss>" + b" " * 300_000),
                 "response too large (293 KB; the limit is 256 KB"),
    "gzip-bomb": (Reply(precompressed=gzip_bomb(32 * 1024 * 1024)),
                  "decompressed response too large (over 256 KB; the limit is 256 KB"),
    "html": (Reply(body=HTML_PAGE), "an HTML page, not a feed"),
    "malformed": (Reply(body=MALFORMED), "malformed feed"),
    "billion-laughs": (Reply(body=BILLION_LAUGHS), "feed declares XML entities; refused"),
}


@pytest.mark.parametrize("case", sorted(FAILURES))
def test_failure_keeps_entries_and_stores_the_error(server: ScriptedServer, lib: Library,
                                                    case: str) -> None:
    url = server.route("/f", Reply(body=rss(2)))
    load_feed(lib, url)
    reply, message = FAILURES[case]
    if reply is None:  # a loop through two other paths back to the feed itself
        server.route("/f", redirect("/g"))
        server.route("/g", redirect("/f"))
    else:
        server.route("/f", reply)
    started = time.monotonic()
    report = refresh_feeds(lib, limits=FetchLimits.with_timeout(0.5, max_bytes=256 * 1024))
    assert time.monotonic() - started < 3
    result = report.results[0]
    assert result.status == "error" and message in result.error
    assert not result.error.startswith(url)  # the URL stands beside the error already
    stored = lib.feed(url)
    assert stored.last_error == result.error
    assert stored.entry_count == 2
    assert stored.last_fetch


def test_gzip_feed_loads(server: ScriptedServer, lib: Library) -> None:
    url = server.route("/gz", Reply(body=rss(4), gzip=True))
    record, _ = load_feed(lib, url)
    assert record.entry_count == 4


def test_one_failing_feed_does_not_stop_the_others(server: ScriptedServer,
                                                   lib: Library) -> None:
    good = server.route("/good", Reply(body=rss(2)))
    bad = server.route("/bad", Reply(body=rss(2, prefix="http://other.test/s")))
    load_feed(lib, good)
    load_feed(lib, bad)
    server.route("/good", Reply(body=rss(3)))
    server.route("/bad", Reply(503, b"maintenance"))
    seen: list[tuple[int, int, str]] = []
    report = refresh_feeds(lib, lambda done, total, u: seen.append((done, total, u)),
                           limits=FAST)
    by_url = {r.url: r for r in report.results}
    assert by_url[good].status == "ok" and by_url[good].new_entries == 1
    assert by_url[bad].status == "error"
    assert report.errors == [by_url[bad]]
    assert lib.feed(good).entry_count == 3 and lib.feed(good).last_error == ""
    assert lib.feed(bad).entry_count == 2
    assert lib.feed(bad).last_error == "HTTP 503 Service Unavailable"
    assert seen[0] == (0, 2, "") and seen[-1][:2] == (2, 2)
    # a later success clears the error
    server.route("/bad", Reply(body=rss(2, prefix="http://other.test/s")))
    refresh_feeds(lib)
    assert lib.feed(bad).last_error == ""


def test_feeds_are_fetched_concurrently(server: ScriptedServer, lib: Library) -> None:
    urls = [server.route(f"/f{n}", Reply(body=rss(1, start=n))) for n in range(6)]
    for url in urls:
        load_feed(lib, url)
    for n in range(6):  # changed bodies: each is parsed and merged
        server.route(f"/f{n}", Reply(body=rss(2, start=n * 10), delay=0.6))
    started = time.monotonic()
    report = refresh_feeds(lib)
    elapsed = time.monotonic() - started
    assert [r.status for r in report.results] == ["ok"] * 6
    assert elapsed < 2.5, f"{elapsed:.1f} s: six 0.6 s feeds were fetched one by one"


def test_feed_file_added_and_refreshed_by_mtime(lib: Library, tmp_path: Path) -> None:
    path = tmp_path / "coast.xml"
    path.write_bytes(rss(2))
    record, _ = load_feed(lib, str(path))
    assert record.url == str(path.resolve()) and record.entry_count == 2
    assert refresh_feeds(lib).results[0].status == "not-modified"
    path.write_bytes(rss(3))
    report = refresh_feeds(lib)
    assert report.results[0].status == "ok" and report.new_entries == 1
    path.unlink()
    report = refresh_feeds(lib)
    assert report.results[0].error == "feed file no longer exists"
    assert lib.feed(str(path)).entry_count == 3


def test_feed_files_with_stylesheet_or_bom(lib: Library, tmp_path: Path) -> None:
    styled = tmp_path / "styled.xml"
    styled.write_bytes(rss(2).replace(
        b"?>\n", b'?>\n<?xml-stylesheet type="text/xsl" href="feed.xsl"?>\n', 1))
    bom = tmp_path / "bom.xml"
    bom.write_bytes(b"\xef\xbb\xbf" + rss(1, prefix="http://bom.test/s"))
    for path, count in ((styled, 2), (bom, 1)):
        record, result = load_feed(lib, str(path))
        assert (record.entry_count, result.new_entries) == (count, count)
    html = tmp_path / "page.xml"
    html.write_bytes(HTML_PAGE)
    with pytest.raises(SourceError) as err:
        load_feed(lib, str(html))
    assert str(err.value) == f"{html.resolve()}: an HTML page, not a feed"


def test_feed_removed_during_refresh_is_reported(server: ScriptedServer,
                                                 lib: Library) -> None:
    urls = [server.route(f"/f{n}", Reply(body=rss(1, prefix=f"http://s{n}.test/x")))
            for n in range(2)]
    for url in urls:
        load_feed(lib, url)
    for n in range(2):
        server.route(f"/f{n}", Reply(body=rss(2, prefix=f"http://s{n}.test/x")))

    def remove_the_other(done: int, total: int, url: str) -> None:
        if done == 1:  # as if another byline removed the second feed meanwhile
            lib.remove_feed(next(u for u in urls if u != url))

    report = refresh_feeds(lib, remove_the_other)
    statuses = sorted((r.status, r.error) for r in report.results)
    assert statuses == [("error", "no such feed in the store"), ("ok", "")]
    assert len(lib.feeds()) == 1 and lib.feeds()[0].entry_count == 2
    assert len(lib.entries()) == 2  # nothing stored for the removed feed


def test_add_follows_the_feed_a_page_names(server: ScriptedServer, lib: Library) -> None:
    page = server.route("/", Reply(body=page_linking("/feed.xml"),
                                   headers={"Content-Type": "text/html"}))
    feed = server.route("/feed.xml", Reply(body=rss(2)))
    record, result = load_feed(lib, page)
    assert (record.url, record.entry_count, result.new_entries) == (feed, 2, 2)
    assert [f.url for f in lib.feeds()] == [feed]
    # a page naming a "feed" that is itself a page: refused, nothing added
    server.route("/other", Reply(body=page_linking("/also-a-page")))
    server.route("/also-a-page", Reply(body=page_linking("/other")))
    with pytest.raises(SourceError, match=r"/also-a-page: an HTML page, not a feed"):
        load_feed(lib, server.url("/other"))
    assert [f.url for f in lib.feeds()] == [feed]


def test_unchanged_and_failing_feeds_cost_one_write(server: ScriptedServer, lib: Library,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import store.db

    urls = [server.route(f"/f{n}", conditional(rss(1, prefix=f"http://s{n}.test/x"),
                                               etag=f'"e{n}"')) for n in range(5)]
    for url in urls:
        load_feed(lib, url)
    server.route("/f4", Reply(500, b"x"))
    written: list[str] = []
    real_write = store.db.atomic_write

    def counting_write(path: Path, data: bytes, **kwargs: bool) -> None:
        written.append(Path(path).name)
        real_write(path, data, **kwargs)

    monkeypatch.setattr(store.db, "atomic_write", counting_write)
    report = refresh_feeds(lib)
    assert sorted(r.status for r in report.results) == ["error"] + ["not-modified"] * 4
    assert written == ["feeds.json"]
    assert all(lib.feed(url).last_fetch for url in urls)
    assert lib.feed(urls[4]).last_error == "HTTP 500 Internal Server Error"


def test_hostile_entry_text_does_not_stall_the_store(server: ScriptedServer,
                                                      lib: Library) -> None:
    flood = "&lt;" * 200_000 + "&lt;a " * 30_000  # stray `<`: quadratic for `<[^>]+>`
    items = "".join(f"<item><guid>h{n}</guid><description>Part {n}. {flood}</description>"
                    "</item>" for n in range(3))
    url = server.route("/f", Reply(body=rss(0, extra=items)))
    started = time.monotonic()
    record, _ = load_feed(lib, url)
    assert record.entry_count == 3
    assert time.monotonic() - started < 5


def test_unchanged_body_without_validators_is_not_parsed_again(
        server: ScriptedServer, lib: Library, home: Path) -> None:
    url = server.route("/f", Reply(body=rss(3)))  # no ETag, no Last-Modified
    load_feed(lib, url)
    assert lib.feed(url).etag.startswith("sha1:")
    index = home / "index.json"
    before = index.stat().st_mtime_ns, index.stat().st_ino
    report = refresh_feeds(lib)
    assert report.results[0].status == "not-modified"
    assert "if-none-match" not in server.requests_to("/f")[-1].headers  # ours, never sent
    assert (index.stat().st_mtime_ns, index.stat().st_ino) == before
    server.route("/f", Reply(body=rss(4)))
    report = refresh_feeds(lib)
    assert (report.results[0].status, report.new_entries) == ("ok", 1)
    # a server that starts sending an ETag gets it back as If-None-Match
    server.route("/f", conditional(rss(4), etag='"now"'))
    refresh_feeds(lib)
    assert lib.feed(url).etag == '"now"'
    assert refresh_feeds(lib).results[0].status == "not-modified"
    assert server.requests_to("/f")[-1].headers["if-none-match"] == '"now"'
