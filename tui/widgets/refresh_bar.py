"""The one-line bar shown while feeds refresh: what is being fetched and a progress bar."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar

from tui.safe_text import shorten


class RefreshBar(Horizontal):
    """Hidden until a refresh starts, then at the foot of the reader; the rest of the screen
    stays usable meanwhile."""

    def compose(self) -> ComposeResult:
        yield Label(id="refresh-label", markup=False)
        yield ProgressBar(id="refresh-progress", show_eta=False)

    def start(self, label: str = "Refreshing feeds…") -> None:
        self.query_one(Label).update(Text(label))
        self.query_one(ProgressBar).update(total=None, progress=0)
        self.display = True

    def advance(self, done: int, total: int, label: str) -> None:
        self.query_one(Label).update(Text(f"Refreshing {done}/{total} {shorten(label, 40)}"))
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)

    def stop(self) -> None:
        self.display = False
