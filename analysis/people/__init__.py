"""The article's people and organisations, resolved once for every stage: names split into
titles and name proper, roles from titles and appositives, the entities their mentions make,
the speaker phrases around speech verbs, and what pronouns and descriptions refer to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import (
    ADJECTIVES,
    COMMON_CAPITALISED,
    COUNTRIES,
    GROUP_NOUNS,
    GROUP_PRONOUNS,
    MONTHS,
    NAME_PARTICLES,
    NATIONALITIES,
    NEW_PLACES,
    NUMBER_WORDS,
    ORG_NOUNS,
    PEOPLE_PLURALS,
    PERSON_NOUNS,
    PLACE_NAME_ENDS,
    PLACE_NAME_STARTS,
    PLACE_NOUNS,
    TITLE_WORDS,
)
from ..model import Speaker, SpeakerKind
from .entities import Entity, EntityTable
from .names import Phrase
from .resolver import Resolver, Target

if TYPE_CHECKING:
    from ..document import Document

__all__ = ["Entity", "People", "Phrase", "Target", "can_speak", "display_name"]


class People:
    """The people layer of one document: its named entities (every mention, in reading order)
    and the resolver that turns speaker phrases into them, shared by quotes and reactions."""

    def __init__(self, doc: Document) -> None:
        self.table = EntityTable(doc.marked)
        self.resolver = Resolver(doc, self.table)
        self._can_speak: dict[int, bool] = {}

    def can_speak(self, target: Target) -> bool:
        """`can_speak(target)`, asked once per target of the article."""
        key = id(target)
        if key not in self._can_speak:
            self._can_speak[key] = can_speak(target)
        return self._can_speak[key]

    def speaker(self, target: Target, speaker_id: str) -> Speaker:
        """The reader's view of a target: its canonical name, role, kind and aliases."""
        if isinstance(target, Entity):
            kind: SpeakerKind = "organisation" if target.kind == "organisation" else "person"
            return Speaker(speaker_id, target.name, target.role, kind, list(target.aliases))
        return Speaker(speaker_id, display_name(target), target.role,
                       "organisation" if target.entity_kind == "organisation" else "anonymous",
                       list(self.resolver.aliases.get(id(target), [])))


def _role_head(role: str) -> str:
    """The noun a role names its holder by: the last word before its first comma ("mother"
    of "mother, of Upminster"); none for a clause ("who helps run a firm")."""
    first = role.split(",", 1)[0].split()
    return first[-1].lower() if first and first[0].lower() not in ("who", "whose") else ""


def display_name(target: Target) -> str:
    """The name a target goes by: an entity's canonical name, a description capitalised."""
    if isinstance(target, Entity):
        return target.name
    return target.text[:1].upper() + target.text[1:]


_SPEAKING_HEADS = PERSON_NOUNS | ORG_NOUNS | GROUP_NOUNS | GROUP_PRONOUNS
# A name's first word is never one of these; a one-word name none of the second set either
# (months too: "April Ryan" and "Jan Dvorak" are names, "April" alone is not).
_NOT_A_NAME_START = COMMON_CAPITALISED - MONTHS
_NOT_A_ONE_WORD_NAME = ADJECTIVES | NATIONALITIES | MONTHS
# Words that end a name rather than belong to it ("Florida Friday").
_NOT_IN_A_NAME = MONTHS | frozenset(
    "monday tuesday wednesday thursday friday saturday sunday".split())
# Lower-case words a name may hold ("Bill de Blasio", "Bank of England").
_NAME_JOINERS = frozenset(NAME_PARTICLES) | frozenset("of and the for on".split())
# Words that open a clause, not a description of people ("When Republican voters …").
_NOT_A_DESCRIPTION_START = (COMMON_CAPITALISED - GROUP_PRONOUNS - frozenset(
    "the a an his her their its our this that these those other another all both each "
    "one".split())) | NUMBER_WORDS - {"one"} | frozenset(
    "contrary percent".split())


def can_speak(target: Target) -> bool:
    """Whether a target can make a statement: a person named by more than one word (or known
    by a title or another spelling), an organisation, or a description headed by a noun for
    people or organisations ("top black lawmakers", "the agency", "some")."""
    if isinstance(target, Entity):
        words = target.name.split()
        first = words[0].lower().rstrip(".") if words else ""
        if not words or first in _NOT_A_NAME_START or len(words) == 1 and \
                first in _NOT_A_ONE_WORD_NAME or any(
                w.lower() in _NOT_IN_A_NAME or w.islower() and w not in _NAME_JOINERS
                for w in words[1:]) or target.kind != "organisation" and any(
                w.endswith(("'s", "’s")) for w in words[:-1]):
            return False  # "Florida Friday", "Mr. Schultz generally supported": no names
        if len(words) > 1 and words[-1].lower() in PLACE_NAME_ENDS or \
                target.kind == "person" and len(words) > 1 and (
                first in PLACE_NAME_STARTS or first == "new" and words[1].lower() in NEW_PLACES):
            return False  # "San Jose", "New York", "Bay Area": a place
        if target.kind == "organisation" or target.name.lower() in COUNTRIES or any(
                role.lower().split()[-1:] and role.lower().split()[-1] in PLACE_NOUNS
                for role in target.roles):
            return True  # "Osterland, the neighbouring region": a place that speaks
        # One capitalised word is a person only when named more fully somewhere ("Mr. Hale"),
        # with a title ("President Obama") or as someone's relation or trade ("his mother
        # Lucy, 32,", "her granddaughter, Paris, 20,").
        return len(words) >= 2 or any(" " in alias for alias in target.aliases) or any(
            role.split()[-1].lower().rstrip(".") in TITLE_WORDS for role in target.roles
            if role and role[0].isupper() and len(role.split()) <= 4) or any(
            _role_head(role) in PERSON_NOUNS for role in target.roles)
    if target.kind == "pronoun":
        return False
    words = target.text.split()
    if not words or words[0].lower().split("-")[0] in _NOT_A_DESCRIPTION_START:
        return False
    head = target.head.lower()
    singular = head[:-1] if head.endswith("s") else head
    speaks = head in _SPEAKING_HEADS or singular in _SPEAKING_HEADS or \
        head.endswith(PEOPLE_PLURALS) and len(head) > 6 or \
        head.endswith("s") and singular in NATIONALITIES  # "the Europeans"
    return 0 < len(words) <= 8 and speaks \
        and not words[0][:1].isdigit() and not (words[0].endswith("ing") and words[0].istitle())
