"""Store benchmark: build a 10,000-article store from a generated feed, then time what users do.

    .venv/bin/python benchmarks/store.py [--articles 10000] [--analyse 500] [--home DIR]
    .venv/bin/python benchmarks/store.py --scale 10000 100000

Prints each figure with its target. Targets (issue 3): open ≤ 0.5 s, add or remove a bookmark
≤ 20 ms, list bookmarks ≤ 50 ms, memory proportionate to the store.

`--scale N…` instead builds a store of N entries for each N, analyses every entry in bulk (on
every core) and prints what the store is like at that size: its size on disk, the time to open
it and list every article in a fresh process (and that process's memory), to open one entry, to
list speakers across the store, and to add one article (issue 12, "Large archives"). With
`--home DIR` the stores are kept in DIR, and a later run measures them again without rebuilding.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from store.library import Library  # noqa: E402

FIRST = "Ana Lars Mara Ruth Ian Helena Tomas Leila Omar Priya Jonas Ines Karl Nadia".split()
LAST = "Berg Okafor Quinn Moss Varga Lopez Haddad Novak Sato Reyes Lind Duarte".split()
ROLES = ["finance minister", "union leader", "mayor", "port director", "economist", "coach"]
TOPICS = [
    ("budget", "tax cuts", "deficit", "spending"), ("strike", "pay offer", "union", "talks"),
    ("ferry", "harbour", "timetable", "crossing"), ("election", "ballot", "turnout", "campaign"),
    ("flood", "river", "evacuation", "rain"), ("football", "cup final", "coach", "fans"),
    ("hospital", "waiting lists", "nurses", "funding"), ("rail", "fares", "trains", "commuters"),
]
PLACES = "Portvale Keston Marlow Budavar Mirren Ostrand Caldera Wexby".split()


def entry_xml(n: int, rng: random.Random) -> str:
    topic = rng.choice(TOPICS)
    place = rng.choice(PLACES)
    people = [(rng.choice(FIRST), rng.choice(LAST), rng.choice(ROLES)) for _ in range(2)]
    paragraphs = [f"{place.upper()} (Wire) — Officials in {place} discussed the {topic[0]} on "
                  f"day {n % 28 + 1}, with {topic[1]} and {topic[2]} at the centre of talks."]
    for first, last, role in people:
        paragraphs.append(f"\u201cThe {topic[0]} must put {topic[3]} first,\u201d said "
                          f"{first} {last}, the {role}.")
        paragraphs.append(f"{last} added that the {topic[2]} would be reviewed next month.")
    content = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    day = n % 28 + 1
    return (f"<item><title>{escape(f'{place} {topic[0]}: {topic[1]} and {topic[2]} ({n})')}"
            f"</title><link>https://bench.test/{n}</link><guid>bench-{n}</guid>"
            f"<pubDate>{['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][n % 7]}, "
            f"{day:02d} Feb 2026 {n % 24:02d}:{n % 60:02d}:00 GMT</pubDate>"
            f"<description>{escape(paragraphs[0])}</description>"
            f"<content:encoded>{escape(content)}</content:encoded></item>")


def generated_feed(count: int, path: Path, start: int = 0) -> None:
    rng = random.Random(1 + start)
    items = "\n".join(entry_xml(n, rng) for n in range(start, start + count))
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>Bench wire</title><link>https://bench.test/</link>{items}</channel></rss>",
        encoding="utf-8")


def timed(fn, repeat: int = 1) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def report(name: str, seconds: float, target: float | None = None) -> None:
    verdict = ""
    if target is not None:
        verdict = f"  (target ≤ {target * 1000:.0f} ms: {'ok' if seconds <= target else 'MISSED'})"
    print(f"{name:<46} {seconds * 1000:9.1f} ms{verdict}")


def cold_open(home: Path) -> tuple[float, float, int]:
    """A fresh interpreter: (open + list seconds, with imports, peak RSS in KB; Linux)."""
    # VmHWM, not ru_maxrss: the latter counts the forked parent's pages before exec
    code = ("import sys,time,re;t0=time.perf_counter();from store.library import Library;"
            "t1=time.perf_counter();lib=Library.open(sys.argv[1]);refs=lib.articles();"
            "t2=time.perf_counter();assert refs;"
            "hwm=re.search(r'VmHWM:\\s+(\\d+)',open('/proc/self/status').read()).group(1);"
            "print(t2-t1,t2-t0,hwm)")
    out = subprocess.run([sys.executable, "-c", code, str(home)], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), float(out[1]), int(out[2])


def build_scale(size: int, work: Path, home: Path) -> None:
    feeds = []
    for start in range(0, size, FEED_ENTRIES):
        feeds.append(work / f"scale-{size}-{start}.rss")
        generated_feed(min(FEED_ENTRIES, size - start), feeds[-1], start)
    print(f"\n{size:,} entries ({len(feeds)} feeds, "
          f"{sum(f.stat().st_size for f in feeds) / 1e6:.0f} MB)")
    with Library.open(home) as lib:
        report("add the feeds", timed(lambda: [lib.add(str(feed)) for feed in feeds])[0])
        report("analyse every entry in bulk (every core)", timed(lib.analyze_pending)[0])
    for feed in feeds:
        feed.unlink()


def fresh_process(home: Path, code: str) -> float:
    """Seconds a fresh interpreter takes to run `code` on an open store `lib` (imports apart)."""
    script = ("import sys,time;from store.library import Library;t=time.perf_counter();"
              f"lib=Library.open(sys.argv[1]);{code};print(time.perf_counter()-t)")
    out = subprocess.run([sys.executable, "-c", script, str(home)], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    return float(out.split()[-1])


FEED_ENTRIES = 10_000  # per generated feed file (a feed file may hold 20 MB)


def scale(size: int, work: Path) -> None:
    home = work / f"scale-{size}"
    if (home / "index.json").exists():
        print(f"\n{size:,} entries (the store built before in {home})")
    else:
        build_scale(size, work, home)
    total = sum(p.stat().st_size for p in home.rglob("*.json"))
    index = (home / "index.json").stat().st_size
    print(f"{'store on disk':<46} {total / 1e6:9.1f} MB ({total / size / 1e3:.1f} kB per entry;"
          f" index.json {index / 1e6:.1f} MB)")
    open_s, with_imports, rss_kb = cold_open(home)
    report("open + list all articles (fresh process)", open_s, 0.5)
    report("  same, including Python imports", with_imports)
    print(f"{'  peak memory of that process':<46} {rss_kb / 1024:9.1f} MB")
    report("open one entry (fresh process)",
           fresh_process(home, "lib.article(lib.articles(limit=1)[0].id)"))
    report("speakers across the store (fresh process)", fresh_process(home, "lib.speakers()"))
    report("add one text article to the full store",
           fresh_process(home, "lib.add_text(f'Scale note\\n\\nOne more at {time.time()}.')"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--analyse", type=int, default=500,
                        help="how many entries to analyse in bulk (all: -1)")
    parser.add_argument("--home", help="store folder (default: a fresh temp folder)")
    parser.add_argument("--scale", type=int, nargs="+", metavar="N",
                        help="only the store's size figures, at each of these entry counts")
    args = parser.parse_args()
    if args.scale:  # with --home, the stores are kept there and reused by the next run
        work = Path(args.home) if args.home else Path(tempfile.mkdtemp(prefix="byline-scale-"))
        try:
            for size in args.scale:
                scale(size, work)
        finally:
            if not args.home:
                shutil.rmtree(work, ignore_errors=True)
        return
    work = Path(tempfile.mkdtemp(prefix="byline-bench-"))
    home = Path(args.home) if args.home else work / "home"
    feed = work / "bench.rss"
    generated_feed(args.articles, feed)
    print(f"store: {home}  feed: {feed.stat().st_size / 1e6:.1f} MB, {args.articles} entries")

    lib = Library.open(home)
    seconds, refs = timed(lambda: lib.add(str(feed)))
    report(f"add the feed ({len(refs)} new entries)", seconds)
    sample = [r.id for r in lib.articles()]
    one_by_one = sample[:100]
    seconds, _ = timed(lambda: [lib.article(i) for i in one_by_one])
    report(f"open {len(one_by_one)} entries one by one (analyse + cache)", seconds)
    print(f"{'  per entry':<46} {seconds / len(one_by_one) * 1000:9.1f} ms")
    limit = None if args.analyse < 0 else max(args.analyse - len(one_by_one), 0)
    seconds, count = timed(lambda: lib.analyze_pending(limit=limit))
    report(f"analyse {count} more entries in bulk", seconds)
    print(f"{'  per entry':<46} {seconds / max(count, 1) * 1000:9.1f} ms")
    pending = sample[: len(one_by_one) + count]
    lib.close()

    size = sum(p.stat().st_size for p in home.rglob("*.json"))
    index_size = (home / "index.json").stat().st_size
    print(f"store size {size / 1e6:.1f} MB, index.json {index_size / 1e6:.1f} MB")

    lib = Library.open(home)
    report("open + list all articles (warm process)",
           timed(lambda: Library.open(home).articles(), repeat=3)[0], 0.5)
    open_s, with_imports, rss_kb = cold_open(home)
    report("open + list all articles (fresh process)", open_s, 0.5)
    report("  same, including Python imports", with_imports)
    empty = work / "empty-home"
    Library.open(empty).add_text("One article\n\nSo the listing is not empty.")
    base_kb = cold_open(empty)[2]
    print(f"{'  peak memory of that process':<46} {rss_kb / 1024:9.1f} MB; one-article "
          f"store {base_kb / 1024:.1f} MB; {(rss_kb - base_kb) / max(len(sample), 1):.1f} kB "
          "per article")

    quote_ids = []
    for article_id in pending:
        stored = lib.article(article_id)
        quote_ids += [f"{article_id}:{q.id}" for q in stored.analysis.quotes]
    if not quote_ids:
        print("no quotes found by the analysis engine: bookmark timings skipped")
    else:
        for quote_id in quote_ids[:200]:  # a realistic bookmark file first
            lib.add_bookmark(quote_id)
        probe = quote_ids[200:260] or quote_ids[:60]
        for quote_id in probe:
            lib.remove_bookmark(quote_id)
        add_times, remove_times = [], []
        for quote_id in probe:
            add_times.append(timed(lambda q=quote_id: lib.add_bookmark(q))[0])
            remove_times.append(timed(lambda q=quote_id: lib.remove_bookmark(q))[0])
        report("add a bookmark (median)", statistics.median(add_times), 0.020)
        report("remove a bookmark (median)", statistics.median(remove_times), 0.020)
        count = len(lib.bookmarks())
        report(f"list bookmarks ({count}, fresh Library)",
               timed(lambda: Library.open(home).bookmarks(), repeat=5)[0], 0.050)
    report("search 'budget' (first call, loads digests)", timed(lambda: lib.search("budget"))[0])
    report("search 'strike union' (warm)", timed(lambda: lib.search("strike union"), 5)[0])
    report("speakers across the store", timed(lib.speakers, 3)[0])
    report("related entries (first call, builds corpus)", timed(lambda: lib.related(sample[0]))[0])
    report("related entries (warm)", timed(lambda: lib.related(sample[1]), 3)[0])
    report("mark one article read", timed(lambda: lib.mark_read(sample[2]), 5)[0])
    report("add one text article to the full store",
           timed(lambda: lib.add_text(f"Bench note\n\nA short note at {time.time()}."))[0])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this benchmark process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
