"""Feed subcommands: `feeds {add,list,remove,import,export}` and `refresh`.

Listings take --json (then stdout holds JSON only). A bad input prints one `byline: ...` line
on stderr, the command goes on with the other inputs and exits 2 at the end; a store that
cannot be used (locked, newer schema) exits 1, as in the other store commands. Heavy imports
(the store, httpx, Rich) happen inside the commands so `byline --help` stays quick.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from .common import (
    EXIT_BAD_INPUT,
    emit_json,
    error,
    guarded,
    json_flag,
    max_size_flag,
    needs_action,
    progress_bar,
    safe,
)

if TYPE_CHECKING:
    from store.library import Library

TABLE_ROWS = 300  # past this many feeds, `feeds list` prints one line a feed

def register(sub: argparse._SubParsersAction) -> None:
    """Add `feeds ...` and `refresh` to the `byline` parser."""
    p = sub.add_parser("feeds", help="the feeds you follow: add, list, remove, import, export")
    needs_action(p, "add, list, remove, import or export")
    actions = p.add_subparsers(dest="action", metavar="ACTION")

    a = actions.add_parser("add", help="follow feeds (URLs or feed files) and load them now")
    a.add_argument("targets", nargs="+", metavar="URL_OR_PATH")
    _timeout_flag(a)
    max_size_flag(a, "for these feeds, now and from now on")
    json_flag(a)
    a.set_defaults(func=guarded(run_add))

    a = actions.add_parser("list", help="the feeds followed, with entry counts and last errors")
    json_flag(a)
    a.set_defaults(func=guarded(run_list))

    a = actions.add_parser("remove", help="stop following feeds (their entries go too)")
    a.add_argument("urls", nargs="+", metavar="URL_OR_PATH")
    json_flag(a)
    a.set_defaults(func=guarded(run_remove))

    a = actions.add_parser("import", help="follow the feeds listed in an OPML file")
    a.add_argument("opml", metavar="FILE.opml")
    json_flag(a)
    a.set_defaults(func=guarded(run_import))

    a = actions.add_parser("export", help="print the feeds followed as OPML 2.0")
    a.set_defaults(func=guarded(run_export))

    p = sub.add_parser("refresh", help="fetch every feed now (exit 2 when some feed failed)")
    _timeout_flag(p)
    max_size_flag(p, "for every feed, this time")
    json_flag(p)
    p.set_defaults(func=guarded(run_refresh))


def _timeout_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("--timeout", type=_seconds, default=None, metavar="SECONDS",
                   help="network timeout per read (default 10; connect at most 5)")


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not 0 < seconds <= 600:
        raise argparse.ArgumentTypeError("timeout must be between 0 and 600 seconds")
    return seconds


def _limits(args: argparse.Namespace) -> Any:
    from store import FetchLimits

    return FetchLimits.with_timeout(getattr(args, "timeout", None))


def run_add(lib: Library, args: argparse.Namespace) -> int:
    from store import load_feed
    from store.errors import StoreError

    status, added = 0, []
    for target in args.targets:
        try:
            record, result = load_feed(lib, target, _limits(args), max_size=args.max_size)
        except StoreError:
            raise
        except Exception as exc:  # BylineError, or anything a hostile feed provokes
            from store.errors import BylineError

            error(exc if isinstance(exc, BylineError) else f"{target}: cannot be added "
                   f"({type(exc).__name__})")
            status = EXIT_BAD_INPUT
            continue
        added.append({"url": record.url, "title": record.title, "entries": record.entry_count,
                      "new_entries": result.new_entries, "status": result.status})
        if not args.json:
            found = target.strip().startswith(("http://", "https://")) and \
                record.url != target.strip()
            print(f"{safe(record.title) or '(untitled)'} — {safe(record.url)}: "
                  f"{record.entry_count} entries ({result.new_entries} new)"
                  + (" — the feed the page names" if found else ""))
    if args.json:
        emit_json(added)
    return status


def run_list(lib: Library, args: argparse.Namespace) -> int:
    feeds = lib.feeds()
    rows = [{"url": f.url, "title": f.title, "entries": f.entry_count,
             "last_fetch": f.last_fetch, "last_error": f.last_error} for f in feeds]
    if args.json:
        emit_json(rows)
        return 0
    if not rows:
        print("no feeds yet: `byline feeds add URL_OR_PATH` or `byline feeds import FILE.opml`")
        return 0
    if len(rows) > TABLE_ROWS:
        _print_long_list(rows)
        return 0
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table("Feed", "Entries", "Last fetch", "Last error", expand=True)
    for row in rows:
        name = Text(safe(row["title"]) or "(untitled)", style="bold")
        name.append("\n" + safe(row["url"]), style="dim")
        table.add_row(name, Text(str(row["entries"])), Text(row["last_fetch"] or "never"),
                      Text(safe(row["last_error"]), style="red"))
    Console(highlight=False).print(table)
    return 0


def _print_long_list(rows: list[dict[str, Any]]) -> None:
    """Thousands of feeds, one line each (a table that long takes Rich ~1 ms a row)."""
    width = len(str(max(row["entries"] for row in rows)))
    lines = []
    for row in rows:
        fetched = row["last_fetch"] or "never fetched"
        lines.append(f"{row['entries']:>{width}}  {fetched:<20}  "
                     f"{safe(row['title']) or '(untitled)'} — {safe(row['url'])}")
        if row["last_error"]:
            lines.append(f"{'':>{width}}  last error: {safe(row['last_error'])}")
    sys.stdout.write("\n".join(lines) + "\n")


def run_remove(lib: Library, args: argparse.Namespace) -> int:
    status, removed = 0, []
    for url in args.urls:
        if lib.remove_feed(url):
            removed.append(url)
            if not args.json:
                print(f"removed {safe(url)}")
        else:
            error(f"{url}: no such feed (see `byline feeds list`)")
            status = EXIT_BAD_INPUT
    if args.json:
        emit_json({"removed": removed})
    return status


def run_import(lib: Library, args: argparse.Namespace) -> int:
    from pathlib import Path

    from store import parse_opml
    from store.errors import SourceError

    path = Path(args.opml)
    try:
        with path.open("rb") as handle:  # streamed: an OPML file of any length
            listed = parse_opml(handle, args.opml)
    except OSError as exc:
        raise SourceError(f"{args.opml}: cannot read ({exc.strerror or exc})") from None
    fresh = set(lib.add_feeds(listed))
    rows = [{"url": url, "title": title, "new": url in fresh} for url, title in listed]
    if args.json:
        emit_json(rows)
    else:
        print(f"imported {len(fresh)} new feeds ({len(rows) - len(fresh)} already followed); "
              "run `byline refresh` to load them")
    return 0


def run_export(lib: Library, args: argparse.Namespace) -> int:
    from store import export_opml

    sys.stdout.write(export_opml(lib.feeds()))
    return 0


def run_refresh(lib: Library, args: argparse.Namespace) -> int:
    from store import refresh_feeds

    if args.json or not sys.stderr.isatty():
        report = refresh_feeds(lib, limits=_limits(args), max_size=args.max_size)
    else:
        report = _refresh_with_bar(lib, args)
    if args.json:
        emit_json({**report.to_dict(), "errors": len(report.errors)})
    elif not report.results:
        print("no feeds to refresh: `byline feeds add URL_OR_PATH` or `byline feeds import "
              "FILE.opml`")
    else:
        counts = {s: sum(r.status == s for r in report.results)
                  for s in ("ok", "not-modified", "error")}
        n = len(report.results)
        print(f"refreshed {n} feed{'' if n == 1 else 's'} in {report.seconds:.1f} s: "
              f"{report.new_entries} new entries, {counts['not-modified']} not modified, "
              f"{counts['error']} failed")
    for failed in report.errors:
        error(f"{failed.url}: {failed.error}")
    return EXIT_BAD_INPUT if report.errors else 0


def _refresh_with_bar(lib: Library, args: argparse.Namespace) -> Any:
    from store import refresh_feeds

    with progress_bar("refreshing") as update:
        return refresh_feeds(lib, update, limits=_limits(args), max_size=args.max_size)


