"""The principal newsmaker: the person or organisation whose act or statement the article is
about, whom the others respond to. Read from the people layer: who is named most, in the title
and in the opening sentence."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..lexicon import (
    LEADER_NOUNS,
    ORG_NOUNS,
    PERSON_NOUNS,
    ROLE_SYNONYMS,
    STOPWORDS,
    TITLE_WORDS,
    inflect,
)
from ..patterns import lazy_compile
from ..people import Entity
from ..stances import verb_stance
from ..text.words import fold, words_of

if TYPE_CHECKING:
    from ..document import Document
    from ..people import People

TITLE_WEIGHT = 5.0  # named in the title
ROLE_IN_TITLE_WEIGHT = 4.0  # called by their title in the title ("Mayor's plan …")
LEAD_WEIGHT = 3.0  # named in the story's first sentence
MIN_SCORE = 3.0  # below this no one stands out: no principal
# Words of a headline up to its verb; a story's opening sentence standing for one takes more
# ("Harbour traders' chair Mina Patel has condemned …").
TITLE_VERB_REACH = 9


def name_keys(entity: Entity) -> set[str]:
    """The words that name an entity alone: its surname (a person) or its name's words less
    its generic nouns ("flight attendants" of the Association of Flight Attendants: a title
    calls it the flight attendants' union), when any are left."""
    words = words_of(fold(entity.name))
    if not words:
        return set()
    if entity.kind == "person":
        return {words[-1]}
    return set(words) - STOPWORDS - ORG_NOUNS or set(words)


def _titles(entity: Entity) -> set[str]:
    """The title words among an entity's roles ("mayor", "secretary")."""
    return {w for role in entity.roles for w in words_of(fold(role)) if w in TITLE_WORDS}


# Verbs of a title whose object is the one reacted to ("hammers", "rips", "says", "breaks").
_AT_SOMEONE = ("criticises", "distances")
_TITLE_SPEECH = frozenset("say says said tell tells told breaks broke".split()) | frozenset(
    form for verb in ("reveal", "admit", "claim", "insist", "argue", "explain", "predict")
    for form in inflect(verb))
# Two-word verbs of a title that take the one reacted to: "Axelrod calls on Dean to apologize".
_TITLE_PHRASES = frozenset(
    f"{form} {rest}" for verb, rest in (("call", "on"), ("turn", "on"), ("hit", "out at"),
                                        ("hit", "back at"), ("lash", "out at"), ("round", "on"))
    for form in inflect(verb))
# A headline's closing attribution: "…, Lindsey Graham Says."
_SAID_AFTER = lazy_compile(r",\s+[^,]{2,60}\s+(?:says|said|warns|argues|claims)\W*$", re.I)
# A headline opening with its speaker's name and a colon: "Pence: Flowers Won't Be at Debate".
_SPEAKER_COLON = lazy_compile(r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}):\s+")
# Where the object of a two-word verb ends: what it is asked to do or why.
_OBJECT_ENDS = frozenset("to for over after about".split())


def _title_object(words: list[str]) -> tuple[set[str], set[str]]:
    """The words of a title that can name the principal, and those that name who says it:
    in "Warren hammers Wells Fargo CEO" or "Flynn says Trump absolutely right", the words
    after the reaction verb (who is reacted to), and for a verb of saying those before it
    (who speaks, and reacts); in "Axelrod calls on Dean to apologize for …", the object up to
    what it is asked; otherwise all of them, and no speaker."""
    for n, word in enumerate(words[1:TITLE_VERB_REACH], start=1):
        for length in (3, 2):
            if " ".join(words[n:n + length]) in _TITLE_PHRASES:
                rest = words[n + length:]
                end = next((k for k, w in enumerate(rest) if w in _OBJECT_ENDS), len(rest))
                if end:
                    return set(rest[:end]), set()
        if n + 1 == len(words):
            continue
        if word in _TITLE_SPEECH:
            return set(words[n + 1:]), set(words[:n])
        stance = verb_stance(word)
        if stance in _AT_SOMEONE:
            return set(words[n + 1:]), set()
        if stance == "supports":
            return set(words[:n]), set()  # "Union endorses Clinton": the endorsement is news
    return set(words), set()


def _relative_in_title(entity: Entity, title: list[str], table_entities: list[Entity]) -> bool:
    """Whether the title names another person of the same surname by their first name ("Bill
    Clinton calls …" in a story that also names Hillary Clinton): the surname is not this
    one's."""
    words = words_of(fold(entity.name))
    if entity.kind != "person" or len(words) < 2:
        return False
    last, first = words[-1], words[0]
    named_first = {title[k - 1] for k in range(1, len(title)) if title[k] == last}
    if not named_first or first in named_first:
        return False
    for other in table_entities:
        other_words = words_of(fold(other.name))
        if other is not entity and other.kind == "person" and len(other_words) > 1 and \
                other_words[-1] == last and other_words[0] in named_first:
            return True
    return False


def _named_in(entity: Entity, names: set[str], words: set[str]) -> bool:
    """Whether the words name the entity: all its name keys, or a person's surname."""
    return names <= words or entity.kind == "person" and not names.isdisjoint(words)


@dataclass(frozen=True)
class Headline:
    """The headline, read once for the principal and for who reacts in it."""

    words: list[str]  # as "X says …" where it names who speaks
    object: set[str]  # the words that can name the principal
    speaker: set[str]  # the words before its verb of saying: who speaks, and reacts


def read_headline(doc: Document, people: People) -> Headline:
    """The headline with a closing attribution ("…, Graham says") left out and a speaker's
    colon ("Pat Caddell: Voters …") read as "says"."""
    headline = doc.headline
    said = _SAID_AFTER.search(headline)
    if said:  # "Trump could back clean energy, Graham says": the one who says reacts
        headline = headline[:said.start()]
    speaker = _SPEAKER_COLON.match(headline)
    if speaker and people.table.lookup(speaker.group(1), create=False) is not None:
        headline = f"{speaker.group(1)} says {headline[speaker.end():]}"
    words = words_of(fold(headline))
    return Headline(words, *_title_object(words))


def speaks_of_another(entity: object, headline: Headline, people: People) -> bool:
    """Whether the headline names the entity, or calls them by their title, as the one who
    speaks of someone else ("Flynn says Trump …", "Retired general reveals … under Obama"),
    not of a matter of their own ("Osei says timetable cannot be saved")."""
    if not isinstance(entity, Entity) or not headline.speaker:
        return False  # most headlines name no one speaking: no roles to read
    names = name_keys(entity)
    # named, or called by their title ("Retired general reveals …" for Gen. Norman Ham)
    speaking = bool(names) and names <= headline.speaker or \
        entity.kind == "person" and not _titles(entity).isdisjoint(headline.speaker)
    return speaking and any(
        other is not entity and (other_names := name_keys(other)) and people.can_speak(other)
        and _named_in(other, other_names, headline.object) for other in people.table.entities)


# Plural people, who are many, not one holder of a role: "Frustrated parents rally …".
_GROUPS = frozenset("parents voters residents workers lawmakers officials critics".split())
# Words of a role that lead what it names: "panel Chairman", "who chairs the harbour panel".
_LEADERS = LEADER_NOUNS | frozenset("chairs heads leads".split())


def _named_by_role(title: list[str], entities: list[Entity], people: People) -> Entity | None:
    """The one person a headline opens with by their role rather than their name ("Judge
    rejects …" for Justice Frank Nervo, "House panel votes …" for the panel's chairman), when
    a verb follows that is not one of speaking (the speaker of "General says …" reacts)."""
    # The role is the last noun of the opening ("House panel votes"), a verb after it.
    at = next((n for n in (1, 0) if n + 1 < len(title) and title[n] not in _GROUPS and
               (title[n] in PERSON_NOUNS or title[n] in ORG_NOUNS)), None)
    if at is None or title[at + 1] in _TITLE_SPEECH or any(
            title[at + 1] in words_of(fold(entity.name)) for entity in entities):
        return None  # "General says …" reacts; "Coach Ana Brandt …" names her
    head = title[at]
    meant = set(ROLE_SYNONYMS.get(head, (head,)))
    holders = []
    for entity in entities:
        if entity.kind == "person" and people.can_speak(entity):
            said = {w for role in entity.roles for w in words_of(fold(role))}
            if not meant.isdisjoint(said):
                holders.append((entity, not _LEADERS.isdisjoint(said)))
    if len(holders) > 1:  # a panel's members and its chairman: the chairman speaks for it
        holders = [item for item in holders if item[1]]
    return holders[0][0] if len(holders) == 1 else None


def find_principal(doc: Document, people: People, headline: Headline) -> Entity | None:
    """The entity most central to the article, None when no one stands out."""
    table = people.table
    counts = Counter(id(e) for e in table.mentions)
    if not counts:
        return None
    entities = {id(e): e for e in table.mentions}
    lead_sentences = doc.opening
    title_words, title = headline.words, headline.object
    lead = set(words_of(fold(lead_sentences[0].text))) if lead_sentences else set()
    titled = _named_by_role(title_words, table.entities, people)
    if titled is not None:
        return titled
    best, best_score = None, MIN_SCORE
    named_again = False  # someone who can speak is named twice or more
    for key, mentions in sorted(counts.items(), key=lambda item: -item[1]):
        if mentions + TITLE_WEIGHT + LEAD_WEIGHT <= best_score:
            break  # named too rarely to overtake the best, whatever else they have
        entity = entities[key]
        names = name_keys(entity)
        if not names or not people.can_speak(entity):
            continue
        if mentions >= 2:
            named_again = True
        elif named_again:
            continue  # named once, where others are named again: a side character
        score = float(mentions)
        if entity.kind == "person" and len(entity.name.split()) < 2 and not entity.aliases:
            score *= 0.5  # a lone capitalised word is as likely a place as a person
        if _named_in(entity, names, title) and \
                not _relative_in_title(entity, title_words, table.entities):
            score += TITLE_WEIGHT
        elif entity.kind == "person" and _titles(entity) & title:
            score += ROLE_IN_TITLE_WEIGHT  # "Mayor's plan …" for Mayor Anne-Marie Leclerc
        if _named_in(entity, names, lead) and not speaks_of_another(entity, headline, people):
            score += LEAD_WEIGHT  # the one a title says speaks of another reacts in the lead
        if score > best_score:
            best, best_score = entity, score
    return best
