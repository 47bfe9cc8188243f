"""Stance cue scanning: the trigger scan and the anchored shortcut count what a plain scan of
every cue pattern counts. Sentences written for these tests."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from analysis.cue_match import _NEGATED, CUES, cue_hits
from analysis.pattern_text import alternatives, literal_start, required_literals, trie_pattern

SENTENCES = [
    "Critics slammed the plan, calling it a blunder and a mistake that could lead to chaos.",
    "The union backed the move; its leader said she was pleased and grateful for the support.",
    "“We are not sending troops,” the minister said. “That is not on the table.”",
    "Analysts warned of risks and dangers, and said the decision would likely backfire.",
    "He didn’t say that: his words were taken out of context, an aide explained.",
    "The ſtrike was AGREED with the union; officials STOOD BY the İstanbul deal.",
    "Backing, backs, backed: the committee endorsed the overdue reform by accident.",
    "It was not a mistake, she insisted, and they will not support the plan.",
]


def _plain_hits(text: str) -> tuple[tuple[int, int], ...]:
    low = text.lower().replace("’", "'")
    out = []
    for i, (triggers, pattern, _, _) in enumerate(CUES):
        if any(t in low for t in triggers):
            n = sum(1 for m in pattern.finditer(text)
                    if not _NEGATED.search(text, max(0, m.start() - 16), m.start()))
            if n:
                out.append((i, n))
    return tuple(out)


def test_cue_hits_match_a_plain_scan() -> None:
    for sentence in SENTENCES:
        assert cue_hits(sentence) == _plain_hits(sentence), sentence
    assert cue_hits(SENTENCES[0])  # the sentences do carry cues


def test_pattern_text_helpers() -> None:
    assert alternatives(r"(?:\bwarn\w*)|(?:\brisk\w*|\bhit (?:\w+ ){0,3}hardest\b)") == [
        r"\bwarn\w*", r"\brisk\w*", r"\bhit (?:\w+ ){0,3}hardest\b"]
    assert literal_start(r"\bslamm?\w*") == "slam"
    assert literal_start(r"\bthe right (?:thing|call)\b") == "the right "
    assert literal_start(r"\b(?:could|would) cause") == ""
    words = ["said", "says", "sai", "told"]
    pattern = re.compile(f"(?:{trie_pattern(words)})$")
    assert all(pattern.match(w) for w in words) and not pattern.match("sa")


def test_required_literals_are_in_every_match() -> None:
    assert required_literals(r"\bst(?:and|ood|ands) by\b") == ("and", "ands", "ood")
    assert required_literals(r"\bmeant\b|\bno change (?:in|to)\b") == ("meant", "no change ")
    assert required_literals(r"\w+") is None  # nothing literal to require
    assert required_literals(r"(?:a|\w)b") == ("b",)  # a branch without a literal is skipped
    # Every match of every cue pattern contains one of its required strings: each sentence,
    # and each word sequence of them, is tried.
    texts = SENTENCES + [" ".join(s.lower().split()[i:i + 4])
                         for s in SENTENCES for i in range(len(s.split()))]
    for _, pattern, _, _ in CUES:
        required = required_literals(pattern.pattern)
        cased = re.compile(pattern.pattern)
        for text in texts:
            for m in cased.finditer(text.lower()):
                assert required is None or any(r in m.group(0) for r in required), m.group(0)


_CUE_PIECES = st.one_of(
    st.sampled_from(sorted({t for triggers, _, _, _ in CUES for t in triggers})).flatmap(
        lambda w: st.sampled_from([w, w.upper(), w.title(), w + "ed", w + "s", w + "ing"])),
    st.sampled_from([" ", "  ", ", ", ". ", "not ", "never ", "won’t ", "didn't ", "would ",
                     "could ", "the ", "x", "-", "’", "“", "\x00", "ſ", "ı", "İ", "\u212a", "é"]),
)
CUE_TEXT = st.lists(_CUE_PIECES, max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(CUE_TEXT, st.text(max_size=120)))
@example("They didn't warn anyone, and it was no risk at all.")
@example("We won’t risk it; it is hardly a disaster, NOT a THREAT.")
@example("She warned twice: warning after warning, then never warned again.")
def test_cue_hits_match_a_plain_scan_on_generated_text(text: str) -> None:
    cue_hits.cache_clear()
    assert cue_hits(text) == _plain_hits(text)
