"""Pilot tests of feeds inside the reader: the feeds view (choose, add, rename, hide, remove,
refresh, mark read), following the feeds an article's page names (+ and `byline URL
--follow`), refresh at start-up, deleting an article."""

from __future__ import annotations

from pathlib import Path

import pytest
from http_server import Reply, ScriptedServer
from tui_main_store import HARBOUR, fill_store, main_screen, notices, settle, wait_until

from store.library import Library
from tui.app import BylineApp
from tui.screens.feeds import FeedsScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.reactions import ReactionList
from tui.widgets.reader import ReaderPane

RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>{title}</title><link>http://{host}.test/</link>
<description>News</description>{items}</channel></rss>"""
ITEM = """<item><title>{title}</title><link>http://{host}.test/{slug}</link>
<guid>{host}-{slug}</guid><pubDate>{date}</pubDate>
<description>{text}</description></item>"""


def rss(title: str, host: str, *items: tuple[str, str, str, str]) -> bytes:
    body = "".join(ITEM.format(title=t, slug=s, date=d, text=x, host=host)
                   for t, s, d, x in items)
    return RSS.format(title=title, host=host, items=body).encode()


GAZETTE = rss("Portvale Gazette", "gazette",
              ("Harbour works start in spring", "works", "Wed, 04 Mar 2026 10:00:00 GMT",
               "The harbour works will start in spring."),
              ("Fishermen meet the mayor", "meet", "Thu, 05 Mar 2026 10:00:00 GMT",
               "The fishermen met the mayor about the harbour plan."))


@pytest.fixture
def ids(home: Path) -> dict[str, str]:
    found = fill_store(home)
    with Library.open(home) as library:
        library.save_reader_settings(read_after=600)
    return found


def feed_rows(screen: FeedsScreen) -> list[str]:
    return [(option.id or "") for option in screen.query_one("#feeds-list").options]


async def open_feeds(pilot) -> FeedsScreen:
    await pilot.press("F")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, FeedsScreen)
    await wait_until(pilot, lambda: len(feed_rows(screen)) >= 2)
    return screen


async def test_feeds_view_adds_chooses_renames_hides_and_removes(home: Path,
                                                                 ids: dict[str, str]) -> None:
    with ScriptedServer() as server:
        server.route("/gazette.xml", Reply(body=GAZETTE,
                                           headers={"Content-Type": "application/rss+xml"}))
        url = server.url("/gazette.xml")
        app = BylineApp(home)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            main = main_screen(app)
            listing = main.query_one(ArticleList)
            feeds = await open_feeds(pilot)
            await pilot.press("a")  # add a feed by its URL
            await settle(pilot)
            await pilot.press(*url, "enter")
            await settle(pilot)
            await wait_until(pilot, lambda: url in feeds.feeds)
            assert feeds.feeds[url].unread == 2
            assert any("Following Portvale Gazette: 2 new entries." in n for n in notices(app))
            # Rename it, then list only its entries.
            feeds.query_one("#feeds-list").highlighted = feed_rows(feeds).index(f"feed:{url}")
            await pilot.press("e", *"Harbour desk", "enter")  # typed over the old title
            await settle(pilot)
            await wait_until(pilot, lambda: feeds.feeds[url].title == "Harbour desk")
            await pilot.press("enter")
            await settle(pilot)
            assert app.screen is main
            assert len(listing.article_ids) == 2
            assert main.query_one("#articles-box").border_title == "Harbour desk · 2 unread"
            # Hide it from the list of all articles.
            feeds = await open_feeds(pilot)
            await pilot.press("h")
            await settle(pilot)
            await wait_until(pilot, lambda: feeds.feeds[url].hidden)
            feeds.query_one("#feeds-list").highlighted = feed_rows(feeds).index("all:")
            await pilot.press("enter")
            await settle(pilot)
            assert listing.article_ids == list(ids.values())  # the gazette's entries hidden
            # Remove it (after saying yes).
            feeds = await open_feeds(pilot)
            feeds.query_one("#feeds-list").highlighted = feed_rows(feeds).index(f"feed:{url}")
            await pilot.press("d")
            await settle(pilot)
            await pilot.press("y")
            await settle(pilot)
            await wait_until(pilot, lambda: url not in feeds.feeds)
            await pilot.press("escape")
            await settle(pilot)
    with Library.open(home) as library:
        assert library.feeds() == []


async def test_feeds_view_refreshes_one_feed_and_shows_its_error(home: Path,
                                                                 ids: dict[str, str]) -> None:
    with ScriptedServer() as server:
        server.route("/gazette.xml", Reply(body=GAZETTE,
                                           headers={"Content-Type": "application/rss+xml"}))
        server.route("/broken.xml", Reply(status=500, body=b"oops"))
        with Library.open(home) as library:
            library.add_feed(server.url("/gazette.xml"))
            library.add_feed(server.url("/broken.xml"))
        app = BylineApp(home)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            feeds = await open_feeds(pilot)
            listing = feeds.query_one("#feeds-list")
            for path in ("/broken.xml", "/gazette.xml"):
                listing.highlighted = feed_rows(feeds).index(f"feed:{server.url(path)}")
                await pilot.press("r")
                await settle(pilot)
            await wait_until(pilot, lambda: feeds.feeds[server.url("/gazette.xml")].unread == 2)
            broken = feeds.feeds[server.url("/broken.xml")]
            assert "500" in broken.last_error
            prompt = str(listing.options[feed_rows(feeds).index(
                f"feed:{server.url('/broken.xml')}")].prompt)
            assert "last fetch failed" in prompt and "500" in prompt
            assert "1 failing" in str(feeds.query_one("#feeds-panel").border_subtitle)
            assert [r.path for r in server.requests].count("/gazette.xml") == 1
            listing.highlighted = feed_rows(feeds).index(f"feed:{server.url('/gazette.xml')}")
            await pilot.press("A")  # mark the feed read
            await settle(pilot)
            await wait_until(pilot, lambda: feeds.feeds[server.url("/gazette.xml")].unread == 0)


PAGE = """<!doctype html><html><head><title>Harbour strike ends</title>
<link rel="alternate" type="application/rss+xml" href="/coast.rss" title="Coast Daily">
</head><body><h1>Harbour strike ends after a week</h1>
<p>The dock workers' strike at Portvale ended on Friday after the port operators agreed to a
new shift plan for the harbour crews, the union said.</p>
<p>"The crews will be back on the quay on Monday," said union secretary Tomas Okello.</p>
</body></html>"""
COAST = rss("Coast Daily", "coast",
            ("Dock strike over: crews back on the quay", "dock", "Fri, 06 Mar 2026 18:00:00 GMT",
             "The Portvale dock strike ended as port operators agreed a new shift plan with "
             "the union for the harbour crews."))


async def test_plus_follows_the_feeds_the_page_names(home: Path, ids: dict[str, str]) -> None:
    with ScriptedServer() as server:
        server.route("/story", Reply(body=PAGE.encode(), headers={"Content-Type": "text/html"}))
        server.route("/coast.rss", Reply(body=COAST,
                                         headers={"Content-Type": "application/rss+xml"}))
        app = BylineApp(home, open_target=server.url("/story"))
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            reader = screen.query_one(ReaderPane)
            assert screen.stored.ref.title == "Harbour strike ends after a week"
            assert reader.advertised == [server.url("/coast.rss")]
            assert "+ follows it" in str(reader.query_one("#reader-header").render())
            await pilot.press("plus")
            await settle(pilot)
            reactions = screen.query_one(ReactionList)
            await wait_until(pilot, lambda: bool(reactions.related_ids))
            assert any("Following Coast Daily: 1 new entry." in n for n in notices(app))
            assert reader.advertised == []
            assert "+ follows" not in str(reader.query_one("#reader-header").render())
            titles = [screen.query_one(ArticleList).ref(i).title for i in reactions.related_ids]
            assert titles == ["Dock strike over: crews back on the quay"]
            await pilot.press("plus")
            assert any("names no feed you do not follow" in n for n in notices(app))


async def test_byline_url_follow_opens_it_with_its_outlets_coverage(home: Path) -> None:
    with ScriptedServer() as server:
        server.route("/story", Reply(body=PAGE.encode(), headers={"Content-Type": "text/html"}))
        server.route("/coast.rss", Reply(body=COAST,
                                         headers={"Content-Type": "application/rss+xml"}))
        app = BylineApp(home, open_target=server.url("/story"), follow=True)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            reactions = screen.query_one(ReactionList)
            await wait_until(pilot, lambda: bool(reactions.related_ids))
            assert screen.stored.ref.title == "Harbour strike ends after a week"
            assert screen.query_one(ArticleList).ref(screen.article_id).read  # opened: read
            # An empty store: the article and its outlet's feed, no samples.
            assert len(screen.query_one(ArticleList).article_ids) == 2
    with Library.open(home) as library:
        assert [f.title for f in library.feeds()] == ["Coast Daily"]
        assert not library.setting("seeded")


async def test_refresh_at_start_up_when_the_setting_says_so(home: Path,
                                                            ids: dict[str, str]) -> None:
    with ScriptedServer() as server:
        server.route("/gazette.xml", Reply(body=GAZETTE,
                                           headers={"Content-Type": "application/rss+xml"}))
        with Library.open(home) as library:
            library.add_feed(server.url("/gazette.xml"))
            library.save_reader_settings(refresh_on_start=True)
        app = BylineApp(home)
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_until(pilot, lambda: app.library is not None)
            listing = main_screen(app).query_one(ArticleList)
            await wait_until(pilot, lambda: len(listing.article_ids) == 5)
            await settle(pilot)
            assert any("2 new entries" in n for n in notices(app))


async def test_delete_an_article_after_saying_yes(home: Path, ids: dict[str, str]) -> None:
    app = BylineApp(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        listing = screen.query_one(ArticleList)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("n")  # keep it
        await settle(pilot)
        assert len(listing.article_ids) == 3
        await pilot.press("delete")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        await wait_until(pilot, lambda: len(listing.article_ids) == 2)
        assert ids[HARBOUR.title] not in listing.article_ids
        assert listing.highlighted_id == listing.article_ids[0]
        assert screen.stored.ref.id == listing.article_ids[0]
    with Library.open(home) as library:
        assert library.ref(ids[HARBOUR.title]) is None


async def test_the_refresh_timer_is_set_in_the_feeds_view(home: Path,
                                                          ids: dict[str, str]) -> None:
    app = BylineApp(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = main_screen(app)
        assert main._refresh_timer is None  # off at first
        feeds = await open_feeds(pilot)
        await pilot.press("t", "t")  # 15, then 30 minutes
        await settle(pilot)
        await wait_until(pilot, lambda: app.library.reader_settings().refresh_minutes == 30)
        await pilot.press("s")
        await settle(pilot)
        await wait_until(pilot, lambda: app.library.reader_settings().refresh_on_start)
        assert "refresh every 30 min (t)" in str(feeds.query_one("#feeds-panel").border_subtitle)
        await pilot.press("escape")
        await settle(pilot)
        await wait_until(pilot, lambda: main._refresh_timer is not None)
        assert main.settings.refresh_minutes == 30
