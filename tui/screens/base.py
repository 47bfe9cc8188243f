"""What the reader's screens share: the store, Escape, a footer, one route for what store work
reports."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from textual import on
from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from textual.widgets import OptionList
from textual.worker import Worker, WorkerState

from tui.safe_text import one_line

if TYPE_CHECKING:
    from store.library import Library


ResultT = TypeVar("ResultT")


class LibraryScreen(ModalScreen[ResultT]):
    """A modal over the reader that reads the store in workers and may hand back an answer
    (a JumpTarget to open, for most)."""

    BINDINGS = [
        Binding("escape,q", "dismiss", "Close", id="screen.close", tooltip="Back to the reader")
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


def counted(number: int, noun: str, plural: str = "") -> str:
    """"1 quote", "3 quotes"; "2 entries" with plural="entries"."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def short_date(iso: str) -> str:
    """An ISO 8601 date as people read it: "3 Mar 2026" ("" stays ""; an unreadable date
    is shown as it is)."""
    text = one_line(iso)
    try:
        year, month, day = int(text[:4]), int(text[5:7]), int(text[8:10])
        return f"{day} {MONTHS[month - 1]} {year}" if 1 <= day <= 31 else text[:10]
    except (ValueError, IndexError):
        return text[:10]


class ResultList(OptionList):
    """An option list that also moves with j/k, like the reader's panes."""

    BINDINGS = [
        Binding("enter", "select", "Open", id="list.open",
                tooltip="Open the article at this quote"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]
