"""Noun phrases that can speak: capitalised names split into title and name, appositive roles,
nominals ("the diplomat", "the operators' association") and pronouns."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import lru_cache, partial
from operator import attrgetter
from typing import NamedTuple

from ..lexicon import (
    ADJECTIVES,
    ARTICLES_AND_POSSESSIVES,
    COMMON_CAPITALISED,
    DOCUMENT_NOUNS,
    GROUP_NOUNS,
    HONORIFICS,
    MONTHS,
    NAME_PARTICLES,
    NATIONALITIES,
    ORG_NAME_WORDS,
    ORG_NOUNS,
    PEOPLE_PLURALS,
    PERSON_NOUNS,
    PLACE_ENDINGS,
    SPEECH_VERBS,
    TITLE_WORDS,
)
from ..patterns import lazy_compile
from .name_patterns import NAME_GOES_ON, NAME_RE, NAME_WORD, UPPER
from .roles import appositive_after, combine_role, name_tail, role_before

_POSSESSIVE_RE = lazy_compile(r"[’']s?$")


class NameParts(NamedTuple):
    """A capitalised sequence split into its title prefix and the name proper."""

    title: str
    name: str  # without honorifics, titles, possessive
    honorific: str  # "Mr.", "Mrs." ... or ""
    kind: str  # "person" | "organisation"


@dataclass(slots=True)
class Phrase:
    """A parsed speaker phrase from the text."""

    kind: str  # "name" | "pronoun" | "nominal"
    text: str  # the name, pronoun or nominal head phrase
    role: str = ""
    honorific: str = ""
    entity_kind: str = "person"  # "person" | "organisation" | "anonymous"
    head: str = ""  # nominal head noun

    def copy(self) -> Phrase:
        """A new Phrase with the same fields (callers may change a phrase they are given)."""
        return Phrase(*_phrase_fields(self))

    @property
    def plural(self) -> bool:
        """A description of more than one ("Doctors", "the ministers"): its head is kept
        singular ("doctor"), so the plural shows in its last word."""
        return self.text.lower().endswith("s") or self.head.endswith("s")


_phrase_fields = attrgetter(*(f.name for f in fields(Phrase)))  # all of them, in order


_TITLE_ENDINGS = frozenset("""secretary minister president senator governor chairman chairwoman
director spokesman spokeswoman spokesperson leader chief mayor ambassador commissioner chancellor
secretary-general""".split())


# "The Ohio Democrat", "the Texas Republican": a description, whatever its capitals.
_PARTY_MEMBERS = frozenset("democrat republican libertarian".split())
_NEVER_NAMES = COMMON_CAPITALISED | MONTHS | TITLE_WORDS | NATIONALITIES | ADJECTIVES


def _never_a_name(low: str, alone: bool) -> bool:
    """A lone capitalised word that is not a name: "But", "Democratic", "Twenty-two", and when
    it stands alone a nominal ("Officials said", "Police said")."""
    if low in _NEVER_NAMES or "-" in low and all(part in ADJECTIVES for part in low.split("-")):
        return True
    return alone and (low in PERSON_NOUNS or low[:-1] in PERSON_NOUNS or low in ORG_NOUNS
                      or low in DOCUMENT_NOUNS or low[:-1] in DOCUMENT_NOUNS)


def is_group_noun(low: str) -> bool:
    """Whether a lower-case word names a group of people: "officials", "organisers",
    "taxpayers", "europeans"."""
    return low in GROUP_NOUNS or low.endswith("s") and (
        low.rstrip("s") in PERSON_NOUNS or low.endswith(PEOPLE_PLURALS) and len(low) > 6
        or low[:-1] in NATIONALITIES)


# Endings of sentence adverbs ("Interestingly", "Ironically", "Notably"), which no surname has.
_ADVERB_ENDINGS = ("ally", "ently", "antly", "ously", "ingly", "edly", "ately", "ively",
                   "ibly", "ably", "fully", "lessly")
# A lone word that is none of these may be a name (_never_a_name(alone=True) and a title end).
_LONE_NON_NAMES = _TITLE_ENDINGS | _NEVER_NAMES | PERSON_NOUNS | ORG_NOUNS
# How a token before the name proper reads: an honorific, or a title or nationality.
_HONORIFIC, _TITLE = 1, 2
# Titles of several people named one after another: "Councillors Ann Cole and Tom Ardle".
_PLURAL_TITLES = frozenset("""senators representatives councillors councilors governors mayors
ministers judges justices lawmakers democrats republicans candidates nominees commissioners
delegates professors""".split())
_PREFIX_KINDS = {word: _TITLE for word in TITLE_WORDS | NATIONALITIES | _PLURAL_TITLES} | \
    {word: _HONORIFIC for word in HONORIFICS}
# Titles spelt as a name particle: in lower case, the particle ("Vicente del Bosque"; "Del.
# Jo Hill" is a delegate).
_PARTICLE_TITLES = frozenset(NAME_PARTICLES) & TITLE_WORDS


def _split_one_word(word: str) -> NameParts | None:
    """split_name of a single word ("Vasko", "NATO", "Valdoria's"), without the token loops."""
    if word.endswith(("’s", "'s")):
        word = word[:-2]
    elif word.endswith(("’", "'")):
        word = word[:-1]
    if not word:
        return None
    low = word.lower().rstrip(".,")
    if low in _LONE_NON_NAMES or low[:-1] in PERSON_NOUNS or "-" in low and all(
            part in ADJECTIVES for part in low.split("-")) or low.endswith(_ADVERB_ENDINGS):
        return None
    org = low in ORG_NAME_WORDS or word.isupper() and len(word) <= 5
    return _new_parts(("", word, "", "organisation" if org else "person"))


# NameParts(...) without the Python-level __new__ a NamedTuple has: split_name runs per word.
_new_parts = partial(tuple.__new__, NameParts)


# Words that open a sentence and never stand inside a name: a capitalised run holding one
# spans a missing full stop.
_SENTENCE_OPENERS = frozenset("but yet however meanwhile".split())
# Last words of a sports club's name ("Leeds United", "Blackburn Rovers"): no person's.
_CLUB_ENDINGS = frozenset("united rovers wanderers athletic albion hotspur rangers".split())
# Conjunctions and pronouns that open a clause and never end a name: a caption run into the
# next sentence ("… young Earth As it collided with Earth, …") ends the name before them.
_CLAUSE_WORDS = frozenset("as when if while it this that then".split())
_ORDINALS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth".split())


@lru_cache(maxsize=4096)
def split_name(seq: str) -> NameParts | None:
    """"Valdorian Transport Minister Sébastien Marsh" -> title "Valdorian Transport Minister",
    name "Sébastien Marsh"; None when nothing name-like is left."""
    tokens = seq.split()
    if len(tokens) == 1:
        return _split_one_word(tokens[0])
    lows = [tok.lower().rstrip(".,") for tok in tokens]
    # "The Hill", "The Atlantic": one word after "The" names a title or a body, never a person
    # (nor a people: "The Estavian [leader]").
    named_with_the = len(tokens) == 2 and lows[0] == "the" and \
        not lows[1].endswith(("an", "ese", "ish", "i"))
    if lows and lows[0] in COMMON_CAPITALISED:
        skip = 0
        while len(tokens) - skip > 1 and lows[skip] in COMMON_CAPITALISED and \
                lows[skip] not in HONORIFICS:
            skip += 1
        if skip:
            tokens, lows = tokens[skip:], lows[skip:]
    joined = 0 if _SENTENCE_OPENERS.isdisjoint(lows) else \
        next((k for k in range(len(lows) - 1, 0, -1) if lows[k] in _SENTENCE_OPENERS), 0)
    if joined:  # "… the agreement' But Leonard Ellerbe, CEO …": a sentence opens at "But"
        kept = slice(joined + 1, None) if joined < len(lows) - 1 else slice(0, joined)
        tokens, lows = tokens[kept], lows[kept]
    while len(tokens) > 1 and lows[-1] in _CLAUSE_WORDS:
        tokens, lows = tokens[:-1], lows[:-1]
    owned_by = ""
    owned = next((k for k in range(len(lows) - 3, -1, -1) if lows[k].endswith(("'s", "’s"))), -1) \
        if len(tokens) > 2 and ("'s " in seq or "’s " in seq) else -1
    if owned >= 0 and lows[owned + 1] not in _ORDINALS and \
            HONORIFICS.isdisjoint(lows[:owned + 1]):
        # "Liverpool's Raheem Sterling": a full name after an owner, who describes them.
        owned_by = " ".join(tokens[:owned + 1])
        tokens, lows = tokens[owned + 1:], lows[owned + 1:]
    if len(tokens) > 1 and len(tokens[0]) >= 7 and tokens[0].endswith("ing") and \
            lows[-1] not in PLACE_ENDINGS:
        tokens, lows = tokens[1:], lows[1:]  # "Laughing Eugenie said" (not "Downing Street")
    if not tokens:
        return None
    last = tokens[-1]
    if last.endswith(("’s", "'s")):  # a possessive
        last = last[:-2]
    elif last.endswith(("’", "'")):
        last = last[:-1]
    if not last:
        return None
    tokens[-1] = last
    lows[-1] = last.lower().rstrip(".,")
    honorific = ""
    cut = -1
    prefix_kinds = _PREFIX_KINDS
    for k in range(len(tokens) - 1):
        prefix = prefix_kinds.get(lows[k])
        if lows[k] in _PARTICLE_TITLES and tokens[k].islower():
            prefix = None
        if prefix == _HONORIFIC:
            honorific = tokens[k]
            cut = k
        elif prefix is not None or not k and len(tokens) > 2 and lows[0] in PERSON_NOUNS or \
                "-" in lows[k] and (all(
                part in TITLE_WORDS for part in lows[k].split("-")) or
                lows[k].endswith("-old") or "-of-" in lows[k]):
            # "Vice-President", "Thirteen-year-old", "Mother-of-two": a description, not the name
            cut = k
    if cut >= 0:
        # One of "Councillors Ann Cole and Tom Ardle" is a councillor.
        title = " ".join(tokens[k][:-1] if lows[k] in _PLURAL_TITLES else tokens[k]
                         for k in range(cut + 1) if lows[k] not in HONORIFICS)
        name_tokens = tokens[cut + 1:]
        name_lows = lows[cut + 1:]
    else:
        title, name_tokens, name_lows = "", tokens, lows
    if honorific:
        # "Mr. King's Russia Today programming": the name ends at the owner's possessive.
        owner = next((k for k, w in enumerate(name_tokens[:-1]) if w.endswith(("’s", "'s"))),
                     -1)
        if owner >= 0:
            name_tokens = [*name_tokens[:owner], name_tokens[owner][:-2]]
            name_lows = [w.lower().rstrip(".,") for w in name_tokens]
    if name_lows[-1] in _TITLE_ENDINGS or name_lows[-1] in _PARTY_MEMBERS:
        return None  # "Ohio Secretary [of State …]", "the Ohio Democrat": a title, not a name
    if len(name_tokens) == 1 and not honorific and \
            _never_a_name(name_lows[0], alone=len(tokens) == 1):
        return None
    kind = "person"
    if named_with_the or not ORG_NAME_WORDS.isdisjoint(name_lows) or \
            len(name_lows) > 1 and name_lows[-1] in _CLUB_ENDINGS or (
            len(name_tokens) == 1 and name_tokens[0].isupper() and len(name_tokens[0]) <= 5
            and not honorific):
        kind = "organisation"
        if cut >= 0 and not honorific:
            name_tokens = tokens[:]
            title = ""
    if owned_by:  # "Valdoria's Transport Minister"; alone, the owner: "Liverpool"
        title = f"{owned_by} {title}" if title else owned_by[:-2]
    return _new_parts((title, " ".join(name_tokens), honorific, kind))


def last_name_sequence(text: str) -> re.Match[str] | None:
    """The capitalised sequence that ends text (ignoring trailing spaces), if any."""
    best = None
    # A name holds no comma, semicolon, colon or bracket: the last one is a safe place to start.
    start = max(text.rfind(","), text.rfind(";"), text.rfind(":"), text.rfind("(")) + 1
    for m in NAME_RE.finditer(text, start):
        best = m
    if best is None or text[best.end():].strip():
        return None
    return best


_ROLE_LEAD_RE = lazy_compile(
    r"^((?:(?i:the|a|an|another|one|his|her|its|their)|[A-Z][\w.\-]*(?:\s[A-Z][\w.\-]*){0,3}[’']s)"
    r"\s[^,]{2,80}),\s+(.+)$")
_HEAD_OF_RE = lazy_compile(r"^(?:the\s+)?(?:head|chief|leader|boss)\s+(of\s+.+)$", re.IGNORECASE)
_LEADING_DETERMINER_RE = lazy_compile(r"^(?:the|his|her|their|its|our|a|an)\s+", re.IGNORECASE)
_LEADING_AGE_RE = lazy_compile(r",\s*\d{1,3}(?=\s*,|\s*$)")


_NOMINAL_RE = lazy_compile(
    r"^(?P<det>(?:the|a|an|another|one|two|three|several|some|many|his|her|its|their|our|"
    rf"{NAME_WORD}[’']s?)\s+)?(?P<mods>(?:[\w’'\-\.]+\s+){{0,5}}?)(?P<head>[a-z][\w\-]*)"
    r"(?P<post>\s+(?:with|for|of|at|from|in|on|to|close to|familiar with)\s+.{1,80})?$",
    re.IGNORECASE)


_PREPOSITION_SPLIT_RE = lazy_compile(r"\s(?:of|for|at|in|on|with|from|to)\s")
_ROLE_HEADS = PERSON_NOUNS | TITLE_WORDS | ORG_NOUNS | frozenset("head boss".split())
_BEFORE_DETERMINER = frozenset("""about nearly almost around roughly only just some over more
less fewer than half all both of with for at from in on to by among""".split())
_NOT_IN_NOMINAL = frozenset(
    "and that which who but when if as while after before because since so then than".split())
_TRAILING_FUNCTION_WORDS_RE = lazy_compile(
    r"(?:\s+(?:with|of|for|and|the|a|an|to|in|at|on|by|from))+$", re.IGNORECASE)
# What may follow "to" in a role: "an adviser to the mayor", "… to former President Hale".
_AFTER_TO = ARTICLES_AND_POSSESSIVES | frozenset("former then two both".split())
_LEADING_PREPOSITIONS = frozenset(
    "in on at during after before from with by for under via through amid despite into "
    "following since".split())
_COLLECTIVES = frozenset("police staff management government parliament congress".split())


# Shares of a group that speak in poll stories: "63 percent said", "a majority of voters said".
_SHARE_HEADS = frozenset("percent majority minority plurality half third quarter".split())
_PERSON_OR_ORG_NOUNS = PERSON_NOUNS | ORG_NOUNS
_NOUN_HEADS = _PERSON_OR_ORG_NOUNS | _SHARE_HEADS
_POST_STARTS = frozenset("with for of at from in on to close familiar".split())


def _may_be_nominal(text: str, loose: bool) -> bool:
    """A cheap look before _NOMINAL_RE: its head is one of the first six words, followed by
    nothing or a preposition, and (unless loose with at most seven words) a speaking noun."""
    words = text.split(None, 7)
    if len(words) > 6 and _POST_STARTS.isdisjoint(map(str.lower, words[1:7])):
        return False
    if loose and len(words) <= 7:
        return True
    for word in words[:6]:
        low = word.lower()
        if low in _NOUN_HEADS or low[:-1] in _NOUN_HEADS:
            return True
    return False


def may_open_with_nominal(words: list[str]) -> bool:
    """False when parse_nominal(" ".join(words[:n])) is None for every n <= 6: none of the
    first six words, with commas trimmed from either end as parse_nominal may, is a speaking
    noun (the test _may_be_nominal makes of a phrase of at most six words)."""
    for word in words[:6]:
        forms = (word, word.strip(","), word.lstrip(","), word.rstrip(",")) if "," in word \
            else (word,)
        for form in forms:
            low = form.lower()
            if low in _NOUN_HEADS or low[:-1] in _NOUN_HEADS:
                return True
    return False


def _second_noun_phrase(mods: list[str]) -> bool:
    """Whether a determiner among the words before a noun opens a noun phrase of its own ("a
    man encourages his [mother]"), not one of a quantity or a preposition ("about a [third]",
    "one of the [group]")."""
    return any(word.lower() in ARTICLES_AND_POSSESSIVES and n and
               mods[n - 1].lower() not in _BEFORE_DETERMINER for n, word in enumerate(mods))


def parse_nominal(text: str, loose: bool = False) -> Phrase | None:
    """"A French diplomat with knowledge of the Paris talks", "the mayor", "Clinton's campaign"."""
    text = text.strip(" ,")
    if not _may_be_nominal(text, loose):
        return None
    m = _NOMINAL_RE.match(text)
    if not m or text.split(None, 1)[0].lower() in _LEADING_PREPOSITIONS:
        return None  # "In a statement [posted …]": an adverbial, not a speaker
    head = m.group("head").lower()
    if not m.group("det") and not m.group("mods"):
        if head not in _COLLECTIVES and (not head.endswith("s") or head not in PERSON_NOUNS
                                         and head[:-1] not in PERSON_NOUNS):
            return None  # only bare plurals speak: "campaigners said", "police said"
    mods = m.group("mods").split()
    post = (m.group("post") or "").split()
    if post[:1] == ["to"] and post[1][:1].islower() and post[1] not in _AFTER_TO:
        return None  # "officers to dig him out": an infinitive, not "an adviser to the mayor"
    inner = mods + post
    # A capitalised word is part of a name, no verb: "a State Department official". A second
    # determiner among the words before the noun opens another noun phrase: "a man encourages
    # his mother" is a clause.
    if not SPEECH_VERBS.isdisjoint(inner) or \
            not _NOT_IN_NOMINAL.isdisjoint(w.lower() for w in inner) or \
            _second_noun_phrase(mods):
        return None
    singular = head[:-1] if head.endswith("s") and head[:-1] in _PERSON_OR_ORG_NOUNS else head
    if singular in _SHARE_HEADS:
        return _share(text, m)
    if singular in ORG_NOUNS:
        kind = "organisation"
    elif singular in PERSON_NOUNS or loose and m.group("det") and \
            m.group("det").split()[0].lower() in ("the", "a", "an", "one", "another") and \
            len(text.split()) <= 7:
        kind = "anonymous"  # right before a speech verb any "a/the NOUN" speaks
    else:
        return None
    core = text[:m.start("post")] if m.group("post") else text
    role = _TRAILING_FUNCTION_WORDS_RE.sub("", (m.group("post") or "").strip())
    return _organisation_named(
        Phrase("nominal", core.strip(), role=role, entity_kind=kind, head=singular))


def _share(text: str, m: re.Match[str]) -> Phrase | None:
    """A share of a group as a speaker: a number of percent ("Only 52 percent", "63 percent of
    likely voters") or a share of people ("a majority of voters"); the whole phrase is its
    name."""
    post = (m.group("post") or "").lower().split()
    if post and (post[0] != "of" or len(post) > 5):
        return None  # a share "of" a short group: "of likely voters", "of the respondents"
    if not any(ch.isdigit() for ch in m.group("mods")) and not (
            post and (post[-1] in PERSON_NOUNS or post[-1][:-1] in PERSON_NOUNS)):
        return None  # "half the time", "a majority", "most of the day"
    return Phrase("nominal", text, entity_kind="anonymous", head=m.group("head").lower())


_LEADING_THE_RE = lazy_compile(rf"^the\s+(?=[{UPPER}])")


def _name_with_context(body: str) -> tuple[re.Match[str], NameParts, str, str, str] | None:
    """The name sequence of body whose left is only descriptors and right only a tail or an
    appositive: (its match, its parts, the descriptors before it, its tail, its appositive)."""
    for first in NAME_RE.finditer(body):
        prefix = body[:first.start()].strip()
        prefix_text = _LEADING_DETERMINER_RE.sub("", prefix) if prefix else ""
        if prefix_text and len(prefix_text.split(None, 7)) == 8:
            break  # role_before takes at most seven words: this and later prefixes are longer
        # Nothing but spaces before the name: no descriptors (role_before would say "").
        before = role_before(body, first.start()) if prefix_text else ""
        if prefix_text and len(before) < len(prefix_text):
            continue
        parts = split_name(first.group(0))
        if parts is None:
            continue
        tail, pos = name_tail(body, first.end())
        age = _LEADING_AGE_RE.match(body, pos)  # "Quina Jones, 25, said"
        if age:
            pos = age.end()
        rest = body[pos:].strip()
        appos = ""
        if rest:
            if not rest.startswith(","):
                continue
            appos = appositive_after(body, pos, len(body))
            if not appos:
                continue
        return first, parts, before, tail, appos
    return None


# "NBC’s Dante Chinni", "the Gazette's Ann Marsh": a capitalised owner before a name.
_OWNER_RE = lazy_compile(
    rf"^(?:the\s+)?([{UPPER}][\w.&-]*(?:\s+[{UPPER}][\w.&-]*){{0,3}})[’']s\s+(?=[{UPPER}])")


def _owned_name(text: str) -> Phrase | None:
    """A person named after the organisation they work for, in the possessive: the person, with
    the organisation as their role."""
    owner = _OWNER_RE.match(text)
    if owner is None:
        return None
    inner = _name_phrase(text[owner.end():])
    if inner is None or inner.entity_kind != "person" or " " not in inner.text:
        return None
    return Phrase("name", inner.text, role=combine_role(owner.group(1), inner.role),
                  honorific=inner.honorific, entity_kind="person")


def parse_name_phrase(text: str) -> Phrase | None:
    """A whole phrase that is a name, possibly with titles, roles and appositives around it:
    "The head of NATO, Secretary-General Piet Varo", "Lena Morrow, head of X, a think
    tank", "Representative Dana K. Holt of Ohio", "IMF chief economist Tarik Osei"."""
    phrase = _name_phrase(text)
    return phrase.copy() if phrase is not None else None


# A quote's cue and the sentence's reported speech, and the suffixes a subject is looked for in,
# read the same phrases again: a quarter of the calls.
@lru_cache(maxsize=2048)
def _name_phrase(text: str) -> Phrase | None:
    text = text.strip(" ,")
    if not text or text.isascii() and text.islower():
        return None  # no capital, no name
    if "," in text and text.split(None, 1)[0].lower() in _LEADING_PREPOSITIONS:
        return None  # "In Paris, the minister": where, then who; the caller reads the rest
    if "s " in text:
        owned = _owned_name(text)
        if owned is not None:
            return owned
    bare = NAME_RE.match(text)
    if bare is not None and bare.end() == len(text):  # a bare name: no context to read
        parts = split_name(text)
        if parts is None:
            return None
        return Phrase("name", parts.name, role=combine_role(parts.title) if parts.title else "",
                      honorific=parts.honorific, entity_kind=parts.kind)
    lead = ""
    body = text
    # "ROLE, NAME" with ROLE starting with a determiner.
    m = _ROLE_LEAD_RE.match(text) if "," in text else None
    # "His mother Lucy, 32, of …": an age after the comma belongs to a name before it.
    if m and not m.group(2)[:1].isdigit() and NAME_RE.search(m.group(2)) and \
            not parse_nominal(m.group(2).split(",")[0]) and \
            any(_POSSESSIVE_RE.sub("", w.lower()) in _ROLE_HEADS
                for w in _PREPOSITION_SPLIT_RE.split(m.group(1), 1)[0].split()):
        lead, body = m.group(1), m.group(2)
    if body.startswith("the"):
        body = _LEADING_THE_RE.sub("", body)
    found = _name_with_context(body)
    if found is None:
        return None
    first, parts, before, tail, appos = found
    title = parts.title
    pre = " ".join(x for x in (before, title) if x)
    if lead:
        head = _HEAD_OF_RE.match(lead)
        if head and pre:
            pre = f"{pre} {head.group(1)}"
        else:
            pre = combine_role(lead, pre)
    if tail and tail.startswith("of "):
        pre = f"{pre} {tail}" if pre else tail
        tail = ""
    role = combine_role(pre, tail, appos)
    kind = parts.kind
    if kind == "person" and not parts.title and before and \
            before.split()[-1].lower() in ORG_NOUNS:
        kind = "organisation"  # "consumer group Fair Meter", "the shipping firm Holt Lines"
    return _organisation_named(Phrase("name", parts.name, role=role, honorific=parts.honorific,
                                      entity_kind=kind))


# The rest of a name in a role after its head noun: part of the organisation's name.
_ORGANISATION_TAIL_RE = lazy_compile(rf"^{NAME_GOES_ON}[{UPPER}][^,;(]*")
_ORGANISATION_HEADS = ORG_NAME_WORDS | ORG_NOUNS


def _organisation_named(phrase: Phrase) -> Phrase:
    """"The Department" with "of Health" after it is the Department of Health, and "Royal
    College" with "of General Practitioners" the Royal College of General Practitioners: an
    organisation's name goes on past its head noun, where a person's "of Ohio" is a role."""
    words = phrase.text.split()
    if not words or not words[-1][:1].isupper() or \
            words[-1].lower().rstrip("’'s") not in _ORGANISATION_HEADS:
        return phrase
    tail = _ORGANISATION_TAIL_RE.match(phrase.role)
    if tail is None:
        return _described_organisation(phrase, words)
    if words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    rest = phrase.role[tail.end():].strip(" ,")
    return Phrase("name", " ".join([*words, tail.group(0).strip()]), role=rest,
                  entity_kind="organisation")


def _described_organisation(phrase: Phrase, words: list[str]) -> Phrase:
    """"The conservative-leaning Tax Foundation": a description of an organisation its name
    closes is that organisation, the words before its name its role."""
    start = len(words)
    while start > 0 and words[start - 1][:1].isupper():
        start -= 1
    described = [w for w in words[:start] if w.lower() not in ("the", "a", "an")]
    if len(words) - start < 2 or not described or any(w[:1].isupper() for w in described):
        return phrase
    return Phrase("name", " ".join(words[start:]), role=combine_role(" ".join(described),
                  phrase.role), entity_kind="organisation")


_OF_NAME_RE = lazy_compile(
    rf"\s+{NAME_GOES_ON}[{UPPER}][\w'’-]*(?:\s+(?:and\s+)?[{UPPER}][\w'’-]*)*")


def organisation_name_at(text: str, name: re.Match[str]) -> tuple[str, int] | None:
    """The full name of the organisation a capitalised run found in text begins, and where the
    name ends in text, when the run ends in an organisation's head noun and the name goes on
    ("of"/"for"/"to" and capitalised words, "and" among them): "The Bank of Tessaly", "the
    Department of Health and Human Services"."""
    words = name.group(0).split()
    if words[0].lower() == "the":
        words = words[1:]
    if not words or words[-1].lower().rstrip("’'s") not in _ORGANISATION_HEADS:
        return None
    tail = _OF_NAME_RE.match(text, name.end())
    if tail is None:
        return None
    return " ".join(words) + tail.group(0).replace("\n", " ").rstrip(), tail.end()


def organisation_at(text: str, name: re.Match[str]) -> Phrase | None:
    """The organisation a capitalised run found in text begins (`organisation_name_at`)."""
    found = organisation_name_at(text, name)
    return None if found is None else Phrase("name", found[0], entity_kind="organisation")
