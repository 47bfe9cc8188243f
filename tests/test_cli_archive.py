"""`byline analyze` over many inputs (folders, globs, stdin) on every core, `--out` partitions,
and `byline add --analyses` loading them into the store. The real command in subprocesses."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from archive_support import write_articles

import store.archive_load as archive_load
from analysis import ENGINE_VERSION, analyze
from store.library import Library

ROOT = Path(__file__).resolve().parent.parent


def byline(*args: str, stdin: str | None = None, home: Path | None = None,
           ) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if home is not None:
        env["BYLINE_HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "tui.cli.run", *args], cwd=ROOT, env=env,
                          input=stdin, capture_output=True, text=True, timeout=180)


def records(folder: Path) -> list[dict]:
    return [json.loads(line) for part in sorted(folder.glob("part-*.jsonl"))
            for line in part.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    write_articles(folder, 90)
    (folder / "article-0040b.txt").write_bytes(b"\x00\x01PNG\x00" * 50)  # a bad one, mid-way
    (folder / ".hidden.txt").write_text("Not read\n\nHidden files are left out.\n")
    return folder


def test_analyze_streams_a_folder_in_input_order_on_every_core(archive: Path) -> None:
    outputs = {}
    for jobs in ("1", "2"):
        done = byline("analyze", "--json", "--jobs", jobs, str(archive))
        assert done.returncode == 2  # the bad file; the others still analysed
        assert done.stderr.splitlines() == [
            f"byline: {archive / 'article-0040b.txt'}: binary file, not an article or a feed"]
        outputs[jobs] = [json.loads(line) for line in done.stdout.splitlines()]
    assert outputs["1"] == outputs["2"]
    titles = [doc["title"] for doc in outputs["2"]]
    assert len(titles) == 90 and all(t.endswith(f"({n})") for n, t in enumerate(titles))
    first = (archive / "article-0000.txt").read_text(encoding="utf-8")
    assert outputs["2"][0] == analyze(first, kind="text").to_dict()


def test_analyze_reads_a_list_of_paths_from_stdin_and_glob_patterns(archive: Path) -> None:
    paths = sorted(archive.glob("article-00[0-6]?.txt"))
    listed = "\n".join([str(paths[0]), str(archive / "missing.txt"), *map(str, paths[1:])])
    done = byline("analyze", "--json", "-", stdin=listed + "\n")
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "no such file" in done.stderr
    from_stdin = [json.loads(line)["title"] for line in done.stdout.splitlines()]
    assert len(from_stdin) == len(paths) == 70
    done = byline("analyze", "--json", str(archive / "article-00[0-6]?.txt"))
    assert done.returncode == 0
    assert [json.loads(line)["title"] for line in done.stdout.splitlines()] == from_stdin


def test_out_then_add_analyses_makes_a_browsable_store(archive: Path, tmp_path: Path) -> None:
    out, home = tmp_path / "out", tmp_path / "home"
    done = byline("analyze", str(archive), "--out", str(out))
    assert done.returncode == 2 and done.stdout == ""
    assert "wrote 90 analyses" in done.stderr and "binary file" in done.stderr
    made = records(out)
    assert len(made) == 91 and [r["id"] for r in made].count("") == 1
    assert all(list(r)[:2] == ["id", "source"] for r in made)
    assert byline("analyze", str(archive), "--out", str(out)).returncode == 2  # not over it

    done = byline("add", "--analyses", str(out), home=home)
    assert done.returncode == 2  # the failed input is reported again, once
    assert done.stdout == "added 90 articles\n" and done.stderr.count("\n") == 1
    good = [r for r in made if r["id"]]
    with Library.open(home) as lib:
        assert len(lib.articles()) == 90
        for record in good[::9]:
            stored = lib.article(record["id"])
            assert stored.analysis.to_dict() == record["analysis"]
            assert stored.ref.source == str(archive / Path(record["source"]).name)
        quotes = sum(len(r["analysis"]["quotes"]) for r in good)
        assert sum(s.quote_count for s in lib.speakers()) == quotes
        assert lib.stale_analyses() == 0
        name = lib.speakers()[0].name
    done = byline("quotes", "--speaker", name, "--json", home=home)
    assert done.returncode == 0 and json.loads(done.stdout)
    done = byline("add", str(archive / "article-0007.txt"), home=home)
    assert "already in the store" in done.stdout  # the same id as `byline add` gives a file
    done = byline("add", "--analyses", str(out), "--json", home=home)
    report = json.loads(done.stdout)
    assert report["added"] == 0 and report["known"] == 90 and len(report["failed"]) == 1


def test_add_analyses_reports_bad_lines_and_loads_the_rest(tmp_path: Path) -> None:
    text = write_articles(tmp_path / "a", 2)[0].read_text(encoding="utf-8")
    good = analyze(text, kind="text").to_dict()
    broken = dict(good, quotes=[dict(good["quotes"][0], start="seven")])
    lines = [
        json.dumps({"id": "0123456789abcdef", "source": "/a/x.txt", "engine": ENGINE_VERSION,
                    "analysis": good}),
        '{"id": "1123456789abcdef", "source": "/a/cut.txt", "engine": 2, "analysis": {"ti',
        json.dumps({"id": "2123456789abcdef", "source": "/a/y.txt", "engine": ENGINE_VERSION,
                    "analysis": broken}),
        json.dumps({"id": "", "source": "/a/z.txt", "error": "/a/z.txt: no such file"}),
        json.dumps(good | {"url": "https://archive.test/bare"}),  # a bare `analyze --json` line
    ]
    (tmp_path / "part-00000.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = byline("add", "--analyses", str(tmp_path / "part-00000.jsonl"), home=tmp_path / "h")
    assert done.returncode == 2 and done.stdout == "added 2 articles\n"
    errors = done.stderr.splitlines()
    assert len(errors) == 3
    assert "part-00000.jsonl:2: not a JSON line" in errors[0]
    assert "part-00000.jsonl:3: not an analysis record" in errors[1]
    assert errors[2] == "byline: /a/z.txt: no such file"
    with Library.open(tmp_path / "h") as lib:
        assert lib.article("0123456789abcdef").analysis.to_dict() == good
        assert lib.stale_analyses() == 1  # the bare line had no engine stamp: analysed again


def test_a_big_archive_loads_in_several_passes_with_the_same_result(
        archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    assert byline("analyze", str(archive), "--out", str(out)).returncode == 2
    with Library.open(tmp_path / "one-pass") as lib:
        once = lib.add_analyses([out])
    monkeypatch.setattr(archive_load, "LOAD_PASS_BYTES", 20_000)  # a pass per ~5 records
    with Library.open(tmp_path / "passes") as lib:
        seen: list[tuple[int, int]] = []
        passes = lib.add_analyses([out], lambda done, total: seen.append((done, total)))
        assert seen[-1][0] == seen[-1][1] and seen[-1][1] > 10 * out.stat().st_size
    assert (once.added, once.known, once.failed) == (passes.added, passes.known, passes.failed)
    for folder in ("bodies", "quotes"):
        for shard in (tmp_path / "one-pass" / folder).glob("*.json"):
            other = tmp_path / "passes" / folder / shard.name
            assert json.loads(shard.read_text())[folder].keys() == \
                json.loads(other.read_text())[folder].keys()


def test_the_progress_bar_shows_only_when_stderr_is_a_terminal(archive: Path) -> None:
    main, side = os.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "tui.cli.run", "analyze", "--json",
                             str(archive)], cwd=ROOT, stdout=subprocess.PIPE, stderr=side,
                            text=True, env=dict(os.environ, COLUMNS="100"))
    os.close(side)
    out, _ = proc.communicate(timeout=180)
    shown = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(main)
    assert b"analysing" in shown and b"binary file" in shown
    assert len([json.loads(line) for line in out.splitlines()]) == 90  # stdout stays JSON
    piped = byline("analyze", "--json", str(archive))
    assert "analysing" not in piped.stderr and "\x1b" not in piped.stderr


def test_a_closed_output_pipe_stops_the_workers_quietly(archive: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "tui.cli.run", "analyze", "--json",
                             str(archive)], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(100)
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 141
    assert "Traceback" not in stderr


def session_processes(session: int) -> list[int]:
    """Processes still alive in a session (the command, its fork server and workers)."""
    alive = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[3]) == session and fields[0] != "Z":  # field 6: session id
                alive.append(int(entry.name))
    return alive


def test_ctrl_c_stops_the_command_and_its_workers_quietly(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    write_articles(folder, 3000)
    proc = subprocess.Popen([sys.executable, "-m", "tui.cli.run", "analyze", "--json",
                             str(folder)], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()  # the pool is running
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal sends it: to every process of the job
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 130
    assert "Traceback" not in stderr
    for _ in range(100):  # the workers go with it
        if not session_processes(proc.pid):
            break
        time.sleep(0.1)
    assert session_processes(proc.pid) == []
