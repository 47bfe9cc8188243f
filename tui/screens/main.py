"""The main screen: articles, reader, summary, quotes by speaker, reactions; all follow the cursor.

Store calls run in thread workers (one group each, exclusive, so a new request cancels a stale
one) and come back through `call_from_thread`; every worker error and store warning becomes a
notification in `report_store_work`. Moving through quotes or reactions touches no store: it
works from the open article's Analysis.

Reading state: an article shown in the reader counts as read after a moment (the
`read_after` setting) or at once when opened (Enter, a related entry, a jump from another
screen); read marks are written in the background, several at a time. Going back: opening an
article from a related entry or another screen remembers where the reader was (History), and
Esc or Backspace returns there with its scroll and quote.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Grid
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer
from textual.worker import Worker, WorkerState, get_current_worker

from tui.history import History, Place
from tui.messages import (
    ArticleChosen,
    ArticleHighlighted,
    FilterChanged,
    JumpTarget,
    QuoteHighlighted,
    ReactionHighlighted,
    RefreshProgress,
)
from tui.safe_text import shorten
from tui.screens.base import report_store_work
from tui.screens.main_actions import MainActions
from tui.screens.main_reading import ReadingState
from tui.widgets.article_list import ArticleFilter, ArticleList, ArticlesPane
from tui.widgets.quote_list import QuoteList
from tui.widgets.reactions import ReactionList
from tui.widgets.reader import ReaderPane
from tui.widgets.refresh_bar import RefreshBar
from tui.widgets.summary import SummaryPane

if TYPE_CHECKING:
    from analysis.model import Quote, Speaker
    from store.library import Library
    from store.records import ArticleRef, ReaderSettings, RelatedEntry, StoredArticle

RELATED_DELAY = 0.25  # seconds the article cursor must rest before related entries are sought
LIST_LIMIT = 20_000  # rows in the article list (drawn on demand); the filter reaches the rest
HEAD_ROWS = 100  # rows shown at start-up before the whole index is read
EMPTY_STORE_NOTE = ("No articles yet. Add one with `byline FILE_OR_URL` (or `byline feeds add "
                    "URL`), or press r to fetch the feeds.")
PANES = (("articles", "Articles"), ("reader", "Reader"), ("summary", "Summary"),
         ("quotes", "Quotes by speaker"), ("reactions", "Reactions"))
PANE_WIDGETS = ("article-list", "reader", "summary", "quotes", "reactions")  # Tab's order
PANE_ACTIONS = {"back", "toggle_tags", "page_reader",
                "follow_site", "refresh", "bookmark", "copy_quote", "speaker", "widen_list",
                "narrow_list", "feeds", "search", "bookmarks"}


class RefreshAbandoned(Exception):
    """Raised from the refresh progress callback to stop a refresh nobody waits for."""


class MainScreen(ReadingState, MainActions, Screen):
    """The reader's main screen."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-medium"), (140, "-wide")]
    AUTO_FOCUS = None  # the article list takes focus once mounted
    BINDING_GROUP_TITLE = "Reader screen"
    HELP = """
    Tab / Shift+Tab move between the five panes; f or / reaches the filter box. Moving the
    cursor in one pane updates the others.
    """
    BINDINGS = [
        Binding("tab", "next_pane", "Next pane", show=False, id="main.next-pane"),
        Binding("shift+tab", "previous_pane", "Previous pane", show=False,
                id="main.previous-pane"),
        Binding("escape,backspace", "back", "Back", show=False, id="main.back",
                tooltip="Back to the article you came from"),
        Binding("n", "next_unread", "Next unread", id="main.next-unread",
                tooltip="Move to the next unread article"),
        Binding("m", "toggle_read", "Read/unread", id="main.toggle-read",
                tooltip="Mark the article under the cursor read, or unread again"),
        Binding("A", "mark_all_read", "All read", show=False, id="main.all-read",
                tooltip="Mark every article in the list read"),
        Binding("F", "feeds", "Feeds", id="main.feeds",
                tooltip="Feeds with unread counts: choose, add, rename, remove, refresh"),
        Binding("S", "search", "Search", id="main.search",
                tooltip="Search titles, article text, speakers and quotes"),
        Binding("b", "bookmark", "Bookmark", id="main.bookmark",
                tooltip="Bookmark or un-bookmark the quote under the cursor"),
        Binding("B", "bookmarks", "Bookmarks", show=False, id="main.bookmarks",
                tooltip="List, delete, annotate, export bookmarks; jump to a bookmarked quote"),
        Binding("s", "speaker", "Speaker", show=False, id="main.speaker",
                tooltip="Every stored quote of the current speaker"),
        Binding("r", "refresh", "Refresh", id="main.refresh", tooltip="Fetch every feed"),
        Binding("plus", "follow_site", "Follow site", show=False, id="main.follow",
                tooltip="Follow the feeds the open article's site names"),
        Binding("o", "open_link", "Link", show=False, id="main.open-link",
                tooltip="Open the article's source link in the browser"),
        Binding("y", "copy_quote", "Copy", show=False, id="main.copy",
                tooltip="Copy the current quote"),
        Binding("f,slash", "filter", "Filter", show=False, id="main.filter",
                tooltip="Filter the article list by title (Esc goes back to the list)"),
        Binding("t", "toggle_tags", "Speaker tags", show=False, id="main.tags",
                tooltip="Show or hide the ‹Name› tags after quotes in the text"),
        Binding("less_than_sign", "narrow_list", "Narrower list", show=False,
                id="main.narrow-list", tooltip="Make the article list narrower (remembered)"),
        Binding("greater_than_sign", "widen_list", "Wider list", show=False,
                id="main.widen-list", tooltip="Make the article list wider (remembered)"),
        Binding("space", "page_reader", "Page", show=False, id="main.page",
                tooltip="Page the reader down"),
    ]

    def __init__(self, home: str | None = None, open_target: str | None = None,
                 follow: bool = False) -> None:
        super().__init__()
        self.home = home
        self.open_target = open_target
        self.follow = follow
        self.library: Library | None = None
        self.settings: ReaderSettings | None = None
        self.stored: StoredArticle | None = None
        self.article_id = ""  # the article shown, or being loaded
        self.current_quote: Quote | None = None
        self.current_speaker_id = ""
        self.bookmarked: set[str] = set()
        self.filter_query = ""
        self.feed_filter: str | None = None  # None: every article; a URL: that feed's entries
        self.feed_title = ""
        self.history = History()
        self._quotes: dict[str, Quote] = {}
        self._speakers: dict[str, Speaker] = {}
        self._related_timer: Timer | None = None
        self._restore: Place | None = None  # where to put the reader once it is shown
        self._keep_scroll = False  # the next quote highlighted must not move the reader
        self._head_only = False  # the list shows only the newest articles while the rest load
        self._panes_mounted = asyncio.Event()
        self.related_for = ""  # the article whose related entries are shown

    def compose(self) -> ComposeResult:
        # First frame: the titled pane boxes, the article list and the footer. The other
        # panes' widgets mount right after it (_mount_panes) while the store opens in a
        # thread: the layout is on screen at once, and the newest titles as soon as read.
        with Grid(id="panes"):
            for name, title in PANES:
                with Container(id=f"{name}-box", classes="pane") as box:
                    box.border_title = title
                    if name == "articles":
                        yield ArticlesPane(id="articles-pane")

    def on_mount(self) -> None:
        listing = self.query_one(ArticleList)
        self.watch(listing, "unread_count", self._show_list_title, init=False)
        listing.focus()
        self.query_one(ArticlesPane).loading = True
        self._open_library()
        self.call_after_refresh(self._mount_panes)

    def on_unmount(self) -> None:
        if self.library is not None:  # the reader is closing: no read mark left behind
            self.write_pending_marks(self.library)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that act on the panes wait for them: they mount just after the first frame."""
        if action in PANE_ACTIONS and not self._panes_mounted.is_set():
            return False
        return True

    async def _mount_panes(self) -> None:
        refresh_bar = RefreshBar(id="refresh-bar")
        refresh_bar.display = False
        await self.mount(Footer(compact=True))
        await self.query_one("#reader-box").mount_all([ReaderPane(id="reader"), refresh_bar])
        for name, widget in (("summary", SummaryPane(id="summary")),
                             ("quotes", QuoteList(id="quotes")),
                             ("reactions", ReactionList(id="reactions"))):
            await self.query_one(f"#{name}-box").mount(widget)
        self._panes_mounted.set()

    async def _painted(self) -> None:
        """Wait for the next frame: a reading thread holding the interpreter would delay it."""
        painted = asyncio.Event()
        self.call_after_refresh(painted.set)
        await painted.wait()

    # store workers -------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="library", exit_on_error=False)
    def _open_library(self) -> None:
        from store.library import Library

        # The samples come on a bare first launch only: `byline ARTICLE` opens that article.
        library = Library.open(self.home, seed=not self.open_target)
        head = library.newest_articles(HEAD_ROWS)
        if head:  # titles at once; the article itself once the whole index is read
            self._head_only = True
            self.app.call_from_thread(self._library_ready, library, head)
            self.app.call_from_thread(self._painted)  # before parsing the whole index
        refs = library.articles(limit=LIST_LIMIT)
        library.keep_listing_head()  # for the next start's first frame
        self.app.call_from_thread(self._panes_mounted.wait)
        self.app.call_from_thread(self._all_listed, library, refs)
        self.app.call_from_thread(self._after_first_list, library.bookmarked_ids(),
                                  library.reader_settings(), library.unread_counts().total)
        if self.open_target:
            added = library.add(self.open_target)
            if added:
                refs = library.articles(limit=LIST_LIMIT)
                self._opening = added[0].id
                self.app.call_from_thread(self._show_list, refs, added[0].id)
                advertised = library.advertised_feeds(added[0].id) if self.follow else []
                if advertised:
                    self.app.call_from_thread(self.follow_feeds, added[0].id, advertised)
                elif self.follow:
                    self.app.call_from_thread(
                        self.notify, "The article's page names no feed to follow.",
                        markup=False)

    def _library_ready(self, library: Library, refs: list[ArticleRef]) -> None:
        """The store is open: list refs (the newest only, at first)."""
        self.library = library
        self.app.library = library
        self._stop_loading()
        self._show_list(refs, "")

    def _stop_loading(self) -> None:
        """The list is there: its loading indicator goes, and the list takes the focus it
        had to give up while covered (once: later the focus is the user's)."""
        pane = self.query_one(ArticlesPane)
        if pane.loading:
            pane.loading = False
            self.query_one(ArticleList).focus()

    def _all_listed(self, library: Library, refs: list[ArticleRef]) -> None:
        """Every article listed: the one under the cursor (or opened meanwhile) shows now."""
        self._head_only = False
        self.library = library
        self.app.library = library
        self._stop_loading()
        self._show_list(refs, self.article_id)
        if not refs:
            self.query_one(ReaderPane).show_note(EMPTY_STORE_NOTE)

    def _after_first_list(self, bookmarked: set[str], settings: ReaderSettings,
                          unread: int) -> None:
        self.bookmarked = bookmarked
        self.query_one(QuoteList).refresh_marks(bookmarked)
        self.settings = settings
        self.query_one(ReaderPane).speaker_tags = settings.speaker_tags
        self.apply_list_width(settings.list_width)
        self.show_total_unread(unread)
        if settings.refresh_on_start:
            self.action_refresh()
        self.apply_refresh_timer(settings)

    def _show_list(self, refs: list[ArticleRef], keep_id: str) -> None:
        listing = self.query_one(ArticleList)
        listing.empty_text = ("No title matches\nthe filter." if self.filter_query
                              else "Nothing to read in\nthis feed." if self.feed_filter
                              is not None else "No articles yet:\nr fetches the feeds.")
        listing.show_sites = self.feed_filter is None
        listing.show_articles(refs, keep_id)
        self._show_list_title()

    def _show_list_title(self) -> None:
        unread = 0 if self._head_only else self.query_one(ArticleList).unread_count
        name = shorten(self.feed_title, 30) if self.feed_filter is not None else "Articles"
        box = self.query_one("#articles-box")
        box.border_title = f"{name} · {unread} unread" if unread else name

    def reload_list(self, keep_id: str = "") -> None:
        self._load_list(self.filter_query, keep_id or self.article_id)

    @work(thread=True, exclusive=True, group="articles", exit_on_error=False)
    def _load_list(self, query: str, keep_id: str = "") -> None:
        if self.library is None:
            return
        self.write_pending_marks(self.library)
        refs = self.library.articles(query, limit=LIST_LIMIT, feed=self.feed_filter)
        total = self.library.unread_counts().total
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_list, refs, keep_id or self.article_id)
            self.app.call_from_thread(self.show_total_unread, total)

    def show_total_unread(self, total: int) -> None:
        self.app.show_unread(total)  # type: ignore[attr-defined]

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def _load_article(self, article_id: str, quote_id: str = "") -> None:
        library = self.library
        if library is None:
            return
        stored = library.article(article_id)
        if stored is None:
            raise LookupError("That article is no longer in the store.")
        advertised = library.advertised_feeds(article_id)
        self.app.call_from_thread(self._panes_mounted.wait)  # at start-up they may not be
        if get_current_worker().is_cancelled:
            return
        self.app.call_from_thread(self._show_article, stored, quote_id, advertised)

    def _related_later(self) -> None:
        """Related entries cost a scan of the store: fetch them once the cursor rests."""
        if self._related_timer is not None:
            self._related_timer.stop()
        self._related_timer = self.set_timer(RELATED_DELAY, self._start_related)

    def _start_related(self) -> None:
        self._related_timer = None
        if self.stored is not None and self.stored.ref.id == self.article_id:
            self._load_related(self.article_id)

    @work(thread=True, exclusive=True, group="related", exit_on_error=False)
    def _load_related(self, article_id: str) -> None:
        if self.library is None:
            return
        from store import RELATED_MIN_SCORE

        related = self.library.related(article_id, min_score=RELATED_MIN_SCORE)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_related, article_id, related)

    def _show_related(self, article_id: str, related: list[RelatedEntry]) -> None:
        if article_id == self.article_id:
            self.query_one(ReactionList).show_related(related)
            self.related_for = article_id

    def _show_article(self, stored: StoredArticle, quote_id: str,
                      advertised: list[str]) -> None:
        analysis = stored.analysis
        self.stored = stored
        self.article_id = stored.ref.id
        self.current_quote = None
        self.current_speaker_id = ""
        self._quotes = {quote.id: quote for quote in analysis.quotes}
        self._speakers = {speaker.id: speaker for speaker in analysis.speakers}
        reader = self.query_one(ReaderPane)
        reader.show_article(stored.ref, analysis, advertised)
        summary = analysis.summary or ([stored.summary] if stored.summary else [])
        self.query_one(SummaryPane).show_summary(summary)
        self.query_one(QuoteList).show_quotes(stored.ref.id, analysis, self.bookmarked)
        self.query_one(ReactionList).show_reactions(analysis.reactions, [])
        self._related_later()
        self._read_when_shown(stored.ref.id)
        restore, self._restore = self._restore, None
        if restore is not None and restore.article_id == stored.ref.id:
            self._put_back(restore)
        elif quote_id:
            quotes = self.query_one(QuoteList)
            if quotes.select_quote(quote_id.rsplit(":", 1)[-1]):
                quotes.focus()
        self._show_back_hint()

    def open_article(self, article_id: str, quote_id: str = "", *,
                     remember: bool = True) -> None:
        """Open article_id (on its quote quote_id, "ARTICLEID:qN" or "qN") in every pane, as
        read; remember=True keeps the article left behind for Esc to return to."""
        if article_id == self.article_id and self.stored and self.stored.ref.id == article_id:
            if quote_id:
                quotes = self.query_one(QuoteList)
                if quotes.select_quote(quote_id.rsplit(":", 1)[-1]):
                    quotes.focus()
            self.set_read([article_id])
            return
        if remember and self.stored is not None:
            self.history.push(self.here())
        self.article_id = article_id
        self._opening = article_id
        self.query_one(ArticleList).move_to(article_id)
        self._load_article(article_id, quote_id)

    @on(Worker.StateChanged)
    def _report_store_work(self, event: Worker.StateChanged) -> None:
        """report_store_work, and a failed load or refresh also stops its loading indicator or
        progress bar."""
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            if event.worker.group == "library":
                self.query_one(ArticlesPane).loading = False
            if event.worker.group == "refresh":
                self.query_one(RefreshBar).stop()
        report_store_work(self, self.library, event)

    # going back ----------------------------------------------------------------------------
    @property
    def listed(self) -> bool:
        """True once the store is open and every article is in the list."""
        return self.library is not None and not self._head_only

    def here(self) -> Place:
        """The open article as the reader sees it now."""
        reader = self.query_one(ReaderPane)
        focused = self.focused
        pane = next((name for name in PANE_WIDGETS
                     if focused is not None and focused.id == name), "")
        return Place(self.article_id, self.stored.ref.title if self.stored else "",
                     reader.scroll_y, self.current_quote.id if self.current_quote else "", pane)

    def action_back(self) -> None:
        place = self.history.pop()
        if place is None:
            return
        self._restore = place
        self.open_article(place.article_id, remember=False)
        if self.stored is not None and self.stored.ref.id == place.article_id:
            self._restore = None
            self._put_back(place)
        self._show_back_hint()

    def _put_back(self, place: Place) -> None:
        """Return the panes to how place left them: quote, scroll, focus."""
        if place.quote_id:
            self._keep_scroll = True  # the quote comes back where it was, not centred
            self.query_one(QuoteList).select_quote(place.quote_id)
        self.query_one(ReaderPane).scroll_when_laid_out(place.scroll_y)
        if place.pane:
            for widget in self.query(f"#{place.pane}"):
                widget.focus()

    def _show_back_hint(self) -> None:
        place = self.history.peek()
        box = self.query_one("#reader-box")
        box.border_subtitle = (f"Esc: back to {shorten(place.title, 40)}" if place is not None
                               else "")

    # cursor follow -------------------------------------------------------------------------
    @on(ArticleHighlighted)
    def _follow_article(self, message: ArticleHighlighted) -> None:
        if self._head_only:
            return  # the index is being read: the article loads once it is
        if message.article_id != self.article_id:
            self.article_id = message.article_id
            self._load_article(message.article_id)

    @on(ArticleChosen)
    def _choose_article(self, message: ArticleChosen) -> None:
        if message.related:  # a related entry: Esc comes back to the article it came from
            self.open_article(message.article_id)
        elif self.stored is not None and self.stored.ref.id == message.article_id:
            self.set_read([message.article_id])  # Enter in the list: opened, so read
        else:
            self._opening = message.article_id  # still loading: read once shown
        self.query_one(ReaderPane).focus()

    @on(ArticleList.DeleteRequested)
    def _delete_requested(self, message: ArticleList.DeleteRequested) -> None:
        self.ask_delete(message.ref)

    @on(FilterChanged)
    def _filter(self, message: FilterChanged) -> None:
        self.filter_query = message.query
        self._load_list(message.query)

    @on(QuoteHighlighted)
    def _follow_quote(self, message: QuoteHighlighted) -> None:
        quote = self._quotes.get(message.quote_id)
        self.current_quote = quote
        self.current_speaker_id = message.speaker_id
        speaker = self._speakers.get(message.speaker_id)
        names = [speaker.name, *speaker.aliases] if speaker else []
        keep, self._keep_scroll = self._keep_scroll, False
        self.query_one(ReaderPane).highlight_quote(quote, scroll=quote is not None and not keep)
        self.query_one(ReactionList).bring_forward(message.quote_id, names)

    @on(QuoteList.OptionSelected, "#quotes")
    def _read_quote(self, event: QuoteList.OptionSelected) -> None:
        """Enter on a quote: into the reader, where it is already highlighted."""
        event.stop()
        current = self.query_one(QuoteList).current
        if current is not None and current.quote is not None:
            self.query_one(ReaderPane).focus()

    @on(ReactionHighlighted)
    def _follow_reaction(self, message: ReactionHighlighted) -> None:
        reactions = self.query_one(ReactionList)
        if not reactions.has_focus:
            return  # the list was re-ordered under a quote move, not moved by the user
        reaction = reactions.reaction(message.index)
        if reaction is not None:
            self.query_one(ReaderPane).highlight_evidence(reaction.paragraph, reaction.text)

    def handle_jump(self, target: JumpTarget | None) -> None:
        """A secondary screen's answer: open that article, on that quote."""
        if target is not None and target.article_id:
            self.open_article(target.article_id, target.quote_id)

    # panes ---------------------------------------------------------------------------------
    def _cycle_pane(self, step: int) -> None:
        """Tab and Shift+Tab go round the five panes only (never into the filter box)."""
        if not self._panes_mounted.is_set():
            return  # a Tab before the panes are there goes nowhere (not to the filter box)
        focused = self.focused
        current = 0
        for index, name in enumerate(PANE_WIDGETS):
            widget = self.query_one(f"#{name}")
            if focused is not None and (focused is widget or widget in focused.ancestors):
                current = index
        if isinstance(focused, ArticleFilter):
            current = 0
        # set_focus, not focus(): a key right after this one must see the new focus (focus()
        # applies it later, and three quick Tabs would all start from the same pane).
        self.set_focus(self.query_one(f"#{PANE_WIDGETS[(current + step) % len(PANE_WIDGETS)]}"))

    def action_next_pane(self) -> None:
        self._cycle_pane(1)

    def action_previous_pane(self) -> None:
        self._cycle_pane(-1)

    def action_page_reader(self) -> None:
        self.query_one(ReaderPane).action_page_down()

    # refresh -------------------------------------------------------------------------------
    @on(RefreshProgress)
    def _show_progress(self, message: RefreshProgress) -> None:
        self.query_one(RefreshBar).advance(message.done, message.total, message.label)

    @work(thread=True, exclusive=True, group="refresh", exit_on_error=False)
    def _refresh_feeds(self, quiet: bool = False) -> None:
        library = self.library
        if library is None:
            return

        worker = get_current_worker()

        def progress(done: int, total: int, label: str) -> None:
            if worker.is_cancelled:  # the app is closing: stop between feeds
                raise RefreshAbandoned
            self.post_message(RefreshProgress(done, total, label))

        try:
            report = library.refresh(progress=progress)
        except RefreshAbandoned:
            return
        self.write_pending_marks(library)
        library.keep_listing_head()
        refs = library.articles(self.filter_query, limit=LIST_LIMIT, feed=self.feed_filter)
        total = library.unread_counts().total
        self.app.call_from_thread(self._refresh_done, report, refs, total, quiet)

    def _refresh_done(self, report, refs: list[ArticleRef], total: int, quiet: bool) -> None:
        self.query_one(RefreshBar).stop()
        self._show_list(refs, self.article_id)
        self.show_total_unread(total)
        feeds = len(report.results)
        new = report.new_entries
        if new and self.stored is not None:
            self._load_related(self.article_id)  # the open article's related entries may grow
        if not quiet or new:
            self.notify(f"Refreshed {feeds} feed{'s' * (feeds != 1)}: {new} new "
                        f"entr{'ies' if new != 1 else 'y'}.", markup=False)
        for failed in report.errors:
            self.notify(shorten(f"{failed.url}: {failed.error}", 200),
                        title="Feed failed", severity="warning", markup=False)

    def focus_filter(self) -> None:
        for box in self.query(ArticleFilter):  # absent for the first frame
            box.focus()
