"""Pilot tests of reading state in the reader: what counts as read, the keys that change it,
and the unread counts where a reader looks (list title, terminal title)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_main_store import (
    HARBOUR,
    MARKET,
    STORM,
    fill_store,
    main_screen,
    notices,
    settle,
    wait_until,
)

from store.library import Library
from tui.app import BylineApp
from tui.widgets.article_list import ArticleList


@pytest.fixture
def ids(home: Path) -> dict[str, str]:
    return fill_store(home)


def read_in_store(home: Path) -> dict[str, bool]:
    with Library.open(home) as library:
        return {ref.title: ref.read for ref in library.articles()}


def slow_reader(home: Path, seconds: float) -> None:
    """Articles count as read after `seconds` on screen (a long moment: only Enter marks)."""
    with Library.open(home) as library:
        library.save_reader_settings(read_after=seconds)


async def test_passing_over_articles_leaves_them_unread(home: Path, ids: dict[str, str]) -> None:
    slow_reader(home, 3)  # long enough that passing over never counts, even on a slow machine
    app = BylineApp(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        listing = main_screen(app).query_one(ArticleList)
        await wait_until(pilot, lambda: listing.ref(ids[HARBOUR.title]).read)  # on screen
        listing.focus()
        await pilot.press("j", "j", "k", "j")  # to the market article, past the storm one
        await settle(pilot)
        # The one the cursor rests on becomes read after its moment on screen (so did the
        # harbour article, shown since start-up); the storm one, only passed over, stays unread.
        await wait_until(pilot, lambda: listing.ref(ids[MARKET.title]).read)
        await settle(pilot)
        assert not listing.ref(ids[STORM.title]).read
    assert read_in_store(home) == {HARBOUR.title: True, STORM.title: False,
                                   MARKET.title: True}


async def test_enter_opens_and_marks_read_at_once(home: Path, ids: dict[str, str]) -> None:
    slow_reader(home, 600)  # never by waiting, within this test
    app = BylineApp(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        listing = main_screen(app).query_one(ArticleList)
        listing.focus()
        await pilot.press("j")
        await settle(pilot)
        assert not listing.ref(ids[STORM.title]).read
        await pilot.press("enter")
        await settle(pilot)
        assert listing.ref(ids[STORM.title]).read
        assert listing.row_text(1).startswith(" ")  # the ● is gone
        assert app.focused is main_screen(app).query_one("#reader")
    assert read_in_store(home)[STORM.title] is True


async def test_toggle_mark_all_and_next_unread(home: Path, ids: dict[str, str]) -> None:
    slow_reader(home, 600)
    app = BylineApp(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        listing = screen.query_one(ArticleList)
        box = screen.query_one("#articles-box")
        assert box.border_title == "Articles · 3 unread"
        assert app.title == "Byline (3 unread)"
        await pilot.press("m")  # the harbour article: read by hand
        await settle(pilot)
        assert listing.ref(ids[HARBOUR.title]).read
        assert box.border_title == "Articles · 2 unread"
        await wait_until(pilot, lambda: app.title == "Byline (2 unread)")
        await pilot.press("m")  # and unread again
        await settle(pilot)
        assert not listing.ref(ids[HARBOUR.title]).read
        await wait_until(pilot, lambda: app.title == "Byline (3 unread)")
        await pilot.press("n")  # next unread after the cursor: the storm article
        await settle(pilot)
        assert listing.highlighted_id == ids[STORM.title]
        await pilot.press("A")
        await settle(pilot)
        assert listing.unread_ids() == []
        assert box.border_title == "Articles"
        assert "Marked 3 articles read." in notices(app)
        await wait_until(pilot, lambda: app.title == "Byline")
        await pilot.press("n")
        assert "No unread articles in the list." in notices(app)
    assert set(read_in_store(home).values()) == {True}


async def test_marked_unread_stays_unread_though_shown(home: Path, ids: dict[str, str]) -> None:
    slow_reader(home, 0.3)
    app = BylineApp(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        listing = main_screen(app).query_one(ArticleList)
        await wait_until(pilot, lambda: listing.ref(ids[HARBOUR.title]).read)
        await pilot.press("m")  # unread again, while the reader still shows it
        await pilot.pause(0.6)
        await settle(pilot)
        assert not listing.ref(ids[HARBOUR.title]).read
    assert read_in_store(home)[HARBOUR.title] is False


async def test_unread_counts_per_feed_in_the_feeds_view(home: Path, ids: dict[str, str]) -> None:
    from store.records import FeedEntry
    from tui.screens.feeds import FeedsScreen

    with Library.open(home) as library:
        library.add_feed("http://gazette.test/feed.xml", "Portvale Gazette")
        library.merge_entries("http://gazette.test/feed.xml", [
            FeedEntry(guid=f"g{n}", link=f"http://gazette.test/{n}", title=f"Gazette {n}",
                      summary="Harbour news.", published=f"2026-02-0{n + 1}T08:00:00")
            for n in range(3)])
        library.mark_read(library.articles(feed="http://gazette.test/feed.xml")[0].id)
    slow_reader(home, 600)
    app = BylineApp(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FeedsScreen)
        gazette = screen.feeds["http://gazette.test/feed.xml"]
        assert (gazette.unread, gazette.entry_count) == (2, 3)
        assert screen.unread == 5  # three articles by hand and two gazette entries
        assert "2 unread" in str(screen.query_one("#feeds-list").options[2].prompt)
