"""Writes that fail part-way lose nothing: a full disk (a real tmpfs of a few KB, mounted in a
private mount namespace) and a file size limit (RLIMIT_FSIZE) make every write command end with
one line, the store's files as they were and no temp file left; reading goes on."""

from __future__ import annotations

import json
import resource
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from store_fixture import StoreCase, build_store

ROOT = Path(__file__).resolve().parent.parent
WRITES: list[tuple[str, ...]] = [
    ("add", "{inputs}/ferry.txt"), ("bookmarks", "add", "{quote}", "--note", "a longer note"),
    ("feeds", "import", "{inputs}/subs.opml"), ("refresh",),
]


def argv(case: StoreCase, command: tuple[str, ...], home: Path) -> list[str]:
    return ["--home", str(home), *(part.format(quote=case.quote_id, inputs=case.inputs)
                                   for part in command)]


def documents(home: Path) -> dict[str, dict]:
    return {str(p.relative_to(home)): json.loads(p.read_bytes()) for p in home.rglob("*.json")}


def kept(before: dict[str, dict], after: dict[str, dict]) -> bool:
    """Every document there before is there after, unchanged (new orphan bodies may appear:
    bodies are written before the index that would name them)."""
    return all(after.get(name, {}).get(table, {}).get(key) == doc
               for name, tables in before.items() for table, docs in tables.items()
               for key, doc in docs.items())


FULL_DISK = textwrap.dedent("""
    import json, shutil, subprocess, sys
    from pathlib import Path
    store, mount, args = Path(sys.argv[1]), Path(sys.argv[2]), json.loads(sys.argv[3])
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], check=True)
    home = mount / "store"
    shutil.copytree(store, home)
    try:
        with open(mount / "filler", "wb") as filler:  # the rest of the disk, taken
            while True:
                filler.write(b"\\0" * 4096)
                filler.flush()
    except OSError:
        pass
    runs = []
    for command in args:
        done = subprocess.run([sys.executable, "-m", "tui.cli.run", "--home", str(home),
                               *command], capture_output=True, text=True)
        runs.append([done.returncode, done.stderr])
    leftovers = [str(p) for p in home.rglob(".*.tmp")]
    documents = {str(p.relative_to(home)): json.loads(p.read_bytes())
                 for p in home.rglob("*.json")}
    listed = subprocess.run([sys.executable, "-m", "tui.cli.run", "--home", str(home),
                             "bookmarks", "list", "--json"], capture_output=True, text=True)
    print(json.dumps({"runs": runs, "leftovers": leftovers, "documents": documents,
                      "listed": listed.stdout}))
""")


def test_a_full_disk_loses_nothing(tmp_path: Path) -> None:
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("unshare is not installed")
    case = build_store(tmp_path)
    commands = [argv(case, command, Path("."))[2:] for command in WRITES]
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run([unshare, "--mount", "--map-root-user", sys.executable, "-c",
                           FULL_DISK, str(case.home), str(mount), json.dumps(commands)],
                          capture_output=True, text=True, timeout=300, cwd=ROOT,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin:/sbin"})
    if done.returncode != 0 and "mount" in done.stderr:
        pytest.skip(f"no private mount namespace here: {done.stderr.strip()[-200:]}")
    result = json.loads(done.stdout)
    for command, (code, err) in zip(WRITES, result["runs"], strict=True):
        assert code == 1, (command, err)
        lines = err.splitlines()
        assert len(lines) == 1 and lines[0].startswith("byline: cannot write "), command
        assert "No space left on device" in lines[0], command
    assert result["leftovers"] == []
    assert kept(documents(case.home), result["documents"])
    assert json.loads(result["listed"])[0]["quote_id"] == case.quote_id


def _limit_file_size(limit: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG instead
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_a_write_cut_short_by_a_file_size_limit_loses_nothing(tmp_path: Path) -> None:
    case = build_store(tmp_path)
    limit = 100  # bytes: less than any store file a command rewrites
    before = documents(case.home)
    for command in WRITES:
        done = subprocess.run([sys.executable, "-m", "tui.cli.run",
                               *argv(case, command, case.home)],
                              capture_output=True, text=True, timeout=120, cwd=ROOT,
                              env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
                              preexec_fn=lambda: _limit_file_size(limit))
        assert done.returncode == 1, (command, done.stderr)
        assert done.stderr.startswith("byline: cannot write ") \
            and "File too large" in done.stderr and done.stderr.count("\n") == 1, command
        assert list(case.home.rglob(".*.tmp")) == []
        assert kept(before, documents(case.home)), command
    listed = subprocess.run([sys.executable, "-m", "tui.cli.run", "--home", str(case.home),
                             "bookmarks", "list", "--json"], capture_output=True, text=True,
                            timeout=120, cwd=ROOT, env={"PYTHONPATH": str(ROOT)})
    assert json.loads(listed.stdout)[0]["quote_id"] == case.quote_id
