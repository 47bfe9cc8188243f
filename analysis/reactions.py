"""Reactions: who responded to the article's central event, and how.

Each sentence gets an actor from the quotes found in it or from a reporting verb and its subject
("The Kremlin warned", "…, said Jana Roe", "an outcry from other leaders"): see
`analysis.statements`. Consecutive sentences of one actor form a statement; the principal
newsmaker's statements are quotes, not reactions; a statement is a reaction when it is about
the central event (names the principal, shares the lead's words, or follows the principal or
another reaction) and takes a stance.
"""

from __future__ import annotations

from .actors import ORG_WORDS, fold, is_expert, looks_like_name, name_key, words_of
from .model import Article, Quote, Reaction, Speaker
from .principal import Principal
from .relevance import WORD, lead_event_words, lead_index
from .stance import actor_leaning, score_stance, sentence_cue_weight
from .statements import Context, Statement, sentence_statements


def _group(statements: list[Statement]) -> list[list[Statement]]:
    groups: list[list[Statement]] = []
    for st in statements:
        if groups:
            prev = groups[-1][-1]
            # An officer speaking for the organisation that spoke just before: "Its chair, X",
            # "…, said the association's chairman, Per Ulvik" (not "X, who chairs it, said").
            role = fold(st.actor.role)
            speaks_for = role.startswith(("its ", "their ")) and prev.actor.kind in (
                "org", "group") or prev.actor.key in ORG_WORDS and f"{prev.actor.key}'s" in role
            same = prev.actor.key == st.actor.key or speaks_for or (
                st.paragraph == prev.paragraph and st.actor.key in words_of(fold(prev.actor.name)))
            if same and st.paragraph - prev.paragraph <= 1 and not prev.principal:
                groups[-1].append(st)
                continue
        groups.append([st])
    return groups


def _central_quote(quotes: list[Quote], speakers: list[Speaker], principal: Principal,
                   event_words: set[str], early: int = 4) -> str:
    """The principal's quote that states the event: most words shared with the lead, else
    the principal's first quote within the first `early` paragraphs."""
    ids = {s.id for s in speakers if principal.key and name_key(s.name) == principal.key}
    best, best_overlap, first = "", 0, ""
    for q in quotes:
        if q.speaker_id in ids:
            first = first or (q.id if q.paragraph <= early else "")
            overlap = sum(1 for w in WORD.findall(fold(q.text)) if w[:6] in event_words)
            if overlap > best_overlap:
                best, best_overlap = q.id, overlap
    # No quote shares the lead's words: the principal's first quote near the top states it.
    return best or first


def find_reactions(article: Article, quotes: list[Quote],
                   speakers: list[Speaker]) -> list[Reaction]:
    """Statements by actors other than the principal newsmaker that respond to the event."""
    if not article.paragraphs:
        return []
    ctx = Context(article, quotes, speakers)
    event_words = lead_event_words(article.paragraphs[lead_index(article.paragraphs)],
                                   ctx.principal)
    central = _central_quote(quotes, speakers, ctx.principal, event_words)
    statements = sentence_statements(article, quotes, ctx, event_words)
    reactions: list[Reaction] = []
    previous_relevant_par = -9
    # One display name per actor: "Amsel" after "Victor Amsel" stays "Victor Amsel".
    names: dict[str, str] = {}
    for st in statements:
        if looks_like_name(st.actor.name) and len(st.actor.name) > len(names.get(st.actor.key, "")):
            names[st.actor.key] = st.actor.name
    for group in _group(statements):
        first = group[0]
        live = [st for st in group if not st.background and st.sentence]
        relevant = any(st.relevant for st in live) or (
            bool(live) and first.paragraph - previous_relevant_par <= 1)
        if relevant and live:
            previous_relevant_par = group[-1].paragraph
        if first.principal or first.actor.key == ctx.principal.key or not live or not relevant:
            continue
        actor = first.actor
        texts = [st.clause or st.sentence for st in live if st.sentence]
        verbs = [st.verb_stance for st in live if st.verb_stance]
        camp = ctx.principal.demonym
        same_camp = bool(camp) and camp in fold(actor.name + " " + actor.role).split()
        leaning = actor_leaning(actor.key) if actor.kind == "group" else None
        stance, _ = score_stance(texts, verbs, expert=is_expert(actor.role + " " + actor.name),
                                 same_camp=same_camp, leaning=leaning)
        if stance is None or not texts:
            continue
        # the sentence carrying the stance most strongly (a lone one needs no weighing)
        evidence = live[0] if len(live) == 1 else max(live, key=lambda st: (
            st.verb_stance == stance, sentence_cue_weight(st.sentence, stance), -live.index(st)))
        name = names.get(actor.key, actor.name) if looks_like_name(actor.name) else actor.name
        reactions.append(Reaction(name, stance, evidence.sentence, evidence.paragraph, central))
    return reactions
