"""Short page furniture of every kind is told from story text: navigation and share buttons,
counters, rules, addresses and reading times, whatever their case."""

from __future__ import annotations

import pytest

from analysis.text.furniture import is_furniture


@pytest.mark.parametrize("text", [
    "Full Screen", "MENU", "www.example.org/live", "12 comments", "4 min read", "-----",
    "editor@example.org", "Recommended Videos", "Sign up for our newsletter", "Share on Ferrybook",
    "Photo 3 of 12", "3/12", "Story continues below advertisement", "Read more: the bridge",
    "Advertisement", "Loading…", "Most Read", "Click here to subscribe",
])
def test_short_furniture_is_found(text: str) -> None:
    assert is_furniture(text)


@pytest.mark.parametrize("text", [
    "Wwwhat a week it has been for the harbour, the mayor said.",
    "Share prices fell sharply on Tuesday after the harbour closed.",
    "Home owners near the bridge said they had not been warned.",
    "12 people were taken to hospital, the council said.",
])
def test_story_sentences_are_not_furniture(text: str) -> None:
    assert not is_furniture(text)
