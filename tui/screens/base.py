"""What the reader's screens share: the store, Escape, a footer, one route for what store work
reports."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.binding import Binding
from textual.screen import ModalScreen, Screen
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
    def _report_store_work(self, event: Worker.StateChanged) -> None:
        report_store_work(self, self.library, event)


def report_store_work(screen: Screen, library: Library | None,
                      event: Worker.StateChanged) -> None:
    """The one route for what a screen's store work reports: a failed call, and the warnings
    the store raised (a damaged file moved aside, at start-up or on a later read of one of its
    files), become notifications."""
    finished = event.state in (WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED)
    if finished and library is not None:
        for warning in library.take_warnings():
            screen.notify(one_line(warning), severity="warning", markup=False)
    error = event.worker.error
    if event.state == WorkerState.ERROR and error is not None:
        screen.notify(one_line(error) or type(error).__name__, title="Byline", severity="error",
                      markup=False)


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
