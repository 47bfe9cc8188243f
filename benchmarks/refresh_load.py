"""Load: 200 feeds of 500 entries each, refreshed from a local server in one run.

Usage: python benchmarks/refresh_load.py [--feeds N] [--entries M] [--no-reader]

Generates N RSS feeds of M entries (text written for this benchmark, every link distinct),
serves them on 127.0.0.1 with ETags, follows them all in a fresh store (one OPML import), then:
  (1) `byline refresh --json` in its own process: wall time, entries stored, peak memory
      (the process's maximum resident set size), and a second refresh where every feed
      answers 304 Not Modified;
  (2) unless --no-reader: the reader (App.run_test, 120x40) on another fresh store of the same
      feeds, `r` pressed, and while the refresh runs in the background ↓/↑ are pressed in the
      article list, each timed from the key reaching the app until it is handled: median,
      p90 and worst key latency, and how many keys fell inside the refresh.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
sys.path.insert(0, str(ROOT))

TOWNS = ["Serrin", "Valmere", "Oakhurst", "Port Lenna", "Kessel Bay", "Marrow Hill", "Keston"]
TOPICS = ["ferry timetable", "dock strike", "coast road repairs", "school budget",
          "flood defences", "night bus routes", "fishing quotas", "library hours"]


def generate_feed(number: int, entries: int) -> bytes:
    town = TOWNS[number % len(TOWNS)]
    items = []
    for i in range(entries):
        topic = TOPICS[(i + number) % len(TOPICS)]
        text = (f"<p>Officials in {town} met on Tuesday to discuss the {topic}, item {i} on a "
                f"crowded agenda.</p><p>\u201cWe owe residents a clear answer,\u201d said the "
                f"mayor of {town}. Critics said the plan would cost too much.</p>")
        items.append(
            f"<item><title>{escape(f'{town} weighs the {topic} (feed {number}, {i})')}</title>"
            f"<link>http://feed{number}.bench.test/{i}</link>"
            f"<guid isPermaLink=\"false\">f{number}-{i}</guid>"
            f"<pubDate>{formatdate(1_790_000_000 + i * 600, usegmt=True)}</pubDate>"
            f"<description>{escape(text)}</description></item>")
    return ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            f"<title>{town} Bench Wire {number}</title><link>http://feed{number}.bench.test/"
            "</link><description>Generated for the load benchmark</description>"
            + "".join(items) + "</channel></rss>").encode()


def serve(bodies: list[bytes]) -> tuple[ThreadingHTTPServer, list[str]]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def do_GET(self) -> None:  # noqa: N802
            try:
                number = int(self.path.strip("/").split(".")[0].removeprefix("feed"))
                body = bodies[number]
            except (ValueError, IndexError):
                self.send_error(404)
                return
            etag = f'"bench-{number}"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    port = httpd.server_address[1]
    return httpd, [f"http://127.0.0.1:{port}/feed{n}.xml" for n in range(len(bodies))]


def follow(home: Path, urls: list[str]) -> None:
    from store.library import Library

    with Library.open(home) as lib:
        lib.add_feeds([(url, "") for url in urls])


PROBE = """
import json, resource, sys, time
from tui.cli import main
started = time.perf_counter()
code = main(sys.argv[1:])
print(json.dumps({"code": code, "seconds": time.perf_counter() - started,
                  "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}),
      file=sys.stderr)
"""


def refresh_in_a_process(home: Path) -> tuple[dict, dict]:
    done = subprocess.run([sys.executable, "-c", PROBE, "--home", str(home), "refresh",
                           "--json"], capture_output=True, text=True, timeout=3600, cwd=ROOT,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    measured = json.loads(done.stderr.strip().splitlines()[-1])
    return json.loads(done.stdout), measured


async def timed_key(app, listing, key: str, refreshing) -> float | None:
    """Seconds from the key reaching the app until the article list's cursor moved. The wait
    polls from the app's own event loop: if that loop were blocked, so would the poll be.
    None when the refresh ended meanwhile (its new listing may put the cursor back)."""
    from textual import events

    before_cursor = listing.cursor
    started = time.perf_counter()
    app.post_message(events.Key(key, None))
    while listing.cursor == before_cursor:
        if not refreshing.display:
            return None
        await asyncio.sleep(0.001)
    return time.perf_counter() - started


async def keys_during_refresh(home: Path) -> tuple[list[float], float]:
    from tui.app import BylineApp
    from tui.screens.main import MainScreen
    from tui.widgets.article_list import ArticleList

    app = BylineApp(home)
    latencies: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(200):  # the store opens in a worker
            await pilot.pause(0.05)
            if isinstance(app.screen, MainScreen) and app.screen.library is not None:
                break
        screen = app.screen
        listing = screen.query_one(ArticleList)
        listing.focus()
        bar = screen.query_one("#refresh-bar")
        started = time.perf_counter()
        await pilot.press("r")
        while not bar.display:
            await asyncio.sleep(0.01)
        while bar.display:
            if len(listing.article_ids) > 2:  # entries arrive as feeds are stored
                key = "down" if listing.cursor < 1 else "up"
                latency = await timed_key(app, listing, key, bar)
                if latency is not None:
                    latencies.append(latency)
            await asyncio.sleep(0.05)
        refresh_seconds = time.perf_counter() - started
    return latencies, refresh_seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--entries", type=int, default=500)
    parser.add_argument("--no-reader", action="store_true", help="skip the key latency part")
    args = parser.parse_args()

    bodies = [generate_feed(n, args.entries) for n in range(args.feeds)]
    httpd, urls = serve(bodies)
    total = sum(len(b) for b in bodies)
    print(f"{args.feeds} feeds of {args.entries} entries: {total / 1e6:.1f} MB served from "
          f"127.0.0.1 (ETags: a second refresh gets 304s)")
    try:
        with tempfile.TemporaryDirectory(prefix="byline-load-") as tmp:
            home = Path(tmp) / "store"
            follow(home, urls)
            report, measured = refresh_in_a_process(home)
            stored = report["new_entries"]
            print(f"refresh: {measured['seconds']:.1f} s, {stored} entries stored, "
                  f"{report['errors']} feeds failed; peak memory {measured['peak_kb'] / 1024:.0f}"
                  f" MB (whole process, Python and imports included)")
            again, measured = refresh_in_a_process(home)
            unchanged = sum(r["status"] == "not-modified" for r in again["results"])
            print(f"second refresh: {measured['seconds']:.2f} s ({unchanged} of {args.feeds} "
                  f"not modified); peak memory {measured['peak_kb'] / 1024:.0f} MB")
        if not args.no_reader:
            with tempfile.TemporaryDirectory(prefix="byline-load-") as tmp:
                home = Path(tmp) / "store"
                follow(home, urls)
                latencies, seconds = asyncio.run(keys_during_refresh(home))
                ms = sorted(x * 1000 for x in latencies)
                p90 = ms[int(0.9 * (len(ms) - 1))]
                print(f"reader during that refresh ({seconds:.1f} s in the background): "
                      f"{len(ms)} keys, latency median {statistics.median(ms):.0f} ms, "
                      f"p90 {p90:.0f} ms, worst {ms[-1]:.0f} ms")
        print(f"(this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}"
              " MB peak, serving the feeds)")
    finally:
        httpd.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
