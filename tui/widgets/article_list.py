"""The Articles pane: a filter box over the stored articles and feed entries, newest first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

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
    """One line: unread mark, date, title (cut with an ellipsis to the pane's width)."""
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    text.append(UNREAD_MARK if not ref.read else " ", style="bold")
    text.append(" ")
    text.append(short_date(ref.published), style="dim")
    text.append(" ")
    text.append(one_line(ref.title) or "(untitled)")
    return text


class ArticleList(OptionList):
    """The articles; the cursor follows into every other pane without a key press."""

    BINDING_GROUP_TITLE = "Articles"
    HELP = """
    Stored articles and feed entries, newest first; ● marks the unread ones.
    Moving the cursor opens the article in every pane; Enter moves into the reader.
    """
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._refs: dict[str, ArticleRef] = {}

    @property
    def highlighted_id(self) -> str:
        option = self.highlighted_option
        return option.id or "" if option is not None else ""

    def ref(self, article_id: str) -> ArticleRef | None:
        return self._refs.get(article_id)

    def show_articles(self, refs: Sequence[ArticleRef], keep_id: str = "") -> None:
        """Replace the list, keeping the cursor on keep_id (and its row on screen) if listed."""
        keep_id = keep_id or self.highlighted_id
        rows_above = (self.highlighted or 0) - round(self.scroll_y)
        self._refs = {ref.id: ref for ref in refs}
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(Option(article_prompt(ref), id=ref.id) for ref in refs)
        if not refs:
            return
        try:
            index = self.get_option_index(keep_id) if keep_id else 0
        except Exception:  # OptionDoesNotExist: the kept article left the filtered list
            index = 0
        if keep_id and self._refs.get(keep_id) is not None:
            # Same article: keep its row where the reader saw it, without re-announcing it.
            with self.prevent(OptionList.OptionHighlighted):
                self.highlighted = index
            self.scroll_to(y=max(index - rows_above, 0), animate=False, immediate=True)
            self.post_message(ArticleHighlighted(keep_id))
        else:
            self.highlighted = index

    def mark_read(self, article_id: str) -> None:
        ref = self._refs.get(article_id)
        if ref is None or ref.read:
            return
        ref.read = True
        self.replace_option_prompt(article_id, article_prompt(ref))

    def move_to(self, article_id: str) -> bool:
        """Put the cursor on article_id; False when it is not in the list."""
        try:
            self.highlighted = self.get_option_index(article_id)
        except Exception:
            return False
        return True

    @on(OptionList.OptionHighlighted)
    def _announce_highlight(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id:
            self.post_message(ArticleHighlighted(event.option.id))

    @on(OptionList.OptionSelected)
    def _announce_choice(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(ArticleChosen(event.option.id))


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
