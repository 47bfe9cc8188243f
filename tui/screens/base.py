"""What the reader's secondary screens share: the store, Escape, a footer, one error route."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.worker import Worker, WorkerState

from tui.messages import JumpTarget
from tui.safe_text import one_line

if TYPE_CHECKING:
    from store.library import Library


class LibraryScreen(ModalScreen[JumpTarget | None]):
    """A modal over the reader that reads the store in workers and may hand back a JumpTarget."""

    BINDINGS = [
        Binding("escape", "dismiss", "Close", id="screen.close", tooltip="Back to the reader")
    ]

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library

    @on(Worker.StateChanged)
    def _report_worker_error(self, event: Worker.StateChanged) -> None:
        """Every failed store call of this screen ends here, as a notification."""
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            self.notify(
                str(event.worker.error), title="Byline", severity="error", markup=False
            )


def counted(number: int, noun: str) -> str:
    """"1 quote", "3 quotes"."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def short_date(iso: str) -> str:
    """The date part of an ISO 8601 string ("" stays "")."""
    return one_line(iso)[:10]


class ResultList(OptionList):
    """An option list that also moves with j/k, like the reader's panes."""

    BINDINGS = [
        Binding("enter", "select", "Open", id="list.open",
                tooltip="Open the article at this quote"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]
