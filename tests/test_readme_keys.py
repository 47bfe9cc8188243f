"""The README's key table and the reader's live bindings say the same: every key the table
names is bound, and every key of the main screen is in the table."""

from __future__ import annotations

import re
from pathlib import Path

from textual.binding import Binding

from tui.app import BylineApp
from tui.screens.base import LibraryScreen, ResultList
from tui.screens.bookmarks import BookmarksScreen
from tui.screens.feeds import FeedsScreen
from tui.screens.main import MainScreen
from tui.widgets.article_list import ArticleFilter, ArticleList
from tui.widgets.quote_list import QuoteList
from tui.widgets.reactions import ReactionList
from tui.widgets.reader import ReaderPane
from tui.widgets.summary import SummaryPane

README = Path(__file__).resolve().parent.parent / "README.md"
BOUND_ON = (MainScreen, ArticleList, ArticleFilter, ReaderPane, SummaryPane, QuoteList,
            ReactionList, BylineApp, FeedsScreen, BookmarksScreen, LibraryScreen, ResultList)
# How a Textual key name is written in the table.
WRITTEN = {"slash": "/", "plus": "+", "less_than_sign": "<", "greater_than_sign": ">",
           "question_mark": "?", "tab": "Tab", "shift+tab": "Shift+Tab", "escape": "Esc",
           "backspace": "Backspace", "enter": "Enter", "delete": "Del", "space": "space"}


def key_column() -> list[str]:
    """The first cell of each row of the README's key table."""
    text = README.read_text(encoding="utf-8")
    table = text.split("### Keys in the reader", 1)[1].split("\n\n", 2)[1]
    rows = [line for line in table.splitlines() if line.startswith("| ")][2:]
    return [row.split("|")[1] for row in rows]


def bound_keys() -> set[str]:
    keys = set()
    for cls in BOUND_ON:
        for binding in Binding.make_bindings(cls.BINDINGS):
            keys.add(WRITTEN.get(binding.key, binding.key))
    return keys


def test_every_key_in_the_table_is_bound() -> None:
    bound = bound_keys()
    named = {key for cell in key_column() for key in re.findall(r"`([^`]+)`", cell)}
    assert named, "the README has no key table"
    assert named <= bound, sorted(named - bound)


def test_every_key_of_the_main_screen_is_in_the_table() -> None:
    cells = " ".join(key_column())
    named = set(re.findall(r"`([^`]+)`", cells)) | set(re.findall(r"[A-Z][\w+]*", cells))
    missing = [binding.key for binding in Binding.make_bindings(MainScreen.BINDINGS)
               if WRITTEN.get(binding.key, binding.key) not in named]
    assert not missing, missing
