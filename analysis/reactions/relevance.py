"""Is a statement about the central event? It names the principal, or shares a word with the
title or the story's first sentence (where news states its event)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..text.words import fold, words_of

if TYPE_CHECKING:
    from ..document import Document
    from ..people import Entity
    from .statements import Statement

_STEM = 6  # words compared by their first letters: "tweets" and "tweeted" meet
# Words too common in news to tie a statement to its event.
_COMMON = frozenset("""
that this with from have has had been being were will would could should their there they
them then than what when where which while about after before over under into also only just
more most some such said says saying week weeks month year years today monday tuesday
wednesday thursday friday saturday sunday comment comments other others time times made make
makes last first second next many much very well even still back amid among across against
since because these those here your itself himself herself people percent according new
news report reports told tells says say the and for but not was are his her its our you who
why how all any can may out off two one six ten per via yet now set get put see own few far
big day ago did does got let lot use way""".split())


def event_words(doc: Document, principal: Entity | None) -> set[str]:
    """Stems of the content words of the title and the story's first sentence, less the
    principal's own name."""
    lead = doc.sentences_of(doc.lead)
    text = doc.article.title + " " + (lead[0].text if lead else "")
    own = set(words_of(fold(principal.name))) if principal is not None else set()
    return {w[:_STEM] for w in words_of(fold(text))
            if len(w) > 2 and w not in _COMMON and w not in own}


def is_relevant(statement: Statement, principal: Entity | None, stems: set[str]) -> bool:
    words = words_of(fold(statement.sentence.text + " " + statement.said))
    if principal is not None and words_of(fold(principal.name))[-1:] and \
            words_of(fold(principal.name))[-1] in words:
        return True
    return any(w[:_STEM] in stems for w in words if len(w) > 2 and w not in _COMMON)
