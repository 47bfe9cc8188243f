"""The `/` screen: search article titles, speakers and quotes as you type."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from store.records import SearchHit
from tui.messages import JumpTarget
from tui.safe_text import one_line, plain
from tui.screens.base import LibraryScreen, ResultList, short_date
from tui.screens.speaker_quotes import SpeakerQuotesScreen

if TYPE_CHECKING:
    from store.library import Library

DEBOUNCE_SECONDS = 0.15
GROUPS = (("speaker", "Speakers"), ("article", "Articles"), ("quote", "Quotes"),
          ("text", "In the text of articles"))


def hit_prompt(hit: SearchHit) -> Text:
    """The hit's title (quote text for a quote), its date as people write it, and its detail
    line (role, speaker and article, or the passage found), literally."""
    title = f"“{hit.title}”" if hit.kind == "quote" else hit.title
    prompt = plain(title, "bold" if hit.kind != "quote" else "")
    detail = [one_line(hit.detail)] if hit.detail and hit.kind != "text" else []
    if hit.published:
        detail.append(short_date(hit.published))
    if detail:
        prompt.append("\n")
        prompt.append_text(plain(" · ".join(part for part in detail if part), "dim"))
    if hit.kind == "text" and hit.detail:
        prompt.append("\n")
        prompt.append_text(plain(hit.detail, "italic"))
    return prompt


def grouped_options(hits: list[SearchHit]) -> list[Option | None]:
    """Hits under one disabled header per kind, in the order speakers, articles, quotes."""
    options: list[Option | None] = []
    for kind, heading in GROUPS:
        indexed = [(i, hit) for i, hit in enumerate(hits) if hit.kind == kind]
        if not indexed:
            continue
        header = Text(f"{heading} ({len(indexed)})", style="bold underline")
        options.append(Option(header, id=f"group-{kind}", disabled=True))
        for i, hit in indexed:
            options.append(Option(hit_prompt(hit), id=f"hit-{i}"))
            options.append(None)  # a rule between two hits, and before the next heading
    return options


class SearchResults(ResultList):
    """Search results."""

    HELP = """
    Matches for what you typed (accents, apostrophes and case do not matter): speakers by
    name, part of a name or role, articles by title, quotes by their words, then articles
    whose text holds the words. Enter opens an article or a quote; on a speaker it lists all
    that speaker's quotes.
    """
    BINDING_GROUP_TITLE = "Results"


class SearchScreen(LibraryScreen[JumpTarget | None]):
    """An input and its results, refreshed in a worker as you type."""

    BINDING_GROUP_TITLE = "Search"

    BINDINGS = [Binding("down", "focus_results", "Results", show=False)]

    def __init__(self, library: Library, query: str = "") -> None:
        super().__init__(library)
        self.initial_query = query
        self.hits: list[SearchHit] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="search-panel", classes="library-panel") as panel:
            panel.border_title = "Search titles, article text, speakers and quotes"
            yield Input(self.initial_query, placeholder="type to search…", id="search-input")
            yield Static("", id="search-status", classes="library-empty")
            yield SearchResults(id="search-results")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.run_search(self.initial_query)

    @on(Input.Changed, "#search-input")
    def _query_changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    @work(exclusive=True, group="search", exit_on_error=False)
    async def run_search(self, text: str) -> None:
        """Debounced: a newer keystroke cancels this worker while it waits."""
        text = text.strip()
        if not text:
            self._show(text, [])
            return
        await asyncio.sleep(DEBOUNCE_SECONDS)
        hits = await asyncio.to_thread(self.library.search, text)
        self._show(text, hits)

    def _show(self, text: str, hits: list[SearchHit]) -> None:
        if not self.is_attached:  # closed before the store answered
            return
        self.hits = hits
        results = self.query_one(SearchResults)
        results.set_options(grouped_options(hits))
        status = self.query_one("#search-status", Static)
        if not text:
            status.update("Type a title, a name, words of a quote or of an article.")
        elif not hits:
            status.update(plain(f"Nothing matches “{text}”."))
        else:
            found = "1 match" if len(hits) == 1 else f"{len(hits)} matches"
            status.update(f"{found} — ↓ to the results, Enter opens")
        first = next((i for i, o in enumerate(results.options) if not o.disabled), None)
        results.highlighted = first

    def action_focus_results(self) -> None:
        results = self.query_one(SearchResults)
        if results.option_count:
            results.focus()

    @on(Input.Submitted, "#search-input")
    def _open_first(self) -> None:
        results = self.query_one(SearchResults)
        option = results.highlighted_option
        if option is not None and not option.disabled:
            self._open(option.id or "")

    @on(OptionList.OptionSelected, "#search-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option.id or "")

    def _open(self, option_id: str) -> None:
        if not option_id.startswith("hit-"):
            return
        hit = self.hits[int(option_id.removeprefix("hit-"))]
        if hit.kind == "speaker":
            self.app.push_screen(SpeakerQuotesScreen(self.library, hit.title), self._from_speaker)
        elif hit.article_id:
            self.dismiss(JumpTarget(hit.article_id, hit.quote_id))

    def _from_speaker(self, target: JumpTarget | None) -> None:
        if target is not None:
            self.dismiss(target)
