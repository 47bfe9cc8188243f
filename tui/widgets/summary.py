"""The Summary pane: the article's summary sentences as a bulleted list."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.safe_text import one_line


def summary_table(sentences: Sequence[str]) -> Table:
    """A bullet column and a text column, so wrapped lines hang under their first word."""
    table = Table.grid(padding=(0, 1, 0, 0))
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    for sentence in sentences:
        table.add_row(Text("•", style="bold"), Text(one_line(sentence)))
    return table


class SummaryPane(VerticalScroll):
    """The summary sentences of the open article."""

    BINDING_GROUP_TITLE = "Summary"
    HELP = "The article's main points, in article order."
    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
    ]

    _sentences: list[str] = []

    def compose(self):
        yield Static(id="summary-text")

    def show_summary(self, sentences: Sequence[str]) -> None:
        self._sentences = [one_line(sentence) for sentence in sentences]
        body = summary_table(sentences) if sentences else Text("No summary.", style="dim")
        self.query_one("#summary-text", Static).update(body)
        self.scroll_home(animate=False, immediate=True)

    @property
    def shown_text(self) -> str:
        """The sentences shown, one per line (for tests)."""
        return "\n".join(self._sentences)
