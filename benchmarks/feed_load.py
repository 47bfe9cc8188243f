"""Loading one 5,000-entry feed into a fresh store: byline against newsboat, side by side.

Usage: python benchmarks/feed_load.py [--entries N] [--runs R] [--no-validators]

Generates an RSS feed (text written for this benchmark), serves it on 127.0.0.1 with ETag and
Last-Modified (as real servers do; --no-validators drops them, so `refresh` downloads the
whole feed again and finds it unchanged by its digest), then times, as a user would run them:
  byline:   `byline --home TMP feeds add URL` then `byline --home TMP refresh` (fresh TMP);
  newsboat: `newsboat -x reload` with a fresh cache, empty config and a urls file of URL.
Prints the median of R runs of each, the entry counts each stored, and the ratio
byline (add + refresh) / newsboat. newsboat is skipped with a message if not installed
(Debian: apt-get install newsboat).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import sqlite3
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

ROOT = Path(__file__).resolve().parent.parent

PLACES = ["Serrin", "Valmere", "Oakhurst", "Port Lenna", "Kessel Bay", "Marrow Hill"]
PEOPLE = [("Ana Ribeiro", "union spokeswoman"), ("Tomas Hale", "transport minister"),
          ("Ines Marek", "head of the roads agency"), ("Jon Okafor", "harbour master"),
          ("Lina Ortiz", "mayor"), ("Petra Voss", "council member")]
TOPICS = ["ferry timetable", "dock strike", "coast road repairs", "school budget",
          "flood defences", "night bus routes", "fishing quotas", "library hours"]


def generate_feed(entries: int) -> bytes:
    items = []
    for i in range(entries):
        place, topic = PLACES[i % len(PLACES)], TOPICS[(i // 3) % len(TOPICS)]
        name, role = PEOPLE[(i * 7) % len(PEOPLE)]
        title = f"{place} weighs changes to {topic} (report {i})"
        text = (f"<p>Officials in {place} met on Tuesday to discuss the {topic}, the {i}th "
                f"item on a crowded agenda.</p><p>\u201cWe owe residents a clear answer,\u201d "
                f"said {name}, the {role}. Critics said the plan would cost too much and "
                f"arrive too late.</p>")
        items.append(
            f"<item><title>{escape(title)}</title>"
            f"<link>http://bench.test/{place.lower().replace(' ', '-')}/{i}</link>"
            f"<guid isPermaLink=\"false\">bench-{i}</guid>"
            f"<pubDate>{formatdate(1_790_000_000 + i * 600, usegmt=True)}</pubDate>"
            f"<author>desk@bench.test ({escape(name)})</author>"
            f"<category>{escape(topic)}</category>"
            f"<description>{escape(text)}</description></item>")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        "<title>Bench Coast News</title><link>http://bench.test/</link>"
        "<description>Generated for the feed-load benchmark</description>"
        + "".join(items) + "</channel></rss>"
    ).encode()


def serve(body: bytes, validators: bool) -> tuple[ThreadingHTTPServer, str]:
    etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
    modified = formatdate(time.time() - 3600, usegmt=True)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            if validators and (self.headers.get("If-None-Match") == etag
                               or self.headers.get("If-Modified-Since") == modified):
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            if validators:
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", modified)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/feed.xml"


def byline_command() -> list[str]:
    script = Path(sys.executable).with_name("byline")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tui.cli.run"]


CPU: list[float] = []  # CPU seconds (user + system) of each timed command, in order


def timed(cmd: list[str], **kwargs: object) -> tuple[float, subprocess.CompletedProcess]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300, **kwargs)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    if done.returncode != 0:
        raise SystemExit(f"failed ({done.returncode}): {' '.join(cmd)}\n{done.stderr}")
    return elapsed, done


def run_byline(url: str) -> tuple[float, float, float, int]:
    with tempfile.TemporaryDirectory(prefix="byline-bench-") as home:
        base = [*byline_command(), "--home", home]
        add, _ = timed([*base, "feeds", "add", url], cwd=ROOT)
        refresh, _ = timed([*base, "refresh", "--json"], cwd=ROOT)
        cpu = CPU[-2] + CPU[-1]
        _, listing = timed([*base, "feeds", "list", "--json"], cwd=ROOT)
        entries = json.loads(listing.stdout)[0]["entries"]
    return add, refresh, cpu, entries


def run_newsboat(newsboat: str, url: str) -> tuple[float, float, int]:
    with tempfile.TemporaryDirectory(prefix="newsboat-bench-") as tmp:
        folder = Path(tmp)
        (folder / "urls").write_text(url + "\n")
        (folder / "config").write_text("")
        cache = folder / "cache.db"
        env = {**os.environ, "HOME": tmp, "XDG_CONFIG_HOME": tmp, "XDG_DATA_HOME": tmp}
        elapsed, _ = timed([newsboat, "-u", str(folder / "urls"), "-c", str(cache),
                            "-C", str(folder / "config"), "-x", "reload"], env=env)
        with sqlite3.connect(cache) as db:
            entries = db.execute("SELECT COUNT(*) FROM rss_item").fetchone()[0]
    return elapsed, CPU[-1], entries


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-validators", action="store_true",
                        help="serve without ETag/Last-Modified (refresh downloads it all)")
    args = parser.parse_args()

    body = generate_feed(args.entries)
    httpd, url = serve(body, validators=not args.no_validators)
    print(f"feed: {args.entries} entries, {len(body) / 1e6:.2f} MB at {url} "
          f"({'no validators' if args.no_validators else 'ETag + Last-Modified'})")
    newsboat = shutil.which("newsboat")
    if newsboat is None:
        print("newsboat: not installed, skipped (Debian: apt-get install newsboat)")
    try:
        # byline and newsboat runs alternate, so a busy machine slows both alike
        adds, refreshes, totals, cpus, reloads, nb_cpus, ratios = [], [], [], [], [], [], []
        for _ in range(args.runs):
            add, refresh, cpu, stored = run_byline(url)
            adds.append(add)
            refreshes.append(refresh)
            totals.append(add + refresh)
            cpus.append(cpu)
            if newsboat:
                reload, nb_cpu, nb_stored = run_newsboat(newsboat, url)
                reloads.append(reload)
                nb_cpus.append(nb_cpu)
                ratios.append((add + refresh) / reload)
        med = statistics.median
        print(f"byline   feeds add: {med(adds):.3f} s   refresh: {med(refreshes):.3f} s   "
              f"total: {med(totals):.3f} s wall, {med(cpus):.3f} s CPU   "
              f"({stored} entries stored; median of {args.runs})")
        if newsboat:
            print(f"newsboat -x reload: {med(reloads):.3f} s wall, {med(nb_cpus):.3f} s CPU   "
                  f"({nb_stored} entries stored; median of {args.runs})")
            ratio = med(ratios)
            verdict = "meets" if ratio <= 1.5 else "misses"
            print(f"ratio byline / newsboat, wall: {ratio:.2f}x, median of the paired runs "
                  f"(range {min(ratios):.2f}-{max(ratios):.2f}; {verdict} the 1.5x target); "
                  f"CPU: {med(cpus) / med(nb_cpus):.2f}x")
    finally:
        httpd.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
