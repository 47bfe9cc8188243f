"""One sanitiser for every text that reaches a terminal: `analysis.clean_text`. Names typed by
the user and text from strangers reach the CLI's error lines and Rich views without escape
sequences, control characters or bidi overrides/isolates."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from feed_samples import rss
from hypothesis import example, given
from hypothesis import strategies as st

from analysis import clean_text
from store.errors import shown
from tui.cli import main
from tui.safe_text import clean, clean_mapped, one_line

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = "\x1b[31mred\x1b]0;pwned\x07\u202eevil\u2066x\u2069\x07"
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's own errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_clean_text_strips_bidi_overrides_and_isolates() -> None:
    text = "a\u202ab\u202bc\u202cd\u202de\u202ef\u2066g\u2067h\u2068i\u2069j"
    assert clean_text(text) == "abcdefghij"
    hebrew = "\u200f\u05e9\u05dc\u05d5\u05dd"
    assert clean_text(hebrew) == hebrew  # a right-to-left mark reorders nothing: it stays
    assert clean_text(HOSTILE) == "redevilx"


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60)
       | st.lists(st.sampled_from(["\x1b[", "\x1b]", "\x07", "\r\n", "\u202e", "e\u0301",
                                   "\u00a0", "a", " ", "\n", "\t", "m", "\x9b"]),
                  max_size=30).map("".join))
@example("\x1b[0@0")  # a sequence cut short cleans to more than the whole one
def test_every_terminal_helper_is_the_one_sanitiser(text: str) -> None:
    assert clean(text) == clean_text(text)
    assert one_line(text) == shown(text, limit=None) == " ".join(clean_text(text).split())
    cleaned, position = clean_mapped(text)
    assert cleaned == clean_text(text)
    offsets = [position[i] for i in range(len(text) + 1)]
    assert offsets == sorted(offsets) and offsets[-1] == len(cleaned)


def test_no_module_keeps_its_own_copy_of_the_sanitiser() -> None:
    """The escape-sequence pattern lives in analysis/text.py alone."""
    copies = [str(path.relative_to(ROOT)) for folder in ("store", "tui")
              for path in (ROOT / folder).rglob("*.py")
              if "\\x1b" in path.read_text(encoding="utf-8")]
    assert copies == []


@pytest.mark.parametrize("argv", [
    ("analyze", "{name}"),
    ("add", "{name}"),
    ("feeds", "add", "{name}"),
    ("feeds", "import", "{name}"),
    ("feeds", "list", "{name}"),  # argparse: unrecognized arguments
    ("refresh", "--timeout", "{name}"),
], ids=["analyze", "add", "feeds-add", "feeds-import", "argparse", "bad-timeout"])
def test_error_lines_never_echo_escapes(capsys, tmp_path: Path, argv: tuple[str, ...]) -> None:
    name = str(tmp_path / f"missing{HOSTILE}.xml")
    code, out, err = run(capsys, *(a.format(name=name) for a in argv))
    assert code == 2
    assert err and not UNSAFE.search(err + out), repr(err)
    assert "byline" in err


def test_rich_views_drop_bidi_controls(capsys, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(f"Harbour {HOSTILE} reopens\n\n\u201cWe are\u202e ready,\u201d said "
                       "Mayor Lina Ortiz on Tuesday.\n", encoding="utf-8")
    code, out, err = run(capsys, "analyze", str(article))
    assert code == 0, err
    assert "Harbour" in out and "Lina Ortiz" in out
    assert not UNSAFE.search(out)
    feed = tmp_path / "f.xml"
    feed.write_bytes(rss(2, title=f"Coast {HOSTILE} Daily"))
    assert run(capsys, "feeds", "add", str(feed))[0] == 0
    code, out, err = run(capsys, "feeds", "list")
    assert code == 0 and "Coast" in out
    assert not UNSAFE.search(out + err)
