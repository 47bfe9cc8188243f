"""Snapshots of the help and bookmarks screens over the real reader, on a fixed store, 80×24.

Regenerate after an intended change with `pytest tests/test_snapshots_screens.py
--snapshot-update` and look at the report before committing.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from screens_support import BUDGET, FERRY, HOSTILE, open_reader, quote_id_of, settle
from textual.pilot import Pilot

from store.library import Library
from tui.app import BylineApp
from tui.widgets import article_list

real_gmtime = time.gmtime


@pytest.fixture
def fixed_store(home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Three hand-analysed articles, two bookmarks (one with a note, one with a hostile title).

    Bookmarks are listed newest first by their creation time: pin that clock so the order
    never depends on whether both were made within the same second.
    """
    clock = iter(range(1_750_000_000, 1_750_000_100, 60))
    with Library.open(home) as lib, monkeypatch.context() as patch:
        patch.setattr(time, "gmtime", lambda *_: real_gmtime(next(clock)))
        for analysis in (BUDGET, FERRY, HOSTILE):
            lib.add_analysis(analysis)
        lib.add_bookmark(quote_id_of(lib, "is markup")[1])
        lib.add_bookmark(quote_id_of(lib, "forgets the harbour workers")[1], note="ask the union")
        lib.save_reader_settings(read_after=-1)  # read when opened, never by the clock
    patch_year = monkeypatch.setattr
    patch_year(article_list, "current_year", lambda: 2026)
    return home


def reader_then(*keys: str):
    async def run_before(pilot: Pilot[Any]) -> None:
        await open_reader(pilot)
        pilot.app.screen.query_one("#quotes").focus()
        await pilot.press(*keys)
        await settle(pilot)
        pilot.app.clear_notifications()
        await settle(pilot)

    return run_before


def test_help_screen_snapshot(fixed_store: Path, snap_compare) -> None:
    app = BylineApp(home=str(fixed_store))
    assert snap_compare(app, terminal_size=(80, 24), run_before=reader_then("question_mark"))


def test_bookmarks_screen_snapshot(fixed_store: Path, snap_compare) -> None:
    app = BylineApp(home=str(fixed_store))
    assert snap_compare(app, terminal_size=(80, 24), run_before=reader_then("B"))
