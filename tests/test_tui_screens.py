"""Pilot tests of the reader's secondary screens (help, bookmarks, search, speaker quotes).

Each screen runs on a real store in a temp folder, filled through the Library API with
articles written here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Footer, Static

import styles
from analysis.model import Analysis, Article, Quote, Speaker
from store.library import Library
from tui.messages import JumpTarget
from tui.screens.bookmarks import EXPORT_NAME, BookmarksScreen
from tui.screens.help import HelpScreen, collect_help, pane_title
from tui.screens.search import SearchScreen
from tui.screens.speaker_quotes import SpeakerQuotesScreen


def written_article(title: str, published: str, paragraphs: list[str],
                    quotes: list[tuple[str, str, str]]) -> Analysis:
    """An analysed article written by hand: quotes are (text, speaker name, role), in order.

    The screens show what the store holds; writing the analysis here keeps these tests about
    the screens, whatever the quote extractor finds.
    """
    speakers: dict[str, Speaker] = {}
    found: list[Quote] = []
    for number, (text, name, role) in enumerate(quotes, 1):
        speaker = speakers.setdefault(name, Speaker(f"s{len(speakers) + 1}", name, role))
        index = next(i for i, p in enumerate(paragraphs) if text in p)
        start = paragraphs[index].index(text)
        found.append(Quote(f"q{number}", text, speaker.label, speaker.id, index, start,
                           start + len(text), "said"))
    article = Article(title=title, byline="Lena Ortiz", dateline="PORTVALE",
                      published=published, paragraphs=paragraphs)
    return Analysis(article, paragraphs[:1], list(speakers.values()), found, [])


KELLER = ("Maria Keller", "the finance minister")
REYES = ("Tom Reyes", "a union leader")

BUDGET = written_article(
    "Harbour city budget talks collapse after a night of bargaining", "2025-03-03",
    [
        "The city's budget talks collapsed early on Monday after negotiators failed to agree.",
        '"We will not sign a budget that forgets the harbour workers," said Maria Keller.',
        'Tom Reyes said: "Nobody in that room listened to the dock crews."',
        'Keller later added: "The door stays open, but the terms must change."',
    ],
    [("We will not sign a budget that forgets the harbour workers", *KELLER),
     ("Nobody in that room listened to the dock crews.", *REYES),
     ("The door stays open, but the terms must change.", *KELLER)],
)

FERRY = written_article(
    "Ferry line to the islands will stop in winter", "2025-02-10",
    [
        "The island ferry will not run from December to March, the transport office said.",
        '"The boats are too old for the winter storms," said Maria Keller.',
    ],
    [("The boats are too old for the winter storms", *KELLER)],
)

HOSTILE = written_article(
    "[@click=app.quit]x[/] and [red]boom in the harbour", "2025-01-05",
    ["A strange headline ran on Friday.",
     '"Nothing [bold]here[/bold] is markup\x1b[2J\x07," said Maria Keller.'],
    [("Nothing [bold]here[/bold] is markup\x1b[2J\x07", *KELLER)],
)


class ScreensHost(App[None]):
    """A bare app to host one secondary screen, with the screens' stylesheet."""

    CSS_PATH = [Path(styles.__file__).parent / "screens.tcss"]
    BINDINGS = [Binding("ctrl+b", "bell", "Ring the bell", id="host.bell")]

    def __init__(self) -> None:
        super().__init__()
        self.results: list[Any] = []

    def compose(self) -> ComposeResult:
        yield Static("host")
        yield Footer()

    def open(self, screen: Screen[Any]) -> None:
        self.push_screen(screen, self.results.append)


@pytest.fixture
def library(home: Path) -> Iterator[Library]:
    lib = Library.open(home)
    lib.add_analysis(BUDGET)
    lib.add_analysis(FERRY)
    yield lib
    lib.close()


def screen_text(app: App[Any]) -> str:
    """What the terminal shows right now, as plain lines."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def flat(text: str) -> str:
    """Screen text with line wrapping and borders folded away, for phrase searches."""
    return " ".join(text.replace("│", " ").split())


async def settle(pilot: Pilot[Any]) -> None:
    """Let every worker finish and the screen repaint."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def quote_id_of(lib: Library, words: str) -> tuple[str, str]:
    """(article_id, quote_id) of the stored quote containing words."""
    for ref in lib.articles():
        stored = lib.article(ref.id)
        assert stored is not None
        for quote in stored.analysis.quotes:
            if words in quote.text:
                return ref.id, f"{ref.id}:{quote.id}"
    raise AssertionError(f"no stored quote contains {words!r}")


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


async def search_for(pilot: Pilot[Any], text: str) -> SearchScreen:
    app = pilot.app
    assert isinstance(app, ScreensHost)
    screen = app.screen
    assert isinstance(screen, SearchScreen)
    await pilot.press(*text)
    await settle(pilot)
    return screen


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


async def open_reader(pilot: Pilot[Any]) -> None:
    """Wait until the reader has opened its store."""
    for _ in range(200):
        await settle(pilot)
        if getattr(pilot.app, "library", None) is not None:
            return
    raise AssertionError("the reader never opened its store")


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


# --- the screens over the real reader: keys B, /, s and the JumpTarget round trip -------------


def reader_on(library: Library) -> App[Any]:
    """The real reader on the library's store (closed here: the reader opens it itself)."""
    from tui.app import BylineApp

    library.close()
    return BylineApp(home=str(library.home))


async def wait_for_quote(pilot: Pilot[Any], quote_id: str) -> None:
    from tui.widgets.reader import ReaderPane

    reader = pilot.app.screen.query_one(ReaderPane)
    for _ in range(200):
        await settle(pilot)
        if reader.current_quote == quote_id.rsplit(":", 1)[-1] and (
            pilot.app.screen.article_id == quote_id.rsplit(":", 1)[0]
        ):
            return
    raise AssertionError(f"the reader never showed {quote_id}")


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


async def test_reader_slash_search_opens_the_quote_found(library: Library) -> None:
    _, crews_quote = quote_id_of(library, "listened to the dock crews")
    app = reader_on(library)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_reader(pilot)
        await pilot.press("slash")
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
