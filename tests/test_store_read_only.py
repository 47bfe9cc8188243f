"""A read-only store folder (a backup, a mounted snapshot): every read command works and shows
what a writable store shows; every write gives one line saying the store is read-only and
changes nothing. Run as real processes without the right to write (as root, with the
capabilities that bypass file permissions dropped)."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from feed_samples import rss
from store_fixture import StoreCase, build_store

from store.library import Library

ROOT = Path(__file__).resolve().parent.parent
DROP = "-dac_override,-dac_read_search,-fowner"

READS: list[tuple[str, ...]] = [
    ("feeds", "list", "--json"), ("feeds", "list"), ("feeds", "export"),
    ("bookmarks", "list", "--json"), ("bookmarks", "list"),
    ("bookmarks", "export", "--format", "json"), ("speakers", "--json"),
    ("quotes", "--speaker", "Mara Quinn", "--json"), ("related", "{article}", "--json"),
]
WRITES: list[tuple[str, ...]] = [
    ("add", "{inputs}/ferry.txt"), ("feeds", "add", "{feed}"), ("refresh",),
    ("bookmarks", "add", "{quote}", "--note", "a new note"), ("bookmarks", "remove", "{quote}"),
    ("feeds", "import", "{inputs}/subs.opml"), ("feeds", "remove", "{feed}"),
]


def unprivileged() -> list[str]:
    """A command prefix under which file permissions apply to this process's children."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: permissions cannot be made to apply")
    return [setpriv, f"--bounding-set={DROP}", f"--inh-caps={DROP}", "--"]


def set_writable(folder: Path, writable: bool) -> None:
    for path in [folder, *folder.rglob("*")]:
        mode = path.stat().st_mode
        mode = mode | stat.S_IRUSR | (stat.S_IXUSR if path.is_dir() else 0)
        path.chmod(mode | stat.S_IWUSR if writable else mode & ~0o222)


@pytest.fixture
def case(tmp_path: Path) -> Iterator[StoreCase]:
    built = build_store(tmp_path)
    yield built
    set_writable(built.home, True)  # so the temp folder can be cleaned up


def byline(case: StoreCase, command: tuple[str, ...],
           prefix: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    argv = [part.format(article=case.article_id, quote=case.quote_id, feed=case.feed,
                        inputs=case.inputs) for part in command]
    return subprocess.run([*(prefix or []), sys.executable, "-m", "tui.cli.run", "--home",
                           str(case.home), *argv], capture_output=True, text=True, timeout=120,
                          cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def snapshot(home: Path) -> dict[str, bytes]:
    return {str(p.relative_to(home)): p.read_bytes() for p in home.rglob("*") if p.is_file()}


def comparable(out: str) -> str:
    return "\n".join(line for line in out.splitlines() if "<dateCreated>" not in line)


def test_every_read_command_reads_a_read_only_store(case: StoreCase) -> None:
    prefix = unprivileged()
    writable = {command: byline(case, command) for command in READS}
    set_writable(case.home, False)
    before = snapshot(case.home)
    for command in READS:
        done = byline(case, command, prefix)
        expected = writable[command]
        assert (done.returncode, done.stderr) == (expected.returncode, expected.stderr), command
        assert comparable(done.stdout) == comparable(expected.stdout), command
    assert json.loads(byline(case, READS[3], prefix).stdout)[0]["quote_id"] == case.quote_id
    assert snapshot(case.home) == before


def test_every_write_says_the_store_is_read_only(case: StoreCase) -> None:
    prefix = unprivileged()
    other = case.inputs / "other.xml"  # entries not analysed yet, for `speakers --all`
    other.write_bytes(rss(2, title="Other", prefix="http://other.test/s"))
    assert byline(case, ("feeds", "add", str(other))).returncode == 0
    with Library.open(case.home) as lib:
        unanalysed = lib.entries(str(other.resolve()))[0].id
    set_writable(case.home, False)
    before = snapshot(case.home)
    # a quote of an entry not analysed yet: analysed on the spot, then the write is refused
    for command in [*WRITES, ("bookmarks", "add", f"{unanalysed}:q1")]:
        done = byline(case, command, prefix)
        assert done.returncode == 1, (command, done.stderr)
        assert done.stderr.splitlines() == [
            f"byline: the store in {case.home} is read-only: nothing can be added or changed "
            "there"], command
    assert snapshot(case.home) == before
    done = byline(case, ("speakers", "--all", "--json"), prefix)  # a read that would cache
    assert done.returncode == 0 and json.loads(done.stdout)
    assert "read-only" in done.stderr and snapshot(case.home) == before


def test_a_damaged_file_in_a_read_only_store_is_read_as_empty(case: StoreCase) -> None:
    prefix = unprivileged()
    (case.home / "bookmarks.json").write_bytes(b'{"bookmarks": {')
    set_writable(case.home, False)
    done = byline(case, ("bookmarks", "list", "--json"), prefix)
    assert done.returncode == 0 and json.loads(done.stdout) == []
    assert done.stderr == ("byline: warning: bookmarks.json is damaged (not a valid store "
                           "file); read as empty and left as it is (the store is read-only)\n")
    assert (case.home / "bookmarks.json").read_bytes() == b'{"bookmarks": {'
    done = byline(case, ("feeds", "list", "--json"), prefix)  # the other files read as ever
    assert done.returncode == 0 and json.loads(done.stdout)[0]["entries"] == 4
