"""Extractive summary: lead-biased sentence selection with centrality, in article order.

News puts its main points first, so the lead is the backbone (Lead-3 is a baseline few
unsupervised summarisers beat). On top of it: sentences unfit for a summary are skipped
(captions, teasers, questions, fragments, "Scroll down for video"), a sentence's weight grows
with how much of its vocabulary recurs in the rest of the article and in the title, and the
number of sentences follows a word budget (3 short sentences carry less than 3 long ones).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from itertools import chain, filterfalse, repeat

from .document import Document
from .model import Article
from .patterns import lazy_compile
from .text.furniture import fold_for_prefilter, is_furniture

WORD_BUDGET = 60  # reference highlights run to ~55 words; stop once this many are chosen
MIN_SENTENCES = 3
WINDOW = 8  # only the first fit sentences compete: beyond them the lead bias wins anyway
POSITION_DECAY = 0.6
CENTRALITY_WEIGHT = 0.6
TITLE_WEIGHT = 0.3
REDUNDANCY = 0.5  # share of a sentence's content words already chosen that makes it a repeat
MIN_WORDS, MAX_WORDS = 6, 80
LENGTH_PENALTY = 0.02  # per word past LONG_SENTENCE, once the budget is mostly spent
LONG_SENTENCE = 25
QUOTE_PENALTY = 0.2  # a sentence opening with a quote mark is rarely a main point

_CLOSERS = "\"'”’»)]"
_TERMINALS = (".", "!", "?", "…")
_CAPTION = lazy_compile(
    r"scroll\s+down\s+for|click\s+here|\((?:pictured|left|right|centre|center|above|below|top"
    r"|bottom|inset|file)\b[^)]*\)|\bpictured\b|^(?:photo|image|video|watch|listen|read"
    r"\s+more)\s*:|\bcredit\s*:|\bread\s+more\b|\bsign\s+up\b",
    re.I,
)
_WORD = lazy_compile(r"[^\W_][\w'’-]{2,}")  # three characters and more: content words
_ASCII_WORD = lazy_compile(r"[a-z0-9][a-z0-9_'-]{2,}")  # _WORD on lower-case ASCII text
_STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being
    has have had do does did it its this that these those he she they we you i his her their
    our your my me him them us who whom which what when where why how not no so than then there
    here also just about into over after before under up down out more most very can could
    would should will may might must said says say told one two new last first year years""".split()
)


@lru_cache(maxsize=4096)
def _content_words(sentence: str) -> frozenset[str]:
    low = sentence.lower()
    # On ASCII text _WORD's Unicode classes are these ASCII ones, which the engine tests faster.
    words = (_ASCII_WORD if low.isascii() else _WORD).findall(low)
    # filterfalse runs the stopword test in C and builds one set instead of two.
    return frozenset(filterfalse(_STOPWORDS.__contains__, words))


def _ends_sentence(text: str) -> bool:
    """Ends with . ! ? or …, closing quotes or brackets and spaces after it: read from the end
    (a pattern anchored at the end still scans from the start)."""
    return text.rstrip().rstrip(_CLOSERS)[-1:] in _TERMINALS


def _mended_sentences(doc: Document) -> list[str]:
    """The document's sentences, with those a paragraph break cut in two joined again (one
    paragraph stops short and the next opens in lower case)."""
    out: list[str] = []
    last_paragraph = -1
    for sentence in doc.sentences:
        text = sentence.text
        if (out and sentence.paragraph != last_paragraph
                and (text[0].islower() or text[0] in ",;") and not _ends_sentence(out[-1])):
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
        last_paragraph = sentence.paragraph
    return out


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


# The words _CAPTION's "^(?:photo|…|read\s+more)\s*:" can open with.
_CAPTION_LABELS = ("photo", "image", "video", "watch", "listen", "read")


def summarize_article(article: Article, max_sentences: int = 4) -> list[str]:
    """summarize() of an article not yet read into a Document (for tests and benchmarks)."""
    return summarize(Document(article), max_sentences)


def summarize(doc: Document, max_sentences: int = 4) -> list[str]:
    """3-5 sentences of the article, in article order, carrying its main points."""
    max_sentences = max(MIN_SENTENCES, min(max_sentences, 5))
    article = doc.article
    sentences = _mended_sentences(doc)
    if not sentences:
        return []
    fit: list[tuple[int, str]] = []
    for i, sentence in enumerate(sentences):
        if _fit(sentence):
            fit.append((i, sentence))
            if len(fit) == WINDOW:
                break
    if not fit:
        return sentences[:MIN_SENTENCES]
    words_of = [_content_words(s) for s in sentences]
    doc_freq = Counter(chain.from_iterable(words_of))
    title_words = _content_words(article.title)
    scored: list[tuple[float, int, str]] = []
    for rank, (i, sentence) in enumerate(fit):
        words = words_of[i]
        # How much of the sentence's vocabulary recurs elsewhere (capped per word), per word.
        # sum(min(doc_freq[w] - 1, 5) for w in words), with the loop in C
        capped = sum(map(min, map(doc_freq.__getitem__, words), repeat(6))) - len(words)
        centrality = capped / (len(words) + 3) / 5
        title = len(words & title_words) / len(title_words) if title_words else 0.0
        score = (math.exp(-POSITION_DECAY * rank) + CENTRALITY_WEIGHT * centrality
                 + TITLE_WEIGHT * title)
        if sentence[0] in "\"“‘'«":
            score -= QUOTE_PENALTY
        scored.append((score, i, sentence))
    scored.sort(key=lambda item: (-item[0], item[1]))
    chosen: list[tuple[int, str]] = []
    words_chosen = 0
    while scored and len(chosen) < max_sentences:
        if words_chosen >= WORD_BUDGET and len(chosen) >= MIN_SENTENCES:
            break
        if words_chosen >= WORD_BUDGET:  # a sentence still owed: prefer a short one
            scored.sort(key=lambda item: (-(item[0] - LENGTH_PENALTY * max(
                0, len(item[2].split()) - LONG_SENTENCE)), item[1]))
        _, i, sentence = scored.pop(0)
        words = words_of[i]
        if words and any(len(words & words_of[j]) > REDUNDANCY * len(words) for j, _ in chosen):
            continue  # says again what a chosen sentence says
        chosen.append((i, sentence))
        words_chosen += len(sentence.split())
    return [sentence for _, sentence in sorted(chosen)]
