"""Pilot tests of moving around the reader: going back, Tab, the filter box, q, top/bottom and
paging, a resize that keeps the quote in view, help grouped by pane, a bad `byline PATH`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tui_main_store import HARBOUR, STORM, fill_store, main_screen, settle, wait_until

from store.library import Library
from store.records import FeedEntry
from tui.app import BylineApp
from tui.screens.main import MainScreen
from tui.widgets.article_list import ArticleFilter, ArticleList
from tui.widgets.quote_list import QuoteList
from tui.widgets.reactions import ReactionList
from tui.widgets.reader import ReaderPane

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def ids(home: Path) -> dict[str, str]:
    found = fill_store(home)
    with Library.open(home) as library:
        library.save_reader_settings(read_after=600)
        library.merge_entries("http://gazette.test/feed.xml", [
            FeedEntry(guid="g1", link="http://gazette.test/anger",
                      title="Council harbour plan angers the fishermen",
                      content="The harbour plan approved by the council angered the fishermen "
                              "and their fishing cooperative; Mayor Ana Lopez defended the "
                              "harbour expansion.", published="2026-02-01T10:00:00")])
    return found


async def test_back_from_a_related_entry_returns_with_quote_and_scroll(
        home: Path, ids: dict[str, str]) -> None:
    app = BylineApp(home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        harbour = ids[HARBOUR.title]
        quotes = screen.query_one(QuoteList)
        quotes.focus()
        await pilot.press("down", "down", "down")  # Ana Lopez's second quote: the last one
        await settle(pilot)
        reader = screen.query_one(ReaderPane)
        assert reader.current_quote == "q5" and reader.scroll_y > 0
        scrolled = reader.scroll_y
        reactions = screen.query_one(ReactionList)
        await wait_until(pilot, lambda: bool(reactions.related_ids))
        reactions.focus()
        reactions.highlighted = [o.id for o in reactions.options].index(
            f"related:{reactions.related_ids[0]}")
        await pilot.press("enter")
        await settle(pilot)
        assert screen.stored.ref.title == "Council harbour plan angers the fishermen"
        assert "Harbour plan divides" in str(screen.query_one("#reader-box").border_subtitle)
        await pilot.press("escape")
        await settle(pilot)
        assert screen.stored.ref.id == harbour
        assert reader.current_quote == "q5"
        assert quotes.current is not None and quotes.current.quote.id == "q5"
        await wait_until(pilot, lambda: reader.scroll_y == scrolled)
        assert app.focused is reactions  # the pane it was left from
        assert screen.query_one(ArticleList).highlighted_id == harbour
        assert not screen.query_one("#reader-box").border_subtitle
        await pilot.press("escape")  # nothing further back: stays put
        await settle(pilot)
        assert screen.stored.ref.id == harbour and isinstance(app.screen, MainScreen)


async def test_backspace_goes_back_from_a_jump(home: Path, ids: dict[str, str]) -> None:
    from tui.messages import JumpTarget

    app = BylineApp(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        storm = ids[STORM.title]
        screen.handle_jump(JumpTarget(storm, f"{storm}:q1"))  # as from bookmarks or search
        await settle(pilot)
        assert screen.stored.ref.id == storm
        await pilot.press("backspace")
        await settle(pilot)
        assert screen.stored.ref.id == ids[HARBOUR.title]


async def test_tab_cycles_the_panes_and_never_types_into_the_filter(
        home: Path, ids: dict[str, str]) -> None:
    app = BylineApp(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        seen = []
        for _ in range(5):
            await pilot.press("tab")
            seen.append(app.focused.id)
        assert seen == ["reader", "summary", "quotes", "reactions", "article-list"]
        await pilot.press("shift+tab")
        assert app.focused.id == "reactions"
        await pilot.press("tab", "k", "k")
        await settle(pilot)
        box = screen.query_one(ArticleFilter)
        assert box.value == "" and app.focused.id == "article-list"
        for key in ("f", "slash"):
            await pilot.press(key)
            assert app.focused is box
            await pilot.press("escape")
            assert app.focused.id == "article-list"
        await pilot.press("slash", *"storm", "escape")  # Esc leaves; the filter stays
        await settle(pilot)
        assert screen.query_one(ArticleList).article_ids == [ids[STORM.title]]
        await pilot.press("tab")
        assert app.focused.id == "reader"


async def test_q_closes_secondary_screens_and_quits_the_reader(
        home: Path, ids: dict[str, str]) -> None:
    from tui.screens.bookmarks import BookmarksScreen
    from tui.screens.feeds import FeedsScreen
    from tui.screens.help import HelpScreen
    from tui.screens.speaker_quotes import SpeakerQuotesScreen

    app = BylineApp(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        for key, kind in (("B", BookmarksScreen), ("F", FeedsScreen),
                          ("question_mark", HelpScreen)):
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, kind)
            await pilot.press("q")
            await settle(pilot)
            assert app.screen is screen, key
        screen.query_one(QuoteList).focus()
        await pilot.press("down", "s")
        await settle(pilot)
        assert isinstance(app.screen, SpeakerQuotesScreen)
        await pilot.press("q")
        await settle(pilot)
        assert app.screen is screen
        await pilot.press("S", "q")  # typed into the search box: not a way out
        await settle(pilot)
        assert app.screen.query_one("#search-input").value == "q"
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_top_bottom_and_paging(home: Path, ids: dict[str, str]) -> None:
    app = BylineApp(home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        listing = screen.query_one(ArticleList)
        listing.focus()
        await pilot.press("G")
        assert listing.cursor == len(listing.article_ids) - 1
        await pilot.press("g")
        await settle(pilot)
        assert listing.cursor == 0
        reader = screen.query_one(ReaderPane)
        await pilot.press("space")  # pages the reader from the list
        await wait_until(pilot, lambda: reader.scroll_y > 0)
        assert app.focused is listing
        reader.focus()
        await pilot.press("G")
        await wait_until(pilot, lambda: reader.scroll_y == reader.max_scroll_y)
        await pilot.press("g")
        await wait_until(pilot, lambda: reader.scroll_y == 0)
        quotes = screen.query_one(QuoteList)
        quotes.focus()
        await pilot.press("G")
        assert quotes.highlighted == quotes.option_count - 1


async def test_resizing_keeps_the_selected_quote_in_view(home: Path,
                                                         ids: dict[str, str]) -> None:
    app = BylineApp(home)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        screen.query_one(QuoteList).focus()
        await pilot.press("down", "down", "down")  # q5, in the last paragraph
        await settle(pilot)
        reader = screen.query_one(ReaderPane)
        paragraph = reader.query(".paragraph")[6]
        for size in ((80, 24), (120, 36), (100, 30)):
            await pilot.resize_terminal(*size)
            await settle(pilot)
            await pilot.pause(0.1)
            view = reader.scrollable_content_region
            assert view.contains_region(paragraph.region) or (
                paragraph.region.y <= view.y and paragraph.region.bottom >= view.bottom), size
            assert reader.current_quote == "q5"


async def test_help_puts_byline_keys_first_grouped_by_pane(home: Path,
                                                           ids: dict[str, str]) -> None:
    from textual.widgets import Collapsible

    from tui.screens.help import HelpScreen

    app = BylineApp(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        titles = [pane.title for pane in help_screen.panes]
        assert titles[:2] == ["Articles", "Reader screen"]  # the focused pane, the screen
        assert titles[-1] == "Everywhere"
        assert {"Reader", "Summary", "Quotes", "Reactions", "Filter"} <= set(titles)
        keys = {row.description: row.keys for pane in help_screen.panes for row in pane.keys}
        assert keys["Next unread"] == "n" and keys["Back"] == "esc ⌫"
        assert keys["Read/unread"] == "m" and keys["Feeds"] == "F"
        standard = help_screen.query_one("#help-standard", Collapsible)
        assert standard.collapsed  # Textual's generic keys: folded below
        body = help_screen.query_one("#help-body")
        assert body.children[-1] is standard
        assert "Delete" not in {row.description for pane in help_screen.panes
                                for row in pane.standard_keys}


def test_a_missing_file_is_one_line_and_exit_2_before_the_reader(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "tui.cli.run", "--home", str(tmp_path / "h"),
                           str(tmp_path / "no" / "such.txt")], capture_output=True, text=True,
                          cwd=ROOT, timeout=60)
    assert done.returncode == 2
    assert done.stderr == f"byline: {tmp_path / 'no' / 'such.txt'}: no such file\n"
    assert done.stdout == ""  # the reader never took the terminal
    done = subprocess.run([sys.executable, "-m", "tui.cli.run", "--home", str(tmp_path / "h"),
                           str(tmp_path)], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 2 and "is a folder" in done.stderr


def test_byline_article_follow_reaches_the_reader(monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    from tui import cli

    article = tmp_path / "note.txt"
    article.write_text("A note\n\nThe ferry runs at six.\n", encoding="utf-8")
    launched = []
    monkeypatch.setattr(cli, "_launch", lambda *args: launched.append(args) or 0)
    assert cli.main(["--home", str(tmp_path / "h"), str(article), "--follow"]) == 0
    assert cli.main([str(article)]) == 0
    assert launched == [(str(tmp_path / "h"), str(article), True), (None, str(article), False)]
