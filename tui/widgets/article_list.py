"""The Articles pane: a filter box over the stored articles and feed entries, newest first."""

from __future__ import annotations

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


def short_date(published: str) -> str:
    """'2026-11-20…' as '20 Nov', or six spaces when there is no usable date."""
    try:
        month = MONTHS[int(published[5:7]) - 1]
        day = int(published[8:10])
    except (ValueError, IndexError):
        return " " * 6
    return f"{day:>2} {month}"


def article_prompt(ref: ArticleRef) -> Text:
    """One row as text: unread mark, date, title."""
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    text.append(UNREAD_MARK if not ref.read else " ", style="bold")
    text.append(" ")
    text.append(short_date(ref.published), style="dim")
    text.append(" ")
    text.append(one_line(ref.title) or "(untitled)")
    return text


class ArticleList(ScrollView, can_focus=True):
    """The articles, one line each, drawn on demand: 10,000 rows cost what a screenful costs.

    The cursor follows into every other pane without a key press (ArticleHighlighted);
    Enter posts ArticleChosen.
    """

    BINDING_GROUP_TITLE = "Articles"
    HELP = """
    Stored articles and feed entries, newest first; ● marks the unread ones.
    Moving the cursor opens the article in every pane; Enter moves into the reader.
    """
    BINDINGS = [
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "choose", "Open", show=False),
    ]
    COMPONENT_CLASSES = {"article-list--cursor", "article-list--date", "article-list--unread"}

    cursor: reactive[int] = reactive(-1, init=False)
    empty_text = ""  # shown on the first row when there is nothing to list

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._refs: list[ArticleRef] = []
        self._index: dict[str, int] = {}

    # data ------------------------------------------------------------------------------------
    @property
    def article_ids(self) -> list[str]:
        return [ref.id for ref in self._refs]

    @property
    def highlighted_id(self) -> str:
        return self._refs[self.cursor].id if 0 <= self.cursor < len(self._refs) else ""

    def ref(self, article_id: str) -> ArticleRef | None:
        index = self._index.get(article_id)
        return None if index is None else self._refs[index]

    def row_text(self, index: int) -> str:
        """What row index shows, as plain text (for tests)."""
        return article_prompt(self._refs[index]).plain

    def show_articles(self, refs: Sequence[ArticleRef], keep_id: str = "") -> None:
        """Replace the list, keeping the cursor on keep_id (and its row on screen) if listed."""
        keep_id = keep_id or self.highlighted_id
        rows_above = self.cursor - round(self.scroll_y)
        self._refs = list(refs)
        self._index = {ref.id: index for index, ref in enumerate(self._refs)}
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

    def mark_read(self, article_id: str) -> None:
        index = self._index.get(article_id)
        if index is not None and not self._refs[index].read:
            self._refs[index].read = True
            self._refresh_row(index)

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

    def on_click(self, event: events.Click) -> None:
        index = event.y + round(self.scroll_y)
        if 0 <= index < len(self._refs):
            self.cursor = index
            if event.chain > 1:
                self.action_choose()

    # drawing ---------------------------------------------------------------------------------
    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self._refs))

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
        ref = self._refs[index]
        date_style = self.get_component_rich_style("article-list--date", partial=True)
        mark_style = self.get_component_rich_style("article-list--unread", partial=True)
        segments = [
            Segment(UNREAD_MARK if not ref.read else " ", base + mark_style),
            Segment(" ", base),
            Segment(short_date(ref.published), base + date_style),
            Segment(" ", base),
        ]
        room = width - 9
        title = one_line(ref.title) or "(untitled)"
        if cell_len(title) > room:
            title = set_cell_size(title, max(room - 1, 0)) + "…" if room > 0 else ""
        segments.append(Segment(set_cell_size(title, max(room, 0)), base))
        return Strip(segments).crop_extend(0, width, base)


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
