"""Bulk analysis on every core: 10,000 stored feed entries analysed on one core, then on all.

    .venv/bin/python benchmarks/bulk_analysis.py [--entries 10000] [--files 2000] [--jobs N]
                                                 [--runs 1]

1. Builds one store holding a generated feed (benchmarks/store.py's entries), copies it for
   each run, and times `Library.analyze_pending` (what `byline speakers --all` runs) with one
   job and with N (default: the cores available). Target (issue 12): N jobs take at most 0.6x
   the one-job time on a 2-core machine. Both runs must leave the same analyses (checked).
2. `byline analyze` over many files (the seed articles, retitled, seed-sized: 4-9 kB) written
   as JSON Lines partitions (`--out`), one job and N; then `byline add --analyses` loading
   those partitions into an empty store.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from store.library import Library  # noqa: E402
from store.pool import default_jobs  # noqa: E402


def _store_benchmark():  # benchmarks/store.py, whose name hides the store package
    spec = importlib.util.spec_from_file_location("store_benchmark", ROOT / "benchmarks/store.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build(entries: int, work: Path) -> Path:
    feed, home = work / "bench.rss", work / "template"
    _store_benchmark().generated_feed(entries, feed)
    with Library.open(home) as lib:
        lib.add(str(feed))
    return home


def timed_run(template: Path, work: Path, jobs: int) -> tuple[float, Path]:
    home = work / f"run-{jobs}-{time.monotonic_ns()}"
    shutil.copytree(template, home)
    with Library.open(home) as lib:
        start = time.perf_counter()
        done = lib.analyze_pending(jobs=jobs)
        seconds = time.perf_counter() - start
        assert done == len(lib.index_docs()), (done, len(lib.index_docs()))
    return seconds, home


def archive_files(count: int, folder: Path) -> list[str]:
    """`count` article files: the seed articles, each copy retitled so that every id differs."""
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    folder.mkdir(parents=True)
    paths = []
    for n in range(count):
        title, rest = seeds[n % len(seeds)].read_text(encoding="utf-8").split("\n", 1)
        path = folder / f"{n:06d}.txt"
        path.write_text(f"{title} ({n})\n{rest}", encoding="utf-8")
        paths.append(str(path))
    return paths


def archive_run(paths: list[str], out: Path, jobs: int) -> float:
    from store.archive import analyse_many, write_partitions

    start = time.perf_counter()
    for _record in write_partitions(analyse_many(paths, jobs), out):
        pass
    return time.perf_counter() - start


def archive_figures(count: int, jobs: int, work: Path) -> None:
    paths = archive_files(count, work / "archive")
    one = archive_run(paths, work / "out-1", 1)
    many = archive_run(paths, work / f"out-{jobs}", jobs)
    same = [p.read_bytes() for p in sorted((work / "out-1").iterdir())] == [
        p.read_bytes() for p in sorted((work / f"out-{jobs}").iterdir())]
    assert same, "the runs wrote different records"
    print(f"\nbyline analyze --out over {count} seed-sized files")
    print(f"1 job:  {one:7.2f} s  ({count / one:6.0f} articles/s)")
    print(f"{jobs} jobs: {many:7.2f} s  ({count / many:6.0f} articles/s; ratio {many / one:.2f}x)")
    with Library.open(work / "loaded") as lib:
        start = time.perf_counter()
        report = lib.add_analyses([work / "out-1"])
        seconds = time.perf_counter() - start
    assert report.added == count, report
    size = sum(p.stat().st_size for p in (work / "out-1").iterdir())
    print(f"byline add --analyses: {seconds:7.2f} s  ({count / seconds:6.0f} records/s, "
          f"{size / 1e6:.0f} MB of partitions)")


def digests(home: Path) -> dict:
    with Library.open(home) as lib:
        return lib.quote_digests()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--files", type=int, default=2000,
                        help="files for the `analyze --out` figures (0: skip them)")
    parser.add_argument("--runs", type=int, default=1, help="runs of each; medians printed")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="byline-bulk-"))
    try:
        template = build(args.entries, work)
        print(f"{args.entries} feed entries; {default_jobs()} cores available")
        one, many = [], []
        for _ in range(args.runs):
            seconds, home_one = timed_run(template, work, 1)
            one.append(seconds)
            seconds, home_many = timed_run(template, work, args.jobs)
            many.append(seconds)
        assert digests(home_one) == digests(home_many), "the runs stored different analyses"
        t1, tn = statistics.median(one), statistics.median(many)
        print(f"1 job:  {t1:7.2f} s  ({args.entries / t1:6.0f} entries/s)")
        print(f"{args.jobs} jobs: {tn:7.2f} s  ({args.entries / tn:6.0f} entries/s)")
        ratio = tn / t1
        print(f"ratio {ratio:.2f}x  (target <= 0.60x: {'ok' if ratio <= 0.6 else 'MISSED'})")
        if args.files:
            archive_figures(args.files, args.jobs, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
