"""Statements: each sentence of an article with its actor (from the quotes in it, a reporting
verb and its subject, "according to", or a reaction named as a noun), the stance its verb
carries, and whether it is background or about the central event."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from .actors import (
    ORG_WORDS,
    PRONOUNS,
    TITLE_WORDS,
    Actor,
    actor_from_phrase,
    classify,
    fold,
    is_actor_noun,
    looks_like_name,
    name_key,
    sentence_opener,
    strip_titles,
    valid_actor_phrase,
    words_of,
)
from .model import Article, Quote, Speaker
from .pattern_text import lazy_compile
from .principal import Principal, find_principal
from .quote_mask import mask, quote_spans
from .relevance import is_background, is_relevant, lead_index, may_be_background
from .sentence_actor import attribution, verbs_by_paragraph, verbs_by_sentence
from .stance import (
    NOMINAL_CONTINUATION,
    NOMINAL_REACTION,
    PASSIVE_REACTION,
    makes_no_statement,
    may_name_passive_reaction,
    may_name_reaction,
    nominal_stance,
    not_a_statement,
    verb_stance,
)
from .text import sentence_spans

# "from union leaders and unease among her partners": the second half is not an actor.
_NOT_THE_ACTOR = lazy_compile(r"\s+and\s+(?=\S+\s+(?:among|from|within|inside|in|at)\b)")
_SECOND_CLAUSE = lazy_compile(r"[,\x00]\s+(?:while|whereas)\s+|;\s+")  # ‘…,” while Y said
# A capitalised word after a space after [a-z0-9,;:]: the scan jumps from space to space (a
# pattern that starts with the class would stop at nearly every character), and the capital is
# tested before the lookbehind (most words are not capitalised).
_MID_SENTENCE_CAPITAL = lazy_compile(r" (?=[A-Z])(?<=[a-z0-9,;:] )([A-Z][\w’'-]+)")


@dataclass
class Statement:
    """One sentence with its actor: what grouping and stance scoring work on."""

    actor: Actor
    paragraph: int
    sentence: str  # "" when the sentence is not a statement ("insisted on anonymity")
    verb_stance: str | None  # the stance its verb carries ("warned" -> warns), None for "said"
    # About the central event (names the principal, shares the lead's words…), or the
    # arguments of is_relevant() that tell, until it is first asked.
    relevance: bool | tuple[str, str, set[str]]
    background: bool  # dated earlier than the news ("in June 2022", "last year")
    principal: bool = False  # the principal's (or the lead's own newsmaker's) words
    clause: str = ""  # the part of the sentence that is this actor's, when it shares one

    @property
    def relevant(self) -> bool:
        if not isinstance(self.relevance, bool):
            self.relevance = is_relevant(*self.relevance)
        return self.relevance


class Context:
    """Per-article state: the principal, the speakers, the last actor of each kind."""

    def __init__(self, article: Article, quotes: list[Quote], speakers: list[Speaker]) -> None:
        self._joined = "\n".join(article.paragraphs)
        self._body = body = fold(self._joined)
        self._midcaps: set[str] | None = None
        self.principal: Principal = find_principal(article, quotes, speakers, body)
        self.speakers = {s.id: s for s in speakers}
        self._speaker_actors: dict[str, Actor] = {}
        self.by_key: dict[str, Speaker] = {}
        for sp in speakers:
            for alias in [sp.name, *sp.aliases]:
                self.by_key.setdefault(name_key(alias), sp)
        self.last: dict[str, Actor] = {}
        # Sentences without an attribution since the last one: a person they name becomes
        # "he"/"she" for what follows (looked at only when a pronoun needs it).
        self.unattributed: list[str | tuple[str, str]] = []  # or (paragraph, masked)
        self.pronoun_fresh = False
        # Role words of known people, so "the minister" finds Transport Minister Helena Marsh:
        # people met in attributions are added as they come; speakers on first need.
        self.roles: list[tuple[set[str], Actor]] = []
        self._speaker_list = speakers
        self._speaker_roles_added = False
        self._roles_can_wait = not any(fold(sp.name).startswith("the ") for sp in speakers)
        self.known = {k for k in [self.principal.key, *self.by_key] if len(k) >= 3}
        self.year = int(article.published[:4]) if article.published[:4].isdigit() else 0

    def actor_for_speaker(self, sp: Speaker) -> Actor:
        if sp.id not in self._speaker_actors:
            self._speaker_actors[sp.id] = self._speaker_actor(sp)
        return self._speaker_actors[sp.id]

    def _speaker_actor(self, sp: Speaker) -> Actor:
        name = sp.name
        if looks_like_name(name) and len(strip_titles(name).split()) >= 2:
            name = strip_titles(name)  # "Rival Jane Roe" -> "Jane Roe"
        elif fold(name).startswith("the "):
            known = self._by_role(fold(name).split())
            if known is not None:
                return known
        return Actor(name, name_key(name), "org" if sp.kind == "organisation" else "person",
                     sp.role)

    @property
    def midcaps(self) -> set[str]:
        """Words capitalised somewhere mid-sentence: names, not sentence openers."""
        if self._midcaps is None:
            # fold() of a plain ASCII word is its lower case
            self._midcaps = {w.lower() if w.isascii() else fold(w)
                             for w in _mid_sentence_capitals(self._joined)}
        return self._midcaps

    def _add_speaker_roles(self) -> None:
        self._speaker_roles_added = True
        body = self._body
        found: list[tuple[set[str], Actor]] = []
        if self.principal.key:
            found.append((set(fold(self.principal.role).split()),
                          Actor(self.principal.name, self.principal.key, "person")))
        for sp in self._speaker_list:
            words = set(fold(sp.role).split())
            name = fold(sp.name)
            at = body.find(name) if " " in name else -1
            while at >= 0:  # "… at the request of Transport Minister Helena Marsh"
                words.update(body[max(0, at - 40):at].split()[-3:])
                at = body.find(name, at + len(name))
            if words:
                found.append((words, self._speaker_actor(sp)))
        self.roles[:0] = found  # people met in attributions since stay the most recent

    def _by_role(self, words: list[str]) -> Actor | None:
        """The known person whose role has all these words ("the minister")."""
        if "of" in words:
            words = words[:words.index("of")]  # "the Bank of Tessaly": its head is "bank"
        wanted = 2 <= len(words) <= 5 and words[0] == "the" and words[-1] not in ORG_WORDS
        # The speakers' roles are read when first needed; no sooner unless a speaker is named
        # "the …", whose actor then depends on the people met by that time.
        if not self._speaker_roles_added and (wanted or not self._roles_can_wait):
            self._add_speaker_roles()
        if wanted:
            # a person's title or role, never an organisation ("the Bank", "the ministry")
            head, others = words[-1], words[1:-1]
            for role_words, known in reversed(self.roles):
                if not (head in role_words or head == "leader"
                        and not role_words.isdisjoint(TITLE_WORDS)):
                    continue  # "the French leader" for a French President
                # "the European trade commissioner" for Trade Commissioner Ilse Maren
                if 2 * sum(w in role_words for w in others) >= len(others):
                    return known
        return None

    def actor_for_phrase(self, phrase: str, role: str = "") -> Actor | None:
        low = fold(phrase)
        if low in PRONOUNS:
            # Straight after an attributed sentence, "he"/"she" is its actor: trusted then.
            self.pronoun_fresh = not self.unattributed
            if PRONOUNS[low] == "person":
                remember_mentions(self)
            return self.last.get(PRONOUNS[low])
        name, np_role = actor_from_phrase(phrase)
        if not valid_actor_phrase(name):
            return None
        if " " not in name and not is_actor_noun(name) and (
                sentence_opener(name) or name_key(name) not in self.by_key and not np_role) and (
                fold(name) not in self.midcaps):  # the article-wide scan only when it decides
            return None  # "Now said …", or a lone word never capitalised mid-sentence
        key = name_key(name)
        if not looks_like_name(name):
            known = self._by_role(fold(name).split())
            if known is not None:
                return known  # "the minister", "the Republican presidential nominee"
        if key in self.by_key:
            sp = self.by_key[key]
            if looks_like_name(name) or fold(sp.name).endswith(fold(name)):
                actor = self.actor_for_speaker(sp)
                if fold(np_role).startswith(("its ", "their ")) and np_role not in actor.role:
                    actor.role = f"{np_role} {actor.role}".strip()
                actor.role = actor.role or np_role or role
                return actor
        actor = Actor(name, key, classify(name), " ".join(x for x in (np_role, role) if x))
        if actor.role and actor.kind == "person" and looks_like_name(name):
            self.roles.append((set(fold(actor.role).split()), actor))
        return actor

    def is_principal(self, actor: Actor) -> bool:
        return bool(self.principal.key) and actor.key == self.principal.key


def _mid_sentence_capitals(text: str) -> set[str]:
    """The words of re.findall(r"[a-z0-9,;:] ([A-Z][\\w’'-]+)", text): a match there takes the
    character before its space, so a word right after the one matched before is not one."""
    found: set[str] = set()
    last_end = -1
    for m in _MID_SENTENCE_CAPITAL.finditer(text):
        if m.start() != last_end:
            found.add(m.group(1))
            last_end = m.end()
    return found


def names_principal(sentence: str, ctx: Context) -> bool:
    return bool(ctx.principal.key) and ctx.principal.key in words_of(fold(sentence))


def sentence_statements(article: Article, quotes: list[Quote], ctx: Context,
                event_words: set[str]) -> list[Statement]:
    out: list[Statement] = []
    lead = lead_index(article.paragraphs)
    by_paragraph: dict[int, list[Quote]] = {}
    for q in quotes:
        by_paragraph.setdefault(q.paragraph, []).append(q)
    masks = [mask(par, quote_spans(par) + [(max(q.start - 1, 0), q.end + 1)
                                           for q in by_paragraph.get(pi, [])])
             for pi, par in enumerate(article.paragraphs)]
    paragraph_verbs = verbs_by_paragraph(masks)  # one scan for all paragraphs and sentences
    for pi, par in enumerate(article.paragraphs):
        par_quotes = by_paragraph.get(pi, [])
        masked, found_verbs = masks[pi], paragraph_verbs[pi]
        if not par_quotes and makes_no_statement(masked, bool(found_verbs)):
            if par and not par.isspace():  # its sentences: split if a pronoun needs them
                ctx.unattributed.append((par, masked))
            continue
        sentence_list = sentence_spans(par)
        sentence_verbs = verbs_by_sentence(masked, found_verbs, sentence_list)
        # Background and relevance are only worked out for sentences that make statements.
        # Any background so far, the last sentence checked (each of them, as none can be, in a
        # paragraph without the words of a marker).
        background_seen = [False, -1 if may_be_background(masked) else len(sentence_list)]

        def background(si: int, sentence_list: list = sentence_list, masked: str = masked,
                       seen: list = background_seen) -> bool:
            while not seen[0] and seen[1] < si:
                seen[1] += 1
                s0, e0 = sentence_list[seen[1]]
                seen[0] = is_background(masked[s0:e0], ctx.year)
            return bool(seen[0])

        pending: list[Statement] = []  # quoted sentences waiting for their attribution
        extra: list[Statement] = []  # second-clause actors of the current sentence
        first_of_par = len(out)
        # Quotes in order of start (as the quote stage finds them), with a pointer past those
        # ended before the current sentence: sentences come in order, so each is passed once.
        in_order = len(par_quotes) < 2 or all(a.start <= b.start
                                              for a, b in pairwise(par_quotes))
        first_open = 0
        for si, (s, e) in enumerate(sentence_list):
            sentence, msent = par[s:e], masked[s:e]
            actor, vstance, named = attribution(ctx, msent, sentence_verbs[si])
            in_quote = [] if in_order else [
                ctx.speakers[q.speaker_id] for q in par_quotes
                if q.start < e and q.end > s and q.speaker_id in ctx.speakers]
            if in_order:
                while first_open < len(par_quotes) and par_quotes[first_open].end <= s:
                    first_open += 1
                for q in par_quotes[first_open:]:
                    if q.start >= e:
                        break
                    if q.end > s and q.speaker_id in ctx.speakers:
                        in_quote.append(ctx.speakers[q.speaker_id])
            if in_quote and not (sentence_opener(in_quote[0].name)  # not "Scroll", "Now"
                                 and fold(in_quote[0].name) not in ctx.midcaps):
                quoted = ctx.actor_for_speaker(in_quote[0])
                if actor is None or actor.key != quoted.key and not named:
                    actor, vstance = quoted, vstance if actor is None else None
            if ("anonym" in msent or "comment" in msent or "respon" in msent
                    or "reached" in msent or "return" in msent) and not_a_statement(msent):
                vstance = None
                sentence = ""
            # "X hailed the move, while Y voiced concern": the second clause has its own actor.
            clause = _SECOND_CLAUSE.split(msent, maxsplit=1) if (
                ";" in msent or "while" in msent or "whereas" in msent) else [msent]
            if len(clause) == 2 and actor is not None:
                other, other_stance, _ = attribution(ctx, clause[1])
                if other is not None and other.key != actor.key and not ctx.is_principal(other):
                    extra.append(Statement(other, pi, sentence, other_stance,
                                           (sentence, ctx.principal.key, event_words),
                                           background(si),
                                           clause=sentence[len(msent) - len(clause[1]):]))
            nominal = _named_reactions(msent) if " from " in msent or " by " in msent else ()
            for m, stance in nominal:
                phrase = _NOT_THE_ACTOR.split(m.group("actor"))[0].strip()
                if all(fold(w).rstrip(".") in TITLE_WORDS for w in phrase.split()):
                    continue  # "backed by Mr." cut at the abbreviation's full stop
                group = ctx.actor_for_phrase(phrase)
                if group is None and phrase.endswith("s") and len(phrase.split()) <= 5 and \
                        phrase[:1].isalpha():
                    group = Actor(phrase, name_key(phrase), "group")  # "… from islanders"
                if group is not None and stance:
                    out.append(Statement(group, pi, par[s:e], stance,
                                          (par[s:e], ctx.principal.key, event_words),
                                          background(si)))
            if actor is None:
                if msent.lstrip().startswith("\x00") and "\x00" in msent:
                    if len(out) > first_of_par and out[-1].paragraph == pi:
                        actor = out[-1].actor
                    else:
                        pending.append(Statement(Actor("", "", ""), pi, sentence, None, (
                            sentence, ctx.principal.key, event_words), background(si)))
                        continue
                else:
                    ctx.unattributed.append(msent)
                    continue
            ctx.last[actor.kind] = actor
            ctx.unattributed.clear()
            principal = ctx.is_principal(actor) or (
                # The lead's own first sentence states the event: its speaker is the
                # newsmaker's side unless it names the principal ("X warned that Vasko …").
                pi == lead and si == 0 and not names_principal(sentence, ctx))
            # The principal's own (current) words are on the event by definition: what
            # follows them is a response.
            st = Statement(actor, pi, sentence, vstance,
                            principal or (sentence, ctx.principal.key, event_words),
                            background(si), principal=principal)
            for p in pending:
                p.actor = actor
                out.append(p)
            pending.clear()
            out.append(st)
            out.extend(extra)
            extra.clear()
    return [st for st in out if st.actor.key]


def _named_reactions(msent: str) -> list[tuple[re.Match[str], str | None]]:
    """Reactions named as a noun ("… drew applause from X") or in the passive ("… condemned
    by Y") in a masked sentence, each with the stance it carries."""
    nominal: list[tuple[re.Match[str], str | None]] = []
    if " from " in msent and may_name_reaction(msent):
        nominal = [(m, nominal_stance(m.group("noun"), m.group("adjectives") or ""))
                   for m in NOMINAL_REACTION.finditer(msent)]
        for m, _ in list(nominal):  # "… drew applause from X and fury from Y"
            first = _NOT_THE_ACTOR.split(m.group("actor"))[0]
            rest = NOMINAL_CONTINUATION.match(msent, m.start("actor") + len(first))
            if rest:
                nominal.append((rest, nominal_stance(rest.group("noun"),
                                                     rest.group("adjectives") or "")))
    if " by " in msent and may_name_passive_reaction(msent):
        nominal += [(m, verb_stance(m.group("verb"))) for m in PASSIVE_REACTION.finditer(msent)]
    return nominal


def remember_mentions(ctx: Context) -> None:
    """The first known person named in the latest unattributed sentence that names one."""
    # latest first; a whole paragraph (that made no statement) is split only now
    latest = (masked for entry in reversed(ctx.unattributed) for masked in (
        (entry,) if isinstance(entry, str) else
        [entry[1][s:e] for s, e in reversed(sentence_spans(entry[0]))]))
    for masked in latest:
        key = next((w for w in words_of(fold(masked)) if w in ctx.known), None)
        if key:
            sp = ctx.by_key.get(key)
            actor = (ctx.actor_for_speaker(sp) if sp else
                     Actor(ctx.principal.name, ctx.principal.key, "person"))
            if actor.kind == "person":
                ctx.last["person"] = actor
            break
    ctx.unattributed.clear()
