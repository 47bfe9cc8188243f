"""The main screen: articles, reader, summary, quotes by speaker, reactions; all follow the cursor.

Store calls run in thread workers (one group each, exclusive, so a new request cancels a stale
one) and come back through `call_from_thread`; every worker error and store warning becomes a
notification in `report_store_work`. Moving through quotes or reactions touches no store: it
works from the open article's Analysis.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Grid
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer
from textual.worker import Worker, WorkerState, get_current_worker

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
from tui.widgets.article_list import ArticleFilter, ArticleList, ArticlesPane
from tui.widgets.quote_tree import QuoteTree
from tui.widgets.reactions import ReactionList
from tui.widgets.reader import ReaderPane
from tui.widgets.refresh_bar import RefreshBar
from tui.widgets.summary import SummaryPane

if TYPE_CHECKING:
    from analysis.model import Quote, Speaker
    from store.library import Library
    from store.records import ArticleRef, RelatedEntry, StoredArticle

RELATED_DELAY = 0.25  # seconds the article cursor must rest before related entries are sought
LIST_LIMIT = 20_000  # rows in the article list (drawn on demand); the filter reaches the rest
EMPTY_STORE_NOTE = ("No articles yet. Add one with `byline FILE_OR_URL` (or `byline feeds add "
                    "URL`), or press r to fetch the feeds.")
PANES = (("articles", "Articles"), ("reader", "Reader"), ("summary", "Summary"),
         ("quotes", "Quotes by speaker"), ("reactions", "Reactions"))


class RefreshAbandoned(Exception):
    """Raised from the refresh progress callback to stop a refresh nobody waits for."""


class MainScreen(MainActions, Screen):
    """The reader's main screen."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-medium"), (140, "-wide")]
    AUTO_FOCUS = None  # the article list takes focus once mounted
    BINDING_GROUP_TITLE = "Reader screen"
    HELP = """
    Tab / Shift+Tab move between the panes. Moving the cursor in one pane updates the others.
    """
    BINDINGS = [
        Binding("tab", "app.focus_next", "Next pane", show=False, id="main.next-pane"),
        Binding("shift+tab", "app.focus_previous", "Previous pane", show=False,
                id="main.previous-pane"),
        Binding("b", "bookmark", "Bookmark", id="main.bookmark",
                tooltip="Bookmark or un-bookmark the quote under the cursor"),
        Binding("B", "bookmarks", "Bookmarks", id="main.bookmarks",
                tooltip="List, delete, export bookmarks; jump to a bookmarked quote"),
        Binding("slash", "search", "Search", id="main.search",
                tooltip="Search articles, speakers and quotes"),
        Binding("s", "speaker", "Speaker", id="main.speaker",
                tooltip="Every stored quote of the current speaker"),
        Binding("r", "refresh", "Refresh", id="main.refresh", tooltip="Fetch every feed"),
        Binding("o", "open_link", "Link", id="main.open-link",
                tooltip="Open the article's source link in the browser"),
        Binding("y", "copy_quote", "Copy", id="main.copy", tooltip="Copy the current quote"),
        Binding("f", "filter", "Filter", show=False, id="main.filter",
                tooltip="Filter the article list by title"),
    ]

    def __init__(self, home: str | None = None, open_target: str | None = None) -> None:
        super().__init__()
        self.home = home
        self.open_target = open_target
        self.library: Library | None = None
        self.stored: StoredArticle | None = None
        self.article_id = ""  # the article shown, or being loaded
        self.current_quote: Quote | None = None
        self.current_speaker_id = ""
        self.bookmarked: set[str] = set()
        self.filter_query = ""
        self._quotes: dict[str, Quote] = {}
        self._speakers: dict[str, Speaker] = {}
        self._related_timer: Timer | None = None
        self.related_for = ""  # the article whose related entries are shown

    def compose(self) -> ComposeResult:
        # First frame: the titled pane boxes and the footer. The panes' widgets mount right
        # after it (_mount_panes), then the store opens: the layout is on screen at once.
        with Grid(id="panes"):
            for name, title in PANES:
                box = Container(id=f"{name}-box", classes="pane")
                box.border_title = title
                yield box
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.call_after_refresh(self._mount_panes)

    async def _mount_panes(self) -> None:
        widgets = {"articles": ArticlesPane(id="articles-pane"), "reader": ReaderPane(id="reader"),
                   "summary": SummaryPane(id="summary"), "quotes": QuoteTree(id="quotes"),
                   "reactions": ReactionList(id="reactions")}
        for name, widget in widgets.items():
            await self.query_one(f"#{name}-box").mount(widget)
        refresh_bar = RefreshBar(id="refresh-bar")
        refresh_bar.display = False
        await self.mount(refresh_bar, before=self.query_one(Footer))
        self.query_one(ArticleList).focus()
        self.query_one(ArticlesPane).loading = True
        # Let the panes paint before the store's reading thread competes for the interpreter.
        self.call_after_refresh(self._open_library)

    # store workers -------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="library", exit_on_error=False)
    def _open_library(self) -> None:
        from store.library import Library

        library = Library.open(self.home, seed=True)
        refs = library.articles(limit=LIST_LIMIT)
        bookmarked = library.bookmarked_ids()
        self.app.call_from_thread(self._library_ready, library, refs, bookmarked)
        if self.open_target:
            added = library.add(self.open_target)
            if added:
                refs = library.articles(limit=LIST_LIMIT)
                self.app.call_from_thread(self._show_list, refs, added[0].id)

    def _library_ready(self, library: Library, refs: list[ArticleRef],
                       bookmarked: set[str]) -> None:
        self.library = library
        self.app.library = library
        self.bookmarked = bookmarked
        self.query_one(ArticlesPane).loading = False
        self._show_list(refs, "")
        if not refs:
            self.query_one(ReaderPane).show_note(EMPTY_STORE_NOTE)

    def _show_list(self, refs: list[ArticleRef], keep_id: str) -> None:
        listing = self.query_one(ArticleList)
        listing.empty_text = ("No title matches\nthe filter." if self.filter_query
                              else "No articles yet:\nr fetches the feeds.")
        listing.show_articles(refs, keep_id)

    @work(thread=True, exclusive=True, group="articles", exit_on_error=False)
    def _load_list(self, query: str) -> None:
        if self.library is None:
            return
        refs = self.library.articles(query, limit=LIST_LIMIT)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_list, refs, self.article_id)

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def _load_article(self, article_id: str, quote_id: str = "") -> None:
        library = self.library
        if library is None:
            return
        stored = library.article(article_id)
        if stored is None:
            raise LookupError("That article is no longer in the store.")
        if get_current_worker().is_cancelled:
            return
        self.app.call_from_thread(self._show_article, stored, quote_id)
        if not stored.ref.read:
            library.mark_read(article_id)

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

    def _show_article(self, stored: StoredArticle, quote_id: str) -> None:
        analysis = stored.analysis
        self.stored = stored
        self.article_id = stored.ref.id
        self.current_quote = None
        self.current_speaker_id = ""
        self._quotes = {quote.id: quote for quote in analysis.quotes}
        self._speakers = {speaker.id: speaker for speaker in analysis.speakers}
        self.query_one(ReaderPane).show_article(stored.ref, analysis)
        summary = analysis.summary or ([stored.summary] if stored.summary else [])
        self.query_one(SummaryPane).show_summary(summary)
        self.query_one(QuoteTree).show_quotes(stored.ref.id, analysis, self.bookmarked)
        self.query_one(ReactionList).show_reactions(analysis.reactions, [])
        self.query_one(ArticleList).mark_read(stored.ref.id)
        self._related_later()
        if quote_id:
            tree = self.query_one(QuoteTree)
            if tree.select_quote(quote_id.rsplit(":", 1)[-1]):
                tree.focus()

    def open_article(self, article_id: str, quote_id: str = "") -> None:
        """Show article_id (and its quote quote_id, "ARTICLEID:qN" or "qN") in every pane."""
        if article_id == self.article_id and self.stored and self.stored.ref.id == article_id:
            if quote_id:
                tree = self.query_one(QuoteTree)
                if tree.select_quote(quote_id.rsplit(":", 1)[-1]):
                    tree.focus()
            return
        self.article_id = article_id
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

    # cursor follow -------------------------------------------------------------------------
    @on(ArticleHighlighted)
    def _follow_article(self, message: ArticleHighlighted) -> None:
        if message.article_id != self.article_id:
            self.article_id = message.article_id
            self._load_article(message.article_id)

    @on(ArticleChosen)
    def _choose_article(self, message: ArticleChosen) -> None:
        if message.article_id != self.article_id:
            self.open_article(message.article_id)
        self.query_one(ReaderPane).focus()

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
        self.query_one(ReaderPane).highlight_quote(quote, scroll=quote is not None)
        self.query_one(ReactionList).bring_forward(message.quote_id, names)

    @on(QuoteTree.NodeSelected, "#quotes")
    def _read_quote(self, event: QuoteTree.NodeSelected) -> None:
        """Enter on a quote: into the reader, where it is already highlighted."""
        if event.node.data is not None and event.node.data.quote is not None:
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

    # refresh -------------------------------------------------------------------------------
    @on(RefreshProgress)
    def _show_progress(self, message: RefreshProgress) -> None:
        self.query_one(RefreshBar).advance(message.done, message.total, message.label)

    @work(thread=True, exclusive=True, group="refresh", exit_on_error=False)
    def _refresh_feeds(self) -> None:
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
        refs = library.articles(self.filter_query, limit=LIST_LIMIT)
        self.app.call_from_thread(self._refresh_done, report, refs)

    def _refresh_done(self, report, refs: list[ArticleRef]) -> None:
        self.query_one(RefreshBar).stop()
        self._show_list(refs, self.article_id)
        feeds = len(report.results)
        new = report.new_entries
        self.notify(f"Refreshed {feeds} feed{'s' * (feeds != 1)}: {new} new "
                    f"entr{'ies' if new != 1 else 'y'}.", markup=False)
        for failed in report.errors:
            self.notify(Text(shorten(f"{failed.url}: {failed.error}", 200)).plain,
                        title="Feed failed", severity="warning", markup=False)

    def focus_filter(self) -> None:
        for box in self.query(ArticleFilter):  # absent for the first frame
            box.focus()
