"""The main screen's key actions: bookmark, copy, open link, refresh, follow a site's feeds,
delete an article, the list's width, speaker tags, and the secondary screens.

Secondary screens belong to another module set (help, bookmarks, search, speaker quotes,
feeds); they are imported when first pushed, which also keeps the reader's start-up imports
small.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work

from tui.safe_text import one_line, shorten
from tui.widgets.article_list import ArticleList

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.screen import Screen
    from textual.timer import Timer

    from analysis.model import Quote, Speaker
    from store.library import Library
    from store.records import ArticleRef, ReaderSettings, StoredArticle
    from tui.history import History
    from tui.messages import FeedChoice, JumpTarget

NOTIFY_QUOTE_WIDTH = 80
LIST_WIDTH_STEP = 4
LIST_MIN_WIDTH = 20
READER_MIN_WIDTH = 40  # columns the rest of the screen keeps, whatever the list's width
SAVE_DELAY = 1.0  # seconds after the last width change before it is written


def quote_line(quote: Quote) -> str:
    """“text” — Speaker, one line, short enough for a notification."""
    speaker = one_line(quote.speaker) or "unattributed"
    return f"“{shorten(quote.text, NOTIFY_QUOTE_WIDTH)}” — {speaker}"


class MainActions:
    """Mixed into MainScreen; relies on its state (library, stored, current_quote, ...)."""

    library: Library | None
    settings: ReaderSettings | None
    stored: StoredArticle | None
    current_quote: Quote | None
    current_speaker_id: str
    bookmarked: set[str]
    article_id: str
    feed_filter: str | None
    feed_title: str
    history: History
    _speakers: dict[str, Speaker]
    _width_timer: Timer | None = None
    _refresh_timer: Timer | None = None
    list_width = 0  # columns of the article list set by hand (0: the layout's own)

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
        from tui.widgets.quote_list import QuoteList

        if added:
            self.bookmarked.add(full_id)
            self.notify(f"Bookmarked: {quote_line(quote)}", markup=False)
        else:
            self.bookmarked.discard(full_id)
            self.notify("Removed bookmark", markup=False)
        if full_id.rsplit(":", 1)[0] == self.article_id:
            self.query_one(QuoteList).set_bookmarked(quote.id, added)

    @work(thread=True, exclusive=True, group="bookmark-ids", exit_on_error=False)
    def _reload_bookmarks(self) -> None:
        if self.library is not None:
            self.app.call_from_thread(self._apply_bookmarks, self.library.bookmarked_ids())

    def _apply_bookmarks(self, ids: set[str]) -> None:
        from tui.widgets.quote_list import QuoteList

        self.bookmarked = ids
        self.query_one(QuoteList).refresh_marks(ids)

    # secondary screens -----------------------------------------------------------------------
    def _push_library_screen(self, screen_factory: Callable[[Library], Screen],
                             came_back: Callable | None = None) -> None:
        library = self._need_library()
        if library is None:
            return
        self.app.push_screen(screen_factory(library), came_back or self._came_back)

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

    def action_feeds(self) -> None:
        from tui.screens.feeds import FeedsScreen

        self._push_library_screen(lambda library: FeedsScreen(library, self.feed_filter),
                                  self._chose_feed)

    def _chose_feed(self, choice: FeedChoice | None) -> None:
        """Back from the feeds view: list the feed chosen; feeds may have been added,
        renamed, hidden or removed meanwhile, so the list is read again in any case."""
        if choice is not None:
            self.feed_filter = choice.url
            self.feed_title = choice.title
        self.reload_list()
        self._reload_settings()

    @work(thread=True, exclusive=True, group="settings-load", exit_on_error=False)
    def _reload_settings(self) -> None:
        if self.library is not None:
            self.app.call_from_thread(self.apply_refresh_timer,
                                      self.library.reader_settings())

    def apply_refresh_timer(self, settings: ReaderSettings) -> None:
        """(Re)start the refresh timer the settings ask for (none when 0 minutes)."""
        self.settings = settings
        if self._refresh_timer is not None:
            self._refresh_timer.stop()
            self._refresh_timer = None
        if settings.refresh_minutes > 0:
            self._refresh_timer = self.set_interval(settings.refresh_minutes * 60,
                                                    self.timed_refresh)

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

    # refresh, following, filter ---------------------------------------------------------------
    def _refreshing(self) -> bool:
        return any(w.node is self and w.group in ("refresh", "follow") and w.is_running
                   for w in self.workers)

    def action_refresh(self) -> None:
        from tui.widgets.refresh_bar import RefreshBar

        if self._need_library() is None:
            return
        if self._refreshing():
            self.notify("A refresh is already running.", severity="warning")
            return
        self.query_one(RefreshBar).start()
        self._refresh_feeds()

    def timed_refresh(self) -> None:
        """The refresh timer (a setting): skipped while one runs; says only what is new."""
        from tui.widgets.refresh_bar import RefreshBar

        if self.library is None or self._refreshing():
            return
        self.query_one(RefreshBar).start()
        self._refresh_feeds(quiet=True)

    def action_follow_site(self) -> None:
        from tui.widgets.reader import ReaderPane

        feeds = self.query_one(ReaderPane).advertised
        if self.stored is None or not feeds:
            self.notify("This article's site names no feed you do not follow yet.",
                        markup=False)
            return
        if self._refreshing():
            self.notify("A refresh is already running.", severity="warning")
            return
        self.follow_feeds(self.stored.ref.id, feeds)

    def follow_feeds(self, article_id: str, urls: list[str]) -> None:
        from tui.widgets.refresh_bar import RefreshBar

        self.query_one(RefreshBar).start(f"Following {len(urls)} feed"
                                         f"{'s' * (len(urls) != 1)}…")
        self._follow(article_id, urls)

    @work(thread=True, exclusive=True, group="follow", exit_on_error=False)
    def _follow(self, article_id: str, urls: list[str]) -> None:
        from store.errors import BylineError, StoreError

        library = self.library
        assert library is not None
        followed, failed = [], []
        for url in urls:
            try:
                record, result = library.follow_feed(url)
            except StoreError:
                raise
            except BylineError as exc:
                failed.append(str(exc))
                continue
            followed.append((record.title or record.url, result.new_entries))
        advertised = library.advertised_feeds(article_id)
        self.app.call_from_thread(self._followed, article_id, followed, failed, advertised)

    def _followed(self, article_id: str, followed: list[tuple[str, int]], failed: list[str],
                  advertised: list[str]) -> None:
        from tui.widgets.reader import ReaderPane
        from tui.widgets.refresh_bar import RefreshBar

        self.query_one(RefreshBar).stop()
        for title, new in followed:
            self.notify(f"Following {shorten(title, 60)}: {new} new "
                        f"entr{'ies' if new != 1 else 'y'}.", markup=False)
        for message in failed:
            self.notify(shorten(message, 200), title="Not followed", severity="warning",
                        markup=False)
        if article_id == self.article_id:
            self.query_one(ReaderPane).show_advertised(advertised)
            self._load_related(article_id)
        self.reload_list()

    def action_filter(self) -> None:
        self.focus_filter()

    # the article itself ----------------------------------------------------------------------
    def ask_delete(self, ref: ArticleRef) -> None:
        """Delete an article from the store, once the user says yes."""
        from tui.screens.prompts import ConfirmScreen

        if self._need_library() is None:
            return
        question = f"Delete “{shorten(ref.title, 60)}” from the store?"
        if ref.feed_url:
            question += " (A refresh does not bring it back.)"
        self.app.push_screen(ConfirmScreen(question),
                             lambda yes: self._delete_article(ref) if yes else None)

    @work(thread=True, group="delete", exit_on_error=False)
    def _delete_article(self, ref: ArticleRef) -> None:
        assert self.library is not None
        removed = self.library.remove_article(ref.id)
        self.app.call_from_thread(self._deleted, ref, removed)

    def _deleted(self, ref: ArticleRef, removed: bool) -> None:
        self.history.forget(ref.id)
        if removed:
            self.notify(f"Deleted “{shorten(ref.title, 60)}”.", markup=False)
        listing = self.query_one(ArticleList)
        ids = listing.article_ids
        keep = ""
        if ref.id in ids:  # the cursor goes on to the next article, as in a mail reader
            index = ids.index(ref.id)
            rest = ids[index + 1:] or ids[:index][-1:]
            keep = rest[0] if rest else ""
        self.reload_list(keep)

    def action_toggle_tags(self) -> None:
        from tui.widgets.reader import ReaderPane

        reader = self.query_one(ReaderPane)
        reader.speaker_tags = not reader.speaker_tags
        self.notify("Speaker tags shown." if reader.speaker_tags else "Speaker tags hidden.",
                    markup=False)
        self._save_settings(speaker_tags=reader.speaker_tags)

    @work(thread=True, group="settings", exit_on_error=False)
    def _save_settings(self, **changes) -> None:
        if self.library is not None:
            self.settings = self.library.save_reader_settings(**changes)

    # the list's width ------------------------------------------------------------------------
    def action_widen_list(self) -> None:
        self._resize_list(LIST_WIDTH_STEP)

    def action_narrow_list(self) -> None:
        self._resize_list(-LIST_WIDTH_STEP)

    def _resize_list(self, step: int) -> None:
        width = self.query_one("#articles-box").outer_size.width + step
        width = self.apply_list_width(width)
        if self._width_timer is not None:
            self._width_timer.stop()
        self._width_timer = self.set_timer(SAVE_DELAY,
                                           lambda: self._save_settings(list_width=width))

    def apply_list_width(self, width: int) -> int:
        """Give the article list width columns (0: the layout's own); the width it got."""
        grid = self.query_one("#panes")
        self.list_width = max(width, 0)
        if width <= 0:
            grid.styles.grid_columns = None
            return 0
        width = max(LIST_MIN_WIDTH, min(width, self.size.width - READER_MIN_WIDTH))
        rest = "7fr 4fr 4fr" if self.has_class("-wide") else "1fr 1fr"
        grid.styles.grid_columns = f"{width} {rest}"
        return width

    def on_resize(self) -> None:
        """A width set by hand outlives a resize (the layout's columns may change)."""
        if self.list_width:
            self.call_after_refresh(self.apply_list_width, self.list_width)
