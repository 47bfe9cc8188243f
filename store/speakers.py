"""Speakers across stored articles: the same person merged, namesakes kept apart.

Rules: people are keyed by their full name without honorifics ("Irena Vasko"). A one-word
name ("Vasko") joins the full-name speaker with that surname when there is exactly one; with
none or several it stays on its own. Two full names never merge unless they are the same
words, so "Anna Berg" and "Lars Berg" stay two people. Organisations merge only on the exact
same name; anonymous sources ("a senior official") never merge across articles.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .articles import INDEX
from .records import SpeakerQuote, SpeakerSummary

if TYPE_CHECKING:
    from .library import Library

HONORIFICS = frozenset(
    """mr mrs ms miss mx dr prof professor sir dame lord lady president minister premier
    senator sen rep representative gov governor gen general judge chancellor mayor king queen
    prince princess pope rev chief secretary ambassador commissioner""".split()
)
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_FOLDED_WORD = re.compile(r"\w+")
_APOSTROPHES = str.maketrans("", "", "'’‘ʼ`´")
_FILLERS = frozenset({"the", "a", "an"})
# Letters that no accent-stripping decomposes, as they are typed on an English keyboard.
_LETTERS = str.maketrans({"æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d",
                          "þ": "th", "ı": "i"})


@lru_cache(maxsize=65536)
def _name_words(name: str) -> tuple[str, ...]:
    words = [w.strip(".").casefold() for w in _NAME_WORD.findall(name)]
    while len(words) > 1 and words[0] in HONORIFICS:
        words.pop(0)
    return tuple(w for w in words if w)


def name_words(name: str) -> list[str]:
    """The words of a person's name without leading honorifics, case-folded."""
    return list(_name_words(name))


@dataclass
class SpeakerGroup:
    key: str
    kind: str
    names: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    quotes: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (article id, quote)

    @property
    def name(self) -> str:
        full = [n for n in self.names if len(name_words(n)) > 1] or list(self.names)
        return max(full, key=lambda n: (self.names[n], len(n)))

    @property
    def role(self) -> str:
        return self.roles.most_common(1)[0][0] if self.roles else ""

    def summary(self) -> SpeakerSummary:
        display = self.name
        aliases = sorted((set(self.names) | self.aliases) - {display}, key=str.casefold)
        return SpeakerSummary(name=display, role=self.role, kind=self.kind, aliases=aliases,
                              quote_count=len(self.quotes),
                              article_count=len({a for a, _q in self.quotes}))


def _signature(lib: Library) -> tuple[Any, ...]:
    folder = lib.home / "quotes"
    names = sorted(e.name for e in os.scandir(folder) if e.name.endswith(".json")) \
        if folder.is_dir() else []
    return (lib.files.stamp(INDEX), *((n, lib.files.stamp(f"quotes/{n}")) for n in names))


def load_digests(lib: Library, names: list[str]) -> dict[str, dict[str, Any]]:
    indexed = lib.files.raw(INDEX, "articles")
    out: dict[str, dict[str, Any]] = {}
    for name in names:
        for article_id, digest in lib.files.raw(f"quotes/{name}", "quotes").items():
            if article_id in indexed:
                out[article_id] = digest
    return out


class SpeakerIndex:
    """Speakers merged over every digest, and flat rows for search; rebuilt only when an index
    or quote shard file changed (checked by file stamps, a few stat calls)."""

    def __init__(self, digests: dict[str, dict[str, Any]]) -> None:
        self.digests = digests
        self.groups = build_groups(digests)
        self.summaries = [g.summary() for g in self.groups]
        self.summaries.sort(key=lambda s: (-s.quote_count, -s.article_count, s.name.casefold()))
        self.quote_rows: list[tuple[str, str, str, dict[str, Any]]] = []  # folded, article, ...
        for article_id, digest in digests.items():
            for quote in digest.get("quotes", []):
                self.quote_rows.append((fold_text(quote.get("text", "")), article_id,
                                        digest.get("published", ""), quote))


def speaker_index(lib: Library) -> SpeakerIndex:
    signature = _signature(lib)
    cached = getattr(lib, "_speaker_index", None)
    if cached is not None and cached[0] == signature:
        return cached[1]
    names = [n for n, _stamp in signature[1:]]
    index = SpeakerIndex(load_digests(lib, names))
    lib._speaker_index = (signature, index)  # type: ignore[attr-defined]
    return index


def _person_key(words: list[str]) -> str:
    return " ".join(words)


def build_groups(digests: dict[str, dict[str, Any]]) -> list[SpeakerGroup]:
    occurrences = []  # (article id, speaker dict, its quotes)
    for article_id, digest in digests.items():
        by_speaker: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for quote in digest.get("quotes", []):
            by_speaker[quote.get("speaker_id", "")].append(quote)
        for speaker in digest.get("speakers", []):
            occurrences.append((article_id, speaker, by_speaker.get(speaker.get("id", ""), [])))
    distinct = {(sp.get("kind", "person"), sp.get("name", "").strip())
                for _a, sp, _q in occurrences}
    surnames: dict[str, set[str]] = defaultdict(set)
    for kind, name in distinct:
        words = name_words(name)
        if kind == "person" and len(words) > 1:
            surnames[words[-1]].add(_person_key(words))
    keys = {(kind, name): _group_key(kind, name, surnames) for kind, name in distinct if name}
    groups: dict[str, SpeakerGroup] = {}
    for article_id, speaker, quotes in occurrences:
        kind = speaker.get("kind", "person")
        name = speaker.get("name", "").strip()
        if not name:
            continue
        key = keys[(kind, name)]
        if kind == "anonymous":  # "a senior official" here and there: not one person
            key = f"{key}@{article_id}"
        group = groups.get(key)
        if group is None:
            group = groups[key] = SpeakerGroup(key, kind)
        group.names[name] += 1
        if speaker.get("role"):
            group.roles[speaker["role"]] += 1
        if speaker.get("aliases"):
            group.aliases.update(a for a in speaker["aliases"] if a)
        group.quotes.extend((article_id, q) for q in quotes)
    return list(groups.values())


def _group_key(kind: str, name: str, surnames: dict[str, set[str]]) -> str:
    words = name_words(name)
    if kind != "person" or not words:
        return f"{kind}:{name.casefold()}"
    if len(words) == 1 and len(surnames.get(words[0], ())) == 1:
        return "person:" + next(iter(surnames[words[0]]))
    return "person:" + _person_key(words)


def speaker_summaries(lib: Library) -> list[SpeakerSummary]:
    return list(speaker_index(lib).summaries)


def fold_text(text: str) -> str:
    """text as a search compares it: accents, apostrophes and case gone ("O’Brien" and
    "obrien", "Séjourné" and "sejourne" fold alike)."""
    if text.isascii():
        return text.translate(_APOSTROPHES).casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bare.translate(_APOSTROPHES).casefold().translate(_LETTERS)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """fold_text, remembered: for names, which come again and again."""
    return fold_text(text)


def folded_words(text: str) -> tuple[str, ...]:
    return tuple(_FOLDED_WORD.findall(fold(text)))


def match_groups(groups: list[SpeakerGroup], name: str) -> list[SpeakerGroup]:
    """The groups a typed name may mean, most quoted first.

    In turn, the first rule that finds someone wins: the whole name or an alias (folded);
    then every typed word (honorifics and "the" left out) opening a word of a name or an
    alias ("Puglier", "Jana P"); then of a role ("the diplomat"). Several groups come back
    when the name fits several people ("Marsh")."""
    typed = folded_words(name)
    if not typed:
        return []
    whole = " ".join(typed)
    found = [g for g in groups
             if any(" ".join(folded_words(n)) == whole for n in (*g.names, *g.aliases))]
    if not found:
        wanted = [w for w in typed if w not in HONORIFICS and w not in _FILLERS] or list(typed)
        found = [g for g in groups if _opens_words(wanted, g.names, g.aliases)]
        if not found:
            found = [g for g in groups if _opens_words(wanted, g.roles)]
    return sorted(found, key=lambda g: (-len(g.quotes), g.name.casefold()))


def _opens_words(wanted: list[str], *texts: Iterable[str]) -> bool:
    words = {w for group in texts for text in group for w in folded_words(text)}
    return all(any(word.startswith(w) for word in words) for w in wanted)


def match_speakers(lib: Library, name: str) -> list[SpeakerSummary]:
    return [group.summary() for group in match_groups(speaker_index(lib).groups, name)]


def quotes_of(lib: Library, name: str) -> list[SpeakerQuote]:
    index = speaker_index(lib)
    digests = index.digests
    matched = match_groups(index.groups, name)
    if len(matched) != 1:
        return []
    group = matched[0]
    indexed = lib.files.raw(INDEX, "articles")
    added = {a: indexed.get(a, {}).get("added", 0.0) for a, _q in group.quotes}
    speakers_by_id = {
        (article_id, s.get("id")): s
        for article_id in {a for a, _q in group.quotes}
        for s in digests[article_id].get("speakers", [])
    }
    out = []
    for article_id, quote in group.quotes:
        digest = digests[article_id]
        speaker = speakers_by_id.get((article_id, quote.get("speaker_id")), {})
        out.append(SpeakerQuote(
            quote_id=f"{article_id}:{quote['id']}", text=quote.get("text", ""),
            speaker=group.name, role=speaker.get("role") or group.role,
            article_id=article_id, article_title=digest.get("title", ""),
            published=digest.get("published", ""),
        ))
    out.sort(key=lambda q: (q.published, added.get(q.article_id, 0.0), _quote_order(q.quote_id)),
             reverse=True)
    return out


def _quote_order(quote_id: str) -> int:
    # newest article first, but within one article keep reading order
    tail = quote_id.rsplit(":q", 1)[-1]
    return -int(tail) if tail.isdigit() else 0
