"""Parsing the PolNeAR dumps loses none of their gold quotes (furniture rules stay precise)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from analysis.text.article import parse


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9 ]", "", " ".join(text.lower().split()))


def test_no_gold_quote_is_dropped_as_furniture(shared: Path) -> None:
    folder = shared / "polnear-dev"
    texts = sorted(folder.glob("*.txt"))
    assert texts
    lost = []
    for path in texts:
        article = parse(path.read_text(encoding="utf-8"))
        assert article.title and article.paragraphs
        body = _norm(" ".join(article.paragraphs))
        gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        lost += [(path.name, q["text"]) for q in gold["quotes"] if _norm(q["text"]) not in body]
    assert lost == []


def test_datelines_are_split_off(shared: Path) -> None:
    found = {}
    for path in sorted((shared / "polnear-dev").glob("*.txt")):
        article = parse(path.read_text(encoding="utf-8"))
        if article.dateline:
            found[path.name] = article.dateline
            assert not article.paragraphs[0].startswith(article.dateline)
    assert len(found) >= 10
    assert all(place.split(",")[0].isupper() for place in found.values())
