"""The `?` help screen, built from the live bindings of the screen underneath it.

Nothing here is a hand-kept key table: the keys come from the bindings that are active on the
screen below (its focused widget, that widget's ancestors, the screen and the app), plus the
bindings of the other panes on that screen, so a key added or changed anywhere shows up here.
Each pane can explain itself with a `HELP` class attribute (Textual's own help-text slot).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from inspect import cleandoc

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Collapsible, Static


@dataclass(frozen=True)
class KeyHelp:
    """One action and every key bound to it in a pane."""

    keys: str  # display form, several keys joined: "↓ j"
    description: str
    enabled: bool = True
    tooltip: str = ""  # the binding's longer explanation, when it has one


@dataclass
class PaneHelp:
    """The help for one node of the binding chain (a pane, the screen or the app)."""

    title: str
    text: str = ""
    keys: list[KeyHelp] = field(default_factory=list)  # bound by Byline (or at run time)
    standard_keys: list[KeyHelp] = field(default_factory=list)  # Textual's own widget keys
    focused: bool = False  # part of the focus chain: these keys work right now


def pane_title(node: DOMNode) -> str:
    """A short name for a node: its BINDING_GROUP_TITLE, else its border title, else its class."""
    if isinstance(node, App):
        return "Everywhere"
    if node.BINDING_GROUP_TITLE:
        return node.BINDING_GROUP_TITLE
    if isinstance(node, Widget) and node.border_title:
        return str(node.border_title)
    return type(node).__name__


def _help_text(node: DOMNode) -> str:
    """The node's HELP with Markdown's soft line breaks joined (blank lines split paragraphs)."""
    if not node.HELP:
        return ""
    paragraphs = cleandoc(node.HELP).split("\n\n")
    return "\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def _key_rows(app: App, bindings: Iterable[tuple[Binding, bool]]) -> list[KeyHelp]:
    """Merge the keys bound to the same action into one row, keeping the bindings' order."""
    rows: dict[tuple[str, str], KeyHelp] = {}
    for binding, enabled in bindings:
        description = binding.description or binding.action
        key = app.get_key_display(binding)
        row = rows.get((binding.action, description))
        if row is None:
            rows[(binding.action, description)] = KeyHelp(
                key, description, enabled, binding.tooltip or ""
            )
        elif key not in row.keys.split(" "):
            rows[(binding.action, description)] = KeyHelp(
                f"{row.keys} {key}", description, row.enabled or enabled,
                row.tooltip or binding.tooltip or "",
            )
    return list(rows.values())


def focus_chain(screen: Screen) -> list[DOMNode]:
    """The nodes whose bindings a key press on `screen` reaches, nearest first, app last."""
    focused = screen.focused
    if focused is None:
        return [screen, screen.app]
    return list(focused.ancestors_with_self)


def _textual_defaults(node: DOMNode) -> set[tuple[str, str]]:
    """(key, action) of the bindings node has only because a Textual class declares them."""
    textual: set[tuple[str, str]] = set()
    ours: set[tuple[str, str]] = set()
    for cls in type(node).__mro__:
        if "BINDINGS" in cls.__dict__:
            found = ours if not cls.__module__.startswith("textual.") else textual
            for binding in Binding.make_bindings(cls.__dict__["BINDINGS"]):
                found.add((binding.key, binding.action))
    return textual - ours


def _pane(node: DOMNode, bindings: list[tuple[Binding, bool]], focused: bool) -> PaneHelp:
    defaults = _textual_defaults(node)
    own = [(b, on) for b, on in bindings if (b.key, b.action) not in defaults]
    standard = [(b, on) for b, on in bindings if (b.key, b.action) in defaults]
    app = node.app
    return PaneHelp(pane_title(node), _help_text(node), _key_rows(app, own),
                    _key_rows(app, standard), focused)


def collect_help(screen: Screen) -> list[PaneHelp]:
    """Help for `screen`, Byline's keys grouped by pane: the focused pane and the screen (the
    keys active now) first, then the screen's other panes in their order, then the keys
    that work everywhere. Textual's own widget keys are kept apart (standard_keys)."""
    by_node: dict[DOMNode, list[ActiveBinding]] = {}
    for active in screen.active_bindings.values():
        by_node.setdefault(active.node, []).append(active)

    panes: list[PaneHelp] = []
    chain = focus_chain(screen)
    app = screen.app
    for node in chain:
        actives = [(a.binding, a.enabled) for a in by_node.get(node, [])]
        if node is not app and (actives or node.HELP):
            panes.append(_pane(node, actives, focused=True))

    # Other panes: widgets that explain themselves; their own bindings work once focused (Tab).
    for widget in screen.query(Widget):
        if widget not in chain and widget.HELP:
            panes.append(_pane(widget, [(b, True) for _k, b in widget._bindings], focused=False))
    actives = [(a.binding, a.enabled) for a in by_node.get(app, [])]
    if actives:
        panes.append(_pane(app, actives, focused=True))
    return panes


def _key_cells(row: KeyHelp) -> tuple[Text, Text]:
    style = "" if row.enabled else "dim"
    description = Text(row.description, style=style)
    if row.tooltip and row.tooltip != row.description:
        description.append(f" — {row.tooltip}", style="dim")
    return Text(row.keys, style=style), description


def _keys_table(keys: list[KeyHelp]) -> Table:
    """Key and description; two pairs a line when the descriptions are short."""
    columns = 1 if len(keys) < 6 or any(row.tooltip for row in keys) else 2
    table = Table.grid(padding=(0, 2))
    for _ in range(columns):
        table.add_column(justify="right", no_wrap=True, style="bold")
        table.add_column()
    height = -(-len(keys) // columns)
    for line in range(height):
        cells: list[Text] = []
        for column in range(columns):
            index = line + column * height
            cells.extend(_key_cells(keys[index]) if index < len(keys) else (Text(), Text()))
        table.add_row(*cells)
    return table


class HelpScreen(ModalScreen[None]):
    """Keys and help for the screen it was opened over."""

    BINDINGS = [
        Binding("escape", "dismiss", "Close help", id="help.close"),
        Binding("q,question_mark", "dismiss", "Close help", show=False),
        Binding("j", "scroll('down')", "Down", show=False),
        Binding("k", "scroll('up')", "Up", show=False),
    ]

    def action_scroll(self, direction: str) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        if direction == "down":
            body.scroll_down(animate=False)
        else:
            body.scroll_up(animate=False)

    def __init__(self, target: Screen | None = None) -> None:
        super().__init__()
        self._target = target
        self.panes: list[PaneHelp] = []

    def _described_screen(self) -> Screen:
        if self._target is not None:
            return self._target
        stack = self.app.screen_stack
        below = stack[: stack.index(self)] if self in stack else stack
        return below[-1]

    def compose(self) -> ComposeResult:
        self.panes = collect_help(self._described_screen())
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Keys and help"
            body.border_subtitle = "↑↓ scroll · Esc closes"
            for pane in self.panes:
                if not (pane.text or pane.keys):
                    continue
                title = Text(pane.title, style="bold")
                if pane.focused:
                    title.append("  (active now)", style="italic")
                yield Static(title, classes="help-pane-title")
                if pane.text:
                    yield Static(Text(pane.text), classes="help-pane-text")
                if pane.keys:
                    yield Static(_keys_table(pane.keys), classes="help-pane-keys")
            standard = [pane for pane in self.panes if pane.standard_keys]
            if standard:
                # Textual's generic keys (editing, lists): folded, Enter on the title opens them
                with Collapsible(title="Standard keys of lists and text boxes", collapsed=True,
                                 id="help-standard"):
                    for pane in standard:
                        yield Static(Text(pane.title, style="italic"),
                                     classes="help-standard-title")
                        yield Static(_keys_table(pane.standard_keys),
                                     classes="help-pane-keys -standard")
