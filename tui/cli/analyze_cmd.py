"""`byline analyze PATH_OR_URL… [--json]`: run the analysis engine on files or URLs."""

from __future__ import annotations

import argparse
import json
import sys

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from analysis import Analysis, analyze
from store import read_source
from store.errors import BylineError
from tui.safe_text import block, one_line, plain

from .common import EXIT_BAD_INPUT, error


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("analyze", help="show summary, quotes by speaker and reactions of articles")
    p.add_argument("targets", nargs="+", metavar="PATH_OR_URL")
    p.add_argument("--json", action="store_true", help="one JSON object per article (JSON Lines)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    status = 0
    console = Console(highlight=False)
    for target in args.targets:
        try:
            source = read_source(target)
            if source.kind == "feed":
                raise BylineError(f"{target}: a feed, not an article (use `byline feeds add`)")
            result = analyze(source.text, kind=source.kind, url=source.url)
        except BylineError as exc:
            error(exc)
            status = EXIT_BAD_INPUT
            continue
        if args.json:
            sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        else:
            console.print(render(result))
    return status


def render(result: Analysis) -> Group:
    """A readable view of one analysis. Article text goes in Text objects (never markup),
    through the one sanitiser."""
    art = result.article
    head = plain(art.title or "(untitled)", style="bold")
    meta = " · ".join(one_line(x) for x in (art.dateline, art.byline, art.published) if x)
    parts: list = [head]
    if meta:
        parts.append(Text(meta, style="dim"))
    if result.summary:
        parts.append(Panel(block("\n".join(f"• {one_line(s)}" for s in result.summary)),
                           title="Summary", title_align="left"))
    by_speaker: dict[str, list[str]] = {}
    for q in result.quotes:
        by_speaker.setdefault(q.speaker_id, []).append(q.text)
    speakers = Table.grid(padding=(0, 1))
    for sp in result.speakers:
        quotes = by_speaker.get(sp.id, [])
        label = plain(sp.name, style="bold")
        if sp.role:
            label.append(f" — {one_line(sp.role)}", style="italic")
        label.append(f"  ({len(quotes)})", style="dim")
        speakers.add_row(label)
        for qt in quotes:
            speakers.add_row(Text(f"  “{one_line(qt)}”"))
    if result.speakers:
        parts.append(Panel(speakers, title="Quotes by speaker", title_align="left"))
    if result.reactions:
        table = Table("Actor", "Stance", "Evidence", expand=True, show_lines=False)
        for r in result.reactions:
            table.add_row(plain(r.actor), plain(r.stance), plain(r.text))
        parts.append(Panel(table, title="Reactions", title_align="left"))
    return Group(*parts)
