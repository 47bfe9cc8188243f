"""Extractive summary: the article's lead sentences, those that cannot stand alone passed over.

News puts its main points first, and on CNN/DailyMail articles (benchmarks/summary.py) nothing
else the engine measured picks sentences better than their order: ranking sentences by how much
of their vocabulary recurs in the article (or shares the title's) chose a later sentence over a
lead one wrongly about as often as rightly. So the summary departs from the lead only where the
evidence is plain. It passes over sentences unfit to stand alone (captions and teasers,
questions, fragments, pieces of a quote, bylines and page furniture), sentences that say again
what a chosen one says, and a quote coming after the two sentences that tell the news. It mends
sentences a paragraph break cut in two and drops the dateline opening the story. It takes three
sentences, and a fourth while they hold fewer words than a reference summary does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import filterfalse
from typing import TYPE_CHECKING

from .lexicon import STOPWORDS
from .model import Article
from .patterns import lazy_compile
from .text.furniture import (
    PICTURE_PLACES,
    byline_of,
    fold_for_prefilter,
    is_furniture,
    split_dateline,
)

if TYPE_CHECKING:
    from .document import Document

WORD_BUDGET = 60  # reference highlights run to ~55 words: a fourth sentence only below this
MIN_SENTENCES = 3
REDUNDANCY = 0.6  # share of a sentence's content words in one chosen sentence: a repeat
MIN_WORDS, MAX_WORDS = 6, 80
QUOTE_AFTER = 2  # a sentence opening with a quote takes no place after this many sentences

_CLOSERS = "\"'”’»)]"
_OPENING_QUOTES = "\"'“‘«"
_TERMINALS = (".", "!", "?", "…")
_CAPTION = lazy_compile(
    rf"scroll\s+down\s+for|click\s+here|\((?:{PICTURE_PLACES}|top|bottom|file)\b[^)]*\)"
    r"|\bpictured\b|^(?:photo|image|video|watch|listen|read"
    r"\s+more|published|updated|posted)\s*:|\bcredit\s*:|\bread\s+more\b|\bsign\s+up\b",
    re.I,
)
_WORD = lazy_compile(r"[^\W_][\w'’-]{2,}")  # three characters and more: content words
_ASCII_WORD = lazy_compile(r"[a-z0-9][a-z0-9_'-]{2,}")  # _WORD on lower-case ASCII text
# Words no sentence ends on: a paragraph stopping on one was cut mid-sentence.
_UNFINISHED_ENDINGS = frozenset(
    "a an the and or but nor of to in on at by for with from into onto than as".split())


def summarize_article(article: Article, max_sentences: int = 4) -> list[str]:
    """summarize() of an article not yet read into a Document (for tests and benchmarks)."""
    from .document import Document  # the pipeline makes it; importing the summary need not

    return summarize(Document(article), max_sentences)


def summarize(doc: Document, max_sentences: int = 4) -> list[str]:
    """3-5 sentences of the article, in article order, carrying its main points: its first
    sentences fit to stand alone, three of them and more (up to max_sentences) while they are
    short."""
    max_sentences = max(MIN_SENTENCES, min(max_sentences, 5))
    chosen: list[tuple[int, str]] = []
    chosen_words: list[frozenset[str]] = []
    reserve: list[tuple[int, str]] = []  # quotes passed over: taken when too little else is fit
    opening: list[str] = []  # the first sentences, fit or not: the summary when none is fit
    word_count = 0
    for index, sentence in enumerate(_mended_sentences(doc)):
        if len(opening) < MIN_SENTENCES:
            opening.append(sentence)
        if not chosen:  # the story's first sentence: its dateline is no summary text
            sentence = split_dateline(sentence)[1]
        if not _fit(sentence):
            continue
        words = _content_words(sentence)
        if words and any(len(words & other) > REDUNDANCY * len(words) for other in chosen_words):
            continue  # says again what a chosen sentence says
        if sentence[0] in _OPENING_QUOTES and len(chosen) >= QUOTE_AFTER:
            reserve.append((index, sentence))  # a quote after the news illustrates it
            continue
        chosen.append((index, sentence))
        chosen_words.append(words)
        word_count += len(sentence.split())
        if len(chosen) == max_sentences or (
                len(chosen) >= MIN_SENTENCES and word_count >= WORD_BUDGET):
            break
    if not chosen:
        return opening
    if len(chosen) < MIN_SENTENCES:
        chosen = sorted(chosen + reserve[:MIN_SENTENCES - len(chosen)])
    return [sentence for _, sentence in chosen]


def _mended_sentences(doc: Document) -> Iterator[str]:
    """The document's sentences in order, those a paragraph break cut in two joined again."""
    pending = ""
    pending_paragraph = -1
    for sentence in doc.sentences:
        text = sentence.text
        if pending and sentence.paragraph != pending_paragraph and _continues(pending, text):
            pending = f"{pending} {text}"
        else:
            if pending:
                yield pending
            pending = text
        pending_paragraph = sentence.paragraph
    if pending:
        yield pending


def _continues(sentence: str, following: str) -> bool:
    """Does the sentence opening the next paragraph finish this one? This one stops short and
    the next opens in lower case, or this one stops on a word no sentence ends on."""
    if _ends_sentence(sentence):
        return False
    if following[0].islower() or following[0] in ",;":
        return True
    last = sentence.rsplit(None, 1)[-1]
    return last.lower() in _UNFINISHED_ENDINGS


def _ends_sentence(text: str) -> bool:
    """Ends with . ! ? or …, closing quotes or brackets and spaces after it: read from the end
    (a pattern anchored at the end still scans from the start)."""
    return text.rstrip().rstrip(_CLOSERS)[-1:] in _TERMINALS


@lru_cache(maxsize=4096)
def _content_words(sentence: str) -> frozenset[str]:
    low = sentence.lower()
    # On ASCII text _WORD's Unicode classes are these ASCII ones, which the engine tests faster.
    words = (_ASCII_WORD if low.isascii() else _WORD).findall(low)
    # filterfalse runs the stopword test in C and builds one set instead of two.
    return frozenset(filterfalse(STOPWORDS.__contains__, words))


def _fit(sentence: str) -> bool:
    """Could this sentence stand in a summary on its own?"""
    words = sentence.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return False
    first = sentence[0]
    if first.islower() or first in ",;:-–—)]":
        return False
    if sentence.rstrip("\"'”’» ").endswith("?") or not _ends_sentence(sentence):
        return False
    if sentence.count("”") != sentence.count("“") or sentence.count('"') % 2:
        return False  # a piece of a quote that began (or goes on) in another sentence
    if sentence[:3].upper() == "BY " and byline_of(sentence):
        return False
    return not (_may_be_caption(sentence) and _CAPTION.search(sentence) or is_furniture(sentence))


def _may_be_caption(sentence: str) -> bool:
    """False when _CAPTION cannot match: each alternative needs all the strings tested for it
    (a search of the whole pattern costs ~20 us; "read" and "sign" alone stand in "already",
    "spread", "signal")."""
    if "(" in sentence and ")" in sentence:
        return True
    low = fold_for_prefilter(sentence)
    if ":" in sentence and ("credit" in low or low.startswith(_CAPTION_LABELS)):
        return True
    return "scroll" in low or "click" in low or "pictured" in low or \
        "read" in low and "more" in low or "sign" in low and "up" in low


# The words _CAPTION's "^(?:photo|…|posted)\s*:" can open with.
_CAPTION_LABELS = ("photo", "image", "video", "watch", "listen", "read", "published", "updated",
                   "posted")
