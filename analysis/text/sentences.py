"""Sentences: where a paragraph's sentences end, abbreviations and initials told apart from
full stops."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..patterns import lazy_compile

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st sen rep gov gen lt col sgt capt cmdr adm maj jr sr rev hon pres
    supt det insp messrs mme mlle fr
    inc corp co ltd llc bros dept univ assn est approx vs etc al fig no nos vol
    jan feb mar apr jun jul aug sep sept oct nov dec
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo
    mont neb nev okla ore pa tenn tex va vt wash wis wyo
    ft mt""".split()
)

_BOUNDARY = lazy_compile(
    r"""[.!?]+            # terminal punctuation
        [\"'”’»)\]]*       # closing quotes or brackets
        (\s+)             # the spaces before the next sentence
        (?=[\"'“‘«(\[]*[A-Z0-9À-Ý])  # then a capital, digit or opening quote""",
    re.VERBOSE,
)
# A sentence boundary inside a stretch of text (no lookahead past a closing quote, as
# _BOUNDARY has): the stops, a closing bracket, spaces, then what can open a sentence.
_CLAUSE_BOUNDARY = lazy_compile(r"[.!?]+[)\]]?\s+(?=[(\[]?[A-Z0-9À-Þ\"“‘'«])")
_NUMBER_ABBREVIATION = lazy_compile(r"\b[Nn]os?\.")  # "No. 10" but "He said no."
_WORD_BEFORE = lazy_compile(r"([A-Za-z][A-Za-z.]*)\.$")
_LETTERS_AND_DOTS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")
_DIGIT_NEXT = lazy_compile(r"\s*\d")


def is_abbreviation(chunk: str) -> bool:
    """True when the text up to a full stop ends in an abbreviation or an initial."""
    chunk = chunk[-40:]
    if chunk.endswith("."):
        # The word before the stop, read backwards: a search for _WORD_BEFORE tries every offset.
        start = stop = len(chunk) - 1
        while start and chunk[start - 1] in _LETTERS_AND_DOTS:
            start -= 1
        while start < stop and chunk[start] == ".":
            start += 1
        if start == stop:
            return False
        word = chunk[start:stop]
    else:
        m = _WORD_BEFORE.search(chunk)
        if not m:
            return False
        word = m.group(1)
    if "." in word:  # U.S., a.m., N.C.
        return not word.endswith(("a.m", "p.m"))
    if len(word) == 1 and word.isupper():  # an initial: "Charles B. Rangel"
        return True
    return word.lower() in ABBREVIATIONS


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of one paragraph, whitespace trimmed."""
    return list(_sentence_spans(paragraph))  # a copy: callers may change their list


@lru_cache(maxsize=4096)
def _sentence_spans(paragraph: str) -> tuple[tuple[int, int], ...]:
    """Cached: summary, quotes and reactions each split the same paragraphs."""
    spans: list[tuple[int, int]] = []
    start = 0  # of the current sentence: after the spaces that end the last one
    if paragraph[:1].isspace():
        start = len(paragraph) - len(paragraph.lstrip())
    for m in _sentence_ends(paragraph):
        stop = m.start()
        end, after = m.span(1)  # the end of the stop and its closers; the next start
        # A lone full stop (no run of stops) after an abbreviation or an initial ends nothing.
        if paragraph[stop] == "." and paragraph[stop + 1] not in ".!?" and is_abbreviation(
            paragraph[max(start, stop - 40):stop + 1]
        ):
            if not _NUMBER_ABBREVIATION.search(paragraph, max(0, stop - 4), stop + 1) \
                    or _DIGIT_NEXT.match(paragraph, end):
                continue
        spans.append((start, end))
        start = after
    end = len(paragraph)
    while end > start and paragraph[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
    return tuple(spans)


def _sentence_ends(paragraph: str) -> Iterable[re.Match[str]]:
    """The _BOUNDARY matches of a paragraph, left to right. Without "!" or "?" they can start
    only at a full stop: str.find jumps to each, much faster than the regex scan for [.!?]."""
    if "!" in paragraph or "?" in paragraph:
        return _BOUNDARY.finditer(paragraph)
    ends = []
    stop = paragraph.find(".")
    while stop >= 0:
        m = _BOUNDARY.match(paragraph, stop)
        if m:
            ends.append(m)
            stop = paragraph.find(".", m.end())
        else:
            stop = paragraph.find(".", stop + 1)
    return ends


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of one paragraph."""
    return [paragraph[s:e] for s, e in sentence_spans(paragraph)]


# _CLAUSE_BOUNDARY matches only where a run of stops (. ! ?) starts, and it fails at a run's first
# stop only where it fails at all of them: the last boundary is found by jumping back from run
# to run with str.rfind, not by a regex scan of the whole text.
_STOPS = ".!?"


@lru_cache(maxsize=1024)  # the gap between two quotes is read twice
def last_boundary(text: str) -> int:
    """Offset just after the last sentence boundary in text, 0 when none."""
    end = len(text)
    while True:  # the runs of stops from the last: the last boundary that is no abbreviation
        start = max(text.rfind(".", 0, end), text.rfind("!", 0, end), text.rfind("?", 0, end))
        if start < 0:
            return 0
        while start and text[start - 1] in _STOPS:
            start -= 1
        m = _CLAUSE_BOUNDARY.match(text, start)
        if m and not (text[start] == "." and
                      is_abbreviation(text[max(0, start - 30):start + 1])):
            return m.end()
        end = start


def first_boundary(text: str) -> int:
    """Offset just after the first sentence-ending stop in text, len(text) when none."""
    for m in _CLAUSE_BOUNDARY.finditer(text):
        if text[m.start()] == "." and is_abbreviation(text[max(0, m.start() - 30):m.start() + 1]):
            continue
        return m.start() + 1
    return len(text)
