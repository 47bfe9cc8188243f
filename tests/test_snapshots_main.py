"""Snapshots of the main screen on a fixed store (articles written in tests/tui_main_store.py).

Update after an intended change with `pytest tests/test_snapshots_main.py --snapshot-update`
and look at the report before committing the new SVGs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_main_store import fill_store, settle

from store.library import Library
from tui.app import BylineApp
from tui.widgets import article_list
from tui.widgets.quote_list import QuoteList
from tui.widgets.reactions import ReactionList


@pytest.fixture
def app(home: Path, monkeypatch: pytest.MonkeyPatch) -> BylineApp:
    """The fixed store; "this year" pinned (dates of other years show theirs) and articles
    read only when opened, never by the clock, so each picture is the same on every run."""
    monkeypatch.setattr(article_list, "current_year", lambda: 2026)
    fill_store(home)
    with Library.open(home) as library:
        library.save_reader_settings(read_after=-1)
    return BylineApp(home)



async def on_a_quote(pilot) -> None:
    """Open the newest article and move onto Tom Reyes's first quote."""
    await settle(pilot)
    pilot.app.screen.query_one(QuoteList).focus()
    await pilot.press("down", "down", "down", "down", "down")
    await settle(pilot)


def test_main_screen_80x24(app: BylineApp, snap_compare) -> None:
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)


def test_main_screen_160x48(app: BylineApp, snap_compare) -> None:
    assert snap_compare(app, terminal_size=(160, 48), run_before=settle)


def test_main_screen_on_a_quote_80x24(app: BylineApp, snap_compare) -> None:
    assert snap_compare(app, terminal_size=(80, 24), run_before=on_a_quote)


def test_main_screen_on_a_quote_160x48(app: BylineApp, snap_compare) -> None:
    assert snap_compare(app, terminal_size=(160, 48), run_before=on_a_quote)


def test_main_screen_light_theme_120x40(app: BylineApp, snap_compare) -> None:
    async def light_on_a_quote(pilot) -> None:
        pilot.app.theme = "textual-light"
        await on_a_quote(pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=light_on_a_quote)


def test_main_screen_on_a_reaction_120x40(app: BylineApp, snap_compare) -> None:
    async def on_a_reaction(pilot) -> None:
        await settle(pilot)
        pilot.app.screen.query_one(ReactionList).focus()
        await pilot.press("down", "down")  # Carla Diaz criticises: evidence in paragraph 3
        await settle(pilot)

    assert snap_compare(app, terminal_size=(120, 40), run_before=on_a_reaction)
