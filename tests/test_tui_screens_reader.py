"""The secondary screens over the real reader: `?` help from live bindings, the B, / and s
keys and the JumpTarget round trip back into the reader, the palette over a screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from screens_support import (
    filled_library,
    flat,
    open_reader,
    quote_id_of,
    reader_on,
    screen_text,
    settle,
    wait_for_quote,
)

from store.library import Library
from tui.screens.bookmarks import EXPORT_NAME, BookmarksScreen
from tui.screens.help import HelpScreen, pane_title
from tui.screens.search import SearchScreen
from tui.screens.speaker_quotes import SpeakerQuotesScreen


@pytest.fixture
def library(home: Path) -> Iterator[Library]:
    lib = filled_library(home)
    yield lib
    lib.close()


async def test_help_over_the_reader_follows_its_live_bindings(home: Path) -> None:
    from dataclasses import replace

    from tui.app import BylineApp

    app = BylineApp(home=str(home))
    async with app.run_test(size=(120, 60)) as pilot:
        await open_reader(pilot)
        main = app.screen
        bookmark_key = main.active_bindings["b"]
        assert bookmark_key.node is main
        await pilot.press("question_mark")
        await settle(pilot)
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        screen_pane = next(p for p in help_screen.panes if p.title == pane_title(main))
        assert any(k.keys == "b" and k.description == bookmark_key.binding.description
                   for k in screen_pane.keys)
        await pilot.press("escape")
        await settle(pilot)
        # Rename the main screen's `b` and add an app key while running: help must show both.
        renamed = replace(bookmark_key.binding, description="Keep this quote", tooltip="")
        main._bindings.key_to_bindings["b"] = [renamed]
        app.bind("ctrl+t", "bell", description="Ring at run time")
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        help_screen = app.screen
        shown = flat(screen_text(app))
        screen_pane = next(p for p in help_screen.panes if p.title == pane_title(main))
        assert any(k.keys == "b" and k.description == "Keep this quote" for k in screen_pane.keys)
        app_pane = next(p for p in help_screen.panes if p.title == pane_title(app))
        assert any(k.description == "Ring at run time" for k in app_pane.keys)
        assert "Keys and help" in shown
        body = help_screen.query_one("#help-body")
        texts = []
        while True:
            texts.append(flat(screen_text(app)))
            if body.scroll_y >= body.max_scroll_y:
                break
            await pilot.press("pagedown")
            await settle(pilot)
        everything = " ".join(texts)
        assert "Keep this quote" in everything
        assert "Ring at run time" in everything
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is main


async def test_reader_b_key_then_bookmarks_enter_jumps_back_to_the_quote(
    library: Library,
) -> None:
    _, ferry_quote = quote_id_of(library, "too old for the winter storms")
    library.add_bookmark(ferry_quote)
    app = reader_on(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_reader(pilot)
        main = app.screen
        await pilot.press("B")
        await settle(pilot)
        assert isinstance(app.screen, BookmarksScreen)
        assert "too old for the winter storms" in flat(screen_text(app))
        await pilot.press("enter")
        await wait_for_quote(pilot, ferry_quote)
        assert app.screen is main
        assert main.query_one("#quotes").has_focus


async def test_reader_search_key_opens_the_quote_found(library: Library) -> None:
    _, crews_quote = quote_id_of(library, "listened to the dock crews")
    app = reader_on(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_reader(pilot)
        await pilot.press("S")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"dock crews")
        await settle(pilot)
        await pilot.press("enter")
        await wait_for_quote(pilot, crews_quote)


async def test_reader_s_key_lists_the_current_speakers_quotes(library: Library) -> None:
    budget_id, keller_quote = quote_id_of(library, "forgets the harbour workers")
    keller_quotes = {
        quote_id_of(library, words)[1]
        for words in ("forgets the harbour", "The door stays open", "too old for the winter")
    }
    app = reader_on(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_reader(pilot)
        app.screen.open_article(budget_id, keller_quote)
        await wait_for_quote(pilot, keller_quote)
        await pilot.press("s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SpeakerQuotesScreen)
        assert screen.speaker_name == "Maria Keller"
        assert set(screen.quotes) == keller_quotes


async def test_bookmarks_actions_are_in_the_command_palette(library: Library) -> None:
    from textual.command import CommandPalette

    _, quote_id = quote_id_of(library, "forgets the harbour workers")
    library.add_bookmark(quote_id)
    app = reader_on(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_reader(pilot)
        await pilot.press("B")
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"export markdown")
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, BookmarksScreen)
        exported = Path(library.home) / EXPORT_NAME
        assert "forgets the harbour workers" in exported.read_text(encoding="utf-8")
