"""Archives: many inputs analysed into records, written as JSON Lines partitions.

A record is one JSON object on one line, made from one input by `analyse_input` (in a pool
worker, or on a Dask worker by `store.cluster`):

    {"id": "<16 hex>", "source": "<path or URL>", "engine": N, "analysis": {<Analysis.to_dict()>}}

`id` is the id `byline add` gives the same input (so loading it later and adding the file again
do not make two articles), `engine` the version of the engine that made the analysis. An input
that cannot be analysed becomes `{"id": "", "source": ..., "error": "<one line>"}`. Partitions
are `part-00000.jsonl`, `part-00001.jsonl`, ... in input order; `byline add --analyses DIR`
loads them (store.archive_load).
"""

from __future__ import annotations

import glob
import json
import os
from collections.abc import Iterable, Iterator
from contextlib import closing
from pathlib import Path
from typing import Any, TextIO

from .articles import analyze_safely, content_id, current_engine, url_id
from .errors import BylineError, SourceError
from .pool import default_jobs, ordered_map
from .sources import is_url, read_source

PARTITION_GLOB = "part-*.jsonl"
RECORDS_PER_PARTITION = 1000
_GLOB_CHARS = frozenset("*?[")


def partition_name(number: int) -> str:
    """The name of partition `number`; zero-padded, so names sort in input order."""
    return f"part-{number:05d}.jsonl"


def expand_inputs(targets: Iterable[str], stdin: TextIO | None = None) -> Iterator[str]:
    """Each input to analyse: a path or URL as given; every file under a folder (sorted, hidden
    files and folders left out); every file a glob pattern matches (`archive/**/*.html`, for
    lists too long for a command line); `-` reads one path or URL per line from stdin."""
    for target in targets:
        if target == "-" and stdin is not None:
            yield from (line.strip() for line in stdin if line.strip())
        elif is_url(target):
            yield target
        elif os.path.isdir(target):
            yield from _files_under(target)
        elif _GLOB_CHARS & set(target) and not os.path.exists(target):
            matches = sorted(glob.iglob(os.path.expanduser(target), recursive=True))
            files = [m for m in matches if os.path.isfile(m)]
            yield from files or [target]  # no match: reported as a missing file
        else:
            yield target


def _files_under(folder: str) -> Iterator[str]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(root, name)


def analyse_input(target: str) -> dict[str, Any]:
    """Read one input and analyse it into a record; a bad input gives an error record. Runs in
    pool and Dask workers: everything it needs comes in `target`."""
    try:
        source = read_source(target)
        if source.kind == "feed":
            raise SourceError(f"{target}: a feed, not an article (use `byline feeds add`)")
        analysis = analyze_safely(source.text, kind=source.kind, url=source.url, where=target)
    except BylineError as exc:
        return {"id": "", "source": target, "error": str(exc)}
    if is_url(target):
        article_id, where = url_id(target), source.location
    else:  # as `byline add` names a file: by its content, from where it lies
        article_id, where = content_id(source.raw), str(Path(target).expanduser().resolve())
    return {"id": article_id, "source": where, "engine": current_engine(),
            "analysis": analysis.to_dict()}


def analyse_inputs(targets: list[str]) -> list[dict[str, Any]]:
    """`analyse_input` over a batch (what a pool worker runs)."""
    return [analyse_input(target) for target in targets]


def analyse_many(inputs: Iterable[str], jobs: int | None = None) -> Iterator[dict[str, Any]]:
    """A record for each input, in input order, analysed on `jobs` processes (default: every
    core); inputs are read as they are needed (a list on stdin streams)."""
    work = ordered_map(analyse_inputs, inputs, jobs=jobs or default_jobs(), send=_same, batch=4)
    with closing(work):  # stopped early (a closed pipe, Ctrl-C): the pool stops with it
        for _target, record in work:
            yield record


def _same(target: str) -> str:
    return target


def record_line(record: dict[str, Any]) -> str:
    """A record as one JSON Lines line (without the newline); "id" first, so a loader can sort
    lines by id without parsing them."""
    return json.dumps(record, ensure_ascii=False)


def is_error(record: dict[str, Any]) -> bool:
    return "error" in record


def check_out_folder(out: Path) -> None:
    """A folder for partitions must not hold earlier ones: a shorter run would leave some of
    them behind, mixed with the new."""
    if out.exists() and not out.is_dir():
        raise SourceError(f"{out}: not a folder")
    if out.is_dir() and next(out.glob(PARTITION_GLOB), None) is not None:
        raise SourceError(f"{out}: already holds analysis partitions; choose an empty folder")


def write_partitions(records: Iterable[dict[str, Any]], out: Path,
                     per_partition: int = RECORDS_PER_PARTITION) -> Iterator[dict[str, Any]]:
    """Write records into numbered partitions in `out` (each written atomically once full),
    passing every record on as it goes (for progress and error lines)."""
    out.mkdir(parents=True, exist_ok=True)
    lines: list[str] = []
    number = 0
    for record in records:
        lines.append(record_line(record))
        if len(lines) >= per_partition:
            _write_partition(out / partition_name(number), lines)
            lines, number = [], number + 1
        yield record
    if lines or number == 0:
        _write_partition(out / partition_name(number), lines)


def _write_partition(path: Path, lines: list[str]) -> None:
    """Whole or not at all: a temp file renamed into place (a stopped run leaves no torn
    partition for `add --analyses` to read)."""
    temp = path.with_name(f".{path.name}.tmp")
    try:
        with temp.open("w", encoding="utf-8") as handle:
            handle.writelines(line + "\n" for line in lines)
        os.replace(temp, path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise SourceError(f"cannot write {path}: {exc.strerror or exc}") from None
