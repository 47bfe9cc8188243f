"""Direct quotes and their speakers.

The document's quote spans (`quotes.marks`) each get the attribution cue of their sentence
(`people.cues`), quotes of one sentence share a cue, and quotes with no cue of their own take
the speaker of the quote they continue or the subject of the sentence before. Speaker phrases
resolve through the people layer: surnames to full names, pronouns to the person the previous
sentences are about, "the diplomat" to "A French diplomat".
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..lexicon import SOURCING_VERBS
from ..model import Quote, Speaker
from ..patterns import lazy_compile
from ..people import People, Target
from ..people.cues import Cue, after_cue, before_cue
from ..people.resolver import Resolver
from ..text.sentences import first_boundary, last_boundary
from .marks import RawQuote
from .terms import at_most_words, is_term

if TYPE_CHECKING:
    from ..document import Document

_CONTEXT_CAP = 400
_NEW_SENTENCE_RE = lazy_compile(r"\s+[A-Z\"“‘«(]")


def contexts(text: str, quotes: list[RawQuote], k: int) -> tuple[str, str, int]:
    """(before, after, before_offset): the words of the quote's sentence on each side, up to
    the neighbouring quotes."""
    q = quotes[k]
    lo = quotes[k - 1].close_at + 1 if k > 0 else 0
    hi = quotes[k + 1].open_at if k + 1 < len(quotes) else len(text)
    lo = min(lo, q.open_at)
    before = text[lo:q.open_at]
    cut = min(last_boundary(text[lo:q.open_at + 1]), len(before))
    before = before[cut:]
    if len(before) > _CONTEXT_CAP:  # cues sit near the quote; keeps odd input linear
        before = before[-_CONTEXT_CAP:]
    before_offset = q.open_at - len(before)
    after = text[min(q.close_at + 1, len(text)):max(hi, q.close_at + 1)]
    if _ends_sentence(text, q) and _NEW_SENTENCE_RE.match(after):
        after = ""
    else:
        after = after[:first_boundary(after[:_CONTEXT_CAP])]
    return before, after, before_offset


def _ends_sentence(text: str, q: RawQuote) -> bool:
    inner = text[q.start:q.end].rstrip()
    return inner.endswith((".", "…")) or (
        q.close_at + 1 < len(text) and text[q.close_at + 1:q.close_at + 2] == ".")


def gap_has_boundary(text: str, left: RawQuote, right: RawQuote) -> bool:
    """True when a sentence ends between two quotes of a paragraph."""
    gap = text[left.close_at + 1:right.open_at]
    inner = text[left.start:left.end].rstrip()
    if _ends_sentence(text, left) or inner.endswith(("?", "!")):
        if not gap.strip() or _NEW_SENTENCE_RE.match(gap):
            return True
    return last_boundary(text[left.close_at + 1:right.open_at + 1]) > 0


def _sentence_groups(text: str, quotes: list[RawQuote]) -> list[list[int]]:
    """Indices of a paragraph's quotes grouped by the sentence they sit in."""
    groups: list[list[int]] = [[0]] if quotes else []
    for k in range(1, len(quotes)):
        if gap_has_boundary(text, quotes[k - 1], quotes[k]):
            groups.append([k])
        else:
            groups[-1].append(k)
    return groups


_RECOUNTING = 2  # paragraphs after a quote where "I said, '…'" is still its speaker recounting


def _paragraph_cues(text: str, quotes: list[RawQuote],
                    sentences: list[tuple[int, int]]) -> list[tuple[Cue | None, str]]:
    """(cue, words before the quote) for each quote of a paragraph; a quote with no spoken cue
    takes the one of another quote of its sentence (the previous, else the next). sentences
    are the paragraph's sentence spans."""
    found: list[tuple[Cue | None, str]] = []
    for k in range(len(quotes)):
        before, after, before_offset = contexts(text, quotes, k)
        cue = after_cue(after)
        if cue is not None and cue.phrase is not None and cue.phrase.kind == "pronoun" and \
                before.rstrip().endswith(":"):
            cue.lead = before  # "McCaskill scolded him: “…,” she said": she is McCaskill
        if cue is not None and cue.cue in SOURCING_VERBS:
            # "She claims it has 'ruined her life', according to the Gazette": her words, which
            # the paper reports
            said = before_cue(_sentence_lead(text, sentences, before_offset, before))
            if said is not None and said.strength == 2 and said.cue not in SOURCING_VERBS:
                cue = said
        if cue is None:
            cue = before_cue(before)
            if k > 0 and cue is not None and cue.phrase is not None and \
                    cue.phrase.kind == "pronoun":
                cue.lead = _sentence_lead(text, sentences, before_offset, cue.lead)
        found.append((cue, before))
    for group in _sentence_groups(text, quotes):
        strong = [k for k in group if (cue := found[k][0]) is not None and cue.strength == 2]
        for k in group:
            cue = found[k][0]
            if cue is not None and cue.strength == 2 or not strong:
                continue
            earlier = [j for j in strong if j < k]
            source = earlier[-1] if earlier else strong[0]
            found[k] = (found[source][0], found[k][1])
    return found


def _sentence_lead(text: str, sentences: list[tuple[int, int]], before_offset: int,
                   lead: str) -> str:
    """The words of a sentence before a pronoun speaker, from the sentence's start even where
    quotes come between ("Hale accused them of being “late” and “rude”, which he called …":
    he is Hale)."""
    k = bisect_right(sentences, (before_offset, len(text))) - 1
    start = sentences[k][0] if k >= 0 else 0
    if start >= before_offset:
        return lead
    return text[start:before_offset + len(lead)]


def _previous_subject(resolver: Resolver, p: int, offset: int) -> Target | None:
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


@dataclass
class QuoteFindings:
    """The quotes of a document, their speakers, and the target each quote's speaker resolved
    to (None when unattributed), for the stages that follow."""

    quotes: list[Quote] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    targets: list[Target | None] = field(default_factory=list)


def extract_quotes(doc: Document, people: People) -> QuoteFindings:
    """Every direct quote in reading order, attributed, and the speakers they belong to."""
    if not doc.quote_spans:
        return QuoteFindings()
    paragraphs = doc.marked
    resolver = people.resolver
    kept: list[tuple[RawQuote, Target | None, str]] = []
    for p, quotes in doc.quote_spans_by_paragraph.items():
        text = paragraphs[p]
        cues = _paragraph_cues(text, quotes, doc.sentence_spans[p])
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
                if target is None and cue.phrase.text in ("i", "we") and kept and \
                        kept[-1][0].paragraph >= p - _RECOUNTING:
                    # "I said, 'Do you know how important this is?'" in a speaker's account of
                    # a talk: the one giving the account
                    target = kept[-1][1]
            cue_word = cue.cue if cue is not None else ""
            if target is None and not strong:
                target = _fallback(resolver, kept, q, k)
            kept.append((q, target, cue_word))
            if target is not None:
                resolver.add_resolved(q.paragraph, q.open_at, target)
    _backfill_continued(kept)
    return _build(doc.paragraphs, kept, people)


def _backfill_continued(kept: list[tuple[RawQuote, Target | None, str]]) -> None:
    """A paragraph that opens a quote without a cue, continued by one that names its speaker
    ("“We waited ten years. / “We will not wait another ten,” she said."), takes that speaker."""
    for n in range(len(kept) - 2, -1, -1):
        q, target, cue = kept[n]
        nxt_q, nxt_target, nxt_cue = kept[n + 1]
        if not q.closed and not cue and nxt_q.continued and nxt_target is not None and \
                nxt_q.paragraph == q.paragraph + 1:
            kept[n] = (q, nxt_target, nxt_cue)


def _fallback(resolver: Resolver, kept: list[tuple[RawQuote, Target | None, str]],
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
           people: People) -> QuoteFindings:
    """Speakers numbered in order of first quote, and the quotes labelled with them."""
    found = QuoteFindings()
    ids: dict[int, Speaker] = {}
    for _, target, _ in kept:
        if target is not None and id(target) not in ids:
            ids[id(target)] = people.speaker(target, f"s{len(found.speakers) + 1}")
            found.speakers.append(ids[id(target)])
    for n, (q, target, cue) in enumerate(kept, start=1):
        sp = ids.get(id(target)) if target is not None else None
        found.quotes.append(Quote(f"q{n}", paragraphs[q.paragraph][q.start:q.end],
                                  sp.label if sp else "", sp.id if sp else "", q.paragraph,
                                  q.start, q.end, cue))
        found.targets.append(target)
    return found
