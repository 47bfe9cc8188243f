"""What an actor's statements amount to: the stance of each (its reporting verb, the stance
words of what was said, and who the actor is to the principal), grouped into points: the same
stance said again is one point, a different stance another."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..lexicon import EXPERT_WORDS, SPOKESPEOPLE, SPOKESPERSON_WORDS
from ..patterns import lazy_compile
from ..people import Entity, display_name
from ..stances import REPORTING_VERB_WEIGHT, STANCE_NAMES, cue_scores, verb_stance
from ..text.words import fold, replace_marks, words_of
from .statements import Statement

if TYPE_CHECKING:
    from ..people import Target

_SIDES = frozenset("campaign administration house government office party".split())
_CAPITALISED = lazy_compile(r"\b[A-Z][a-z]")
# Role nouns that say which side an actor takes: "Another critic, Laurence Tribe".
_LEANINGS = (
    ("criticises", frozenset("critic critics opponent opponents detractor detractors".split())),
    ("supports", frozenset("""supporter supporters backer backers proponent proponents admirer
                           admirers""".split())),
    ("defends", frozenset("defender defenders".split())),
)
_ROLE_PARTS = lazy_compile(r"[,;]\s+|\s+and\s+(?:an?\s+|the\s+)?")
PRIOR_WEIGHT = 1.5  # how much who the actor is counts, against one cue word
ALLY_CLARIFIES = 0.9  # an ally with nothing else to tell defends: the commoner of the two in news
MAX_POINTS = 2  # distinct points kept per actor
NEIGHBOURING = 1  # paragraphs apart that statements still make one stretch of speech
MIN_PRAISING = 2  # actors praising before a statement with no cue is read as praise
MIN_SIDES_TAKEN = 1  # actors taking sides for a statement with no cue to read as criticism
DISTINCT_POINT = 2.0  # how strongly a stretch must lean to another stance to be a point
# Cues are read across quote marks ('it would be "improper"'), with one kind of apostrophe.
_CUE_TEXT = (("’", "'"), ("“", ""), ("”", ""), ('"', ""), ("«", ""), ("»", ""))


@dataclass
class Point:
    actor: str
    stance: str
    evidence: Statement


@dataclass(frozen=True)
class Relation:
    """Who an actor is to the principal, as the article describes them."""

    expert: bool = False  # an expert or observer: analyses
    ally: bool = False  # speaks for the principal: clarifies, defends
    leaning: str = ""  # the stance their role names: "another critic", "a longtime supporter"
    spokesperson: bool = False  # speaks for a body, not the principal's: with no cue, clarifies


def relation_of(actor: Target, principal: Entity | None) -> Relation:
    """The actor's relation from their name and role; an ally is no observer, whatever else
    their role says ("an outside adviser to the campaign and a law professor"), and one the
    article calls a critic or a supporter is neither."""
    role = actor.role
    named = set(words_of(fold(display_name(actor))))
    words = named | set(words_of(fold(role)))
    ally = False
    if principal is not None:
        surname = words_of(fold(principal.name))[-1:]
        # The name is read as one more part: "the Trump campaign" speaks for Trump.
        for part in (display_name(actor), *_ROLE_PARTS.split(role)):
            said = set(words_of(fold(part)))
            if said.isdisjoint(SPOKESPERSON_WORDS):
                continue
            # "Trump campaign spokesman", "the Trump campaign", his daughter Ivanka Trump, or
            # "the campaign's press secretary" naming no one else; not a secretary general
            # "from South Korea" when the principal is North Korea
            if surname and surname[0] in said | named or (
                    not _CAPITALISED.search(part) and not said.isdisjoint(_SIDES)):
                ally = True
    leaning = next((stance for stance, nouns in _LEANINGS if not words.isdisjoint(nouns)), "")
    expert = not ally and not leaning and not words.isdisjoint(EXPERT_WORDS)
    spokesperson = not ally and not words.isdisjoint(SPOKESPEOPLE)
    return Relation(expert, ally, "" if ally else leaning, spokesperson)


def statement_scores(statement: Statement, relation: Relation) -> dict[str, float]:
    """How strongly one statement leans to each stance: its reporting verb and the stance
    words of what was said. An ally or a spokesperson who explains clarifies; anyone else who
    explains gives their own reasons ("the scientist explained that the find …")."""
    said = statement.said.lower().replace('"', "")
    if not said.isascii():
        said = replace_marks(said, _CUE_TEXT)
    scores = cue_scores(said)
    verb = verb_stance(statement.verb, side=relation.ally or relation.spokesperson)
    if verb is not None:
        scores[verb] += REPORTING_VERB_WEIGHT
    return scores


def best_stance(scores: dict[str, float], relation: Relation,
                default: str = "criticises") -> str:
    """The stance of a statement from its scores and who the actor is: an expert's leans to
    analysis, an ally's to clarifying and defending, a critic's to criticism; with no cue at
    all, an expert analyses, a spokesperson clarifies and anyone else takes the article's
    usual stance."""
    scores = dict(scores)
    if relation.expert:  # an observer's warnings, defences and praise read as analysis
        scores["analyses"] += PRIOR_WEIGHT
        for soft in ("warns", "defends", "clarifies", "supports"):
            scores[soft] *= 0.5
    if relation.ally:  # the side's attack on the principal's critics defends the principal
        scores["defends"] += PRIOR_WEIGHT + scores["criticises"]
        scores["criticises"] = 0.0
        scores["clarifies"] += PRIOR_WEIGHT * ALLY_CLARIFIES
    if relation.leaning:
        scores[relation.leaning] += PRIOR_WEIGHT
    best = max(STANCE_NAMES, key=lambda name: scores[name])  # the first listed among equals
    if scores[best] == 0:  # a body's spokesperson states its facts: "police said they had …"
        return "analyses" if relation.expert else "clarifies" if relation.spokesperson \
            else default
    return best


def usual_stance(scores: list[list[dict[str, float]]]) -> str:
    """What a statement with no cue of its own most likely does in this article: the
    reactions to one event share a tone, so where several actors praise and more of them
    praise than criticise or warn (a museum opened, a rescue), supports; where actors take
    sides, criticises, the commonest reaction in news; where no one takes a side (a court
    report, a study's findings), analyses. `scores` are the statements' scores, by actor."""
    praising = opposing = 0
    for group in scores:
        tone = _sum(group)
        if tone["supports"] > tone["criticises"] + tone["warns"]:
            praising += 1
        elif tone["criticises"] + tone["warns"] > tone["supports"]:
            opposing += 1
    if praising >= MIN_PRAISING and praising > opposing:
        return "supports"
    return "criticises" if praising + opposing >= MIN_SIDES_TAKEN else "analyses"


def _name(actor: Target) -> str:
    if isinstance(actor, Entity):
        return actor.name
    name = display_name(actor)
    role = actor.role
    return f"{name} {role}" if role[:3] in ("at ", "in ", "on ", "of ") or \
        role[:5] == "from " else name


def points_of(statements: list[Statement], each: list[dict[str, float]], relation: Relation,
              default: str = "criticises") -> list[Point]:
    """One actor's statements (with their scores, `each`, and who they are to the principal,
    `relation_of`) as points, in reading order.
    Statements in neighbouring paragraphs make one stretch of speech; a stretch whose own words
    lean clearly to another stance than the rest is a point of its own ("Burman praises the
    plan, and later calls one part of it misguided"); the same stance said again is one
    point."""
    actor = statements[0].actor
    name = _name(actor)
    stretches: list[list[int]] = []
    for k, st in enumerate(statements):
        if stretches and st.sentence.paragraph - \
                statements[stretches[-1][-1]].sentence.paragraph <= NEIGHBOURING:
            stretches[-1].append(k)
        else:
            stretches.append([k])
    total = _sum(each)
    main = best_stance(total, relation, default)
    points = [Point(name, main, statements[_evidence(each, range(len(statements)), main)])]
    for stretch in stretches:
        scores = _sum(each[k] for k in stretch)
        stance = best_stance(scores, relation, default)
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
