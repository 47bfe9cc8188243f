"""Bulk analysis on every core: the process pool (order, bounded work in flight, a dying worker)
and the store's bulk analysis (same results on one process or several, written by groups of
shards, memory let go as it goes). Real processes, real TinyDB files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from archive_support import slow_worker_pids, worker_dies, worker_pids, write_feed

import store.analyses as bulk
from analysis import ENGINE_VERSION, analyze
from store.errors import BylineError
from store.library import Library
from store.pool import POOL_FROM, default_jobs, ordered_map


def test_default_jobs_is_the_cores_this_process_may_use() -> None:
    assert default_jobs() == len(os.sched_getaffinity(0))


def test_the_pool_runs_work_on_other_processes_and_keeps_input_order() -> None:
    pairs = list(ordered_map(slow_worker_pids, range(300), jobs=2, send=lambda n: n, batch=8))
    assert [n for n, _pid in pairs] == list(range(300))
    pids = {pid for _n, pid in pairs}
    assert len(pids) == 2 and os.getpid() not in pids


def test_few_items_or_one_job_run_in_this_process() -> None:
    few = list(ordered_map(worker_pids, range(POOL_FROM - 1), jobs=2, send=lambda n: n))
    assert {pid for _n, pid in few} == {os.getpid()}
    one = list(ordered_map(worker_pids, range(200), jobs=1, send=lambda n: n))
    assert {pid for _n, pid in one} == {os.getpid()}


def test_the_pool_reads_its_input_lazily_with_bounded_work_in_flight() -> None:
    taken = 0

    def items():
        nonlocal taken
        for n in range(5000):
            taken += 1
            yield n

    work = ordered_map(worker_pids, items(), jobs=2, send=lambda n: n, batch=10, ahead=3)
    first = next(work)
    assert first[0] == 0
    assert taken <= POOL_FROM + 2 * 3 * 10 + 10  # not the 5,000 items
    assert [n for n, _pid in work] == list(range(1, 5000))
    assert taken == 5000


def test_a_worker_that_dies_is_one_clear_error() -> None:
    with pytest.raises(BylineError, match="worker process died"):
        list(ordered_map(worker_dies, range(200), jobs=2, send=lambda n: n))


def shard_files(home: Path, folder: str) -> dict[str, dict]:
    return {p.name: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted((home / folder).glob("*.json"))}


def entry_texts(home: Path) -> dict[str, str]:
    texts = {}
    for shard in shard_files(home, "chunks").values():
        texts.update({i: doc["text"] for i, doc in shard["bodies"].items()})
    return texts


@pytest.fixture
def feed(tmp_path: Path) -> Path:
    return write_feed(tmp_path / "wire.rss", 150)


def test_bulk_analysis_on_two_processes_stores_what_one_process_stores(tmp_path, feed) -> None:
    homes = {}
    for jobs in (1, 2):
        homes[jobs] = tmp_path / f"home-{jobs}"
        with Library.open(homes[jobs]) as lib:
            lib.add(str(feed))
            assert lib.pending_analyses() == 150
            seen: list[tuple[int, int]] = []
            assert lib.analyze_pending(lambda done, total, seen=seen: seen.append((done, total)),
                                       jobs=jobs) == 150
            assert seen[-1] == (150, 150) and len(seen) == 150
            assert lib.pending_analyses() == 0
    assert shard_files(homes[1], "analyses") == shard_files(homes[2], "analyses")
    assert shard_files(homes[1], "quotes") == shard_files(homes[2], "quotes")
    # and each is what the engine makes of that entry, stamped with the engine's version
    texts = entry_texts(homes[2])
    with Library.open(homes[2]) as lib:
        docs = {d["id"]: d for d in lib.index_docs()}
    stored = {}
    for shard in shard_files(homes[2], "analyses").values():
        stored.update(shard["analyses"])
    assert len(stored) == 150
    for article_id in list(stored)[::15]:
        doc = docs[article_id]
        made = analyze(texts[article_id], kind="entry", url=doc["link"], title=doc["title"],
                       published=doc["published"]).to_dict()
        assert stored[article_id] == {**made, "engine": ENGINE_VERSION}
        assert made["quotes"]  # the generated articles all quote someone


def test_bulk_analysis_writes_by_groups_of_shards_and_lets_them_go(tmp_path, feed,
                                                                   monkeypatch) -> None:
    whole = tmp_path / "whole"
    with Library.open(whole) as lib:
        lib.add(str(feed))
        lib.analyze_pending(jobs=2)
    monkeypatch.setattr(bulk, "GROUP_ENTRIES", 10)  # about fifteen groups
    monkeypatch.setattr(bulk, "CHUNK_CACHE_BYTES", 0)  # let go of feed texts after each
    grouped = tmp_path / "grouped"
    with Library.open(grouped) as lib:
        lib.add(str(feed))
        lib.files.release(list(lib.files._dbs))  # as a fresh process would start
        assert lib.analyze_pending(jobs=2) == 150
        held = {name for name, db in lib.files._dbs.items() if db.storage._loaded}
        assert not {n for n in held if n.startswith(("analyses/", "quotes/", "chunks/"))}
    assert shard_files(whole, "analyses") == shard_files(grouped, "analyses")
    assert shard_files(whole, "quotes") == shard_files(grouped, "quotes")


def test_shard_groups_cut_only_between_shards() -> None:
    docs = [{"id": f"{n % 40:02x}{n:014x}"} for n in range(400)]  # 40 shards of 10
    groups = bulk.shard_groups(docs, size=25)
    assert sum(map(len, groups)) == 400
    shards = [{d["id"][:2] for d in group} for group in groups]
    for a, b in zip(shards, shards[1:], strict=False):
        assert not a & b  # no shard in two groups: each shard file is written once
    assert all(25 <= len(g) <= 34 for g in groups[:-1])
