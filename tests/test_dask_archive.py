"""`byline analyze --dask`: the same analysis on a Dask cluster (a real `LocalCluster` of two
worker processes on 127.0.0.1) gives, article for article, what one process gives; its
partitions load into the store. Skipped when the `dask` extra is not installed (CI installs it).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from archive_support import write_articles

from store.library import Library

distributed = pytest.importorskip("dask.distributed")

ROOT = Path(__file__).resolve().parent.parent


def byline(*args: str, home: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if home is not None:
        env["BYLINE_HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "tui.cli.run", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def lines(folder: Path) -> list[dict]:
    return [json.loads(line) for part in sorted(folder.glob("part-*.jsonl"))
            for line in part.read_text(encoding="utf-8").splitlines()]


def test_a_dask_cluster_gives_what_one_process_gives(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    write_articles(archive, 300)
    (archive / "article-0150x.txt").write_text("  \n")  # a bad input among them
    single = tmp_path / "single"
    done = byline("analyze", "--jobs", "1", str(archive), "--out", str(single))
    assert done.returncode == 2 and "wrote 300 analyses" in done.stderr

    on_dask = tmp_path / "dask"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as cluster:
        done = byline("analyze", "--dask", cluster.scheduler_address,
                      str(archive / "*.txt"), "--out", str(on_dask))
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines() == [
        f"byline: {archive / 'article-0150x.txt'}: empty input",
        f"byline: wrote 300 analyses to {on_dask}"]
    assert len(list(on_dask.glob("part-*.jsonl"))) > 1  # Dask partitioned the bag

    expected, got = lines(single), lines(on_dask)
    assert len(got) == len(expected) == 301
    for mine, theirs in zip(expected, got, strict=True):
        assert theirs == mine  # id, source, engine stamp and analysis, article for article

    home = tmp_path / "home"
    done = byline("add", "--analyses", str(on_dask), home=home)
    assert done.stdout == "added 300 articles\n"
    with Library.open(home) as lib:
        assert len(lib.articles()) == 300 and lib.speakers()


def test_dask_needs_an_output_folder_and_a_reachable_scheduler(tmp_path: Path) -> None:
    write_articles(tmp_path / "a", 2)
    done = byline("analyze", "--dask", "tcp://127.0.0.1:9", str(tmp_path / "a"))
    assert done.returncode == 2 and "--out" in done.stderr
    done = byline("analyze", "--dask", "tcp://127.0.0.1:9", str(tmp_path / "a"),
                  "--out", str(tmp_path / "out"))
    assert done.returncode == 2
    assert done.stderr.startswith("byline: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert "Traceback" not in done.stderr
