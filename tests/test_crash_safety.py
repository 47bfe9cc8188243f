"""Crash safety and sharing, with real processes: SIGKILL a writer at random moments; run two
writers on one store; hold the lock and check the message a second writer gets."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from store import db as store_db
from store.errors import StoreError
from store.library import Library

ROOT = Path(__file__).resolve().parent.parent

WRITER = textwrap.dedent("""
    import sys
    from analysis import Analysis, Article, Quote, Speaker
    from store.library import Library
    from store.records import FeedEntry

    home, tag, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
    lib = Library.open(home)
    feed = "http://crash.test/feed.xml"
    lib.add_feed(feed)
    n = 0
    while rounds < 0 or n < rounds:
        n += 1
        text = f"Quote {tag}-{n} is stored."
        art = Article(title=f"Story {tag}-{n}", published=f"2026-01-{n % 28 + 1:02d}",
                      paragraphs=["Padding " * 200, f"\\u201c{text}\\u201d said Ana Lopez."])
        analysis = Analysis(art, speakers=[Speaker("s1", "Ana Lopez")],
                            quotes=[Quote("q1", text, "Ana Lopez", "s1", 1, 1, 1 + len(text))])
        ref = lib.add_analysis(analysis, url=f"https://crash.test/{tag}/{n}")
        lib.add_bookmark(ref.id + ":q1", note=f"note {n}")
        lib.mark_read(ref.id)
        lib.merge_entries(feed, [FeedEntry(guid=f"{tag}-{n}-{k}", title=f"Entry {tag} {n} {k}",
                                           summary="Body " * 50) for k in range(20)])
        print(ref.id, flush=True)
        if n % 3 == 0:
            print("?" + previous, flush=True)  # removing: either state is fine if killed now
            lib.remove_article(previous)
            print("-" + previous, flush=True)
        previous = ref.id
""")


def run_writer(home: Path, tag: str, rounds: int) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", WRITER, str(home), tag, str(rounds)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def check_store(home: Path) -> Library:
    """Every store file parses, and the index names only articles whose body is on disk."""
    for path in home.rglob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))  # raises on a torn file
    lib = Library.open(home)
    assert lib.warnings == [], lib.warnings
    bodies: set[str] = set()
    for shard in [*home.glob("bodies/*.json"), *home.glob("chunks/*.json")]:
        bodies |= set(json.loads(shard.read_text()).get("bodies", {}))
    index_ids = {r.id for r in lib.articles()}
    assert index_ids <= bodies
    return lib


def test_sigkill_at_random_moments_leaves_old_or_new_state(home: Path) -> None:
    rng = random.Random(20260303)
    confirmed: set[str] = set()
    removed: set[str] = set()
    mid_write = 0
    for iteration in range(30):
        writer = run_writer(home, f"k{iteration}", -1)
        time.sleep(rng.uniform(0.35, 0.9))  # the interpreter starts in ~0.3 s
        writer.send_signal(signal.SIGKILL)
        out, _err = writer.communicate()
        for word in out.split():  # ids whose writes had returned before the kill
            if word.startswith("?"):
                confirmed.discard(word[1:])
            elif word.startswith("-"):
                removed.add(word[1:])
            else:
                confirmed.add(word)
        mid_write += any(home.rglob(".*.tmp"))  # killed between temp file and rename
        lib = check_store(home)
        stored = {r.id for r in lib.articles()}
        assert confirmed <= stored  # a finished write is never lost
        assert not removed & stored  # nor is a finished removal undone
        marks = lib.bookmarks()
        assert all(m.text.startswith("Quote k") for m in marks)  # whole, self-contained copies
        assert {f"{i}:q1" for i in confirmed} <= {m.quote_id for m in marks} | {
            f"{i}:q1" for i in stored}
        lib.close()
    assert confirmed, "the writer never got to finish a write; the test proves nothing"
    assert mid_write >= 1, "no kill landed inside a write; the test proves little"
    print(f"{mid_write} of 30 kills landed between a temp file and its rename")
    assert not list(home.glob(".*.tmp")), "temp files are swept on open"


def test_two_writers_on_one_store_lose_nothing(home: Path) -> None:
    Library.open(home).close()
    writers = [run_writer(home, tag, 12) for tag in ("a", "b")]
    outs = [w.communicate(timeout=120) for w in writers]
    for writer, (_out, err) in zip(writers, outs, strict=True):
        assert writer.returncode == 0, err
    words = outs[0][0].split() + outs[1][0].split()
    removed = {w[1:] for w in words if w.startswith("-")}
    added = {w for w in words if not w.startswith(("-", "?"))}
    assert len(added) == 24 and len(removed) == 8
    lib = check_store(home)
    assert {r.id for r in lib.articles() if not r.feed_url} == added - removed
    assert len(lib.bookmarks()) == 24  # bookmarks outlive their articles
    assert lib.feeds()[0].entry_count == 2 * 12 * 20
    assert {r.id for r in lib.articles() if r.read} == added - removed


HOLDER = textwrap.dedent("""
    import sys, time
    from store.library import Library
    lib = Library.open(sys.argv[1])
    with lib.files.writing():
        print("holding", flush=True)
        time.sleep(float(sys.argv[2]))
""")


def test_a_busy_store_gives_a_clear_message(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Library.open(home).close()
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(home), "30"], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        monkeypatch.setattr(store_db, "LOCK_WAIT_SECONDS", 0.3)
        lib = Library.open(home)
        assert lib.articles() == []  # reading needs no lock
        with pytest.raises(StoreError, match=rf"in use by another byline \(pid {holder.pid}\)"):
            lib.add_text("Blocked article\n\nIt cannot be written while the store is busy.")
        lib.close()
    finally:
        holder.kill()
        holder.wait()
    with Library.open(home) as lib:  # the lock dies with its holder
        lib.add_text("Later article\n\nNow it can be written.")
        assert len(lib.articles()) == 1
    assert os.path.exists(home / ".lock")


def test_reader_threads_beside_a_writer_thread(home: Path) -> None:
    """The reader app reads from worker threads while another thread writes."""
    import threading

    from store.records import FeedEntry

    lib = Library.open(home)
    feed = "http://threads.test/feed.xml"
    lib.add_feed(feed)
    errors: list[BaseException] = []
    done = threading.Event()

    def write() -> None:
        try:
            for n in range(40):
                lib.merge_entries(feed, [FeedEntry(guid=f"{n}-{k}", title=f"Entry {n} {k}",
                                                   summary="Harbour news " * 10)
                                         for k in range(10)])
                lib.mark_read(lib.entries()[0].id)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            done.set()

    def read() -> None:
        try:
            while not done.is_set():
                for ref in lib.articles(limit=5):
                    lib.article(ref.id)
                lib.search("harbour")
                lib.feeds()
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=write)] + [threading.Thread(target=read) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert lib.feed(feed).entry_count == 400
    lib.close()
    assert check_store(home).feed(feed).entry_count == 400
