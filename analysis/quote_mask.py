"""Quoted stretches of a paragraph, found and blanked out so that reporting verbs and their
subjects are only looked for in the reporter's own words."""

from __future__ import annotations

from .pattern_text import lazy_compile

_QUOTE_CHAR = lazy_compile("[“”«»„\"‘’']")
_OPENERS = "“«„"
_CLOSERS = "”»"


def quote_spans(paragraph: str) -> list[tuple[int, int]]:
    """Spans of the quoted stretches of a paragraph, marks included (mismatched pairs allowed)."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    single_at: int | None = None
    n = len(paragraph)
    for m in _QUOTE_CHAR.finditer(paragraph):
        i, ch = m.start(), m.group()
        if ch in _OPENERS or (ch == '"' and open_at is None):
            if open_at is None:
                open_at = i
        elif ch in _CLOSERS or ch == '"':
            if open_at is not None:
                spans.append((open_at, i + 1))
                open_at = None
            elif not spans:  # a paragraph that continues a quote from the one before
                spans.append((0, i + 1))
        elif ch == "‘" and open_at is None and (i == 0 or not paragraph[i - 1].isalnum()):
            single_at = i
        elif ch == "’" and single_at is not None and (i + 1 == n or not paragraph[i + 1].isalpha()):
            spans.append((single_at, i + 1))
            single_at = None
        elif ch == "'" and open_at is None:
            before = paragraph[i - 1] if i else " "
            after = paragraph[i + 1] if i + 1 < n else " "
            if single_at is None and not before.isalnum() and after.isalnum():
                single_at = i  # opening: after a space, before a letter (not "Traders' Union")
            elif single_at is not None and not after.isalnum() and (before.isalnum() or
                                                                      before in ".,!?;:"):
                spans.append((single_at, i + 1))
                single_at = None
    if open_at is not None:
        spans.append((open_at, n))
    return spans


def mask(paragraph: str, spans: list[tuple[int, int]]) -> str:
    """The paragraph with quoted stretches blanked out with NULs (same length, offsets kept)."""
    if not spans:
        return paragraph
    out: list[str] = []
    pos = 0
    for s, e in sorted(spans):
        s, e = max(s, pos), min(e, len(paragraph))
        if e <= s:
            continue
        out.append(paragraph[pos:s])
        out.append("\x00" * (e - s))
        pos = e
    out.append(paragraph[pos:])
    return "".join(out)
