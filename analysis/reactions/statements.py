"""Statements: every sentence in which someone other than the reporter speaks, judges or
believes: the quotes the quote stage attributed, and reported speech (`people.reported`), each
with its speaker resolved through the people layer (so "he", "the minister" and "Mr. Hale"
are the person the quotes have too)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING

from ..document import Sentence
from ..lexicon import (
    OFFICER_NOUNS,
    OPINION_LEMMAS,
    OPINION_VERBS,
    PRESENT_REPORTERS,
    SPEECH_LEMMAS,
    SPEECH_VERBS,
    inflect,
)
from ..patterns import lazy_compile, trie_pattern
from ..people import Entity, Target, display_name
from ..people.cues import BACK_VERBS
from ..people.names import split_name
from ..people.reported import Report, may_report, reported_speakers
from ..stances import reaction_nouns, reporting_verbs, verb_stance

if TYPE_CHECKING:
    from ..document import Document
    from ..people import People
    from ..quotes.extract import QuoteFindings


# Endings of the verb forms that report ("warned", "slams", "backing"): a base form is as often
# a noun ("a question", "support").
_FINITE_ENDINGS = ("ed", "s", "ing")
# The words that tell a reaction named as a noun: the noun with the two words before it.
_NAMED_REACTION = lazy_compile(r"(?:\S+\s+){0,2}$")
# The toll that follows a physical attack: "…, killing 17 sailors".
_CASUALTIES = lazy_compile(r",\s+(?:killing|wounding|injuring|maiming)\b")
_SECOND_CLAUSE = lazy_compile(r"(?:,\s*|\s)(?:while|whereas|but|and)\s|;\s|,\s+")


@dataclass
class Statement:
    """One actor speaking in one sentence."""

    actor: Target
    sentence: Sentence
    index: int  # of the sentence in Document.sentences
    verb: str  # the reporting verb as written ("said", "according to"), "" when none
    said: str  # the actor's words: the quotes' texts, or the reported sentence
    quote_ids: list[str] = field(default_factory=list)
    letter: bool = False  # a signed letter or post of a letters page: a response to its topic


_LEMMAS = frozenset(SPEECH_LEMMAS) | frozenset(OPINION_LEMMAS)
_POSITION_LEMMAS = ("back", "support", "champion", "encourage")
# Verbs of supporting tell a position or an act far more often than a statement ("Russia backed
# the government", "she supported the bill"): they frame a quote's stance, but report nothing.
_POSITION_VERBS = frozenset(form for lemma in _POSITION_LEMMAS for form in inflect(lemma))


@cache
def statement_verbs() -> frozenset[str]:
    """Verbs that report a statement: of speech, of opinion and finding, and the stances'. A
    base form counts only for the verbs a group reports with in the present ("critics say",
    "some believe"): "see", "state" or "support" alone are nouns or infinitives far more often."""
    verbs = SPEECH_VERBS | OPINION_VERBS | reporting_verbs()
    bases = {lemma for lemma in _LEMMAS if lemma in verbs} - PRESENT_REPORTERS
    return verbs - bases - _POSITION_VERBS | {"According", "according"} | BACK_VERBS


def find_statements(doc: Document, people: People, found: QuoteFindings) -> list[Statement]:
    """Every statement of the document, in reading order."""
    statements: list[Statement] = []
    by_key: dict[tuple[int, int], Statement] = {}
    starts = doc.sentence_starts
    # Sentences a quote runs on into from an earlier one: read only after the quote closes.
    continued: set[int] = set()
    for quote, target in zip(found.quotes, found.targets, strict=True):
        index = max(0, bisect_right(starts, (quote.paragraph, quote.start)) - 1)
        last = bisect_right(starts, (quote.paragraph, max(quote.start, quote.end - 1))) - 1
        continued.update(range(index + 1, last + 1))
        if target is None or not people.can_speak(target):
            continue
        key = (index, id(target))
        if key in by_key:
            by_key[key].said += " " + quote.text
            by_key[key].quote_ids.append(quote.id)
            continue
        sentence = doc.sentences[index]
        frame = sentence.text.replace(quote.text, " ")
        by_key[key] = Statement(target, sentence, index, _frame_verb(frame) or quote.cue,
                                f"{quote.text} {frame}", [quote.id])
        statements.append(by_key[key])
    quoting = {index for index, _ in by_key} | continued
    verbs, nouns = statement_verbs(), reaction_nouns()
    resolver = people.resolver
    speakers_of: dict[int, set[int]] = {}
    for index, target_id in by_key:
        speakers_of.setdefault(index, set()).add(target_id)
    reporting = [may_report(text, verbs) for text in doc.marked]
    # "PENCE: Well, look, …" in a transcript: the labelled speaker says all of the paragraph;
    # a name inside it is spoken of, not speaking.
    transcript: dict[int, tuple[Entity, str]] = {}
    for paragraph, text in enumerate(doc.paragraphs):
        label = _SPEAKER_LABEL.match(text)
        if label is None:
            continue
        target = _labelled_speaker(people, label)
        if target is not None:
            transcript[paragraph] = (target, text[label.end():])
    letters = _signed_letters(doc, people)
    transcript.update(letters)
    transcribed: set[int] = set()  # transcript paragraphs whose statement is made
    for index, sentence in enumerate(doc.sentences):
        if sentence.paragraph in transcript:
            target, said = transcript[sentence.paragraph]
            # One statement per paragraph, at its first sentence; an interviewer's question
            # is none.
            if sentence.paragraph not in transcribed and (
                    sentence.paragraph in letters or not said.rstrip(" \"”").endswith("?")):
                statements.append(Statement(target, sentence, index, "", said,
                                            letter=sentence.paragraph in letters))
            transcribed.add(sentence.paragraph)
            continue
        if not reporting[sentence.paragraph]:
            continue
        text = doc.marked[sentence.paragraph][sentence.start:sentence.end]
        after = 0
        if index in quoting:  # "X hailed the move as “…,” while Y voiced concern": Y too
            text, after = _second_clause(doc, sentence, text)
            if not after:
                continue
        reports = reported_speakers(text, verbs, nouns)
        bounds = _clause_bounds(text, reports) if len(reports) > 1 else \
            [(0, len(text))] * len(reports)
        for report, (start, end) in zip(reports, bounds, strict=True):
            if report.at < after:
                continue
            if report.verb not in SPEECH_VERBS and _CASUALTIES.search(text, report.at, end):
                continue  # "they attacked the ship, killing 17 sailors": a blow, not a word
            # "City indicated he is not in their sights, but Mertesacker insists …": each
            # speaker said their own clause
            said = sentence.text[max(after, start):end]
            if text[:report.at].rstrip().endswith(",") and \
                    report.phrase.text in text[report.at:]:
                # Inverted after what was said: "Most couples sign a form, said Dr. Ann Cole,
                # who is not involved in the case" said only the words before the verb.
                said = text[after:report.at]
            elif report.verb in nouns:  # "a warning that drew an angry response from X": X's
                named = _NAMED_REACTION.search(sentence.text[:report.at])
                said = (named.group(0) if named else "") + sentence.text[report.at:]
            target = resolver.resolve(report.phrase, sentence.paragraph,
                                      sentence.start + report.at)
            if target is not None and people.can_speak(target) and \
                    id(target) not in speakers_of.get(index, ()):
                verb = report.verb if verb_stance(report.verb) else \
                    _frame_verb(text[report.at + len(report.verb):end]) or report.verb
                statements.append(Statement(target, sentence, index, verb, said))
                speakers_of.setdefault(index, set()).add(id(target))
    statements.sort(key=lambda st: st.index)
    return statements


# A transcript's speaker label opening a paragraph: "PENCE:", "“WALLACE:", "SEN. HOLT:".
_SPEAKER_LABEL = lazy_compile(r"[\"“]?(?P<who>[A-Z][A-Z.'’ -]{1,30}[A-Z]):\s")


# A letters page signs each letter or post with a paragraph after it that holds only the
# writer's name ("Kathryn Kates.") or handle ("@plish516."); the writer's town may follow.
_SIGNATURE = lazy_compile(r"(?:@\w{2,30}|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]*\.?){1,3})\.?")
MIN_SIGNATURES = 2  # signed paragraphs that make a page of letters, not a stray name line
LETTER_WORDS = 6  # words of a letter's paragraph: fewer, and it is a heading or a place


def _signed_letters(doc: Document, people: People) -> dict[int, tuple[Entity, str]]:
    """The paragraphs of a letters page, each with the writer who signed its letter."""
    paragraphs = doc.paragraphs
    signatures: list[tuple[int, str]] = []
    for p, text in enumerate(paragraphs[1:], start=1):
        signature = text.strip()
        if len(signature) > 40 or not _SIGNATURE.fullmatch(signature) or \
                len(paragraphs[p - 1].split()) < LETTER_WORDS:
            continue
        name = signature.rstrip(".")
        if not name.startswith("@"):
            parts = split_name(name)
            if parts is None or parts.kind != "person" or parts.name != name:
                continue
        signatures.append((p, name))
    # A page of letters signs with a handle or puts the writer's town under a name
    # ("New York."); a subheading ("Climate Change.") has its section's text under it.
    if len(signatures) < MIN_SIGNATURES or not any(
            name.startswith("@") or p + 1 < len(paragraphs) and
            len(paragraphs[p + 1].split()) < LETTER_WORDS for p, name in signatures):
        return {}
    letters: dict[int, tuple[Entity, str]] = {}
    for p, name in signatures:
        writer = people.table.lookup(name, "person") or Entity(name, "person")
        q = p - 1
        while q >= 0 and q not in letters and len(paragraphs[q].split()) >= LETTER_WORDS:
            letters[q] = (writer, paragraphs[q])
            q -= 1
    return letters


def _labelled_speaker(people: People, label: re.Match[str]) -> Entity | None:
    """The person a transcript label names when the article has named them ("PENCE" is Mike
    Pence); an editor's "CLARIFICATION:" or "UPDATE:" names no one."""
    parts = split_name(label.group("who").strip().title())
    if parts is None or parts.kind != "person":
        return None
    target = people.table.lookup(parts.name, "person")
    return target if target is not None and people.can_speak(target) else None


def _frame_verb(frame: str) -> str:
    """The first verb in a stretch of the reporter's words that takes a stance by itself: what
    frames a quote ("backed Mr Hale, saying '…'", "slammed the pardons as '…'") or what a
    neutral "say" reports ("analysts say he may have fumbled"); "" when none does."""
    found = _frame_verbs().search(" " + frame)
    return found.group(1) if found else ""


@cache
def _frame_verbs() -> re.Pattern[str]:
    """Any finite form of a stance's verb, or a reaction noun that carries a stance, as a
    whole lower-case word: one scan of a frame instead of a look-up per word."""
    forms = [w for w in (*reporting_verbs(), *reaction_nouns())
             if w.islower() and w.endswith(_FINITE_ENDINGS) and verb_stance(w)]
    return re.compile(rf"[^\w'’-]({trie_pattern(sorted(forms))})(?![\w'’-])")  # in " " + text


_CLAUSE_BREAK = lazy_compile(r",?\s+(?:but|while|whereas)\s+|;\s+|,\s+and\s+")


def _clause_bounds(text: str, reports: list[Report]) -> list[tuple[int, int]]:
    """Where each speaker's clause of a sentence starts and ends: a later speaker's clause
    opens at the last clause break before their subject."""
    starts = [0]
    for before, report in zip(reports, reports[1:], strict=False):
        subject = text.rfind(report.phrase.text, 0, report.at)
        if report.phrase.kind == "pronoun" or subject < 0:
            subject = report.at
        opened = before.at + len(before.verb)
        breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text, opened, subject)]
        starts.append(breaks[-1] if breaks else starts[-1])
    return [(start, next((later for later in starts[k + 1:] if later > start), len(text)))
            for k, start in enumerate(starts)]


def _second_clause(doc: Document, sentence: Sentence, text: str) -> tuple[str, int]:
    """A quoting sentence's text with its quotes blanked (same length), and where a clause of
    its own opens after its last quote (0 when none does): another speaker may talk there."""
    blanked = text
    last_close = -1
    for span in doc.quote_spans_by_paragraph.get(sentence.paragraph, ()):
        start = max(span.open_at, sentence.start) - sentence.start
        end = min(span.close_at + 1, sentence.end) - sentence.start
        if start < end:
            blanked = blanked[:start] + " " * (end - start) + blanked[end:]
            last_close = max(last_close, end)
    opener = _SECOND_CLAUSE.search(blanked, max(last_close, 0))
    return blanked, opener.end() if opener and last_close >= 0 else 0


_OFFICER_BEFORE = lazy_compile(
    r"\b(?P<owner>its|their|\w+(?=[’']s\s))(?:[’']s)?\s+(?:\w+\s+)?(?P<officer>[\w-]+)"
    r",?\s+(?:\w+\.?\s+){0,2}$")


def speaking_for_organisations(statements: list[Statement]) -> list[Statement]:
    """The statements with an officer who speaks right after their organisation ("The Royal
    College said … Its chair, Dr Alan Whitby, told the BBC …", "Downing Street distanced itself
    … A spokesman for the prime minister said …") made the organisation's: one actor, one
    reaction."""
    out: list[Statement] = []
    last_organisation: Statement | None = None
    officers: dict[int, Target] = {}  # who has spoken for an organisation, for the rest
    for st in statements:
        if id(st.actor) in officers:
            st = replace(st, actor=officers[id(st.actor)])
        elif last_organisation is not None and \
                st.sentence.paragraph - last_organisation.sentence.paragraph <= 1 and \
                _speaks_for(st, last_organisation.actor):
            officers[id(st.actor)] = last_organisation.actor
            st = replace(st, actor=last_organisation.actor)
        elif _organisation_like(st.actor):
            last_organisation = st
        out.append(st)
    return out


def _speaks_for(statement: Statement, organisation: Target) -> bool:
    """Whether the statement's speaker is introduced as the organisation's officer: "its chair,
    Dr Alan Whitby", "the association's chairman", "a spokesman for …" (not "the opposition's
    spokeswoman" after another organisation)."""
    actor = statement.actor
    if not isinstance(actor, Entity):
        return actor.head in OFFICER_NOUNS and actor.text.split()[0].lower() in ("a", "an", "its",
                                                                             "their")
    surname = actor.name.split()[-1]
    before = statement.sentence.text.split(surname, 1)[0].lower()
    owned = _OFFICER_BEFORE.search(before)
    if owned is None or owned.group("officer") not in OFFICER_NOUNS:
        return False
    owner = owned.group("owner")
    return owner in ("its", "their") or owner in display_name(organisation).lower().split()


def _organisation_like(actor: Target) -> bool:
    if isinstance(actor, Entity):
        return actor.kind == "organisation" or actor.name.split()[-1].lower() in (
            "street", "house", "palace", "hall")
    return actor.entity_kind == "organisation"
