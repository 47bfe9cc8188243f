"""Is a sentence about the article's central event, or background? The lead's words, the
principal's name, pointers back at the event, and dates earlier than the news."""

from __future__ import annotations

import re
from operator import itemgetter

from .actors import fold, words_of
from .pattern_text import lazy_compile
from .principal import PLAIN_KEY, Principal, token_count
from .text import sentence_spans

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# Markers of background: earlier years and months, "last year", "years ago".
_BACKGROUND = lazy_compile(
    rf"\bin (?:(?:{_MONTHS})\s+)?(?:of\s+)?((?:19|20)\d\d)\b|\blast (?:year|month|decade)\b"
    r"|\byears? ago\b|\bearlier this (?:year|month)\b|\bat the time\b|\bin the past\b", re.I)
_ANAPHOR_NOUNS = frozenset(
    """move remark remarks comment comments statement statements words proposal proposals idea
    plan plans decision announcement suggestion message strategy approach stance position call
    offer pledge speech policy plea intervention gambit outburst claim claims""".split())
_BACKGROUND_HINT = lazy_compile(r"\d\d\d\d|ago\b|[Ll]ast |[Ee]arlier|[Aa]t the time|the past")
_STEM = itemgetter(slice(6))  # a word's first six letters: w[:6]
_FOUR_DIGITS = lazy_compile(r"\d\d\d\d")
_RELATIVE_CLAUSE = lazy_compile(r",\s+(?:who|which|whose)\b[^,]*,")
# "such a move", "his comments": a sentence pointing back at the event.
_ANAPHORA = lazy_compile(
    r"\b(?:such an?|the|this|that|these|those|his|her|their|its)\s+(?:[\w-]+\s+)?(?:"
    + "|".join(sorted(_ANAPHOR_NOUNS, key=len, reverse=True)) + r")\b")
WORD = lazy_compile(r"[a-zà-ÿ][a-zà-ÿ'-]{2,}")  # three letters and more: zoo, tax, war
# Words of the lead too common to tie a sentence to the event.
_STOP = frozenset(
    """that this with from have has had been being were will would could should their there
    they them then than what when where which while about after before over under into onto
    also only just more most some such said says saying week weeks month year years today
    monday tuesday wednesday thursday friday saturday sunday comment comments other others
    time times made make makes last first second next many much very well even still back
    amid among across against since because these those here your ours itself himself herself
    stage appeared appears remarks remark called calls call told tells say the and for but not
    was are has had his her its our you who why how all any can may out off new two one six ten
    per via yet now set get put see own few far big day ago did does got let lot won use
    way""".split()
)


def lead_event_words(lead: str, principal: Principal) -> set[str]:
    """Word stems of the lead's first sentence, less the principal's name and common words."""
    spans = sentence_spans(lead)
    first = lead[spans[0][0]:spans[0][1]] if spans else lead
    name_parts = set(fold(principal.name).split()) | {principal.demonym}
    return {w[:6] for w in WORD.findall(fold(first))
            if w not in _STOP and w not in name_parts}


def is_relevant(sentence: str, principal_key: str, event_words: set[str]) -> bool:
    """About the central event: names the principal, points back at the event ("such a
    move"), or shares a word with the lead's first sentence."""
    low = fold(sentence)
    if principal_key and principal_key in low and PLAIN_KEY.fullmatch(principal_key) and \
            token_count(low, principal_key):
        return True  # the principal named, told without splitting the sentence into words
    words = words_of(low)
    if principal_key and principal_key in words:
        return True
    if not _ANAPHOR_NOUNS.isdisjoint(words) and _ANAPHORA.search(low):
        return True
    # The set test runs in C; it also sees words of two letters, so it can only rule out.
    return not event_words.isdisjoint(map(_STEM, words)) and any(
        w[:6] in event_words for w in words if len(w) > 2)


def may_be_background(masked: str) -> bool:
    """False when neither masked nor any part of it can be background: none of the substrings
    of every alternative of the hint (tested faster than the hint)."""
    return ("ago" in masked or "ast " in masked or "arlier" in masked or "t the time" in masked
            or "the past" in masked or _FOUR_DIGITS.search(masked) is not None)


def is_background(masked: str, year: int) -> bool:
    """Dated before the news: "in June 2022" (earlier than `year`), "last year", "years ago"."""
    if not may_be_background(masked):
        return False
    if not _BACKGROUND_HINT.search(masked):
        return False
    masked = _RELATIVE_CLAUSE.sub(",", masked)  # "X, who left last year, criticised …" is news
    for m in _BACKGROUND.finditer(masked):
        if m.group(1) and "since " in masked[max(0, m.start() - 30):m.start()]:
            continue  # "since he took over in 2024": a state that still holds
        if m.group(1) is None or not year or int(m.group(1)) < year:
            return True
    return False


def lead_index(paragraphs: list[str]) -> int:
    for i, p in enumerate(paragraphs):
        if len(p.split()) >= 12:
            return i
    return 0
