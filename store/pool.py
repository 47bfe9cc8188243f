"""Work spread over every core: an ordered map over a process pool, with bounded work in flight.

Used by the bulk analysis of the store and by `byline analyze` over many inputs. Items are sent
in batches (one round trip per batch, not per item); at most `jobs * ahead` batches are out at
once and the input is read lazily, so a million items never sit in memory together. Results
come back in input order. Workers come from a fork server (or are spawned where there is none):
a fresh process that imports what it needs, not a copy of a parent holding locks and threads.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import TypeVar

from .errors import BylineError

POOL_FROM = 64  # items: fewer run in this process

T = TypeVar("T")
P = TypeVar("P")
R = TypeVar("R")


def default_jobs() -> int:
    """The cores this process may run on."""
    count = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if count is not None:
        return count() or 1
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not every platform has it
        return os.cpu_count() or 1


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group: the parent stops the pool, workers stay quiet
    # (where processes are spawned, not forked from a server started with SIGINT blocked).
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextlib.contextmanager
def _interrupts_deferred() -> Iterator[None]:
    """Ctrl-C waits until the block is done: the pool's processes start meanwhile. Started with
    SIGINT blocked, the fork server and its workers never see a Ctrl-C (the terminal sends it
    to them too; it is this process's to handle), and none is interrupted half-started."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: caught.append(signum))
    masks = hasattr(signal, "pthread_sigmask")
    if masks:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        if masks:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


def _context(module: str) -> multiprocessing.context.BaseContext:
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # The server imports the work's module once; each worker starts as a fork of it, with the
    # engine imported (a no-op when the server already runs, as for a second pool).
    context.set_forkserver_preload([module])
    return context


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def ordered_map(func: Callable[[list[P]], list[R]], items: Iterable[T], *, jobs: int,
                send: Callable[[T], P], batch: int = 16, ahead: int = 3,
                pool_from: int = POOL_FROM) -> Iterator[tuple[T, R]]:
    """(item, result) for each item, in input order, where results come from
    `func([send(item) for item in a batch])` run on `jobs` processes.

    `func` must be a module-level function (workers import it by name) returning one result
    per payload; the items themselves stay in this process. With one job, or fewer than
    `pool_from` items (starting workers costs about what a hundred analyses do), no pool is
    started and the work runs here."""
    batches = _batches(items, batch)
    first = list(islice(batches, max(1, -(-pool_from // batch))))
    queued = _chain(first, batches)
    if jobs <= 1 or sum(map(len, first)) < pool_from:
        for chunk in queued:
            yield from zip(chunk, func([send(item) for item in chunk]), strict=True)
        return
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_context(func.__module__),
                               initializer=_ignore_interrupts)
    waiting: deque[tuple[list[T], Future[list[R]]]] = deque()
    try:
        with _interrupts_deferred():  # the first submissions start the worker processes
            for chunk in islice(queued, jobs * ahead):
                waiting.append((chunk, pool.submit(func, [send(item) for item in chunk])))
        while waiting:
            chunk, future = waiting.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                raise BylineError("an analysis worker process died (out of memory?); what was "
                                  "finished before is kept") from None
            following = next(queued, None)
            if following is not None:
                waiting.append((following, pool.submit(func, [send(i) for i in following])))
            yield from zip(chunk, results, strict=True)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _chain(first: list[list[T]], rest: Iterator[list[T]]) -> Iterator[list[T]]:
    yield from first
    yield from rest
