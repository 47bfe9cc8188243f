"""A store file found damaged while the reader runs (not only at start-up) is reported."""

from __future__ import annotations

from pathlib import Path

from tui_main_store import HARBOUR, STORM, fill_store, main_screen, notices, settle

from store.articles import shard_of
from tui.app import BylineApp
from tui.widgets.article_list import ArticleList


async def test_a_file_damaged_on_a_later_read_becomes_a_notification(home: Path) -> None:
    ids = fill_store(home)
    storm = ids[STORM.title]
    assert shard_of(storm) != shard_of(ids[HARBOUR.title])  # the first article opens clean
    damaged = [path for path in home.glob(f"*/{shard_of(storm)}.json")]
    assert damaged
    for path in damaged:
        path.write_bytes(path.read_bytes()[:-20])  # a truncated write
    app = BylineApp(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert not any("moved aside" in n for n in notices(app))
        main_screen(app).query_one(ArticleList).focus()
        await pilot.press("down")  # the storm article: its shard files are read now
        await settle(pilot)
        assert any("damaged" in n and "moved aside" in n for n in notices(app))
    assert list(home.glob(f"*/{shard_of(storm)}.json.corrupt-*"))  # kept, never replaced
