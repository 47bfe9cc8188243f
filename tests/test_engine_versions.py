"""Engine versions in the store: every cached analysis is stamped with the engine version that
made it; what an older engine made (or what carries no stamp, as stores from before stamps) is
analysed again when read and by `byline reanalyze`; a store written by the current release opens
without re-analysis. Real TinyDB files; engine upgrades are played by raising
`analysis.ENGINE_VERSION` (in this process, or in a subprocess running the real command)."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from archive_support import article, write_feed

import analysis
from analysis import Analysis, Article, analyze
from store.library import Library

ROOT = Path(__file__).resolve().parent.parent

# The real command with the engine version raised by `bump` (an upgraded byline).
BYLINE_AT = ("import sys, analysis; analysis.ENGINE_VERSION += int(sys.argv[1]); "
             "from tui.cli import main; sys.exit(main(sys.argv[2:]))")


def byline(home: Path, *args: str, bump: int = 0) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", BYLINE_AT, str(bump), "--home", str(home),
                           *args], cwd=ROOT, capture_output=True, text=True, timeout=180)


def mtimes(home: Path) -> dict[str, int]:
    return {str(p.relative_to(home)): p.stat().st_mtime_ns for p in home.rglob("*.json")}


def stamps(home: Path) -> dict[str, set]:
    """Engine stamps found on disk: of bodies, cached entry analyses, digests."""
    found: dict[str, set] = {"bodies": set(), "analyses": set(), "quotes": set()}
    for folder in found:
        for shard in (home / folder).glob("*.json"):
            for doc in json.loads(shard.read_text(encoding="utf-8"))[folder].values():
                found[folder].add(doc.get("engine"))
    return found


def strip_stamps(home: Path) -> None:
    """Make the store look written before stamps existed (every analysis then counts as old)."""
    for folder in ("bodies", "analyses", "quotes"):
        for shard in (home / folder).glob("*.json"):
            data = json.loads(shard.read_text(encoding="utf-8"))
            for doc in data[folder].values():
                doc.pop("engine", None)
            shard.write_text(json.dumps(data), encoding="utf-8")


@pytest.fixture
def filled(tmp_path: Path, home: Path) -> Path:
    """A store with two articles and a feed of 80 entries, all analysed by this engine."""
    for n in (1, 2):
        path = tmp_path / f"story-{n}.txt"
        path.write_text(article(n, random.Random(n)), encoding="utf-8")
    with Library.open(home) as lib:
        lib.add(str(tmp_path / "story-1.txt"))
        lib.add(str(tmp_path / "story-2.txt"))
        lib.add(str(write_feed(tmp_path / "wire.rss", 80)))
        assert lib.analyze_pending(jobs=2) == 80
    return home


def test_a_store_written_by_this_release_opens_without_reanalysis(filled: Path) -> None:
    assert stamps(filled) == {"bodies": {analysis.ENGINE_VERSION},
                              "analyses": {analysis.ENGINE_VERSION},
                              "quotes": {analysis.ENGINE_VERSION}}
    before = mtimes(filled)
    with Library.open(filled) as lib:
        assert lib.stale_analyses() == 0 and lib.pending_analyses() == 0
        refs = lib.articles()
        assert len(refs) == 82
        for ref in refs:
            assert lib.article(ref.id).analysis.quotes
        assert lib.speakers()
    assert mtimes(filled) == before  # nothing was analysed again, so nothing was written
    done = byline(filled, "speakers")
    assert done.returncode == 0 and "older engine" not in done.stderr


def test_an_article_an_older_engine_analysed_is_analysed_again_when_read(home: Path) -> None:
    text = article(3, random.Random(3))
    # what an old engine made of it: no quotes at all
    old = Analysis(Article(title=text.split("\n")[0], paragraphs=text.split("\n\n")[2:]))
    with Library.open(home) as lib:
        ref = lib.add_analysis(old, text=text, engine=analysis.ENGINE_VERSION - 1)
        assert lib.stale_analyses() == 1 and not lib.speakers()
        shown = lib.article(ref.id).analysis
    made = analyze(text, kind="text")
    assert shown.to_dict() == made.to_dict() and made.quotes
    body = json.loads((home / "bodies" / f"{ref.id[:2]}.json").read_text())["bodies"][ref.id]
    assert body["engine"] == analysis.ENGINE_VERSION and body["analysis"] == made.to_dict()
    assert body["text"] == text  # the text itself is kept as it was
    before = mtimes(home)
    with Library.open(home) as lib:
        assert lib.stale_analyses() == 0
        assert {s.name for s in lib.speakers()} == {s.name for s in made.speakers}
        assert lib.article(ref.id).analysis.to_dict() == made.to_dict()
    assert mtimes(home) == before


def test_after_an_engine_upgrade_entries_are_analysed_again_on_read_and_in_bulk(
        filled: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(analysis, "ENGINE_VERSION", analysis.ENGINE_VERSION + 1)
    with Library.open(filled) as lib:
        assert lib.stale_analyses() == 82
        entry = lib.entries()[0]
        lib.article(entry.id)  # read: made again and cached
        assert lib.stale_analyses() == 81
        cached = json.loads((filled / "analyses" / f"{entry.id[:2]}.json").read_text())
        assert cached["analyses"][entry.id]["engine"] == analysis.ENGINE_VERSION
        assert lib.reanalyze(jobs=2) == 81
        assert lib.stale_analyses() == 0 and lib.reanalyze(jobs=2) == 0
    assert stamps(filled) == {"bodies": {analysis.ENGINE_VERSION},
                              "analyses": {analysis.ENGINE_VERSION},
                              "quotes": {analysis.ENGINE_VERSION}}


def test_reanalyze_brings_a_store_from_before_stamps_up_to_date(filled: Path) -> None:
    strip_stamps(filled)
    done = byline(filled, "speakers")
    assert done.returncode == 0
    assert "82 articles analysed by an older engine" in done.stderr and "reanalyze" in done.stderr
    done = byline(filled, "reanalyze", "--jobs", "2")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("re-analysed 82 articles")
    assert stamps(filled)["quotes"] == {analysis.ENGINE_VERSION}
    done = byline(filled, "reanalyze", "--json")
    assert json.loads(done.stdout) == {"reanalyzed": 0, "engine": analysis.ENGINE_VERSION}


def test_an_upgraded_byline_reanalyses_and_this_one_then_leaves_it_alone(filled: Path) -> None:
    done = byline(filled, "reanalyze", "--json", bump=1)
    assert json.loads(done.stdout) == {"reanalyzed": 82, "engine": analysis.ENGINE_VERSION + 1}
    assert stamps(filled)["analyses"] == {analysis.ENGINE_VERSION + 1}
    before = mtimes(filled)
    with Library.open(filled) as lib:  # an older byline on a newer store: read as it is
        assert lib.stale_analyses() == 0
        for ref in lib.articles()[:10]:
            lib.article(ref.id)
    assert mtimes(filled) == before
