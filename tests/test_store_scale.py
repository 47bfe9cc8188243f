"""The design that keeps the store fast at 10,000 articles, checked structurally (timings are
in benchmarks/store.py): opening reads only the small files, bookmarks never rewrite the index,
bodies load one shard at a time."""

from __future__ import annotations

from pathlib import Path

from analysis import Analysis, Article, Quote, Speaker
from store.library import Library
from store.records import FeedEntry

FEED = "http://scale.test/feed.xml"


def build(home: Path, entries: int = 600) -> str:
    text = "Ferries will run all night."
    analysis = Analysis(Article("Night ferries", published="2026-01-05",
                                paragraphs=[f"\u201c{text}\u201d said Ruth Okafor."]),
                        speakers=[Speaker("s1", "Ruth Okafor")],
                        quotes=[Quote("q1", text, "Ruth Okafor", "s1", 0, 1, 1 + len(text))])
    with Library.open(home) as lib:
        lib.add_feed(FEED)
        lib.merge_entries(FEED, [FeedEntry(guid=f"g{n}", link=f"http://scale.test/{n}",
                                           title=f"Entry {n}", summary="Harbour news " * 20,
                                           content="<p>Harbour news.</p>" * 20)
                                 for n in range(entries)])
        return lib.add_analysis(analysis, url="https://scale.test/night").id


def loaded_files(lib: Library) -> set[str]:
    return {name for name, db in lib.files._dbs.items() if db.storage._loaded}


def mtimes(home: Path) -> dict[str, int]:
    return {str(p.relative_to(home)): p.stat().st_mtime_ns for p in home.rglob("*.json")}


def test_opening_and_listing_read_only_the_index(home: Path) -> None:
    build(home)
    with Library.open(home) as lib:
        assert len(lib.articles()) == 601
        # feeds.json: a few lines, for the feeds' titles (each row's source) and hidden feeds
        assert loaded_files(lib) <= {"settings.json", "index.json", "state.json", "feeds.json"}
        entry = lib.entries()[0]
        lib.article(entry.id)
        bodies = {n for n in loaded_files(lib) if n.startswith(("bodies/", "chunks/"))}
        assert len(bodies) == 1  # the one chunk holding that entry, not every body


def test_bookmarks_and_read_marks_touch_only_their_own_files(home: Path) -> None:
    article_id = build(home)
    with Library.open(home) as lib:
        before = mtimes(home)
        lib.add_bookmark(f"{article_id}:q1")
        lib.mark_read(article_id)
        lib.remove_bookmark(f"{article_id}:q1")
        after = mtimes(home)
    changed = {name for name in after if before.get(name) != after[name]}
    assert changed == {"bookmarks.json", "state.json"}


def test_a_big_merge_writes_few_files_and_analyses_spread(home: Path) -> None:
    build(home)
    chunks = list((home / "chunks").glob("*.json"))
    assert len(chunks) == 3  # 600 entries in chunks of 250: not one file per shard
    with Library.open(home) as lib:
        assert lib.analyze_pending() == 600
    shards = list((home / "analyses").glob("*.json"))
    assert len(shards) > 150  # cached analyses spread over 256 shards by id
    sizes = [p.stat().st_size for p in shards]
    assert max(sizes) < 0.05 * sum(sizes)  # caching one analysis rewrites a small file


def test_chunks_stay_small_when_entries_are_big(home: Path) -> None:
    big = "<p>" + "Long investigative text. " * 8000 + "</p>"  # ~200 kB per entry
    with Library.open(home) as lib:
        lib.add_feed(FEED)
        lib.merge_entries(FEED, [FeedEntry(guid=f"b{n}", title=f"Big {n}", content=big)
                                 for n in range(30)])
        lib.merge_entries(FEED, [FeedEntry(guid="b30", title="Big 30", content=big)])
        assert lib.feed(FEED).entry_count == 31
    sizes = [p.stat().st_size for p in (home / "chunks").glob("*.json")]
    assert len(sizes) >= 3 and max(sizes) < 2_500_000
