"""The Textual reader: `BylineApp` and `run()`, what the `byline` command starts.

Start-up is kept light: the layout paints first and the store opens in a worker afterwards
(store, analysis and the secondary screens are imported only when needed).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.control import Control
from textual.app import App
from textual.binding import Binding

import styles
from tui.commands import BylineCommands
from tui.screens.main import MainScreen

if TYPE_CHECKING:
    from store.library import Library

STYLE_FILES = ("app.tcss", "screens.tcss")


def style_paths() -> list[Path]:
    """The app's stylesheets, shipped in the `styles` package."""
    folder = Path(styles.__file__).parent
    return [folder / name for name in STYLE_FILES]


class BylineApp(App[None]):
    """Byline's reader."""

    TITLE = "Byline"
    CSS_PATH = style_paths()
    COMMANDS = App.COMMANDS | {BylineCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Leave Byline"),
        Binding("question_mark", "help", "Help", id="app.help", tooltip="Keys and panes"),
    ]

    def __init__(self, home: str | Path | None = None, open_target: str | None = None,
                 follow: bool = False) -> None:
        super().__init__()
        self.home = None if home is None else str(home)
        self.open_target = open_target
        self.follow = follow
        self.library: Library | None = None
        self.unread = -1  # unread articles in the store (-1 until known)

    def get_default_screen(self) -> MainScreen:
        return MainScreen(self.home, self.open_target, self.follow)

    def show_unread(self, unread: int) -> None:
        """The number of unread articles in the app's title and the terminal's."""
        if unread == self.unread:
            return
        self.unread = unread
        self.title = f"Byline ({unread} unread)" if unread else "Byline"
        driver = getattr(self, "_driver", None)  # Textual has no public way to the terminal
        if driver is not None and not self.is_headless:
            driver.write(str(Control.title(self.title)))

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def on_unmount(self) -> None:
        if self.library is not None:
            self.library.close()


def run(home: str | None = None, open_target: str | None = None, follow: bool = False) -> int:
    """Run the reader until the user quits; the process exit code."""
    BylineApp(home, open_target, follow).run()
    return 0
