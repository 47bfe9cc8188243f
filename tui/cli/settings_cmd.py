"""`byline settings [NAME [VALUE|default]]`: the store's settings, shown and changed.

One setting for now: `max-size`, the largest response fetched from the network (a feed or a
page). A feed can have its own (`byline feeds add URL --max-size SIZE`); a refresh can raise
every feed's for one run (`byline refresh --max-size SIZE`). Files the user names are read
whatever their size.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from .common import EXIT_BAD_INPUT, byte_size, emit_json, error, guarded, json_flag

if TYPE_CHECKING:
    from store.library import Library

# name on the command line -> (key in the store, what it is)
SETTINGS = {"max-size": ("max_size", "the largest response fetched from the network")}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("settings", help="show or change settings (max-size)")
    p.add_argument("name", nargs="?", choices=sorted(SETTINGS), metavar="NAME",
                   help="max-size")
    p.add_argument("value", nargs="?", metavar="VALUE",
                   help="a new value (e.g. 50MB), or `default`")
    json_flag(p)
    p.set_defaults(func=guarded(run))


def _default_max_size() -> int:
    from store import FetchLimits

    return FetchLimits().max_bytes


def _shown(lib: Library) -> dict[str, dict[str, object]]:
    from store.errors import size_text

    stored = lib.setting("max_size")
    size = stored or _default_max_size()
    return {"max-size": {"bytes": size, "shown": size_text(size), "default": not stored,
                         "about": SETTINGS["max-size"][1]}}


def run(lib: Library, args: argparse.Namespace) -> int:
    if args.name and args.value is not None:
        if args.value.strip().lower() == "default":
            lib.set_setting(SETTINGS[args.name][0], 0)
        else:
            try:
                lib.set_setting(SETTINGS[args.name][0], byte_size(args.value))
            except argparse.ArgumentTypeError as exc:
                error(f"{args.name}: {exc}")
                return EXIT_BAD_INPUT
    shown = _shown(lib)
    if args.name:
        shown = {args.name: shown[args.name]}
    if args.json:
        emit_json(shown)
        return 0
    for name, value in shown.items():
        note = " (the default)" if value["default"] else ""
        print(f"{name} = {value['shown']}{note}  — {value['about']}")
    return 0
