"""Regular expressions for the engine: compiled on first use, and word lists as trie-shaped
alternations.

The engine holds a few hundred module-level patterns; compiling them all costs tens of
milliseconds, which an import (the reader's start-up, `byline --help`) should not pay. A
`LazyPattern` compiles on its first call and then hands calls straight to the compiled
pattern's methods.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from mypy_extensions import mypyc_attr

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


def _compiling(name: str) -> Callable[..., Any]:
    """A LazyPattern method: compiles, then calls the compiled pattern's method of that name."""

    def method(self: LazyPattern, *args: Any, **kwargs: Any) -> Any:
        return getattr(self.compiled(), name)(*args, **kwargs)

    method.__name__ = name
    return method


@mypyc_attr(native_class=False)  # compiled, its instances keep a __dict__ for the shadowing
class LazyPattern:
    """re.compile(pattern, flags) on first use. Compiling stores the compiled pattern's bound
    methods on the instance, where they shadow the class's compiling methods: later calls cost
    one attribute lookup more than calls on the compiled pattern."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._given_flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self._given_flags)
            for name in _METHODS:
                setattr(self, name, getattr(self._compiled, name))
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
    lazy = LazyPattern(pattern, flags)
    _LAZY_PATTERNS.append(lazy)
    return lazy  # type: ignore[return-value]


def compile_all_patterns() -> int:
    """Compile now every lazy pattern of the modules imported so far (for a caller that would
    rather pay for it at a quiet moment than in its first analysis); how many there are."""
    for lazy in _LAZY_PATTERNS:
        lazy.compiled()
    return len(_LAZY_PATTERNS)


def trie_pattern(words: list[str]) -> str:
    """One regex alternation shaped as a trie: Python's re tries alternatives one by one, so
    sharing prefixes makes a scan for any of many words several times faster."""
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


@cache
def any_word(words: frozenset[str]) -> re.Pattern[str]:
    """Any of the words as a whole run of letters ("said", not the "aid" of "Said" nor the
    "stated" of "reinstated"), found in one scan of " " + text: the character before a word is
    matched, not looked behind at, so the regex engine skips in C to the non-letters where a
    word may start (a third faster than a look-behind). A match's start() is its word's start
    in text, group 1 the word. Built once per word set."""
    return re.compile(rf"[^a-z]({trie_pattern(sorted(words))})(?![a-z])")
