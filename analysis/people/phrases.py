"""The speaker phrase on either side of a speech verb: the subject before it ("Lena Morrow,
head of …, [said]", "he [said]", "the diplomat [said]") and the object after an inverted verb
("[said] Nora O'Dea, professor of …")."""

from __future__ import annotations

import re

from ..lexicon import ARTICLES_AND_POSSESSIVES, SUBORDINATORS
from ..patterns import lazy_compile
from .name_patterns import ABBR_WORDS, NAME_RE, NAME_WORD, UPPER
from .names import (
    Phrase,
    last_name_sequence,
    organisation_name_at,
    parse_name_phrase,
    parse_nominal,
    split_name,
)
from .roles import combine_role

# Every alternative opens with a literal character, so the regex engine skips in C to where one
# stands; the word boundary before "that", "and", … is checked after that first letter (the
# character before it is no word character: "(?<!\w.)").
_CLAUSE_CUT_RE = lazy_compile(
    r",\s+|;\s+|t(?<!\w.)hat\s+|a(?<!\w.)(?:nd|s|fter)\s+|b(?<!\w.)(?:ut|efore|ecause)\s+"
    r"|w(?<!\w.)h(?:ile|ereas|en)\s+|u(?<!\w.)ntil\s+|—\s*|–\s*|―\s*")
_OBJECT_PRONOUN_RE = lazy_compile(r"^(he|she|they|we|i|it)\b", re.IGNORECASE)
_LEADING_ADVERBIAL_RE = lazy_compile(r"^(?:on|in|at|during|last|this|late|early)\s+[^,]*?,\s*")
_TRAILING_PARTICIPLE_RE = lazy_compile(r"^([^,]{2,120}),\s+[a-z]+(?:ing|ed)\b[^,]{0,160}$")
# What a time after a subject ends with: "on Tuesday", "late Friday night", "last week",
# "today" and "tonight" (whose endings are listed too).
_TIME_WORDS = ("day", "night", "week", "month", "year", "morning", "afternoon", "evening",
               "weekend")
_TRAILING_TIME_RE = lazy_compile(
    r"(?:,?\s+(?:on|late|early|last|this|earlier|later)(?:\s+(?:on|in|this|last|that))?"
    rf"(?:\s+\w*(?:{'|'.join(_TIME_WORDS)})){{1,2}}"
    r"|\s+(?:yesterday|today|tonight))$", re.IGNORECASE)
_PLACE_PREPOSITIONS = frozenset("in at on to from into near for with across outside".split())
_RELATIVE_CLAUSE_RE = lazy_compile(r"^([^,]{2,80}),\s+(?:who|whose|whom)\s")
_TAIL_PRONOUN_RE = lazy_compile(r"(?:^|[\s,(])(he|she|they|we|i|it)$", re.IGNORECASE)


# A connective opening a sentence is no part of its subject: "But critics said", "And the
# mayor added", "However prosecutors told the court".
LEADING_CONNECTIVE_RE = lazy_compile(
    r"^(?:but|and|however|meanwhile|still|yet|so|also|instead|now|then|indeed|moreover|"
    r"furthermore|nonetheless|nevertheless|separately|besides|plus|thus)\b,?\s+", re.IGNORECASE)


# A setting that opens a sentence with no comma after it, before a subject of its own.
_OPENING_SETTING_RE = lazy_compile(
    r"(?:during|after|before|in|at|on|following|throughout|outside|inside)\s+"
    r"(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+|its\s+)?[\w'’-]+(?:\s+[\w'’-]+)?\s+"
    r"(?=(?:the|a|an|his|her|their)\s)", re.IGNORECASE)


def parse_subject(text: str) -> Phrase | None:
    """The speaker phrase at the end of text (the words before a speech verb)."""
    text = text.rstrip(" ,")[-300:]
    if text[:1] in "BAHMSYIPTNFbahmsyiptnf":  # the connectives' first letters: a cheap test
        text = LEADING_CONNECTIVE_RE.sub("", text.lstrip(), 1)
    if not text:
        return None
    if text.endswith(_TIME_WORDS):  # "Sanders on Tuesday [said]": Sanders
        untimed = _TRAILING_TIME_RE.sub("", text)
        if "," not in untimed:  # not "Obama, opening the museum on Saturday, [said]"
            text = untimed
    tail_word = _TAIL_PRONOUN_RE.search(text[-8:])
    if tail_word:
        return Phrase("pronoun", tail_word.group(1).lower())
    relative = _RELATIVE_CLAUSE_RE.match(text)
    if relative and parse_name_phrase(text) is None:
        # "One crane driver, who asked not to be named, [said]": the nominal before the clause.
        phrase = parse_nominal(relative.group(1), loose=True)
        if phrase is not None:
            return phrase
    organisation = organisation_with_and(text)
    if organisation is not None:
        return organisation
    found = list(_CLAUSE_CUT_RE.finditer(text))
    # A clause joined by "but", ", and", ";" or a dash has a subject of its own: "X, who …, did
    # not comment, but his agent, Marco Bellini, [said]" is the agent's.
    joined = [m.end() for m in found if m.group(0)[0] in "b;—–―" or
              m.group(0)[0] == "a" and text[:m.start()].rstrip().endswith(",")]
    cuts = joined[-1:] + [0] + [m.end() for m in found]
    for cut in cuts:  # the last joined clause, then the longest valid suffix first
        candidate = text[cut:].strip()
        if not candidate or len(candidate) > 260:
            continue
        for parse in (parse_name_phrase, parse_nominal):
            phrase = parse(candidate)
            if phrase is not None:
                if parse is parse_nominal:
                    return _name_after_setting(text, cut, found) or \
                        _one_described(text, cut, found, phrase)
                return phrase
    setting = _OPENING_SETTING_RE.match(text)
    if setting:  # "During the trial the woman [told the court]": the woman
        phrase = parse_nominal(text[setting.end():])
        if phrase is not None:
            return phrase
    participle = _TRAILING_PARTICIPLE_RE.match(text)  # "Hale, speaking in Lisbon, [said]"
    if participle:
        phrase = parse_name_phrase(participle.group(1)) or parse_nominal(participle.group(1))
        if phrase is not None:
            return phrase
    last = last_name_sequence(text)  # "footage of Trump [saying]"
    before_last = text[:last.start()].split()[-1:] if last is not None else []
    if last is not None and not (before_last and before_last[0].lower() in _PLACE_PREPOSITIONS):
        parts = split_name(last.group(0))
        if parts is not None and parts.kind == "person":
            return Phrase("name", parts.name, role=parts.title, honorific=parts.honorific)
    return None


def organisation_with_and(text: str, whole: bool = False) -> Phrase | None:
    """The organisation named at the end of text (or by all of it, less "the") when its name
    holds an "and", where a clause would otherwise be cut ("the Department of Health and Human
    Services": "Human Services" is no person)."""
    if " and " not in text[-60:]:
        return None
    for name in NAME_RE.finditer(text, max(0, len(text) - 100)):
        found = organisation_name_at(text, name)
        if found is not None and found[1] == len(text) and " and " in found[0] and \
                (not whole or text[:name.start()].strip().lower() in ("", "the")):
            return Phrase("name", found[0], entity_kind="organisation")
    return None


def _name_after_setting(text: str, cut: int, cuts: list[re.Match[str]]) -> Phrase | None:
    """The person named after a comma that ends a nominal's phrase: "In a News and Views
    article for Nature, Dr Ann Cole of the Kent Institute [said]" is Ann Cole's (the nominal
    is where she said it)."""
    for m in cuts:
        if m.start() > cut and m.group(0)[0] == ",":
            phrase = parse_subject(text[m.end():])
            if phrase is not None and phrase.kind == "name" and \
                    phrase.entity_kind == "person" and \
                    (phrase.honorific or " " in phrase.text):
                return phrase
    return None


_DEFINITE_DESCRIPTION_RE = lazy_compile(r"^(?:the|The)\s+(?P<role>[^,;]{2,80}?)\s+and\s+$")


def _one_described(text: str, cut: int, cuts: list[re.Match[str]], phrase: Phrase) -> Phrase:
    """"The former secretary of state and current Democratic nominee [said]": two roles of one
    person, who is the description after the "and" made definite (so that it refers to whom
    the story is about) with the first role as theirs."""
    if phrase.text[:1].isupper() or phrase.text.endswith("s") or \
            phrase.text.split(None, 1)[0].lower() in ARTICLES_AND_POSSESSIVES:
        return phrase  # "the mayor and council members": two of them
    start = max((m.end() for m in cuts if m.end() < cut), default=0)
    first = _DEFINITE_DESCRIPTION_RE.match(text[start:cut].lstrip())
    if first is None:
        return phrase
    described = parse_nominal(f"the {phrase.text}")
    if described is None:
        return phrase
    described.role = combine_role(first.group("role"), described.role)
    return described


# Words that open a clause, never part of a descriptor before a name.
_CLAUSE_WORDS = SUBORDINATORS | frozenset("and or but than then so".split())
_OBJECT_STOP_RE = lazy_compile(r"(?=[.;!?\"“”«»\s])(?:[.;!?](?:\s|$)|\s[―—–]\s|[\"“”«»])")
_ENDS_WITH_ABBR_RE = lazy_compile(
    rf"(?:\b(?:{ABBR_WORDS})|\b[{UPPER}]|\b(?:[{UPPER}]\.)+[{UPPER}])$")


_NAME_THEN_PREP_RE = lazy_compile(
    rf"((?:[\w\-]+\s+){{0,3}}?{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,4}})"
    rf"\s+((?:for|of|at|with|from)\s+(?:the\s+)?[{UPPER}][^,]{{0,80}})$")


def parse_object(text: str) -> Phrase | None:
    """The speaker phrase after an inverted verb: "said Phillips O'Brien, professor of ..."."""
    text = text.strip()[:300]
    m = _OBJECT_PRONOUN_RE.match(text)
    if m:
        return Phrase("pronoun", m.group(1).lower())
    end = len(text)
    for stop in _OBJECT_STOP_RE.finditer(text):
        if text[stop.start()] == "." and _ENDS_WITH_ABBR_RE.search(
                text[max(0, stop.start() - 12):stop.start()]):
            continue  # "St. Andrews", "Charles B. Rangel"
        end = stop.start()
        break
    body = text[:end].strip(" ,")
    # "said on Tuesday" / "said in a statement" before the name
    body = _LEADING_ADVERBIAL_RE.sub("", body)
    phrase = parse_name_phrase(body) or parse_nominal(body) or organisation_with_and(body)
    if phrase is None:
        lead = _NAME_THEN_PREP_RE.match(body)
        if lead:
            phrase = parse_name_phrase(lead.group(1))
            if phrase is not None:
                phrase.role = combine_role(phrase.role, lead.group(2))
    if phrase is None and "," in body:
        head = body.split(",")[0]
        phrase = parse_name_phrase(head) or parse_nominal(head)
    if phrase is None:  # "said 9/11 widow Terry Strada": a short descriptor before the name
        phrase = described_name(body)
    if phrase is None and "," in body:  # "said study co-author Ann Cole, the Times reported"
        phrase = described_name(body.split(",")[0])
    if phrase is None:  # "said Tom Smith of the decision": the leading name alone
        name = NAME_RE.match(body)
        phrase = parse_name_phrase(name.group(0)) if name else None
    return phrase


def described_name(text: str) -> Phrase | None:
    """A name at the end of text after a short descriptor: "9/11 widow Terry Strada" (not
    after a clause's opening: "when Clinton [blasted him]")."""
    last = last_name_sequence(text)
    descriptor = text[:last.start()].split() if last is not None else []
    if last is None or not 0 < len(descriptor) <= 5 or \
            any(ch in text[:last.start()] for ch in ",;:") or \
            not _CLAUSE_WORDS.isdisjoint(w.lower() for w in descriptor):
        return None
    phrase = parse_name_phrase(last.group(0))
    if phrase is not None:
        phrase.role = combine_role(text[:last.start()].strip(), phrase.role)
    return phrase
