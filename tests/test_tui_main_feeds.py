"""Pilot tests of the reader with feeds and files: refresh, related entries, `byline PATH`."""

from __future__ import annotations

from pathlib import Path

import pytest
from http_server import Reply, ScriptedServer
from tui_main_store import HARBOUR, STORM, fill_store, main_screen, notices, settle, wait_until

from store.library import Library
from tui.app import BylineApp
from tui.widgets.article_list import ArticleList
from tui.widgets.reactions import ReactionList
from tui.widgets.reader import ReaderPane


@pytest.fixture
def ids(home: Path) -> dict[str, str]:
    return fill_store(home)




RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Portvale Gazette</title><link>http://gazette.test/</link>
<description>Local news</description>{items}</channel></rss>"""
ITEM = """<item><title>{title}</title><link>http://gazette.test/{slug}</link>
<guid>gazette-{slug}</guid><pubDate>{date}</pubDate>
<description>{title}. The council met again on the harbour plan.</description></item>"""


def rss(*items: tuple[str, str, str]) -> bytes:
    body = "".join(ITEM.format(title=t, slug=s, date=d) for t, s, d in items)
    return RSS.format(items=body).encode()


async def test_refresh_merges_new_entries_and_keeps_the_selection(
        home: Path, ids: dict[str, str]) -> None:
    with ScriptedServer() as server:
        server.route("/gazette.xml", Reply(body=rss(
            ("Harbour works start in spring", "works", "Wed, 04 Mar 2026 10:00:00 GMT"),
            ("Fishermen meet the mayor", "meet", "Thu, 05 Mar 2026 10:00:00 GMT"),
        ), headers={"Content-Type": "application/rss+xml"}))
        server.route("/broken.xml", Reply(status=500, body=b"oops"))
        with Library.open(home) as library:
            library.add_feed(server.url("/gazette.xml"))
            library.add_feed(server.url("/broken.xml"))
        app = BylineApp(home)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            listing = screen.query_one(ArticleList)
            listing.focus()
            await pilot.press("down")  # the storm article
            await settle(pilot)
            storm = ids[STORM.title]
            assert screen.article_id == storm
            await pilot.press("r")
            await settle(pilot)
            titles = [listing.row_text(i) for i in range(len(listing.article_ids))]
            assert any("Fishermen meet the mayor" in t for t in titles)
            assert any("Harbour works start in spring" in t for t in titles)
            assert len(titles) == 5
            assert listing.highlighted_id == storm
            assert screen.article_id == storm
            assert STORM.title in str(screen.query_one("#reader-header").render())
            assert not screen.query_one("#refresh-bar").display
            assert any("2 new entries" in n for n in notices(app))
            assert any("broken.xml" in n for n in notices(app))  # the failed feed, as a notice


async def test_a_bad_target_becomes_a_notification(home: Path, ids: dict[str, str],
                                                   tmp_path: Path) -> None:
    app = BylineApp(home, open_target=str(tmp_path / "missing.txt"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.is_running
        assert any("missing.txt" in n for n in notices(app))
        assert main_screen(app).article_id == ids[HARBOUR.title]


async def test_open_target_is_added_and_opened(home: Path, ids: dict[str, str],
                                               tmp_path: Path) -> None:
    page = tmp_path / "ferry.txt"
    page.write_text("Ferry timetable changes\n\nThe ferry will run every hour from May, "
                    "the operator said on Monday.\n", encoding="utf-8")
    app = BylineApp(home, open_target=str(page))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert screen.stored is not None and screen.stored.ref.title == "Ferry timetable changes"
        assert screen.query_one(ArticleList).highlighted_id == screen.article_id


async def test_the_reader_stays_usable_while_feeds_refresh(home: Path,
                                                           ids: dict[str, str]) -> None:
    with ScriptedServer() as server:
        server.route("/slow.xml", Reply(body=rss(
            ("Late harbour news", "late", "Fri, 06 Mar 2026 10:00:00 GMT"),
        ), headers={"Content-Type": "application/rss+xml"}, delay=3.0))
        with Library.open(home) as library:
            library.add_feed(server.url("/slow.xml"))
        app = BylineApp(home)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            listing = screen.query_one(ArticleList)
            listing.focus()
            await pilot.press("r")
            await wait_until(pilot, lambda: screen.query_one("#refresh-bar").display)
            await pilot.press("down")  # meanwhile, the reader follows the cursor
            await wait_until(pilot, lambda: screen.stored is not None
                             and screen.stored.ref.id == ids[STORM.title])
            assert screen.query_one("#refresh-bar").display  # still fetching the slow feed
            await pilot.press("r")  # a second refresh is refused while one runs
            assert "A refresh is already running." in notices(app)
            await settle(pilot)
            assert not screen.query_one("#refresh-bar").display
            assert listing.highlighted_id == ids[STORM.title]
            assert any("Late harbour news" in listing.row_text(i)
                       for i in range(len(listing.article_ids)))


async def test_related_entries_follow_the_reactions_and_open(home: Path,
                                                             ids: dict[str, str]) -> None:
    from store.records import FeedEntry

    with Library.open(home) as library:
        library.merge_entries("http://gazette.test/feed.xml", [
            FeedEntry(guid="g1", link="http://gazette.test/anger",
                      title="Council harbour plan angers the fishermen",
                      content="The harbour plan approved by the council angered the fishermen "
                              "and their fishing cooperative; Mayor Ana Lopez defended the "
                              "harbour expansion.", published="2026-02-01T10:00:00"),
            FeedEntry(guid="g2", link="http://gazette.test/trams",
                      title="Tram timetable changes",
                      content="Night trams will run every twenty minutes from May.",
                      published="2026-02-02T10:00:00"),
        ])
    app = BylineApp(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        reactions = screen.query_one(ReactionList)
        await wait_until(pilot, lambda: bool(reactions.related_ids))
        titles = {r.id: r.title for r in library_refs(home)}
        assert [titles[i] for i in reactions.related_ids] == [
            "Council harbour plan angers the fishermen"]  # not the tram timetable
        ids = [o.id or "" for o in reactions.options]
        heading = next(i for i, o in enumerate(reactions.options) if str(o.prompt) == "Related")
        assert heading > 2  # below the three reactions
        reactions.focus()
        reactions.highlighted = ids.index(f"related:{reactions.related_ids[0]}")
        await pilot.press("enter")
        await settle(pilot)
        assert screen.stored is not None
        assert screen.stored.ref.title == "Council harbour plan angers the fishermen"
        assert app.focused is screen.query_one(ReaderPane)


def library_refs(home: Path) -> list:
    with Library.open(home) as library:
        return library.articles()


async def test_refresh_keeps_the_selected_row_where_it_was_on_screen(home: Path) -> None:
    from store.records import FeedEntry

    with Library.open(home) as library:
        library.merge_entries("http://archive.test/feed.xml", [
            FeedEntry(guid=f"old-{n}", link=f"http://archive.test/{n}",
                      title=f"Archive note number {n:02d}", content=f"Archive note {n}.",
                      published=f"2026-01-{n + 1:02d}T08:00:00")
            for n in range(30)
        ])
    with ScriptedServer() as server:
        server.route("/fresh.xml", Reply(body=rss(
            ("Fresh news one", "one", "Wed, 04 Mar 2026 10:00:00 GMT"),
            ("Fresh news two", "two", "Thu, 05 Mar 2026 10:00:00 GMT"),
        ), headers={"Content-Type": "application/rss+xml"}))
        with Library.open(home) as library:
            library.add_feed(server.url("/fresh.xml"))
        app = BylineApp(home)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            listing = main_screen(app).query_one(ArticleList)
            listing.focus()
            for _ in range(15):
                await pilot.press("j")
            await settle(pilot)
            chosen = listing.highlighted_id
            row_on_screen = listing.cursor - round(listing.scroll_y)
            assert listing.scroll_y > 0
            await pilot.press("r")
            await settle(pilot)
            assert len(listing.article_ids) == 32
            assert listing.highlighted_id == chosen
            assert listing.cursor - round(listing.scroll_y) == row_on_screen
            assert main_screen(app).stored.ref.id == chosen
