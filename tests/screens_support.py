"""Shared material for the secondary screens' tests: hand-analysed articles, a host app,
and helpers to read the screen and wait for workers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import WorkerCancelled

import styles
from analysis.model import Analysis, Article, Quote, Speaker
from store.library import Library
from tui.screens.search import SearchScreen


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


def filled_library(home: Path) -> Library:
    """A store with the budget and ferry articles."""
    lib = Library.open(home)
    lib.add_analysis(BUDGET)
    lib.add_analysis(FERRY)
    return lib


def screen_text(app: App[Any]) -> str:
    """What the terminal shows right now, as plain lines."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def flat(text: str) -> str:
    """Screen text with line wrapping and borders folded away, for phrase searches."""
    return " ".join(text.replace("│", " ").split())


async def settle(pilot: Pilot[Any]) -> None:
    """Let every worker finish (or be cancelled by a newer one) and the screen repaint."""
    await pilot.pause()
    for _ in range(100):
        try:
            await pilot.app.workers.wait_for_complete()
            break
        except WorkerCancelled:  # it leaves the worker list once its task has ended
            await pilot.pause(0.01)
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


async def search_for(pilot: Pilot[Any], text: str) -> SearchScreen:
    app = pilot.app
    assert isinstance(app, ScreensHost)
    screen = app.screen
    assert isinstance(screen, SearchScreen)
    await pilot.press(*text)
    await settle(pilot)
    return screen


async def open_reader(pilot: Pilot[Any]) -> None:
    """Wait until the reader has opened its store."""
    for _ in range(200):
        await settle(pilot)
        if getattr(pilot.app, "library", None) is not None:
            return
    raise AssertionError("the reader never opened its store")


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
