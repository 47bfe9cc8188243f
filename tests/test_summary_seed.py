"""The seed's summary carries every point of its gold file."""

from __future__ import annotations

import json
from pathlib import Path

from analysis import analyze

SEED = "000_2c06f009ad994e39"


def test_seed_summary_points(shared: Path) -> None:
    text = (shared / "seeds" / f"{SEED}.txt").read_text(encoding="utf-8")
    gold = json.loads((shared / "gold" / f"{SEED}.json").read_text(encoding="utf-8"))
    result = analyze(text, kind="text")
    summary = [s.lower() for s in result.summary]
    assert 3 <= len(summary) <= 5
    for point in gold["summary"]["points"]:
        assert any(
            all(any(alt in sentence for alt in key.split("|")) for key in point["keys"])
            for sentence in summary
        ), point["point"]
    # extractive, in article order, and free of furniture
    body = " ".join(result.article.paragraphs)
    positions = [body.find(s) for s in result.summary]
    assert -1 not in positions and positions == sorted(positions)
    for furniture in gold["boilerplate"]:
        assert all(furniture not in s for s in result.summary)
