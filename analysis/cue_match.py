"""The stance cue words of a statement found in one pass: which cues of the cue table
(`analysis.stance_cues`) a text carries and how often, not negated. Helpers for
`analysis.stance`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from .cue_starts import start_literals
from .pattern_text import (
    alternatives,
    built_once,
    lazy_compile,
    literal_start,
    lowered_like_ignorecase,
    required_literals,
    trie_pattern,
)
from .spaced_text import spaced_copy
from .stance_cues import CUES as _CUES


def _merged_cue_sources() -> list[tuple[tuple[str, ...], str, str, float]]:
    """Cues of one stance and weight share one pattern: fewer Python-level checks per text.
    (triggers, pattern source, stance, weight); compiled on first use, not at import."""
    merged: dict[tuple[str, float], tuple[list[str], list[str]]] = {}
    for triggers, pattern, stance, weight in _CUES:
        entry = merged.setdefault((stance, weight), ([], []))
        entry[0].extend(triggers.split("|") if "|" in triggers else triggers.split())
        entry[1].append(f"(?:{pattern})")
    return [(tuple(dict.fromkeys(t)), "|".join(p), stance, weight)
            for (stance, weight), (t, p) in merged.items()]


_CUE_SOURCES = _merged_cue_sources()
# (stance, weight) of each merged cue, by cue index.
CUE_STANCES = [(stance, weight) for _, _, stance, weight in _CUE_SOURCES]


def _anchored(triggers: tuple[str, ...], pattern: str) -> bool:
    """True when every match of the cue's pattern starts with one of its triggers: then it is
    tried only where the trigger scan found them."""
    return all(any(literal_start(a).startswith(t) for t in triggers)
               for a in alternatives(pattern))


class _CueTables:
    """The compiled cue tables, built when the first statement is scored (compiling them costs
    more than most imports of the engine)."""

    def __init__(self) -> None:
        self.cased = [re.compile(source) for _, source, _, _ in _CUE_SOURCES]
        self.anchored = [_anchored(triggers, source) for triggers, source, _, _ in _CUE_SOURCES]
        # The other cues: the strings each match starts with ("would not", "is merely"), when
        # the pattern tells them, so that the cue is tried only where they stand …
        self.starts = [None if anchored else start_literals(source)
                       for anchored, (_, source, _, _) in zip(self.anchored, _CUE_SOURCES,
                                                              strict=True)]
        # … else strings one of which each match contains: most texts have none of them, and
        # the whole-text search is skipped.
        self.required = [None if anchored or starts else required_literals(source)
                         for anchored, starts, (_, source, _, _) in zip(
                             self.anchored, self.starts, _CUE_SOURCES, strict=True)]
        # One pass finds where the cues' triggers and those start strings occur in a text: at
        # each position the longest one starting there (a lookahead, so they may overlap); the
        # ones that start there too are its prefixes, so each longest one maps to the cues of
        # all its prefixes: (cues whose trigger is there, cues whose start string is there).
        cues_with: dict[str, list[int]] = {}  # trigger -> the cues it is a trigger of
        cues_starting: dict[str, list[int]] = {}  # start string -> the cues it starts
        for i, (cue, starts) in enumerate(zip(_CUE_SOURCES, self.starts, strict=True)):
            for t in cue[0]:
                cues_with.setdefault(t, []).append(i)
            for t in starts or ():
                cues_starting.setdefault(t, []).append(i)
        triggers = sorted(cues_with.keys() | cues_starting.keys())
        self.cues_of_trigger = {t: (
            frozenset(i for n in range(len(t)) for i in cues_with.get(t[:n + 1], ())),
            frozenset(i for n in range(len(t)) for i in cues_starting.get(t[:n + 1], ())))
            for t in triggers}
        self.triggers = re.compile(f"(?=({trie_pattern(triggers)}))")
        # When every match of every cue starts a word (each alternative opens with \b, each
        # match with a trigger or start string, and those start with a word character), only
        # word starts need the scan: much cheaper than trying every position.
        word_starts_only = all(
            anchored or starts for anchored, starts in zip(self.anchored, self.starts,
                                                           strict=True)
        ) and all(a.startswith(r"\b") for _, source, _, _ in _CUE_SOURCES
                  for a in alternatives(source)
        ) and all(t[:1].isascii() and t[:1].isalnum() for t in triggers)
        # The word starts are found in the spaced copy of a text, where a space opens every
        # word: the triggers as spaced_copy() reads them ("n't be" -> "n t be"), after a space.
        # That needs triggers the copy keeps as they are (else every text takes the full scan).
        self.word_starts_only = word_starts_only and all(
            set(t) <= _SPACED_AS_IS for t in triggers)
        self.spaced_triggers = re.compile(" (?=({}))".format(trie_pattern(sorted(
            {t.replace("'", " ").replace("-", " ") for t in triggers}))))
        self.triggers_of = [cue[0] for cue in _CUE_SOURCES]


_SPACED_AS_IS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 '-")  # spaced_copy: ' - as spaces
_cue_tables = built_once(_CueTables)


@built_once
def _ignorecase_patterns() -> list[re.Pattern[str]]:
    """The cue patterns with re.I, for the rare text whose lower-casing moves offsets."""
    return [re.compile(source, re.IGNORECASE) for _, source, _, _ in _CUE_SOURCES]


def __getattr__(name: str) -> object:
    """CUES: (triggers, pattern with re.I, stance, weight) per merged cue, built when asked."""
    if name == "CUES":
        return [(triggers, pattern, stance, weight) for (triggers, _, stance, weight), pattern
                in zip(_CUE_SOURCES, _ignorecase_patterns(), strict=True)]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_NEGATED = lazy_compile(r"\b(?:not|n[’']t|never|nor|hardly)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _negated_before(text: str, at: int) -> bool:
    """A negation just before a cue ("not", "never", "hardly" …): _NEGATED in the 16 characters
    before it. Under re.I those letters match only their own two cases, so a match needs one of
    the strings tested first in the lower-cased stretch (most stretches have none)."""
    start = max(0, at - 16)
    low = text[start:at].lower()
    return ("no" in low or "n't" in low or "n’t" in low or "never" in low or "hardly" in low) \
        and _NEGATED.search(text, start, at) is not None


def _matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """pattern.finditer(text) when every match starts at one of starts (ascending)."""
    found: list[re.Match[str]] = []
    end = 0
    for start in starts:
        if start >= end and (m := pattern.match(text, start)):
            found.append(m)
            end = m.end() if m.end() > start else start + 1
    return found


Positions = dict[int, list[int]]  # cue -> where its triggers (or start strings) start


def _found(scan: re.Pattern[str], scanned: str) -> Iterator[tuple[int, str]]:
    """(where, the longest trigger or start string there) at each place scan looks."""
    for m in scan.finditer(scanned):
        yield m.start(), m.group(1)


def _note(positions: Positions, cues: frozenset[int], start: int) -> None:
    """Record that the cues' trigger (or start string) stands at start."""
    for i in cues:
        if i in positions:
            positions[i].append(start)
        else:
            positions[i] = [start]


def _word_start_positions(tables: _CueTables, scanned: str) -> tuple[Positions, Positions]:
    """What _positions() gives for the longest trigger at each word start, from a scan of the
    spaced copy: a match there whose text here is a trigger is the longest trigger here (each
    trigger here is one there); else the copy's space stood for another character
    ("didn-t"), and the longest trigger here is looked for where it starts."""
    cues_of_trigger = tables.cues_of_trigger
    at: Positions = {}
    starts_at: Positions = {}
    for m in tables.spaced_triggers.finditer(spaced_copy(" " + scanned)):
        start = m.start()  # of the copy's space, one character ahead: where the word starts
        cues_there = cues_of_trigger.get(scanned[start:m.end(1) - 1])
        if cues_there is None:
            exact = tables.triggers.match(scanned, start)
            if exact is None:
                continue
            cues_there = cues_of_trigger[exact.group(1)]
        _note(at, cues_there[0], start)
        _note(starts_at, cues_there[1], start)
    return at, starts_at


def _positions(found: Iterable[tuple[int, str]],
               cues_of_trigger: dict[str, tuple[frozenset[int], frozenset[int]]],
               ) -> tuple[Positions, Positions]:
    """Where the triggers of each cue and the strings its matches start with stand, from
    (where, the longest of them there)."""
    at: Positions = {}
    starts_at: Positions = {}
    for start, trigger in found:
        cues, cues_starting = cues_of_trigger[trigger]
        _note(at, cues, start)
        _note(starts_at, cues_starting, start)
    return at, starts_at


def _count(matches: Iterable[re.Match[str]], text: str) -> int:
    n = 0
    for m in matches:
        if not _negated_before(text, m.start()):
            n += 1
    return n


@lru_cache(maxsize=1024)
def cue_hits(text: str) -> tuple[tuple[int, int], ...]:
    """(cue index in CUE_STANCES, occurrences) for each cue found in text."""
    tables = _cue_tables()
    lowered = text.lower()
    scanned = lowered.replace("’", "'") if "’" in lowered else lowered
    cased = lowered_like_ignorecase(text, lowered)  # the cue patterns are ASCII
    if cased and tables.word_starts_only:
        return _hits_at_word_starts(text, lowered, scanned, tables)
    at, starts_at = _positions(_found(tables.triggers, scanned), tables.cues_of_trigger)
    out = []
    for i in sorted(at) if len(at) > 1 else at:
        if cased and tables.anchored[i]:
            matches = _matches_at(tables.cased[i], lowered, at[i])
        elif cased and tables.starts[i]:
            matches = _matches_at(tables.cased[i], lowered, starts_at.get(i, []))
        elif cased and (required := tables.required[i]) and not any(
                map(lowered.__contains__, required)):
            continue
        else:
            matches = (tables.cased[i] if cased else _ignorecase_patterns()[i]).finditer(
                lowered if cased else text)
        n = _count(matches, text)
        if n:
            out.append((i, n))
    return tuple(out)


def _hits_at_word_starts(text: str, lowered: str, scanned: str,
                         tables: _CueTables) -> tuple[tuple[int, int], ...]:
    """cue_hits(text) when every match of a cue starts a word (see _CueTables): the triggers
    and start strings found at word starts give every place a cue can match; a cue whose
    matches start there but no trigger of which starts a word is kept if one of its triggers
    stands anywhere (as the scan of every position would have found)."""
    at, starts_at = _word_start_positions(tables, scanned)
    out = []
    cued = at.keys() | starts_at.keys()
    for i in sorted(cued) if len(cued) > 1 else cued:
        anchored = tables.anchored[i]
        starts = at.get(i) if anchored else starts_at.get(i)
        if starts is None:
            continue
        # _count(_matches_at(…)) inline: matches at starts, not overlapping, not negated
        pattern = tables.cased[i]
        n = 0
        end = 0
        for start in starts:
            if start >= end and (m := pattern.match(lowered, start)):
                end = m.end() if m.end() > start else start + 1
                if not _negated_before(text, start):
                    n += 1
        if n and (anchored or i in at or any(map(scanned.__contains__, tables.triggers_of[i]))):
            out.append((i, n))  # (a cue none of whose triggers is in the text is not tried)
    return tuple(out)
