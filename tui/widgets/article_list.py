"""The Articles pane: a filter box over the stored articles and feed entries, newest first."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Input

from tui.messages import ArticleChosen, ArticleHighlighted, FilterChanged
from tui.safe_text import one_line

if TYPE_CHECKING:
    from store.records import ArticleRef

UNREAD_MARK = "●"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
FILTER_DELAY = 0.15  # seconds of typing pause before the list is filtered
SITE_MIN_LIST = 44  # columns of list from which each row also names its source
SITE_MAX = 14  # columns of that source at most


def current_year() -> int:
    """This year, in local time (a date from another year shows its year)."""
    return time.localtime().tm_year


def short_date(published: str, this_year: int | None = None) -> str:
    """'2026-11-20…' as '20 Nov' this year and '20 Nov 2025' in another; "" without a usable
    date."""
    try:
        year = int(published[:4])
        month = MONTHS[int(published[5:7]) - 1]
        day = int(published[8:10])
    except (ValueError, IndexError):
        return ""
    if not 1 <= day <= 31:
        return ""
    if year == (this_year if this_year is not None else current_year()):
        return f"{day:>2} {month}"
    return f"{day:>2} {month} {year}"


def short_site(site: str) -> str:
    """A source as short as it reads well: a feed's name without its section ("Northgate
    Wire: Top stories" → "Northgate Wire"), a file's name without its extension."""
    text = one_line(site)
    for separator in (": ", " | ", " — ", " – ", " - "):
        head = text.split(separator, 1)[0]
        if len(head) >= 3:
            text = head
    stem, dot, extension = text.rpartition(".")
    if dot and extension.lower() in ("txt", "html", "htm", "xml", "rss", "atom") and stem:
        text = stem
    return text


def row_cells(ref: ArticleRef, width: int, date_width: int, this_year: int,
              show_site: bool = True) -> tuple[str, str, str, str]:
    """(unread mark, date, title, source) of one row, fitted into width columns: the source
    keeps up to SITE_MAX columns when the list is wide enough, the title takes the rest."""
    mark = UNREAD_MARK if not ref.read else " "
    date = short_date(ref.published, this_year).ljust(date_width)
    site = short_site(ref.site) if width >= SITE_MIN_LIST and show_site else ""
    if site:
        site = site if cell_len(site) <= SITE_MAX else set_cell_size(site, SITE_MAX - 1) + "…"
    room = width - 2 - date_width - 1 - (cell_len(site) + 2 if site else 0)
    title = one_line(ref.title) or "(untitled)"
    if cell_len(title) > room:
        title = set_cell_size(title, max(room - 1, 0)) + "…" if room > 0 else ""
    return mark, date, set_cell_size(title, max(room, 0)), site


def article_prompt(ref: ArticleRef, width: int = 80) -> Text:
    """One row as text: unread mark, date, title, source."""
    this_year = current_year()
    mark, date, title, site = row_cells(ref, width, len(short_date(ref.published, this_year)),
                                        this_year)
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    text.append(mark, style="bold")
    text.append(" ")
    text.append(date, style="dim")
    text.append(" ")
    text.append(title)
    if site:
        text.append(f"  {site}", style="dim")
    return text


class ArticleList(ScrollView, can_focus=True):
    """The articles, one line each, drawn on demand: 10,000 rows cost what a screenful costs.

    The cursor follows into every other pane without a key press (ArticleHighlighted);
    Enter posts ArticleChosen; d posts DeleteRequested.
    """

    BINDING_GROUP_TITLE = "Articles"
    HELP = """
    Stored articles and feed entries, newest first, with their date and source; ● marks the
    unread ones. Moving the cursor shows the article in every pane; it counts as read once
    shown for a moment, or at once when opened with Enter.
    """
    BINDINGS = [
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("home,g", "first", "First", show=False),
        Binding("end,G", "last", "Last", show=False),
        Binding("enter", "choose", "Open", show=False),
        Binding("d,delete", "delete", "Delete", show=False, id="articles.delete",
                tooltip="Delete the article under the cursor (asks first)"),
    ]
    COMPONENT_CLASSES = {"article-list--cursor", "article-list--date", "article-list--unread",
                         "article-list--site"}

    show_sites = True  # False while the list holds one feed: its name is the list's title
    cursor: reactive[int] = reactive(-1, init=False)
    unread_count: reactive[int] = reactive(0, init=False)  # unread rows in the list
    empty_text = ""  # shown on the first rows when there is nothing to list

    class DeleteRequested(Message):
        """d on an article: the screen asks, then deletes it."""

        def __init__(self, ref: ArticleRef) -> None:
            super().__init__()
            self.ref = ref

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._refs: list[ArticleRef] = []
        self._index: dict[str, int] = {}
        self.this_year = current_year()
        self._date_width = 6

    # data ------------------------------------------------------------------------------------
    @property
    def article_ids(self) -> list[str]:
        return [ref.id for ref in self._refs]

    @property
    def highlighted_id(self) -> str:
        return self._refs[self.cursor].id if 0 <= self.cursor < len(self._refs) else ""

    @property
    def highlighted_ref(self) -> ArticleRef | None:
        return self._refs[self.cursor] if 0 <= self.cursor < len(self._refs) else None

    def ref(self, article_id: str) -> ArticleRef | None:
        index = self._index.get(article_id)
        return None if index is None else self._refs[index]

    def row_text(self, index: int) -> str:
        """What row index shows, as plain text (for tests)."""
        width = self.scrollable_content_region.width or 80
        return "".join(segment.text for segment in self._row_segments(index, width)).rstrip()

    def show_articles(self, refs: Sequence[ArticleRef], keep_id: str = "") -> None:
        """Replace the list, keeping the cursor on keep_id (and its row on screen) if listed."""
        keep_id = keep_id or self.highlighted_id
        rows_above = self.cursor - round(self.scroll_y)
        self._refs = list(refs)
        self._index = {ref.id: index for index, ref in enumerate(self._refs)}
        self.this_year = current_year()
        self._date_width = max((len(short_date(r.published, self.this_year)) for r in self._refs),
                               default=6)
        self.unread_count = sum(not ref.read for ref in self._refs)
        self.virtual_size = Size(self.size.width, len(self._refs))
        index = self._index.get(keep_id, -1)
        if index >= 0:
            # Same article: keep its row where the reader saw it, without re-announcing it.
            self.set_reactive(ArticleList.cursor, index)
            self.scroll_to(y=max(index - max(rows_above, 0), 0), animate=False, immediate=True)
            self.refresh()
            self.post_message(ArticleHighlighted(keep_id))
        else:
            self.scroll_to(y=0, animate=False, immediate=True)
            self.set_reactive(ArticleList.cursor, -1)
            self.cursor = 0 if self._refs else -1
            self.refresh()

    def set_read(self, article_ids: Sequence[str], read: bool = True) -> list[str]:
        """Show articles read (or unread); the ids whose mark changed."""
        changed = []
        for article_id in article_ids:
            index = self._index.get(article_id)
            if index is not None and self._refs[index].read != read:
                self._refs[index].read = read
                changed.append(article_id)
                self._refresh_row(index)
        self.unread_count += -len(changed) if read else len(changed)
        return changed

    def mark_read(self, article_id: str) -> None:
        self.set_read([article_id])

    def unread_ids(self) -> list[str]:
        return [ref.id for ref in self._refs if not ref.read]

    def next_unread(self) -> bool:
        """Move the cursor to the next unread article (from the top after the last); False
        when none is left."""
        count = len(self._refs)
        start = max(self.cursor, -1)
        for step in range(1, count + 1):
            index = (start + step) % count
            if not self._refs[index].read and index != self.cursor:
                self.cursor = index
                return True
        return False

    def move_to(self, article_id: str) -> bool:
        """Put the cursor on article_id; False when it is not in the list."""
        index = self._index.get(article_id)
        if index is None:
            return False
        self.cursor = index
        return True

    # cursor ----------------------------------------------------------------------------------
    def validate_cursor(self, cursor: int) -> int:
        return min(max(cursor, 0), len(self._refs) - 1) if self._refs else -1

    def watch_cursor(self, old: int, new: int) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        if new >= 0:
            self.scroll_to_region(Region(0, new, 1, 1), animate=False, immediate=True)
            self.post_message(ArticleHighlighted(self._refs[new].id))

    def _refresh_row(self, index: int) -> None:
        row = index - round(self.scroll_y)
        if 0 <= index < len(self._refs) and 0 <= row < self.size.height:
            self.refresh(Region(0, row, self.size.width, 1))

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_page_down(self) -> None:
        self.cursor += max(self.scrollable_content_region.height - 1, 1)

    def action_page_up(self) -> None:
        self.cursor -= max(self.scrollable_content_region.height - 1, 1)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self._refs) - 1

    def action_choose(self) -> None:
        if self.highlighted_id:
            self.post_message(ArticleChosen(self.highlighted_id))

    def action_delete(self) -> None:
        ref = self.highlighted_ref
        if ref is not None:
            self.post_message(self.DeleteRequested(ref))

    def on_click(self, event: events.Click) -> None:
        index = event.y + round(self.scroll_y)
        if 0 <= index < len(self._refs):
            self.cursor = index
            if event.chain > 1:
                self.action_choose()

    # drawing ---------------------------------------------------------------------------------
    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self._refs))

    def _row_segments(self, index: int, width: int) -> list[Segment]:
        base = self.rich_style
        if index == self.cursor:
            base = base + self.get_component_rich_style("article-list--cursor", partial=True)
        mark, date, title, site = row_cells(self._refs[index], width, self._date_width,
                                            self.this_year, self.show_sites)
        segments = [
            Segment(mark, base + self.get_component_rich_style("article-list--unread",
                                                               partial=True)),
            Segment(" ", base),
            Segment(date, base + self.get_component_rich_style("article-list--date",
                                                               partial=True)),
            Segment(" ", base),
            Segment(title, base),
        ]
        if site:
            segments.append(Segment("  ", base))
            segments.append(Segment(site, base + self.get_component_rich_style(
                "article-list--site", partial=True)))
        return segments

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = y + round(self.scroll_y)
        base = self.rich_style
        notes = self.empty_text.splitlines() if not self._refs else []
        if index < len(notes):
            note = set_cell_size(one_line(notes[index]), width)
            return Strip([Segment(note, base + self.get_component_rich_style(
                "article-list--date", partial=True))], width)
        if not 0 <= index < len(self._refs):
            return Strip.blank(width, base)
        if index == self.cursor:
            base = base + self.get_component_rich_style("article-list--cursor", partial=True)
        return Strip(self._row_segments(index, width)).crop_extend(0, width, base)


class ArticleFilter(Input):
    """The filter box: filters titles as you type (after a short pause)."""

    BINDING_GROUP_TITLE = "Filter"
    HELP = "Type to filter the article titles; Esc or ↓ goes back to the list."
    BINDINGS = [
        Binding("escape", "leave", "Back to list", show=False),
        Binding("down", "leave", "Back to list", show=False),
    ]

    def action_leave(self) -> None:
        self.screen.focus_next(ArticleList)


class ArticlesPane(Vertical):
    """Filter box above the article list."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._pending_query = ""
        self._timer = None

    def compose(self) -> ComposeResult:
        yield ArticleFilter(placeholder="Filter titles…", id="article-filter")
        yield ArticleList(id="article-list")

    @on(Input.Changed, "#article-filter")
    def _filter_later(self, event: Input.Changed) -> None:
        event.stop()
        self._pending_query = event.value
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(FILTER_DELAY, self._send_filter)

    @on(Input.Submitted, "#article-filter")
    def _filter_now(self, event: Input.Submitted) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        self._pending_query = event.value
        self._send_filter()
        self.query_one(ArticleList).focus()

    def _send_filter(self) -> None:
        self._timer = None
        self.post_message(FilterChanged(self._pending_query.strip()))
