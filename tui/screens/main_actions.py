"""The main screen's key actions: bookmark, copy, open link, refresh and the secondary screens.

Secondary screens belong to another module set (help, bookmarks, search, speaker quotes); they
are imported when first pushed, which also keeps the reader's start-up imports small.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work

from tui.safe_text import one_line, shorten

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.screen import Screen

    from analysis.model import Quote, Speaker
    from store.library import Library
    from store.records import StoredArticle
    from tui.messages import JumpTarget

NOTIFY_QUOTE_WIDTH = 80


def quote_line(quote: Quote) -> str:
    """“text” — Speaker, one line, short enough for a notification."""
    speaker = one_line(quote.speaker) or "unattributed"
    return f"“{shorten(quote.text, NOTIFY_QUOTE_WIDTH)}” — {speaker}"


class MainActions:
    """Mixed into MainScreen; relies on its state (library, stored, current_quote, ...)."""

    library: Library | None
    stored: StoredArticle | None
    current_quote: Quote | None
    current_speaker_id: str
    bookmarked: set[str]
    article_id: str
    _speakers: dict[str, Speaker]

    def _need_library(self) -> Library | None:
        if self.library is None:
            self.notify("The store is still loading.", severity="warning")
        return self.library

    def _quote_id(self, quote: Quote) -> str:
        return f"{self.article_id}:{quote.id}"

    # bookmarks ------------------------------------------------------------------------------
    def action_bookmark(self) -> None:
        quote = self.current_quote
        if quote is None or self.stored is None:
            self.notify("Move onto a quote in the Quotes pane first.", severity="warning")
            return
        if self._need_library() is None:
            return
        full_id = self._quote_id(quote)
        self._toggle_bookmark(full_id, quote, full_id not in self.bookmarked)

    @work(thread=True, group="bookmark", exit_on_error=False)
    def _toggle_bookmark(self, full_id: str, quote: Quote, add: bool) -> None:
        assert self.library is not None
        if add:
            self.library.add_bookmark(full_id)
        else:
            self.library.remove_bookmark(full_id)
        self.app.call_from_thread(self._bookmark_done, full_id, quote, add)

    def _bookmark_done(self, full_id: str, quote: Quote, added: bool) -> None:
        from tui.widgets.quote_tree import QuoteTree

        if added:
            self.bookmarked.add(full_id)
            self.notify(f"Bookmarked: {quote_line(quote)}", markup=False)
        else:
            self.bookmarked.discard(full_id)
            self.notify("Removed bookmark", markup=False)
        if full_id.rsplit(":", 1)[0] == self.article_id:
            self.query_one(QuoteTree).set_bookmarked(quote.id, added)

    @work(thread=True, exclusive=True, group="bookmark-ids", exit_on_error=False)
    def _reload_bookmarks(self) -> None:
        if self.library is not None:
            self.app.call_from_thread(self._apply_bookmarks, self.library.bookmarked_ids())

    def _apply_bookmarks(self, ids: set[str]) -> None:
        from tui.widgets.quote_tree import QuoteTree

        self.bookmarked = ids
        self.query_one(QuoteTree).refresh_marks(ids)

    # secondary screens -----------------------------------------------------------------------
    def _push_library_screen(self, screen_factory: Callable[[Library], Screen]) -> None:
        library = self._need_library()
        if library is None:
            return
        self.app.push_screen(screen_factory(library), self._came_back)

    def _came_back(self, target: JumpTarget | None) -> None:
        self._reload_bookmarks()  # the bookmarks screen may have deleted some
        self.handle_jump(target)

    def action_bookmarks(self) -> None:
        from tui.screens.bookmarks import BookmarksScreen

        self._push_library_screen(BookmarksScreen)

    def action_search(self) -> None:
        from tui.screens.search import SearchScreen

        self._push_library_screen(SearchScreen)

    def action_speaker(self) -> None:
        from tui.screens.speaker_quotes import SpeakerQuotesScreen

        speaker = self._speakers.get(self.current_speaker_id)
        name = speaker.name if speaker else ""
        if not name and self.current_quote is not None:
            name = self.current_quote.speaker
        if not name:
            self.notify("Move onto a speaker or a quote in the Quotes pane first.",
                        severity="warning")
            return
        self._push_library_screen(lambda library: SpeakerQuotesScreen(library, name))

    # quote and link --------------------------------------------------------------------------
    def action_copy_quote(self) -> None:
        quote = self.current_quote
        if quote is None:
            self.notify("Move onto a quote in the Quotes pane first.", severity="warning")
            return
        speaker = one_line(quote.speaker)
        self.app.copy_to_clipboard(f"“{one_line(quote.text)}”" + (f" — {speaker}" if speaker
                                                                     else ""))
        self.notify(f"Copied: {quote_line(quote)}", markup=False)

    def source_link(self) -> str:
        """The open article's web address ("" when it has none)."""
        if self.stored is None:
            return ""
        ref = self.stored.ref
        for candidate in (ref.link, self.stored.analysis.article.url, ref.source):
            if candidate.startswith(("http://", "https://")):
                return one_line(candidate)
        return ""

    def action_open_link(self) -> None:
        link = self.source_link()
        if not link:
            self.notify("This article has no web link.", severity="warning")
            return
        self._open_in_browser(link)
        self.notify(f"Opening {shorten(link, 70)}", markup=False)

    @work(thread=True, group="browser", exit_on_error=False)
    def _open_in_browser(self, link: str) -> None:
        import webbrowser

        if not webbrowser.open(link):
            raise RuntimeError("No web browser could be started.")

    # refresh and filter ----------------------------------------------------------------------
    def action_refresh(self) -> None:
        from tui.widgets.refresh_bar import RefreshBar

        if self._need_library() is None:
            return
        if any(w.node is self and w.group == "refresh" and w.is_running for w in self.workers):
            self.notify("A refresh is already running.", severity="warning")
            return
        self.query_one(RefreshBar).start()
        self._refresh_feeds()

    def action_filter(self) -> None:
        self.focus_filter()
