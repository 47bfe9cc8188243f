"""Quoted terms and word counts: a short quote that names something (a so-called term, a
title, a nickname) rather than reports speech, and cheap word counts of quotes."""

from __future__ import annotations

from operator import itemgetter

from ..lexicon import TERM_MARKERS, TITLE_SMALL_WORDS
from ..patterns import lazy_compile

_NAME_END_RE = lazy_compile(r"(?:\b[A-Z][\w.]*|[A-Z]\.)\s$")
_NAME_START_RE = lazy_compile(r"\s[A-Z]")
_TERM_ARTICLES = frozenset("the a an of as his her its their".split())
_WORD_RE = lazy_compile(r"\w+(?:[’'\-]\w+)*")


def is_term(before: str, quote_text: str, after: str = "") -> bool:
    """A quoted name or term: so-called "work-to-rule", the film "Title", on "Face the Nation",
    or a nickname inside a name: Robert C. "Bobby" Scott."""
    if _has_words(quote_text, 9):
        return False  # every test below wants a short quote
    words = _WORD_RE.findall(quote_text)
    if 0 < len(words) <= 3 and all(w[:1].isupper() for w in words) and \
            _NAME_END_RE.search(before[-12:]) and _NAME_START_RE.match(after):
        return True
    tail = [w.strip(",:;.()—–-").lower() for w in before[-40:].split()[-3:]]
    while tail and tail[-1] in _TERM_ARTICLES:
        tail.pop()  # "known as the “…”"
    if tail and tail[-1] in TERM_MARKERS:
        return len(words) <= 8
    if not words or len(words) > 6 or not before.strip() or not all(
            w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words):
        return False
    prev = before.split()[-1] if before.split() else ""
    return prev.lower() in _TITLE_PRECEDERS or prev.endswith(("’s", "'s"))


_TITLE_PRECEDERS = frozenset(
    "on of at in to during a an the from told tells telling called".split())


def _has_words(text: str, n: int) -> bool:
    """True when text surely has at least n words (_WORD_RE), told from its first n
    whitespace-separated tokens: each with a letter or digit at an end holds a word. A cheap
    look at long quotes; False means "maybe not"."""
    tokens = text.split(None, n)[:n]
    if len(tokens) < n:
        return False
    # Mostly every token opens with a letter or digit: that test runs in C.
    return all(map(str.isalnum, map(itemgetter(0), tokens))) or \
        all(t[0].isalnum() or t[-1].isalnum() for t in tokens)


def word_count(text: str) -> int:
    return len(_WORD_RE.findall(text))


def at_most_words(text: str, n: int) -> bool:
    """word_count(text) <= n, without counting the words of a long quote."""
    return not _has_words(text, n + 1) and word_count(text) <= n
