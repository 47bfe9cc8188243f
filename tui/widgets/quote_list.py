"""The Quotes pane: each speaker (name and count, the role on its own line), then every quote
of that speaker in full, wrapped to the pane's width."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.messages import QuoteHighlighted
from tui.safe_text import one_line
from tui.widgets.hanging import Hanging

if TYPE_CHECKING:
    from analysis.model import Analysis, Quote

BOOKMARK_MARK = "★"
UNATTRIBUTED = "Unattributed"
SPEAKER_PREFIX = "speaker:"
QUOTE_PREFIX = "quote:"


@dataclass(frozen=True)
class QuoteRow:
    """What one row of the pane stands for: a speaker, or one of their quotes."""

    speaker_id: str
    quote: Quote | None = None  # None on a speaker row


def quote_prompt(quote: Quote, bookmarked: bool) -> Hanging:
    """The whole quote, wrapped, hanging under its opening mark; ★ when bookmarked."""
    return Hanging(Text(BOOKMARK_MARK if bookmarked else "", style="bold"),
                   Text(f"“{one_line(quote.text)}”"))


def speaker_prompt(name: str, role: str, count: int) -> Text:
    """Name and number of quotes, then the role on a line of its own."""
    text = Text(end="")
    text.append(one_line(name) or UNATTRIBUTED, style="bold")
    text.append(f" ({count})", style="dim")
    if role:
        text.append("\n")
        text.append(one_line(role), style="italic dim")
    return text


class QuoteList(OptionList):
    """Speakers → quotes of the open article; ★ marks bookmarked quotes."""

    BINDING_GROUP_TITLE = "Quotes"
    HELP = """
    The article's speakers, each with the number of quotes and the role, then their quotes
    in full. Moving onto a quote scrolls the reader to it and brings its reactions forward;
    Enter reads it in the text; b bookmarks it, y copies it, s lists every quote of its speaker.
    """
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._rows: dict[str, QuoteRow] = {}
        self._bookmarked: set[str] = set()
        self._article_id = ""

    def show_quotes(self, article_id: str, analysis: Analysis | None,
                    bookmarked: set[str]) -> None:
        """Rebuild the list for another article; the cursor goes to the first speaker."""
        self._article_id = article_id
        self._bookmarked = set(bookmarked)
        self._rows = {}
        options: list[Option] = []
        if analysis is not None:
            groups: dict[str, list[Quote]] = {}
            for quote in analysis.quotes:
                groups.setdefault(quote.speaker_id, []).append(quote)
            speakers = {s.id: s for s in analysis.speakers}
            order = [s.id for s in analysis.speakers if s.id in groups]
            order += [sid for sid in groups if sid not in speakers]
            for speaker_id in order:
                quotes = groups[speaker_id]
                speaker = speakers.get(speaker_id)
                name = speaker.name if speaker else (quotes[0].speaker or UNATTRIBUTED)
                role = speaker.role if speaker else ""
                option_id = f"{SPEAKER_PREFIX}{speaker_id}"
                self._rows[option_id] = QuoteRow(speaker_id)
                options.append(Option(speaker_prompt(name, role, len(quotes)), id=option_id))
                for quote in quotes:
                    option_id = f"{QUOTE_PREFIX}{quote.id}"
                    self._rows[option_id] = QuoteRow(speaker_id, quote)
                    options.append(Option(quote_prompt(quote, self._is_marked(quote.id)),
                                          id=option_id))
        if not options and analysis is not None:
            options.append(Option(Text("No quotes found.", style="dim"), disabled=True))
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(options)
            self.highlighted = None

    @property
    def current(self) -> QuoteRow | None:
        option = self.highlighted_option
        return self._rows.get(option.id or "") if option is not None else None

    @property
    def labels(self) -> list[str]:
        """Every row as plain text, in order (for tests)."""
        out = []
        for option in self.options:
            row = self._rows.get(option.id or "")
            if row is None:
                out.append(str(option.prompt))
            elif row.quote is None:
                out.append(str(option.prompt).replace("\n", " — "))
            else:
                marked = BOOKMARK_MARK + " " if self._is_marked(row.quote.id) else ""
                out.append(f"{marked}“{one_line(row.quote.text)}”")
        return out

    def select_quote(self, quote_id: str) -> bool:
        """Move the cursor to quote_id ("qN"); False when the article has no such quote."""
        option_id = f"{QUOTE_PREFIX}{quote_id}"
        if option_id not in self._rows:
            return False
        self.highlighted = self.get_option_index(option_id)
        return True

    def set_bookmarked(self, quote_id: str, marked: bool) -> None:
        """Show or clear the bookmark mark of quote_id ("qN")."""
        full_id = f"{self._article_id}:{quote_id}"
        if marked:
            self._bookmarked.add(full_id)
        else:
            self._bookmarked.discard(full_id)
        self._relabel(quote_id)

    def refresh_marks(self, bookmarked: set[str]) -> None:
        """Apply a fresh set of bookmarked ids (after another screen changed them)."""
        self._bookmarked = set(bookmarked)
        for row in self._rows.values():
            if row.quote is not None:
                self._relabel(row.quote.id)

    def _relabel(self, quote_id: str) -> None:
        row = self._rows.get(f"{QUOTE_PREFIX}{quote_id}")
        if row is not None and row.quote is not None:
            self.replace_option_prompt(f"{QUOTE_PREFIX}{quote_id}",
                                       quote_prompt(row.quote, self._is_marked(quote_id)))

    def _is_marked(self, quote_id: str) -> bool:
        return f"{self._article_id}:{quote_id}" in self._bookmarked

    @on(OptionList.OptionHighlighted)
    def _announce(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        row = self._rows.get(event.option.id or "")
        if row is not None:
            quote_id = row.quote.id if row.quote else ""
            self.post_message(QuoteHighlighted(quote_id, row.speaker_id))
