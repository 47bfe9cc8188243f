"""Reported speech: who a sentence says is speaking, judging or believing, when it quotes no
one. "Democrats called the move a ploy", "Many lawmakers say …", "…, according to the Tax
Foundation", "The Europeans derided the deal", "… drew scrutiny from some who saw …"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import (
    ARTICLES_AND_POSSESSIVES,
    GROUP_PRONOUNS,
    NATIONALITIES,
    PRESENT_REPORTERS,
    SUBORDINATORS,
    inflect,
)
from ..patterns import any_word, lazy_compile
from .cues import WITH_DOER, _source_description, _speech_verbs, _strip_aux, sentence_subject
from .name_patterns import NAME_RE, PLACE_AFTER_PREPOSITION, UPPER
from .names import (
    Phrase,
    is_group_noun,
    last_name_sequence,
    organisation_at,
    parse_name_phrase,
    parse_nominal,
)
from .phrases import LEADING_CONNECTIVE_RE, parse_object, parse_subject
from .roles import FINITE_VERB_RE


@dataclass(frozen=True, slots=True)
class Report:
    """One speaker a sentence reports: the phrase naming them, the verb (or "according to",
    or the noun of a reaction named as one), and where the verb stands in the sentence."""

    phrase: Phrase
    verb: str
    at: int


# Where a clause of its own starts inside a sentence: a second speaker can open one.
_CLAUSE_OPENER = lazy_compile(
    r"(?:,\s+(?:and|but|while|whereas|as)\s|\s(?:while|whereas)\s|;\s|\s(?:[—–―]|--?)\s|,\s)")
_PASSIVE_BEFORE = lazy_compile(
    r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+|(?:once|also|later|then|often|first|"
    r"both|all|even|since|long|again)\s+)?$")
# A base form after an article or a possessive is a noun: "the greatest fear", "his call".
_NOUN_BEFORE = lazy_compile(
    r"\b(?:the|a|an|this|that|his|her|its|their|our|my|your|\w+est)\s+$", re.IGNORECASE)
_NEGATED_BEFORE = lazy_compile(
    r"(?:\bnot|n[’']t|\bnever|\bdeclined to|\brefused to|\bdeclines to|\brefuses to)"
    r"\s+(?:\w+ly\s+)?(?:immediately\s+)?$")
# A participle of speech after a statement or a comma that hangs on the main clause.
_PARTICIPLE_OF_MAIN = lazy_compile(
    r"(?:statement|letter|release|post|tweet|message|email|,)\s+"
    r"(?:saying|arguing|adding|warning|insisting|noting|claiming|calling|accusing)$")
# "sought to distance", "moved quickly to clarify": the speaker is the subject of the seeking.
_SEEKING = lazy_compile(
    r"\b(?:sought|seeks|seek|tried|tries|try|moved|moves|rushed|hastened|scrambled|was quick"
    r"|were quick|is quick|are quick|went on|goes on|continued|continues"
    r"|took to(?:\s+[\w'’.-]+){1,6})(?:\s+\w+ly)?\s+to\s+$")
# A verb that makes its object speak: "prompted the mayor to warn", "led critics to say".
_CAUSED = lazy_compile(
    r"\b(?:led|leads|prompted|prompts|prompting|forced|forces|spurred|drove|drives|pushed"
    r"|compelled|inspired)\s+(?P<who>(?:[\w'’.-]+\s+){1,6}?)to\s+$")
# A speaker who joins others in saying it, or is counted among those who said it.
_JOINED_IN = lazy_compile(r"\s(?:joined|joins|join)\s+(?:[\w'’-]+\s+){1,5}?in\s+$")
_AMONG_THOSE_WHO = lazy_compile(
    r"\s(?:was|were|is|are)\s+(?:among|one of)\s+(?:[\w'’-]+\s+){1,5}?who$")
_PROGRESSIVE_BEFORE = lazy_compile(r"\b(?:is|are|was|were|been|be)\s+(?:\w+ly\s+)?$")
# A feeling expressed, with no words of it reported ("expressed outrage over", not "expressed
# concern that …").
_FEELING_AFTER = lazy_compile(
    r"\s+(?:\w+\s+){0,2}?(?:outrage|anger|dismay|frustration|disappointment|sadness|"
    r"shock|concern|concerns|alarm|relief)"
    r"(?!\s+that\b)(?:\s+(?:over|at|about|for|with|on|in|after)\b|[.,;]|$)")


def _senses(*entries: tuple[tuple[str, ...], str]) -> dict[str, re.Pattern[str]]:
    """Each form of the lemmas of an entry, with the one pattern of what follows it."""
    table: dict[str, re.Pattern[str]] = {}
    for lemmas, after in entries:
        pattern = lazy_compile(after)
        table.update((form, pattern) for lemma in lemmas for form in inflect(lemma))
    return table


# Verbs of a statement that also name an act, a movement, a sound or a summons, told by the
# words that follow them; then nothing is said.
_OTHER_SENSES = _senses(
    # "Muller celebrates with Lahm", "charged into the box", "added a second goal": a play
    (("celebrate",),
     r"\s*(?:$|[.,;]|\s(?:with|after|in|at|on|as|during|alongside|following|wildly)\b)"),
    (("charge",), r"\s+(?:into|towards?|down|through|past|forward|up|across|onto)\b"),
    (("add",),
     r"\s+(?:a|an|another|his|her|their|the|two|three|four)\s+(?:[\w-]+\s+){0,2}?"
     r"(?:goals?|points?|try|tries|runs?|wickets?|penalty|header|brace|hat-trick)\b|"
     r"\s+an?\s+(?:second|third|fourth|fifth)(?=\s*(?:$|[.,;]|\s(?:in|on|after|before|with)\b))"),
    # "called to service by the governor", "called up to the squad": a summons
    (("call",), r"\s+(?:to|up)\b"),
    # "claimed responsibility for two bombings": an act in a story of its own
    (("claim",), r"\s+(?:\w+\s+)?(?:responsibility|credit)\b"),
    # "he cried out in pain", "screamed for help": a sound
    (("cry", "scream", "shout", "yell"),
     r"\s+(?:out\s+)?(?:\w+ly\s+)?(?:in|with|for)\s+(?:\w+\s+)?(?:pain|agony|help|joy|"
     r"delight|fear|terror|horror|anguish|relief|mercy)\b"),
)
# Showing with "it" for subject is a video or a page showing, no one speaking.
_SHOWING = frozenset(inflect("show"))
# Seeing is an opinion only "as" something: "some saw the remark as a dig".
_PERCEIVING = frozenset(inflect("see"))
_SEEN_AS = lazy_compile(r"[^.;:]{0,80}?\bas\b")
_ANONYMITY_AFTER = lazy_compile(r"\s+on\s+(?:condition\s+of\s+)?anonymity")
_CREDIT_AFTER = lazy_compile(r"\s+(?:from|reporting)\b")
_COORDINATED = lazy_compile(r"(?:^|\s)(?:and|but)(?:\s+\w+ly)?$")
_OF_WHOM = lazy_compile(r",\s+(?:many|most|some|all|several|few|none|each|one)\s+of\s+whom$")
_PREPOSITION = lazy_compile(r"\s(?:with|from|by|to|among|for|of)\s(?!\d)")
_TIME_SPANS = frozenset(
    "years days weeks months hours minutes decades moments shortly soon long just right".split())
_LEADING_SUBORDINATOR = lazy_compile(r"^(?:As|While|Although|Though|When|Because|Since|If)\s+")
# The agent of a passive verb, after any complement: "was criticised by X", "has been called a
# charlatan by X", "was described as reckless by X".
_BY_AGENT = lazy_compile(r"(?:\s+(?:[\w'’-]+|[\"“‘'][^\"”’']{1,40}[\"”’'])){0,6}?\s+by\s+")
# Verbs whose object comes before their preposition ("accused the firm of", "blamed him for"):
# the participle straight before it describes its noun ("the woman accused of fraud").
_OBJECT_BEFORE_PREPOSITION = frozenset(
    form for lemma in "accuse blame criticise criticize condemn praise thank fault rebuke".split()
    for form in inflect(lemma) if form.endswith("ed"))
_PREPOSITION_AFTER = lazy_compile(r"\s+(?:of|for)\b")
# Where or how something was said, between the speaker and the verb.
_TRAILING_SETTING = lazy_compile(
    r"\s(?:in|on|at|during|via|through)\s+(?:an?\s+|the\s+|his\s+|her\s+|its\s+|their\s+)?"
    r"(?:[\w'’.-]+\s+){0,2}(?P<last>[\w'’.-]+)$")
_MEDIUM_NOUNS = frozenset("""statement statements interview interviews letter tweet tweets post
posts email emails speech op-ed editorial memo release conference hearing briefing appearance
broadcast podcast video remarks address rally debate show""".split())
_TENSED = ("ed", "id", "ld", "ote", "s")  # said, told, wrote, says: no noun ("the … attack")
_PREPOSITION_WORDS = frozenset(
    "of for with from by to at in on about against among over amid after before".split())
# A source ends at a clause break or a quote.
_SOURCE_END = lazy_compile(r"[,;:.!?\"“”«»()—–]")
_AN_ANALYSIS_BY = lazy_compile(
    r"^(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:analysis|study|report|survey|review|estimate|poll)"
    r"\s+(?:by|from|of)\s+(?P<who>.+)$", )
# "from some who saw …": a group named by a quantifier and a relative clause.
_GROUP_PRONOUN_RE = lazy_compile(r"^(?P<who>(?:" + "|".join(sorted(GROUP_PRONOUNS)) +
                                 r"))\b(?=\s+(?:who|of|say|said|believe|see|saw|argue)|\s*$)",
                                 )
_RELATIVE = lazy_compile(r"\b(?:who|that|which|whose)\b")
# Verbs whose next noun is who they address, never an inverted speaker: "…, told his advisers
# to …", "…, urged voters to …".
_ADDRESSING = frozenset(form for lemma in
                        "tell urge remind assure inform thank order instruct ask".split()
                        for form in inflect(lemma))
# Verbs that voice a feeling: with one named after them and nothing of it said, no statement.
_VOICING = frozenset(inflect("express") + inflect("voice"))
# Verbs of speaking that state something only with what was spoken of: "spoke out against".
_SPEAKING = frozenset("speak speaks spoke speaking talk talks talked talking".split())
_SPOKEN_OF = lazy_compile(r"\s+(?:\w+ly\s+)?(?:about|of|out|against|up)\b")
_RELATIVE_CLAUSE = lazy_compile(r",\s+(?:who|whose)\s[^,]*(?:,[^,]*)?,$")
_PLACE_OR_TIME_BEFORE = lazy_compile(r"\b(?:on|in|at|to|during|from|with|after|before)\s")
# "with X [— who … —] doing": X does it.
_WHAT_DOER = lazy_compile(r"\bwhat\s+(?P<who>(?:[\w'’-]+\s+){0,3}[\w'’-]+)$")
_MAX_VERBS = 8  # statement verbs tried per sentence
_NO_COMMENT_AFTER = lazy_compile(
    r"\s+(?:that\s+)?(?:he|she|they|it|we|I)\s+(?:could|can|would|will|did|does|do)\s*"
    r"(?:not|n't|n’t)\s+(?:immediately\s+)?(?:comment|respond)\b")
# In an appositive, a participle after such an adverb tells what others think of someone.
_PASSIVE_ADVERB = lazy_compile(
    r"(?:,|\band)\s+(?:widely|generally|largely|commonly|universally|roundly|broadly)\s+$")
_EXPECTING = frozenset(inflect("expect"))
_MODAL_BEFORE = lazy_compile(r"\b(?:can|could|may|might)\s+$")
_FINDING = frozenset(inflect("find"))
# What a finding states: a clause ("found that …", "found the tax would raise …").
_FOUND_CLAUSE = lazy_compile(
    r"\s+(?:that\b|(?:[\w'’.-]+\s+){1,6}?(?:is|are|was|were|will|would|has|have|had|can|could|"
    r"should|may|might|must|did|does|do)\b|(?:[\w'’.-]+\s+){1,6}?(?<!\bbeing\s)(?<!\bbeen\s)"
    r"\w+ed\s)")
# "A group called Community Tech is …", "a man called Tom said": a name given, nothing said;
# not "a spokesman called Hale a liar" or "… Hale unfit" (the name's label follows it).
_NAMING = frozenset("called named dubbed".split())
_INDEFINITE_BEFORE = lazy_compile(r"(?:^|\s)(?:[Aa]|[Aa]n)\s+(?:[\w'’-]+\s+){0,2}$")
_NAME_GIVEN = lazy_compile(
    rf"\s+(?>[{UPPER}][\w'’.-]*(?:\s+[{UPPER}][\w'’.-]*)*)(?<!['’]s)"
    r"(?=\s*[,.;:(]|\s*$|\s+(?:is|was|are|were|has|have|had|which|that|who|whose|and|in|on|at|"
    r"to|for|of|with|from|by|said|says|\w+ed)\b)")
_SUBJECT_REACH = 200  # characters before a verb where its subject (and appositive) stands
MAX_CLAUSE_WORDS = 14  # words before a verb with no clause break: more, and it is a subordinate's


def may_report(text: str, verbs: frozenset[str]) -> bool:
    """False when no sentence of text can report a speaker: none of the verbs, no "according
    to", no reaction "from" anyone (one scan of a paragraph spares one of each sentence)."""
    return " from " in text or "ccording" in text or any_word(verbs).search(" " + text) is not None


def reported_speakers(sentence: str, verbs: frozenset[str],
                      reaction_nouns: frozenset[str] = frozenset()) -> list[Report]:
    """The speakers a sentence reports, in order: the subject of each statement verb that has
    one ("Critics say", "he warned"), the speaker after an inverted verb ("…, said X"), the
    source of "according to", the agent of a passive reaction ("was condemned by X") and the
    source of a reaction named as a noun ("criticism from X"). A verb inside what an earlier
    one reports ("Merrill says Machado promised …") adds no speaker: only one opening a clause
    of its own does ("…, and human rights groups warned …")."""
    found: list[Report] = []
    last_end = -1
    for verb in _speech_verbs(sentence, None, verbs)[:_MAX_VERBS]:
        if last_end >= 0 and verb.word != "according to" and \
                not _CLAUSE_OPENER.search(sentence, last_end, verb.start()):
            continue  # part of what the previous speaker said
        phrase = _speaker_of(sentence, verb.start(), verb.end(), verb.word)
        if phrase is None and last_end < 0 and _PARTICIPLE_OF_MAIN.search(
                sentence, max(0, verb.start() - 30), verb.end()):
            # "The bank issued a statement saying …": the speaker is the sentence's subject
            phrase = sentence_subject(sentence) or opening_phrase(sentence)
        if phrase is None or _plural_with_singular_verb(phrase, verb.word):
            continue
        last_end = verb.end()
        for one in (_named_before(sentence, verb.start(), phrase), phrase,
                    _agreed_with(sentence, verb.end(), verb.word)):
            if one is not None and not any(r.phrase == one for r in found):
                found.append(Report(one, verb.word, verb.start()))
    if reaction_nouns and " from " in sentence:
        found.extend(_named_reactions(sentence, reaction_nouns))
    return found


# The state or country after a place: "in Springfield, Ill.,", "of Washington, DC".
_STATE_AFTER_PLACE = lazy_compile(rf"{PLACE_AFTER_PREPOSITION}(?P<state>,\s+[A-Z][\w.]*,?)$")
# A relative clause's subject before the verb: "…, which critics say is a tax on jobs".
_WHICH_THEY_SAY = lazy_compile(r"\bwhich\s+(?P<who>(?:[\w'’.-]+\s+){0,3}[\w'’.-]+)$")
_AND_BEFORE = lazy_compile(r",?\s+and\s+$")


_AGREEING = frozenset(inflect("agree")) | frozenset(inflect("concur"))
_AGREED_WITH = lazy_compile(r"\s+with\s+(?P<who>[^,;:]{2,80}?)\s+that\b")


def _agreed_with(sentence: str, verb_end: int, verb: str) -> Phrase | None:
    """Whom the subject agreed with "that …": they hold it too ("Rinaudo agreed with the
    defence barrister Soraya Ryan that the accused …")."""
    if verb.lower() not in _AGREEING:
        return None
    agreed = _AGREED_WITH.match(sentence, verb_end)
    if agreed is None:
        return None
    who = agreed.group("who")
    return parse_object(who) or group_phrase(who)


def _named_before(sentence: str, verb_at: int, phrase: Phrase) -> Phrase | None:
    """The first of two named subjects of one verb: "Councillors Ann Cole and Tom Ardle called
    the levy …" reports Ann Cole too (the phrase found is the last, Tom Ardle)."""
    if phrase.kind != "name":
        return None
    before = sentence[:verb_at]
    at = before.rfind(phrase.text, max(0, verb_at - _SUBJECT_REACH))
    joined = _AND_BEFORE.search(before, max(0, at - 6), at) if at > 0 else None
    if joined is None:
        return None
    first = parse_subject(before[:joined.start()][-_SUBJECT_REACH:])
    return first if first is not None and first.kind == "name" and first != phrase else None


def _plural_with_singular_verb(phrase: Phrase, verb: str) -> bool:
    """"…with negative ads, mailers and phone calls": a plural description is never the subject
    of a verb in the third person singular, which is a noun there."""
    words = phrase.text.split()
    return phrase.kind == "nominal" and verb[-1:] == "s" and verb[-2:] != "ss" and \
        words[-1][-1:] == "s" and words[-1][-2:] not in ("ss", "'s", "’s") and \
        " of " not in phrase.text and words[0].lower() not in _SINGULAR_QUANTIFIERS


_SINGULAR_QUANTIFIERS = frozenset("one each every neither either".split())
# The last of two or more named subjects: "Rhea Sand and Tom Ardle" (they say, not says).
_LAST_OF_PAIR = lazy_compile(r"\band\s+(?:[\w.'’-]+\s+){0,3}[\w.'’-]+$")
# Examples set off after a subject: "Other unions, including the GMB and the NFU,".
_EXAMPLES_AFTER = lazy_compile(r",\s+(?:including|such as|among them|notably)\s[^,]*$")


def _speaker_of(sentence: str, start: int, end: int, verb: str) -> Phrase | None:
    if verb == "according to":
        return source_phrase(sentence[end:])
    before = sentence[:start]
    infinitive = before.endswith(" to ")
    if infinitive:
        caused = _CAUSED.search(before, max(0, len(before) - _SUBJECT_REACH))
        if caused:  # "The move prompted Mayor Ivo Brand to warn …": the mayor warned
            who = caused.group("who")
            return parse_object(who) or group_phrase(who)
        seeking = _SEEKING.search(before)
        if seeking is None:
            return None  # "allowing people to see …": an infinitive, no statement made
        before = before[:seeking.start()] + " "  # "Officials … moved to distance themselves"
    near = before[-24:]
    if verb.lower() in PRESENT_REPORTERS and _NOUN_BEFORE.search(near):
        return None  # "this reeks of the greatest fear", "a call for calm": nouns
    if _may_negate(near) and _NEGATED_BEFORE.search(near):
        return None  # "did not respond", "declined to comment": no statement made
    if not verb.endswith("ing") and _PASSIVE_BEFORE.search(before[-20:]):
        agent = _BY_AGENT.match(sentence, end)
        return source_phrase(sentence[agent.end():]) if agent else None
    if verb.lower() in _SPEAKING and not _SPOKEN_OF.match(sentence, end):
        return None  # "was speaking Friday in Fort Wayne": speaking, nothing said
    other_sense = _OTHER_SENSES.get(verb.lower())
    if other_sense is not None and other_sense.match(sentence, end):
        return None  # "celebrates with his team-mates", "cried out in pain": no statement
    if verb in _VOICING and _FEELING_AFTER.match(sentence, end):
        return None  # "leaders expressed outrage over …": an attitude told, nothing said
    if verb.lower() in _PERCEIVING and not _SEEN_AS.match(sentence, end):
        return None  # "officers saw Scott get out of a car": seen, not judged ("saw it as …")
    if verb in _NAMING and _INDEFINITE_BEFORE.search(near) and _NAME_GIVEN.match(sentence, end):
        return None  # "a group called Community Tech is giving away phones": a name given
    if verb.lower() in _OBJECT_BEFORE_PREPOSITION and _PREPOSITION_AFTER.match(sentence, end):
        return None  # "The woman accused of blackmailing him has …": said of her
    if verb.endswith("ed") and _PASSIVE_ADVERB.search(near):
        return None  # "…, co-accused and widely considered the leader": said of them
    if verb.lower() in _EXPECTING and _MODAL_BEFORE.search(near):
        return None  # "people who divorce can expect a lower income": no one's view
    if verb.lower() in _FINDING and not _FOUND_CLAUSE.match(sentence, end):
        return None  # "jurors found him guilty", "they found the phone": no finding stated
    if _NO_COMMENT_AFTER.match(sentence, end):
        return None  # "said he could not comment on the letter": nothing said on it
    if _ANONYMITY_AFTER.match(sentence, end):
        return None  # "insisted on anonymity": said of the speaker, not by them
    if _CREDIT_AFTER.match(sentence, end):
        return None  # "X reported from Midway Atoll": the reporter's credit line
    if verb.endswith("ing") and not _PROGRESSIVE_BEFORE.search(before[-24:]):
        absolute = WITH_DOER.search(before[-_SUBJECT_REACH:])
        if absolute:  # "…, with Democrats accusing him of …": the Democrats
            return parse_subject(absolute.group("who")) or group_phrase(absolute.group("who"))
        joined = _JOINED_IN.search(before, max(0, len(before) - _SUBJECT_REACH))
        if joined:  # "Ann Cole joined critics in calling the plan …": Ann Cole
            return parse_subject(before[:joined.start()][-_SUBJECT_REACH:])
        return None  # "…, arguing that": the speaker is the previous verb's
    progressive = _PROGRESSIVE_BEFORE.search(before, max(0, len(before) - 24))
    unstripped = (before[:progressive.start()] if progressive else before).rstrip()
    pre = _strip_aux(unstripped).rstrip()
    auxiliary = len(pre) < len(unstripped)  # "have also", "will": what follows is no inversion
    if pre.endswith(","):
        relative = _RELATIVE_CLAUSE.search(pre, max(0, len(pre) - _SUBJECT_REACH - 160))
        if relative and parse_subject(pre[:relative.start()][-_SUBJECT_REACH:]) is not None:
            # "Aparna Mathur, who studies tax policy, said Ivanka Trump's …": Mathur
            pre = pre[:relative.start()]
    if not pre or pre.endswith(","):
        after = parse_object(sentence[end:]) if pre.endswith(",") or not pre else None
        if after is not None and after.kind != "pronoun" and verb not in _ADDRESSING and \
                verb.lower() not in _SHOWING and \
                _follows_verb(sentence[end:], after) and not _named_subject(pre) and \
                not auxiliary:  # "…, the GMB, have also endorsed Ruiz": no Ruiz
            return after  # "…, said Jane Roe" / "Said the minister: …"
        if not pre:
            return None
        pre = pre.rstrip(" ,")  # "Osterland, the neighbouring region, said it …"
        examples = _EXAMPLES_AFTER.search(pre)
        if examples:  # "Other unions, including the GMB, have also endorsed …": the unions
            pre = pre[:examples.start()]
    state = _STATE_AFTER_PLACE.search(pre, max(0, len(pre) - 80)) \
        if "," in pre[-24:] else None
    if state:  # "Ann Cole of Dover, Del., said", "… in Washington, DC said": the state is no one
        pre = pre[:state.start("state")]
    if _COORDINATED.search(pre[-12:]):  # "X watched …, and said": X
        return sentence_subject(sentence) or group_phrase(sentence.split(",", 1)[0])
    of_whom = _OF_WHOM.search(pre)
    if of_whom:  # "… with family members of 9/11 victims, many of whom say": the members
        noun_phrase = _PREPOSITION.split(_CLAUSE_OPENER.split(pre[:of_whom.start()])[-1])[-1]
        return group_phrase(noun_phrase)
    what = _WHAT_DOER.search(pre[-60:])
    if what:  # "engaging in what analysts described as …": the analysts
        return group_phrase(what.group("who")) or parse_subject(what.group("who"))
    # The subject is the phrase right before the verb, in its own clause.
    clause = pre
    for m in _CLAUSE_OPENER.finditer(pre):
        clause = pre[m.end():]
    clause_words = clause.split()
    if len(clause_words) > MAX_CLAUSE_WORDS:
        # A long stretch with no clause break: the verb belongs to a subordinate, unless a
        # full name stands right before it ("In a meeting with the board last spring Roy Hale
        # said …").
        return _name_right_before(clause) if verb.endswith(_TENSED) else None
    last_word = clause_words[-1].lower() if clause_words else ""
    among = _AMONG_THOSE_WHO.search(pre, max(0, len(pre) - 80))
    if among:  # "Ann Cole was among the Democrats who criticized …": Ann Cole
        return parse_subject(pre[:among.start()][-_SUBJECT_REACH:])
    which = _WHICH_THEY_SAY.search(pre, max(0, len(pre) - 60)) if "which" in pre[-60:] else None
    if which:  # "a levy which critics say will drive trade away": the critics say it
        return parse_subject(which.group("who")) or group_phrase(which.group("who"))
    if clause_words and clause_words[0].lower() in SUBORDINATORS and \
            clause_words[0].lower() != "as" and len(clause_words) <= 3 or \
            last_word in SUBORDINATORS:
        # "after it backed Clinton": a subordinate clause, not a statement; "As one analyst
        # noted, …" attributes what follows
        return None
    if len(clause_words) > 2 and clause_words[1] in ("after", "before", "since", "until") and \
            clause_words[0].lower() in _TIME_SPANS:
        return None  # "…, years after many countries agreed to …": a time, no statement
    pre = _LEADING_SUBORDINATOR.sub("", pre)  # "As X, a tax lawyer, pointed out, …"
    phrase = parse_subject(pre[-_SUBJECT_REACH:])
    if phrase is None or phrase.kind == "nominal" and ", " in phrase.role:
        # "In an article for Nature, Dr Ann Cole of the Kent Institute in Dover [said]"
        phrase = _subject_before_setting(pre) or phrase
    if phrase is not None and phrase.kind == "pronoun" and phrase.text == "it" and \
            verb.lower() in _SHOWING:
        return None  # "It shows an officer aiming a gun": a video or a page, no one speaking
    if phrase is not None and verb.lower() in PRESENT_REPORTERS and \
            not (auxiliary or infinitive) and phrase.kind == "name" and \
            phrase.entity_kind == "person" and \
            (phrase.honorific or " " in phrase.text) and not _LAST_OF_PAIR.search(pre):
        return None  # "help Mr. Putin maintain the image": one person's verb has no base form
    if phrase is not None and phrase.kind == "name" and " " not in phrase.text:
        if phrase.text.lower()[:-1] in NATIONALITIES:  # "The Europeans, who …, derided"
            return group_phrase(phrase.text) or phrase
        if clause.strip() == phrase.text:
            # "Shopkeepers warned …": a plural for people, capitalised only to open the sentence
            return group_phrase(phrase.text.lower()) or phrase
    return phrase or group_phrase(clause)


def _subject_before_setting(pre: str) -> Phrase | None:
    """The subject before where or how something was said: "Ann Cole on Twitter [slammed]",
    "Critics in a joint letter [warned]" (a medium, or a capitalised place or outlet)."""
    setting = _TRAILING_SETTING.search(pre, max(0, len(pre) - 60))
    if setting is None:
        return None
    last = setting.group("last")
    if not (last[:1].isupper() or last.lower() in _MEDIUM_NOUNS):
        return None
    subject = pre[max(0, setting.start() - _SUBJECT_REACH):setting.start()]
    phrase = parse_subject(subject)
    if phrase is None:
        return None
    at = subject.rfind(phrase.text)
    # The phrase ends the subject, or only its role follows it ("Ann Cole of the Kent Trust").
    if at < 0 or subject[at + len(phrase.text):].strip() not in ("", phrase.role):
        return None
    before = subject[:at].split()[-1:]
    return None if before and before[0].lower() in _PREPOSITION_WORDS else phrase


def _name_right_before(text: str) -> Phrase | None:
    """A person named by two words or more that ends text, not the object of a preposition."""
    last = last_name_sequence(text)
    if last is None or "’s " in last.group(0) or "'s " in last.group(0):
        return None  # "Hoffenheim's Andreas Beck added an own goal": a name in a long clause
    before = text[:last.start()].split()[-1:]
    if before and (before[0].lower() in _PREPOSITION_WORDS or before[0][:1].isupper() or
                   before[0].lower() in ARTICLES_AND_POSSESSIVES):
        return None
    phrase = parse_name_phrase(last.group(0))
    if phrase is None or phrase.entity_kind != "person" or " " not in phrase.text:
        return None
    return phrase


def _named_subject(pre: str) -> bool:
    """Whether the words before a verb are a named subject and its appositive alone ("Megan
    Hester, senior associate at the institute, [said]"), not a clause an inverted speaker
    closes ("The cuts will hurt the islands, [said Rhea Sand]")."""
    if FINITE_VERB_RE.search(pre):
        return False
    subject = parse_subject(pre)
    return subject is not None and subject.kind == "name" and \
        LEADING_CONNECTIVE_RE.sub("", pre.lstrip(), 1).startswith(subject.text)


def _follows_verb(rest: str, phrase: Phrase) -> bool:
    """Whether the phrase stands right after the verb, as an inverted speaker does ("said
    Sen. Jo Hill"), not inside what follows it ("said Thursday on Fox News")."""
    at = rest.find(phrase.text.split()[0])
    return at >= 0 and not _PLACE_OR_TIME_BEFORE.search(rest, 0, at)


def _may_negate(text: str) -> bool:
    """Whether text holds a word of _NEGATED_BEFORE (substring tests, cheaper than its scan)."""
    return "not" in text or "n't" in text or "n’t" in text or "never" in text or \
        "decline" in text or "refuse" in text


def source_phrase(text: str) -> Phrase | None:
    """The speaker after "according to" or "by": a name, a description, a group; of "an
    analysis by X", X."""
    source = _SOURCE_END.split(text.strip(), 1)[0].strip()
    if not source:
        return None
    by = _AN_ANALYSIS_BY.match(source)
    if by:
        return parse_object(text.strip()[by.start("who"):]) or group_phrase(by.group("who"))
    return parse_object(text) or group_phrase(source) or _source_description(source)


def opening_phrase(sentence: str) -> Phrase | None:
    """The name or group that opens a sentence: "The Bank of Tessaly later issued …"."""
    text = sentence.strip()
    name = NAME_RE.match(text)
    if name is not None:
        return organisation_at(text, name) or parse_name_phrase(name.group(0))
    return group_phrase(" ".join(text.split()[:5]))


def group_phrase(text: str) -> Phrase | None:
    """A group of speakers named by a noun for people ("top black lawmakers", "Experts on
    North Korea and nuclear nonproliferation", "Developers and supporters in Congress") or by
    a quantifier ("some", "many of whom")."""
    text = text.strip(" ,")
    words = text.split()
    if not words or len(words) > 12:
        return None
    pronoun = _GROUP_PRONOUN_RE.match(text.lower())
    if pronoun:
        return Phrase("nominal", pronoun.group("who"), entity_kind="anonymous",
                      head=pronoun.group("who"))
    for n, word in enumerate(words[:5]):
        low = word.lower().strip(",.")
        if is_group_noun(low):
            head = " ".join(words[:n + 1]).strip(",.;:")
            rest = " ".join(words[n + 1:])
            if FINITE_VERB_RE.search(_RELATIVE.split(rest, 1)[0]):
                return None  # "Republicans in Congress will continue their …": a clause
            named = parse_name_phrase(head)
            if named is not None and named.entity_kind == "organisation":
                return named
            return Phrase("nominal", head, role=rest if rest[:3] in ("in ", "at ", "on ")
                          or rest[:5] in ("from ", "with ") else "",
                          entity_kind="anonymous", head=low)
    return parse_nominal(text)


_FROM = lazy_compile(r"\s+from\s+")
_SOURCE_WINDOW = 200  # characters after "from" where a reaction's source stands


def _named_reactions(sentence: str, nouns: frozenset[str]) -> list[Report]:
    """"… drew scrutiny from some who saw …", "an outcry from victims' groups": the source of a
    reaction named by one of the nouns."""
    found = []
    for m in _FROM.finditer(sentence):
        before = sentence[max(0, m.start() - 40):m.start()].split()
        noun = before[-1].lower().strip(",") if before else ""
        if noun not in nouns:
            continue
        rest = sentence[m.end():m.end() + _SOURCE_WINDOW]
        phrase = group_phrase(_SOURCE_END.split(rest, 1)[0]) or source_phrase(rest)
        if phrase is not None:
            found.append(Report(phrase, noun, m.start()))
            if len(found) == _MAX_VERBS:
                break  # a run-on of them is no sentence: as many as a sentence's verbs
    return found
