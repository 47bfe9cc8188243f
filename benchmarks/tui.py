"""Reader speed on a 10,000-article store: first paint, and cursor → all panes updated.

    .venv/bin/python benchmarks/tui.py            # builds the store in a temp dir, prints figures
    .venv/bin/python benchmarks/tui.py --articles 2000 --runs 3 --moves 20   # quicker

(1) First paint and time to titles: the installed `byline` and a bare Textual app showing one
    Static are each started in a pseudo-terminal (80×24, TERM=xterm-256color) several times,
    alternating; the time from process start to the first frame on the terminal is recorded
    (the bare app's frame shows its one line; the reader's shows its pane titles), and the time
    until the reader shows the newest articles' titles (what a user waits for), each
    beside the bare app's paint: medians and ratios (target ≤ 1.5× for the titles).
(2) Cursor: the reader runs in-process (App.run_test, at 80×24 and 160×50) on the same store
    with a long article of many quotes open and the quotes pane focused; each ↓ is timed from
    the key reaching the app until the reader highlights the new quote, no message is left
    queued anywhere (reactions re-ordered too) and the frame is composed; median and p90.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# Run as a script, this folder would shadow the `tui` and `store` packages: drop it.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(ROOT))

TARGET_PAINT_RATIO = 1.5
TARGET_TITLES_RATIO = 1.5
UNREAD_MARK = "●"  # the article list's mark of an unread row (the bench store is all unread)
TARGET_MOVE_MS = 50.0
BARE_MARKER = "bare-textual-first-paint"
PAINT_TIMEOUT = 60.0
CURSOR_SIZES = ((80, 24), (160, 50))

LONG_ARTICLE_QUOTES = 40
SPEAKERS = [
    ("Maria Keller", "the finance minister"), ("Tom Reyes", "a union leader"),
    ("Ines Varga", "the harbour master"), ("Paul Okafor", "an economist at Portvale University"),
    ("Dana Holm", "the mayor"), ("Leo Brandt", "a shipping executive"),
]


# --- the store ------------------------------------------------------------------------------


def _shared_feed_writer():  # -> Callable[[int, Path], None] | None
    """`generated_feed(count, path)` from the store benchmark (benchmarks/store.py), if there."""
    path = HERE / "store.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("byline_bench_store", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return getattr(module, "generated_feed", None)


def generated_entries(count: int) -> list:
    """count feed entries, each a short article with two quotes (when the store benchmark's
    generator is missing)."""
    from store.records import FeedEntry

    entries = []
    for i in range(count):
        day = 1 + i % 28
        month = 1 + (i // 28) % 12
        year = 2024 - (i // (28 * 12))
        name, role = SPEAKERS[i % len(SPEAKERS)]
        other, other_role = SPEAKERS[(i + 1) % len(SPEAKERS)]
        content = (
            f"PORTVALE — Council session number {i} discussed the harbour budget and the ferry "
            f"timetable for district {i % 97}.\n\n"
            f"\"We need a decision on item {i} before the winter,\" said {name}, {role}.\n\n"
            f"{other}, {other_role}, disagreed. \"Item {i} can wait until spring,\" "
            f"{other.split()[-1]} said."
        )
        entries.append(FeedEntry(
            guid=f"bench-{i}", link=f"https://news.example/portvale/{i}",
            title=f"Portvale council session {i}: harbour item {i % 97}",
            summary=content[:120], content=content,
            published=f"{year:04d}-{month:02d}-{day:02d}T08:00:00Z",
        ))
    return entries


def long_article() -> str:
    """A standalone article with LONG_ARTICLE_QUOTES quotes: the one the cursor moves through."""
    paragraphs = [
        "Portvale harbour plan splits the council",
        "By Bench Writer",
        "Published: December 1, 2025",
        "PORTVALE — The council debated the harbour plan for a whole day on Monday.",
    ]
    for i in range(LONG_ARTICLE_QUOTES):
        name, role = SPEAKERS[i % len(SPEAKERS)]
        paragraphs.append(
            f"\"Point {i} of the plan decides who pays for the new quay,\" said {name}, {role}."
        )
        paragraphs.append(f"The council then moved on to the next part of the plan, part {i}.")
    return "\n\n".join(paragraphs) + "\n"


def build_store(home: Path, articles: int) -> str:
    """Fill home with `articles` articles; returns the id of the long article."""
    from store.library import Library

    write_feed = _shared_feed_writer()
    home.mkdir(parents=True, exist_ok=True)
    if write_feed is not None:  # the same generated RSS feed as the store benchmark
        feed = home.with_name(home.name + ".bench.rss")
        write_feed(articles - 1, feed)
        with Library.open(home) as lib:
            lib.add(str(feed))
        feed.unlink()
    else:
        with Library.open(home) as lib:
            entries = generated_entries(articles - 1)
            for start in range(0, len(entries), 1000):
                lib.merge_entries("https://news.example/portvale.rss", entries[start:start + 1000])
    with Library.open(home) as lib:
        return lib.add_text(long_article(), kind="text").id


# --- (1) first paint in a pseudo-terminal ---------------------------------------------------


def byline_command() -> str:
    found = shutil.which("byline") or str(Path(sys.executable).with_name("byline"))
    if not Path(found).exists():
        raise SystemExit("benchmarks/tui.py: the `byline` console script is not installed")
    return found


def time_to_text(argv: list[str], marker: str, then: str = "") -> tuple[float, float | None]:
    """Seconds from spawning argv in a pty to `marker` on screen (and to `then`, if given)."""
    import pexpect

    env = dict(os.environ, TERM="xterm-256color", COLUMNS="80", LINES="24")
    start = time.perf_counter()
    child = pexpect.spawn(argv[0], argv[1:], dimensions=(24, 80), env=env, encoding="utf-8",
                          codec_errors="replace", timeout=PAINT_TIMEOUT)
    try:
        child.expect_exact(marker)
        first = time.perf_counter() - start
        second = None
        if then:
            child.expect_exact(then)
            second = time.perf_counter() - start
        return first, second
    finally:
        child.sendcontrol("q")
        child.terminate(force=True)


def bare_app_main() -> None:
    """The baseline: a Textual app that shows one static widget."""
    from textual.app import App
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self):
            yield Static(BARE_MARKER)

    Bare().run()


def measure_first_paint(home: Path, runs: int, marker: str, titles_marker: str) -> dict:
    bare_argv = [sys.executable, str(Path(__file__).resolve()), "--bare-app"]
    reader_argv = [byline_command(), "--home", str(home)]
    time_to_text(bare_argv, BARE_MARKER)  # warm the OS file cache for both
    time_to_text(reader_argv, marker, titles_marker)
    bare, reader, listed = [], [], []
    for _ in range(runs):
        bare.append(time_to_text(bare_argv, BARE_MARKER)[0])
        paint, articles = time_to_text(reader_argv, marker, titles_marker)
        reader.append(paint)
        if articles is not None:
            listed.append(articles)
    return {
        "bare_ms": statistics.median(bare) * 1000,
        "reader_ms": statistics.median(reader) * 1000,
        "bare_min_ms": min(bare) * 1000,
        "reader_min_ms": min(reader) * 1000,
        "listed_ms": statistics.median(listed) * 1000 if listed else float("nan"),
        "listed_min_ms": min(listed) * 1000 if listed else float("nan"),
    }


# --- (2) cursor → all panes updated ---------------------------------------------------------


async def _until(condition, start: float, limit: float = 10.0) -> None:
    while not condition():
        if time.perf_counter() - start > limit:
            raise SystemExit("benchmarks/tui.py: the reader did not follow the cursor")
        await asyncio.sleep(0)


async def _drained(app) -> None:
    """Yield to the event loop until no node of the app has a queued message."""
    nodes = [app, *app.screen.walk_children(with_self=True)]
    while any(not node._message_queue.empty() for node in nodes):
        await asyncio.sleep(0)


async def _one_move(app, quotes, reader, key: str) -> tuple[float, bool]:
    """ms from the key reaching the app to every pane handled it and a frame was composed.

    Returns (ms, landed_on_a_quote). Only the event loop is yielded to while waiting (no
    timed sleeps), so the figure is the reader's own work: key → quotes cursor →
    QuoteHighlighted → reader highlight + scroll, reactions brought forward → layout and
    compositor update.
    """
    from textual import events

    line = quotes.highlighted
    start = time.perf_counter()
    app._driver.send_message(events.Key(key, None))
    await _until(lambda: quotes.highlighted != line, start)
    row = quotes.current
    quote = row.quote if row is not None else None
    if quote is not None:
        await _until(lambda: reader.current_quote == quote.id, start)
    await _drained(app)
    app.screen._on_timer_update()  # compose the frame now, as the next screen tick would
    return (time.perf_counter() - start) * 1000, quote is not None


async def _workers_done(app) -> None:
    """Wait for the app's workers; one cancelled by a newer exclusive one is fine."""
    from textual.worker import WorkerCancelled

    for _ in range(100):
        try:
            await app.workers.wait_for_complete()
            return
        except WorkerCancelled:  # it leaves the worker list once its task has ended
            await asyncio.sleep(0.01)


async def measure_cursor(home: Path, article_id: str, moves: int,
                         size: tuple[int, int]) -> list[float]:
    """ms per ↓/↑ in the quotes pane that lands on a quote (speaker rows are not counted)."""
    from tui.app import BylineApp
    from tui.widgets.quote_list import QuoteList
    from tui.widgets.reader import ReaderPane

    app = BylineApp(home=str(home))
    timings: list[float] = []
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        while not screen.listed:  # type: ignore[attr-defined]
            await _workers_done(app)
            await pilot.pause()
        screen.open_article(article_id)  # type: ignore[attr-defined]
        while screen.stored is None or screen.stored.ref.id != article_id:  # type: ignore
            await _workers_done(app)
            await pilot.pause()
        quotes = screen.query_one(QuoteList)
        reader = screen.query_one(ReaderPane)
        quotes.focus()
        quotes.highlighted = 0
        await pilot.pause()
        key = "down"
        while len(timings) < moves:
            if quotes.highlighted == (quotes.option_count - 1 if key == "down" else 0):
                key = "up" if key == "down" else "down"  # at an end of the list: turn around
            elapsed, on_quote = await _one_move(app, quotes, reader, key)
            if on_quote:
                timings.append(elapsed)
            await pilot.pause()  # settle (timers, scroll) between moves, outside the timing
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5, help="first-paint runs of each app")
    parser.add_argument("--moves", type=int, default=50, help="cursor moves to time")
    parser.add_argument("--home", help="reuse (or build) the store in this folder")
    parser.add_argument("--marker", default="Articles",
                        help="text on the reader's first frame (a pane title)")
    parser.add_argument("--bare-app", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare_app:
        bare_app_main()
        return 0

    tmp = None
    if args.home:
        home = Path(args.home)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="byline-bench-")
        home = Path(tmp.name) / "home"
    try:
        return run(home, args)
    finally:
        if tmp is not None:
            tmp.cleanup()


def run(home: Path, args: argparse.Namespace) -> int:
    from store.library import Library

    started = time.perf_counter()
    print("command:", " ".join([Path(sys.executable).name, *sys.argv]))
    remembered = home.with_name(home.name + ".long-article-id")
    if remembered.exists() and home.exists():
        article_id = remembered.read_text(encoding="utf-8").strip()
    else:
        article_id = build_store(home, args.articles)
        remembered.write_text(article_id, encoding="utf-8")
    with Library.open(home) as lib:
        count = len(lib.articles())
        lib.keep_listing_head()  # as the reader does after listing: its next start uses it
    print(f"store: {count} articles in {home} (ready in {time.perf_counter() - started:.1f} s)")

    # Titles are on screen when the list's first row is: its unread mark (● shows nowhere
    # else; a title's text would also match the reader's header, drawn later).
    paint = measure_first_paint(home, args.runs, args.marker, UNREAD_MARK)
    ratio = paint["reader_ms"] / paint["bare_ms"]
    print(f"first paint, median of {args.runs} (process start → first frame, 80×24 pty):")
    print(f"  bare Textual app, one Static : {paint['bare_ms']:7.0f} ms"
          f"   (fastest run {paint['bare_min_ms']:.0f} ms)")
    print(f"  byline reader                : {paint['reader_ms']:7.0f} ms"
          f"   (fastest run {paint['reader_min_ms']:.0f} ms)")
    print(f"  ratio                        : {ratio:7.2f}×  (target ≤ {TARGET_PAINT_RATIO}×;"
          f" fastest runs {paint['reader_min_ms'] / paint['bare_min_ms']:.2f}×)")
    titles_ratio = paint["listed_ms"] / paint["bare_ms"]
    print(f"time to titles, median of {args.runs} (process start → the newest titles listed on "
          "screen, 80×24 pty):")
    print(f"  bare Textual app, one Static : {paint['bare_ms']:7.0f} ms   (its first paint)")
    print(f"  byline reader, titles        : {paint['listed_ms']:7.0f} ms"
          f"   (fastest run {paint['listed_min_ms']:.0f} ms)")
    print(f"  ratio                        : {titles_ratio:7.2f}×  (target ≤ "
          f"{TARGET_TITLES_RATIO}×; fastest runs "
          f"{paint['listed_min_ms'] / paint['bare_min_ms']:.2f}×)")

    medians = []
    for size in CURSOR_SIZES:
        timings = asyncio.run(measure_cursor(home, article_id, args.moves, size))
        median = statistics.median(timings)
        medians.append(median)
        p90 = statistics.quantiles(timings, n=10)[-1] if len(timings) > 1 else median
        print(f"cursor one quote → all panes updated, {len(timings)} moves at "
              f"{size[0]}×{size[1]}:")
        print(f"  median {median:.1f} ms, p90 {p90:.1f} ms, max {max(timings):.1f} ms "
              f"(target median ≤ {TARGET_MOVE_MS:.0f} ms)")
    ok = (ratio <= TARGET_PAINT_RATIO and titles_ratio <= TARGET_TITLES_RATIO
          and max(medians) <= TARGET_MOVE_MS)
    print("PASS" if ok else "MISS")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
