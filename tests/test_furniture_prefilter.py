"""is_furniture tries its short-furniture pattern only on texts opening with one of a listed set
of words (or a digit, a rule mark, or holding an "@"): the list must cover every alternative of
the pattern, or furniture added to the pattern would silently never match."""

from __future__ import annotations

import re

from analysis.cue_starts import start_literals
from analysis.pattern_text import alternatives
from analysis.text.furniture import (
    _SHORT_FURNITURE,
    _SHORT_FURNITURE_MARKS,
    _SHORT_FURNITURE_STARTS,
    is_furniture,
)


def _alternatives() -> list[str]:
    source = _SHORT_FURNITURE.pattern
    body = source[source.index("^(?:") + 4:source.rindex(")[.!:]?$")]
    return alternatives(re.sub(r"(?<!\\)\s+", "", body))  # verbose mode: spaces are layout


def test_every_alternative_is_reachable_through_the_prefilter() -> None:
    found = _alternatives()
    assert len(found) > 40  # the pattern was read, not an empty stand-in
    for alternative in found:
        starts = start_literals(alternative, shortest=1)
        if starts is None:  # no plain words to start with: one of the other ways in
            assert (alternative.startswith(r"\d") or "@" in alternative
                    or set(alternative[1:5]) <= _SHORT_FURNITURE_MARKS | {"\\", "_", "-"}), \
                alternative
        else:
            assert all(s.startswith(_SHORT_FURNITURE_STARTS) for s in starts), alternative


def test_furniture_of_each_way_in_is_found() -> None:
    for text in ("Full Screen", "www.example.org/live", "12 comments", "4 min read", "-----",
                 "editor@example.org", "Recommended Videos", "Sign up for our newsletter"):
        assert is_furniture(text), text
    assert not is_furniture("Wwwhat a week it has been for the harbour, the mayor said.")
