"""The store's articles, feeds, ids, schema, damaged files and seeds, on real TinyDB files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from http_server import Reply, ScriptedServer
from hypothesis import given
from hypothesis import strategies as st

from analysis import Analysis, Article
from store import seeds as seeds_module
from store.articles import canonical_url, url_id
from store.errors import SourceError, StoreError
from store.library import SCHEMA_VERSION, Library
from store.records import FeedEntry

ARTICLE = """Harbour council approves new ferry line

PORTVALE (Wire) — The harbour council on Monday approved a ferry line linking the old docks
to the island of Mirren, ending a decade of delays.

"We finally have a crossing that works for commuters," said council chair Ruth Okafor.

Shipping firms welcomed the vote.
"""

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Portvale Wire</title><link>http://portvale.test/</link>
<item><title>Ferry timetable published</title><link>http://portvale.test/ferry?utm_source=rss</link>
<guid>pv-1</guid><description>The new ferry runs every forty minutes.</description>
<pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate></item>
<item><title>Dock workers vote on pay</title><link>http://portvale.test/pay</link>
<guid>pv-2</guid><description>Union members vote on the pay offer.</description>
<pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate></item>
</channel></rss>
"""


@pytest.fixture
def lib(home: Path) -> Library:
    with Library.open(home) as library:
        yield library


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_copy_without_a_headline_is_listed_by_its_opening_words(lib: Library,
                                                                 tmp_path: Path) -> None:
    opening = ("The harbour council of Portvale has approved a ferry line linking the old docks "
               "to the island of Mirren, ending a decade of delays and quarrels over the cost.")
    (ref,) = lib.add(write(tmp_path / "ferry.txt", f"{opening}\n\nShipping firms welcomed "
                                                    "the vote.\n"))
    assert ref.title.startswith("The harbour council of Portvale has approved a ferry line")
    assert ref.title.endswith("…") and len(ref.title) <= 91
    stored = lib.article(ref.id)
    assert stored is not None and stored.analysis.article.paragraphs[0] == opening


def test_add_file_is_stable_and_idempotent(lib: Library, tmp_path: Path) -> None:
    path = write(tmp_path / "ferry.txt", ARTICLE)
    first = lib.add(path)
    assert len(first) == 1 and first[0].new
    assert first[0].title == "Harbour council approves new ferry line"
    index_before = (lib.home / "index.json").read_bytes()
    again = lib.add(path)
    assert [r.id for r in again] == [first[0].id] and not again[0].new
    assert (lib.home / "index.json").read_bytes() == index_before  # nothing rewritten
    # the id is the content's: the same text under another name is the same article
    assert lib.add(write(tmp_path / "copy.txt", ARTICLE))[0].id == first[0].id
    stored = lib.article(first[0].id)
    assert stored is not None and stored.analysis.article.title == first[0].title


def test_ids_survive_reopening(home: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "ferry.txt", ARTICLE)
    with Library.open(home) as lib:
        article_id = lib.add(path)[0].id
    with Library.open(home) as lib:
        assert [r.id for r in lib.articles()] == [article_id]


def test_canonical_url_ids() -> None:
    assert canonical_url("HTTPS://News.Example.COM/a/b?x=1&utm_source=rss&utm_medium=x#top") \
        == "https://news.example.com/a/b?x=1"
    assert url_id("https://news.example.com/a?utm_campaign=z") == url_id(
        "https://NEWS.example.com/a#comments")
    assert url_id("https://news.example.com/a?id=1") != url_id("https://news.example.com/a?id=2")


def test_add_text_with_url_uses_the_canonical_url(lib: Library) -> None:
    ref = lib.add_text(ARTICLE, url="https://portvale.test/ferry?utm_source=x#c")
    same = lib.add_text(ARTICLE + "\nUpdated.", url="https://PORTVALE.test/ferry")
    assert ref.id == same.id and not same.new
    with pytest.raises(SourceError):
        lib.add_text("   ")


def test_articles_newest_first_filter_read_and_remove(lib: Library) -> None:
    old = lib.add_analysis(Analysis(Article("Old budget story", published="2025-01-01",
                                            paragraphs=["Old."])))
    new = lib.add_analysis(Analysis(Article("New ferry story", published="2026-01-01",
                                            paragraphs=["New."])))
    assert [r.id for r in lib.articles()] == [new.id, old.id]
    assert [r.id for r in lib.articles("FERRY")] == [new.id]
    assert [r.id for r in lib.articles(limit=1)] == [new.id]
    lib.mark_read(old.id)
    assert {r.id: r.read for r in lib.articles()} == {new.id: False, old.id: True}
    lib.mark_read(old.id, False)
    assert not lib.ref(old.id).read
    assert lib.remove_article(old.id) is True
    assert lib.remove_article(old.id) is False
    assert lib.article(old.id) is None and [r.id for r in lib.articles()] == [new.id]


def test_add_feed_file_stores_entries_once(lib: Library, tmp_path: Path) -> None:
    path = write(tmp_path / "wire.rss", RSS)
    refs = lib.add(path)
    assert [r.title for r in refs] == ["Ferry timetable published", "Dock workers vote on pay"]
    assert all(r.new and r.feed_url == str(Path(path).resolve()) for r in refs)
    assert refs[0].guid == "pv-1" and refs[0].link.startswith("http://portvale.test/ferry")
    stored_files = {p: p.read_bytes() for p in lib.home.rglob("*.json") if p.name != "feeds.json"}
    assert [r.new for r in lib.add(path)] == [False, False]
    assert {p: p.read_bytes() for p in stored_files} == stored_files  # only last_fetch moved
    (feed,) = lib.feeds()
    assert feed.title == "Portvale Wire" and feed.entry_count == 2 and feed.last_error == ""
    assert [r.id for r in lib.entries()] == [r.id for r in refs]  # newest first
    # an entry is analysed on first access, and the analysis is cached in its shard
    stored = lib.article(refs[0].id)
    assert stored is not None and stored.summary.startswith("The new ferry runs")
    shard = json.loads((lib.home / "analyses" / f"{refs[0].id[:2]}.json").read_text())
    assert shard["analyses"][refs[0].id]["title"] == "Ferry timetable published"
    assert lib.article(refs[0].id).analysis.to_dict() == stored.analysis.to_dict()


def test_merge_entries_dedupes_by_guid_link_then_content(lib: Library) -> None:
    url = "http://portvale.test/feed.xml"
    lib.add_feed(url)
    base = [FeedEntry(guid="g1", link="http://portvale.test/1", title="One", summary="a"),
            FeedEntry(guid="", link="http://portvale.test/2", title="Two", summary="b"),
            FeedEntry(title="Three", summary="no guid, no link")]
    assert lib.merge_entries(url, base) == 3
    again = [FeedEntry(guid="g1", link="http://portvale.test/1-renamed", title="One (edited)"),
             FeedEntry(link="http://portvale.test/2?utm_source=x", title="Two again"),
             FeedEntry(title="Three", summary="no guid, no link"),
             FeedEntry(guid="g4", title="Four", summary="new"),
             FeedEntry(guid="g4", title="Four", summary="new")]  # a duplicate inside one batch
    assert lib.merge_entries(url, again) == 1
    assert lib.feed(url).entry_count == 4


def test_merge_entries_writes_the_index_once(lib: Library, monkeypatch) -> None:
    url = "http://portvale.test/big.xml"
    lib.add_feed(url)
    storage = lib.files.db("index.json").storage
    flushes = []
    original = storage.flush
    monkeypatch.setattr(storage, "flush", lambda *a, **k: (flushes.append(1), original(*a, **k)))
    entries = [FeedEntry(guid=f"g{n}", title=f"Entry {n}", summary=f"text {n}")
               for n in range(300)]
    assert lib.merge_entries(url, entries) == 300
    assert len(flushes) == 1


def test_update_and_remove_feed(lib: Library) -> None:
    url = "http://portvale.test/feed.xml"
    lib.add_feed(url, title="Portvale")
    lib.merge_entries(url, [FeedEntry(guid="x", title="Entry", summary="s")])
    lib.update_feed(url, etag='"v2"', last_error="timed out", last_fetch="2026-03-01T00:00:00Z")
    feed = lib.feed(url)
    assert (feed.etag, feed.last_error, feed.title) == ('"v2"', "timed out", "Portvale")
    with pytest.raises(SourceError):
        lib.update_feed("http://elsewhere.test/feed", etag="x")
    assert lib.remove_feed(url) is True and lib.remove_feed(url) is False
    assert lib.feeds() == [] and lib.entries() == []


def test_add_feed_refuses_a_file_that_is_not_a_feed(lib: Library, tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="not an RSS or Atom feed"):
        lib.add_feed(write(tmp_path / "page.txt", ARTICLE))
    assert lib.feeds() == []


def test_newer_schema_is_refused(home: Path) -> None:
    Library.open(home).close()
    settings = home / "settings.json"
    data = json.loads(settings.read_text())
    data["settings"]["schema"]["value"] = SCHEMA_VERSION + 1
    settings.write_text(json.dumps(data))
    with pytest.raises(StoreError, match="newer Byline"):
        Library.open(home)


def test_damaged_file_is_moved_aside_with_a_warning(home: Path, tmp_path: Path) -> None:
    with Library.open(home) as lib:
        lib.add(write(tmp_path / "ferry.txt", ARTICLE))
    index = home / "index.json"
    damaged = index.read_bytes()[:-20]  # a truncated write
    index.write_bytes(damaged)
    with Library.open(home) as lib:
        assert lib.articles() == []
        assert any("index.json" in w and "moved aside" in w for w in lib.warnings)
    (aside,) = home.glob("index.json.corrupt-*")
    assert aside.read_bytes() == damaged  # kept as it was, never silently replaced


def test_seeds_load_once(home: Path, tmp_path: Path, monkeypatch) -> None:
    seed_dir = tmp_path / "seed-files"
    seed_dir.mkdir()
    write(seed_dir / "01_ferry.txt", ARTICLE)
    write(seed_dir / "02_wire.rss", RSS)
    write(seed_dir / "notes.md", "not a seed")
    monkeypatch.setattr(seeds_module, "files", lambda package: seed_dir)
    with Library.open(home, seed=True) as lib:
        titles = {r.title for r in lib.articles()}
        assert titles == {"Harbour council approves new ferry line", "Ferry timetable published",
                          "Dock workers vote on pay"}
        assert len(lib.feeds()) == 1
        lib.remove_articles([r.id for r in lib.articles()])
    with Library.open(home, seed=True) as lib:
        assert lib.articles() == []  # emptied by the user: the seeds do not come back


def test_packaged_seeds_load_without_warnings(home: Path) -> None:
    with Library.open(home, seed=True) as lib:
        assert lib.warnings == []
        assert lib.setting("seeded") is True


def test_add_urls_from_a_local_server(lib: Library) -> None:
    page = ("<html><head><title>Ferry approved</title></head><body><article>"
            "<h1>Harbour council approves new ferry line</h1>"
            + "".join(f"<p>{p}</p>" for p in ARTICLE.split("\n\n")[1:])
            + "</article></body></html>")
    with ScriptedServer() as server:
        server.route("/ferry", Reply(body=page.encode(), headers={"Content-Type": "text/html"}))
        server.route("/wire.rss", Reply(body=RSS.encode(),
                                        headers={"Content-Type": "application/rss+xml"}))
        (ref,) = lib.add(server.url("/ferry?utm_source=newsletter"))
        assert ref.new and ref.link.startswith(server.url("/ferry"))
        (again,) = lib.add(server.url("/ferry#top"))
        assert again.id == ref.id and not again.new
        entries = lib.add(server.url("/wire.rss"))
        assert [e.guid for e in entries] == ["pv-1", "pv-2"]
        assert lib.feed(server.url("/wire.rss")).entry_count == 2
        with pytest.raises(SourceError):
            lib.add(server.url("/missing"))
    assert len(lib.articles()) == 3


@pytest.mark.parametrize("damage", [b"", b"\x00\x01binary", b'{"articles": []}', b"[1, 2]",
                                    b'{"articles": {"x": 5}}'])
def test_any_unusable_index_is_moved_aside(home: Path, tmp_path: Path, damage: bytes) -> None:
    with Library.open(home) as lib:
        lib.add(write(tmp_path / "ferry.txt", ARTICLE))
    (home / "index.json").write_bytes(damage)
    with Library.open(home) as lib:
        assert lib.articles() == []
        lib.add(write(tmp_path / "ferry.txt", ARTICLE))  # the store goes on working
        assert len(lib.articles()) == 1
        assert lib.warnings and list(home.glob("index.json.corrupt-*"))


@given(path=st.from_regex(r"/[a-z0-9/_-]{0,20}", fullmatch=True),
       utm=st.dictionaries(st.sampled_from(["utm_source", "utm_medium", "UTM_Campaign"]),
                           st.from_regex(r"[a-z0-9]{1,8}", fullmatch=True), max_size=3),
       fragment=st.from_regex(r"[a-z0-9]{0,8}", fullmatch=True))
def test_tracking_and_fragments_never_change_an_id(path: str, utm: dict[str, str],
                                                   fragment: str) -> None:
    base = f"https://news.example.org{path}?page=2"
    noisy = base.replace("https://news.", "HTTPS://NEWS.") + "".join(
        f"&{k}={v}" for k, v in utm.items()) + (f"#{fragment}" if fragment else "")
    assert url_id(noisy) == url_id(base)
    assert url_id(base.replace("page=2", "page=3")) != url_id(base)


JSON_LEAVES = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
JSON_VALUES = st.recursive(JSON_LEAVES, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(), inner, max_size=4), max_leaves=20)


@given(st.dictionaries(st.text(), st.dictionaries(st.text(), st.dictionaries(
    st.text(), JSON_VALUES, max_size=4), max_size=4), max_size=3))
def test_store_files_are_encoded_as_json_dumps_would(tables: dict) -> None:
    """A document at a time (other threads run between them), the same bytes as one dump."""
    from store.db import encode_tables

    assert b"".join(encode_tables(tables)) == json.dumps(
        tables, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
