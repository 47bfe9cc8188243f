"""Data flows one way: analysis is pure and light, store knows no UI."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT, SHARED


def _modules_after_import(module: str) -> set[str]:
    code = f"import sys, {module}; print('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    return set(out.stdout.split())


def test_analysis_imports_no_io_or_ui_library() -> None:
    import analysis  # noqa: F401  (the engine must import cleanly)

    loaded = _modules_after_import("analysis.quotes, analysis.summary, analysis.reactions")
    for banned in ("textual", "tinydb", "httpx", "feedparser", "store", "tui"):
        assert banned not in loaded, f"analysis pulled in {banned}"


def test_store_imports_no_textual() -> None:
    loaded = _modules_after_import("store.sources, store.fetch, store.paths")
    assert "textual" not in loaded


def test_layer_checker_passes() -> None:
    checker = SHARED / "tools" / "check_layers.py"
    if not checker.exists():
        import pytest

        pytest.skip("../shared/tools is not beside this checkout")
    out = subprocess.run([sys.executable, str(checker)], cwd=ROOT, capture_output=True,
                         text=True)
    assert out.returncode == 0, out.stdout + out.stderr
