"""A small store holding one of every kind of file, for the tests that damage store files."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from feed_samples import rss

from store.library import Library

ARTICLE = """Council votes to rebuild the old lighthouse

KESTON (Wire) — Keston council voted on Thursday to rebuild the town's lighthouse, damaged in
last winter's storms.

"The lighthouse will shine again," said council leader Mara Quinn. "We owe it to the boats."

Fishermen had campaigned for the repair for months.
"""
ANOTHER = """Ferry crews accept new rota

KESTON (Wire) — Ferry crews accepted a new rota on Friday. "It is fair," said Tom Reed.
"""
BOOKKEEPING = (".generation", ".lock", ".lock.pid")


@dataclass
class StoreCase:
    """A filled store, and what the commands run on it need."""

    home: Path
    article_id: str
    quote_id: str
    feed: Path  # a feed file the store follows
    inputs: Path  # a folder with an article and an OPML file not in the store yet

    def files(self) -> list[str]:
        """Every store file, relative to home: one per kind of data file, and bookkeeping."""
        kinds: dict[str, str] = {}
        for path in sorted(self.home.rglob("*")):
            name = str(path.relative_to(self.home))
            if path.is_file() and name.endswith(".json"):
                kinds.setdefault(path.parent.name if "/" in name else name, name)
        return sorted(kinds.values()) + list(BOOKKEEPING)

    def documents(self) -> dict[str, dict]:
        """Every data file's tables as they are on disk now ({} for an unreadable one)."""
        out = {}
        for path in self.home.rglob("*.json"):
            try:
                out[str(path.relative_to(self.home))] = json.loads(path.read_bytes())
            except ValueError:
                out[str(path.relative_to(self.home))] = {}
        return out


def build_store(root: Path) -> StoreCase:
    home, inputs = root / "store", root / "inputs"
    inputs.mkdir(parents=True)
    (inputs / "lighthouse.txt").write_text(ARTICLE, encoding="utf-8")
    (inputs / "ferry.txt").write_text(ANOTHER, encoding="utf-8")
    feed = inputs / "coast.xml"
    feed.write_bytes(rss(4))
    (inputs / "subs.opml").write_text(
        '<opml version="2.0"><body><outline text="W" xmlUrl="http://wire.test/rss"/>'
        "</body></opml>", encoding="utf-8")
    with Library.open(home) as lib:
        (ref,) = lib.add(str(inputs / "lighthouse.txt"))
        lib.add(str(feed))
        lib.analyze_pending()
        stored = lib.article(ref.id)
        assert stored is not None and stored.analysis.quotes
        quote_id = f"{ref.id}:{stored.analysis.quotes[0].id}"
        lib.add_bookmark(quote_id, note="for the piece")
        lib.mark_read(ref.id)
        with lib.files.writing():  # leaves .lock and .lock.pid behind, as every writer does
            pass
    return StoreCase(home, ref.id, quote_id, feed.resolve(), inputs)


def copy_store(case: StoreCase, root: Path) -> StoreCase:
    home = root / "store"
    shutil.copytree(case.home, home)
    return StoreCase(home, case.article_id, case.quote_id, case.feed, case.inputs)
