"""End to end: the installed `byline` in a pseudo-terminal opens an article, a quote is
bookmarked from the keyboard, `q` quits, and `byline bookmarks list --json` holds it; and, on a
store that follows a feed, the unread count is read off the screen, the article is marked
unread again, a related entry is opened and Esc comes back to the article.

The screen is read loosely from the raw terminal stream: each step waits (generously, CI
machines are slow) for a text the reader draws, never for a fixed time.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
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
ESCAPE = "\x1b"
TAB = "\t"

# A feed written for this test: one entry about the seed article's event, one about the
# fallback article's, so that either article finds its related entry.
FEED = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Test Wire</title><link>http://wire.test/</link>
<description>Entries for the end-to-end test</description>
<item><title>Allies distance themselves from Macron on troops for Ukraine</title>
<link>http://wire.test/troops</link><guid>wire-troops</guid>
<pubDate>Wed, 28 Feb 2024 10:00:00 GMT</pubDate>
<description>French President Emmanuel Macron said sending Western troops to Ukraine could not
be ruled out. Germany, Poland and other European leaders said they would not send troops to
Ukraine, and NATO Secretary-General Jens Stoltenberg said there were no plans for NATO combat
troops in Ukraine as Russia warned of a direct conflict.</description></item>
<item><title>Portvale budget talks collapse as harbour workers wait</title>
<link>http://wire.test/budget</link><guid>wire-budget</guid>
<pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate>
<description>Portvale's budget talks collapsed after a night of bargaining. Finance minister
Maria Keller said the city would not sign a budget that forgets the harbour workers, and union
leader Tom Reyes said the council had wasted a month of the harbour workers' time.</description>
</item></channel></rss>
"""


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


def wait_for(condition, message: str) -> None:
    """Poll condition (the store, written in the background) until true or STEP_TIMEOUT."""
    deadline = time.monotonic() + STEP_TIMEOUT
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(message)
        time.sleep(0.2)


def test_unread_count_mark_unread_and_back_from_a_related_entry(tmp_path: Path,
                                                                  article: Path) -> None:
    import re

    from store.library import Library

    byline = byline_command()
    analysis = analyze(article.read_text(encoding="utf-8"), kind="text")
    speakers = [s.name for s in analysis.speakers]
    if not speakers:
        pytest.skip("the analysis finds no speaker in the article")
    home = tmp_path / "e2e-home"
    env = dict(os.environ, TERM="xterm-256color", BYLINE_HOME=str(home))
    env.pop("NO_COLOR", None)
    feed = tmp_path / "wire.rss"
    feed.write_text(FEED, encoding="utf-8")
    subprocess.run([byline, "--home", str(home), "feeds", "add", str(feed)], env=env,
                   capture_output=True, text=True, timeout=60, check=True)

    child = pexpect.spawn(byline, ["--home", str(home), str(article)], env=env,
                          dimensions=(40, 120), encoding="utf-8", codec_errors="replace",
                          timeout=STEP_TIMEOUT)
    try:
        child.expect_exact(speakers[0][:20])  # the article is open, so read

        def stored_read() -> bool | None:
            with Library.open(home) as library:
                mine = [ref for ref in library.articles() if not ref.feed_url]
                return mine[0].read if mine else None

        wait_for(lambda: stored_read() is True, "the opened article never counted as read")
        child.send("m")  # unread again
        # The list's title counts what is left to read: the article and the two feed entries.
        # (Wait for that count: a frame drawn before the key, "2 unread", may still be unread
        # in the terminal's output.)
        child.expect_exact("Articles · 3 unread")
        wait_for(lambda: stored_read() is False, "the unread mark never reached the store")
        # Into the reactions pane, to the related entry at its end; open it; Esc comes back.
        child.send(TAB * 4)
        time.sleep(0.5)
        child.send("G")
        child.send("\r")
        child.expect_exact("Esc: back to")  # the entry is open; the reader offers the way back

        def related_read() -> bool:
            with Library.open(home) as library:
                return any(ref.read for ref in library.articles() if ref.feed_url)

        wait_for(related_read, "the related entry never opened")
        child.send(ESCAPE)
        # Back on the article, which is opened again, so read again (it was marked unread).
        wait_for(lambda: stored_read() is True, "Esc never came back to the article")
        time.sleep(0.5)
        child.send("q")
        child.expect(pexpect.EOF, timeout=QUIT_TIMEOUT)
    finally:
        child.close(force=True)
    assert child.exitstatus == 0, child.before
    with Library.open(home) as library:
        related = [ref for ref in library.articles() if ref.feed_url and ref.read]
        assert len(related) == 1  # the related entry was opened, so read
        assert re.search(r"troops|budget", related[0].title)
