"""End to end: the installed `byline` in a pseudo-terminal opens an article, a quote is
bookmarked from the keyboard, `q` quits, and `byline bookmarks list --json` holds it.

The screen is read loosely from the raw terminal stream: each step waits (generously, CI
machines are slow) for a text the reader draws, never for a fixed time.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import analyze

pexpect = pytest.importorskip("pexpect")

SEED = "seeds/000_2c06f009ad994e39.txt"
STEP_TIMEOUT = 30
QUIT_TIMEOUT = 30

OWN_ARTICLE = """Harbour budget talks collapse in Portvale

By Lena Ortiz

PORTVALE — The city's budget talks collapsed on Monday after a night of bargaining.

"We will not sign a budget that forgets the harbour workers," said Maria Keller, the finance
minister of the city.

Tom Reyes, a union leader, said the council had wasted a month of everyone's time.
"""

DOWN = "\x1b[B"


def byline_command() -> str:
    found = shutil.which("byline") or str(Path(sys.executable).with_name("byline"))
    if not Path(found).exists():
        pytest.skip("the byline console script is not installed")
    return found


@pytest.fixture
def article(tmp_path: Path) -> Path:
    """The seed article from ../shared when present, else one written here."""
    shared = Path(__file__).resolve().parent.parent.parent / "shared"
    if (shared / SEED).is_file():
        return shared / SEED
    own = tmp_path / "own-article.txt"
    own.write_text(OWN_ARTICLE, encoding="utf-8")
    return own


def test_bookmark_a_quote_in_the_reader_then_list_it(tmp_path: Path, article: Path) -> None:
    byline = byline_command()
    analysis = analyze(article.read_text(encoding="utf-8"), kind="text")
    if not analysis.quotes:
        pytest.skip("the analysis finds no quote in the article")
    speakers = [s.name for s in analysis.speakers]
    first_speaker = speakers[0] if speakers else analysis.quotes[0].speaker
    home = tmp_path / "e2e-home"
    env = dict(os.environ, TERM="xterm-256color", BYLINE_HOME=str(home))
    env.pop("NO_COLOR", None)

    child = pexpect.spawn(byline, ["--home", str(home), str(article)], env=env,
                          dimensions=(40, 120), encoding="utf-8", codec_errors="replace",
                          timeout=STEP_TIMEOUT)
    try:
        # The quotes pane lists the article's speakers once the article is open.
        child.expect_exact(first_speaker[:20])
        child.send("\t\t\t")  # articles → reader → summary → quotes
        # The tree's cursor may start above its first line: one ↓ can land on the first
        # speaker, in which case `b` asks for a quote and the next ↓ reaches one.
        child.send(DOWN)
        child.send("b")
        if child.expect_exact(["Bookmarked", "Move onto a"]) == 1:
            child.send(DOWN)
            child.send("b")
            child.expect_exact("Bookmarked")
        child.send("q")
        child.expect(pexpect.EOF, timeout=QUIT_TIMEOUT)
    finally:
        child.close(force=True)
    assert child.exitstatus == 0, child.before

    listed = subprocess.run([byline, "--home", str(home), "bookmarks", "list", "--json"],
                            capture_output=True, text=True, env=env, timeout=60, check=True)
    bookmarks = json.loads(listed.stdout)
    assert len(bookmarks) == 1
    (bookmark,) = bookmarks
    article_id, quote_number = bookmark["quote_id"].split(":")
    quote = next(q for q in analysis.quotes if q.id == quote_number)
    assert bookmark["text"] == quote.text
    assert bookmark["article_id"] == article_id
