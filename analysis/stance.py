"""Stance of a reaction from its reporting verb and the cue words of what was said."""

from __future__ import annotations

import re
from functools import lru_cache

from .cue_match import CUE_STANCES, cue_hits
from .pattern_text import built_once, lazy_compile, trie_pattern

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


def _searched_verb_stance(verb: str) -> str | None:
    """The stance of the first _VERB_STANCE pattern found in verb."""
    for pattern, stance in _VERB_STANCE:
        if pattern.search(verb):
            return stance
    return None


@built_once
def _stance_of_listed_verb() -> dict[str, str | None]:
    """The stance of every verb REPORTING_VERB and PASSIVE_REACTION match as written (all but
    "moved quickly to …"), searched once."""
    return {verb: _searched_verb_stance(verb) for verb in (*_VERBS, *_PASSIVE_VERBS)}


@lru_cache(maxsize=512)
def verb_stance(verb: str) -> str | None:
    """The stance a reaction verb carries by itself ("warned" -> warns), None for "said"."""
    listed = _stance_of_listed_verb()
    return listed[verb] if verb in listed else _searched_verb_stance(verb)


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
    top = max(scores.values())
    best = next(s for s in PRIORITY if scores[s] == top)  # the first in PRIORITY of the best
    return (best, scores[best]) if scores[best] >= 1.0 else (None, 0.0)


def sentence_cue_weight(text: str, stance: str) -> float:
    """How strongly one sentence carries a stance: picks the evidence sentence."""
    return sum(CUE_STANCES[i][1] for i, _ in cue_hits(text) if CUE_STANCES[i][0] == stance)
