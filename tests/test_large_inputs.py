"""Limits bound memory and time, not counts: a feed file the user names is read whatever its
size, streamed in bounded memory; an OPML file of 10,000 feeds is imported and listed whole;
the network cap is a setting (global, per feed, per run) and every refusal says the size and
the limit."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from feed_samples import rss
from http_server import Reply, ScriptedServer

from store import feedparse
from store.errors import SourceError
from store.feedparse import parse_feed
from store.library import Library
from store.sources import read_file
from tui.cli import main

ROOT = Path(__file__).resolve().parent.parent
WORDS = "harbour council ferry timetable residents north shore vote change late crews".split()


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    with ScriptedServer() as running:
        yield running


def write_feed(path: Path, entries: int, body_bytes: int, start: int = 0) -> int:
    """An RSS file of `entries` items with bodies of about body_bytes; its size."""
    text = " ".join(WORDS[k % len(WORDS)] for k in range(body_bytes // 8))
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                  "<title>Harbour Log</title><link>http://log.test/</link>")
        for n in range(start, start + entries):
            out.write(f"<item><title>Log entry {n}</title><link>http://log.test/{n}</link>"
                      f"<guid>log-{n}</guid><description>{escape(f'<p>{n} {text}</p>')}"
                      "</description></item>")
        out.write("</channel></rss>")
    return path.stat().st_size


def run_measured(home: Path, *args: str) -> tuple[int, str, int]:
    """`byline ARGS` in a fresh process: (exit code, stdout, its peak memory in KB)."""
    probe = textwrap.dedent("""
        import resource, sys
        from tui.cli import main
        code = main(sys.argv[1:])
        print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
        sys.exit(code)
    """)
    done = subprocess.run([sys.executable, "-c", probe, "--home", str(home), *args],
                          capture_output=True, text=True, timeout=300, cwd=ROOT,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    *_, peak = done.stderr.split()
    return done.returncode, done.stdout, int(peak)


def test_the_ten_thousand_entry_feed_file_the_cap_refused(tmp_path: Path) -> None:
    path = tmp_path / "log.xml"
    size = write_feed(path, 10_000, 1_200)
    assert 12_000_000 < size < 16_000_000  # as the 13.9 MB file newsboat loads in a second
    home = tmp_path / "store"
    code, out, _peak = run_measured(home, "feeds", "add", str(path))
    assert code == 0
    assert out == f"Harbour Log — {path}: 10000 entries (10000 new)\n"
    write_feed(path, 10_001, 1_200)  # one more: a refresh reads the file again
    code, out, _peak = run_measured(home, "refresh")
    assert code == 0 and "1 new entries" in out


def test_a_feed_file_is_read_in_bounded_memory_whatever_its_size(tmp_path: Path) -> None:
    small, large = tmp_path / "small.xml", tmp_path / "large.xml"
    small_size = write_feed(small, 100, 70_000)
    large_size = write_feed(large, 500, 70_000)  # 35 MB: over every cap there was
    _, out_small, peak_small = run_measured(tmp_path / "a", "feeds", "add", str(small))
    code, out_large, peak_large = run_measured(tmp_path / "b", "feeds", "add", str(large))
    assert code == 0 and "500 entries (500 new)" in out_large
    grown_kb = peak_large - peak_small
    print(f"{small_size / 1e6:.1f} MB: {peak_small / 1024:.0f} MB peak; "
          f"{large_size / 1e6:.1f} MB: {peak_large / 1024:.0f} MB peak")
    assert grown_kb * 1024 < (large_size - small_size) / 2, "memory grew with the file"


def test_an_article_file_has_no_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    paragraph = " ".join(WORDS) + ".\n\n"
    path.write_text("A very long report\n\n" + paragraph * 300_000, encoding="utf-8")
    assert path.stat().st_size > 20 * 1024 * 1024  # refused before: "too large (… limit 20 MB)"
    source = read_file(path)
    assert source.kind == "text" and len(source.text) == path.stat().st_size


def test_the_lenient_reader_says_the_size_and_its_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    broken = rss(40).replace(b"</channel></rss>", b"<<")  # ill-formed: the lenient reader's
    monkeypatch.setattr(feedparse, "MAX_LENIENT_BYTES", 4096)
    with pytest.raises(SourceError) as err:
        parse_feed(broken, "http://log.test/f")
    assert str(err.value) == (f"http://log.test/f: malformed feed, too large for the lenient "
                              f"reader ({len(broken) / 1024:.1f} KB; it reads at most 4 KB)")
    monkeypatch.setattr(feedparse, "MAX_LENIENT_BYTES", 10 ** 9)
    monkeypatch.setattr(feedparse, "MAX_LENIENT_TAGS", 50)
    with pytest.raises(SourceError, match=r"too large for the lenient reader \([0-9,]+ tags; "
                                          r"it reads at most 50\)"):
        parse_feed(broken, "http://log.test/f")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_network_cap_is_a_setting_per_store_per_feed_and_per_run(
        capsys, server: ScriptedServer, home: Path, tmp_path: Path) -> None:
    body = rss(600)  # about 300 KB
    big = server.route("/big.xml", Reply(body=body))
    other = server.route("/other.xml", Reply(body=rss(700, prefix="http://other.test/s")))
    assert run(capsys, "settings", "max-size", "256KB")[0] == 0
    code, _, err = run(capsys, "feeds", "add", big)
    shown = f"{len(body) / 1024:.1f} KB".replace(".0 KB", " KB")
    assert code == 2 and err == (
        f"byline: {big}: response too large ({shown}; the limit is 256 KB: raise it with "
        "--max-size or `byline settings max-size`)\n")
    code, out, err = run(capsys, "feeds", "add", big, "--max-size", "1MB", "--json")
    assert code == 0 and json.loads(out)[0]["entries"] == 600
    with Library.open(home) as lib:
        assert lib.feed(big).max_size == 1024 * 1024  # the feed keeps its own cap
        lib.add_feeds([(other, "Other")])
    code, out, err = run(capsys, "refresh", "--json")
    results = {r["url"]: r for r in json.loads(out)["results"]}
    assert results[big]["status"] == "not-modified"  # fetched within its own cap
    assert results[other]["error"].startswith("response too large ("), results
    code, out, err = run(capsys, "refresh", "--max-size", "2MB", "--json")
    assert code == 0 and {r["url"]: r["new_entries"]
                          for r in json.loads(out)["results"]}[other] == 700
    assert run(capsys, "settings", "max-size", "default")[1].startswith("max-size = 10 MB")


def test_ten_thousand_feeds_imported_listed_and_exported(capsys, tmp_path: Path) -> None:
    outlines = "".join(f'<outline text="Town {n} news" type="rss" '
                       f'xmlUrl="http://town{n}.test/rss"/>' for n in range(10_000))
    opml = tmp_path / "towns.opml"
    opml.write_text(f'<?xml version="1.0"?><opml version="2.0"><head/><body>'
                    f'<outline text="Towns">{outlines}</outline></body></opml>',
                    encoding="utf-8")
    code, out, err = run(capsys, "feeds", "import", str(opml))
    assert (code, err) == (0, "")
    assert out.startswith("imported 10000 new feeds (0 already followed)")
    code, out, _ = run(capsys, "feeds", "list")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 10_000
    assert "never fetched" in lines[0] and "Town 0 news — http://town0.test/rss" in out
    code, out, _ = run(capsys, "feeds", "list", "--json")
    assert len(json.loads(out)) == 10_000
    code, out, _ = run(capsys, "feeds", "export")
    assert out.count("<outline ") == 10_000 and 'xmlUrl="http://town9999.test/rss"' in out
