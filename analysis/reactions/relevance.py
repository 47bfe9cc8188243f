"""Is a statement about the central event? It shares a word with the title or the story's
opening (where news states its event), names the principal, points back at the event ("the
idea", "such a move"), or stands beside a statement that does. A weather forecast in a story
about a library is not a reaction to it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import NEWS_WORDS
from ..text.words import fold, words_of
from .background import POINTS_BACK

if TYPE_CHECKING:
    from ..document import Document
    from ..people import Entity
    from .statements import Statement

_STEM = 5  # words compared by their first letters: "tweets" and "tweeted" meet
LEAD_SENTENCES = 2  # the opening sentences that state the event
NEIGHBOURS = 1  # paragraphs from a relevant statement that a statement is still beside
_COMMON = NEWS_WORDS


def _stems(text: str) -> set[str]:
    return {w.rstrip("s")[:_STEM] for w in words_of(fold(text))
            if len(w) > 2 and w not in _COMMON}


def _shares_stem(text: str, stems: set[str]) -> bool:
    return any(len(w) > 2 and w not in _COMMON and w.rstrip("s")[:_STEM] in stems
               for w in words_of(fold(text)))


def event_stems(doc: Document, principal: Entity | None) -> set[str]:
    """The stems of the words that state the event: the title's, the opening sentences' and
    the principal's name."""
    opening = doc.opening[:LEAD_SENTENCES]
    event = _stems(" ".join([doc.headline, *(s.text for s in opening)]))
    if principal is not None:
        event |= _stems(principal.name)
    return event


def speaks_of_event(statement: Statement, event: set[str]) -> bool:
    """Whether a statement's own words share one of the event's or point back at it."""
    said = statement.said if statement.quote_ids else statement.sentence.text
    return _shares_stem(said, event) or POINTS_BACK.search(said) is not None


def relevant_statements(doc: Document, statements: list[Statement],
                        principal: Entity | None, event: set[str]) -> list[Statement]:
    """The statements about the event (`event_stems`): those sharing the event's words, naming
    the principal or pointing back at the event, and those in the same run of neighbouring
    paragraphs of statements (the principal's own words are no sign of a response)."""
    seeds: set[int] = set()
    read: set[int] = set()  # sentences read (several actors may speak in one)
    for st in statements:
        if st.actor is principal or st.sentence.paragraph in seeds or st.index in read:
            continue
        read.add(st.index)
        if st.letter or speaks_of_event(st, event):  # a quote: all of it
            seeds.add(st.sentence.paragraph)
    # Statements in neighbouring paragraphs run on one exchange: it is about the event when
    # one of them is.
    relevant: set[int] = set()
    run: list[int] = []
    for paragraph in sorted({st.sentence.paragraph for st in statements}) + [-1]:
        if run and (paragraph < 0 or paragraph - run[-1] > NEIGHBOURS):
            if not seeds.isdisjoint(run):
                relevant.update(run)
            run = []
        run.append(paragraph)
    return [st for st in statements if st.sentence.paragraph in relevant or st.letter]
