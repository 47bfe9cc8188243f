"""The `F` screen: every feed with its unread count and last error; choose one to list only
its entries; add, rename, hide, remove, refresh or mark read without leaving the reader; and
the refresh settings (at start-up, on a timer; both off at first)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from tui.messages import FeedChoice
from tui.safe_text import one_line, plain, shorten
from tui.screens.base import LibraryScreen, ResultList, counted

if TYPE_CHECKING:
    from store.library import Library
    from store.records import FeedRecord, ReaderSettings, UnreadCounts

TIMER_STEPS = (0, 15, 30, 60, 120)  # minutes between refreshes the t key goes through
ALL = "all:"
BY_HAND = "hand:"
FEED = "feed:"


def feed_prompt(feed: FeedRecord) -> Text:
    """Title and unread count; the address; the last error, if the last fetch failed."""
    prompt = plain(feed.title or feed.url, "bold")
    prompt.append(f"  {feed.unread} unread" if feed.unread else "  all read",
                  style="bold" if feed.unread else "dim")
    prompt.append(f" · {counted(feed.entry_count, 'entry', 'entries')}",
                  style="dim")
    if feed.hidden:
        prompt.append(" · hidden from the list", style="italic")
    prompt.append("\n")
    prompt.append_text(plain(feed.url, "dim"))
    if feed.last_error:
        prompt.append("\n")
        prompt.append_text(plain(f"last fetch failed: {feed.last_error}", "red"))
    elif not feed.last_fetch:
        prompt.append("\n")
        prompt.append("not fetched yet: r fetches it", style="dim italic")
    return prompt


class FeedList(ResultList):
    """The feeds."""

    BINDING_GROUP_TITLE = "Feed list"
    HELP = """
    Every feed you follow with its unread entries and the error of its last fetch, if any.
    Enter lists only that feed's entries in the reader (All articles lists everything again).
    """
    BINDINGS = [
        Binding("enter", "select", "Show", id="feeds.show", tooltip="List this feed's entries"),
    ]


class FeedsScreen(LibraryScreen[FeedChoice | None]):
    """The feeds, and what can be done to each."""

    BINDING_GROUP_TITLE = "Feeds"
    BINDINGS = [
        Binding("a", "add", "Add", id="feeds.add", tooltip="Follow a feed (a URL or a file)"),
        Binding("r", "refresh", "Refresh", id="feeds.refresh",
                tooltip="Fetch the highlighted feed now"),
        Binding("e", "rename", "Rename", id="feeds.rename",
                tooltip="Give the highlighted feed a title of your own"),
        Binding("h", "hide", "Hide/show", id="feeds.hide",
                tooltip="Leave the feed's entries out of the list of all articles, or not"),
        Binding("A", "mark_read", "All read", id="feeds.all-read",
                tooltip="Mark every entry of the highlighted feed read"),
        Binding("d,delete", "remove", "Remove", id="feeds.remove",
                tooltip="Stop following the highlighted feed (its entries go too)"),
        Binding("s", "toggle_start", "Refresh at start", id="feeds.refresh-on-start",
                tooltip="Fetch every feed when the reader opens, or not (off at first)"),
        Binding("t", "cycle_timer", "Refresh timer", id="feeds.refresh-timer",
                tooltip="Fetch every feed every 15, 30, 60 or 120 minutes, or never"),
    ]

    def __init__(self, library: Library, current: str | None = None) -> None:
        super().__init__(library)
        self.current = current  # the feed the reader lists now (None: all articles)
        self.feeds: dict[str, FeedRecord] = {}
        self.settings: ReaderSettings | None = None
        self.unread = 0
        self.current_removed = False

    def compose(self) -> ComposeResult:
        with Vertical(id="feeds-panel", classes="library-panel") as panel:
            panel.border_title = "Feeds"
            yield Static("Loading…", id="feeds-empty", classes="library-empty")
            yield FeedList(id="feeds-list")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(FeedList).focus()
        self.load_feeds()

    @work(thread=True, exclusive=True, group="feeds-load", exit_on_error=False)
    def load_feeds(self, highlight: str = "") -> None:
        feeds = self.library.feeds()
        counts = self.library.unread_counts()
        settings = self.library.reader_settings()
        self.app.call_from_thread(self._show, feeds, counts, highlight, settings)

    def _show(self, feeds: list[FeedRecord], counts: UnreadCounts, highlight: str,
              settings: ReaderSettings) -> None:
        if not self.is_attached:  # closed before the store answered
            return
        self.settings = settings
        self.feeds = {feed.url: feed for feed in feeds}
        self.unread = counts.total
        listing = self.query_one(FeedList)
        keep = highlight or (listing.highlighted_option.id if listing.highlighted_option
                             else "") or self._option_id(self.current)
        options: list[Option | None] = []
        everything = Text("All articles", style="bold")
        everything.append(f"  {counts.total} unread" if counts.total else "  all read",
                          style="bold" if counts.total else "dim")
        options.append(Option(everything, id=ALL))
        by_hand = counts.by_feed.get("", 0)
        options.append(Option(Text.assemble(("Added by hand", "bold"), (
            f"  {by_hand} unread" if by_hand else "  all read", "dim")), id=BY_HAND))
        for feed in feeds:
            options.append(None)
            options.append(Option(feed_prompt(feed), id=FEED + feed.url))
        listing.set_options(options)
        ids = [option.id for option in listing.options]
        listing.highlighted = ids.index(keep) if keep in ids else 0
        empty = self.query_one("#feeds-empty", Static)
        empty.update("No feeds yet: a adds one (a feed's URL, a site's page, or a file).")
        empty.display = not feeds
        failing = sum(1 for feed in feeds if feed.last_error)
        subtitle = f"{counted(len(feeds), 'feed')} · {counts.total} unread"
        if failing:
            subtitle += f" · {failing} failing"
        every = settings.refresh_minutes
        timer = f"refresh every {every} min" if every else "no refresh timer"
        start = "on" if settings.refresh_on_start else "off"
        subtitle += f" · refresh at start {start} (s) · {timer} (t)"
        self.query_one("#feeds-panel").border_subtitle = subtitle

    def action_toggle_start(self) -> None:
        if self.settings is not None:
            self.save_settings(refresh_on_start=not self.settings.refresh_on_start)

    def action_cycle_timer(self) -> None:
        if self.settings is not None:
            now = self.settings.refresh_minutes
            later = [m for m in TIMER_STEPS if m > now]
            self.save_settings(refresh_minutes=later[0] if later else 0)

    @work(thread=True, group="feeds-write", exit_on_error=False)
    def save_settings(self, **changes) -> None:
        self.library.save_reader_settings(**changes)
        self.load_feeds()

    @staticmethod
    def _option_id(url: str | None) -> str:
        return ALL if url is None else BY_HAND if url == "" else FEED + url

    def _highlighted(self) -> FeedRecord | None:
        option = self.query_one(FeedList).highlighted_option
        if option is None or not (option.id or "").startswith(FEED):
            return None
        return self.feeds.get((option.id or "")[len(FEED):])

    def _need_feed(self) -> FeedRecord | None:
        feed = self._highlighted()
        if feed is None:
            self.notify("Move onto a feed first.", severity="warning", markup=False)
        return feed

    @on(OptionList.OptionSelected, "#feeds-list")
    def _choose(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        if option_id == ALL:
            self.dismiss(FeedChoice(None))
        elif option_id == BY_HAND:
            self.dismiss(FeedChoice("", "Added by hand"))
        elif option_id.startswith(FEED):
            feed = self.feeds.get(option_id[len(FEED):])
            if feed is not None:
                self.dismiss(FeedChoice(feed.url, feed.title or feed.url))

    # adding and changing ---------------------------------------------------------------------
    def action_add(self) -> None:
        from tui.screens.prompts import PromptScreen

        self.app.push_screen(PromptScreen(
            "Follow a feed", placeholder="https://… or the path of a feed file",
            hint="A site's page will do when it names its feed. Enter follows, Esc cancels."),
            self._add)

    def _add(self, value: str | None) -> None:
        if value and value.strip():
            self.notify(f"Fetching {shorten(value.strip(), 60)}…", markup=False)
            self.add_feed(value.strip())

    @work(thread=True, group="feeds-write", exit_on_error=False)
    def add_feed(self, target: str) -> None:
        record, result = self.library.follow_feed(target)
        self.app.call_from_thread(
            self.notify, f"Following {shorten(record.title or record.url, 60)}: "
            f"{result.new_entries} new entr{'ies' if result.new_entries != 1 else 'y'}.",
            markup=False)
        self.load_feeds(FEED + record.url)

    def action_refresh(self) -> None:
        feed = self._need_feed()
        if feed is not None:
            self.notify(f"Fetching {shorten(feed.title or feed.url, 60)}…", markup=False)
            self.refresh_feed(feed.url)

    @work(thread=True, group="feeds-write", exit_on_error=False)
    def refresh_feed(self, url: str) -> None:
        report = self.library.refresh(urls=[url])
        for result in report.results:
            if result.status == "error":
                message, severity = f"{shorten(url, 60)}: {result.error}", "warning"
            else:
                new = result.new_entries
                message = f"{shorten(result.title or url, 60)}: {new} new " \
                          f"entr{'ies' if new != 1 else 'y'}."
                severity = "information"
            self.app.call_from_thread(self.notify, one_line(message), severity=severity,
                                      markup=False)
        self.load_feeds()

    def action_rename(self) -> None:
        from tui.screens.prompts import PromptScreen

        feed = self._need_feed()
        if feed is not None:
            self.app.push_screen(PromptScreen("Rename the feed", one_line(feed.title),
                                              placeholder="its title in the reader"),
                                 lambda title: self._rename(feed, title))

    def _rename(self, feed: FeedRecord, title: str | None) -> None:
        if title is not None and title.strip() and title.strip() != feed.title:
            self.rename_feed(feed.url, title.strip())

    @work(thread=True, group="feeds-write", exit_on_error=False)
    def rename_feed(self, url: str, title: str) -> None:
        self.library.rename_feed(url, title)
        self.load_feeds()

    def action_hide(self) -> None:
        feed = self._need_feed()
        if feed is not None:
            self.hide_feed(feed.url, not feed.hidden)

    @work(thread=True, group="feeds-write", exit_on_error=False)
    def hide_feed(self, url: str, hidden: bool) -> None:
        self.library.hide_feed(url, hidden)
        self.load_feeds()

    def action_mark_read(self) -> None:
        feed = self._highlighted()
        option = self.query_one(FeedList).highlighted_option
        if feed is not None:
            self.mark_read(feed.url)
        elif option is not None and option.id == BY_HAND:
            self.mark_read("")

    @work(thread=True, group="feeds-write", exit_on_error=False)
    def mark_read(self, url: str) -> None:
        marked = self.library.mark_feed_read(url)
        message = f"Marked {counted(marked, 'entry', 'entries')} read."
        self.app.call_from_thread(self.notify, message, markup=False)
        self.load_feeds()

    def action_remove(self) -> None:
        from tui.screens.prompts import ConfirmScreen

        feed = self._need_feed()
        if feed is not None:
            self.app.push_screen(
                ConfirmScreen(f"Stop following {shorten(feed.title or feed.url, 60)}? Its "
                              f"{counted(feed.entry_count, 'entry', 'entries')} go too "
                              "(bookmarks stay).", yes="Remove"),
                lambda yes: self.remove_feed(feed.url) if yes else None)

    @work(thread=True, group="feeds-write", exit_on_error=False)
    def remove_feed(self, url: str) -> None:
        self.library.remove_feed(url)
        if self.current == url:
            self.current = None
            self.current_removed = True
        self.load_feeds()

    async def action_dismiss(self, result: FeedChoice | None = None) -> None:
        """Closed without a choice after removing the feed the reader lists: all articles."""
        if result is None and self.current_removed:
            result = FeedChoice(None)
        await super().action_dismiss(result)
