"""What speaker phrases refer to: a name to the article's entity, "he"/"she"/"they" to the
person the sentences before are about, "the minister" to the person titled so earlier, an
unnamed description ("a French diplomat") to itself, shared by later "the diplomat"."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from functools import cache
from typing import TYPE_CHECKING

from ..lexicon import (
    COUNTRIES,
    DOCUMENT_NOUNS,
    FEMALE_NOUNS,
    MALE_NOUNS,
    ORG_NOUNS,
    PERSON_NOUNS,
    ROLE_SYNONYMS,
    TITLE_WORDS,
)
from ..patterns import lazy_compile
from ..text.furniture import is_picture_caption
from .cues import Cue, before_cue, sentence_subject
from .entities import Entity, EntityTable
from .name_patterns import NAME_RE
from .names import Phrase
from .phrases import parse_subject

if TYPE_CHECKING:
    from ..document import Document

Target = Entity | Phrase  # a named entity, or an unnamed description ("A French diplomat")
# A pronoun with no antecedent nearby falls back on the speaker of one of the last quotes.
_RECENT_QUOTES = 50
# Paragraphs back where a pronoun with nothing else to go by finds the last person named: four,
# for copy dumped one sentence per line.
RECENT_PARAGRAPHS = 4
# Characters of a caption run into the story (two lines of one); more, and a sentence of the
# story was run on with it.
_CAPTION_LENGTH = 250

# ", president of …" / ", a lawyer at …" closing a sentence: a person introduced by their role.
_INTRODUCING_ROLE = lazy_compile(
    r",\s+(?:(?:a|an|the|its|his|her|their)\s+)?(?:[\w’'-]+\s+){0,3}?(?P<head>[a-z]+)"
    r"\b[^.;!?\"“”]*[.!?]?\s*$")
_ROLE_HEADS = TITLE_WORDS | PERSON_NOUNS
# A role, a few words about it, then a comma before the name that ends the sentence.
_ROLE_THEN_NAME = lazy_compile(
    r"\b(?P<head>[a-z]+)(?:\s+(?:in|of|at|for|from)\s[^,.;]{0,60})?,\s+$")
_DEFINITE = ("the", "this", "that", "these", "those")
_OWNER_PRONOUNS = ("his", "her")
_ROLE_OWNER = lazy_compile(r"^(?:the\s+)?([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})['’]s?\s")
# "The agency said" names the organisation met last among this many mentions before.
_RECENT_ORGS = 12
# Nouns a story calls the business it is about, whatever its name: "the bank", "the airline".
_BUSINESS_NOUNS = frozenset("""company firm bank airline carrier club retailer insurer lender
automaker carmaker manufacturer maker chain network newspaper paper publisher studio team
brand business corporation conglomerate operator supplier""".split())
_STORY_ORGANISATION_MENTIONS = 2  # named this often before, an organisation is the story's
# Words that name what someone is by office: a description of a person holding another office
# is someone else.
_TITLE_HEADS = TITLE_WORDS - frozenset(
    "former acting state federal national democratic republican gop u.s. us senior".split())
# Heads that fit any office: "the Estavian leader" for President Karin Holt.
_ANY_OFFICE = frozenset(
    "leader politician lawmaker legislator official figure nominee candidate".split())
# Person nouns that introduce someone new more often than they name someone met before.
_NEW_PERSON_NOUNS = frozenset("""man woman person source official spokesman spokeswoman
spokesperson aide adviser advisor lawyer attorney resident worker witness member voter
supporter critic expert analyst officer doctor friend neighbor neighbour""".split())
# Organisation nouns that name a side of its own rather than one met before ("the campaign").
_OWN_SIDE_NOUNS = frozenset("campaign party government administration state statement report "
                            "study survey poll police court army military".split())
# A clause opening a sentence with a named subject, the pronoun right after its comma.
_FRONTED_CLAUSE = lazy_compile(
    r"(?:When|After|As|While|Before|Although|Though|Since|Once|Until|Because)\s+"
    r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+[a-z][^,]*,\s*")
# A short line of capitalised words and no verb: a section heading.
_HEADING = lazy_compile(r"(?:[A-Z][\w'’&-]*\s+){0,5}[A-Z][\w'’&-]*[.:]?\s*")
_RUN_IN_HEADING = lazy_compile(r"(?:[A-Z][\w'’&-]*\s+){0,5}[A-Z][\w'’&-]*:\s+")
# "the senator" is the person titled "Sen." earlier; a role's own words count, not an owner's
# ("one of the mayor's aides" is no mayor).
_ROLE_WORD_RE = lazy_compile(r"[\w.]+(?![\w.]*[’']s\b)")


def _has_word(words: set[str], modifier: str) -> bool:
    """The modifier of a description among a person's role words, a state abbreviated as the
    party tags have it ("texas" in "R-Tex.")."""
    modifier = modifier.strip(".,")
    return modifier in words or any(
        w.endswith(".") and len(w) > 2 and modifier.startswith(w[:-1]) for w in words)


def _other_title(entity: Entity, head: str) -> bool:
    """Whether the entity is known by a title other than the description's ("Port director
    Edda Brun" is not "the port manager")."""
    if head in _ANY_OFFICE:
        return False
    words = {w.lower().strip(".,") for role in entity.roles for w in role.split()}
    titles = words & _TITLE_HEADS
    return bool(titles) and head not in words and not any(
        h in words for h in ROLE_SYNONYMS.get(head, ()))


class Resolver:
    """Turns speaker phrases into targets, remembering descriptions and resolved quotes."""

    def __init__(self, doc: Document, table: EntityTable) -> None:
        self.doc = doc
        self.paragraphs = doc.marked
        self.table = table
        self.descriptions: list[Phrase] = []
        self.aliases: dict[int, list[str]] = {}
        # The speakers of the statements resolved so far (quotes), in reading order, and where
        # each stands: (paragraph, offset of its opening mark).
        self.resolved: list[Target] = []
        self._resolved_keys: list[tuple[int, int]] = []
        self._mention_keys = table.mention_keys

    def sentences(self, p: int) -> list[tuple[int, int]]:
        """Sentence spans of paragraph p."""
        return self.doc.sentence_spans[p]

    def sentences_ended_by(self, p: int, offset: int) -> int:
        """How many sentences of paragraph p end at or before offset."""
        return self.doc.sentences_ended_by(p, offset)

    def add_resolved(self, paragraph: int, offset: int, target: Target) -> None:
        """Record the speaker of a statement at (paragraph, offset); they arrive in reading
        order."""
        self.resolved.append(target)
        self._resolved_keys.append((paragraph, offset))

    def _mentions_before(self, p: int, offset: int) -> int:
        """How many name mentions precede (p, offset); mentions are in reading order."""
        return bisect_left(self._mention_keys, (p, offset))

    def resolve(self, phrase: Phrase, p: int, offset: int, depth: int = 0) -> Target | None:
        if phrase.kind == "name":
            entity = self.table.lookup(phrase.text, phrase.entity_kind,
                                       self._mentions_before(p, offset), create=True)
            if entity is not None:
                entity.add_role(phrase.role)
                if phrase.entity_kind == "organisation" and entity.kind == "person" and \
                        not entity.gender:
                    entity.kind = "organisation"  # "consumer group Fair Meter": no person
                if phrase.honorific:
                    entity.add_alias(f"{phrase.honorific} {phrase.text.split()[-1]}")
            return entity
        if phrase.kind == "pronoun":
            target = self.antecedent(phrase.text, p, offset, depth)
            if isinstance(target, Entity) and not target.gender and phrase.text in ("he", "she"):
                target.gender = "m" if phrase.text == "he" else "f"  # later pronouns agree
            return target
        return self._nominal(phrase, p, offset, depth)

    def resolve_cue(self, cue: Cue, p: int, offset: int) -> Target | None:
        """A pronoun inside the quote's own sentence ("Trump accused her of being "duped" by
        what he called…") is the subject of that sentence when it fits."""
        assert cue.phrase is not None
        if cue.phrase.kind == "pronoun" and cue.lead.strip():
            subject = sentence_subject(cue.lead)
            if subject is not None and subject.kind != "pronoun":
                target = self.resolve(subject, p, offset, 1)
                if target is not None and self._compatible(target, cue.phrase.text):
                    return target
        return self.resolve(cue.phrase, p, offset)

    def _nominal(self, phrase: Phrase, p: int, offset: int, depth: int = 0) -> Target:
        opening = phrase.text.split()[0]
        first = opening.lower()
        # "Obama's former campaign strategist" is as definite as "the strategist", and no one
        # else's strategist; an office of an owner ("Osterland's foreign minister") is its own
        owned = opening[:1].isupper() and opening.endswith(("'s", "’s")) and \
            phrase.head in PERSON_NOUNS and phrase.head not in TITLE_WORDS
        if first in _DEFINITE or owned:
            for known in reversed(self.descriptions):
                if known.head == phrase.head and _places_agree(phrase, known) and \
                        (not owned or known.text.split()[0] == opening):
                    aliases = self.aliases.setdefault(id(known), [])
                    if phrase.text not in aliases and phrase.text != known.text:
                        aliases.append(phrase.text)
                    return known
            person = self._person_with_role(phrase, p, offset)
            if person is not None:
                person.add_alias(phrase.text)
                return person
            referred = self._definite_reference(phrase, p, offset, depth)
            if referred is not None:
                return referred
        elif first in _OWNER_PRONOUNS and phrase.head in PERSON_NOUNS:
            # "his manager says": the person met before whose role it is, unless the role
            # names another owner ("Clinton's lawyer" is not "his lawyer")
            person = self._person_with_role(phrase, p, offset)
            if person is not None and self._owners_agree(person, first, p, offset, depth):
                person.add_alias(phrase.text)
                return person
        for known in self.descriptions:
            if known.text.lower() == phrase.text.lower():
                return known
        self.descriptions.append(phrase)
        return phrase

    def _owners_agree(self, person: Entity, owner_pronoun: str, p: int, offset: int,
                      depth: int) -> bool:
        """Whether every owner a person's roles name ("Clinton's lawyer") is whom the pronoun
        ("his", "her") refers to."""
        owners = [m.group(1) for m in map(_ROLE_OWNER.match, person.roles) if m is not None]
        if not owners:
            return True
        meant = self.antecedent("he" if owner_pronoun == "his" else "she", p, offset, depth + 1)
        return all(self.table.lookup(owner, "person", None, create=False) is meant
                   for owner in owners)

    def _person_with_role(self, phrase: Phrase, p: int, offset: int) -> Entity | None:
        """The person named last before whose roles hold the description's noun and words (the
        caller makes the description their alias once it takes them)."""
        # An owner ("the Filipino's promoter") may be named otherwise in the role ("Manny
        # Pacquiao's promoter"): the role's noun and other words say who it is.
        mods = [w.lower() for w in phrase.text.split()[1:-1] if not w.endswith(("'s", "’s"))]
        mentions = self.table.mentions
        heads = ROLE_SYNONYMS.get(phrase.head, (phrase.head,))
        tried: set[int] = set()
        organisation = phrase.head in ORG_NOUNS
        for n in range(self._mentions_before(p, offset) - 1, -1, -1):
            ent = mentions[n]
            if ent.kind != "person" or id(ent) in tried:
                continue
            tried.add(id(ent))  # each person once, from their latest mention
            roles = " ".join(ent.roles).lower()
            words = set(_ROLE_WORD_RE.findall(roles))
            if organisation and not any(_officer_of(roles, h) for h in heads):
                # "The union" is the person who heads it ("general secretary of the Dock
                # Workers' Union"), never one whose role merely holds the word ("the
                # network President Vladimir Putin formed").
                continue
            if any(h in words for h in heads) and all(_has_word(words, m) for m in mods):
                return ent
        return None

    def _definite_reference(self, phrase: Phrase, p: int, offset: int,
                            depth: int = 0) -> Entity | None:
        """"The agency": the organisation named last before whose name holds the noun, else
        (for a bare "the agency") the one named last in this paragraph or the one before. "The
        Republican nominee", "the Indiana
        governor", whom no role of anyone names: the person the sentences before are about."""
        head = phrase.head
        before = self._mentions_before(p, offset)
        mentions = self.table.mentions
        if head in ORG_NOUNS and head not in _OWN_SIDE_NOUNS:
            keys = self._mention_keys
            recent = [mentions[n] for n in range(max(0, before - _RECENT_ORGS), before)
                      if mentions[n].kind == "organisation"]
            named = [e for e in recent if head in e.name.lower().split()]
            if named:
                return named[-1]
            if phrase.text.lower() != f"the {head}" or head in DOCUMENT_NOUNS:
                return None
            near = [mentions[n] for n in range(max(0, before - _RECENT_ORGS), before)
                    if mentions[n].kind == "organisation" and keys[n][0] >= p - 1]
            if near:
                return near[-1]
            if head not in _BUSINESS_NOUNS:
                return None
            # "The bank said" in a story about Wells Fargo: the organisation the story is about
            counts = Counter(id(m) for m in mentions[:before] if m.kind == "organisation" and
                             m.name.lower() not in COUNTRIES)
            if counts:
                key, count = counts.most_common(1)[0]
                if count >= _STORY_ORGANISATION_MENTIONS:
                    return next(m for m in mentions[:before] if id(m) == key)
            return None
        if head in PERSON_NOUNS and head not in _NEW_PERSON_NOUNS and \
                phrase.entity_kind == "anonymous" and not phrase.plural:
            # "The Indiana governor said": the person the sentences before are about.
            target = self.antecedent("person", p, offset, depth + 1)
            if not isinstance(target, Entity) or _other_title(target, phrase.head):
                return None
            if not set(phrase.text.lower().split()[1:-1]).isdisjoint(
                    target.name.lower().split()):
                return None  # "the bar manager" after "Boonies Bar": the bar's, not the bar
            target.add_alias(phrase.text)
            # "the New York businessman": a role; "Obama's former strategist" keeps its owner
            opening, rest = phrase.text.split(None, 1)
            target.add_role(phrase.text if opening.endswith(("'s", "’s")) else rest)
            return target
        return None

    def antecedent(self, pronoun: str, p: int, offset: int, depth: int) -> Target | None:
        """The person (or organisation for "it"/"they") the sentences before are about."""
        if pronoun in ("i", "we") or depth > 2:
            return None
        if pronoun in ("he", "she"):
            fronted = self._fronted_subject(pronoun, p, offset)
            if fronted is not None:
                return fronted
        steps = 0
        for q in range(p, max(-1, p - 4), -1):
            spans = self.sentences(q)
            # In the quote's own paragraph, only the sentences ended before it: the quote's own
            # sentence has as its subject what the quote is about as often as who says it.
            stop = self.sentences_ended_by(q, offset) if q == p else len(spans)
            for n in range(stop - 1, -1, -1):
                s, e = spans[n]
                steps += 1
                if steps > 6:
                    return self._last_quote_target(pronoun)
                target = self.sentence_target(q, s, e, pronoun, depth)
                if target is not None:
                    return target
        found = self._last_quote_target(pronoun) or self._recent_mention(pronoun, p, offset)
        if found is not None or pronoun == "person":
            return found  # a description names someone met before, never someone to come
        return self._cataphora(pronoun, p, offset, depth)

    def _fronted_subject(self, pronoun: str, p: int, offset: int) -> Entity | None:
        """"When David Cameron visited Washington, he insisted …": the subject of a clause
        opening the pronoun's own sentence."""
        spans = self.sentences(p)
        n = self.sentences_ended_by(p, offset)
        if n >= len(spans):
            return None
        start = spans[n][0]
        fronted = _FRONTED_CLAUSE.match(self.paragraphs[p], start, offset)
        if fronted is None:
            return None
        phrase = parse_subject(fronted.group("who"))
        if phrase is None or phrase.kind != "name":
            return None
        entity = self.table.lookup(phrase.text, phrase.entity_kind, None, create=False)
        return entity if entity is not None and self._compatible(entity, pronoun) else None

    def _recent_mention(self, pronoun: str, p: int, offset: int) -> Target | None:
        """Last resort: the latest person named before, in any position of its sentence."""
        mentions, keys = self.table.mentions, self._mention_keys
        for n in range(self._mentions_before(p, offset) - 1, -1, -1):
            if keys[n][0] < p - RECENT_PARAGRAPHS:  # the mention's paragraph
                break
            if self._compatible(mentions[n], pronoun):
                return mentions[n]
        return None

    def _cataphora(self, pronoun: str, p: int, offset: int, depth: int) -> Target | None:
        """An opening "“…,” she said." introduces its speaker in the next sentence."""
        for q in range(p, min(len(self.paragraphs), p + 2)):
            for s, e in self.sentences(q)[:3]:
                if q == p and e <= offset + 1:
                    continue
                target = self.sentence_target(q, s, e, pronoun, depth)
                if target is not None:
                    return target
        return None

    def _last_quote_target(self, pronoun: str) -> Target | None:
        for target in reversed(self.resolved[-_RECENT_QUOTES:]):
            if self._compatible(target, pronoun, speaker=True):
                return target
        return None

    def sentence_target(self, q: int, s: int, e: int, pronoun: str, depth: int) -> Target | None:
        """Who sentence [s, e) of paragraph q is about, if the pronoun ("any" for a quote with
        no cue) can refer to it: the speaker of a quote in it, else the speaker of its reported
        speech, else its subject."""
        last = bisect_left(self._resolved_keys, (q, e)) - 1  # the last quote opened before e
        if last >= 0 and self._resolved_keys[last] >= (q, s):
            target = self.resolved[last]
            if self._compatible(target, pronoun, speaker=True):
                return target
        text = self.paragraphs[q][s:e]
        if text[:1] in "\"“”'‘«" or _HEADING.fullmatch(text) or self._inside_quote(q, s):
            # a quote (opening here or before: "“The Donald. Big Daddy.”"), or a heading
            # ("Gender Equality."): nobody to refer to
            return None
        run_in = _RUN_IN_HEADING.match(text)
        if run_in:  # "The Gap Goes On: It was under …": the heading is nobody either
            text = text[run_in.end():]
            s += run_in.end()
        cue = before_cue(text)  # reported speech names its speaker; else the subject
        if (cue is None or cue.strength < 2 or cue.cue == ":") and \
                len(text) <= _CAPTION_LENGTH and is_picture_caption(text):
            # a caption run into the story (its colon a heading's: "… Critics:"): who is
            # pictured says nothing; a longer run holds a sentence of the story too
            return None
        if (cue is None or cue.strength < 2) and pronoun in ("he", "she"):
            introduced = self._introduced(q, s, e, pronoun)
            if introduced is not None:
                return introduced
        phrase = cue.phrase if cue is not None else None
        if phrase is None and pronoun in ("he", "she"):
            phrase = _possessor(text)  # "The president's roots came into play. He told …"
        if phrase is None:
            return None
        subject: Target | None = self.resolve(phrase, q, s, depth + 1) \
            if phrase.kind != "name" else \
            self.table.lookup(phrase.text, phrase.entity_kind, None, create=False)
        # The speaker of reported speech ("Hale said the charge was baseless") has been seen
        # speaking, as the speaker of a quote has.
        if subject is not None and self._compatible(
                subject, pronoun, speaker=cue is not None and cue.strength == 2):
            return subject
        return None

    def _inside_quote(self, q: int, s: int) -> bool:
        """Whether offset s of paragraph q stands inside a quote opened before it and closed
        after it in the paragraph (one left open may be a mark the story never closed)."""
        return any(span.start < s < span.end and span.closed and not span.continued
                   for span in self.doc.quote_spans_by_paragraph.get(q, ()))

    def _introduced(self, q: int, s: int, e: int, pronoun: str) -> Entity | None:
        """A person the sentence ends by introducing, full name and role ("…, which worries
        Henry Crespo, president of the caucus."): whom the next "he said" quotes."""
        text = self.paragraphs[q]
        last = bisect_left(self._mention_keys, (q, e)) - 1
        while last >= 0 and self._mention_keys[last] >= (q, s) and \
                self.table.mentions[last].kind != "person":
            last -= 1  # the organisation in the role: "president of the Black Caucus"
        if last < 0 or self._mention_keys[last] < (q, s):
            return None
        entity = self.table.mentions[last]
        if len(entity.name.split()) < 2 or not self._compatible(entity, pronoun):
            return None
        at = self._mention_keys[last][1]
        name = NAME_RE.match(text, at)
        if name is None:
            return None
        role = _INTRODUCING_ROLE.match(text, name.end(), e)
        if role and role.group("head") in _ROLE_HEADS:
            return entity
        # "…, made by Marek's opponent in the sixth round, Tallin Oskar.": the role before
        described = _ROLE_THEN_NAME.search(text, max(s, at - 80), at)
        return entity if described and described.group("head") in _ROLE_HEADS and \
            not text[name.end():e].strip(" .") else None

    @staticmethod
    def _compatible(target: Target, pronoun: str, speaker: bool = False) -> bool:
        """Can the pronoun refer to the target? A lone capitalised word ("Russia") only when it
        has been seen speaking (speaker) or with an honorific."""
        if pronoun == "person":  # a description of someone met before: a named person
            return isinstance(target, Entity) and target.kind == "person" and (
                len(target.name.split()) >= 2 or bool(target.gender) or speaker)
        if isinstance(target, Entity):
            if pronoun in ("he", "she"):
                if target.kind != "person":
                    return False
                if target.gender and target.gender != ("m" if pronoun == "he" else "f"):
                    return False
                return len(target.name.split()) >= 2 or bool(target.gender) or speaker
            if pronoun == "it":
                return target.kind == "organisation"
            return True
        if pronoun in ("he", "she"):
            # "Doctors warned she may never walk again": a group is no "she"; "a spokesman"
            # is no "she" either
            other_sex = FEMALE_NOUNS if pronoun == "he" else MALE_NOUNS
            return target.entity_kind == "anonymous" and not target.plural and \
                target.head not in other_sex
        if pronoun == "it":
            return target.entity_kind == "organisation"
        return True


_POSSESSOR = lazy_compile(
    r"^(?:The\s+|the\s+)?(?P<who>[A-Za-z][\w .-]{0,40}?)[’']s\s+(?:\w+\s+){0,2}?(?P<what>\w+)\b")
_FULL_NAME = lazy_compile(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+")


def _possessor(sentence: str) -> Phrase | None:
    """Who a sentence opening with a possessive is about: "The president's roots came into
    play." Not when what is owned is a person ("Hale's opponent, Tom Roe, …") or the sentence
    names someone else in full."""
    found = _POSSESSOR.match(sentence)
    if found is None or found.group("what").lower().rstrip("s") in PERSON_NOUNS or \
            _FULL_NAME.search(sentence, found.end("who")):
        return None
    phrase = parse_subject(found.group(0)[:found.end("who")])
    return phrase if phrase is not None and phrase.kind != "pronoun" else None


def _proper_modifiers(phrase: Phrase) -> set[str]:
    """The capitalised words between a description's first word and its head: "the Ohio
    senator" -> {"ohio"}."""
    return {w.lower() for w in phrase.text.split()[1:-1] if w[:1].isupper()}


def _places_agree(phrase: Phrase, known: Phrase) -> bool:
    """"The Indiana governor" is not "the former New Mexico governor" met before: two
    descriptions with the same head whose capitalised modifiers differ are two people."""
    mine = _proper_modifiers(phrase)
    if not mine:
        return True
    theirs = _proper_modifiers(known)
    return not theirs or mine <= theirs


def _officer_of(role: str, organisation: str) -> bool:
    """Whether a (lower-case) role makes its holder an officer of an organisation of that
    noun: "chair of the ferry union", "the union's leader"."""
    return _officer_pattern(organisation).search(role) is not None


@cache
def _officer_pattern(noun: str) -> re.Pattern[str]:
    """The officer test of one organisation noun, compiled once (the nouns are the lexicon's)."""
    noun = re.escape(noun)
    return re.compile(rf"\b(?:of|for|at)\b.*\b{noun}\b|\b{noun}['’]s\b")
