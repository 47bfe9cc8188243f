"""The reader stays responsive while a big refresh runs in the background: keys pressed in the
article list during the refresh are each handled within a bound that a UI thread blocked by
the refresh (fetching, parsing, storing thousands of entries) could never meet."""

from __future__ import annotations

import asyncio
import statistics
import time
from pathlib import Path

from feed_samples import rss
from http_server import Reply, ScriptedServer
from textual import events
from textual.widget import Widget
from tui_main_store import fill_store, main_screen, settle

from store.library import Library
from tui.app import BylineApp
from tui.widgets.article_list import ArticleList

FEEDS = 16
ENTRIES = 250
DELAY = 2.0  # each feed answers after this; eight fetch threads take two rounds for 16 feeds,
# so the refresh lasts over 4 s even on a fast machine (1.0 s left it at 2.9 s once in CI)
WORST_KEY = 1.5  # seconds: generous for a busy 2-core machine, far below a blocked refresh


async def timed_key(app: BylineApp, listing: ArticleList, key: str,
                    refreshing: Widget) -> float | None:
    """Seconds from the key reaching the app until the cursor moved. The wait polls from the
    app's own event loop: if a refresh blocked that loop, it would block the poll too. None
    when the refresh ended meanwhile (its new listing may put the cursor back)."""
    before = listing.cursor
    started = time.perf_counter()
    app.post_message(events.Key(key, None))
    while listing.cursor == before:
        if not refreshing.display:
            return None
        if time.perf_counter() - started > 10 * WORST_KEY:
            break
        await asyncio.sleep(0.001)
    return time.perf_counter() - started


async def test_keys_stay_quick_while_a_big_refresh_runs(home: Path) -> None:
    fill_store(home)
    with ScriptedServer() as server:
        urls = [server.route(f"/f{n}.xml", Reply(
            body=rss(ENTRIES, title=f"Wire {n}", prefix=f"http://wire{n}.test/s"),
            delay=DELAY)) for n in range(FEEDS)]
        with Library.open(home) as library:
            library.add_feeds([(url, "") for url in urls])
        app = BylineApp(home)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            listing = screen.query_one(ArticleList)
            listing.focus()
            bar = screen.query_one("#refresh-bar")
            started = time.perf_counter()
            await pilot.press("r")
            while not bar.display:
                await asyncio.sleep(0.01)
            latencies = []
            while bar.display:
                key = "down" if listing.cursor < 1 else "up"
                latency = await timed_key(app, listing, key, bar)
                if latency is not None:
                    latencies.append(latency)
                await asyncio.sleep(0.05)
            lasted = time.perf_counter() - started
            await settle(pilot)
    with Library.open(home) as library:
        assert len(library.entries()) == FEEDS * ENTRIES  # the refresh did its work
    print(f"refresh {lasted:.1f} s; {len(latencies)} keys: median "
          f"{statistics.median(latencies) * 1000:.0f} ms, worst {max(latencies) * 1000:.0f} ms")
    assert lasted > 2 * WORST_KEY, "the refresh was too quick to prove anything"
    assert len(latencies) >= 10
    assert max(latencies) < WORST_KEY
    assert statistics.median(latencies) < 0.3
