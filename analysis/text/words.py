"""Words for comparing: text folded to lower-case ASCII (accents dropped, one apostrophe), and
the words of folded text."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from ..patterns import lazy_compile

_FOLDED_WORD = lazy_compile(r"[a-z0-9]+(?:'(?!s\b)[a-z]+)*")
# Marks with no decomposition that separate words: folded to a space, not dropped.
_SEPARATORS = (("“", " "), ("”", " "), ("—", " "), ("–", " "), ("―", " "), ("’", "'"), ("‘", "'"),
               ("«", " "), ("»", " "))


def fold(text: str) -> str:
    """Lower case, accents and other marks outside ASCII dropped, quote marks and dashes made
    spaces, one kind of apostrophe: "Sébastien O’Brien" -> "sebastien o'brien"."""
    if text.isascii():
        return text.lower()
    return _fold_short(text) if len(text) < 64 else _fold(text)


def replace_marks(text: str, replacements: tuple[tuple[str, str], ...]) -> str:
    """text with each mark replaced, one str.replace per mark present: str.translate of a text
    beyond Latin-1 looks up every character in Python (fifty times slower on an article)."""
    for mark, replacement in replacements:
        if mark in text:
            text = text.replace(mark, replacement)
    return text


def _fold(text: str) -> str:
    text = replace_marks(text, _SEPARATORS)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return text.lower()


_fold_short = lru_cache(maxsize=8192)(_fold)  # names and phrases recur; long texts do not


# ASCII bytes kept as word bytes (a-z, 0-9), the others made spaces.
_WORD_BYTES = bytes(c if 97 <= c <= 122 or 48 <= c <= 57 else 32 for c in range(256))


def words_of(folded: str) -> list[str]:
    """The words of folded text, possessive 's dropped: "o'brien's" -> ["o'brien"]."""
    if "'" in folded or not folded.isascii():
        return _FOLDED_WORD.findall(folded)
    # With no apostrophe a word is a run of letters and digits: split in C after translating
    # the other bytes to spaces (twice as fast as the regex's findall).
    return folded.encode("ascii").translate(_WORD_BYTES).decode("ascii").split()
