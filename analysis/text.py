"""Text helpers shared by the analysis modules: cleaning and sentence splitting."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from .pattern_text import lazy_compile

# C0/C1 control characters except tab and newline, plus ESC sequences remnants, and the
# bidirectional overrides and isolates (U+202A-202E, U+2066-2069) that make a terminal show
# text in another order than it is written.
_CONTROL = lazy_compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff\u202a-\u202e\u2066-\u2069]")
_ANSI = lazy_compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]")

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
_NUMBER_ABBREVIATION = lazy_compile(r"\b[Nn]os?\.")  # "No. 10" but "He said no."
_WORD_BEFORE = lazy_compile(r"([A-Za-z][A-Za-z.]*)\.$")
_LETTERS_AND_DOTS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")
_DIGIT_NEXT = lazy_compile(r"\s*\d")


def clean_text(text: str) -> str:
    """Normalise untrusted text: NFC, no control characters, escape sequences or bidi
    overrides/isolates. The one sanitiser for text that reaches a terminal."""
    # Each pass only where it has something to do: most pages are clean, and this runs on all.
    if "\x1b" in text:
        text = _ANSI.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\u00a0" in text:
        text = text.replace("\u00a0", " ")
    # Every character _CONTROL removes is unprintable: a text printable but for its line breaks
    # has none (isprintable() is much faster than the regex scan).
    if "\t" not in text and text.replace("\n", " ").isprintable():
        return text
    return _CONTROL.sub("", text) if _CONTROL.search(text) else text


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
