"""The command palette's Byline commands: every action of the screen underneath, from its
live bindings (so a key added to a screen shows up here too), plus the app's own."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode

# Movement between panes is not worth a palette entry.
SKIPPED_ACTIONS = {"app.focus_next", "app.focus_previous", "app.command_palette"}


def palette_commands(screen: DOMNode, app: DOMNode) -> Iterator[tuple[DOMNode, Binding]]:
    """(node, binding) for each described binding of screen, then app; one per action."""
    seen: set[str] = set()
    for node in (screen, app):
        for bindings in node._bindings.key_to_bindings.values():
            for binding in bindings:
                if (not binding.description or binding.action in SKIPPED_ACTIONS
                        or binding.action in seen):
                    continue
                seen.add(binding.action)
                yield node, binding


class BylineCommands(Provider):
    """Byline's actions for the screen the palette was opened over."""

    def _commands(self) -> list[tuple[str, str, partial]]:
        rows = []
        for node, binding in palette_commands(self.screen, self.app):
            key = self.app.get_key_display(binding)
            title = f"{binding.description} ({key})"
            help_text = binding.tooltip or binding.description
            rows.append((title, help_text, partial(node.run_action, binding.action)))
        return rows

    async def discover(self) -> Hits:
        for title, help_text, command in self._commands():
            yield DiscoveryHit(title, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, command in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), command, help=help_text)
