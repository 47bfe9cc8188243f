"""Reading state on the main screen: an article shown for a moment, or opened, counts as read;
m, A and n; read marks written in the background, several at a time, in the order made."""

from __future__ import annotations

import queue
import threading
from typing import TYPE_CHECKING

from textual import work

from tui.widgets.article_list import ArticleList

if TYPE_CHECKING:
    from textual.timer import Timer

    from store.library import Library
    from store.records import ReaderSettings

DEFAULT_READ_AFTER = 2.0  # seconds, until the settings are read


class ReadingState:
    """Mixed into MainScreen; relies on its library, settings and article_id."""

    library: Library | None
    settings: ReaderSettings | None
    article_id: str

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._read_timer: Timer | None = None
        self._opening = ""  # an article being opened (marked read once shown)
        self._read_changes: queue.SimpleQueue[tuple[list[str], bool]] = queue.SimpleQueue()
        self._read_lock = threading.Lock()

    def _read_when_shown(self, article_id: str) -> None:
        """Opened: read now. Only shown (the cursor passing by): read once it stayed a moment."""
        if self._read_timer is not None:
            self._read_timer.stop()
            self._read_timer = None
        if self._opening == article_id:
            self._opening = ""
            self.set_read([article_id])
            return
        ref = self.query_one(ArticleList).ref(article_id)
        delay = self.settings.read_after if self.settings is not None else DEFAULT_READ_AFTER
        if ref is not None and not ref.read and delay >= 0:
            self._read_timer = self.set_timer(delay, lambda: self._read_if_still(article_id))

    def _read_if_still(self, article_id: str) -> None:
        self._read_timer = None
        if self.article_id == article_id:
            self.set_read([article_id])

    def set_read(self, article_ids: list[str], read: bool = True) -> None:
        """Show articles read (or unread) at once, and write it in the background."""
        changed = self.query_one(ArticleList).set_read(article_ids, read)
        unknown = [i for i in article_ids if self.query_one(ArticleList).ref(i) is None]
        if changed or unknown:
            self._read_changes.put((changed + unknown, read))
            self._write_read_marks()

    @work(thread=True, group="read-marks", exit_on_error=False)
    def _write_read_marks(self) -> None:
        library = self.library
        if library is not None and self.write_pending_marks(library):
            total = library.unread_counts().total
            self.app.call_from_thread(self.show_total_unread, total)

    def write_pending_marks(self, library: Library) -> bool:
        """Write every read mark waiting, in order (several changes: one write each way);
        False when none was waiting. Called in a worker before the list is read again, so a
        list read from the store never loses a mark just made."""
        with self._read_lock:
            state: dict[str, bool] = {}
            while True:
                try:
                    ids, read = self._read_changes.get_nowait()
                except queue.Empty:
                    break
                state.update(dict.fromkeys(ids, read))
            if not state:
                return False
            library.mark_read_many([i for i, read in state.items() if read], True)
            library.mark_read_many([i for i, read in state.items() if not read], False)
            return True

    def action_toggle_read(self) -> None:
        ref = self.query_one(ArticleList).highlighted_ref
        if ref is None:
            return
        if self._read_timer is not None and self.article_id == ref.id:
            self._read_timer.stop()  # marked by hand: the moment's timer must not undo it
            self._read_timer = None
        self.set_read([ref.id], not ref.read)

    def action_mark_all_read(self) -> None:
        listing = self.query_one(ArticleList)
        unread = listing.unread_ids()
        if not unread:
            self.notify("Everything in the list is read.", markup=False)
            return
        self.set_read(unread)
        self.notify(f"Marked {len(unread)} article{'s' * (len(unread) != 1)} read.",
                    markup=False)

    def action_next_unread(self) -> None:
        if not self.query_one(ArticleList).next_unread():
            self.notify("No unread articles in the list.", markup=False)
