"""The `byline` command's basics, run as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def byline(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui.cli.run", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def test_version_and_help() -> None:
    assert byline("--version").stdout.startswith("byline ")
    out = byline("--help")
    assert out.returncode == 0 and "analyze" in out.stdout


def test_bad_inputs_give_one_line_and_exit_2_others_still_processed(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    binary = tmp_path / "blob.bin"
    binary.write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    good = tmp_path / "good.txt"
    good.write_text("A headline\n\nThe mayor spoke on Tuesday. \"We are ready,\" she said.\n")
    out = byline("analyze", "--json", str(tmp_path / "missing.txt"), str(empty), str(binary),
                 str(good))
    assert out.returncode == 2
    errors = out.stderr.strip().splitlines()
    assert len(errors) == 3
    assert "no such file" in errors[0] and "empty" in errors[1] and "binary" in errors[2]
    docs = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(docs) == 1 and docs[0]["title"] == "A headline"


def test_copy_without_a_headline_is_headed_by_its_file(tmp_path: Path) -> None:
    story = tmp_path / "harbour-story.txt"
    story.write_text("The harbour council of Portvale has approved a ferry line linking the old "
                     "docks to the island of Mirren, ending a decade of delays over the cost.\n\n"
                     "\"It finally works for commuters,\" said council chair Ruth Okafor.\n")
    out = byline("analyze", str(story))
    assert out.returncode == 0
    assert out.stdout.splitlines()[0].strip() == "harbour-story.txt"


def test_command_table_matches_the_registered_subcommands() -> None:
    from tui.cli import COMMAND_MODULES, build_parser

    _, registered = build_parser()
    assert registered == set(COMMAND_MODULES)


def test_opening_the_reader_imports_no_subcommand_module() -> None:
    code = ("import sys, tui.cli; "
            "print(sorted(m for m in sys.modules if m.startswith(('store', 'rich', 'tui.cli.'))))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


def test_a_closed_output_pipe_ends_quietly() -> None:
    """`byline analyze … | head -1`: no traceback when the reader of stdout goes away."""
    article = str(ROOT / "seeds" / "01_port_serrin_minister_strike_law.txt")
    proc = subprocess.Popen([sys.executable, "-m", "tui.cli.run", "analyze", "--json",
                             *[article] * 40], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(100)
    proc.stdout.close()  # more than a pipe buffer is still to come
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 141
    assert "Traceback" not in stderr
