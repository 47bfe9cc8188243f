"""Attribution cues around one quote: `"…," X said`, `said X, ROLE`, `X said: "…"`, `X said that
… "…"`, "according to X", and the subject of a sentence when no cue is spoken."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import lru_cache
from operator import attrgetter, itemgetter

from mypy_extensions import mypyc_attr

from ..lexicon import (
    AUXILIARIES,
    ORG_NOUNS,
    PAST_SPEECH_FORMS,
    SPEECH_LEMMAS,
    SPEECH_VERBS,
    TITLE_SMALL_WORDS,
)
from ..patterns import any_word, lazy_compile
from ..text.furniture import PICTURE_PLACES
from ..text.sentences import last_boundary
from .name_patterns import NAME_RE
from .names import (
    Phrase,
    last_name_sequence,
    may_open_with_nominal,
    organisation_at,
    parse_name_phrase,
    parse_nominal,
)
from .phrases import (
    LEADING_CONNECTIVE_RE,
    described_name,
    organisation_with_and,
    parse_object,
    parse_subject,
)
from .roles import FINITE_VERB_RE, name_tail, role_before

_SOURCE_END_RE = lazy_compile(r"(?=[.;:!?\"“”«»])(?:[.;:!?](?:\s|$)|[\"“”«»])")
# "according to the State Department, which said …": the source ends before its clause
_SOURCE_WORDS = 24  # words of a source and what the sentence says of it
_RELATIVE_AFTER_SOURCE = lazy_compile(r",?\s+(?:which|who|that)\s")
_WORD_JOINERS = frozenset("-’'")
_PASSIVE_END_RE = lazy_compile(r"\b(?:was|were|is|are|been)\s*$")
_LEAD_PRONOUN_RE = lazy_compile(r"(he|she|they|we|i)\b", re.IGNORECASE)
_APPOSITIVE_TAIL_RE = lazy_compile(r"(?:\s*\([^()]{1,30}\))?,[^,]{1,160},")
_ROLE_THEN_NAME_RE = lazy_compile(
    r"((?:the|a|an|another|one|his|her|its|their)\s[^,]{2,80},\s+[^,]{2,120}),", re.IGNORECASE)
# A description set before the name that is the sentence's subject, no comma after the name:
# "Now the highest-ranking prosecutor in the land, Lynch rose …", "A former pilot, Ivo Brand
# runs …".
_FRONTED_ROLE_RE = lazy_compile(
    r"(?i:(?:now|once|then|still|already|also|long)\s+)?(?i:the|a|an|another|his|her|their)\s"
    r"[^,]{2,80},\s+(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s+(?=[a-z])")
_POSSESSIVE_ROLE_THEN_NAME_RE = lazy_compile(
    r"([A-Z][\w.\-]*(?:\s[A-Z][\w.\-]*){0,3}[’']s\s[^,]{2,80},\s+[A-Z][^,]{1,120}),")
# A speech verb that someone else is said to be going to use: "said it would tell", "says the
# museum will tell": its subject is not who speaks the quote.
_PROJECTED_SPEECH_RE = lazy_compile(
    r"\b(?:said|says|say|told|tells|promised|predicted|added|declared)\s+(?:that\s+)?"
    r"(?:it|he|she|they|we|the\s+\w+)\s+(?:would|will|could|might|may|can|should)"
    r"\s+(?:also\s+|not\s+|one\s+day\s+)?$")
# One of a group that said something, named just before the quote: "several mayors have said
# the same, including the former governor Jo Rand -- '…'".
_NAMED_MEMBER_RE = lazy_compile(
    r"\b(?:including|among them|such as|notably)\s+(?P<who>[^,;:—–]{2,80}?)\s*(?:--|[—–:])\s*$")
_QUOTE_CHARS = "\"'“”‘’«»"
_CAPS_HEADING_RE = lazy_compile(r"^[A-Z][A-Z’'\-,]*(?:\s+[A-Z][A-Z’'\-,]*)+\s*[—–:-]\s*")
# A run-in heading in title case, its text following (not a speaker's quote: "President Ana
# Ruiz: “…”").
_TITLE_HEADING_RE = lazy_compile(
    r"^(?:[A-Z][\w’'\-]*\s+){2,}[A-Z][\w’'\-]*:\s+(?=[^\s\"“'‘«])")
# A caption's label in sentence case: "Bad memories: The reason …", "Starting young: Noah …".
_CAPTION_LABEL_RE = lazy_compile(r"^[A-Z][a-z’'\-]+(?:\s+[a-z][\w’'\-]*){1,3}:\s+(?=[A-Z])")
_LEADING_NUMBER_RE = lazy_compile(r"^(?:\d[\d,]*,\s*)+")
# A determiner and a singular name right before a verb's bare form: "a Donald Trump [tweet]"
# (a singular subject would take "tweets").
_NAMED_NOUN_RE = lazy_compile(
    r"\b(?:a|an|another|the|this|that)\s+(?:[A-Z][\w.’'\-]*\s+){0,2}[A-Z][\w.’'\-]*(?<![sS])\s+$")
# Past forms are never nouns: "an official said", "Hale's told them" (has told).
_NOUN_MARKERS = frozenset(
    "the a an his her its their our my your this that these those of following first last "
    "latest brief written public official formal other such further numerous various".split())


# "put" speaks only as "put it" ("as the minister put it, …"), the one two-word speech verb.
# Verbs that speak only with "back": "“Not so,” she fired back".
BACK_VERBS = frozenset("fired fires shot shoots hit hits".split())
_VERB_WORDS = SPEECH_VERBS | BACK_VERBS | {"According", "according", "put"}


@mypyc_attr(native_class=False)  # a native class cannot extend tuple
class _Verb(tuple):
    """A speech verb found in text, (start, end, word): a light stand-in for a regex match,
    built in C (no Python-level __init__)."""

    __slots__ = ()
    word = property(itemgetter(2))

    def start(self) -> int:
        return self[0]

    def end(self) -> int:
        return self[1]

    def group(self, _: int = 0) -> str:
        return self[2]


def _speech_verbs(text: str, limit: int | None = None,
                  words: frozenset[str] = _VERB_WORDS) -> list[_Verb]:
    """Speech verbs (or the given verbs, with "According"), "put it" and "according to" in
    text, found by one scan for any of the words. Capitalised words are never verbs here ("the
    United States"), except "According"."""
    found: list[_Verb] = []
    end = len(text) if limit is None else min(limit, len(text))
    for m in any_word(words).finditer(" " + text, 0, end + 1):
        s, e, word = m.start(), m.end() - 1, m[1]
        if word in ("According", "according"):
            if text.startswith(" to", e):
                found.append(_Verb((s, e + 3, "according to")))
            continue
        if word in BACK_VERBS:
            if text.startswith(" back", e) and not text[e + 5:e + 6].isalpha():
                found.append(_Verb((s, e + 5, f"{word} back")))
            continue
        if word == "put":
            if text.startswith(" it", e) and not text[e + 3:e + 4].isalpha() and \
                    text[s - 1:s] != "-":
                found.append(_Verb((s, e + 3, "put it")))
            continue
        if s and text[s - 1] in _WORD_JOINERS or \
                text[e:e + 1] in _WORD_JOINERS or text[s - 1:s].isalpha():
            continue  # so-called, said's, Said
        if word[:5] == "think" and text.startswith(" tank", e):
            continue  # "a liberal think tank"
        if word in ("state", "states") and text[e + 1:e + 2].isupper():
            continue  # "state Sen. Jo Hill", "United States Senate": not the verb
        before = text[max(0, s - 12):s].split()
        if before and word not in PAST_SPEECH_FORMS and (
                before[-1].lower() in _NOUN_MARKERS or before[-1].endswith(("’s", "'s"))):
            continue  # "the offer", "a flurry of tweets", "Trump's tweet": a noun
        if word in SPEECH_LEMMAS and before and before[-1][:1].isupper() and \
                _NAMED_NOUN_RE.search(text, max(0, s - 60), s):
            continue  # "a Donald Trump tweet", "the White House answer": a noun
        if word in SPEECH_LEMMAS and len(before) > 1 and before[-2].lower() in ("a", "an"):
            continue  # "an alarming report found": one thing, so no verb in its base form
        found.append(_Verb((s, e, word)))
    return found


_LEAD_RE = lazy_compile(r"^[\s,;—–―\-]*")
_DASH_RE = lazy_compile(r"^\s*[―—–]\s*")
_INTRO_WORDS = frozenset("""
after in during when while as since although though if because before on at for with by despite
speaking following under over unlike like until once asked earlier later last this meanwhile
still yet but and so also however instead now then from amid given writing addressing talking
""".split())
_TRAILING_AUX_RE = lazy_compile(
    r"(?:\s+(?:" + "|".join(sorted(AUXILIARIES, key=len, reverse=True)) +
    r"|(?!(?:family|assembly|rally|ally|supply|monopoly|anomaly|italy|july|daily|weekly|only)\b)"
    r"[a-z]+ly))+\s*$")


@dataclass(slots=True)
class Cue:
    phrase: Phrase | None
    cue: str
    strength: int  # 2: spoken cue next to or around the quote; 1: sentence subject only
    lead: str = ""  # for a pronoun before the quote: the words of its sentence before it

    def copy(self) -> Cue:
        """A new Cue with the same fields, its phrase copied too."""
        copy = Cue(*_cue_fields(self))
        if copy.phrase is not None:
            copy.phrase = copy.phrase.copy()
        return copy


_cue_fields = attrgetter(*(f.name for f in fields(Cue)))  # all of them, in order


def _strip_aux(text: str) -> str:
    last = text.rsplit(None, 1)[-1:]
    if not last or last[0] not in AUXILIARIES and not last[0].endswith("ly"):
        return text  # the regex strips whole trailing words: none of them ends text
    # The regex is tried at every space: read the last three words first, the whole text only
    # when the run of stripped words may start before them.
    parts = text.rsplit(None, 3)
    if len(parts) == 4:
        cut = len(parts[0])  # where the spaces before the last three words start
        m = _TRAILING_AUX_RE.search(text, cut)
        if m is None or m.start() > cut:
            return text if m is None else text[:m.start()] + text[m.end():]
    return _TRAILING_AUX_RE.sub("", text)


def after_cue(after: str) -> Cue | None:
    """`"…," X said`, `"…," said X, ROLE`, `"…," according to X`, `"…" ― X`."""
    cue = _after_cue(after)
    return cue.copy() if cue is not None else None


@lru_cache(maxsize=1024)  # memo of the pure reading; callers get a copy they may change
def _after_cue(after: str) -> Cue | None:
    if not after:
        return None  # a quote that ends its sentence or paragraph
    dash = _DASH_RE.match(after)
    lead = _LEAD_RE.match(after)
    rest = after[lead.end():] if lead else after
    if dash and NAME_RE.match(rest):
        phrase = parse_object(rest)
        return Cue(phrase, "―", 2) if phrase else None
    verbs = _speech_verbs(rest, 170)
    if not verbs or verbs[0].start() > 160:
        return None
    m = verbs[0]
    verb = m.word
    if m.start() == 0:
        phrase = parse_object(rest[m.end():])
        if phrase is None and verb == "according to":
            phrase = _source_description(rest[m.end():])
        return Cue(phrase, verb, 2) if phrase else None
    pre = _strip_aux(rest[:m.start()]).strip(" ,")
    organisation = organisation_with_and(pre, whole=True) if verb != "according to" else None
    if organisation is not None:  # "the Centre for Roads and Transport said": no boundary
        return Cue(organisation, verb, 2)
    if not pre or last_boundary(pre) or verb == "according to":
        return _closing_attribution(rest, verbs)
    phrase = _whole_subject(pre)
    if phrase is None:
        return _closing_attribution(rest, verbs)
    return Cue(phrase, verb, 2)


def _closing_attribution(rest: str, verbs: list[_Verb]) -> Cue | None:
    """`… "quote" is held accountable, Warren said.`: a short `, X said` closing the sentence
    attributes all of it."""
    m = verbs[-1]
    if m.word == "according to" or len(rest) - m.end() > 40:
        return None
    comma = rest.rfind(",", 0, m.start())
    if comma < 0:
        return None
    tail = rest[m.end():]
    if _speech_verbs(tail) or "," in tail.strip(" .!?"):
        return None
    phrase = _whole_subject(_strip_aux(rest[comma + 1:m.start()]).strip(" ,"))
    return Cue(phrase, m.word, 2) if phrase else None


def _source_description(text: str) -> Phrase | None:
    """Whatever follows "according to" is the source, a document as often as a person:
    "according to a civil complaint filed by the SEC"."""
    text = _SOURCE_END_RE.split(text.strip(), 1)[0]
    if len(text.split()) > _SOURCE_WORDS:
        return None  # a run-on, no source
    text = _RELATIVE_AFTER_SOURCE.split(text, 1)[0].strip(" ,.;:")
    words = text.split()
    if not words or not words[0][:1].isalnum():
        return None
    kind = "organisation" if any(w.lower() in ORG_NOUNS for w in words) else "anonymous"
    return Phrase("nominal", text, entity_kind=kind, head=words[-1].lower())


def _whole_subject(pre: str) -> Phrase | None:
    low = pre.lower()
    if low in ("he", "she", "they", "we", "i", "it"):
        return Phrase("pronoun", low)
    # "Dunmore Museum chief diver Ada Moss [said]": a name after words its role is made of
    return parse_name_phrase(pre) or parse_nominal(pre, loose=True) or described_name(pre)


# The doer of an absolute clause before its verb: "…, with Democrats [accusing him of …]".
WITH_DOER = lazy_compile(
    r"\bwith\s+(?P<who>[^,;:—–―()]{2,60}?)(?:\s+[—–―][^—–―]{2,120}[—–―])?\s*$")


# Where the last clause of its own subject opens: "…, while", "…; and".
_LAST_CLAUSE = lazy_compile(r".*(?:,\s+(?:and|but|while|whereas)|;|\s(?:while|whereas))\s+",
                            re.DOTALL)
# "…, who says": the verb's subject is the relative pronoun, whose antecedent ends the words
# before it, after the picture's directions a caption puts there ("Julia, left, who says").
_WHO_OPENS = lazy_compile(r",?\s+who\s*$")
_PICTURE_DIRECTION = lazy_compile(rf",\s+(?:{PICTURE_PLACES})\s*$")
_LAST_PREPOSITION = lazy_compile(r".*\b(?:by|with|to|from|for|of|and|as)\s+", re.DOTALL)


def _who_it_is(antecedent: str) -> Phrase | None:
    """The person a relative "who" refers to: the name or description ending the words
    before it ("sued by a Ukrainian singer who claims …", "Julia, left, who says …")."""
    antecedent = _PICTURE_DIRECTION.sub("", antecedent.rstrip())
    named = last_name_sequence(antecedent)
    if named is not None:
        return parse_name_phrase(named.group(0))
    cut = _LAST_PREPOSITION.match(antecedent)
    tail = antecedent[cut.end():] if cut else antecedent
    phrase = parse_nominal(tail)
    return phrase if phrase is not None and tail[:1].islower() else None


def before_cue(before: str) -> Cue | None:
    """`X said: "…"`, `X said that … "…"`, `according to X, "…"`."""
    cue = _before_cue(before)
    return cue.copy() if cue is not None else None


@lru_cache(maxsize=1024)  # a sentence is read again when a later pronoun looks back at it
def _before_cue(before: str) -> Cue | None:
    if not before or before.isspace():
        return None  # a quote opening its sentence: no verb, no subject
    if before.rstrip().endswith(("--", "—", "–", ":")):
        named = _NAMED_MEMBER_RE.search(before, max(0, len(before) - 120))
        phrase = parse_name_phrase(named.group("who")) if named else None
        if phrase is not None:  # "…, including the former governor Jo Rand -- '…'"
            return Cue(phrase, ":", 2)
    for m in reversed(_speech_verbs(before)[-4:]):
        verb = m.word
        if m.start() > 0 and before[m.start() - 1] == "-":
            continue
        if verb == "according to":
            source = before[m.end():].split(",")[0]
            phrase = parse_object(source) or _source_description(source)
            if phrase:
                return Cue(phrase, verb, 2)
            continue
        if _PROJECTED_SPEECH_RE.search(before, max(0, m.start() - 60), m.start()):
            continue  # "said it would tell a story of '…'": the words are the first speaker's
        unstripped = before[:m.start()]
        pre = _strip_aux(unstripped)
        if not pre.strip():
            # Inverted: `said Jones: "…"` or a verb opening the sentence.
            phrase = parse_object(before[m.end():].strip(" :,"))
            if phrase:
                return Cue(phrase, verb, 2)
            continue
        if verb.endswith("ing") and not _PASSIVE_END_RE.search(pre[-12:]) and \
                not _PASSIVE_END_RE.search(unstripped[-12:]):
            # "…, calling it …": the sentence's subject speaks; "X is calling it …" reads as
            # "X called it" below.
            absolute = WITH_DOER.search(pre, max(0, len(pre) - 200))
            if absolute:  # "…, with one commenter musing: '…'": the commenter
                who = absolute.group("who")
                phrase = parse_subject(who) or parse_nominal(who, loose=True)
                if phrase:
                    return Cue(phrase, verb, 2)
            last = last_name_sequence(pre) if not pre.rstrip().endswith(",") else None
            phrase = parse_name_phrase(last.group(0)) if last is not None else None
            if phrase is None:
                clause = _LAST_CLAUSE.match(pre)
                # "X said …, while Joan Smith caused a storm by labelling Kate '…'": Smith
                phrase = sentence_subject(pre[clause.end():]) if clause else None
            phrase = phrase or sentence_subject(before)
            if phrase:
                return Cue(phrase, verb, 2)
            continue
        relative = _WHO_OPENS.search(pre, max(0, len(pre) - 12))
        phrase = _who_it_is(pre[:relative.start()]) if relative else parse_subject(pre)
        if phrase is None and pre.rstrip().endswith(","):
            # Inverted after a clause: "Most couples sign a form, said Dr. Ann Cole, who …"
            inverted = parse_object(before[m.end():].strip(" :,"))
            if inverted is not None and inverted.kind == "name":
                return Cue(inverted, verb, 2)
        if phrase is not None:
            lead = ""
            if phrase.kind == "pronoun":
                cut = pre.rstrip(" ,").lower().rfind(phrase.text)
                lead = pre[:cut] if cut > 0 else ""
            return Cue(phrase, verb, 2, lead)
    stripped = before.rstrip()
    if stripped.endswith(":"):
        phrase = sentence_subject(before)
        if phrase:
            return Cue(phrase, ":", 2)
    if before.strip():
        phrase = sentence_subject(before)
        if phrase:
            return Cue(phrase, "", 1)
    return None


# A work's title in quotes opening what is left of a sentence: capitalised words (and the small
# words titles keep in lower case), closed by the quote and a comma.
_TITLE_WORD = rf"(?:[A-Z][\w'’-]*|{'|'.join(sorted(TITLE_SMALL_WORDS))})"
_QUOTED_TITLE_RE = lazy_compile(
    rf"(?:''|[\"“‘]){_TITLE_WORD}(?:\s+{_TITLE_WORD}){{0,9}},?(?:''|[\"”’]),?\s+")


# A word ending in "-ed" before one of these, or any word before "by", opens a participle
# clause ("Chastened by the analyses, Trump revised his plan", "Stung by …"), not the
# sentence's subject.
_PARTICIPLE_OBJECTS = frozenset("by with at about over from".split())


def sentence_subject(sentence: str) -> Phrase | None:
    """The first noun phrase of a sentence after any introductory clause."""
    s = LEADING_CONNECTIVE_RE.sub("", sentence.strip()[:300], 1)
    first, second = (s.split(None, 2) + ["", ""])[:2]
    if (first.lower().strip(",") in _INTRO_WORDS or first.endswith("ly,") and len(first) > 7
            or first.endswith("ing") and first[:1].isupper()
            or second == "by" or first.endswith("ed") and second in _PARTICIPLE_OBJECTS) \
            and "," in s:
        s = s.split(",", 1)[1].strip()  # "After the vote, …", "Ironically, …"
    title = _QUOTED_TITLE_RE.match(s)
    if title:  # "In his book, “Make Your Kid a Millionaire,” Mr. McKinley suggested …"
        s = s[title.end():]
    s = s.lstrip(_QUOTE_CHARS + " ")
    s = _LEADING_NUMBER_RE.sub("", s)  # "On July 6, 2015, …"
    s = _CAPS_HEADING_RE.sub("", s)  # "CONGRESS HAS INVESTIGATED HIM — Oz’s advice …"
    s = _TITLE_HEADING_RE.sub("", s)  # "Ferry Fares Hit Islanders: Raising the price …"
    label = _CAPTION_LABEL_RE.match(s)
    if label and SPEECH_VERBS.isdisjoint(label.group(0).rstrip(": ").split()[1:]):
        s = s[label.end():]  # "Bad memories: The reason …" (not "Police said: The …")
    m = _LEAD_PRONOUN_RE.match(s)
    if m:
        return Phrase("pronoun", m.group(1).lower())
    # "The researcher, Dr. Amy Tan of X, put it bluntly"; "Brightwater's chief executive, Adrian
    # Kessel, said": the person named after the role, not the owner of the possessive.
    lead = _ROLE_THEN_NAME_RE.match(s) or _POSSESSIVE_ROLE_THEN_NAME_RE.match(s)
    if lead and not FINITE_VERB_RE.search(lead.group(1).split(",", 1)[0]):
        candidate = parse_name_phrase(lead.group(1))
        if candidate is not None:
            return candidate
    fronted = _FRONTED_ROLE_RE.match(s)
    if fronted:
        candidate = parse_name_phrase(fronted.group("name"))
        if candidate is not None:
            return candidate
    name = None
    for m in NAME_RE.finditer(s, 0, 160):
        prefix = s[:m.start()].strip()
        if prefix and len(role_before(s, m.start())) < len(prefix):
            break
        name = m
    if name is not None:
        if sum(1 for w in name.group(0).split() if w.isupper() and len(w) > 3) >= 2:
            return None  # a headline in capitals
        end = name.end()
        tail = _APPOSITIVE_TAIL_RE.match(s, end)
        if tail:
            candidate = parse_name_phrase(s[:end + tail.end()])
            if candidate:
                return candidate
        if s[end - 2:end] in ("’s", "'s"):
            rest = s[end:].split()
            for n in range(min(3, len(rest)), 0, -1):
                nominal = parse_nominal(s[:end] + " " + " ".join(rest[:n]))
                if nominal is not None:  # "Naomi's attorney": the attorney, not Naomi
                    return nominal
        tail_end = name_tail(s, end)[1]
        return parse_name_phrase(s[:tail_end]) or organisation_at(s, name)
    words = s.split()
    if not may_open_with_nominal(words):
        return None
    for n in range(min(6, len(words)), 0, -1):
        nominal = parse_nominal(" ".join(words[:n]))
        if nominal:
            return nominal
    return None
