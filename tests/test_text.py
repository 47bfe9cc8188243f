"""Sentence splitting and text cleaning."""

from __future__ import annotations

import time

import pytest

from analysis.text import clean_text, sentence_spans, split_sentences


@pytest.mark.parametrize("text, expected", [
    ("Mr. Hale went to the port. He said no.", ["Mr. Hale went to the port.", "He said no."]),
    ("Dana K. Holt spoke. Then Sen. Varo did.",
     ["Dana K. Holt spoke.", "Then Sen. Varo did."]),
    ("He left at 5 p.m. The next day he returned.",
     ["He left at 5 p.m.", "The next day he returned."]),
    ("“It is over.” Then he left.", ["“It is over.”", "Then he left."]),
    ('He said "No." She agreed.', ['He said "No."', "She agreed."]),
    ("He lives at No. 10 Downing Street. Fine.", ["He lives at No. 10 Downing Street.", "Fine."]),
    ("Is it? Yes! Fine.", ["Is it?", "Yes!", "Fine."]),
    ("It cost $3.5 million. Later, more.", ["It cost $3.5 million.", "Later, more."]),
    ("Gov. Jones of Calif. spoke at St. Andrews.", ["Gov. Jones of Calif. spoke at St. Andrews."]),
    ("no capital after the stop. so one sentence", ["no capital after the stop. so one sentence"]),
    ("", []),
    ("   ", []),
])
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_sentence_spans_are_offsets_into_the_paragraph() -> None:
    text = "  First one here.   Second one (with brackets).  "
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["First one here.", "Second one (with brackets)."]


def test_clean_text_strips_controls_and_escape_sequences() -> None:
    dirty = "a\x1b[31mred\x1b[0m\x07b\u200bc\r\nd\u00a0e\x1b]0;title\x07f\x9bg"
    assert clean_text(dirty) == "aredbc\nd efg"


def test_parsed_articles_lose_bidirectional_overrides() -> None:
    from analysis.text.article import parse

    article = parse("A title\n\nThe minister said the \u202eplan\u202c would go ahead on "
                    "Monday, after weeks of talks.", kind="text")
    assert article.paragraphs == ["The minister said the plan would go ahead on Monday, "
                                  "after weeks of talks."]


def test_clean_text_normalises_unicode() -> None:
    assert clean_text("Se\u0301verine Cle\u0301ment") == "Séverine Clément"
    assert clean_text("line\rbreak") == "line\nbreak"


def test_splitter_is_linear_on_long_odd_input() -> None:
    for text in ("Mr. " * 20000, "a." * 30000, "A. " * 20000, "x" * 200000 + ". Y"):
        start = time.perf_counter()
        split_sentences(text)
        assert time.perf_counter() - start < 2.0
