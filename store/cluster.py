"""The same analysis on a Dask cluster, for archives one machine cannot get through.

`analyse_on_dask` maps `store.archive.analyse_input` over a `dask.bag` of the input files and
writes the records as JSON Lines partitions, one per bag partition. Dask chooses the partitions,
schedules them and retries lost work; nothing of that is ours. Workers read the files
themselves, so they must see the same paths as this machine (a shared folder), and have the
same Byline installed (`pip install 'byline[dask]'`); each record carries the engine version
that made it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .archive import (
    PARTITION_GLOB,
    analyse_input,
    check_out_folder,
    expand_inputs,
    is_error,
    partition_name,
    record_line,
)
from .errors import BylineError, SourceError

CONNECT_TIMEOUT = "10s"


@dataclass
class ClusterReport:
    records: int = 0
    partitions: int = 0
    errors: list[str] = field(default_factory=list)  # one line per input that failed


def analyse_on_dask(address: str, targets: list[str], out: Path) -> ClusterReport:
    """Analyse every input (paths, folders, glob patterns) on the Dask scheduler at `address`,
    writing `out/part-NNNNN.jsonl` partitions in input order."""
    try:
        import dask
        import dask.bag as bag
        from dask.distributed import Client
    except ImportError:
        raise BylineError("Dask is not installed: pip install 'byline[dask]'") from None
    check_out_folder(out)
    paths = [t if "://" in t else os.path.abspath(t) for t in expand_inputs(targets)]
    if not paths:
        raise SourceError("no inputs to analyse")
    out.mkdir(parents=True, exist_ok=True)
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise BylineError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    with client:
        records = bag.from_sequence(paths).map(analyse_input)
        written = records.map(record_line).to_textfiles(
            str(out / PARTITION_GLOB), name_function=_partition_number, last_endline=True,
            compute=False)
        failed = records.filter(is_error).pluck("error")
        try:
            _, errors, count = dask.compute(written, failed, records.count())
        except Exception as exc:  # a worker lost for good, a path it cannot write...
            raise BylineError(f"the Dask computation failed: {type(exc).__name__}: "
                              f"{' '.join(str(exc).split())[:300]}") from None
    return ClusterReport(records=count, partitions=len(written), errors=list(errors))


def _partition_number(number: int) -> str:
    # to_textfiles puts this in place of the glob's "*": "part-*.jsonl" -> "part-00003.jsonl"
    return partition_name(number)[len("part-"):-len(".jsonl")]
