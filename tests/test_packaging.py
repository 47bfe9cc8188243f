"""The distribution ships every package of the source tree: an installed (not editable) byline
imports the same modules as a checkout."""

from __future__ import annotations

import tomllib
from pathlib import Path

from setuptools import find_packages

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("analysis", "store", "tui", "styles", "seeds")


def shipped_packages() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    setuptools = config["tool"]["setuptools"]
    if "packages" in setuptools and isinstance(setuptools["packages"], list):
        return set(setuptools["packages"])
    found = setuptools["packages"]["find"]
    return set(find_packages(where=str(ROOT), include=found.get("include", ["*"]),
                             exclude=found.get("exclude", ())))


def source_packages() -> set[str]:
    return {".".join(init.parent.relative_to(ROOT).parts)
            for part in PARTS for init in (ROOT / part).rglob("__init__.py")}


def test_every_package_of_the_source_tree_is_shipped() -> None:
    assert source_packages() <= shipped_packages()


def test_tests_and_benchmarks_are_not_shipped() -> None:
    assert not {name for name in shipped_packages()
                if name.split(".")[0] in ("tests", "benchmarks")}
