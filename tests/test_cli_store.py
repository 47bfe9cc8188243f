"""The store commands: add, related, speakers, quotes, bookmarks; JSON output and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from analysis import Analysis, Article, Quote, Speaker
from store.library import Library
from tui.cli import main

ROOT = Path(__file__).resolve().parent.parent

ARTICLE = """Council votes to rebuild the old lighthouse

KESTON (Wire) — Keston council voted on Thursday to rebuild the town's lighthouse, damaged in
last winter's storms, at a cost of 2.1 million.

Fishermen had campaigned for the repair for months.
"""

RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Keston Wire</title>
<item><title>Lighthouse rebuild approved by council vote</title>
<link>http://keston.test/lighthouse</link><guid>k1</guid>
<description>The council approved rebuilding the storm-damaged lighthouse.</description></item>
<item><title>[red]Harbour[/] market reopens</title><link>http://keston.test/market</link>
<guid>k2</guid><description>Stalls return to the harbour market.</description></item>
</channel></rss>
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    article = tmp_path / "lighthouse.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    feed = tmp_path / "keston.rss"
    feed.write_text(RSS, encoding="utf-8")
    return {"article": str(article), "feed": str(feed)}


def test_add_prints_ids_and_keeps_going_past_bad_input(capsys, files, tmp_path) -> None:
    code, out, err = run(capsys, "add", files["article"], str(tmp_path / "missing.txt"),
                         files["feed"])
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("byline: ") and "missing.txt" in err
    lines = out.splitlines()
    assert len(lines) == 3 and lines[0].endswith("Council votes to rebuild the old lighthouse")
    assert "[red]Harbour[/] market reopens" in out  # shown literally
    code, out, err = run(capsys, "add", "--json", files["article"])
    assert code == 0 and err == ""
    (item,) = json.loads(out)
    assert item["id"] == lines[0].split()[0] and item["new"] is False
    assert item["title"] == "Council votes to rebuild the old lighthouse"


def test_home_flag_selects_the_store(capsys, files, tmp_path) -> None:
    other = tmp_path / "other-home"
    assert run(capsys, "--home", str(other), "add", files["article"])[0] == 0
    with Library.open(other) as lib:
        assert len(lib.articles()) == 1
    with Library.open() as lib:  # $BYLINE_HOME, untouched
        assert lib.articles() == []


def test_related_json(capsys, files) -> None:
    code, out, _ = run(capsys, "add", "--json", files["article"], files["feed"])
    article_id = json.loads(out)[0]["id"]
    code, out, err = run(capsys, "related", article_id, "--json")
    assert code == 0 and err == ""
    ranked = json.loads(out)
    assert ranked[0]["guid"] == "k1" and ranked[0]["link"] == "http://keston.test/lighthouse"
    assert set(ranked[0]) == {"id", "guid", "title", "link", "score"}
    code, out, _ = run(capsys, "related", article_id[:6], "--json")  # a unique prefix will do
    assert json.loads(out) == ranked
    code, out, err = run(capsys, "related", "0000000000000000")
    assert code == 2 and err.startswith("byline: 0000000000000000")


def seed_quotes(home: Path) -> str:
    text = "The lighthouse will shine again."
    art = Article(title="Lighthouse to shine", published="2026-02-01",
                  paragraphs=[f"\u201c{text}\u201d said Mara Quinn, the mayor."])
    analysis = Analysis(art, speakers=[Speaker("s1", "Mara Quinn", role="mayor")],
                        quotes=[Quote("q1", text, "Mara Quinn, mayor", "s1", 0, 1, 1 + len(text))])
    with Library.open(home) as lib:
        return lib.add_analysis(analysis, url="https://keston.test/shine").id


def test_speakers_quotes_and_bookmarks(capsys, home) -> None:
    article_id = seed_quotes(home)
    code, out, _ = run(capsys, "speakers", "--json")
    assert json.loads(out)[0] == {"name": "Mara Quinn", "role": "mayor", "kind": "person",
                                      "aliases": [], "quote_count": 1, "article_count": 1}
    code, out, _ = run(capsys, "quotes", "--speaker", "quinn", "--json")
    (quote,) = json.loads(out)
    assert quote["quote_id"] == f"{article_id}:q1" and quote["article_title"] == \
        "Lighthouse to shine"
    code, out, err = run(capsys, "quotes", "--speaker", "Nobody")
    assert code == 2 and "Nobody" in err
    code, out, err = run(capsys, "bookmarks", "add", quote["quote_id"], "--note", "lede")
    assert code == 0 and quote["quote_id"] in out
    code, out, err = run(capsys, "bookmarks", "add", "bogus", "--json")
    assert code == 2 and json.loads(out) == [] and err.startswith("byline: bogus")
    code, out, _ = run(capsys, "bookmarks", "list", "--json")
    assert [(b["text"], b["note"]) for b in json.loads(out)] == [
        ("The lighthouse will shine again.", "lede")]
    code, out, _ = run(capsys, "bookmarks", "export")
    assert "> The lighthouse will shine again." in out and "Mara Quinn" in out
    code, out, _ = run(capsys, "bookmarks", "export", "--format", "json")
    assert json.loads(out)[0]["speaker"] == "Mara Quinn"
    target = home.parent / "exports" / "quotes.md"
    code, out, _ = run(capsys, "bookmarks", "export", "--output", str(target))
    assert code == 0 and "> The lighthouse will shine again." in target.read_text()
    assert run(capsys, "bookmarks", "remove", quote["quote_id"])[0] == 0
    code, _, err = run(capsys, "bookmarks", "remove", quote["quote_id"])
    assert code == 2 and "no such bookmark" in err
    code, out, _ = run(capsys, "bookmarks", "list", "--json")
    assert json.loads(out) == []


def test_newer_store_exits_with_one_line(capsys, home) -> None:
    Library.open(home).close()
    settings = home / "settings.json"
    data = json.loads(settings.read_text())
    data["settings"]["schema"]["value"] = 99
    settings.write_text(json.dumps(data))
    code, out, err = run(capsys, "speakers")
    assert code == 1 and out == "" and err.count("\n") == 1 and "newer Byline" in err


def test_installed_command_reports_a_damaged_file(home, files) -> None:
    """The real `byline` in a subprocess: no traceback, a warning, the damaged file kept."""
    script = Path(sys.executable).with_name("byline")
    if not script.exists():
        pytest.skip("the byline script is not installed beside this Python")
    byline = [str(script)]
    subprocess.run([*byline, "add", files["article"]], check=True, capture_output=True)
    (home / "bookmarks.json").write_text('{"bookmarks": {', encoding="utf-8")
    done = subprocess.run([*byline, "bookmarks", "list", "--json"], capture_output=True,
                          text=True)
    assert done.returncode == 0 and json.loads(done.stdout) == []
    assert "Traceback" not in done.stderr
    assert "bookmarks.json" in done.stderr and "moved aside" in done.stderr
    assert list(home.glob("bookmarks.json.corrupt-*"))


def test_speakers_all_analyses_pending_entries_first(capsys, files, home) -> None:
    run(capsys, "add", files["feed"])
    code, out, err = run(capsys, "speakers", "--json")
    assert code == 0 and json.loads(out) == []
    assert "2 feed entries not analysed yet" in err and "--all" in err
    code, out, err = run(capsys, "speakers", "--all", "--json")
    assert code == 0 and "analysed 2 feed entries" in err
    json.loads(out)  # stdout stays pure JSON
    with Library.open(home) as lib:
        assert lib.pending_analyses() == 0
    code, out, err = run(capsys, "speakers", "--json")
    assert "not analysed" not in err


def test_quotes_of_an_ambiguous_name_lists_who_it_may_be(capsys, home) -> None:
    seed_quotes(home)
    text = "The ferry will run all winter."
    art = Article(title="Ferry all winter", published="2026-02-02",
                  paragraphs=[f"\u201c{text}\u201d said Ivo Quinn, the harbour master."])
    analysis = Analysis(art, speakers=[Speaker("s1", "Ivo Quinn", role="harbour master")],
                        quotes=[Quote("q1", text, "Ivo Quinn", "s1", 0, 1, 1 + len(text))])
    with Library.open(home) as lib:
        lib.add_analysis(analysis, url="https://keston.test/ferry")
    code, out, err = run(capsys, "quotes", "--speaker", "Quinn")
    assert code == 2 and out == ""
    assert err == ("byline: Quinn: 2 speakers fit that name: Ivo Quinn; Mara Quinn "
                   "(give more of the name)\n")
    code, out, _ = run(capsys, "quotes", "--speaker", "ivo quin", "--json")
    assert code == 0 and [q["speaker"] for q in json.loads(out)] == ["Ivo Quinn"]
