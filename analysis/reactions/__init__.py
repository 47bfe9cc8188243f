"""Reactions: who responded to the article's central event, and how.

Every statement of the article (quotes and reported speech, `statements`) has its speaker from
the people layer. The principal newsmaker's own statements are the event, not reactions
(`principal`). Each other actor's statements make one reaction, or one per distinct point
when they take different stances; the stance is read from the whole statement, its reporting
verb and the actor's relation to the principal (`stances`, `judge`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import DOCUMENT_NOUNS, GROUP_PRONOUNS, SOURCING_VERBS, STOPWORDS
from ..model import Reaction
from ..patterns import lazy_compile
from ..people import Entity, display_name
from ..stances import verb_stance
from ..text.words import fold, words_of
from .background import Background, recalls
from .judge import Point, Relation, points_of, relation_of, statement_scores, usual_stance
from .principal import Headline, find_principal, name_keys, read_headline, speaks_of_another
from .relevance import event_stems, relevant_statements, speaks_of_event
from .statements import Statement, find_statements, speaking_for_organisations

if TYPE_CHECKING:
    from ..document import Document
    from ..people import People, Target
    from ..quotes.extract import QuoteFindings

__all__ = ["find_reactions"]

_SHARE = lazy_compile(r"\d|\bpercent\b|\bmajority\b")


def find_reactions(doc: Document, people: People, found: QuoteFindings) -> list[Reaction]:
    """Statements by actors other than the principal newsmaker that respond to the event."""
    if not doc.paragraphs:
        return []
    statements = speaking_for_organisations(find_statements(doc, people, found))
    headline = read_headline(doc, people)
    principal = find_principal(doc, people, headline)
    central = _central_quote(statements, principal)
    newsmaker = _lead_speaker(doc, statements, principal, headline, people)
    background = Background(doc)
    event = event_stems(doc, principal)
    by_actor: dict[object, list[Statement]] = {}
    for st in relevant_statements(doc, statements, principal, event):
        # The headline's deck above the story restates a reaction the story reports; "according
        # to X" and "X reported" source a fact, they do not respond; nor does a report or a poll
        # (who made it does), nor a poll's share of respondents ("52 percent of voters say"),
        # nor a stand also taken beside the event.
        if st.index not in background and not recalls(st.verb) and \
                st.verb not in SOURCING_VERBS and st.sentence.paragraph >= doc.lead and \
                not _parallel_act(st) and \
                (isinstance(st.actor, Entity) or st.actor.head not in DOCUMENT_NOUNS and
                 not _SHARE.search(st.actor.text)):
            by_actor.setdefault(_actor_key(st.actor), []).append(st)
    related = [(group, relation_of(group[0].actor, principal)) for group in by_actor.values()]
    others = [(group, relation) for group, relation in related
              if not (group[0].actor is principal or _member_of(group[0].actor, newsmaker) or
                      not relation.ally and _own_side(group[0].actor, principal))]
    reacting = [(group, relation) for group, relation in others
                if not _beside_the_event(group, relation, event)]
    scores = [[statement_scores(st, relation) for st in group] for group, relation in reacting]
    default = usual_stance(scores)
    points: list[Point] = []
    for (group, relation), group_scores in zip(reacting, scores, strict=True):
        points.extend(points_of(group, group_scores, relation, default))
    points.sort(key=lambda p: p.evidence.index)
    return [Reaction(p.actor, p.stance, p.evidence.sentence.text, p.evidence.sentence.paragraph,
                     central) for p in points]


_ALSO_DONE = lazy_compile(r"\b(?:has|have)\s+also\s+(\w+)")


def _parallel_act(statement: Statement) -> bool:
    """A stand the actor has also taken, told without their words ("Other unions have also
    endorsed Ruiz", "Mr. Hale has also called for …"): an act beside the event, no answer to
    it."""
    if statement.quote_ids or not statement.verb or " also " not in statement.sentence.text:
        return False
    return any(m.group(1) == statement.verb for m in _ALSO_DONE.finditer(statement.sentence.text))


# Words before a group's noun that do not tell one group from another ("some", "top").
_QUANTIFIERS = GROUP_PRONOUNS | frozenset("other all top senior leading".split())


def _actor_key(actor: Target) -> object:
    """One key per actor: an unnamed group is one whatever its quantifier ("Experts", "Some
    experts", "the experts"), and two when proper words tell them apart ("Republican
    lawmakers", "Democratic lawmakers")."""
    if not isinstance(actor, Entity) and actor.entity_kind == "anonymous" and actor.plural:
        proper = frozenset(w.lower() for w in actor.text.split()[:-1] if w[:1].isupper()) - \
            STOPWORDS - _QUANTIFIERS
        return actor.head.lower().rstrip("s"), proper
    return id(actor)


def _beside_the_event(group: list[Statement], relation: Relation, event: set[str]) -> bool:
    """A group or an organisation (no one named, no observer, no critic) whose own words share
    none of the event's, point back at nothing and take no stance by their verb: a side story
    told beside the event ("Local firefighters said they had answered forty calls"). Across
    the dev sets such statements by groups were background far more often than reactions; a
    person's words are read with their neighbours' (`relevant_statements`)."""
    actor = group[0].actor
    if isinstance(actor, Entity) and actor.kind == "person":
        return False
    if relation.expert or relation.leaning:  # "tax experts", "critics of the plan"
        return False
    return not any(speaks_of_event(st, event) or verb_stance(st.verb) is not None
                   for st in group)


# Who speaks for an organisation as a body: not its rank-and-file members, and not its
# spokespeople, who answer for it as an aide does.
_SPEAKING_FOR = frozenset("leader official minister diplomat representative executive".split())


def _own_side(actor: Target, principal: Entity | None) -> bool:
    """The principal under another name: an organisation named after them ("the Obama
    administration", "the Trump team"), or the surname alone; for an organisation, its
    leaders or officials named by it ("E.U. leaders"). Advisers, spokespeople and the
    principal's campaign are allies (`judge.relation_of`), who react, and are not asked."""
    if principal is None:
        return False
    if principal.kind != "person":
        # "E.U. leaders" in a story about the E.U.: those who speak for it, speaking as it
        if isinstance(actor, Entity) or actor.head.lower().rstrip("s") not in _SPEAKING_FOR:
            return False
        modifier = set(words_of(fold(actor.text))[:-1])
        return not modifier.isdisjoint(name_keys(principal))
    surname = words_of(fold(principal.name))[-1:]
    words = words_of(fold(display_name(actor)))
    if not surname or surname[0] not in words:
        return False
    if isinstance(actor, Entity):
        return actor.kind != "person" or len(words) == 1
    return actor.entity_kind == "organisation"  # not "a senior adviser to Holt": an ally


def _lead_speaker(doc: Document, statements: list[Statement], principal: Entity | None,
                  headline: Headline, people: People) -> Target | None:
    """Who speaks in the story's first sentence when it does not name the principal, or names
    them as the owner of the speaker ("…, her office said"): that sentence states the event,
    so its speaker is the newsmaker's side ("The nurses' union rejected the pay offer, saying
    …"). "Top lawmakers said Trump's remark …" names him: they react; so does the one the
    headline has speak of someone else ("Flynn says Trump …"). A letters page opens with a
    letter, not with the event."""
    lead = doc.sentences_of(doc.lead)[:1]
    for st in statements:
        if lead and st.sentence == lead[0] and st.actor is not principal and not st.letter:
            if speaks_of_another(st.actor, headline, people):
                return None
            if principal is not None and _names(st.sentence.text, principal) and \
                    not _owned(st.actor):
                return None
            return st.actor
    return None


def _owned(actor: Target) -> bool:
    """A description owned by someone the sentence names ("Senator Calder did not attend,
    her office said"): their side, not a reaction to them."""
    return not isinstance(actor, Entity) and \
        actor.text.split(None, 1)[0].lower() in ("his", "her", "its", "their")


def _names(text: str, entity: Entity) -> bool:
    surname = words_of(fold(entity.name))[-1:]
    return bool(surname) and surname[0] in words_of(fold(text))


def _member_of(actor: Target, side: Target | None) -> bool:
    """The side itself, or someone who speaks for it by their role ("union leader Pat Doyle"
    for the nurses' union)."""
    if side is None:
        return False
    if actor is side:
        return True
    if isinstance(side, Entity) and side.kind == "person":
        return False
    head = side.head if not isinstance(side, Entity) else \
        next(iter(words_of(fold(side.name))[-1:]), "")  # a name of no word ("Þ") has no head
    return bool(head) and head.rstrip("s") in {w.rstrip("s") for w in words_of(fold(actor.role))}


def _central_quote(statements: list[Statement], principal: object) -> str:
    """The principal's first quote: what the reactions respond to, when it is quoted."""
    for st in statements:
        if st.actor is principal and st.quote_ids:
            return st.quote_ids[0]
    return ""
