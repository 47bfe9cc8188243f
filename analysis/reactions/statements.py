"""Statements: every sentence in which someone other than the reporter speaks, judges or
believes: the quotes the quote stage attributed, and reported speech (`people.reported`), each
with its speaker resolved through the people layer (so "he", "the minister" and "Mr. Hale"
are the person the quotes have too)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from ..lexicon import OPINION_VERBS, SPEECH_VERBS
from ..people import can_speak
from ..people.reported import reported_speakers
from .stances import reaction_nouns, reporting_verbs, verb_stance

if TYPE_CHECKING:
    from ..document import Document, Sentence
    from ..people import People, Target
    from ..quotes.extract import QuoteFindings


@dataclass
class Statement:
    """One actor speaking in one sentence."""

    actor: Target
    sentence: Sentence
    index: int  # of the sentence in Document.sentences
    verb: str  # the reporting verb as written ("said", "according to"), "" when none
    said: str  # the actor's words: the quotes' texts, or the reported sentence
    quote_ids: list[str] = field(default_factory=list)


@cache
def statement_verbs() -> frozenset[str]:
    """Verbs that report a statement: of speech, of opinion and finding, and the stances'."""
    return SPEECH_VERBS | OPINION_VERBS | reporting_verbs() | {"According", "according"}


def find_statements(doc: Document, people: People, found: QuoteFindings) -> list[Statement]:
    """Every statement of the document, in reading order."""
    statements: list[Statement] = []
    by_key: dict[tuple[int, int], Statement] = {}
    starts = [(s.paragraph, s.start) for s in doc.sentences]
    for quote, target in zip(found.quotes, found.targets, strict=True):
        if target is None or not can_speak(target):
            continue
        index = max(0, bisect_right(starts, (quote.paragraph, quote.start)) - 1)
        key = (index, id(target))
        if key in by_key:
            by_key[key].said += " " + quote.text
            by_key[key].quote_ids.append(quote.id)
            continue
        sentence = doc.sentences[index]
        frame = sentence.text.replace(quote.text, " ")
        by_key[key] = Statement(target, sentence, index, _frame_verb(frame) or quote.cue,
                                f"{quote.text} {frame}", [quote.id])
        statements.append(by_key[key])
    quoted = {index for index, _ in by_key}
    verbs, nouns = statement_verbs(), reaction_nouns()
    resolver = people.resolver
    for index, sentence in enumerate(doc.sentences):
        if index in quoted:
            continue
        text = doc.marked[sentence.paragraph][sentence.start:sentence.end]
        for report in reported_speakers(text, verbs, nouns):
            target = resolver.resolve(report.phrase, sentence.paragraph,
                                      sentence.start + report.at)
            if target is not None and can_speak(target):
                statements.append(Statement(target, sentence, index, report.verb,
                                            sentence.text))
    statements.sort(key=lambda st: st.index)
    return statements


def _frame_verb(frame: str) -> str:
    """The verb that frames a quote when it takes a stance by itself ("backed Mr Hale, saying
    '…'", "slammed the pardons as '…'"), "" when none does."""
    for report in reported_speakers(frame, statement_verbs()):
        if verb_stance(report.verb) is not None:
            return report.verb
    return ""
