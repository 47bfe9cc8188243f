"""Pilot tests of the reader's secondary screens (bookmarks, search, speaker quotes, help),
each pushed on a small host app over a real store in a temp folder, filled through the
Library API with articles written in screens_support."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from screens_support import (
    HOSTILE,
    ScreensHost,
    filled_library,
    flat,
    quote_id_of,
    screen_text,
    search_for,
    settle,
)

from store.library import Library
from tui.messages import JumpTarget
from tui.screens.bookmarks import EXPORT_NAME, BookmarksScreen
from tui.screens.help import HelpScreen, collect_help
from tui.screens.search import SearchScreen
from tui.screens.speaker_quotes import SpeakerQuotesScreen


@pytest.fixture
def library(home: Path) -> Iterator[Library]:
    lib = filled_library(home)
    yield lib
    lib.close()


# --- bookmarks -----------------------------------------------------------------------------


async def test_bookmarks_lists_quote_speaker_article_and_note(library: Library) -> None:
    _article_id, quote_id = quote_id_of(library, "forgets the harbour workers")
    library.add_bookmark(quote_id, note="ask the union")
    app = ScreensHost()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open(BookmarksScreen(library))
        await settle(pilot)
        shown = flat(screen_text(app))
        assert "forgets the harbour workers" in shown
        assert "Maria Keller" in shown
        assert "Harbour city budget talks collapse" in shown
        assert "ask the union" in shown
        assert "1 bookmarked" in shown


async def test_bookmarks_delete_removes_it_from_screen_and_store(library: Library) -> None:
    _, first = quote_id_of(library, "forgets the harbour workers")
    _, second = quote_id_of(library, "too old for the winter storms")
    library.add_bookmark(first)
    library.add_bookmark(second)
    app = ScreensHost()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open(BookmarksScreen(library))
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, BookmarksScreen)
        doomed = screen.query_one("#bookmarks-list").highlighted_option.id
        await pilot.press("d")
        await settle(pilot)
        remaining = {b.quote_id for b in library.bookmarks()}
        assert remaining == {first, second} - {doomed}
        assert doomed not in screen.bookmarks
        assert "1 bookmarked" in flat(screen_text(app))
        assert any("Removed the bookmark" in n.message for n in app._notifications)
        await pilot.press("delete")
        await settle(pilot)
        assert library.bookmarks() == []
        assert "No bookmarks yet" in flat(screen_text(app))


async def test_bookmarks_enter_jumps_to_the_quote(library: Library) -> None:
    article_id, quote_id = quote_id_of(library, "too old for the winter storms")
    library.add_bookmark(quote_id)
    app = ScreensHost()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open(BookmarksScreen(library))
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.results == [JumpTarget(article_id, quote_id)]
        assert not isinstance(app.screen, BookmarksScreen)


async def test_bookmarks_escape_closes_without_a_target(library: Library) -> None:
    app = ScreensHost()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open(BookmarksScreen(library))
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.results == [None]


async def test_bookmarks_export_writes_markdown_with_quote_and_speaker(
    library: Library, home: Path
) -> None:
    _, quote_id = quote_id_of(library, "forgets the harbour workers")
    library.add_bookmark(quote_id)
    app = ScreensHost()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open(BookmarksScreen(library))
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        exported = Path(library.home) / EXPORT_NAME
        assert any(str(exported) in n.message for n in app._notifications)
    markdown = exported.read_text(encoding="utf-8")
    quote_lines = [line for line in markdown.splitlines() if line.startswith(">")]
    assert any("forgets the harbour workers" in line for line in quote_lines)
    assert "Maria Keller" in markdown


async def test_bookmarks_show_hostile_titles_literally(home: Path) -> None:
    with Library.open(home) as lib:
        lib.add_analysis(HOSTILE)
        _, quote_id = quote_id_of(lib, "is markup")
        lib.add_bookmark(quote_id)
        app = ScreensHost()
        async with app.run_test(size=(100, 30)) as pilot:
            app.open(BookmarksScreen(lib))
            await settle(pilot)
            shown = screen_text(app)
            assert "[@click=app.quit]x[/] and [red]boom" in flat(shown)
            assert "“Nothing [bold]here[/bold] is markup”" in flat(shown)
            assert "\x1b" not in shown and "\x07" not in shown
            assert app.is_running


async def test_search_and_speaker_screens_show_hostile_text_literally(home: Path) -> None:
    with Library.open(home) as lib:
        lib.add_analysis(HOSTILE)
        app = ScreensHost()
        async with app.run_test(size=(100, 30)) as pilot:
            app.open(SearchScreen(lib))
            await settle(pilot)
            await search_for(pilot, "boom")
            shown = screen_text(app)
            assert "[@click=app.quit]x[/] and [red]boom in the harbour" in flat(shown)
            await pilot.press("escape")
            await settle(pilot)
            app.open(SpeakerQuotesScreen(lib, "Maria Keller"))
            await settle(pilot)
            shown = screen_text(app)
            assert "“Nothing [bold]here[/bold] is markup”" in flat(shown)
            assert "[@click=app.quit]x[/] and [red]boom" in flat(shown)
            assert "\x1b" not in shown
            assert app.is_running


async def test_a_failed_export_is_a_notification_not_a_crash(library: Library) -> None:
    _, quote_id = quote_id_of(library, "forgets the harbour workers")
    library.add_bookmark(quote_id)
    (Path(library.home) / EXPORT_NAME).mkdir()  # a folder where the file should go
    app = ScreensHost()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open(BookmarksScreen(library))
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        errors = [n for n in app._notifications if n.severity == "error"]
        assert len(errors) == 1 and EXPORT_NAME in errors[0].message
        assert isinstance(app.screen, BookmarksScreen)


# --- search and speaker quotes ---------------------------------------------------------------


async def test_search_finds_an_article_by_title(library: Library) -> None:
    app = ScreensHost()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open(SearchScreen(library))
        await settle(pilot)
        screen = await search_for(pilot, "ferry")
        assert any(h.kind == "article" and "Ferry line" in h.title for h in screen.hits)
        assert "Ferry line to the islands" in flat(screen_text(app))
        await pilot.press("enter")
        await settle(pilot)
        (target,) = app.results
        ferry = next(r for r in library.articles() if r.title.startswith("Ferry line"))
        assert target == JumpTarget(ferry.id, "")


async def test_search_finds_a_quote_and_enter_returns_its_jump_target(library: Library) -> None:
    article_id, quote_id = quote_id_of(library, "Nobody in that room listened")
    app = ScreensHost()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open(SearchScreen(library))
        await settle(pilot)
        screen = await search_for(pilot, "dock crews")
        quote_hits = [h for h in screen.hits if h.kind == "quote"]
        assert [h.quote_id for h in quote_hits] == [quote_id]
        assert "Quotes (1)" in flat(screen_text(app))
        await pilot.press("down")
        results = screen.query_one("#search-results")
        assert results.has_focus
        while results.highlighted_option.id != f"hit-{screen.hits.index(quote_hits[0])}":
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        assert app.results == [JumpTarget(article_id, quote_id)]


async def test_search_speaker_hit_opens_their_quotes_then_jumps(library: Library) -> None:
    article_id, quote_id = quote_id_of(library, "too old for the winter storms")
    app = ScreensHost()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open(SearchScreen(library))
        await settle(pilot)
        screen = await search_for(pilot, "keller")
        speaker_hits = [h for h in screen.hits if h.kind == "speaker"]
        assert speaker_hits and "Maria Keller" in speaker_hits[0].title
        assert "Speakers (" in flat(screen_text(app))
        results = screen.query_one("#search-results")
        results.focus()
        results.highlighted = next(
            i for i, o in enumerate(results.options)
            if o.id == f"hit-{screen.hits.index(speaker_hits[0])}"
        )
        await pilot.press("enter")
        await settle(pilot)
        quotes_screen = app.screen
        assert isinstance(quotes_screen, SpeakerQuotesScreen)
        listing = quotes_screen.query_one("#speaker-quotes")
        while listing.highlighted_option.id != quote_id:
            await pilot.press("j")
        await pilot.press("enter")
        await settle(pilot)
        assert app.results == [JumpTarget(article_id, quote_id)]
        assert not isinstance(app.screen, SearchScreen | SpeakerQuotesScreen)


async def test_search_with_no_match_says_so(library: Library) -> None:
    app = ScreensHost()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open(SearchScreen(library))
        await settle(pilot)
        screen = await search_for(pilot, "zeppelin")
        assert screen.hits == []
        assert "Nothing matches “zeppelin”" in flat(screen_text(app))


async def test_speaker_quotes_lists_every_article_newest_first(library: Library) -> None:
    app = ScreensHost()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open(SpeakerQuotesScreen(library, "Maria Keller"))
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SpeakerQuotesScreen)
        shown = flat(screen_text(app))
        assert "forgets the harbour workers" in shown
        assert "too old for the winter storms" in shown
        assert "Ferry line to the islands" in shown
        assert "in 2 articles" in shown
        assert "Nobody in that room listened" not in shown  # Tom Reyes said that
        # newest first: the March budget quotes before the February ferry quote
        assert shown.index("forgets the harbour workers") < shown.index("too old for the winter")


# --- help ------------------------------------------------------------------------------------


async def test_help_lists_live_bindings_including_one_added_at_runtime() -> None:
    app = ScreensHost()
    async with app.run_test(size=(100, 40)) as pilot:
        app.bind("ctrl+g", "bell", description="Ring twice")
        app.push_screen(HelpScreen())
        await settle(pilot)
        shown = flat(screen_text(app))
        assert "Ring twice" in shown
        assert "Ring the bell" in shown  # the host's class binding
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        described = [k.description for pane in help_screen.panes
                     for k in pane.keys + pane.standard_keys]
        live = [a.binding.description for a in app.screen_stack[0].active_bindings.values()]
        assert set(described) >= {d for d in live if d}
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, HelpScreen)


async def test_help_describes_the_screen_it_opened_over(library: Library) -> None:
    app = ScreensHost()
    async with app.run_test(size=(100, 40)) as pilot:
        app.open(BookmarksScreen(library))
        await settle(pilot)
        panes = collect_help(app.screen)
        titles = [pane.title for pane in panes]
        assert titles[:2] == ["Bookmark list", "Bookmarks"]
        assert "bookmarked quotes" in panes[0].text
        keys = {k.description: k.keys for pane in panes for k in pane.keys}
        assert keys["Delete"] == "d del"
        assert keys["Export Markdown"] == "e"
        app.push_screen(HelpScreen())
        await settle(pilot)
        shown = flat(screen_text(app))
        assert "Export Markdown" in shown
        assert "bookmarked quotes" in shown




async def test_closing_a_screen_before_the_store_answers_is_harmless(library: Library) -> None:
    app = ScreensHost()
    async with app.run_test(size=(100, 30)) as pilot:
        for screen in (BookmarksScreen(library), SearchScreen(library, "harbour"),
                       SpeakerQuotesScreen(library, "Maria Keller")):
            app.open(screen)
            await pilot.press("escape")  # at once: the load may still be running
            await settle(pilot)
        assert app.results == [None, None, None]
        assert not [n for n in app._notifications if n.severity == "error"]
        assert app.is_running
