"""Role words around a name: descriptors before it ("IMF chief economist"), the appositive
after it (", a professor of … at X, Scotland"), "of New York" and party tags, joined for
display."""

from __future__ import annotations

import re

from ..lexicon import (
    AUXILIARY_VERBS,
    DETERMINERS,
    NATIONALITIES,
    ORG_NOUNS,
    PERSON_NOUNS,
    SPEECH_VERBS,
    TITLE_ABBREVIATIONS,
    TITLE_WORDS,
)
from ..patterns import lazy_compile
from .name_patterns import NAME_GOES_ON, NAME_WORD

_PARTY_TAG_RE = lazy_compile(
    r"\s*(?:\((?P<p1>[DRI]-[A-Z][\w.\- ]{0,14}|[DRI]|[A-Z][a-z]{1,4}\.?)\)"
    r"|,\s*(?P<p2>[DRI]-[A-Z][\w.]{0,6}\.?)(?=[,\s)]|$))")
# "of Ohio", "of the Kent Trust", "of the Institute for Fiscal Studies" (the name goes on).
_OF_PLACE_RE = lazy_compile(
    rf"\s+of\s+(?P<place>(?:the\s+)?{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,2}}"
    rf"(?:\s+{NAME_GOES_ON}{NAME_WORD}(?:[ \t]+(?:and\s+)?{NAME_WORD}){{0,3}})?)")
_APPOS_STARTERS = DETERMINERS | {"who", "whom", "whose", "former", "then", "now", "currently",
                                 "head", "deputy", "chief", "co-founder", "founder"}
_STOP_BACK = DETERMINERS | frozenset(
    "of to for with by from in on at as and or but that said says told when while after "
    "before than about against over under into onto between among through during without "
    "within like including versus toward towards upon via amid".split()) | AUXILIARY_VERBS


def role_before(text: str, end: int) -> str:
    """Lower-case descriptors directly before a name: "IMF chief economist", "Trump critic"."""
    # Most names have no descriptor: when the word right before is no role word (nor "of"),
    # the walk below would stop at once.
    last = text[max(0, end - 40):end].rsplit(None, 1)
    if len(last) == 2 or end <= 40:
        low = last[-1].lower() if last else ""
        if low not in _ROLE_WORDS and low != "of":
            return ""
    # The last seven words before end, from a short window first (its first word may be cut,
    # so it must hold eight), then the whole text: long input stays linear.
    start = max(0, end - 80)
    words = text[start:end].split()
    if start and len(words) <= 7:
        words = text[:end].split()
    words = words[-7:]
    out: list[str] = []
    for k in range(len(words) - 1, -1, -1):
        word = words[k]
        if word[-1] in ",;:.()\"“”":
            break
        low = word.lower()
        if low == "of" and k and words[k - 1][:1].isupper() and \
                words[k - 1].lower() in TITLE_WORDS:
            out.append(word)  # "Ohio Secretary of [State Jon Husted]"
            continue
        if low in _STOP_BACK or low in SPEECH_VERBS and low not in TITLE_WORDS:
            if low in AUXILIARY_VERBS and out and out[-1].islower() and \
                    out[-1] not in _ROLE_WORDS:
                out.pop()  # "has copied [winger]": the auxiliary's verb is no descriptor
            break
        if not out and low not in PERSON_NOUNS and low not in TITLE_WORDS and \
                low not in ORG_NOUNS:
            break
        out.append(word)
    return " ".join(reversed(out))


_ROLE_WORDS = PERSON_NOUNS | TITLE_WORDS | ORG_NOUNS
_ARTICLE_RE = lazy_compile(r"^(?:a|an|the)\s+", re.IGNORECASE)
# An auxiliary or modal: where one stands, a clause goes on, no role or description.
FINITE_VERB_RE = lazy_compile(
    r"\b(?:is|are|was|were|will|would|has|have|had|can|could|should|may|might|must)\b")
_RELATIVE_RE = lazy_compile(r"\b(?:who|whom|whose|which|that)\b")
_APPOS_STOP_RE = lazy_compile(r"(?=[,\"“”«»\s])(?:,\s*(\w+)|[\"“”«»]|\s[―—–]\s|\s['‘](?=\w))")


_NOT_APPOSITIVE = frozenset(
    "he she they we i it you and but or which that as when while if because although though so "
    "then also too not "
    "however who's after before since until unless where whereas despite during once what how "
    "why whether is are was were has have had will would can could should may might must do "
    "does did".split())
_POSSESSIVE_WORD_RE = lazy_compile(r"[\w.]+[’']s$")
_AGE_RE = lazy_compile(r"^\d{1,3}(?:,\s*|$)")


# A role owned by someone named in full: "Ann Warner, Brenda Burns's attorney, said".
_NAMED_OWNER_ROLE_RE = lazy_compile(
    r"\s*(?:[A-Z][\w.’'-]*\s+){1,3}[A-Z][\w.-]*[’']s\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*\s*(?:,|$)")


def appositive_after(text: str, pos: int, limit: int) -> str:
    """The appositive after a name: ", a professor of ... at X, Scotland" up to the clause end."""
    if pos >= len(text) or text[pos] != ",":
        return ""
    limit = min(limit, pos + 300)
    rest = text[pos + 1:limit]
    head = rest.split(None, 1)
    original = head[0].strip(",:;.!?") if head else ""
    first = original.lower()
    if not first:
        return ""
    if first.endswith(("ing", "ed")) or first in SPEECH_VERBS or first in _NOT_APPOSITIVE:
        return ""  # "Hale, speaking in Lisbon, said": a participle, not a role
    if not original[:1].islower() and not first[:1].isdigit() and first not in TITLE_WORDS and \
            first not in PERSON_NOUNS and first not in NATIONALITIES and \
            not _POSSESSIVE_WORD_RE.match(first) and not _NAMED_OWNER_ROLE_RE.match(rest):
        return ""  # "Obama, Hillary Clinton, Bill Clinton": a list, not an appositive
    clause = _RELATIVE_RE.split(rest.split(",", 1)[0], 1)[0]
    if FINITE_VERB_RE.search(clause) or not SPEECH_VERBS.isdisjoint(
            w for w in clause.split() if w.islower()):
        return ""  # "In Chelsea, the mayor also said …": the main clause, not an appositive
    # Stop before a comma that is followed by a speech verb or the quote.
    stop = len(rest)
    last_comma = -1
    for m in _APPOS_STOP_RE.finditer(rest):
        word = (m.group(1) or "").lower()
        if m.group(0).strip()[:1] in "\"“”«»'‘":
            # Running into a quote: the last chunk was the next clause's subject.
            stop = last_comma if last_comma >= 0 else -1
            break
        if m.group(0).startswith(","):
            last_comma = m.start()
        if not m.group(0).startswith(",") or word in SPEECH_VERBS or word in (
                "and", "but", "according", "adding", "saying", "in", "on", "at", "when",
                "while", "as", "after", "before", "because", "if", "although"):
            stop = m.start()
            break
        if word not in _APPOS_STARTERS and word not in TITLE_WORDS and not word[:1].isupper() \
                and word not in PERSON_NOUNS and not (m.group(1) or "")[:1].isupper():
            stop = m.start()
            break
        if word in DETERMINERS:
            chunk_end = rest.find(",", m.end())
            if FINITE_VERB_RE.search(rest, m.end(), len(rest) if chunk_end < 0 else chunk_end):
                # "According to X, a lecturer at Y, the appointment is likely to…": a
                # determiner opening a clause with a finite verb starts the main clause.
                stop = m.start()
                break
    else:
        if text[limit:limit + 1] in ("\"", "“", "”", "«", "»"):
            stop = last_comma if last_comma >= 0 else -1
    if stop < 0:
        return ""
    appos = _AGE_RE.sub("", rest[:stop].strip())
    appos = _ARTICLE_RE.sub("", appos)
    return appos.rstrip(" .,;")[:220]


def name_tail(text: str, pos: int) -> tuple[str, int]:
    """"of New York" and party tags "(D-Nev.)", ", R-Ky." right after a name."""
    nxt = text[pos:pos + 1]
    if not nxt.isspace() and nxt not in ("(", ","):
        return "", pos  # both patterns open with a space, a bracket or a comma
    parts: list[str] = []
    m = _OF_PLACE_RE.match(text, pos)
    if m:
        parts.append("of " + m.group("place"))
        pos = m.end()
    t = _PARTY_TAG_RE.match(text, pos)
    if t:
        parts.append(t.group("p1") or t.group("p2"))
        pos = t.end()
    return " ".join(parts), pos


def combine_role(*parts: str) -> str:
    """Role parts joined with commas, without a leading article, abbreviated titles spelt out
    ("Sen." -> "Senator") for display."""
    out = ", ".join([p for p in (p.strip(" ,") for p in parts if p) if p])
    if not out:
        return out
    if "." in out:  # every abbreviation ends with a full stop
        out = _TITLE_ABBREVIATION_RE.sub(_spell_out, out)
    lead = _ROLE_ARTICLE_RE.match(out)  # anchored: at most one match, at the start
    return out[lead.end():] if lead else out


def _spell_out(m: re.Match[str]) -> str:
    return TITLE_ABBREVIATIONS[m.group(0)]


_TITLE_ABBREVIATION_RE = lazy_compile(
    r"(?=[A-Z])(?<![\w.])(?:" + "|".join(re.escape(k) for k in
                                sorted(TITLE_ABBREVIATIONS, key=len, reverse=True)) + r")(?!\w)")


_ROLE_ARTICLE_RE = lazy_compile(r"^(?:\d{1,3},\s*)?(?:a|an|the|his|her|its|their)\s+",
                              re.IGNORECASE)
