"""Find quoted spans in paragraphs: quote marks told apart from apostrophes by their context,
paired per paragraph with a small state machine that tolerates mismatched styles and carries an
unclosed quote into the next paragraph when that paragraph reopens with a quote mark. Marks a
text dumped one sentence per line left on the wrong line are put back first
and the lines of a speaker's paragraph such a dump split are joined again (`mend_dumped_quotes`,
when the article is parsed)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import PAST_SPEECH_FORMS, SPEECH_VERBS
from ..patterns import lazy_compile
from ..text.furniture import is_picture_caption

DOUBLE_OPENERS = "“„«‟"
DOUBLE_CLOSERS = "”»"
DOUBLE_MARKS = DOUBLE_OPENERS + DOUBLE_CLOSERS + '"'
SINGLE_OPENERS = "‘‚‹‛"
SINGLE_CLOSERS = "’›"
SINGLE_MARKS = SINGLE_OPENERS + SINGLE_CLOSERS + "'"
ALL_MARKS = DOUBLE_MARKS + SINGLE_MARKS

# Some archives (NYT copy among them) flatten double quotes to two apostrophes, ''like this,''.
# Where such marks pair up, `archive_quotes_as_double` rewrites them as double marks first; a
# doubled apostrophe left over is matched as one token and skipped, neither a quote mark nor an
# apostrophe, while choosing the house style and in double-quoted articles (read as two single
# marks it would make the article look British).
_MARK_RE = lazy_compile("''|[" + re.escape(ALL_MARKS) + "]")
# A doubled apostrophe opening a word is the sign of such an archive; a closing one (",''")
# can also be a nested single quote ending together with its outer one.
_FLATTENED_OPENER_RE = lazy_compile(r"(?:^|[\s(\[—–-])''(?=\w)")
# A doubled apostrophe (straight, or curly as a retyped archive has it) that is not part of a
# longer run of them.
_DOUBLED_APOSTROPHE_RE = lazy_compile(r"(?<!['’‘])(?:''|’’|‘‘)(?!['’‘])")
# Elisions that begin with an apostrophe: 'em, 'til, 'n', '90s, 'cause, 'tis.
_ELISION_RE = lazy_compile(
    r"(?:\d0s|\d\ds?\b|em\b|til\b|n\b|cause\b|cos\b|coz\b|tis\b|twas\b|bout\b|round\b)",
    re.IGNORECASE)
_LEFT_SPACE = set(" \t\n([{—–―-/") | set(DOUBLE_OPENERS) | set(SINGLE_OPENERS)
_RIGHT_SPACE = set(" \t\n,;:.!?)]}…—–―")

OPEN, CLOSE, TOGGLE = 1, 2, 3
# A single mark after a space (or at the start): the only ones _single_kind may call OPEN.
_SPACED_SINGLE_RE = lazy_compile(
    "[" + re.escape(SINGLE_MARKS) + "](?<![^" + re.escape("".join(sorted(_LEFT_SPACE))) + "].)")
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
    if left and nxt == "…" and text[i] != "’":
        return OPEN  # "'… and then'": a quote taken up mid-sentence
    return 0


# Words that follow a closing quote but never a plural possessive: "…the nurses' he said".
_AFTER_CLOSE_WORDS = frozenset(
    "he she they we i it you said says added adds told tells asked replied insisted explained "
    "warned according".split())
_NEXT_WORD_RE = lazy_compile(r" ([A-Za-z]+)")


def _weak_close(text: str, i: int) -> bool:
    """A closing single mark that may be a plural possessive: "the Workers' Union"."""
    if i == 0 or text[i - 1] not in "sS":
        return False
    m = _NEXT_WORD_RE.match(text, i + 1)
    return m is not None and m.group(1).lower() not in _AFTER_CLOSE_WORDS


def _count_doubles(text: str) -> int:
    # str.count scans fast; a class of marks beyond Latin-1 is tested slowly at each character.
    return sum(map(text.count, DOUBLE_MARKS)) if not text.isascii() else text.count('"')


def _has_double_mark(text: str) -> bool:
    """True when text holds a double quote mark (substring tests scan fast)."""
    return '"' in text or not text.isascii() and (
        "“" in text or "”" in text or "«" in text or "»" in text or "„" in text or "‟" in text)


def _marks(text: str, doubled: bool = False) -> list[int]:
    """Offsets of the quote marks of text; doubled apostrophes skipped unless doubled is set
    (single-quoted articles, which are no flattening archive: there "me.''" closes a nested
    quote and its outer one together)."""
    if doubled or "''" not in text:
        # Each mark found by str.find (a regex scan makes a match object per mark).
        found = []
        for mark in ALL_MARKS if not text.isascii() else "\"'":
            at = text.find(mark)
            while at >= 0:
                found.append(at)
                at = text.find(mark, at + 1)
        found.sort()
        return found
    return [m.start() for m in _MARK_RE.finditer(text) if m.end() - m.start() == 1]


def _has_single_opener(text: str) -> bool:
    return "‘" in text or "‹" in text or "'" in text


def _is_single_primary(paragraphs: list[str],
                       pairings: dict[int, tuple[list[RawQuote], bool]]) -> bool:
    """British house style: single marks as the primary quotes, doubles nested.

    Counts single opening marks outside double-quoted spans against the double-quoted spans.
    An article with straight marks only qualifies when a straight opening mark is closed later
    in its paragraph (apostrophes alone, as in "don't" or "the '90s", never open) and it has no
    flattened double quotes (see _MARK_RE). The double-style pairings it makes are left in
    pairings for reuse."""
    # Neither test below can match across a line break: one look at the joined paragraphs (a
    # paragraph start follows a line break, which the flattened-opener pattern accepts as ^).
    joined = "\n".join(paragraphs)
    if not _has_single_opener(joined):
        return False
    if "''" in joined and _FLATTENED_OPENER_RE.search(joined):
        return False
    if not any(_single_kind(t, m.start()) == OPEN for t in paragraphs if _has_single_opener(t)
               for m in _SPACED_SINGLE_RE.finditer(t)):
        return False  # no single mark opens anywhere: no single-quoted span to count
    double_spans = singles = curly = doubles = paired = 0
    for index, text in enumerate(paragraphs):
        if not _has_single_opener(text):
            count = _count_doubles(text)
            doubles += count
            double_spans += count // 2
            continue
        marks = _marks(text)
        spans, _ = pairings[index] = _pair_paragraph(text, index, "double", False, marks)
        double_spans += len(spans)
        nxt = 0  # spans are in order and disjoint: sweep them alongside the marks
        opened = False
        for i in marks:
            while nxt < len(spans) and spans[nxt].close_at <= i:
                nxt += 1
            ch = text[i]
            if ch in DOUBLE_MARKS:
                doubles += 1
                continue
            if nxt < len(spans) and spans[nxt].open_at < i:
                continue  # nested in a double-quoted span
            kind = _single_kind(text, i)
            if kind == OPEN:
                singles += 1
                curly += ch != "'"
                opened = True
            elif kind == CLOSE and opened:
                paired += 1
                opened = False
    return singles >= 1 and singles * 2 >= double_spans and (curly or doubles or paired) > 0


def _last_single_close(text: str, marks: list[int], family: str) -> int:
    """Index in marks of the last closing mark of the family, -1 when none."""
    for k in range(len(marks) - 1, -1, -1):
        i = marks[k]
        if text[i] in family and _single_kind(text, i) == CLOSE:
            return k
    return -1


def _pair_paragraph(text: str, index: int, primary: str, carried: bool,
                    marks: list[int] | None = None) -> tuple[list[RawQuote], bool]:
    """Spans of one paragraph; returns them and whether the last one is left open. marks, when
    given, are _marks(text, primary == "single")."""
    single = primary == "single"
    prim_marks = SINGLE_MARKS if single else DOUBLE_MARKS
    spans: list[RawQuote] = []
    if marks is None:
        marks = _marks(text, single)
    n = len(text)
    first_word = n - len(text.lstrip())  # marks at or before it open the paragraph
    last_close = -2  # computed on first need
    open_at = -1
    depth = 0
    continued = False
    sec_open = -1
    # A paragraph continuing an unclosed quote reopens with a mark at its very start.
    for k, i in enumerate(marks):
        ch = text[i]
        if ch in prim_marks:
            if single:
                kind = _single_kind(text, i)
            else:  # _double_kind, inlined: the loop's hot path
                left = i == 0 or text[i - 1] in _LEFT_SPACE
                right = i + 1 >= n or text[i + 1] in _RIGHT_SPACE
                if left != right:
                    kind = OPEN if left else CLOSE
                else:
                    kind = OPEN if ch in DOUBLE_OPENERS else CLOSE if ch in DOUBLE_CLOSERS \
                        else TOGGLE
            if single and kind == CLOSE and open_at >= 0 and _weak_close(text, i):
                if last_close == -2:
                    last_close = _last_single_close(text, marks, prim_marks)
                if last_close > k:
                    continue
            if kind == 0:
                continue
            if open_at < 0:
                # A closing glyph opening a paragraph ("” … what I learned") opens a quote.
                if kind in (OPEN, TOGGLE) or i <= first_word:
                    open_at = i
                    depth = 0
                    continued = carried and i <= first_word
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
        elif single and open_at < 0 and ch in DOUBLE_MARKS:
            # Doubles at top level of a single-quoted article: accepted only when closed in the
            # same paragraph.
            kind = _double_kind(text, i)
            if sec_open < 0 and kind in (OPEN, TOGGLE):
                sec_open = i
            elif sec_open >= 0 and kind in (CLOSE, TOGGLE):
                spans.append(RawQuote(index, sec_open + 1, i, True, False, "double", sec_open, i))
                sec_open = -1
    if open_at >= 0:
        spans.append(RawQuote(index, open_at + 1, len(text), False, continued, primary,
                              open_at, len(text)))
        return spans, True
    return spans, False


_ALNUM_RE = lazy_compile(r"[^\W_]")  # a letter or digit: str.isalnum


def _trim(text: str, span: RawQuote) -> RawQuote | None:
    s, e = span.start, span.end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e <= s or not _ALNUM_RE.search(text, s, e):
        return None
    span.start, span.end = s, e
    return span


_NICKNAME_RE = lazy_compile(
    r"(\b[A-Z][\w.]*[ \t]+)([\"“'‘][A-Z][\w’'\-]*(?:[ \t][A-Z][\w’'\-]*){0,2}[\"”'’])"
    r"(?=[ \t]+[A-Z])")
# What a nickname looks like, as one pattern per opening mark: a pattern opening with a literal
# character is found by a fast scan, where a class holding marks beyond Latin-1 is tested
# slowly at every character.
_NICKNAME_HINT_RES = [
    lazy_compile(re.escape(mark) + r"[A-Z][\w’'\-]*(?:[ \t][A-Z][\w’'\-]*){0,2}[\"”'’][ \t]+[A-Z]")
    for mark in "\"“'‘"]


def _may_hold_nickname(text: str) -> bool:
    return any(hint.search(text) for hint in _NICKNAME_HINT_RES)


def blank_nicknames(text: str) -> str:
    """Robert C. "Bobby" Scott -> the nickname and its marks replaced by spaces (same length,
    so offsets hold): a name, not a quote."""
    if not _may_hold_nickname(text):
        return text
    return _NICKNAME_RE.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)


def blank_all_nicknames(paragraphs: list[str]) -> list[str]:
    """blank_nicknames of each paragraph. The hint pattern holds no line break, so one scan of
    the paragraphs joined by line breaks tells whether any paragraph has a nickname."""
    if not _may_hold_nickname("\n".join(paragraphs)):
        return list(paragraphs)
    return [blank_nicknames(p) for p in paragraphs]


def _archive_marks(text: str) -> list[tuple[int, int]]:
    """(offset, OPEN or CLOSE) of the doubled apostrophes of a paragraph that read as opening
    or closing double quotes: opening after a space or at the start and before a word, closing
    after a word or punctuation and before a space, punctuation or the end."""
    found = []
    for m in _DOUBLED_APOSTROPHE_RE.finditer(text):
        i = m.start()
        left = i == 0 or text[i - 1] in _LEFT_SPACE
        right = i + 2 >= len(text) or text[i + 2] in _RIGHT_SPACE
        if left and not right:
            found.append((i, OPEN))
        elif right and not left:
            found.append((i, CLOSE))
    return found


def _may_hold_doubled(text: str) -> bool:
    return "''" in text or "’’" in text or "‘‘" in text


def archive_quotes_as_double(paragraphs: list[str]) -> list[str]:
    """The paragraphs with archive double quotes (''…'', or ‘‘…’’) rewritten as double marks
    where they pair up: an opening pair becomes ' "', a closing one '" ' (same length, so
    offsets hold and the quote's text excludes both apostrophes). A quote left open at a
    paragraph's end pairs up when the next paragraph reopens with '' (a quote running over
    paragraphs). A closing '' with no opening one stays: "'… for the workers''" closes a
    British single quote after a plural possessive."""
    marks = [_archive_marks(p) if _may_hold_doubled(p) else [] for p in paragraphs]
    if not any(marks):
        return list(paragraphs)
    out = list(paragraphs)
    for index, found in enumerate(marks):
        if not found:
            continue
        text = list(out[index])
        opened = -1
        for offset, kind in found:
            if kind == OPEN:
                opened = offset  # an opener inside an open quote starts it again
            elif opened >= 0:
                text[opened:opened + 2] = ' "'
                text[offset:offset + 2] = '" '
                opened = -1
        nxt = marks[index + 1] if index + 1 < len(marks) else []
        first = len(paragraphs[index + 1]) - len(paragraphs[index + 1].lstrip()) if nxt else -1
        if opened >= 0 and nxt and nxt[0] == (first, OPEN):
            text[opened:opened + 2] = ' "'  # continued in the next paragraph
        out[index] = "".join(text)
    return out


def find_quote_spans(paragraphs: list[str]) -> list[RawQuote]:
    """All quoted spans of an article, in reading order."""
    pairings: dict[int, tuple[list[RawQuote], bool]] = {}
    primary = "single" if _is_single_primary(paragraphs, pairings) else "double"
    if primary == "single":
        pairings.clear()
    out: list[RawQuote] = []
    carried = False
    for index, text in enumerate(paragraphs):
        first_word = len(text) - len(text.lstrip())
        starts_with_mark = first_word < len(text) and text[first_word] in (
            DOUBLE_MARKS if primary == "double" else SINGLE_MARKS)
        if index in pairings:
            # Paired as not carried: only a first quote opening the paragraph continues one.
            spans, left_open = pairings[index]
            if carried and starts_with_mark and spans and spans[0].open_at == first_word:
                spans[0].continued = True
        elif primary == "double" and not _has_double_mark(text):
            spans, left_open = [], False  # no double mark, nothing to pair
        else:
            spans, left_open = _pair_paragraph(text, index, primary, carried and starts_with_mark)
        for span in spans:
            trimmed = _trim(text, span)
            if trimmed is not None:
                out.append(trimmed)
        carried = left_open
    return _drop_transcripts(paragraphs, out)


_SPEAKER_LABEL_RE = lazy_compile(r"[A-Z][A-Z.'’\- ]{1,30}:\s")


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


# Text dumped one sentence per line leaves a quote mark behind at a line's end ("… rides him!
# '" / "I'd love good ground …"), or alone on a line, and goes on with a quote on the next line
# without reopening it. The marks are put back where they belong before paragraphs are paired.
_DANGLING_MARK = lazy_compile(r"\s+(['‘\"“])$")
_LONE_MARKS = ("'", "‘", '"', "“", "’", "”")
_CLOSING_FIRST = ('"', "”", "’", "'")  # marks that may close a quote at a line's start


def _left_open(paragraph: str, single: bool) -> str:
    """The mark that opened a quote of the family (single or double) the paragraph leaves open,
    "" when it leaves none."""
    if not single:
        return '"' if paragraph.count('"') % 2 == 1 else \
            "“" if paragraph.count("“") > paragraph.count("”") else ""
    kinds = [(i, _single_kind(paragraph, i)) for i in _marks(paragraph, True)
             if paragraph[i] in SINGLE_MARKS]
    opened = [i for i, kind in kinds if kind == OPEN]
    closed = sum(1 for _, kind in kinds if kind == CLOSE)
    return paragraph[opened[-1]] if len(opened) > closed else ""


# What tells a line of a dump that the story, not the speaker, talks: it reports speech in the
# third person ("Lawrence said his goal is …"), or it is a caption ("Ann (left) and Rosemary
# (right) wore …"). A line that stops without a full stop may still be a quote's: dumps break
# sentences over lines.
_LINE_WORDS = lazy_compile(r"[A-Za-z]+")
_FIRST_PERSON = frozenset("i me my we us our".split())


def _may_go_on(line: str) -> bool:
    """Whether a mark-less line of a dump can go on with a quote left open: not a caption nor
    the story's own reporting of speech."""
    words = [w.lower() for w in _LINE_WORDS.findall(line)]
    if not words:
        return False
    said = not PAST_SPEECH_FORMS.isdisjoint(words) or \
        not SPEECH_VERBS.isdisjoint(w for w in words if w.endswith("s"))
    if said and _FIRST_PERSON.isdisjoint(words):
        return False
    return not is_picture_caption(line)


def _has_marks(paragraph: str, mark: str) -> bool:
    """Whether the paragraph holds a quote mark of the mark's family (apostrophes aside)."""
    if mark in SINGLE_MARKS:
        return any(paragraph[i] in SINGLE_MARKS and _single_kind(paragraph, i)
                   for i in _marks(paragraph, True))
    return any(m in paragraph for m in '"“”')


def _closes_first(paragraph: str, mark: str) -> bool:
    """Whether the paragraph closes a quote of the mark's family before it opens one: it goes
    on with a quote the paragraph before left open."""
    if mark == '"':
        first = paragraph.find('"')
        # not inches: 6'3"
        return paragraph.count('"') % 2 == 1 and first > 0 and \
            not paragraph[first - 1].isspace() and not paragraph[first - 1].isdigit()
    if mark == "“":
        closing = paragraph.find("”")
        return closing >= 0 and not 0 <= paragraph.find("“") < closing
    for i in _marks(paragraph, True):
        if paragraph[i] in SINGLE_MARKS:
            kind = _single_kind(paragraph, i)
            if kind:
                return kind == CLOSE
    return False


# A line opening in lower case (not "iPhone"): the rest of a sentence the dump cut in two.
_SPLIT_SENTENCE = lazy_compile(r"[a-z]+\b")
MAX_CONTINUED = 8  # mark-less lines of a dump that a quote left open runs on into
_UNFINISHED = lazy_compile(r",[’'\"”]?$")


def _dangling_mark(paragraph: str) -> re.Match[str] | None:
    """A quote mark left at the paragraph's end after a space."""
    if not paragraph.endswith(_LONE_MARKS[:4]):
        return None
    return _DANGLING_MARK.search(paragraph, max(0, len(paragraph) - 8))


def mend_dumped_quotes(paragraphs: list[str]) -> list[str]:
    """The paragraphs with each quote mark left dangling at the end of one, or standing alone,
    put where it belongs: closing the quote the paragraph before left open, else opening the
    next paragraph. A paragraph that goes on with a quote left open and closes it is reopened
    with the quote's mark, as a quote running over paragraphs is written. A dump that shows
    such stray marks, or a line opening in lower case, split the speaker's paragraph over
    lines: there the line joins the line before, and so does a line with no mark of the
    quote's kind (the story's own reporting and captions aside, `_may_go_on`)."""
    dump = any(p in _LONE_MARKS or _dangling_mark(p) or _SPLIT_SENTENCE.match(p)
               for p in paragraphs)
    out: list[str] = []
    carried = ""
    continued = 0  # mark-less lines joined to the quote left open
    for paragraph in paragraphs:
        paragraph = carried + paragraph
        carried = ""
        if paragraph in _LONE_MARKS:
            if out and _left_open(out[-1], paragraph in SINGLE_MARKS):
                out[-1] += paragraph
            else:
                carried = paragraph
            continue
        if out and paragraph[1:2] == " " and paragraph[:1] in _CLOSING_FIRST and \
                _left_open(out[-1], paragraph[:1] in SINGLE_MARKS):
            out[-1] += paragraph[:1]  # '" It was …': the mark closing the line before
            paragraph = paragraph[2:]
        dangling = _dangling_mark(paragraph)
        if dangling and not _left_open(paragraph[:dangling.start()],
                                       dangling.group(1) in SINGLE_MARKS):
            carried = dangling.group(1)
            paragraph = paragraph[:dangling.start()]
        if out and not paragraph.startswith(_LONE_MARKS):
            mark = _left_open(out[-1], False) or _left_open(out[-1], True)
            if mark and _closes_first(paragraph, mark):
                if dump:  # the dump split the speaker's paragraph: it is one again
                    out[-1] += " " + paragraph
                    continue
                paragraph = mark + paragraph
            elif mark and dump and continued < MAX_CONTINUED and \
                    not _has_marks(paragraph, mark) and _may_go_on(paragraph):
                out[-1] += " " + paragraph
                continued += 1
                continue
            elif dump and _UNFINISHED.search(out[-1], max(0, len(out[-1]) - 3)):
                # "'This world will be sadder without him,'" / "Lindsey told the station.": one
                # sentence the dump split after its comma
                out[-1] += " " + paragraph
                continue
        continued = 0
        out.append(paragraph)
    if carried:
        out.append(carried)
    return out
