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
from textual.widgets import Static


@dataclass(frozen=True)
class KeyHelp:
    """One action and every key bound to it in a pane."""

    keys: str  # display form, several keys joined: "↓ j"
    description: str
    enabled: bool = True


@dataclass
class PaneHelp:
    """The help for one node of the binding chain (a pane, the screen or the app)."""

    title: str
    text: str = ""
    keys: list[KeyHelp] = field(default_factory=list)
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
    return cleandoc(node.HELP) if node.HELP else ""


def _key_rows(app: App, bindings: Iterable[tuple[Binding, bool]]) -> list[KeyHelp]:
    """Merge the keys bound to the same action into one row, keeping the bindings' order."""
    rows: dict[tuple[str, str], tuple[list[str], bool]] = {}
    for binding, enabled in bindings:
        description = binding.description or binding.action
        keys, was_enabled = rows.setdefault((binding.action, description), ([], enabled))
        key = app.get_key_display(binding)
        if key not in keys:
            keys.append(key)
        rows[(binding.action, description)] = (keys, was_enabled or enabled)
    return [
        KeyHelp(" ".join(keys), description, enabled)
        for (_action, description), (keys, enabled) in rows.items()
    ]


def focus_chain(screen: Screen) -> list[DOMNode]:
    """The nodes whose bindings a key press on `screen` reaches, nearest first, app last."""
    focused = screen.focused
    if focused is None:
        return [screen, screen.app]
    return list(focused.ancestors_with_self)


def collect_help(screen: Screen) -> list[PaneHelp]:
    """Help for `screen`: its focus chain (active keys) first, then its other panes."""
    app = screen.app
    by_node: dict[DOMNode, list[ActiveBinding]] = {}
    for active in screen.active_bindings.values():
        by_node.setdefault(active.node, []).append(active)

    panes: list[PaneHelp] = []
    chain = focus_chain(screen)
    for node in chain:
        actives = by_node.get(node, [])
        keys = _key_rows(app, ((a.binding, a.enabled) for a in actives))
        text = _help_text(node)
        if keys or text:
            panes.append(PaneHelp(pane_title(node), text, keys, focused=True))

    # Other panes: widgets that explain themselves; their own bindings work once focused (Tab).
    for widget in screen.query(Widget):
        if widget in chain or not widget.HELP:
            continue
        own = [(binding, True) for _key, binding in widget._bindings]
        panes.append(PaneHelp(pane_title(widget), _help_text(widget), _key_rows(app, own)))
    return panes


def _keys_table(keys: list[KeyHelp]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", no_wrap=True, style="bold")
    table.add_column()
    for row in keys:
        style = "" if row.enabled else "dim"
        table.add_row(Text(row.keys, style=style), Text(row.description, style=style))
    return table


class HelpScreen(ModalScreen[None]):
    """Keys and help for the screen it was opened over."""

    BINDINGS = [
        Binding("escape", "dismiss", "Close help", id="help.close"),
        Binding("q,question_mark", "dismiss", "Close help", show=False),
    ]

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
            body.border_subtitle = "Esc closes"
            for pane in self.panes:
                title = Text(pane.title, style="bold")
                if pane.focused:
                    title.append("  (active now)", style="italic")
                yield Static(title, classes="help-pane-title")
                if pane.text:
                    yield Static(Text(pane.text), classes="help-pane-text")
                if pane.keys:
                    yield Static(_keys_table(pane.keys), classes="help-pane-keys")
