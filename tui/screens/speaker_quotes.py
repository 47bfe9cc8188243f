"""The `s` screen: every stored quote of one speaker, newest first, across all articles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from store.records import SpeakerQuote, SpeakerSummary
from tui.messages import JumpTarget
from tui.safe_text import plain
from tui.screens.base import LibraryScreen, ResultList, counted, short_date

if TYPE_CHECKING:
    from store.library import Library


def speaker_quote_prompt(quote: SpeakerQuote) -> Text:
    """The quote, then the article title and date."""
    prompt = Text(end="")
    prompt.append("“")
    prompt.append_text(plain(quote.text))
    prompt.append("”\n")
    prompt.append_text(plain(quote.article_title or "(untitled article)", "italic"))
    if quote.published:
        prompt.append(" · ", "dim")
        prompt.append_text(plain(short_date(quote.published), "dim"))
    return prompt


class SpeakerQuoteList(ResultList):
    """The speaker's quotes."""

    HELP = """
    Everything this speaker said in the stored articles, newest first.
    Enter opens the quote in its article (or, on a list of speakers, lists that one's quotes).
    """
    BINDING_GROUP_TITLE = "Quote list"


def candidate_prompt(speaker: SpeakerSummary) -> Text:
    """A speaker a name may mean: name, role, how much they said."""
    prompt = plain(speaker.name, "bold")
    if speaker.role:
        prompt.append_text(plain(f", {speaker.role}", "italic"))
    prompt.append("\n")
    prompt.append(f"{counted(speaker.quote_count, 'quote')} in "
                  f"{counted(speaker.article_count, 'article')}", style="dim")
    return prompt


class SpeakerQuotesScreen(LibraryScreen[JumpTarget | None]):
    """All quotes of the speaker `speaker_name` stands for, with their article title and date;
    when the name fits several speakers ("Marsh"), first the candidates to choose from."""

    BINDING_GROUP_TITLE = "Speaker's quotes"

    def __init__(self, library: Library, speaker_name: str) -> None:
        super().__init__(library)
        self.speaker_name = speaker_name
        self.quotes: dict[str, SpeakerQuote] = {}
        self.candidates: list[SpeakerSummary] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="speaker-panel", classes="library-panel") as panel:
            panel.border_title = plain(self.speaker_name)
            yield Static("Loading…", id="speaker-empty", classes="library-empty")
            yield SpeakerQuoteList(id="speaker-quotes")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(SpeakerQuoteList).focus()
        self.load_quotes()

    @work(thread=True, exclusive=True, group="speaker-load", exit_on_error=False)
    def load_quotes(self) -> None:
        matches = self.library.match_speakers(self.speaker_name)
        if len(matches) > 1:
            self.app.call_from_thread(self._show_candidates, matches)
            return
        name = matches[0].name if matches else self.speaker_name
        quotes = self.library.quotes_by_speaker(name) if matches else []
        self.app.call_from_thread(self._show_speaker, name, quotes)

    def _show_candidates(self, matches: list[SpeakerSummary]) -> None:
        if not self.is_attached:
            return
        self.candidates = matches
        self.quotes = {}
        options: list[Option | None] = []
        for index, speaker in enumerate(matches):
            if options:
                options.append(None)
            options.append(Option(candidate_prompt(speaker), id=f"candidate:{index}"))
        listing = self.query_one(SpeakerQuoteList)
        listing.set_options(options)
        listing.highlighted = 0
        self.query_one("#speaker-empty", Static).display = False
        panel = self.query_one("#speaker-panel")
        panel.border_title = plain(f"“{self.speaker_name}” could be…")
        panel.border_subtitle = f"{len(matches)} speakers · Enter lists one's quotes"

    def _show_speaker(self, name: str, quotes: list[SpeakerQuote]) -> None:
        self.speaker_name = name
        self._show(quotes)

    def _show(self, quotes: list[SpeakerQuote]) -> None:
        if not self.is_attached:  # closed before the store answered
            return
        self.quotes = {q.quote_id: q for q in quotes}
        listing = self.query_one(SpeakerQuoteList)
        options: list[Option | None] = []
        for quote in quotes:
            if options:
                options.append(None)
            options.append(Option(speaker_quote_prompt(quote), id=quote.quote_id))
        listing.set_options(options)
        if quotes:
            listing.highlighted = 0
        empty = self.query_one("#speaker-empty", Static)
        empty.update(plain(f"No speaker called “{self.speaker_name}” in the stored articles."))
        empty.display = not quotes
        self.candidates = []
        articles = len({q.article_id for q in quotes})
        panel = self.query_one("#speaker-panel")
        panel.border_subtitle = f"{counted(len(quotes), 'quote')} in {counted(articles, 'article')}"
        role = next((q.role for q in quotes if q.role), "")
        title = plain(self.speaker_name)
        if role:
            title.append_text(plain(f", {role}", "italic"))
        panel.border_title = title

    @on(OptionList.OptionSelected, "#speaker-quotes")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        if option_id.startswith("candidate:"):
            self.speaker_name = self.candidates[int(option_id.split(":", 1)[1])].name
            self.load_quotes()
            return
        quote = self.quotes.get(option_id)
        if quote is not None:
            self.dismiss(JumpTarget(quote.article_id, quote.quote_id))
