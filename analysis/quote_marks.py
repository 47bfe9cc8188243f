"""Find quoted spans in paragraphs: quote marks told apart from apostrophes by their context,
paired per paragraph with a small state machine that tolerates mismatched styles and carries an
unclosed quote into the next paragraph when that paragraph reopens with a quote mark."""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPENERS = "“„«‟"
DOUBLE_CLOSERS = "”»"
DOUBLE_MARKS = DOUBLE_OPENERS + DOUBLE_CLOSERS + '"'
SINGLE_OPENERS = "‘‚‹‛"
SINGLE_CLOSERS = "’›"
SINGLE_MARKS = SINGLE_OPENERS + SINGLE_CLOSERS + "'"
ALL_MARKS = DOUBLE_MARKS + SINGLE_MARKS

_MARK_RE = re.compile("[" + re.escape(ALL_MARKS) + "]")
# Elisions that begin with an apostrophe: 'em, 'til, 'n', '90s, 'cause, 'tis.
_ELISION_RE = re.compile(
    r"(?:\d0s|\d\ds?\b|em\b|til\b|n\b|cause\b|cos\b|coz\b|tis\b|twas\b|bout\b|round\b)",
    re.IGNORECASE)
_LEFT_SPACE = set(" \t\n([{—–-/") | set(DOUBLE_OPENERS) | set(SINGLE_OPENERS)
_RIGHT_SPACE = set(" \t\n,;:.!?)]}…—–")

OPEN, CLOSE, TOGGLE = 1, 2, 3
_STRAIGHT = "\"'"


@dataclass(slots=True)
class RawQuote:
    """One quoted span: text offsets (marks excluded) in paragraphs[paragraph]."""

    paragraph: int
    start: int
    end: int
    closed: bool = True  # False when the paragraph ended inside the quote
    continued: bool = False  # True when it continues an unclosed quote of the previous paragraph
    family: str = "double"
    open_at: int = -1  # index of the opening mark
    close_at: int = -1  # index of the closing mark, len(paragraph) when unclosed


def _left_space(text: str, i: int) -> bool:
    return i == 0 or text[i - 1] in _LEFT_SPACE


def _right_space(text: str, i: int) -> bool:
    return i + 1 >= len(text) or text[i + 1] in _RIGHT_SPACE


def _double_kind(text: str, i: int) -> int:
    left, right = _left_space(text, i), _right_space(text, i)
    if left and not right:
        return OPEN
    if right and not left:
        return CLOSE
    ch = text[i]
    if ch in DOUBLE_OPENERS:
        return OPEN
    if ch in DOUBLE_CLOSERS:
        return CLOSE
    return TOGGLE


def _single_kind(text: str, i: int) -> int:
    """OPEN, CLOSE or 0 (an apostrophe) for a single quote mark."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev.isalnum() and nxt.isalnum():
        return 0  # don't, O'Brien, rock'n'roll
    left, right = _left_space(text, i), _right_space(text, i)
    if left and not right:
        if _ELISION_RE.match(text, i + 1):
            return 0
        return OPEN if text[i] != "’" or nxt.isupper() or nxt in DOUBLE_MARKS else 0
    if right and not left:
        if i >= 2 and text[i - 2] in "'’‘" and text[i - 1] in "nN":
            return 0  # the second mark of rock 'n' roll
        return CLOSE
    return 0


def _weak_close(text: str, i: int) -> bool:
    """A closing single mark that may be a plural possessive: "the Workers' Union"."""
    if i == 0 or text[i - 1] not in "sS":
        return False
    rest = text[i + 1:i + 3]
    return len(rest) == 2 and rest[0] == " " and rest[1].isalpha()


def _count_doubles(text: str) -> int:
    return sum(text.count(mark) for mark in DOUBLE_MARKS)


def _is_single_primary(paragraphs: list[str]) -> bool:
    """British house style: single marks as the primary quotes, doubles nested.

    Counts single opening marks outside double-quoted spans against the double-quoted spans.
    Straight apostrophes as the only quote character are too ambiguous to quote with (some
    archives flatten every mark to "'"), so single-primary needs a curly opening mark or at least
    one double mark used for nesting."""
    if not any("‘" in t or "‹" in t or " '" in t or t.startswith("'") for t in paragraphs):
        return False  # no single opening mark anywhere
    double_spans = singles = curly = doubles = 0
    for index, text in enumerate(paragraphs):
        if "'" not in text and "‘" not in text and "‹" not in text:
            doubles += _count_doubles(text)
            continue
        spans, _ = _pair_paragraph(text, index, "double", False)
        double_spans += len(spans)
        inside = [(s.open_at, s.close_at) for s in spans]
        for m in _MARK_RE.finditer(text):
            i = m.start()
            ch = text[i]
            if ch in DOUBLE_MARKS:
                doubles += 1
            elif _single_kind(text, i) == OPEN and not any(a < i < b for a, b in inside):
                singles += 1
                curly += ch != "'"
    for text in paragraphs:
        if "'" not in text and "‘" not in text and "‹" not in text:
            double_spans += _count_doubles(text) // 2
    return singles >= 1 and singles * 2 >= double_spans and (curly > 0 or doubles > 0)


def _pair_paragraph(text: str, index: int, primary: str,
                    carried: bool) -> tuple[list[RawQuote], bool]:
    """Spans of one paragraph; returns them and whether the last one is left open."""
    prim_marks = DOUBLE_MARKS if primary == "double" else SINGLE_MARKS
    sec_marks = SINGLE_MARKS if primary == "double" else DOUBLE_MARKS
    spans: list[RawQuote] = []
    marks = [m.start() for m in _MARK_RE.finditer(text)]
    open_at = -1
    depth = 0
    continued = False
    sec_open = -1
    # A paragraph continuing an unclosed quote reopens with a mark at its very start.
    for k, i in enumerate(marks):
        ch = text[i]
        if ch in prim_marks:
            kind = _double_kind(text, i) if primary == "double" else _single_kind(text, i)
            if primary == "single" and kind == CLOSE and open_at >= 0 and _weak_close(text, i):
                if any(text[j] in prim_marks and _single_kind(text, j) == CLOSE
                       for j in marks[k + 1:]):
                    continue
            if kind == 0:
                continue
            if open_at < 0:
                # A closing glyph opening a paragraph ("” … what I learned") opens a quote.
                if kind in (OPEN, TOGGLE) or not text[:i].strip():
                    open_at = i
                    depth = 0
                    continued = carried and not text[:i].strip()
                    sec_open = -1
            elif kind == OPEN and (ch in _STRAIGHT) != (text[open_at] in _STRAIGHT):
                depth += 1  # "… “nested in the other glyph style” …"
            elif depth and kind in (CLOSE, TOGGLE):
                depth -= 1
            elif kind in (CLOSE, TOGGLE):
                spans.append(RawQuote(index, open_at + 1, i, True, continued, primary, open_at, i))
                open_at = -1
                continued = False
            # An opener inside an open quote is most often a quote nested in the wrong style.
        elif ch in sec_marks and open_at < 0 and primary == "single":
            # Secondary style at top level: accepted only when closed in the same paragraph.
            kind = _single_kind(text, i) if primary == "double" else _double_kind(text, i)
            if sec_open < 0 and kind in (OPEN, TOGGLE):
                sec_open = i
            elif sec_open >= 0 and kind in (CLOSE, TOGGLE):
                if not (primary == "double" and _weak_close(text, i) and any(
                        text[j] in sec_marks and _single_kind(text, j) == CLOSE
                        for j in marks[k + 1:])):
                    secondary = "single" if primary == "double" else "double"
                    spans.append(RawQuote(index, sec_open + 1, i, True, False, secondary,
                                          sec_open, i))
                    sec_open = -1
    if open_at >= 0:
        spans.append(RawQuote(index, open_at + 1, len(text), False, continued, primary,
                              open_at, len(text)))
        return spans, True
    return spans, False


def _trim(text: str, span: RawQuote) -> RawQuote | None:
    s, e = span.start, span.end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e <= s or not any(c.isalnum() for c in text[s:e]):
        return None
    span.start, span.end = s, e
    return span


_NICKNAME_RE = re.compile(
    r"(\b[A-Z][\w.]*[ \t])([\"“'‘][A-Z][\w’'\-]*(?:[ \t][A-Z][\w’'\-]*)?[\"”'’])(?=[ \t][A-Z])")


def blank_nicknames(text: str) -> str:
    """Robert C. "Bobby" Scott -> the nickname and its marks replaced by spaces (same length,
    so offsets hold): a name, not a quote."""
    if '"' not in text and "“" not in text and "'" not in text and "‘" not in text:
        return text
    return _NICKNAME_RE.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)


def find_quote_spans(paragraphs: list[str]) -> list[RawQuote]:
    """All quoted spans of an article, in reading order."""
    primary = "single" if _is_single_primary(paragraphs) else "double"
    out: list[RawQuote] = []
    carried = False
    for index, text in enumerate(paragraphs):
        stripped = text.lstrip()
        starts_with_mark = bool(stripped) and stripped[0] in (
            DOUBLE_MARKS if primary == "double" else SINGLE_MARKS)
        spans, left_open = _pair_paragraph(text, index, primary, carried and starts_with_mark)
        for span in spans:
            trimmed = _trim(text, span)
            if trimmed is not None:
                out.append(trimmed)
        carried = left_open
    return _drop_transcripts(paragraphs, out)


_SPEAKER_LABEL_RE = re.compile(r"[A-Z][A-Z.'’\- ]{1,30}:\s")


def _drop_transcripts(paragraphs: list[str], spans: list[RawQuote]) -> list[RawQuote]:
    """A transcript set as one long quote ("WALLACE: …" paragraphs, each opened and never
    closed) is formatting, not a quote: drop the whole chain."""
    drop: set[int] = set()
    k = 0
    while k < len(spans):
        span = spans[k]
        text = paragraphs[span.paragraph]
        if not span.closed and _SPEAKER_LABEL_RE.match(text, span.start):
            chain = [k]
            j = k + 1
            while j < len(spans) and spans[j].continued and not spans[chain[-1]].closed:
                chain.append(j)
                j += 1
            drop.update(chain)
            k = j
        else:
            k += 1
    return [s for n, s in enumerate(spans) if n not in drop] if drop else spans
