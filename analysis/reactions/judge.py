"""What an actor's statements amount to: the stance of each (its reporting verb, the stance
words of what was said, and who the actor is to the principal), grouped into points: the same
stance said again is one point, a different stance another."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..lexicon import EXPERT_WORDS, SPOKESPERSON_WORDS
from ..patterns import lazy_compile
from ..people import Entity, display_name
from ..stances import REPORTING_VERB_WEIGHT, STANCE_NAMES, cue_scores, verb_stance
from ..text.words import fold, words_of

if TYPE_CHECKING:
    from ..people import People, Target
    from .statements import Statement

_SIDES = frozenset("campaign administration house government office party".split())
_CAPITALISED = lazy_compile(r"\b[A-Z][a-z]")
PRIOR_WEIGHT = 1.5  # how much who the actor is counts, against one cue word
MAX_POINTS = 2  # distinct points kept per actor
NEIGHBOURING = 1  # paragraphs apart that statements still make one stretch of speech
DISTINCT_POINT = 2.0  # how strongly a stretch must lean to another stance to be a point


@dataclass
class Point:
    actor: str
    stance: str
    evidence: Statement


def _relation(actor: Target, principal: Entity | None) -> tuple[bool, bool]:
    """(an expert or observer, an ally speaking for the principal) from the actor's name and
    role."""
    role = actor.role
    words = set(words_of(fold(f"{display_name(actor)} {role}")))
    expert = not words.isdisjoint(EXPERT_WORDS)
    ally = False
    if principal is not None and not set(words_of(fold(role))).isdisjoint(SPOKESPERSON_WORDS):
        surname = words_of(fold(principal.name))[-1:]
        # "Trump campaign spokesman", or "the campaign's press secretary" naming no one else
        ally = bool(surname) and surname[0] in words or (
            not _CAPITALISED.search(role) and not words.isdisjoint(_SIDES))
    return expert, ally


def statement_scores(statement: Statement) -> dict[str, float]:
    """How strongly one statement leans to each stance: its reporting verb and the stance
    words of what was said."""
    scores = cue_scores(statement.said.lower().replace("’", "'"))
    verb = verb_stance(statement.verb)
    if verb is not None:
        scores[verb] += REPORTING_VERB_WEIGHT
    return scores


def best_stance(scores: dict[str, float], expert: bool, ally: bool) -> str:
    """The stance of a statement from its scores and who the actor is: an expert's leans to
    analysis, an ally's to clarifying and defending; with no cue at all, an expert analyses
    and anyone else criticises (the commonest reaction in news)."""
    scores = dict(scores)
    if expert:  # an observer's warnings, defences and praise read as analysis
        scores["analyses"] += PRIOR_WEIGHT
        for soft in ("warns", "defends", "clarifies", "supports"):
            scores[soft] *= 0.5
    if ally:
        scores["defends"] += PRIOR_WEIGHT
        scores["clarifies"] += PRIOR_WEIGHT
    best = max(STANCE_NAMES, key=lambda name: scores[name])  # the first listed among equals
    if scores[best] == 0:
        return "analyses" if expert else "criticises"
    return best


def _name(actor: Target) -> str:
    if isinstance(actor, Entity):
        return actor.name
    name = display_name(actor)
    role = actor.role
    return f"{name} {role}" if role[:3] in ("at ", "in ", "on ", "of ") or \
        role[:5] == "from " else name


def points_of(statements: list[Statement], principal: Entity | None,
              people: People) -> list[Point]:
    """One actor's statements as points, in reading order. Statements in neighbouring
    paragraphs make one stretch of speech; a stretch whose own words lean clearly to another
    stance than the rest is a point of its own ("Burman praises the plan, and later calls one
    part of it misguided"); the same stance said again is one point."""
    actor = statements[0].actor
    expert, ally = _relation(actor, principal)
    name = _name(actor)
    stretches: list[list[int]] = []
    for k, st in enumerate(statements):
        if stretches and st.sentence.paragraph - \
                statements[stretches[-1][-1]].sentence.paragraph <= NEIGHBOURING:
            stretches[-1].append(k)
        else:
            stretches.append([k])
    each = [statement_scores(st) for st in statements]
    total = _sum(each)
    main = best_stance(total, expert, ally)
    points = [Point(name, main, statements[_evidence(each, range(len(statements)), main)])]
    for stretch in stretches:
        scores = _sum(each[k] for k in stretch)
        stance = best_stance(scores, expert, ally)
        if len(points) < MAX_POINTS and all(p.stance != stance for p in points) and \
                scores[stance] >= DISTINCT_POINT:
            points.append(Point(name, stance, statements[_evidence(each, stretch, stance)]))
    return sorted(points, key=lambda p: p.evidence.index)


def _sum(scores: Iterable[dict[str, float]]) -> dict[str, float]:
    total = dict.fromkeys(STANCE_NAMES, 0.0)
    for one in scores:
        for name, value in one.items():
            total[name] += value
    return total


def _evidence(each: list[dict[str, float]], among: Iterable[int], stance: str) -> int:
    """The statement that leans to the stance most (the first among equals)."""
    return max(among, key=lambda k: (each[k][stance], -k))
