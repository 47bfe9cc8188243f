"""The `B` screen: bookmarked quotes; delete, jump to the quote, export to Markdown."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from store.records import Bookmark
from tui.messages import JumpTarget
from tui.safe_text import plain
from tui.screens.base import LibraryScreen, ResultList, counted, short_date

if TYPE_CHECKING:
    from store.library import Library

EXPORT_NAME = "bookmarks.md"


def bookmark_prompt(bookmark: Bookmark) -> Text:
    """Quote, then speaker · article · date (or when it was saved), then the note; literally."""
    prompt = Text(end="")
    prompt.append("“")
    prompt.append_text(plain(bookmark.text))
    prompt.append("”\n")
    speaker = bookmark.speaker + (f", {bookmark.role}" if bookmark.role else "")
    prompt.append("— ")
    prompt.append_text(plain(speaker, "bold"))
    if bookmark.article_title:
        prompt.append(" · ", "dim")
        prompt.append_text(plain(bookmark.article_title, "italic"))
    if bookmark.published:
        prompt.append(" · ", "dim")
        prompt.append_text(plain(short_date(bookmark.published), "italic"))
    elif bookmark.created:
        prompt.append(" · saved ", "dim")
        prompt.append_text(plain(short_date(bookmark.created), "dim"))
    if bookmark.note:
        prompt.append("\nnote: ", "dim")
        prompt.append_text(plain(bookmark.note))
    return prompt


class BookmarkList(ResultList):
    """The bookmarked quotes."""

    HELP = """
    Your bookmarked quotes, newest first. Enter opens the quote in its article, n writes or
    changes its note, d deletes the bookmark (u brings it back), e exports all bookmarks to a
    Markdown file.
    """
    BINDING_GROUP_TITLE = "Bookmark list"


class BookmarksScreen(LibraryScreen[JumpTarget | None]):
    """Every bookmark with its quote, speaker, article, date and note."""

    BINDING_GROUP_TITLE = "Bookmarks"

    BINDINGS = [
        Binding("n", "note", "Note", id="bookmarks.note",
                tooltip="Write or change the highlighted bookmark's note"),
        Binding("d,delete", "delete", "Delete", id="bookmarks.delete",
                tooltip="Delete the highlighted bookmark (u brings it back)"),
        Binding("u", "undo", "Undo delete", id="bookmarks.undo",
                tooltip="Bring back the bookmark deleted last"),
        Binding("e", "export", "Export Markdown", id="bookmarks.export",
                tooltip=f"Write every bookmark to {EXPORT_NAME} in the store folder"),
    ]

    def __init__(self, library: Library) -> None:
        super().__init__(library)
        self.bookmarks: dict[str, Bookmark] = {}
        self.deleted: list[tuple[int, Bookmark]] = []  # (position, bookmark), last deleted last

    def compose(self) -> ComposeResult:
        with Vertical(id="bookmarks-panel", classes="library-panel") as panel:
            panel.border_title = "Bookmarks"
            yield Static("Loading…", id="bookmarks-empty", classes="library-empty")
            yield BookmarkList(id="bookmarks-list")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(BookmarkList).focus()
        self.load_bookmarks()

    @work(thread=True, exclusive=True, group="bookmarks-load", exit_on_error=False)
    def load_bookmarks(self) -> None:
        bookmarks = self.library.bookmarks()
        self.app.call_from_thread(self._show, bookmarks)

    def _show(self, bookmarks: list[Bookmark]) -> None:
        if not self.is_attached:  # closed before the store answered
            return
        self.bookmarks = {b.quote_id: b for b in bookmarks}
        self._fill(0)

    def _fill(self, highlight: int | None) -> None:
        """(Re)build the list from self.bookmarks, a rule between two bookmarks."""
        options: list[Option | None] = []
        for bookmark in self.bookmarks.values():
            if options:
                options.append(None)
            options.append(Option(bookmark_prompt(bookmark), id=bookmark.quote_id))
        listing = self.query_one(BookmarkList)
        listing.set_options(options)
        if self.bookmarks and highlight is not None:
            listing.highlighted = min(highlight, len(self.bookmarks) - 1)
        self._update_count()

    def _update_count(self) -> None:
        count = len(self.bookmarks)
        empty = self.query_one("#bookmarks-empty", Static)
        empty.update("No bookmarks yet: press b on a quote in the reader." if not count else "")
        empty.display = not count
        self.query_one("#bookmarks-panel").border_subtitle = f"{count} bookmarked"

    def _current(self) -> Bookmark | None:
        option = self.query_one(BookmarkList).highlighted_option
        return self.bookmarks.get(option.id or "") if option else None

    @on(OptionList.OptionSelected, "#bookmarks-list")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        bookmark = self.bookmarks.get(event.option.id or "")
        if bookmark is not None:
            article_id = bookmark.article_id or bookmark.quote_id.split(":", 1)[0]
            self.dismiss(JumpTarget(article_id, bookmark.quote_id))

    def action_delete(self) -> None:
        bookmark = self._current()
        if bookmark is not None:
            self.delete_bookmark(bookmark)

    @work(thread=True, group="bookmarks-write", exit_on_error=False)
    def delete_bookmark(self, bookmark: Bookmark) -> None:
        removed = self.library.remove_bookmark(bookmark.quote_id)
        self.app.call_from_thread(self._deleted, bookmark, removed)

    def _deleted(self, bookmark: Bookmark, removed: bool) -> None:
        position = 0
        if self.is_attached and bookmark.quote_id in self.bookmarks:
            position = list(self.bookmarks).index(bookmark.quote_id)
            del self.bookmarks[bookmark.quote_id]
            self._fill(position)
        if removed:
            self.deleted.append((position, bookmark))
            speaker = bookmark.speaker or "unattributed"
            self.app.notify(f"Removed the bookmark of {speaker}'s quote: u brings it back.",
                            title="Bookmarks", markup=False)

    def action_undo(self) -> None:
        if not self.deleted:
            self.notify("Nothing to bring back.", markup=False)
            return
        self.restore_bookmark(*self.deleted.pop())

    @work(thread=True, group="bookmarks-write", exit_on_error=False)
    def restore_bookmark(self, position: int, bookmark: Bookmark) -> None:
        self.library.restore_bookmark(bookmark)
        self.app.call_from_thread(self._restored, position, bookmark)

    def _restored(self, position: int, bookmark: Bookmark) -> None:
        if not self.is_attached:
            return
        items = list(self.bookmarks.items())
        items.insert(min(position, len(items)), (bookmark.quote_id, bookmark))
        self.bookmarks = dict(items)
        self._fill(position)
        self.notify(f"Brought back the bookmark of {bookmark.speaker or 'unattributed'}'s "
                    "quote.", title="Bookmarks", markup=False)

    def action_note(self) -> None:
        from tui.screens.prompts import PromptScreen

        bookmark = self._current()
        if bookmark is None:
            return
        self.app.push_screen(
            PromptScreen("Note on this bookmark", bookmark.note, placeholder="your note",
                         hint="Enter keeps it (an empty note clears it), Esc cancels."),
            lambda note: self._note(bookmark, note))

    def _note(self, bookmark: Bookmark, note: str | None) -> None:
        if note is not None and note.strip() != bookmark.note:
            self.write_note(bookmark, note.strip())

    @work(thread=True, group="bookmarks-write", exit_on_error=False)
    def write_note(self, bookmark: Bookmark, note: str) -> None:
        updated = self.library.set_bookmark_note(bookmark.quote_id, note)
        self.app.call_from_thread(self._noted, updated)

    def _noted(self, bookmark: Bookmark) -> None:
        if self.is_attached and bookmark.quote_id in self.bookmarks:
            position = list(self.bookmarks).index(bookmark.quote_id)
            self.bookmarks[bookmark.quote_id] = bookmark
            self._fill(position)

    def action_export(self) -> None:
        self.export_bookmarks()

    @work(thread=True, exclusive=True, group="bookmarks-export", exit_on_error=False)
    def export_bookmarks(self) -> None:
        path = self.library.export_bookmarks_to(Path(self.library.home) / EXPORT_NAME, "markdown")
        self.app.call_from_thread(self._exported, path)

    def _exported(self, path: Path) -> None:
        self.notify(f"Exported {counted(len(self.bookmarks), 'bookmark')} to {path}",
                    title="Bookmarks", markup=False, timeout=10)
        if self.is_attached:
            self.query_one("#bookmarks-panel").border_subtitle = plain(
                f"{len(self.bookmarks)} bookmarked · written to {path}").plain
