"""The `byline` command: no subcommand opens the reader; subcommands drive the store."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import NoReturn

EXIT_BAD_INPUT = 2
# Subcommand -> module registering it. Modules are imported only when a command runs, so
# opening the reader pays for none of their imports (first paint is measured).
COMMAND_MODULES = {
    "analyze": "analyze_cmd",
    "add": "store_cmds", "related": "store_cmds", "speakers": "store_cmds",
    "quotes": "store_cmds", "bookmarks": "store_cmds", "reanalyze": "store_cmds",
    "feeds": "feed_cmds", "refresh": "feed_cmds",
    "settings": "settings_cmd",
}


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("byline")
    except PackageNotFoundError:
        return "0+unknown"


class _Parser(argparse.ArgumentParser):
    """argparse, its error line (which quotes what was typed) passed through the sanitiser."""

    def error(self, message: str) -> NoReturn:
        from .common import safe

        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {safe(message)}\n")


def build_parser() -> tuple[argparse.ArgumentParser, set[str]]:
    parser = _Parser(
        prog="byline",
        description="A terminal news reader that follows a story through what its people said.",
        epilog="`byline` alone opens the reader; `byline PATH_OR_URL` adds that article and "
               "opens it.",
    )
    parser.add_argument("--version", action="version", version=f"byline {_version()}")
    parser.add_argument("--home", metavar="DIR",
                        help="store folder (default: $BYLINE_HOME or the user data dir)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in dict.fromkeys(COMMAND_MODULES.values()):
        importlib.import_module(f"{__name__}.{name}").register(sub)
    return parser, set(sub.choices)


def main(argv: list[str] | None = None) -> int:
    argv, home = _take_home(list(sys.argv[1:] if argv is None else argv))
    if not argv:
        return _launch(home, None)
    positional = [a for a in argv if not a.startswith("-")]
    if positional and positional[0] not in COMMAND_MODULES:
        # `byline PATH_OR_URL` adds that article and opens it in the reader.
        reader = _Parser(prog="byline", description="Open an article.")
        reader.add_argument("open", metavar="PATH_OR_URL")
        reader.add_argument("--follow", action="store_true",
                            help="also follow the feeds the article's page names")
        args = reader.parse_args(argv)
        problem = _unreadable(args.open)
        if problem:  # said before the reader takes the terminal
            print(f"byline: {problem}", file=sys.stderr)
            return EXIT_BAD_INPUT
        return _launch(home, args.open, args.follow)
    parser, _ = build_parser()
    args = parser.parse_args(argv)
    args.home = home
    if args.command is None:
        return _launch(args.home, None)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`byline speakers | head`): stop quietly, and
        # point stdout at devnull so the interpreter's final flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


def _take_home(argv: list[str]) -> tuple[list[str], str | None]:
    """Pull `--home DIR` out of argv wherever it stands, so every subcommand accepts it."""
    home = None
    rest: list[str] = []
    it = iter(argv)
    for arg in it:
        if arg == "--home":
            home = next(it, None)
            if home is None:
                raise SystemExit("byline: --home needs a folder")
        elif arg.startswith("--home="):
            home = arg.split("=", 1)[1]
        else:
            rest.append(arg)
    return rest, home


def _unreadable(target: str) -> str:
    """Why the file target cannot be opened ("" for a URL or a readable file)."""
    from pathlib import Path

    if target.startswith(("http://", "https://")):
        return ""
    shown = " ".join("".join(ch if ch.isprintable() else "?" for ch in target).split())
    path = Path(target).expanduser()
    if not path.exists():
        return f"{shown}: no such file"
    if path.is_dir():
        return f"{shown}: is a folder, not a file"
    if not os.access(path, os.R_OK):
        return f"{shown}: permission denied"
    return ""


def _launch(home: str | None, open_target: str | None, follow: bool = False) -> int:
    from tui.app import run

    return run(home=home, open_target=open_target, follow=follow)
