"""Untrusted text is shown literally: no markup, no actions, no control characters on screen."""

from __future__ import annotations

import io
import re
from pathlib import Path

from rich.console import Console
from tui_main_store import ArticleSpec, QuoteSpec, build_analysis, settle

from analysis.model import Reaction, Speaker
from store.library import Library
from tui.app import BylineApp
from tui.safe_text import clean, clean_mapped, one_line, plain
from tui.screens.main import MainScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.quote_list import QuoteList
from tui.widgets.reader import ReaderPane

CLICK_TITLE = "[@click=app.quit]x[/]"
# escape sequences, control characters and bidi overrides/isolates (they reorder what shows)
ESCAPES = "\x1b[31m\x1b]0;pwned\x07\x1b[2J\x08\x7f\u202e\u2066\u2069"
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

HOSTILE = ArticleSpec(
    title=CLICK_TITLE,
    published="2026-04-01T10:00:00",
    byline=f"By [b]Mallory[/b]{ESCAPES}",
    paragraphs=[
        f"The first paragraph says [red]boom and {ESCAPES}carries on [/] afterwards.",
        "“[link=https://evil.test]click me[/link] now [/]” said [blink]Eve[/blink].",
    ],
    speakers=[Speaker("s1", "[blink]Eve[/blink]", "[@click=app.quit]role[/]")],
    quotes=[QuoteSpec(1, "[link=https://evil.test]click me[/link] now [/]", "s1")],
    reactions=[Reaction("[@click=app.quit]Actor[/]", "warns",
                        "The first paragraph says [red]boom", 0, "q1")],
    summary=[f"[red]boom summary {ESCAPES}[@click=app.quit]y[/]"],
)


def fill(home: Path) -> str:
    with Library.open(home) as library:
        return library.add_analysis(build_analysis(HOSTILE)).id


def screen_text(app: BylineApp) -> str:
    """What the terminal would show, as plain text (no styles)."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True,
                      color_system=None, force_terminal=True, legacy_windows=False)
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text(styles=False)



def test_safe_text_helpers() -> None:
    assert clean(f"a{ESCAPES}b") == "ab"
    assert one_line("two\nlines\tand  tabs") == "two lines and tabs"
    assert plain(CLICK_TITLE).plain == CLICK_TITLE
    assert not plain(CLICK_TITLE).spans
    raw = f"ab{ESCAPES}cd"
    cleaned, position = clean_mapped(raw)
    assert cleaned == "abcd"
    assert cleaned[position[raw.index("c")]] == "c" and position[len(raw)] == 4


async def test_hostile_text_shows_literally_and_does_nothing(home: Path) -> None:
    article_id = fill(home)
    app = BylineApp(home)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen) and screen.article_id == article_id

        listing = screen.query_one(ArticleList)
        assert CLICK_TITLE in listing.row_text(0)
        reader = screen.query_one(ReaderPane)
        assert "says [red]boom and carries on [/] afterwards" in reader.paragraph_text(0)
        assert "[link=https://evil.test]click me[/link] now [/]" in reader.paragraph_text(1)

        shown = screen_text(app)
        assert CLICK_TITLE in shown
        assert "[red]boom" in shown
        assert "[blink]Eve[/blink]" in shown
        assert not CONTROL.search(shown)
        assert "pwned" not in shown  # the whole escape sequence went, not only its ESC

        # Clicking the title, the reader text and the reaction, pressing Enter: nothing quits.
        await pilot.click(ArticleList, offset=(12, 0))
        await pilot.click(ReaderPane, offset=(5, 0))
        await pilot.click("#reactions", offset=(5, 0))
        listing.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running

        # A notification quoting hostile text is not parsed as markup either.
        tree = screen.query_one(QuoteList)
        tree.focus()
        await pilot.press("down", "down", "b")
        await settle(pilot)
        bookmarked = [n.message for n in app._notifications if n.message.startswith("Bookmarked")]
        assert bookmarked and "[/]" in bookmarked[0]
        shown = screen_text(app)
        assert not CONTROL.search(shown)
        assert app.is_running
