"""The seed article against its gold file: every quote found and attributed (pair F1 = 1.0),
and the eight speakers with their canonical names and roles."""

from __future__ import annotations

import importlib.util
import json
import unicodedata
from pathlib import Path

from analysis import analyze

SEED = "seeds/000_2c06f009ad994e39.txt"
GOLD = "gold/000_2c06f009ad994e39.json"


def _scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("score_quotes",
                                                  shared / "tools" / "score_quotes.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("’", "'").lower()
    return text.removeprefix("a ").removeprefix("the ").strip()


def _analysis(shared: Path) -> dict:
    return analyze((shared / SEED).read_text(encoding="utf-8"), kind="text").to_dict()


def test_seed_quote_pairs_are_all_right(shared: Path) -> None:
    gold = json.loads((shared / GOLD).read_text(encoding="utf-8"))
    result = _scorer(shared).score(gold, _analysis(shared))
    assert result["missed_or_misattributed"] == []
    assert result["detect_f1"] == 1.0
    assert result["pair_f1"] == 1.0


def test_seed_speakers_names_roles_kinds(shared: Path) -> None:
    gold = json.loads((shared / GOLD).read_text(encoding="utf-8"))
    pred = _analysis(shared)
    speakers = {_norm(s["name"]): s for s in pred["speakers"]}
    assert len(pred["speakers"]) == len(gold["speakers"]) == 8
    for expected in gold["speakers"]:
        got = speakers.get(_norm(expected["name"]))
        assert got is not None, expected["name"]
        gold_role = expected["role"]
        if gold_role.endswith("(anonymous)"):
            assert got["kind"] == "anonymous"
            gold_role = gold_role.removesuffix("(anonymous)").strip()
        else:
            assert got["kind"] == "person"
        # Our role may carry more of the appositive ("… based in London"), never less.
        assert _norm(got["role"]).startswith(_norm(gold_role)), (got["role"], gold_role)
        quotes = [q for q in pred["quotes"] if q["speaker_id"] == got["id"]]
        assert len(quotes) == expected["quotes"], expected["name"]
        assert all(q["speaker"] == (f"{got['name']}, {got['role']}" if got["role"]
                                    else got["name"]) for q in quotes)


def test_seed_pronoun_quote_is_the_diplomat_not_macron(shared: Path) -> None:
    pred = _analysis(shared)
    quote = next(q for q in pred["quotes"] if q["text"].startswith("didn"))
    assert quote["speaker"].startswith("A French diplomat")
    assert quote["cue"] == "said"


def test_seed_quotes_offsets_and_order(shared: Path) -> None:
    pred = _analysis(shared)
    paragraphs = pred["paragraphs"]
    positions = []
    for n, q in enumerate(pred["quotes"], start=1):
        assert q["id"] == f"q{n}"
        assert paragraphs[q["paragraph"]][q["start"]:q["end"]] == q["text"]
        positions.append((q["paragraph"], q["start"]))
    assert positions == sorted(positions)
