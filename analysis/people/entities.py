"""The article's people and organisations: every capitalised name mention in reading order,
grouped into entities (surnames and "Mr. X" joined to the full name), with roles from titles and
appositives read lazily from their mentions."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..lexicon import (
    BODY_NOUNS,
    COMMON_CAPITALISED,
    FEMALE_HONORIFICS,
    MALE_HONORIFICS,
    NAME_PARTICLES,
)
from ..patterns import lazy_compile
from .name_patterns import NAME_RE, PLACE_AFTER_PREPOSITION
from .names import NameParts, is_group_noun, organisation_name_at, split_name
from .roles import appositive_after, combine_role, name_tail, role_before

_MIN_MISSPELT = 6  # letters a surname needs before a misspelling of it is read as it
# A state or country abbreviated after a place: "DC", "D.C.", "Pa.", "Calif.".
_STATE_ABBREVIATION = lazy_compile(r"[A-Z]\.?[A-Z]\.?|[A-Z][a-z]{1,4}\.")
_AGE_AFTER = lazy_compile(r",\s+\d{1,3}[,.]")
_PLACE_BEFORE = lazy_compile(rf"{PLACE_AFTER_PREPOSITION}$")
# What stands before a word that opens a sentence inside a paragraph (before a group of people,
# "Tournament organisers said", it is capitalised only to open the sentence).
_SENTENCE_GAPS = frozenset((". ", "? ", "! ", "\" ", "” ", "' ", "’ "))


def _deletions(word: str) -> list[str]:
    return [word[:i] + word[i + 1:] for i in range(len(word))]


def one_edit_apart(a: str, b: str) -> bool:
    """Whether b is a with one letter added, dropped or changed ("McClenney", "McLenney")."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) < len(b):
        a, b = b, a
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            return a[i + 1:] == b[i + 1:] if len(a) == len(b) else a[i + 1:] == b[i:]
    return True  # the longer has one more letter at the end


_MAX_ACRONYM = 6
# A body's noun (lexicon.BODY_NOUNS) right before a name, or heading the appositive after it.
_BODY_BEFORE = lazy_compile(r"(?:^|\s)the\s+(?P<noun>[a-z]+)\s+$")
_BODY_AFTER = lazy_compile(
    r",\s+(?:a|an|the)\s+(?:(?!(?:of|for|in|at|with|to|from|and)\s)[\w'’-]+\s+){0,3}?"
    r"(?P<noun>[a-z]+)(?=\s+(?:financed|funded|owned|based|run|founded|that|which)\b|[,.;])")


def _initials(name: str) -> str:
    """The capitals that start a name's capitalised words: what its acronym spells
    ("Alliance to Reclaim Our Schools" -> "AROS")."""
    return "".join(word[0] for word in name.split() if word[:1].isupper())


_GENERATIONS = frozenset("jr jr. sr sr. ii iii iv".split())


def surname(words: list[str]) -> str:
    """The surname of a name's lower-case words: the last, before a generation ("Kenneth
    Stancil III", "John Roberts Jr.")."""
    if len(words) > 2 and words[-1] in _GENERATIONS:
        return words[-2].rstrip(",")
    return words[-1] if words else ""


@dataclass(slots=True)
class Entity:
    name: str
    kind: str = "person"
    found_roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    gender: str = ""  # "m", "f" or "" when unknown
    # Mentions whose role words are read only when asked for: (paragraph text, start, end, title).
    pending: list[tuple[str, int, int, str]] = field(default_factory=list)

    @property
    def roles(self) -> list[str]:
        while self.pending:
            text, start, end, title = self.pending.pop(0)
            tail, pos = name_tail(text, end)
            # Only a comma opens an appositive: the clause end is looked for only then.
            appos = appositive_after(text, pos, _clause_end(text, pos)) \
                if text[pos:pos + 1] == "," else ""
            before = role_before(text, start)
            pre = f"{before} {title}" if before and title else before or title
            if tail.startswith("of "):
                pre, tail = f"{pre} {tail}".strip(), ""
            if pre or tail or appos:
                self.add_role(combine_role(pre, tail, appos))
        return self.found_roles

    def add_alias(self, alias: str) -> None:
        alias = alias.strip()
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)

    def add_role(self, role: str) -> None:
        role = role.strip(" ,")
        if role and role not in self.found_roles:
            self.found_roles.append(role)

    @property
    def role(self) -> str:
        """The roles found for the entity, fullest first, each new one that the others do not
        already say joined with "; " ("Retired Lieutenant General; top Trump surrogate")."""
        out: list[str] = []
        for role in sorted(self.roles, key=len, reverse=True):
            if not any(role.lower() in kept.lower() for kept in out):
                out.append(role)
        return "; ".join(out[:3])


class EntityTable:
    """Named entities of one article, built in a single pass over its paragraphs."""

    def __init__(self, paragraphs: list[str]) -> None:
        self.entities: list[Entity] = []
        # Every name mention in reading order: its entity, and its (paragraph, start) for
        # bisection by the resolver.
        self.mentions: list[Entity] = []
        self.mention_keys: list[tuple[int, int]] = []
        self._by_name: dict[str, Entity] = {}
        self._by_last: dict[str, list[tuple[int, Entity]]] = {}
        # The people named in full, by the first word of their name.
        self._by_first: dict[str, list[Entity]] = {}
        # Each known surname with one letter dropped, to find it misspelt without a scan.
        self._misspelt: dict[str, str] = {}
        mentions = self.mentions
        keys = self.mention_keys
        by_name = self._by_name
        by_last = self._by_last
        common = COMMON_CAPITALISED
        # The article's words repeat: split each once. Per word: its parts and the lower-case
        # name and surname, or None when it is no name.
        seen: dict[str, tuple[NameParts, str, str] | None] = {}
        for index, text in enumerate(paragraphs):
            organisation_end = -1  # where the paragraph's last organisation name ended
            for m in NAME_RE.finditer(text):
                word = m[0]
                if m.start() < organisation_end or text.startswith(" of ", organisation_end) \
                        and m.start() == organisation_end + 4:
                    # "the National Museum of African American History": the organisation's
                    # own name goes on, no person there.
                    organisation_end = max(organisation_end, m.end())
                    continue
                if text.startswith((" of ", " for ", " to "), m.end()):
                    # "The Department of Veterans Affairs", "the Committee to Protect
                    # Journalists": one organisation, named in full.
                    named = organisation_name_at(text, m)
                    if named is not None:
                        word, organisation_end = named
                        seen.setdefault(word, (NameParts("", word, "", "organisation"),
                                               word.lower(), ""))
                start = m.start()
                if (not start or text[start - 2:start] in _SENTENCE_GAPS) and \
                        " " not in word and _group_after(text, m.end()):
                    continue  # "Tournament organisers said": capitalised to open the sentence
                if text[start - 2:start] == ", " and _STATE_ABBREVIATION.fullmatch(
                        text, start, m.end() + (text[m.end():m.end() + 1] == ".")) and \
                        _PLACE_BEFORE.search(text, max(0, start - 40), start - 2):
                    continue  # "in Washington, DC", "of Dunmore, Pa.": where, no one
                if word in seen:
                    known = seen[word]
                else:
                    parts = None if " " not in word and word.lower() in common \
                        else split_name(word)
                    known = seen[word] = None if parts is None else \
                        (parts, parts.name.lower(), surname(parts.name.lower().split()))
                if known is None:
                    continue
                parts, key, last = known
                if parts.kind == "organisation" and " " in parts.name and \
                        _AGE_AFTER.match(text, m.end()):
                    # "her friend Julia Church, 67,": an organisation has no age
                    parts = parts._replace(kind="person")
                    last = surname(key.split())
                elif parts.kind == "person" and not parts.title and not parts.honorific and \
                        key not in by_name and _named_as_body(text, m):
                    parts, last = parts._replace(kind="organisation"), ""
                name = parts.name
                entity = by_name.get(key) or \
                    self.lookup(name, parts.kind, len(mentions), create=True)
                if entity is None:
                    continue
                if parts.honorific:
                    entity.add_alias(f"{parts.honorific} {name.split()[-1]}")
                    low = parts.honorific.lower()
                    entity.gender = "f" if low in FEMALE_HONORIFICS else \
                        "m" if low in MALE_HONORIFICS else entity.gender
                if name != entity.name:
                    entity.add_alias(name)
                if entity.kind == "person":
                    pending = entity.pending
                    if len(pending) + len(entity.found_roles) < 12:
                        # Roles come with the first mentions; later ones are mostly bare surnames.
                        pending.append((text, start, start + len(word), parts.title))
                        # The entity's surname is the name's: lookup joins only same surnames.
                        if last not in by_last and len(last) >= _MIN_MISSPELT:
                            for variant in _deletions(last):
                                self._misspelt.setdefault(variant, last)
                        by_last.setdefault(last, []).append((len(mentions), entity))
                if entity.kind == "organisation":
                    organisation_end = max(organisation_end, m.end())
                mentions.append(entity)
                keys.append((index, start))
        self._join_first_names()

    def _join_first_names(self) -> None:
        """"Julia" in a caption, "Julia Church" further down: a lone first name named before
        the full name of the one person it starts (and no one's surname) is that person."""
        for lone in [e for e in self.entities if e.kind == "person" and " " not in e.name]:
            key = lone.name.lower()
            full = {id(e): e for e in self._by_first.get(key, ())
                    if e is not lone and e.kind == "person" and " " in e.name}
            if len(full) != 1 or any(ent is not lone for _, ent in self._by_last.get(key, ())):
                continue
            (person,) = full.values()
            person.add_alias(lone.name)
            person.gender = person.gender or lone.gender
            person.pending.extend(lone.pending)
            self.mentions = [person if e is lone else e for e in self.mentions]
            self._by_last.pop(key, None)
            self._by_name[key] = person
            self.entities.remove(lone)

    def _by_prominence(self, named: list[tuple[int, Entity]],
                       before: int | None) -> list[tuple[int, Entity]]:
        """Mentions of two or more people of one surname, ordered so that the one a surname
        alone refers to comes last: the one named most so far; among equals, the one named
        last, unless they were last named in one paragraph ("Bill Clinton … for his wife
        Hillary Clinton"), where the first named is whom the story follows."""
        named = [item for item in named if before is None or item[0] < before]
        if not named:
            return named
        counts = Counter(id(ent) for _, ent in named)
        last_at = {id(ent): position for position, ent in named}
        top = max(counts.values())
        leaders = sorted((at, key) for key, at in last_at.items() if counts[key] == top)
        paragraphs = {self.mention_keys[at][0] for at, _ in leaders[-2:]}
        chosen = leaders[0][1] if len(leaders) > 1 and len(paragraphs) == 1 else leaders[-1][1]
        return sorted(named, key=lambda item: (id(item[1]) == chosen, item[0]))

    def lookup(self, name: str, kind: str = "person", before: int | None = None,
               create: bool = False) -> Entity | None:
        """The entity a name refers to: exact, then same surname (most recent), an acronym of
        an organisation named before ("IMF" after "International Monetary Fund"), else new."""
        key = name.lower()
        if key in self._by_name:
            return self._by_name[key]
        tokens = name.split()
        if kind == "organisation" and len(tokens) == 1 and 2 < len(name) <= _MAX_ACRONYM and \
                name.isalpha() and name.isupper():
            if self._by_last.get(key):  # "PENCE:" in a transcript is Mike Pence, no acronym
                return self._by_last[key][-1][1]
            for ent in reversed(self.entities):
                if ent.kind == "organisation" and _initials(ent.name) == name:
                    ent.add_alias(name)
                    self._by_name[key] = ent
                    return ent
        if kind == "person":
            last = surname([t.lower() for t in tokens])
            first = tokens[0].lower() if len(tokens) > 1 else ""
            if first in NAME_PARTICLES:
                first = ""  # "De Blasio" is Bill de Blasio: a particle, no first name
            named = self._by_last.get(last, ())
            if len(tokens) == 1 and len(named) > 1 and \
                    any(ent is not named[0][1] for _, ent in named):
                named = self._by_prominence(named, before)
            for position, ent in reversed(named):
                if before is not None and position >= before:
                    continue
                ent_tokens = ent.name.lower().split()
                if surname(ent_tokens) != last:
                    continue
                if first and len(ent_tokens) > 1 and ent_tokens[0] != first and \
                        not (ent_tokens[0][0] == first[0] and (len(first) <= 2 or
                                                               len(ent_tokens[0]) <= 2)):
                    continue
                if len(tokens) > len(ent_tokens):  # a fuller spelling arrives later
                    ent.add_alias(ent.name)
                    ent.name = name
                    self._by_first.setdefault(tokens[0].lower(), []).append(ent)
                self._by_name[key] = ent
                return ent
            if len(tokens) == 1 and self._by_last.get(last):
                # A lone surname mentioned before its full name: look ahead.
                return self._by_last[last][0][1]
            if len(tokens) == 1:
                # "Charlotte said" after "Charlotte Roach": the one person of that first name.
                first_named = {id(ent): ent for ent in self._by_first.get(key, ())
                               if ent.name.split()[0].lower() == key}
                if len(first_named) == 1:
                    (ent,) = first_named.values()
                    ent.add_alias(name)
                    self._by_name[key] = ent
                    return ent
            if len(tokens) == 1 and len(last) >= _MIN_MISSPELT:
                # "McLenney said" after "Tyresha McClenney": the same person, misspelt.
                for variant in (last, *_deletions(last)):
                    known = self._misspelt.get(variant, "")
                    if known[:1] == last[:1] and one_edit_apart(known, last):
                        ent = self._by_last[known][-1][1]
                        if len(ent.name.split()) > 1:
                            ent.add_alias(name)
                            self._by_name[key] = ent
                            return ent
        if not create:
            return None
        ent = Entity(name, kind)
        if kind == "person" and len(tokens) > 1:
            self._by_first.setdefault(tokens[0].lower(), []).append(ent)
        self.entities.append(ent)
        self._by_name[key] = ent
        return ent


def _named_as_body(text: str, name: re.Match[str]) -> bool:
    """Whether a body's noun stands right before the name of two words or more (not "told
    the newspaper Garcia booted him") or heads its appositive."""
    if " " in name[0]:
        before = _BODY_BEFORE.search(text, max(0, name.start() - 24), name.start())
        if before is not None and before.group("noun") in BODY_NOUNS:
            return True
    after = _BODY_AFTER.match(text, name.end()) if text.startswith(",", name.end()) else None
    return after is not None and after.group("noun") in BODY_NOUNS


def _group_after(text: str, end: int) -> bool:
    """Whether a noun for a group of people follows the word that ends at end."""
    if text[end:end + 1] != " " or not text[end + 1:end + 2].islower():
        return False
    following = text[end + 1:end + 24].split(None, 1)[0].rstrip(",.;:")
    return is_group_noun(following)


def _clause_end(text: str, pos: int) -> int:
    window = min(len(text), pos + 320)  # appositives are short; keeps long input linear
    m = _SENTENCE_END_RE.search(text, pos, window)
    while m and _ABBREV_BEFORE_RE.search(text[max(0, m.start() - 8):m.start()]):
        m = _SENTENCE_END_RE.search(text, m.end(), window)
    return m.start() if m else window


# Opens with a character class (not a look-ahead) so the engine skips to candidates in C.
_SENTENCE_END_RE = lazy_compile(r"[.!?;\"“”«»](?:(?<=[.!?;])(?=\s|$)|(?<=[\"“”«»]))")
_ABBREV_BEFORE_RE = lazy_compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Sen|Rep|Gov|Gen|Lt|Col|Inc|Co|Corp|U\.S|D\.C|[A-Z]))$")
