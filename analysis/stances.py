"""The stance registry: each stance a reaction can take, with the verbs, nouns, adjectives and
phrases that carry it, and the verbs that carry it only when the principal's own side uses them
(an ally who explains clarifies). Adding a stance or a cue touches this table only: the
statement finder takes its verbs as reporting verbs, the scorer reads its words,
`analysis.model.STANCES` and the reader's stance badges follow this order.

Verbs are lemmas (inflected by `lexicon.inflect`), nouns singular (plurals are made), phrases
written as folded words separated by spaces ("out of touch").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .patterns import lazy_compile, trie_pattern


@dataclass(frozen=True)
class Stance:
    name: str
    meaning: str
    verbs: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    side_verbs: tuple[str, ...] = ()  # the stance's only from an ally or a spokesperson


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _phrases(text: str) -> tuple[str, ...]:
    return tuple(" ".join(p.split()) for p in text.split(",") if p.strip())


REGISTRY: tuple[Stance, ...] = (
    Stance(
        "warns", "predicts harm or threatens consequences",
        verbs=_words("warn caution threaten fear worry alarm escalate"),
        nouns=_words("""warning risk danger threat consequence disaster catastrophe chaos
                     crisis escalation concern"""),
        adjectives=_words("""risky grave perilous destabilizing destabilising
                          catastrophic disastrous alarming worrying inevitable hardest
                          harmful devastating damaging troubling unsustainable"""),
        phrases=_phrases("""could lead to, would lead to, will lead to, could trigger, would
                         trigger, could cause, would cause, playing with fire, at risk, out of
                         control, will pay, pay a price, a blow to, serious consequences,
                         point of no return, a step too far, hit hardest, a recipe for, could
                         face, would face, will face, could cost, would cost, will cost"""),
    ),
    Stance(
        "distances", "says they do not share in or take part in it",
        verbs=_words("distance disavow dissociate"),
        phrases=_phrases("""break with, broke with, breaks with, not part of, no part in,
                         does not speak for, did not speak for, not involved, nothing to do
                         with, not our position, not the position, personal view, personal
                         opinion, no plans, no plan, no intention, no current plans, ruled out,
                         would not send, will not send, not send, not join, not take part, not
                         participate, not intervene, not get involved, not take sides, not on
                         the table, would be improper, declined to endorse, declined to
                         comment, declined comment, refused to comment, would not comment,
                         declined to discuss, declined to elaborate, no comment"""),
    ),
    Stance(
        "clarifies", "explains what was really meant",
        verbs=_words("clarify"),
        # "explain" reports anyone's reasons ("the scientist explained that the find …")
        side_verbs=_words("explain"),
        nouns=_words("clarification"),
        phrases=_phrases("""centered on, centred on, focused on, focussed on, would not be,
                         wouldn't be, will not be, won't be, is not about, was not about, what
                         he meant, what she meant, what they meant, was referring to, were
                         referring to, out of context, misunderstood, misinterpreted,
                         misquoted, does not mean, did not mean, did not say, never said, was
                         not saying, is not saying, not a decision, not a policy, not a threat,
                         no change in, limited to, only about, would apply to, applies to"""),
    ),
    Stance(
        "defends", "justifies the principal or the act",
        verbs=_words("defend justify rebut insist counter downplay"),
        # "defense" alone is as often the military's ("defense spending") as a justification.
        nouns=_words("justification signal option options"),
        adjectives=_words("necessary legitimate justified appropriate lawful"),
        phrases=_phrases("""stand by, stood by, stands by, the right thing, every right,
                         nothing wrong, no wrongdoing, right to, the right call, too much is
                         made, too much has been made, making too much of, blown out of
                         proportion, overblown, no big deal, played down, an overreaction, in
                         defense of, in defence of, to the defense of, to the defence of, to his
                         defense, to her defense, to their defense, a defense of, a defence of,
                         spirited defense, spirited defence"""),
    ),
    Stance(
        "criticises", "condemns, attacks, mocks or disapproves",
        verbs=_words("""criticize criticise condemn denounce decry deride lambaste blast slam
                     attack accuse assail castigate rebuke scold mock ridicule blame fault
                     dismiss reject oppose question dispute challenge rip hammer bristle
                     complain object protest lash scoff jeer berate excoriate demand fumble
                     betray disagree discriminate despise loathe detest deplore"""),
        nouns=_words("""critic criticism condemnation outrage outcry backlash fraud insult disgrace
                     scandal mistake failure ploy scam lie hypocrisy incompetence disregard
                     recklessness provocation breach scrutiny folly blunder abuse shame farce
                     sham rubbish nonsense greed arrogance betrayal division fury ire dismay
                     anger pandering demagoguery smear gimmick stunt charade distraction
                     whitewash liar bully travesty embarrassment"""),
        adjectives=_words("""disgusting outrageous reckless wrong unacceptable irresponsible
                          shameful disgraceful misguided toothless phony phoney unfounded
                          unhinged improper vague discriminatory absurd ridiculous divisive
                          dishonest brazen provocative terrible awful unfair biased flawed
                          deplorable appalling pathetic ineffectual racist sexist false cynical
                          inconsistent naive ill-advised unhelpful counterproductive
                          inappropriate disappointing disappointed shocking arrogant
                          incompetent hypocritical unnecessary regrettable angry furious
                          misleading insulting offensive bizarre baseless bogus laughable
                          embarrassing despicable vile nasty petty ignorant insensitive
                          unconstitutional disqualifying ludicrous preposterous ill-conceived
                          wrongheaded inexcusable indefensible unworkable unrealistic unfit
                          outraged disgusted appalled sickening hateful xenophobic bigoted
                          clueless unqualified corrupt dishonourable dishonorable stupid
                          dumb dangerous"""),
        phrases=_phrases("""out of touch, no way to, not working, lashed out, should resign,
                         hit back, hits back, fired back, shot back, hit out, hits out,
                         called on, call on, calls on, without delay, more questions than
                         answers, no excuse, not consulted, playing politics, an attack on,
                         taken sides, does not solve, will not solve, owes an apology, deserve
                         better, suspended, suspension, expel, expelled, expulsion,
                         disqualified"""),
    ),
    Stance(
        "supports", "approves, praises, endorses or agrees",
        verbs=_words("""praise welcome applaud endorse back support commend congratulate thank
                     hail laud celebrate champion encourage"""),
        nouns=_words("""praise support victory success boost triumph applause endorsement
                     solidarity honor honour privilege courage"""),
        adjectives=_words("""great excellent brilliant historic impressive remarkable wonderful
                          positive pleased grateful proud overdue encouraging courageous
                          admirable commendable inspiring delighted thrilled glad honored
                          honoured landmark amazing incredible terrific fantastic tremendous
                          outstanding exciting moving beautiful extraordinary superb
                          thoughtful smart bold"""),
        phrases=_phrases("""did the right thing, good news, step forward, right direction,
                         right decision, absolutely right, agreed with, agrees with, agree with,
                         the winner, a win for, good start"""),
    ),
    Stance(
        "analyses", "neutral interpretation by an expert or observer",
        verbs=_words("analyze analyse estimate calculate project forecast conclude"),
        nouns=_words("analysis estimate study survey projection data percent"),
        adjectives=_words("likely unlikely probably perhaps"),
        phrases=_phrases("""could be, may be, may have, might be, might have, appears to,
                         seems to, in effect, by accident, intended to, designed to, more
                         likely, less likely, in part because, depends on, percent of"""),
    ),
)

STANCE_NAMES: tuple[str, ...] = tuple(s.name for s in REGISTRY)


# How much a cue counts: the reporting verb says most of how a statement is meant; a verb,
# noun or adjective of a stance inside what was said counts less; a phrase is more telling
# than a single word, except the phrases of analysis, which hedge ("could be", "may have") and
# must not outweigh a word that judges.
REPORTING_VERB_WEIGHT = 3.0
WORD_WEIGHT = 1.0
PHRASE_WEIGHT = 1.5
_HEDGING = "analyses"
# Base forms that are more often another word ("hit back", "a counter") than a reporting verb.
_NOT_VERBS = frozenset("back counter object project lash rip hammer fault".split())
# Base forms that say nothing of a stance inside what was said: "the question is", "in the
# dispute", "back in 2009" ("backed", "backs" still support).
_NOT_CUES = frozenset("question dispute back".split())
# A negation among the five words before a cue, in its sentence, turns it off ("no one single
# point of failure"; not "to no avail. She's done nothing wrong").
_NEGATION = lazy_compile(
    r"(?:\b(?:not|no|never|nor|without|hardly)|n't)(?:[^\w.!?;:]+\w[\w']*){0,4}[^\w.!?;:]+$")
_NEGATION_REACH = 40  # characters before a cue where its negation can stand


@dataclass(frozen=True)
class _CueTable:
    cues: dict[str, str]  # a word form or phrase -> its stance
    weights: dict[str, float]  # a word form or phrase -> how much it counts
    verbs: dict[str, str]  # a verb form -> its stance
    side_verbs: dict[str, str]  # a verb form -> its stance from the principal's side
    pattern: re.Pattern[str]  # any cue as whole words (the longest where several start), group 1


def _plural(noun: str) -> str:
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


@cache
def _table() -> _CueTable:
    """The registry read into look-up tables, once (first used when a statement is scored)."""
    from .lexicon import inflect

    cues: dict[str, str] = {}
    verbs: dict[str, str] = {}
    side_verbs: dict[str, str] = {}
    for stance in REGISTRY:
        side_verbs.update((form, stance.name) for lemma in stance.side_verbs
                          for form in inflect(lemma))
        for lemma in stance.verbs:
            for form in inflect(lemma):
                if form not in _NOT_VERBS:
                    verbs.setdefault(form, stance.name)
                if form not in _NOT_CUES:
                    cues.setdefault(form, stance.name)
        for noun in stance.nouns:
            if noun not in _NOT_CUES:
                cues.setdefault(noun, stance.name)
            cues.setdefault(_plural(noun), stance.name)
        for word in (*stance.adjectives, *stance.phrases):
            cues.setdefault(word, stance.name)
    # Scanned in " " + text: the character before a cue is matched, not looked behind at, so
    # the engine skips in C to where a cue may start.
    pattern = re.compile(rf"[^\w']({trie_pattern(sorted(cues))})(?![\w'])")
    weights = {cue: PHRASE_WEIGHT if " " in cue and stance != _HEDGING else WORD_WEIGHT
               for cue, stance in cues.items()}
    return _CueTable(cues, weights, verbs, side_verbs, pattern)


@cache
def reporting_verbs() -> frozenset[str]:
    """Every form of every stance's verbs: they report a statement as speech verbs do."""
    return frozenset(_table().verbs)


# Nouns that name a reaction by itself, whose source follows "from": "criticism from X".
NAMED_REACTIONS = ("""criticism condemnation outrage outcry backlash scrutiny fire rebuke
anger fury ire dismay protest objection praise applause welcome warning concern alarm response
reaction""".split())


@cache
def reaction_nouns() -> frozenset[str]:
    """Nouns that name a reaction ("criticism from …"), singular and plural."""
    return frozenset(w for n in NAMED_REACTIONS for w in (n, _plural(n)))


def verb_stance(verb: str, side: bool = False) -> str | None:
    """The stance a reporting verb (or the noun of a reaction named as one: "fury from …")
    carries by itself ("warned" -> warns), None for "said"; with `side`, as the principal's
    ally or spokesperson uses it ("explained" -> clarifies)."""
    table = _table()
    verb = verb.lower()
    return table.verbs.get(verb) or (table.cues.get(verb) if verb in reaction_nouns() else None) \
        or (table.side_verbs.get(verb) if side else None)


def cue_scores(folded: str) -> dict[str, float]:
    """How strongly text (lower case, one kind of apostrophe) leans to each stance: the stances'
    words and phrases found in it as whole words, each not negated just before ("not
    reckless")."""
    table = _table()
    scores = dict.fromkeys(STANCE_NAMES, 0.0)
    for found in table.pattern.finditer(" " + folded):
        if _NEGATION.search(folded, max(0, found.start() - _NEGATION_REACH), found.start()):
            continue
        cue = found.group(1)
        scores[table.cues[cue]] += table.weights[cue]
    return scores
