"""`byline analyze INPUT… [--json] [--jobs N] [--out DIR] [--dask SCHEDULER]`: run the analysis
engine on files, folders, URLs or glob patterns (`-` reads paths from stdin), on every core.

Results stream in input order: readable panels, or one JSON object per article (`--json`), or
JSON Lines partitions in a folder (`--out`, what `byline add --analyses` loads). `--dask` runs
the same analysis on a Dask cluster. A bad input prints one `byline: …` line and the others go
on; the exit status is then 2.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from analysis import Analysis
from store.errors import BylineError
from tui.safe_text import block, one_line, plain

from .common import EXIT_BAD_INPUT, EXIT_STORE, emit_json, error, jobs_flag, progress_bar, safe


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "analyze", help="show summary, quotes by speaker and reactions of articles",
        description="Analyse articles: files, folders (every file under them), URLs, glob "
                    "patterns (quoted: 'archive/**/*.html'); - reads one path per line from "
                    "stdin. Uses every core; results stream in input order.")
    p.add_argument("targets", nargs="+", metavar="INPUT")
    p.add_argument("--json", action="store_true", help="one JSON object per article (JSON Lines)")
    jobs_flag(p)
    p.add_argument("--out", metavar="DIR", type=Path,
                   help="write the analyses to DIR as JSON Lines partitions (part-NNNNN.jsonl) "
                        "for `byline add --analyses DIR`, instead of printing them")
    p.add_argument("--dask", metavar="SCHEDULER",
                   help="run on the Dask cluster at this address (needs --out and "
                        "pip install 'byline[dask]'; workers must see the same paths)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.dask:
        return _run_on_dask(args)
    from store import check_out_folder, expand_inputs

    if args.out is not None:
        try:
            check_out_folder(args.out)
        except BylineError as exc:
            error(exc)
            return EXIT_BAD_INPUT
    inputs: Any = expand_inputs(args.targets, sys.stdin)
    if "-" not in args.targets:
        inputs = list(inputs)  # folders and patterns listed first: the bar knows its total
    try:
        written, failed = _stream(args, inputs)
    except BylineError as exc:  # the output folder cannot be written, a worker died...
        error(exc)
        return EXIT_STORE
    if args.out is not None:
        _report_out(args, written, failed)
    return EXIT_BAD_INPUT if failed else 0


def _stream(args: argparse.Namespace, inputs: Any) -> tuple[int, int]:
    """Analyse the inputs and show or write each record as it comes, in input order; how many
    were analysed and how many failed (one error line each)."""
    from store import analyse_many, write_partitions

    console = Console(highlight=False)
    records = analyse_many(inputs, args.jobs)
    if args.out is not None:
        records = write_partitions(records, args.out)
    done = failed = 0
    total = len(inputs) if isinstance(inputs, list) else None
    with _progress(total) as update, contextlib.closing(records):
        for record in records:
            done += 1
            update(done)
            if "error" in record:
                error(record["error"])
                failed += 1
            elif args.out is not None:
                continue
            elif args.json:
                sys.stdout.write(json.dumps(record["analysis"], ensure_ascii=False) + "\n")
            else:
                console.print(render(Analysis.from_dict(record["analysis"]),
                                     str(record.get("source", ""))))
    return done - failed, failed


@contextlib.contextmanager
def _progress(total: int | None) -> Iterator[Any]:
    """A bar on stderr when stderr is a terminal and there is more than one input."""
    if total == 1:
        yield lambda done: None
        return
    with progress_bar("analysing") as update:
        yield lambda done: update(done, total)


def _report_out(args: argparse.Namespace, written: int, failed: int) -> None:
    if args.json:
        emit_json({"out": str(args.out), "analyses": written, "failed": failed})
    else:
        print(f"byline: wrote {written} analyses to {safe(str(args.out))}", file=sys.stderr)


def _run_on_dask(args: argparse.Namespace) -> int:
    from store import analyse_on_dask

    if args.out is None:
        error("--dask writes JSON Lines partitions: give a folder with --out DIR")
        return EXIT_BAD_INPUT
    if "-" in args.targets:
        args.targets = [t for t in args.targets if t != "-"] + [
            line.strip() for line in sys.stdin if line.strip()]
    try:
        report = analyse_on_dask(args.dask, args.targets, args.out)
    except BylineError as exc:
        error(exc)
        return EXIT_BAD_INPUT
    for line in report.errors:
        error(line)
    _report_out(args, report.records - len(report.errors), len(report.errors))
    return EXIT_BAD_INPUT if report.errors else 0


def render(result: Analysis, source: str = "") -> Group:
    """A readable view of one analysis. Article text goes in Text objects (never markup),
    through the one sanitiser. Copy with no headline is headed by where it came from."""
    art = result.article
    head = plain(art.title or Path(source).name or "(untitled)", style="bold")
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
