"""Helpers that build and read regular expressions as text: a word list as a trie-shaped
alternation, and the plain text each alternative of a pattern must start with."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from re import _constants, _parser  # the parsed form of a pattern (CPython 3.11+)
from typing import TypeVar

_Built = TypeVar("_Built")


def built_once(build: Callable[[], _Built]) -> Callable[[], _Built]:
    """build() on the first call, the same object after: a table compiled on first use instead
    of at import. Deliberately no cache_clear (it is not a memo of inputs, and emptying it would
    only recompile the same table)."""
    built: list[_Built] = []

    def get() -> _Built:
        if not built:
            built.append(build())
        return built[0]

    get.__doc__ = build.__doc__
    return get


_PATTERN_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


def _compiling(name: str) -> Callable[..., object]:
    """A LazyPattern method: compiles, then calls the compiled pattern's method of that name."""

    def method(self: LazyPattern, *args: object, **kwargs: object) -> object:
        return getattr(self.compiled(), name)(*args, **kwargs)

    method.__name__ = name
    return method


class LazyPattern:
    """re.compile(pattern, flags) on first use: the engine's module-level patterns cost tens of
    milliseconds to compile, which an import (the reader's start-up, `byline --help`) should not
    pay. Compiling stores the compiled pattern's bound methods on the instance, where they shadow
    the class's compiling methods (no __getattr__, which would slow every attribute lookup), and
    rebinds the defining module's global to the compiled pattern: that module's own calls then
    cost nothing extra; other modules' imported references pay ~20 ns a call."""

    def __init__(self, pattern: str, flags: int = 0, home: dict | None = None) -> None:
        self.pattern = pattern
        self._given_flags = flags
        self._compiled: re.Pattern[str] | None = None
        self._home = home  # the globals of the module that defined it

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self._given_flags)
            for name in _PATTERN_METHODS:
                setattr(self, name, getattr(self._compiled, name))
            # The defining module's own functions then find the compiled pattern itself.
            home = self._home or {}
            for key in [key for key, value in home.items() if value is self]:
                home[key] = self._compiled
        return self._compiled

    search = _compiling("search")
    match = _compiling("match")
    fullmatch = _compiling("fullmatch")
    finditer = _compiling("finditer")
    findall = _compiling("findall")
    sub = _compiling("sub")
    subn = _compiling("subn")
    split = _compiling("split")
    flags = property(lambda self: self.compiled().flags)
    groups = property(lambda self: self.compiled().groups)
    groupindex = property(lambda self: self.compiled().groupindex)


_LAZY_PATTERNS: list[LazyPattern] = []


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern compiled when first used (see LazyPattern)."""
    lazy = LazyPattern(pattern, flags, sys._getframe(1).f_globals)
    _LAZY_PATTERNS.append(lazy)
    return lazy  # type: ignore[return-value]


def lowered_like_ignorecase(text: str, lowered: str) -> bool:
    """True when lowered (text.lower()) lets an ASCII lower-case pattern matched without re.I
    find what it finds in text with re.I, at the same offsets (a faster match): lower() kept
    every offset, and no "ſ" or "ı" (which re.I takes for "s" and "i") is in the text."""
    return len(lowered) == len(text) and "ſ" not in text and "ı" not in text


def compile_all_patterns() -> int:
    """Compile now every lazy pattern of the modules imported so far (for a caller that would
    rather pay the ~45 ms at a quiet moment than in its first analysis); how many there are."""
    for lazy in _LAZY_PATTERNS:
        lazy.compiled()
    return len(_LAZY_PATTERNS)


def trie_pattern(words: list[str]) -> str:
    """One regex alternation shaped as a trie: Python's re tries alternatives one by one, so
    sharing prefixes makes the reporting-verb scan several times faster."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            return f"(?:{'|'.join(alts)})?" if alts else ""
        return alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"

    return build(trie)


def literal_start(alternative: str) -> str:
    """The plain lower-case text an alternative of a cue pattern starts with, after its \\b."""
    alternative = alternative.removeprefix(r"\b")
    n = 0
    while n < len(alternative) and alternative[n] in "abcdefghijklmnopqrstuvwxyz '-" and (
            alternative[n + 1:n + 2] not in ("?", "*", "+", "{")):  # not made optional
        n += 1
    return alternative[:n]


def _scan(pattern: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth after it) of each character of a regex outside escapes
    and [character classes]."""
    depth, in_class, i = 0, False, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        else:
            depth += (ch == "(") - (ch == ")")
            yield i, ch, depth
        i += 1


def _top_level_alternatives(pattern: str) -> list[str]:
    parts, start = [], 0
    for i, ch, depth in _scan(pattern):
        if ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    return parts + [pattern[start:]]


def alternatives(pattern: str) -> list[str]:
    """The alternatives of a pattern, groups (?:…|…) that are a whole alternative opened up."""
    out = []
    for part in _top_level_alternatives(pattern):
        inner = part[3:-1]
        if part.startswith("(?:") and part.endswith(")") and _balanced(inner):
            out.extend(alternatives(inner))
        else:
            out.append(part)
    return out


def _balanced(pattern: str) -> bool:
    depth = 0
    for _, _, depth in _scan(pattern):
        if depth < 0:
            return False
    return depth == 0


def required_literals(pattern: str) -> tuple[str, ...] | None:
    """Strings one of which every match of pattern (compiled without flags) contains, or None
    when none can be told: a cheap `in` test that rules a pattern out before it is run."""
    try:
        parsed = _parser.parse(pattern)
    except re.error:
        return None
    found = _required(list(parsed))
    return tuple(sorted(found)) if found else None


def _required(items: list) -> frozenset[str] | None:
    """Of a sequence of parsed items: the most selective set of strings one of which each
    match contains (a run of literal characters, or one from each branch of a group)."""
    options: list[frozenset[str]] = []
    run = ""
    for op, av in items + [(None, None)]:
        if op is _constants.LITERAL:
            run += chr(av)
            continue
        if run:
            options.append(frozenset((run,)))
            run = ""
        if op is _constants.SUBPATTERN and not av[1] and not av[2]:  # no inline flags
            inner = _required(list(av[3]))
        elif op is _constants.BRANCH:
            branches = [_required(list(b)) for b in av[1]]
            inner = frozenset().union(*branches) if all(branches) else None
        else:
            continue  # anything else only ends a run of literals
        if inner:
            options.append(inner)
    return max(options, key=lambda o: min(map(len, o)), default=None)
