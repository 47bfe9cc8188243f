"""`byline feeds ...` and `byline refresh` run as a user would: subprocesses on a temp store,
feeds served by a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from feed_samples import HTML_PAGE, atom, page_linking, rss
from http_server import Reply, ScriptedServer, conditional

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    with ScriptedServer() as running:
        yield running


def byline(home: Path, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui.cli.run", "--home", str(home), *args],
                          capture_output=True, text=True, timeout=60, cwd=cwd,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def listed(home: Path) -> dict[str, dict]:
    done = byline(home, "feeds", "list", "--json")
    assert done.returncode == 0, done.stderr
    return {row["url"]: row for row in json.loads(done.stdout)}


def test_add_list_refresh_remove(server: ScriptedServer, tmp_path: Path) -> None:
    home = tmp_path / "store"
    url = server.route("/coast.xml", Reply(body=rss(3)))
    feed_file = tmp_path / "wire.atom"
    feed_file.write_bytes(atom(2))

    done = byline(home, "feeds", "add", url, "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [{"url": url, "title": "Coast Daily", "entries": 3,
                                        "new_entries": 3, "status": "ok"}]
    done = byline(home, "feeds", "add", "wire.atom", cwd=tmp_path)  # a relative path
    assert done.returncode == 0, done.stderr
    assert "Valmere Wire" in done.stdout and "2 entries" in done.stdout

    feeds = listed(home)
    assert set(feeds) == {url, str(feed_file.resolve())}
    assert feeds[url]["entries"] == 3 and feeds[url]["last_error"] == ""
    assert feeds[url]["last_fetch"]

    server.route("/coast.xml", Reply(body=rss(4)))
    done = byline(home, "refresh", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    statuses = {r["url"]: (r["status"], r["new_entries"]) for r in report["results"]}
    assert statuses == {url: ("ok", 1), str(feed_file.resolve()): ("not-modified", 0)}
    assert report["new_entries"] == 1 and report["errors"] == 0

    done = byline(home, "feeds", "remove", url)
    assert done.returncode == 0 and f"removed {url}" in done.stdout
    assert set(listed(home)) == {str(feed_file.resolve())}
    done = byline(home, "feeds", "remove", url)
    assert done.returncode == 2
    assert done.stderr == f"byline: {url}: no such feed (see `byline feeds list`)\n"


def test_refresh_reports_each_failing_feed(server: ScriptedServer, tmp_path: Path) -> None:
    home = tmp_path / "store"
    good = server.route("/good.xml", conditional(rss(2), etag='"g1"'))
    slow = server.route("/slow.xml", Reply(body=rss(2, prefix="http://slow.test/s")))
    broken = server.route("/broken.xml", Reply(body=rss(2, prefix="http://b.test/s")))
    assert byline(home, "feeds", "add", good, slow, broken).returncode == 0
    server.route("/slow.xml", Reply(body=rss(2), delay=5))
    server.route("/broken.xml", Reply(500, b"x"))

    done = byline(home, "refresh", "--timeout", "0.5")
    assert done.returncode == 2
    assert done.stdout.startswith("refreshed 3 feeds in ")
    assert "0 new entries, 1 not modified, 2 failed" in done.stdout
    assert sorted(done.stderr.splitlines()) == [
        f"byline: {broken}: HTTP 500 Internal Server Error",
        f"byline: {slow}: timed out (no answer within 0.5 s)",
    ]
    feeds = listed(home)
    assert feeds[broken]["last_error"] == "HTTP 500 Internal Server Error"
    assert feeds[broken]["entries"] == 2 and feeds[good]["last_error"] == ""

    done = byline(home, "refresh", "--json", "--timeout", "0.5")
    assert done.returncode == 2
    assert json.loads(done.stdout)["errors"] == 2  # stdout is JSON only


def test_add_refuses_what_is_not_a_feed(server: ScriptedServer, tmp_path: Path) -> None:
    home = tmp_path / "store"
    page = server.route("/page", Reply(body=HTML_PAGE, headers={"Content-Type": "text/html"}))
    good = server.route("/good.xml", Reply(body=rss(1)))
    done = byline(home, "feeds", "add", page, str(tmp_path / "missing.xml"), good)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"byline: {page}: an HTML page, not a feed",
        f"byline: {tmp_path / 'missing.xml'}: no such file",
    ]
    assert set(listed(home)) == {good}


def test_titles_reach_the_terminal_without_control_characters(server: ScriptedServer,
                                                              tmp_path: Path) -> None:
    home = tmp_path / "store"
    url = server.route("/f", Reply(body=rss(1, title="Evil \x1b]0;pwned\x07 [bold]News[/]")))
    done = byline(home, "feeds", "add", url)
    assert done.returncode == 0 and "\x1b" not in done.stdout
    done = byline(home, "feeds", "list")
    assert done.returncode == 0
    assert "\x1b" not in done.stdout and "[bold]News[/]" in done.stdout  # shown, not styled


TITLE = 'Coast & Co "Daily" > rivals'


def test_export_then_import(server: ScriptedServer, tmp_path: Path) -> None:
    home = tmp_path / "store"
    url = server.route("/a.xml", Reply(body=rss(1, title=TITLE)))
    assert byline(home, "feeds", "add", url).returncode == 0
    done = byline(home, "feeds", "export")
    assert done.returncode == 0
    outline = ET.fromstring(done.stdout.encode()).find("body/outline")
    assert outline.get("xmlUrl") == url and outline.get("title") == TITLE

    opml = tmp_path / "subs.opml"
    opml.write_text(done.stdout)
    other = tmp_path / "other"
    done = byline(other, "feeds", "import", str(opml), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [{"url": url, "title": TITLE, "new": True}]
    assert listed(other)[url]["entries"] == 0  # imported, not loaded until `refresh`
    assert byline(other, "refresh").returncode == 0
    assert listed(other)[url]["entries"] == 1

    evil = tmp_path / "evil.opml"
    evil.write_bytes(b'<!DOCTYPE opml [<!ENTITY x "y">]><opml><body/></opml>')
    done = byline(other, "feeds", "import", str(evil))
    assert done.returncode == 2
    assert done.stderr == f"byline: {evil}: OPML declares XML entities; refused\n"


def test_feeds_without_action_and_bad_timeout(tmp_path: Path) -> None:
    done = byline(tmp_path / "store", "feeds")
    assert done.returncode == 2 and "feeds needs an action" in done.stderr
    done = byline(tmp_path / "store", "refresh", "--timeout", "soon")
    assert done.returncode == 2 and "not a number of seconds" in done.stderr


def test_progress_bar_on_a_terminal_only(server: ScriptedServer, tmp_path: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    home = tmp_path / "store"
    urls = [server.route(f"/f{n}", Reply(body=rss(1, prefix=f"http://s{n}.test/x")))
            for n in range(2)]
    assert byline(home, "feeds", "add", *urls).returncode == 0
    server.route("/f1", Reply(body=rss(1, prefix="http://s1.test/x"), delay=0.8))
    argv = ["-m", "tui.cli.run", "--home", str(home), "refresh"]
    child = pexpect.spawn(sys.executable, argv, cwd=str(ROOT), encoding="utf-8",
                          dimensions=(24, 100), env={"PYTHONPATH": str(ROOT), "TERM": "xterm"})
    shown = child.read()
    child.close()
    assert child.exitstatus == 0
    assert "refreshing" in shown and "2/2" in shown
    assert "refreshed 2 feeds" in shown
    child = pexpect.spawn(sys.executable, [*argv, "--json"], cwd=str(ROOT), encoding="utf-8",
                          env={"PYTHONPATH": str(ROOT), "TERM": "xterm"})
    shown = child.read()
    child.close()
    assert "refreshing" not in shown
    assert json.loads(shown)["errors"] == 0


def test_concurrent_refreshes_store_each_entry_once(server: ScriptedServer,
                                                     tmp_path: Path) -> None:
    home = tmp_path / "store"
    urls = [server.route(f"/f{n}", Reply(body=rss(5, prefix=f"http://s{n}.test/x")))
            for n in range(3)]
    assert byline(home, "feeds", "add", *urls).returncode == 0
    for n in range(3):
        server.route(f"/f{n}", Reply(body=rss(300, prefix=f"http://s{n}.test/x"), delay=0.2))
    command = [sys.executable, "-m", "tui.cli.run", "--home", str(home), "refresh", "--json"]
    runs = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
            for _ in range(3)]
    reports = []
    for run in runs:
        out, err = run.communicate(timeout=60)
        assert run.returncode == 0, err
        reports.append(json.loads(out))
    assert sum(r["new_entries"] for r in reports) == 3 * 295  # each new entry counted once
    assert [row["entries"] for row in listed(home).values()] == [300, 300, 300]


def test_feed_commands_import_only_what_they_use(server: ScriptedServer,
                                                 tmp_path: Path) -> None:
    """Start-up time is most of a CLI command: no Textual, and feedparser only for broken
    feeds (the fast path reads well-formed ones), httpx only when something is fetched."""
    home = tmp_path / "store"
    url = server.route("/f", Reply(body=rss(2)))
    probe = (
        "import sys\nfrom tui.cli import main\n"
        f"status = main(['--home', {str(home)!r}, *sys.argv[1:]])\n"
        "heavy = ('textual', 'feedparser', 'trafilatura', 'httpx')\n"
        "print(' '.join(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
        "sys.exit(status)\n")

    def loaded(*args: str) -> set[str]:
        done = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True,
                              text=True, timeout=60, cwd=ROOT, env={"PYTHONPATH": str(ROOT)})
        assert done.returncode == 0, done.stderr
        return set(done.stderr.split())

    assert loaded("feeds", "add", url) == {"httpx"}
    assert loaded("refresh", "--json") == {"httpx"}
    assert loaded("feeds", "list", "--json") == set()
    assert loaded("feeds", "export") == set()


def test_add_a_site_page_follows_its_feed(server: ScriptedServer, tmp_path: Path) -> None:
    home = tmp_path / "store"
    page = server.route("/", Reply(body=page_linking("/rss"),
                                   headers={"Content-Type": "text/html"}))
    feed = server.route("/rss", Reply(body=rss(2)))
    done = byline(home, "feeds", "add", page)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (f"Coast Daily — {feed}: 2 entries (2 new) — the feed the page "
                           "names\n")
    assert set(listed(home)) == {feed}
