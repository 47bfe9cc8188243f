"""Related feed entries: topical TF-IDF similarity, boosted by shared people, places and
organisations.

Words are split in two: names (capitalised word sequences inside sentences, plus the speakers
the analysis found) and topical words (everything else that is not a stop word). The score is
the TF-IDF cosine of the topical words, multiplied by (1 + ENTITY_WEIGHT × name overlap). So a
shared name can lift a topically close entry above another, but an entry that only shares a
name or a country (topical similarity near zero) can never outrank the same event.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .articles import INDEX, quotes_file, site_name
from .feeds import feed_titles
from .records import RelatedEntry

if TYPE_CHECKING:
    from .library import Library

ENTITY_WEIGHT = 0.5
MIN_TOPICAL = 0.03  # below this an entry is not about the same thing at all
# Scores under this share a few words or a name but not the event (the seeds: the same
# minister's budget scores ~0.06 against her strike remarks; same-event entries 0.14 and up;
# a short entry sharing "million crowns" with another reaches 0.11).
RELATED_MIN_SCORE = 0.12
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my no nor not now of off on once only or other our
    ours out over own same she should so some such than that the their theirs them then there
    these they this those through to too under until up very was we were what when where which
    while who whom why will with would you your yours said says say told tells according
    added adding one two three new would could may might must shall us mr mrs ms dr it's
    monday tuesday wednesday thursday friday saturday sunday week year years today yesterday
    january february march april may june july august september october november december
    percent per cent people since still even back last first next""".split()
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_NAME_SEQ = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _entity_words(text: str) -> set[str]:
    """Lower-cased words of capitalised sequences that do not open a sentence."""
    names: set[str] = set()
    for sentence in _SENTENCE.split(text):
        for match in _NAME_SEQ.finditer(sentence):
            if match.start() == 0 and " " not in match.group(1):
                continue  # one capitalised word opening a sentence: just a sentence start
            names.update(w.casefold() for w in _WORD.findall(match.group(1)))
    return {w for w in names if w not in STOPWORDS and len(w) > 1}


def profile(title: str, text: str, speakers: list[str] = ()) -> tuple[Counter[str], set[str]]:
    """(topical word counts, name words) of one document."""
    names = _entity_words(text)
    for speaker in speakers:
        names.update(w.casefold() for w in _WORD.findall(speaker) if len(w) > 1)
    names -= STOPWORDS
    words: Counter[str] = Counter()
    for word in _WORD.findall(f"{title}. {title}. {text}"):  # the title counts twice
        folded, term = _term(word)
        if term and folded not in names:
            words[term] += 1
    return words, names


@lru_cache(maxsize=200_000)
def _term(word: str) -> tuple[str, str]:
    """(case-folded word, its stemmed term or "" for a stop word or a short word)."""
    folded = word.casefold().strip("'’-")
    if len(folded) <= 2 or folded in STOPWORDS:
        return folded, ""
    for suffix in ("ing", "es", "s", "ed"):
        if folded.endswith(suffix) and len(folded) - len(suffix) >= 4:
            return folded, folded[: -len(suffix)]
    return folded, folded


def _vector(counts: Counter[str], idf: dict[str, float]) -> dict[str, float]:
    vec = {w: (1 + math.log(c)) * idf.get(w, 0.0) for w, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {w: v / norm for w, v in vec.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def _name_overlap(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def _speaker_words(lib: Library, entry_id: str) -> set[str]:
    """Name words of the speakers the analysis found in an entry (when it was analysed)."""
    digest = lib.files.raw(quotes_file(entry_id), "quotes").get(entry_id) or {}
    return {w.casefold() for s in digest.get("speakers", []) if s.get("kind") != "anonymous"
            for w in _WORD.findall(s.get("name", "")) if len(w) > 1} - STOPWORDS


class _Corpus:
    """Every stored feed entry as a TF-IDF vector plus its name words."""

    def __init__(self, docs: list[dict[str, Any]]) -> None:
        profiles = [(doc, *profile(doc.get("title", ""), doc.get("summary", ""))) for doc in docs]
        df: Counter[str] = Counter()
        for _doc, words, _names in profiles:
            df.update(words.keys())
        total = len(profiles) + 1
        self.unseen_idf = math.log(total + 1) + 1.0
        self.idf = {w: math.log((total + 1) / (n + 1)) + 1.0 for w, n in df.items()}
        self.entries = [(doc, _vector(words, self.idf), names) for doc, words, names in profiles]


def _corpus(lib: Library) -> _Corpus:
    """Built once, then reused until the index changes (entry speakers are looked up at
    scoring time, so analysing an entry does not rebuild it)."""
    stamp = lib.files.stamp(INDEX)
    cached = getattr(lib, "_related_cache", None)
    if cached and stamp is not None and cached[0] == stamp:
        return cached[1]
    corpus = _Corpus([d for d in lib.index_docs() if d.get("feed_url")])
    lib._related_cache = (lib.files.stamp(INDEX), corpus)  # type: ignore[attr-defined]
    return corpus


def related_entries(lib: Library, article_id: str, limit: int = 10,
                    min_score: float = 0.0) -> list[RelatedEntry]:
    from .errors import SourceError

    stored = lib.article(article_id)
    if stored is None:
        raise SourceError(f"{article_id}: no such article in the store")
    analysis = stored.analysis
    text = " ".join([*analysis.article.paragraphs, stored.summary])
    speakers = [s.name for s in analysis.speakers if s.kind != "anonymous"]
    target_words, target_names = profile(stored.ref.title, text, speakers)
    corpus = _corpus(lib)
    if not target_words:
        return []
    target = _vector(target_words, {w: corpus.idf.get(w, corpus.unseen_idf)
                                    for w in target_words})
    scored = []
    for doc, vector, names in corpus.entries:
        if doc["id"] == article_id:
            continue
        topical = _cosine(target, vector)
        if topical < MIN_TOPICAL:
            continue
        names = names | _speaker_words(lib, doc["id"])
        score = topical * (1 + ENTITY_WEIGHT * _name_overlap(target_names, names))
        if score >= min_score:
            scored.append((score, doc))
    scored.sort(key=lambda pair: (-pair[0], pair[1].get("title", "")))
    titles = feed_titles(lib)
    return [RelatedEntry(id=doc["id"], guid=doc.get("guid", ""), title=doc.get("title", ""),
                         link=doc.get("link", ""), score=round(score, 4),
                         feed_url=doc.get("feed_url", ""), published=doc.get("published", ""),
                         site=site_name(doc, titles))
            for score, doc in scored[:limit]]
