"""Pilot tests of finding things: search over article text with readable dates, speakers found
as people type them (an ambiguous name lists its candidates), bookmark notes written in the
reader, a deleted bookmark brought back, an export that says where it wrote."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from screens_support import (
    BUDGET,
    ScreensHost,
    filled_library,
    flat,
    quote_id_of,
    screen_text,
    search_for,
    settle,
    written_article,
)

from store.library import Library
from tui.messages import JumpTarget
from tui.screens.bookmarks import EXPORT_NAME, BookmarksScreen
from tui.screens.search import SearchScreen
from tui.screens.speaker_quotes import SpeakerQuotesScreen

NAMESAKE = written_article(
    "Keller twins open a harbour café", "2025-04-12",
    ["Two sisters opened a café on the quay on Saturday.",
     '"We grew up watching the boats," said Jana Keller.',
     'Her sister Sévérine O\u2019Rourke-Keller added: "The harbour deserves good coffee."'],
    [("We grew up watching the boats", "Jana Keller", "café owner"),
     ("The harbour deserves good coffee.", "Sévérine O\u2019Rourke-Keller", "")],
)


@pytest.fixture
def library(home: Path) -> Iterator[Library]:
    lib = filled_library(home)
    lib.add_analysis(NAMESAKE)
    yield lib
    lib.close()


async def test_search_finds_words_in_article_text_with_readable_dates(
        library: Library) -> None:
    budget_id = next(r.id for r in library.articles() if r.title == BUDGET.article.title)
    app = ScreensHost()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open(SearchScreen(library))
        await settle(pilot)
        screen = await search_for(pilot, "negotiators failed")
        assert [(h.kind, h.article_id) for h in screen.hits] == [("text", budget_id)]
        shown = flat(screen_text(app))
        assert "In the text of articles (1)" in shown
        assert "3 Mar 2025" in shown and "2025-03-03" not in shown
        assert "after negotiators failed to agree" in shown
        await pilot.press("enter")
        await settle(pilot)
        assert app.results == [JumpTarget(budget_id, "")]


async def test_search_folds_accents_and_apostrophes(library: Library) -> None:
    app = ScreensHost()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open(SearchScreen(library))
        await settle(pilot)
        screen = await search_for(pilot, "severine o'rourke")
        speakers = [h.title for h in screen.hits if h.kind == "speaker"]
        assert speakers == ["Sévérine O\u2019Rourke-Keller"]


async def test_an_ambiguous_speaker_lists_the_candidates(library: Library) -> None:
    app = ScreensHost()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open(SpeakerQuotesScreen(library, "Keller"))
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SpeakerQuotesScreen)
        assert [c.name for c in screen.candidates] == [
            "Maria Keller", "Jana Keller", "Sévérine O\u2019Rourke-Keller"]
        shown = flat(screen_text(app))
        assert "“Keller” could be…" in shown and "No speaker" not in shown
        await pilot.press("down", "enter")  # Jana Keller
        await settle(pilot)
        assert screen.speaker_name == "Jana Keller"
        assert [q.text for q in screen.quotes.values()] == ["We grew up watching the boats"]
        await pilot.press("enter")
        await settle(pilot)
        assert app.results and app.results[0].quote_id.endswith(":q1")


async def test_a_part_of_a_name_finds_the_one_speaker(library: Library) -> None:
    app = ScreensHost()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open(SpeakerQuotesScreen(library, "reye"))
        await settle(pilot)
        screen = app.screen
        assert screen.speaker_name == "Tom Reyes"
        assert len(screen.quotes) == 1
        app.open(SpeakerQuotesScreen(library, "Zeppelin"))
        await settle(pilot)
        assert "No speaker called “Zeppelin”" in flat(screen_text(app))


async def test_bookmark_notes_are_written_and_a_delete_undone(library: Library) -> None:
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
        top = list(screen.bookmarks)[0]
        await pilot.press("n", *"ask the union", "enter")
        await settle(pilot)
        assert "note: ask the union" in flat(screen_text(app))
        assert {b.quote_id: b.note for b in library.bookmarks()}[top] == "ask the union"
        await pilot.press("d")
        await settle(pilot)
        assert top not in screen.bookmarks
        assert any("u brings it back" in n.message for n in app._notifications)
        await pilot.press("u")
        await settle(pilot)
        assert list(screen.bookmarks)[0] == top
        assert {b.quote_id: b.note for b in library.bookmarks()}[top] == "ask the union"
        await pilot.press("e")
        await settle(pilot)
        exported = Path(library.home) / EXPORT_NAME
        assert f"written to {exported}" in str(
            screen.query_one("#bookmarks-panel").border_subtitle)
        assert any(str(exported) in n.message for n in app._notifications)
