"""The speed shortcuts of the reactions stage give what the plain regex scans give (the cue
scan's are checked in test_reactions_cues).

The spaced copy lets one scan of all paragraphs stand in for a `\\b`-led scan of each sentence;
these properties are what makes that substitution safe, checked on arbitrary and on news-like
text (including the characters that tend to break such tricks: non-ASCII letters and digits,
underscores, hyphens, quote marks and the mask character)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.sentence_actor import reporting_verbs, verbs_by_paragraph, verbs_by_sentence
from analysis.spaced_text import spaced_copy
from analysis.stance import REPORTING_VERB
from analysis.text import sentence_spans

_WORD = re.compile(r"\w")
_PIECES = st.sampled_from([
    "said", "told", "warned", "added", "called on", "called—on", "so-called", "issued a statement",
    "sought to distance", "moved quickly to clarify", "The minister", "Élodie", "Ørsted", "x_y",
    "٣", "’", "“", "”", "'", '"', "\x00", ". ", ", ", "; ", "\n", " ", "-", "—", "said.", "Saidi",
])
NEWSY = st.lists(_PIECES, max_size=40).map("".join)
TEXT = st.one_of(st.text(max_size=200), NEWSY)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_spaced_copy_keeps_length_and_the_kind_of_every_character(text: str) -> None:
    copy = spaced_copy(text)
    assert len(copy) == len(text)
    assert copy.isascii()
    for original, spaced in zip(text, copy, strict=True):
        assert bool(_WORD.match(original)) == bool(_WORD.match(spaced))
        if original.isascii() and _WORD.match(original):
            assert spaced == original  # ASCII letters and digits are left as they are


def _plain(masked: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group("verb")) for m in REPORTING_VERB.finditer(masked)]


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=4))
def test_one_scan_of_all_paragraphs_finds_what_each_paragraph_scan_finds(masks: list[str]) -> None:
    assert verbs_by_paragraph(masks) == [_plain(mask) for mask in masks]


@settings(max_examples=300, deadline=None)
@given(NEWSY, st.data())
def test_sentence_verbs_from_the_paragraph_scan_equal_a_scan_of_each_sentence(
        text: str, data: st.DataObject) -> None:
    # The real sentence spans, and arbitrary ones whose edges may fall inside a word or a verb.
    cuts = sorted(set(data.draw(st.lists(st.integers(0, len(text)), max_size=6))))
    arbitrary = [(s, e) for s, e in zip([0, *cuts], [*cuts, len(text)], strict=True) if e > s]
    found = verbs_by_paragraph([text])[0]
    for spans in (sentence_spans(text), arbitrary):
        expected = [reporting_verbs(text[s:e]) for s, e in spans]
        assert verbs_by_sentence(text, found, spans) == expected


def test_a_verb_joined_by_a_dash_is_found_by_the_plain_scan() -> None:
    # "called—on": the dash is a non-word character in both, so the copy's match is the text's
    masks = ["The union called—on Monday—for talks, the minister said."]
    assert verbs_by_paragraph(masks) == [_plain(masks[0])]
    assert any(verb == "said" for _, _, verb in verbs_by_paragraph(masks)[0])

