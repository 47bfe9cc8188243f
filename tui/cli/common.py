"""Plumbing shared by the store and feed subcommands: opening the store, errors, JSON."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from store.library import Library

EXIT_STORE = 1
EXIT_BAD_INPUT = 2
T = TypeVar("T")


def json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON only")


def jobs_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--jobs", "-j", type=_positive, metavar="N",
                        help="analyse on N processes (default: the cores available)")


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a whole number of at least 1: {value!r}")
    return number


def needs_action(parser: argparse.ArgumentParser, actions: str) -> None:
    """A command group run without its action prints usage and which actions exist."""

    def usage(_args: argparse.Namespace) -> int:
        parser.print_usage(sys.stderr)
        print(f"byline: {parser.prog.split()[-1]} needs an action: {actions}", file=sys.stderr)
        return EXIT_BAD_INPUT

    parser.set_defaults(func=usage)


def guarded(command: Callable[[Library, argparse.Namespace], int]) -> Callable[..., int]:
    """Open the store, run the command, turn store errors into one line and an exit code."""

    def run(args: argparse.Namespace) -> int:
        from store.errors import BylineError, StoreError
        from store.library import Library

        try:
            lib = Library.open(getattr(args, "home", None))
        except BylineError as exc:
            error(exc)
            return EXIT_STORE
        try:
            status = command(lib, args)
        except StoreError as exc:
            error(exc)
            status = EXIT_STORE
        except BylineError as exc:
            error(exc)
            status = EXIT_BAD_INPUT
        finally:
            for warning in lib.warnings:
                print(f"byline: warning: {safe(warning)}", file=sys.stderr)
            lib.close()
        return status

    return run


def error(exc: BaseException | str) -> None:
    print(f"byline: {safe(str(exc))}", file=sys.stderr)


def safe(text: str) -> str:
    """Untrusted text for the terminal: one line, no control characters or escape sequences."""
    from analysis import clean_text

    return " ".join(clean_text(text or "").split())


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


class PerInput:
    """Runs an action on each input: a bad one prints one line and the rest go on; `status` is
    then EXIT_BAD_INPUT. Store failures (locked, corrupt) still stop the command."""

    def __init__(self) -> None:
        self.status = 0

    def each(self, items: Iterable[str], action: Callable[[str], T]) -> Iterator[tuple[str, T]]:
        from store.errors import BylineError, StoreError

        for item in items:
            try:
                result = action(item)
            except StoreError:
                raise
            except BylineError as exc:
                self.fail(exc)
                continue
            yield item, result

    def fail(self, exc: BaseException | str) -> None:
        error(exc)
        self.status = EXIT_BAD_INPUT


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[..., None]]:
    """A transient Rich bar on stderr (stdout stays clean for --json); yields
    update(done, total, detail=""). What is printed meanwhile goes above the bar when it goes
    to the same terminal, and untouched where stdout is a file or a pipe. No bar (and nothing
    at all) on a stderr that is not a terminal."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    if not sys.stderr.isatty():
        yield lambda done, total, detail="": None
        return

    with Progress(TextColumn(label, markup=False), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[detail]}", markup=False),
                  console=Console(stderr=True), transient=True,
                  redirect_stdout=sys.stdout.isatty()) as bar:
        task = bar.add_task(label, total=None, detail="")

        def update(done: int, total: int, detail: str = "") -> None:
            bar.update(task, completed=done, total=total, detail=safe(detail)[-60:])

        yield update
