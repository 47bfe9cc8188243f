"""Two feeds that carry the same links: the article is stored once, and each feed lists and
counts every entry it carries (as newsboat does). Removing one feed keeps what the other
carries. Stores written before this (schema 1) are read the same and stamped on open."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from feed_samples import rss
from http_server import Reply, ScriptedServer

from store import library as library_module
from store.errors import StoreError
from store.library import SCHEMA_VERSION, Library
from store.refresh import load_feed, refresh_feeds
from tui.cli import main


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    with ScriptedServer() as running:
        yield running


def index_ids(home: Path) -> list[str]:
    return list(json.loads((home / "index.json").read_text())["articles"])


def test_second_feed_with_the_same_links_counts_every_entry(
        capsys, server: ScriptedServer, home: Path) -> None:
    first = server.route("/coast.xml", Reply(body=rss(3, title="Coast Daily")))
    second = server.route("/mirror.xml", Reply(body=rss(3, title="Coast Mirror")))
    assert main(["feeds", "add", first]) == 0
    assert main(["feeds", "add", second]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1] == f"Coast Mirror — {second}: 3 entries (3 new)"  # was "0 entries (0 new)"
    assert main(["feeds", "list", "--json"]) == 0
    counts = {row["url"]: row["entries"] for row in json.loads(capsys.readouterr().out)}
    assert counts == {first: 3, second: 3}
    assert len(index_ids(home)) == 3  # stored once
    with Library.open(home) as lib:
        assert [e.id for e in lib.entries(second)] == [e.id for e in lib.entries(first)]
        assert len(lib.entries()) == 3
        # a refresh of the mirror finds nothing new, and a new story lands in both
        server.route("/coast.xml", Reply(body=rss(4, title="Coast Daily")))
        server.route("/mirror.xml", Reply(body=rss(4, title="Coast Mirror")))
        report = refresh_feeds(lib)
        assert [r.new_entries for r in report.results] == [1, 1]
        assert (lib.feed(first).entry_count, lib.feed(second).entry_count) == (4, 4)
        assert len(index_ids(home)) == 4


def test_removing_one_feed_keeps_what_another_carries(server: ScriptedServer,
                                                      home: Path) -> None:
    first = server.route("/a.xml", Reply(body=rss(3)))
    second = server.route("/b.xml", Reply(body=rss(2, start=1)))  # stories 1 and 2 of 0-2
    with Library.open(home) as lib:
        load_feed(lib, first)
        _, result = load_feed(lib, second)
        assert result.new_entries == 2
        kept = {e.id for e in lib.entries(second)}
        assert lib.remove_feed(first)
        assert {e.id for e in lib.entries()} == kept  # story 0 went, 1 and 2 stay
        assert lib.feed(second).entry_count == 2
        for ref in lib.entries(second):
            assert ref.feed_url == second  # now the feed that still carries it
            stored = lib.article(ref.id)  # its body, stored with the first feed, is kept
            assert stored is not None and stored.analysis.article.paragraphs
        assert lib.remove_feed(second)
        assert lib.entries() == [] and index_ids(home) == []


def test_an_article_the_user_added_is_listed_by_the_feed_that_links_it(
        server: ScriptedServer, home: Path, tmp_path: Path) -> None:
    page = ("<html><head><title>Harbour council approves new ferry timetable</title></head>"
            "<body><article><h1>Harbour council approves new ferry timetable</h1><p>The "
            "council voted seven to two on Tuesday, and the ferries will change in May.</p>"
            "<p>Residents of the north shore said the change came too late.</p></article>"
            "</body></html>")
    story = server.route("/story/0", Reply(body=page.encode(),
                                           headers={"Content-Type": "text/html"}))
    feed = server.route("/f.xml", Reply(body=rss(2, prefix=server.url("/story"))))
    with Library.open(home) as lib:
        (article,) = lib.add(story)
        load_feed(lib, feed)
        assert lib.feed(feed).entry_count == 2
        assert article.id in {e.id for e in lib.entries(feed)}
        assert len(index_ids(home)) == 2
        lib.remove_feed(feed)
        assert [r.id for r in lib.articles()] == [article.id]  # the user's article stays
        assert lib.ref(article.id).feed_url == ""


def test_a_schema_1_store_is_read_the_same_and_stamped(server: ScriptedServer,
                                                       home: Path) -> None:
    first = server.route("/a.xml", Reply(body=rss(3)))
    with Library.open(home) as lib:
        load_feed(lib, first)
    # as Byline wrote it before: no `feeds` list, schema 1
    index = json.loads((home / "index.json").read_text())
    for doc in index["articles"].values():
        del doc["feeds"]
    (home / "index.json").write_text(json.dumps(index))
    settings = json.loads((home / "settings.json").read_text())
    settings["settings"]["schema"]["value"] = 1
    (home / "settings.json").write_text(json.dumps(settings))
    with Library.open(home) as lib:
        assert lib.setting("schema") == SCHEMA_VERSION == 2
        assert lib.feed(first).entry_count == 3
        second = server.route("/b.xml", Reply(body=rss(3)))
        _, result = load_feed(lib, second)
        assert result.new_entries == 3 and lib.feed(second).entry_count == 3
        lib.remove_feed(first)
        assert lib.feed(second).entry_count == 3
        lib._migrate()  # again: nothing changes
        assert lib.setting("schema") == 2


def test_an_older_byline_refuses_a_migrated_store(home: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    Library.open(home).close()
    monkeypatch.setattr(library_module, "SCHEMA_VERSION", 1)
    with pytest.raises(StoreError, match="newer Byline"):
        Library.open(home)


def test_shared_entries_are_unread_in_every_feed_and_counted_once_in_all(
        server: ScriptedServer, home: Path) -> None:
    first = server.route("/first.xml", Reply(body=rss(3, title="First")))
    second = server.route("/second.xml", Reply(body=rss(2, start=1, title="Second")))
    with Library.open(home) as lib:
        load_feed(lib, first)
        load_feed(lib, second)
        counts = lib.unread_counts()
        assert counts.total == 3  # stories 1 and 2 are carried by both, counted once
        assert (counts.by_feed[first], counts.by_feed[second]) == (3, 2)
        assert len(lib.articles(feed=second)) == 2  # the second lists what it carries
        assert lib.feed(second).unread == 2
        shared = lib.articles(feed=second)[0].id
        lib.mark_read(shared)
        counts = lib.unread_counts()
        assert (counts.total, counts.by_feed[first], counts.by_feed[second]) == (2, 2, 1)
        lib.hide_feed(first)
        # hidden: what only the first carries leaves the list; what the second carries stays
        listed = {ref.id for ref in lib.articles()}
        assert listed == {ref.id for ref in lib.articles(feed=second)}
        assert lib.unread_counts().total == 1
