"""Stance of a reaction from its reporting verb and the cue words of what was said."""

from __future__ import annotations

import re
from functools import lru_cache

from .cue_starts import start_literals
from .pattern_text import (
    alternatives,
    built_once,
    lazy_compile,
    literal_start,
    required_literals,
    trie_pattern,
)
from .stance_cues import CUES as _CUES

_SEEK = "sought seeks tried tries moved moves rushed scrambled hastened".split()
_SEEK_WHAT = ("distance clarify reassure play down downplay defend justify explain calm tamp down "
              "walk back correct contain limit rebut counter soften complain object protest"
              ).split(" ")
_VERBS = (
    """said says say told tells tell warned warns warn added adds insisted insists insist argued
    argues argue noted notes explained explains cautioned cautions stressed stresses emphasised
    emphasized maintained maintains claimed claims criticised criticized criticises criticizes
    condemned condemns denounced denounces slammed slams blasted lambasted decried decries
    welcomed welcomes praised praises applauded applauds hailed hails endorsed endorses defended
    defends rejected rejects dismissed dismisses urged urges accused accuses responded responds
    replied countered acknowledged conceded admitted questioned wrote writes suggested suggests
    predicted agreed agrees disagreed disagrees distanced clarified backed backs
    supported apologised apologized apologises apologizes called calls described describes
    complained complains objected objects protested
    tweeted posted echoed echoes reiterated reiterates retorted thanked thanks""".split()
    + ["issued a statement", "released a statement", "put out a statement"]
    + ["sided with", "hit back", "hits back", "fired back", "fires back", "shot back",
       "lashed out", "lashes out"]
    + ["called on", "called for", "calls on", "calls for", "ruled out"]
    + [f"{v} to {w}" for v in _SEEK + ["was quick", "were quick"] for w in _SEEK_WHAT
       if w not in ("play", "down", "walk", "back", "tamp")]
    + [f"{v} to {w}" for v in _SEEK for w in ("play down", "walk back", "tamp down")]
    + [f"expressed {w}" for w in "support concern alarm dismay surprise regret anger "
       "disappointment".split()]
    + [f"voiced {w}" for w in "support concern alarm dismay opposition doubt doubts".split()]
)


# Reporting and reaction verbs (lower case as they stand mid-sentence); group `verb`.
_SEEK_ADVERB = rf"(?:{'|'.join(_SEEK)}) \w+ly to (?:{'|'.join(_SEEK_WHAT)})"  # "moved quickly to"
# The lookahead for the letters a verb can start with rules most word starts out at once.
_VERB_INITIALS = "".join(sorted({v[0] for v in _VERBS + _SEEK}))
_VERB_BODY = rf"(?=[{_VERB_INITIALS}])(?P<verb>{trie_pattern(_VERBS)}|{_SEEK_ADVERB})\b"
REPORTING_VERB = lazy_compile(rf"\b{_VERB_BODY}")
# The same after a space, for text whose non-word characters are all spaces: a pattern that
# starts with a plain character is scanned much faster (see sentence_actor.verbs_by_paragraph).
SPACED_REPORTING_VERB = lazy_compile(f" {_VERB_BODY}")
# "… prompted an outcry from other leaders": a reaction named as a noun, actor after "from".
_NOMINAL_VERBS = ("prompted", "prompting", "drew", "drawing", "draws", "sparked", "sparking",
                  "triggered", "triggering", "provoked", "provoking", "met with", "meeting with",
                  "earned", "earning", "won", "winning", "brought")
NOMINAL_REACTION = lazy_compile(
    rf"\b(?:{'|'.join(_NOMINAL_VERBS)})\s+"
    r"(?P<adjectives>(?:(?:an?|strong|sharp|swift|fierce|immediate|widespread|angry|broad|quick|"
    r"loud|some|much|warm|cautious|furious|hostile|scathing|critical|positive|enthusiastic|"
    r"wary|mixed)\s+)*)"
    r"(?P<noun>outcry|criticism|condemnation|backlash|rebukes?|protests?|praise|support|fury|"
    r"outrage|scorn|"
    r"warnings?|anger|objections?|applause|welcome|alarm|dismay|derision|ridicule|responses?|"
    r"reactions?)\s+from\s+"
    r"(?P<actor>[^.;:!?—–()]+?)(?=\s*(?:[.;:!?—–()]|,|\s+(?:who|that|which|after|over|as|when|"
    r"while|because|on|in|for|at|about|amid|despite|including|ranging|such|like)\s|$))",
    re.IGNORECASE,
)
# "… a proposal that was immediately condemned by doctors' leaders": actor after "by".
_PASSIVE_VERBS = ("condemned criticised criticized welcomed praised rejected dismissed backed "
                  "attacked slammed hailed applauded endorsed questioned denounced opposed "
                  "supported ridiculed lambasted derided").split()
PASSIVE_REACTION = lazy_compile(
    r"\b(?:was|were|been|is|are|being)\s+(?:\w+ly\s+)?"
    rf"(?P<verb>{'|'.join(_PASSIVE_VERBS)})\s+by\s+"
    r"(?P<actor>[^.;:!?—–()\x00]+?)(?=\s*(?:[.;:!?—–()\x00]|,|\s+(?:who|that|which|after|over|"
    r"as|when|while|because|on|in|for|at|about|amid|despite|including|ranging|such|like)\s|$))")
# The only characters re.IGNORECASE matches with an ASCII letter other than its two cases.
_ASCII_CASE_VARIANTS = ("ı", "İ", "\u212a", "ſ")  # dotless i, dotted I, Kelvin sign, long s


def may_name_reaction(text: str) -> bool:
    """False when NOMINAL_REACTION cannot match: none of its verbs in text, in any case (cheaper
    than the search, which tries every position)."""
    if any(map(text.__contains__, _ASCII_CASE_VARIANTS)):
        return True
    lowered = text.lower()
    return any(map(lowered.__contains__, _NOMINAL_VERBS))


def may_name_passive_reaction(text: str) -> bool:
    """False when PASSIVE_REACTION cannot match: none of its verbs in text."""
    return any(map(text.__contains__, _PASSIVE_VERBS))


# The second half of "… drew applause from X and fury from Y", matched where X ends.
NOMINAL_CONTINUATION = lazy_compile(
    NOMINAL_REACTION.pattern.replace(
        NOMINAL_REACTION.pattern.split("(?P<adjectives>")[0], r"\s+and\s+", 1),
    re.IGNORECASE)
NOUN_STANCE = {
    "outcry": "criticises", "criticism": "criticises", "condemnation": "criticises",
    "backlash": "criticises", "rebuke": "criticises", "rebukes": "criticises",
    "protest": "criticises", "protests": "criticises", "anger": "criticises",
    "objection": "criticises", "objections": "criticises", "derision": "criticises",
    "ridicule": "criticises", "dismay": "criticises", "fury": "criticises",
    "outrage": "criticises", "scorn": "criticises", "praise": "supports",
    "support": "supports", "applause": "supports", "welcome": "supports", "warning": "warns",
    "warnings": "warns", "alarm": "warns",
}

_ADJECTIVE_STANCE = {
    "angry": "criticises", "furious": "criticises", "hostile": "criticises",
    "scathing": "criticises", "critical": "criticises", "sharp": "criticises",
    "fierce": "criticises", "warm": "supports", "positive": "supports",
    "enthusiastic": "supports",
}


def nominal_stance(noun: str, adjectives: str) -> str | None:
    """'an angry response' -> criticises, 'praise' -> supports, 'a mixed reaction' -> None."""
    if noun.lower() in NOUN_STANCE:
        return NOUN_STANCE[noun.lower()]
    for adjective in adjectives.lower().split():
        if adjective in _ADJECTIVE_STANCE:
            return _ADJECTIVE_STANCE[adjective]
    return None


_VERB_STANCE = (
    (re.compile(r"^(?:warn|caution)", re.I), "warns"),
    (re.compile(r"distanc|ruled out", re.I), "distances"),
    (re.compile(r"clarif|explain|reassure|play down|downplay|walk back|correct|calm|soften", re.I),
     "clarifies"),
    (re.compile(r"^insist|defend|justify|rebut|counter", re.I), "defends"),
    (re.compile(r"critici|condemn|denounc|slam|blast|lambast|decr|accus|reject|dismiss|back$|"
                r"lash|oppos|ridicul|deri|attack|complain|object|protest|"
                r"question|disagree|dismay|anger|disappointment|opposition|doubt", re.I),
     "criticises"),
    (re.compile(r"welcom|prais|applaud|hail|endors|support|back|sided|thank", re.I), "supports"),
    (re.compile(r"concern|alarm", re.I), "warns"),
)



def _merged_cue_sources() -> list[tuple[tuple[str, ...], str, str, float]]:
    """Cues of one stance and weight share one pattern: fewer Python-level checks per text.
    (triggers, pattern source, stance, weight); compiled on first use, not at import."""
    merged: dict[tuple[str, float], tuple[list[str], list[str]]] = {}
    for triggers, pattern, stance, weight in _CUES:
        entry = merged.setdefault((stance, weight), ([], []))
        entry[0].extend(triggers.split("|") if "|" in triggers else triggers.split())
        entry[1].append(f"(?:{pattern})")
    return [(tuple(dict.fromkeys(t)), "|".join(p), stance, weight)
            for (stance, weight), (t, p) in merged.items()]


_CUE_SOURCES = _merged_cue_sources()
# (stance, weight) of each merged cue, by cue index.
CUE_STANCES = [(stance, weight) for _, _, stance, weight in _CUE_SOURCES]


def _anchored(triggers: tuple[str, ...], pattern: str) -> bool:
    """True when every match of the cue's pattern starts with one of its triggers: then it is
    tried only where the trigger scan found them."""
    return all(any(literal_start(a).startswith(t) for t in triggers)
               for a in alternatives(pattern))


class _CueTables:
    """The compiled cue tables, built when the first statement is scored (compiling them costs
    more than most imports of the engine)."""

    def __init__(self) -> None:
        self.cased = [re.compile(source) for _, source, _, _ in _CUE_SOURCES]
        self.anchored = [_anchored(triggers, source) for triggers, source, _, _ in _CUE_SOURCES]
        # The other cues: the strings each match starts with ("would not", "is merely"), when
        # the pattern tells them, so that the cue is tried only where they stand …
        self.starts = [None if anchored else start_literals(source)
                       for anchored, (_, source, _, _) in zip(self.anchored, _CUE_SOURCES,
                                                              strict=True)]
        # … else strings one of which each match contains: most texts have none of them, and
        # the whole-text search is skipped.
        self.required = [None if anchored or starts else required_literals(source)
                         for anchored, starts, (_, source, _, _) in zip(
                             self.anchored, self.starts, _CUE_SOURCES, strict=True)]
        # One pass finds where the cues' triggers and those start strings occur in a text: at
        # each position the longest one starting there (a lookahead, so they may overlap); the
        # ones that start there too are its prefixes, so each longest one maps to the cues of
        # all its prefixes: (cues whose trigger is there, cues whose start string is there).
        cues_with: dict[str, list[int]] = {}  # trigger -> the cues it is a trigger of
        cues_starting: dict[str, list[int]] = {}  # start string -> the cues it starts
        for i, (cue, starts) in enumerate(zip(_CUE_SOURCES, self.starts, strict=True)):
            for t in cue[0]:
                cues_with.setdefault(t, []).append(i)
            for t in starts or ():
                cues_starting.setdefault(t, []).append(i)
        triggers = sorted(cues_with.keys() | cues_starting.keys())
        self.cues_of_trigger = {t: (
            frozenset(i for n in range(len(t)) for i in cues_with.get(t[:n + 1], ())),
            frozenset(i for n in range(len(t)) for i in cues_starting.get(t[:n + 1], ())))
            for t in triggers}
        self.triggers = re.compile(f"(?=({trie_pattern(triggers)}))")


_cue_tables = built_once(_CueTables)


@built_once
def _ignorecase_patterns() -> list[re.Pattern[str]]:
    """The cue patterns with re.I, for the rare text whose lower-casing moves offsets."""
    return [re.compile(source, re.IGNORECASE) for _, source, _, _ in _CUE_SOURCES]


def __getattr__(name: str) -> object:
    """CUES: (triggers, pattern with re.I, stance, weight) per merged cue, built when asked."""
    if name == "CUES":
        return [(triggers, pattern, stance, weight) for (triggers, _, stance, weight), pattern
                in zip(_CUE_SOURCES, _ignorecase_patterns(), strict=True)]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_NEGATED = lazy_compile(r"\b(?:not|n[’']t|never|nor|hardly)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _negated_before(text: str, at: int) -> bool:
    """A negation just before a cue ("not", "never", "hardly" …): _NEGATED in the 16 characters
    before it. Under re.I those letters match only their own two cases, so a match needs one of
    the strings tested first in the lower-cased stretch (most stretches have none)."""
    start = max(0, at - 16)
    low = text[start:at].lower()
    return ("no" in low or "n't" in low or "n’t" in low or "never" in low or "hardly" in low) \
        and _NEGATED.search(text, start, at) is not None


def _matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """pattern.finditer(text) when every match starts at one of starts (ascending)."""
    found: list[re.Match[str]] = []
    end = 0
    for start in starts:
        if start >= end and (m := pattern.match(text, start)):
            found.append(m)
            end = m.end() if m.end() > start else start + 1
    return found


@lru_cache(maxsize=1024)
def cue_hits(text: str) -> tuple[tuple[int, int], ...]:
    """(cue index in CUE_STANCES, occurrences) for each cue found in text."""
    tables = _cue_tables()
    lowered = text.lower()
    cues_of_trigger = tables.cues_of_trigger
    at: dict[int, list[int]] = {}  # cue -> where its triggers start
    starts_at: dict[int, list[int]] = {}  # cue -> where the strings its matches start with are
    for m in tables.triggers.finditer(lowered.replace("’", "'") if "’" in lowered else lowered):
        start = m.start()
        cues, cues_starting = cues_of_trigger[m.group(1)]
        for i in cues:
            if i in at:
                at[i].append(start)
            else:
                at[i] = [start]
        for i in cues_starting:
            if i in starts_at:
                starts_at[i].append(start)
            else:
                starts_at[i] = [start]
    if not at:
        return ()
    # The cue patterns are ASCII: on lower-cased text they match without re.I, faster, where
    # lower() kept every offset and no "ſ" or "ı" (which re.I takes for "s" and "i") is in it.
    cased = len(lowered) == len(text) and "ſ" not in text and "ı" not in text
    out = []
    for i in sorted(at) if len(at) > 1 else at:
        if cased and tables.anchored[i]:
            matches = _matches_at(tables.cased[i], lowered, at[i])
        elif cased and tables.starts[i]:
            matches = _matches_at(tables.cased[i], lowered, starts_at.get(i, ()))
        elif cased and (required := tables.required[i]) and not any(
                map(lowered.__contains__, required)):
            continue
        else:
            matches = (tables.cased[i] if cased else _ignorecase_patterns()[i]).finditer(
                lowered if cased else text)
        n = 0
        for m in matches:
            if not _negated_before(text, m.start()):
                n += 1
        if n:
            out.append((i, n))
    return tuple(out)


def makes_no_statement(masked: str, has_reporting_verb: bool | None = None) -> bool:
    """True when no sentence of a paragraph (quotes masked) can make a statement: no quote,
    reporting verb or "according to", no reaction named as a noun or in the passive.
    has_reporting_verb: whether REPORTING_VERB finds one in masked, when the caller knows."""
    if has_reporting_verb is None:
        has_reporting_verb = REPORTING_VERB.search(masked) is not None
    return "\x00" not in masked and "ccording to" not in masked and not (
        has_reporting_verb
        or " from " in masked and may_name_reaction(masked) and NOMINAL_REACTION.search(masked)
        or " by " in masked and may_name_passive_reaction(masked)
        and PASSIVE_REACTION.search(masked))


# Said of the speaker, not of what they said: not a statement at all.
NOT_A_STATEMENT = lazy_compile(
    r"\b(?:insisted|spoke|asked|requested) on (?:condition of )?anonymity|"
    r"on condition of anonymity|declined to comment|did not (?:immediately )?respond|"
    r"could not be reached|did not return", re.IGNORECASE)
_NOT_A_STATEMENT_WORDS = ("anonymity", "declined to comment", "did not ", "could not be reached")


def not_a_statement(text: str) -> bool:
    """NOT_A_STATEMENT.search(text), its words looked for first (every match has one of them,
    in any case): most texts have none, and the search tries every position."""
    if not any(map(text.__contains__, _ASCII_CASE_VARIANTS)):
        lowered = text.lower()
        if not any(map(lowered.__contains__, _NOT_A_STATEMENT_WORDS)):
            return False
    return NOT_A_STATEMENT.search(text) is not None

PRIORITY = ("criticises", "distances", "warns", "supports", "clarifies", "defends", "analyses")


_LEANINGS = {
    "critic": "criticises", "opponent": "criticises", "sceptic": "criticises",
    "skeptic": "criticises", "detractor": "criticises", "supporter": "supports",
    "backer": "supports", "proponent": "supports", "advocate": "supports",
}


def actor_leaning(key: str) -> str | None:
    """The stance a group's name implies: 'critics' -> criticises."""
    return _LEANINGS.get(key)


@lru_cache(maxsize=512)
def verb_stance(verb: str) -> str | None:
    """The stance a reaction verb carries by itself ("warned" -> warns), None for "said"."""
    for pattern, stance in _VERB_STANCE:
        if pattern.search(verb):
            return stance
    return None


def score_stance(texts: list[str], verb_stances: list[str], *, expert: bool,
                 same_camp: bool, leaning: str | None = None) -> tuple[str | None, float]:
    """The best stance for a statement (its sentences, the stances of its verbs) and its score;
    (None, 0) when nothing in it takes a position. leaning: the stance the actor's name
    implies ("critics" criticise, "supporters" support)."""
    scores = dict.fromkeys(PRIORITY, 0.0)
    for stance in verb_stances:
        scores[stance] += 3.0
    for text in texts:
        for i, hits in cue_hits(text):
            stance, weight = CUE_STANCES[i]
            scores[stance] += weight * min(hits, 2)
    if leaning:
        scores[leaning] += 1.5
    if expert:
        scores["analyses"] += 1.5
        for soft in ("warns", "defends", "clarifies", "supports"):
            scores[soft] *= 0.5
    if same_camp:
        scores["clarifies"] += 1.0
        scores["defends"] += 1.0
        scores["distances"] *= 0.5
        scores["criticises"] *= 0.5
    best = max(PRIORITY, key=lambda s: (scores[s], -PRIORITY.index(s)))
    return (best, scores[best]) if scores[best] >= 1.0 else (None, 0.0)


def sentence_cue_weight(text: str, stance: str) -> float:
    """How strongly one sentence carries a stance: picks the evidence sentence."""
    return sum(CUE_STANCES[i][1] for i, _ in cue_hits(text) if CUE_STANCES[i][0] == stance)
