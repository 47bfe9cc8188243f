"""Every store file read defensively: each kind of file damaged in each way, then every command
run on the store. No traceback, the command goes on; a damaged data file is moved aside with
one line saying so; a damaged bookkeeping file is rebuilt; nothing held in the other files is
lost. A hypothesis test writes arbitrary bytes into any one store file."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_fixture import BOOKKEEPING, StoreCase, build_store, copy_store

from tui.cli import main

COMMANDS: list[tuple[str, ...]] = [
    ("feeds", "list"), ("feeds", "list", "--json"), ("feeds", "export"),
    ("bookmarks", "list"), ("bookmarks", "export", "--format", "json"),
    ("speakers",), ("speakers", "--all"), ("quotes", "--speaker", "Mara Quinn"),
    ("related", "{article}"),
    ("add", "{inputs}/ferry.txt"), ("feeds", "add", "{feed}"), ("refresh",),
    ("bookmarks", "add", "{quote}"), ("feeds", "import", "{inputs}/subs.opml"),
    ("bookmarks", "remove", "{quote}"), ("feeds", "remove", "{feed}"),
]
REMOVING = {"remove"}


def _swap_types(value: Any) -> Any:
    """Every leaf of another JSON type: text becomes a number, numbers text, lists objects."""
    if isinstance(value, dict):
        return {k: _swap_types(v) for k, v in value.items()}
    if isinstance(value, list):
        return {str(n): _swap_types(v) for n, v in enumerate(value)}
    if isinstance(value, str):
        return 7
    if isinstance(value, bool) or value is None:
        return "x"
    return "x" if isinstance(value, int | float) else value


def _wrong_field_types(data: bytes) -> bytes:
    try:
        return json.dumps(_swap_types(json.loads(data))).encode()
    except ValueError:
        return b"-1-"


DAMAGES: dict[str, Callable[[bytes], bytes]] = {
    "truncated": lambda data: data[: len(data) // 2],
    "junk-head": lambda data: b"\xff\xfe\x00\x1b[31mjunk\x9b" + data,
    "empty": lambda data: b"",
    "wrong-json-type": lambda data: b"[1, 2, 3]",
    "wrong-field-types": _wrong_field_types,
    "nul-bytes": lambda data: b"\x00" * max(len(data), 8),
}


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> StoreCase:
    return build_store(tmp_path_factory.mktemp("template"))


def run(capsys: pytest.CaptureFixture[str], case: StoreCase,
        command: tuple[str, ...]) -> tuple[int, str, str]:
    argv = [part.format(article=case.article_id, quote=case.quote_id, feed=case.feed,
                        inputs=case.inputs) for part in command]
    capsys.readouterr()
    code = main(["--home", str(case.home), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def ids(documents: dict[str, Any]) -> set[tuple[str, str, str]]:
    return {(name, table, key) for name, tables in documents.items()
            if isinstance(tables, dict)
            for table, docs in tables.items() if isinstance(docs, dict)
            for key in docs}


def check_command(capsys: pytest.CaptureFixture[str], case: StoreCase, name: str,
                  damaged: bytes, command: tuple[str, ...]) -> None:
    before = case.documents()
    code, out, err = run(capsys, case, command)  # an exception would fail the test here
    where = f"{name} damaged, `byline {' '.join(command)}`"
    assert code in (0, 2), f"{where}: exit {code}: {err}"
    aside = list(case.home.glob(f"{name}.corrupt-*"))
    if name in BOOKKEEPING:
        assert "damaged" not in err, f"{where}: {err}"
    elif aside:  # the command read the file: it said so, and kept the damaged bytes
        assert "moved aside" in err and name in err, f"{where}: {err}"
        assert [p.read_bytes() for p in aside] == [damaged]
    if not REMOVING & set(command):
        lost = {i for i in ids(before) if i[0] != name} - ids(case.documents())
        assert not lost, f"{where}: lost {sorted(lost)[:5]}"


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_each_kind_of_store_file_damaged_each_way_under_every_command(
        capsys: pytest.CaptureFixture[str], template: StoreCase, tmp_path: Path,
        damage: str) -> None:
    names = template.files()
    assert {"settings.json", "index.json", "state.json", "feeds.json", "bookmarks.json"} \
        <= set(names)
    assert {n.split("/")[0] for n in names if "/" in n} == {"bodies", "chunks", "analyses",
                                                             "quotes"}
    for number, name in enumerate(names):
        original = (template.home / name).read_bytes()
        damaged = DAMAGES[damage](original)
        for step, command in enumerate(COMMANDS):
            case = copy_store(template, tmp_path / f"{number}-{step}")
            (case.home / name).write_bytes(damaged)
            check_command(capsys, case, name, damaged, command)


def test_damaged_generation_file_is_rebuilt(capsys, template: StoreCase, tmp_path: Path) -> None:
    """The case that stopped every command: junk bytes at the start of `.generation`."""
    case = copy_store(template, tmp_path)
    generation = case.home / ".generation"
    generation.write_bytes(b"\xff\xfe\x00junk" + generation.read_bytes())
    code, out, err = run(capsys, case, ("bookmarks", "list"))
    assert (code, err) == (0, "") and case.quote_id in out
    token = generation.read_text(encoding="ascii")
    assert token.count("-") == 1 and token.replace("-", "").isdigit()


STORE_FILES = st.sampled_from(["settings.json", "index.json", "state.json", "feeds.json",
                               "bookmarks.json", "bodies", "chunks", "analyses", "quotes",
                               *BOOKKEEPING])
READ_AND_WRITE = st.sampled_from([c for c in COMMANDS if not REMOVING & set(c)])


def _json_values() -> st.SearchStrategy[Any]:
    leaves = st.none() | st.booleans() | st.integers(-2, 2**40) | st.floats(allow_nan=False) \
        | st.text(max_size=8)
    return st.recursive(leaves, lambda inner: st.lists(inner, max_size=3)
                        | st.dictionaries(st.text(max_size=6), inner, max_size=3), max_leaves=8)


@st.composite
def damaged_bytes(draw: st.DrawFn, original: bytes) -> bytes:
    """Arbitrary bytes, the file's own bytes mangled, or its JSON with one part replaced."""
    how = draw(st.sampled_from(["arbitrary", "mangled", "json"]))
    if how == "arbitrary":
        return draw(st.binary(max_size=300))
    if how == "mangled":
        data = bytearray(original)
        for _ in range(draw(st.integers(1, 4))):
            at = draw(st.integers(0, max(len(data) - 1, 0)))
            data[at:at + draw(st.integers(0, 8))] = draw(st.binary(max_size=8))
        return bytes(data)
    try:
        value = json.loads(original)
    except ValueError:
        return json.dumps(draw(_json_values())).encode()
    path: list[Any] = []
    node = value
    while isinstance(node, dict | list) and node and draw(st.booleans()):
        key = draw(st.sampled_from(sorted(node) if isinstance(node, dict) else range(len(node))))
        path.append(key)
        node = node[key]
    replacement = draw(_json_values())
    if not path:
        return json.dumps(replacement).encode()
    parent = value
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = replacement
    return json.dumps(value).encode()


@settings(max_examples=int(os.environ.get("STORE_DAMAGE_EXAMPLES", "120")), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data(), kind=STORE_FILES, command=READ_AND_WRITE)
def test_arbitrary_bytes_in_any_one_store_file(capsys, template: StoreCase, tmp_path: Path,
                                               data: st.DataObject, kind: str,
                                               command: tuple[str, ...]) -> None:
    if "/" in kind or kind in ("bodies", "chunks", "analyses", "quotes"):
        name = next(n for n in template.files() if n.startswith(kind + "/"))
    else:
        name = kind
    damaged = data.draw(damaged_bytes((template.home / name).read_bytes()))
    root = tmp_path / f"h{len(list(tmp_path.iterdir()))}"
    case = copy_store(template, root)
    (case.home / name).write_bytes(damaged)
    check_command(capsys, case, name, damaged, command)
