"""The engine a wheel installs is compiled with mypyc (setup.py); it must analyse exactly as
the plain Python engine does, and what it makes must pass the store's checks. The test
compiles a copy of analysis/ (at -O0: the same code, built faster) and compares the two on the
seed articles and on real dev articles."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import analyze
from store.shapes import fits_analysis

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

pytestmark = pytest.mark.skipif(shutil.which("cc") is None and shutil.which("gcc") is None,
                                reason="no C compiler to build the compiled engine")

# Run in the compiled copy's folder: prints one JSON analysis per input file, after checking
# that the engine imported is the compiled one and that the store accepts each analysis.
_RUN = """
import json, sys
import analysis.pipeline
from analysis import analyze
from store.shapes import fits_analysis
assert not analysis.pipeline.__file__.endswith(".py"), analysis.pipeline.__file__
for path in sys.argv[1:]:
    made = analyze(open(path, encoding="utf-8").read(), kind="text").to_dict()
    assert fits_analysis(made), path
    print(json.dumps(made, sort_keys=True))
"""


def _inputs() -> list[Path]:
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    for folder in ("polnear-dev", "reactions-dev"):
        paths += sorted((SHARED / folder).glob("*.txt"))[:12]
    return paths


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("mypyc")
    where = tmp_path_factory.mktemp("compiled")
    shutil.copytree(ROOT / "analysis", where / "analysis",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", where)  # the mypy settings setup.py's build reads
    # without site-packages, as in the isolated environment pip builds a wheel in, before the
    # reader's dependencies are installed
    built = subprocess.run([sys.executable, "-m", "mypyc", "--no-site-packages", "analysis"],
                           cwd=where,
                           env={**os.environ, "MYPYC_OPT_LEVEL": "0"},
                           capture_output=True, text=True, timeout=900)
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    assert list((where / "analysis").glob("pipeline.*.so")), "mypyc built no extension"
    return where


def test_the_compiled_engine_analyses_as_the_plain_one(compiled: Path) -> None:
    paths = _inputs()
    ran = subprocess.run([sys.executable, "-c", _RUN, *map(str, paths)], cwd=compiled,
                         env={**os.environ, "PYTHONPATH": os.pathsep.join([str(compiled),
                                                                           str(ROOT)])},
                         capture_output=True, text=True, timeout=600)
    assert ran.returncode == 0, ran.stderr[-3000:]
    made = [json.loads(line) for line in ran.stdout.splitlines()]
    assert len(made) == len(paths)
    for path, analysis in zip(paths, made, strict=True):
        plain = analyze(path.read_text(encoding="utf-8"), kind="text").to_dict()
        assert fits_analysis(plain)
        assert json.loads(json.dumps(plain, sort_keys=True)) == analysis, path.name
