"""Direct quotes and their speakers.

Quote marks are paired per paragraph (`quote_marks`), each quote gets the attribution cue of its
sentence (`attribution`), quotes of one sentence share a cue, and quotes with no cue of their
own take the speaker of the quote they continue or the subject of the sentence before. Speaker
phrases resolve through the article's entity table (`speakers`): surnames to full names,
pronouns to the person the previous sentences are about, "the diplomat" to "A French diplomat".
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from .attribution import (
    Cue,
    after_cue,
    before_cue,
    contexts,
    gap_has_boundary,
    sentence_subject,
)
from .model import Article, Quote, Speaker
from .names import Phrase
from .quote_marks import RawQuote, blank_all_nicknames, find_quote_spans
from .quoted_terms import at_most_words, is_term
from .speakers import Entity, EntityTable
from .text import sentence_spans

Target = Entity | Phrase  # a named entity, or an unnamed description ("A French diplomat")
# A pronoun with no antecedent nearby falls back on the speaker of one of the last quotes.
_RECENT_QUOTES = 50

_DEFINITE = ("the", "this", "that", "these", "those")
# "the senator" is the person titled "Sen." earlier.
_ROLE_SYNONYMS = {
    "senator": ("senator", "sen.", "sen"),
    "congressman": ("congressman", "rep.", "rep", "representative"),
    "congresswoman": ("congresswoman", "rep.", "rep", "representative"),
    "governor": ("governor", "gov.", "gov"),
    "general": ("general", "gen.", "gen"),
    "professor": ("professor", "prof.", "prof"),
    "president": ("president",),
}


class _Resolver:
    """Turns speaker phrases into targets, remembering descriptions and resolved quotes."""

    def __init__(self, paragraphs: list[str], table: EntityTable) -> None:
        self.paragraphs = paragraphs
        self.table = table
        self.descriptions: list[Phrase] = []
        self.aliases: dict[int, list[str]] = {}
        self.resolved: list[tuple[RawQuote, Target]] = []  # in reading order
        self._resolved_keys: list[tuple[int, int]] = []  # (paragraph, open_at) of resolved
        self._sentences: dict[int, list[tuple[int, int]]] = {}
        self._sentence_ends: dict[int, list[int]] = {}
        self._mention_keys = table.mention_keys

    def sentences(self, p: int) -> list[tuple[int, int]]:
        """Sentence spans of paragraph p, computed once."""
        if p not in self._sentences:
            self._sentences[p] = sentence_spans(self.paragraphs[p])
            self._sentence_ends[p] = [e for _, e in self._sentences[p]]
        return self._sentences[p]

    def sentences_ended_by(self, p: int, offset: int) -> int:
        """How many sentences of paragraph p end at or before offset."""
        self.sentences(p)
        return bisect_right(self._sentence_ends[p], offset)

    def add_resolved(self, span: RawQuote, target: Target) -> None:
        """Record a quote's speaker; quotes arrive in reading order."""
        self.resolved.append((span, target))
        self._resolved_keys.append((span.paragraph, span.open_at))

    def _mentions_before(self, p: int, offset: int) -> int:
        """How many name mentions precede (p, offset); mentions are in reading order."""
        return bisect_left(self._mention_keys, (p, offset))

    def resolve(self, phrase: Phrase, p: int, offset: int, depth: int = 0) -> Target | None:
        if phrase.kind == "name":
            entity = self.table.lookup(phrase.text, phrase.entity_kind,
                                       self._mentions_before(p, offset), create=True)
            if entity is not None:
                entity.add_role(phrase.role)
                if phrase.honorific:
                    entity.add_alias(f"{phrase.honorific} {phrase.text.split()[-1]}")
            return entity
        if phrase.kind == "pronoun":
            target = self.antecedent(phrase.text, p, offset, depth)
            if isinstance(target, Entity) and not target.gender and phrase.text in ("he", "she"):
                target.gender = "m" if phrase.text == "he" else "f"  # later pronouns agree
            return target
        return self._nominal(phrase, p, offset)

    def resolve_cue(self, cue: Cue, p: int, offset: int) -> Target | None:
        """A pronoun inside the quote's own sentence ("Trump accused her of being "duped" by
        what he called…") is the subject of that sentence when it fits."""
        assert cue.phrase is not None
        if cue.phrase.kind == "pronoun" and cue.lead.strip():
            subject = sentence_subject(cue.lead)
            if subject is not None and subject.kind != "pronoun":
                target = self.resolve(subject, p, offset, 1)
                if target is not None and self._compatible(target, cue.phrase.text):
                    return target
        return self.resolve(cue.phrase, p, offset)

    def _nominal(self, phrase: Phrase, p: int, offset: int) -> Target:
        first = phrase.text.split()[0].lower()
        if first in _DEFINITE:
            for known in reversed(self.descriptions):
                if known.head == phrase.head:
                    aliases = self.aliases.setdefault(id(known), [])
                    if phrase.text not in aliases and phrase.text != known.text:
                        aliases.append(phrase.text)
                    return known
            mods = [w.lower() for w in phrase.text.split()[1:-1]]
            mentions = self.table.mentions
            for n in range(self._mentions_before(p, offset) - 1, -1, -1):
                ent = mentions[n]
                if ent.kind != "person":
                    continue
                words = set(" ".join(ent.roles).lower().replace(",", " ").split())
                heads = _ROLE_SYNONYMS.get(phrase.head, (phrase.head,))
                if any(h in words for h in heads) and all(m in words for m in mods):
                    ent.add_alias(phrase.text)
                    return ent
        for known in self.descriptions:
            if known.text.lower() == phrase.text.lower():
                return known
        self.descriptions.append(phrase)
        return phrase

    def antecedent(self, pronoun: str, p: int, offset: int, depth: int) -> Target | None:
        """The person (or organisation for "it"/"they") the sentences before are about."""
        if pronoun in ("i", "we") or depth > 2:
            return None
        steps = 0
        for q in range(p, max(-1, p - 4), -1):
            spans = self.sentences(q)
            # In the quote's own paragraph, only the sentences ended before it: the quote's own
            # sentence has as its subject what the quote is about as often as who says it.
            stop = self.sentences_ended_by(q, offset) if q == p else len(spans)
            for n in range(stop - 1, -1, -1):
                s, e = spans[n]
                steps += 1
                if steps > 6:
                    return self._last_quote_target(pronoun)
                target = self.sentence_target(q, s, e, pronoun, depth)
                if target is not None:
                    return target
        return (self._last_quote_target(pronoun) or self._recent_mention(pronoun, p, offset)
                or self._cataphora(pronoun, p, offset, depth))

    def _recent_mention(self, pronoun: str, p: int, offset: int) -> Target | None:
        """Last resort: the latest person named before, in any position of its sentence."""
        mentions, keys = self.table.mentions, self._mention_keys
        for n in range(self._mentions_before(p, offset) - 1, -1, -1):
            if keys[n][0] < p - 2:  # the mention's paragraph
                break
            if self._compatible(mentions[n], pronoun):
                return mentions[n]
        return None

    def _cataphora(self, pronoun: str, p: int, offset: int, depth: int) -> Target | None:
        """An opening "“…,” she said." introduces its speaker in the next sentence."""
        for q in range(p, min(len(self.paragraphs), p + 2)):
            for s, e in self.sentences(q)[:3]:
                if q == p and e <= offset + 1:
                    continue
                target = self.sentence_target(q, s, e, pronoun, depth)
                if target is not None:
                    return target
        return None

    def _last_quote_target(self, pronoun: str) -> Target | None:
        for _, target in reversed(self.resolved[-_RECENT_QUOTES:]):
            if self._compatible(target, pronoun, speaker=True):
                return target
        return None

    def sentence_target(self, q: int, s: int, e: int, pronoun: str, depth: int) -> Target | None:
        """Who sentence [s, e) of paragraph q is about, if the pronoun ("any" for a quote with
        no cue) can refer to it: the speaker of a quote in it, else the speaker of its reported
        speech, else its subject."""
        last = bisect_left(self._resolved_keys, (q, e)) - 1  # the last quote opened before e
        if last >= 0 and self._resolved_keys[last] >= (q, s):
            target = self.resolved[last][1]
            if self._compatible(target, pronoun, speaker=True):
                return target
        text = self.paragraphs[q][s:e]
        if text[:1] in "\"“”'‘«":
            return None
        cue = before_cue(text)  # reported speech names its speaker; else the subject
        phrase = cue.phrase if cue is not None else None
        if phrase is None:
            return None
        target = self.resolve(phrase, q, s, depth + 1) if phrase.kind != "name" else \
            self.table.lookup(phrase.text, phrase.entity_kind, None, create=False)
        if target is not None and self._compatible(target, pronoun):
            return target
        return None

    @staticmethod
    def _compatible(target: Target, pronoun: str, speaker: bool = False) -> bool:
        """Can the pronoun refer to the target? A lone capitalised word ("Russia") only when it
        has been seen speaking (speaker) or with an honorific."""
        if isinstance(target, Entity):
            if pronoun in ("he", "she"):
                if target.kind != "person":
                    return False
                if target.gender and target.gender != ("m" if pronoun == "he" else "f"):
                    return False
                return len(target.name.split()) >= 2 or bool(target.gender) or speaker
            if pronoun == "it":
                return target.kind == "organisation"
            return True
        if pronoun in ("he", "she"):
            return target.entity_kind == "anonymous" and not target.head.endswith("s")
        if pronoun == "it":
            return target.entity_kind == "organisation"
        return True


def _sentence_groups(text: str, quotes: list[RawQuote]) -> list[list[int]]:
    """Indices of a paragraph's quotes grouped by the sentence they sit in."""
    groups: list[list[int]] = [[0]] if quotes else []
    for k in range(1, len(quotes)):
        if gap_has_boundary(text, quotes[k - 1], quotes[k]):
            groups.append([k])
        else:
            groups[-1].append(k)
    return groups


def _paragraph_cues(text: str, quotes: list[RawQuote]) -> list[tuple[Cue | None, str]]:
    """(cue, words before the quote) for each quote of a paragraph; a quote with no spoken cue
    takes the one of another quote of its sentence (the previous, else the next)."""
    found: list[tuple[Cue | None, str]] = []
    for k in range(len(quotes)):
        before, after, _ = contexts(text, quotes, k)
        cue = after_cue(after)
        if cue is not None and cue.phrase is not None and cue.phrase.kind == "pronoun" and \
                before.rstrip().endswith(":"):
            cue.lead = before  # "McCaskill scolded him: “…,” she said": she is McCaskill
        if cue is None:
            cue = before_cue(before)
        found.append((cue, before))
    for group in _sentence_groups(text, quotes):
        strong = [k for k in group if found[k][0] is not None and found[k][0].strength == 2]
        for k in group:
            cue = found[k][0]
            if cue is not None and cue.strength == 2 or not strong:
                continue
            earlier = [j for j in strong if j < k]
            source = earlier[-1] if earlier else strong[0]
            found[k] = (found[source][0], found[k][1])
    return found


def _previous_subject(resolver: _Resolver, p: int, offset: int) -> Target | None:
    """Speaker of a quote with no cue in its sentence: the subject of the sentence before."""
    ended = resolver.sentences_ended_by(p, offset)
    if ended:
        s, e = resolver.sentences(p)[ended - 1]
        target = resolver.sentence_target(p, s, e, "any", 0)
        if target is not None:
            return target
        return None
    if p == 0:
        return None
    prev = resolver.sentences(p - 1)
    if not prev:
        return None
    s, e = prev[-1]
    return resolver.sentence_target(p - 1, s, e, "any", 0)


def extract_quotes(article: Article) -> tuple[list[Quote], list[Speaker]]:
    """Every direct quote in reading order, attributed, and the speakers they belong to."""
    originals = article.paragraphs
    paragraphs = blank_all_nicknames(originals)
    spans = find_quote_spans(paragraphs)
    if not spans:
        return [], []
    table = EntityTable(paragraphs)
    resolver = _Resolver(paragraphs, table)
    by_paragraph: dict[int, list[RawQuote]] = {}
    for span in spans:
        by_paragraph.setdefault(span.paragraph, []).append(span)
    kept: list[tuple[RawQuote, Target | None, str]] = []
    for p, quotes in by_paragraph.items():
        text = paragraphs[p]
        cues = _paragraph_cues(text, quotes)
        for k, q in enumerate(quotes):
            cue, before = cues[k]
            inner = text[q.start:q.end]
            if is_term(before, inner, text[q.close_at + 1:q.close_at + 4]):
                continue
            strong = cue is not None and cue.strength == 2
            follows_quote = bool(kept) and kept[-1][0].paragraph == p and kept[-1][1] is not None
            if cue is None and at_most_words(inner, 3) and not q.continued and not follows_quote:
                continue  # a scare-quoted term: no speech around it
            target: Target | None = None
            if cue is not None and cue.phrase is not None:
                target = resolver.resolve_cue(cue, p, q.open_at)
            cue_word = cue.cue if cue is not None else ""
            if target is None and not strong:
                target = _fallback(resolver, kept, q, k)
            kept.append((q, target, cue_word))
            if target is not None:
                resolver.add_resolved(q, target)
    _backfill_continued(kept)
    return _build(originals, kept, resolver.aliases)


def _backfill_continued(kept: list[tuple[RawQuote, Target | None, str]]) -> None:
    """A paragraph that opens a quote without a cue, continued by one that names its speaker
    ("“We waited ten years. / “We will not wait another ten,” she said."), takes that speaker."""
    for n in range(len(kept) - 2, -1, -1):
        q, target, cue = kept[n]
        nxt_q, nxt_target, nxt_cue = kept[n + 1]
        if not q.closed and not cue and nxt_q.continued and nxt_target is not None and \
                nxt_q.paragraph == q.paragraph + 1:
            kept[n] = (q, nxt_target, nxt_cue)


def _fallback(resolver: _Resolver, kept: list[tuple[RawQuote, Target | None, str]],
              q: RawQuote, k: int) -> Target | None:
    """Speaker of a quote with no cue of its own: the quote it continues, the previous quote of
    its paragraph, the subject of the sentence before, or a recent quote's speaker."""
    last = kept[-1] if kept else None
    if q.continued and last is not None:
        return last[1]
    if k > 0 and last is not None and last[0].paragraph == q.paragraph:
        return last[1]
    subject = _previous_subject(resolver, q.paragraph, q.open_at)
    if subject is not None:
        return subject
    if last is not None and last[0].paragraph >= q.paragraph - 3:
        return last[1]
    return None


def _build(paragraphs: list[str], kept: list[tuple[RawQuote, Target | None, str]],
           aliases: dict[int, list[str]]) -> tuple[list[Quote], list[Speaker]]:
    """Speakers numbered in order of first quote, and the quotes labelled with them."""
    speakers: list[Speaker] = []
    ids: dict[int, Speaker] = {}
    for _, target, _ in kept:
        if target is None or id(target) in ids:
            continue
        sid = f"s{len(speakers) + 1}"
        if isinstance(target, Entity):
            kind = "organisation" if target.kind == "organisation" else "person"
            sp = Speaker(sid, target.name, target.role, kind, list(target.aliases))
        else:
            name = target.text[:1].upper() + target.text[1:]
            sp = Speaker(sid, name, target.role,
                         "organisation" if target.entity_kind == "organisation" else "anonymous",
                         list(aliases.get(id(target), [])))
        ids[id(target)] = sp
        speakers.append(sp)
    quotes: list[Quote] = []
    for n, (q, target, cue) in enumerate(kept, start=1):
        sp = ids.get(id(target)) if target is not None else None
        quotes.append(Quote(f"q{n}", paragraphs[q.paragraph][q.start:q.end],
                            sp.label if sp else "", sp.id if sp else "", q.paragraph,
                            q.start, q.end, cue))
    return quotes, speakers
