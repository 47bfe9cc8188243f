"""The Summary pane: the article's summary sentences as a bulleted list."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.safe_text import one_line


def summary_text(sentences: Sequence[str]) -> Text:
    text = Text()
    for number, sentence in enumerate(sentences):
        if number:
            text.append("\n")
        text.append("• ", style="bold")
        text.append(one_line(sentence))
    return text


class SummaryPane(VerticalScroll):
    """The summary sentences of the open article."""

    BINDING_GROUP_TITLE = "Summary"
    HELP = "The article's main points, in article order. ↑/↓ j/k scroll."
    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
    ]

    def compose(self):
        yield Static(id="summary-text")

    def show_summary(self, sentences: Sequence[str]) -> None:
        body = summary_text(sentences) if sentences else Text("No summary.", style="dim")
        self.query_one("#summary-text", Static).update(body)
        self.scroll_home(animate=False, immediate=True)

    @property
    def shown_text(self) -> str:
        return str(self.query_one("#summary-text", Static).render())
