"""The seed article's expected reactions (gold file in ../shared), through the whole pipeline."""

from __future__ import annotations

import json
from pathlib import Path

from analysis import analyze
from analysis.text.words import fold

SEED = "seeds/000_2c06f009ad994e39.txt"
GOLD = "gold/000_2c06f009ad994e39.json"


def _run(shared: Path) -> tuple[list, dict]:
    analysis = analyze((shared / SEED).read_text(encoding="utf-8"), kind="text")
    gold = json.loads((shared / GOLD).read_text(encoding="utf-8"))["reactions"]
    return analysis.reactions, gold


def _matched(reaction, expected: dict) -> bool:
    return reaction.stance == expected["stance"] and any(
        fold(word) in fold(reaction.actor) for word in expected["actor"])


def test_every_expected_reaction_of_the_seed_is_found(shared: Path) -> None:
    reactions, gold = _run(shared)
    missing = [e for e in gold["expected"] if not any(_matched(r, e) for r in reactions)]
    assert not missing, (missing, [(r.actor, r.stance) for r in reactions])


def test_seed_reactions_are_precise_and_exclude_the_principal(shared: Path) -> None:
    reactions, gold = _run(shared)
    principal = fold(gold["principal"]).split()[-1]
    assert not [r for r in reactions if principal in fold(r.actor)]
    extras = [r for r in reactions if not any(_matched(r, e) for e in gold["expected"])]
    assert len(extras) <= 3, [(r.actor, r.stance, r.text) for r in extras]


def test_seed_reactions_respond_to_a_quote_of_the_principal(shared: Path) -> None:
    analysis = analyze((shared / SEED).read_text(encoding="utf-8"), kind="text")
    principal_quotes = {q.id for q in analysis.quotes if "macron" in fold(q.speaker)}
    for r in analysis.reactions:
        assert r.responds_to == "" or r.responds_to in principal_quotes
