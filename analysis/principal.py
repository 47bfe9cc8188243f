"""The principal newsmaker of an article: the person most central to it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .actors import (
    DEMONYM,
    NAME_RUN,
    TITLE_WORDS,
    classify,
    fold,
    name_key,
    sentence_opener,
    strip_titles,
    words_of,
)
from .model import Article, Quote, Speaker
from .pattern_text import lazy_compile
from .spaced_text import spaced_copy
from .text import sentence_spans

_HONORIFIC_NAME = lazy_compile(r"(?:m(?:rs?|s|iss)|dr)\.? ([a-z][a-z'-]+)")
# Where an honorific is a word of its own, in spaced_copy(" " + text).
_HONORIFIC_WORD = lazy_compile(r" (?:m(?:rs?|s|iss)|dr)\b")


def _honoured(body_folded: str) -> set[str]:
    """Surnames after an honorific: "mr hale" -> "hale" (the honorific a word of its own)."""
    found: set[str] = set()
    pos = 0
    # The honorifics that are words of their own, found in a copy whose non-word characters
    # are spaces (a scan for a space is fast; one for "m" or "d" stops at every one).
    for word in _HONORIFIC_WORD.finditer(spaced_copy(" " + body_folded)):
        start = word.start()  # the space before it in the copy: the honorific's start here
        if start >= pos and (m := _HONORIFIC_NAME.match(body_folded, start)):
            found.add(m.group(1))
            pos = m.end()
    return found


@dataclass
class Principal:
    name: str
    key: str
    demonym: str  # "valdorian" from "Valdorian President Irena Vasko", "" when none
    role: str = ""  # the words that introduced the name ("Valdoria's Transport Minister")


_FUNCTION_WORDS = frozenset(
    """when in on at the a an as after before how why what who where while with for from by of to
    and but or if his her their its our this that these those new more most latest breaking
    exclusive watch opinion analysis poll report""".split())


def _clean_run(run: str) -> str:
    """A name run without leading function words, titles, or trailing possessives."""
    tokens = [t.rstrip(".:,;").removesuffix("’s").removesuffix("'s") for t in run.split()]
    tokens = [t for t in tokens if t]
    while tokens and (fold(tokens[0]) in _FUNCTION_WORDS or sentence_opener(tokens[0])
                      or "-of-" in tokens[0]):  # "Grandmother-of-three Pat"
        tokens.pop(0)
    return strip_titles(" ".join(tokens))


def _demonym_before(context: str, key: str) -> str:
    words = context.split()
    for w, nxt in zip(words[-7:], words[-6:], strict=False):
        if (w[:1].isupper() and DEMONYM.search(w.lower()) and fold(w) != key
                and nxt.lower() in TITLE_WORDS):
            return fold(w)
    return ""


# A key that is one whole word of words_of(), apostrophes inside ("o'brien") but no "'s".
PLAIN_KEY = lazy_compile(r"(?=...)(?!s')[a-z][a-z0-9]*(?:'(?!s(?:'|$))[a-z]+)*")
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
_TOKEN_CHARS = _LETTERS | frozenset("0123456789")


def token_count(body_folded: str, key: str) -> int:
    """How many of words_of(body_folded) equal key (a PLAIN_KEY), without splitting the whole
    text into words."""
    n, size, at = 0, len(body_folded), body_folded.find(key)
    # A word ends at a digit after "'" and letters: "o'brien2" is "o'brien" and "2".
    continues = _LETTERS if "'" in key else _TOKEN_CHARS
    while at >= 0:
        end = at + len(key)
        before = body_folded[at - 1] if at else " "
        after = body_folded[end] if end < size else " "
        if before in _TOKEN_CHARS or after in continues:
            pass  # part of a longer word
        elif before == "'" and at >= 2 and body_folded[at - 2] in _TOKEN_CHARS:
            pass  # the end of "o'brien"
        elif after == "'" and end + 1 < size and "a" <= body_folded[end + 1] <= "z" and not (
                body_folded[end + 1] == "s" and not _WORD_CHAR.match(body_folded, end + 2)):
            pass  # the start of "o'brien" (but "brien's" is brien)
        else:
            n += 1
        at = body_folded.find(key, at + 1)
    return n


_WORD_CHAR = lazy_compile(r"\w")


def find_principal(article: Article, quotes: list[Quote], speakers: list[Speaker],
                   body_folded: str = "") -> Principal:
    """The person most central: named in the title or first sentence, most mentioned, most
    quoted. body_folded is fold() of the paragraphs joined, when the caller has it."""
    lead = next((p for p in article.paragraphs if len(p.split()) >= 12),
                article.paragraphs[0] if article.paragraphs else "")
    spans = sentence_spans(lead)
    first = lead[spans[0][0]:spans[0][1]] if spans else lead
    body_folded = body_folded or fold("\n".join(article.paragraphs))
    head_words = set(words_of(fold(article.title + " " + first)))
    candidates: dict[str, tuple[str, str]] = {}  # key -> (full name, text leading to it)
    honoured = _honoured(body_folded)
    for source, from_title in ((first, False), (article.title, True)):
        for n, m in enumerate(NAME_RUN.finditer(source)):
            if n >= 40:
                break  # a real headline or lead names a handful of people, not hundreds
            full = _clean_run(m.group(0))
            tokens = full.split()
            if not tokens or len(tokens) > 1 and classify(full) != "person":
                continue
            key = name_key(full)
            if from_title and fold(full) not in body_folded:
                continue  # title-case headlines make runs of every word
            if len(tokens) == 1 and key not in honoured:
                continue  # a lone capitalised word is as likely a place as a person
            candidates.setdefault(key, (full, source[:m.end()]))
    quote_count: dict[str, int] = {}
    for q in quotes:
        quote_count[q.speaker_id] = quote_count.get(q.speaker_id, 0) + 1
    quoted_by_key: dict[str, int] = {}  # quotes of the speakers of each name key
    for sp in speakers:
        key = name_key(sp.name)
        quoted_by_key[key] = quoted_by_key.get(key, 0) + quote_count.get(sp.id, 0)
    for sp in speakers:
        key = name_key(sp.name)
        if " " not in sp.name.strip() and key not in honoured:
            continue  # "Animal" (from "Animal welfare charity …"): not a person's name
        if sp.kind == "person" and key and not sentence_opener(sp.name.split()[0]):
            full, context = candidates.get(key, (sp.name, ""))
            if len(sp.name) > len(full):
                full = sp.name
            candidates[key] = (full, context + " " + sp.role + " " + sp.name)
    body_words: Counter[str] | None = None
    best, best_score = Principal("", "", ""), 0.0
    for key, (full, context) in candidates.items():
        if len(key) < 3:
            continue
        if len(candidates) == 1:
            mentions = 0
        elif PLAIN_KEY.fullmatch(key):
            mentions = token_count(body_folded, key)
        else:
            body_words = body_words or Counter(words_of(body_folded))
            mentions = body_words.get(key, 0)
        quoted = quoted_by_key.get(key, 0)
        score = mentions + 2 * quoted + (4 if key in head_words else 0)
        if score > best_score:
            role = " ".join(context.split()[-8:])
            best, best_score = Principal(full, key, _demonym_before(context, key), role), score
    return best if best_score >= 3 else Principal("", "", "")
