"""Snapshots of the reader with an article open, as `byline ARTICLE` opens it on an empty store:
one of the project's own sample articles (seeds/, written for this project), at 80×24 and
120×36. (The shared seed article is not pictured: a snapshot would copy its text into the
repository; the tests of the reader read it from ../shared instead.)

Update after an intended change with `pytest tests/test_snapshots_reader.py --snapshot-update`
and look at the SVGs before committing them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from tui_main_store import settle

from tui.app import BylineApp
from tui.widgets import article_list
from tui.widgets.article_list import ArticleList
from tui.widgets.quote_list import QuoteList

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "01_port_serrin_minister_strike_law.txt"


@pytest.fixture(autouse=True)
def pinned_year(monkeypatch: pytest.MonkeyPatch) -> None:
    """Dates show their year when it is not this one: pin "this year" for stable pictures."""
    monkeypatch.setattr(article_list, "current_year", lambda: 2026)


async def opened(pilot: Pilot[Any]) -> None:
    """The article open (so read), related entries sought, no notification left."""
    await settle(pilot)
    pilot.app.clear_notifications()
    await settle(pilot)


async def on_a_quote(pilot: Pilot[Any]) -> None:
    """Opened, then the quotes pane on the first speaker's second quote."""
    await opened(pilot)
    pilot.app.screen.query_one(QuoteList).focus()
    await pilot.press("down", "down", "down")
    await settle(pilot)


def test_sample_article_80x24(home: Path, snap_compare) -> None:
    app = BylineApp(home, open_target=str(SAMPLE))
    assert snap_compare(app, terminal_size=(80, 24), run_before=opened)


def test_sample_article_on_a_quote_120x36(home: Path, snap_compare) -> None:
    app = BylineApp(home, open_target=str(SAMPLE))
    assert snap_compare(app, terminal_size=(120, 36), run_before=on_a_quote)


def test_samples_on_a_quote_120x36(home: Path, snap_compare) -> None:
    """A first launch: the project's sample articles and feeds, the newest open on a quote,
    with its related entries. The README shows this picture (docs/reader.svg)."""
    from store.library import Library

    with Library.open(home) as library:  # settings only: the store is still empty
        library.save_reader_settings(read_after=-1)

    async def union_article_on_a_quote(pilot: Pilot[Any]) -> None:
        await opened(pilot)
        listing = pilot.app.screen.query_one(ArticleList)
        union = next(i for i in listing.article_ids if listing.ref(i).source.endswith(
            "02_port_serrin_union_rejects_offer.txt"))
        listing.move_to(union)
        await pilot.press("enter")  # opened (read), into the reader
        await opened(pilot)
        pilot.app.screen.query_one(QuoteList).focus()
        await pilot.press("down", "down")
        await settle(pilot)

    app = BylineApp(home)
    assert snap_compare(app, terminal_size=(120, 36), run_before=union_article_on_a_quote)


def test_the_readme_screenshot_is_the_current_snapshot() -> None:
    snapshot = (Path(__file__).parent / "__snapshots__" / "test_snapshots_reader"
                / "test_samples_on_a_quote_120x36.svg")
    assert (ROOT / "docs" / "reader.svg").read_bytes() == snapshot.read_bytes(), (
        "copy the snapshot to docs/reader.svg after updating it")
