"""The seed page dump parses to its gold title, dateline and furniture-free body."""

from __future__ import annotations

import json
from pathlib import Path

from analysis.text.article import parse

SEED = "000_2c06f009ad994e39"


def _seed(shared: Path) -> tuple[str, dict]:
    text = (shared / "seeds" / f"{SEED}.txt").read_text(encoding="utf-8")
    gold = json.loads((shared / "gold" / f"{SEED}.json").read_text(encoding="utf-8"))
    return text, gold


def _letters(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


def test_seed_title_and_dateline(shared: Path) -> None:
    text, gold = _seed(shared)
    article = parse(text, kind="text")
    assert article.title == gold["title"]
    assert article.dateline == gold["dateline"]
    first = article.paragraphs[0]
    assert not first.startswith(gold["dateline"])
    assert first[0].isupper() and not first.startswith(("–", "-", "—"))


def test_seed_has_no_boilerplate_left(shared: Path) -> None:
    text, gold = _seed(shared)
    article = parse(text)  # auto must see a text dump
    body = "\n".join(article.paragraphs)
    for furniture in gold["boilerplate"]:
        assert furniture not in article.paragraphs
        assert furniture not in body, furniture
    # The photo caption ends in a parenthesised credit; it is furniture too.
    assert not any(p.rstrip(". ").endswith("via AP)") for p in article.paragraphs)


def test_seed_keeps_every_story_paragraph(shared: Path) -> None:
    text, gold = _seed(shared)
    article = parse(text)
    body = _letters(" ".join(article.paragraphs))
    for quote in gold["quotes"]:
        assert _letters(quote["text"]) in body, quote["text"]
    # paragraph boundaries are kept: no paragraph runs two blank-line blocks together
    blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
    assert len(article.paragraphs) <= len(blocks)
