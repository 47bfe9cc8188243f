"""The Quotes pane: a tree of speakers (name, role, count) and their quotes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from tui.messages import QuoteHighlighted
from tui.safe_text import one_line, shorten

if TYPE_CHECKING:
    from analysis.model import Analysis, Quote

BOOKMARK_MARK = "★"
QUOTE_WIDTH = 200  # characters of a quote shown in its tree line (the pane crops further)
UNATTRIBUTED = "Unattributed"


@dataclass(frozen=True)
class QuoteNodeData:
    speaker_id: str
    quote: Quote | None = None  # None on a speaker node


def quote_label(quote: Quote, bookmarked: bool) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    text.append(f"{BOOKMARK_MARK} " if bookmarked else "  ", style="bold")
    text.append(f"“{shorten(quote.text, QUOTE_WIDTH)}”")
    return text


def speaker_label(name: str, role: str, count: int) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    # The count before the role: a narrow pane crops the end of the line.
    text.append(one_line(name) or UNATTRIBUTED, style="bold")
    text.append(f" ({count})", style="dim")
    if role:
        text.append(f" {one_line(role)}", style="italic")
    return text


class QuoteTree(Tree[QuoteNodeData]):
    """Speakers → quotes of the open article; ★ marks bookmarked quotes."""

    BINDING_GROUP_TITLE = "Quotes"
    HELP = """
    The article's speakers with their role and number of quotes, and under each its quotes.
    Moving onto a quote scrolls the reader to it and brings its reactions forward;
    b bookmarks it, y copies it, s lists every quote of its speaker.
    """
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__("Quotes", **kwargs)
        self.show_root = False
        self.guide_depth = 2
        self._quote_nodes: dict[str, TreeNode[QuoteNodeData]] = {}
        self._bookmarked: set[str] = set()
        self._article_id = ""

    def show_quotes(self, article_id: str, analysis: Analysis | None,
                    bookmarked: set[str]) -> None:
        """Rebuild the tree for another article; the cursor goes to the first quote."""
        self._article_id = article_id
        self._bookmarked = set(bookmarked)
        self._quote_nodes = {}
        with self.prevent(Tree.NodeHighlighted):
            self.clear()
            if analysis is None:
                return
            groups: dict[str, list[Quote]] = {}
            for quote in analysis.quotes:
                groups.setdefault(quote.speaker_id, []).append(quote)
            speakers = {s.id: s for s in analysis.speakers}
            order = [s.id for s in analysis.speakers if s.id in groups]
            order += [sid for sid in groups if sid not in speakers]
            for speaker_id in order:
                quotes = groups[speaker_id]
                speaker = speakers.get(speaker_id)
                name = speaker.name if speaker else (quotes[0].speaker or UNATTRIBUTED)
                role = speaker.role if speaker else ""
                branch = self.root.add(speaker_label(name, role, len(quotes)),
                                       QuoteNodeData(speaker_id), expand=True)
                for quote in quotes:
                    leaf = branch.add_leaf(quote_label(quote, self._is_marked(quote.id)),
                                           QuoteNodeData(speaker_id, quote))
                    self._quote_nodes[quote.id] = leaf

    @property
    def current(self) -> QuoteNodeData | None:
        node = self.cursor_node
        return node.data if node is not None else None

    def select_quote(self, quote_id: str) -> bool:
        """Move the cursor to quote_id ("qN"); False when the article has no such quote."""
        node = self._quote_nodes.get(quote_id)
        if node is None:
            return False
        # Looking lines up (re)builds the tree's line index, so this works right after a rebuild.
        for line in range(self.last_line + 1):
            if self.get_node_at_line(line) is node:
                self.cursor_line = line
                self.scroll_to_line(line, animate=False)
                return True
        return False

    def set_bookmarked(self, quote_id: str, marked: bool) -> None:
        """Show or clear the bookmark mark of quote_id ("qN")."""
        full_id = f"{self._article_id}:{quote_id}"
        if marked:
            self._bookmarked.add(full_id)
        else:
            self._bookmarked.discard(full_id)
        node = self._quote_nodes.get(quote_id)
        if node is not None and node.data and node.data.quote:
            node.set_label(quote_label(node.data.quote, marked))

    def refresh_marks(self, bookmarked: set[str]) -> None:
        """Apply a fresh set of bookmarked ids (after another screen changed them)."""
        self._bookmarked = set(bookmarked)
        for quote_id, node in self._quote_nodes.items():
            if node.data and node.data.quote:
                node.set_label(quote_label(node.data.quote, self._is_marked(quote_id)))

    def _is_marked(self, quote_id: str) -> bool:
        return f"{self._article_id}:{quote_id}" in self._bookmarked

    @on(Tree.NodeHighlighted)
    def _announce(self, event: Tree.NodeHighlighted[QuoteNodeData]) -> None:
        event.stop()
        data = event.node.data
        if data is not None:
            quote_id = data.quote.id if data.quote else ""
            self.post_message(QuoteHighlighted(quote_id, data.speaker_id))
