"""The actor of one sentence: the subject of its reporting verb ("The Kremlin warned", "…, said
Jana Roe") or "according to X"; and the reporting verbs of a paragraph found in one scan and
handed to its sentences. Helpers for `analysis.statements`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .actors import PRONOUNS, Actor, fold, subject_noun_phrase
from .pattern_text import lazy_compile
from .spaced_text import spaced_copy
from .stance import REPORTING_VERB, SPACED_REPORTING_VERB, verb_stance

if TYPE_CHECKING:
    from .statements import Context

_NOT_DESCRIPTOR = (r"(?!(?:on|in|at|that|it|he|she|they|we|this|there|to|of|for|with|by|from|"
                   r"and|but|as|after|before|when|while|if|his|her|their|its|the|a|an)\b)")
_CAP_NAME = r"[A-ZÀ-ÖØ-Þ][\w’'.-]*"
# The subject after the verb: "…,” said Jana Roe, a professor …" / "said the diplomat".
_INVERTED_SUBJECT = lazy_compile(
    r"\s+((?:the|a|an)\s+[\w’'-]+(?:\s+[\w’'-]+){0,3}?(?=[,.;]|$)|"
    rf"{_CAP_NAME}(?:\s+(?:de|van|von|da|di|la|le|du|al|bin)?\s*{_CAP_NAME}){{0,4}}|"
    # "said 9/11 widow Terry Strada", "said former minister Jane Roe"
    rf"(?:{_NOT_DESCRIPTOR}[a-z0-9][\w/’'-]*\s+){{1,3}}{_CAP_NAME}(?:\s+{_CAP_NAME}){{1,3}})"
    r"(?P<rest>,[^\x00]*)?")
_ACCORDING_TO = lazy_compile(
    r"\b[Aa]ccording to\s+([^,.;:\x00]+?)(?P<rest>,[^.;:\x00]+)?(?=[.;:\x00]|$)")
_QUOTE_MARKS = "'\"’”»"
_MAX_VERBS = 12  # reporting verbs tried per sentence
_SUBJECT_WINDOW = 300  # characters before a verb where its subject can be
_COORDINATED = lazy_compile(r"\b(?:and|but)\s+(?:\w+ly\s+|also\s+|then\s+)?$")

VerbAt = tuple[int, int, str]  # start, end and the verb (group "verb") of a reporting verb


def reporting_verbs(masked: str) -> list[VerbAt]:
    """The reporting verbs of a masked sentence, outside quotes and not "so-called"."""
    return [(m.start(), m.end(), m.group("verb")) for m in REPORTING_VERB.finditer(masked)
            if "\x00" not in m.group(0) and masked[m.start() - 1:m.start()] != "-"]


def verbs_by_paragraph(masks: list[str]) -> list[list[VerbAt]]:
    """REPORTING_VERB.finditer of each masked paragraph as (start, end, verb), from one scan of
    a copy of them all where every character that is not a word character is a space: there a
    space opens every verb, and a pattern that starts with one is scanned much faster than one
    that starts with \\b. The copy keeps each character's kind (word or not), so each match of
    the paragraphs is one of the copy; a match of the copy whose text differs from theirs (a
    "called—on") sends them to the plain scan."""
    text = "\n".join(masks)
    spaced = spaced_copy(" " + text)
    out: list[list[VerbAt]] = [[] for _ in masks]
    par, offset, next_offset = 0, 0, len(masks[0]) + 1 if masks else 0
    for m in SPACED_REPORTING_VERB.finditer(spaced):
        start, end, verb = m.start("verb") - 1, m.end() - 1, m.group("verb")
        if text[start:end] != verb:
            return [[(m.start(), m.end(), m.group("verb")) for m in REPORTING_VERB.finditer(x)]
                    for x in masks]
        while start >= next_offset:
            par += 1
            offset, next_offset = next_offset, next_offset + len(masks[par]) + 1
        out[par].append((start - offset, end - offset, verb))
    return out


def verbs_by_sentence(masked: str, found: list[VerbAt],
                      spans: list[tuple[int, int]]) -> list[list[VerbAt]]:
    """reporting_verbs(masked[s:e]) for each sentence span, from found, REPORTING_VERB's matches
    in the whole paragraph: those inside the span, in its offsets. Where the paragraph scan may
    differ from a scan of the sentence alone (a word character just outside the span, which the
    pattern's \\b sees, or a match across its edge), the sentence is scanned alone."""
    out: list[list[VerbAt]] = []
    i, n, size = 0, len(found), len(masked)
    for s, e in spans:
        while i < n and found[i][1] <= s:
            i += 1
        j = i
        while j < n and found[j][1] <= e:
            j += 1
        before = masked[s - 1] if s else " "
        after = masked[e] if e < size else " "
        # isalnum() or "_" is what \w matches in a str pattern
        if (i < n and found[i][0] < s or j < n and found[j][0] < e
                or before.isalnum() or before == "_" or after.isalnum() or after == "_"):
            out.append(reporting_verbs(masked[s:e]))
        elif i == j:
            out.append([])  # most sentences: no verb found in them
        else:
            # As in reporting_verbs, the character before a verb that opens the sentence is
            # not looked at (a match's whole text is its verb).
            out.append([(start - s, end - s, verb) for start, end, verb in found[i:j]
                        if "\x00" not in verb and (start == s or masked[start - 1] != "-")])
        i = j
    return out


def attribution(ctx: Context, masked: str, verbs: list[VerbAt] | None = None,
                ) -> tuple[Actor | None, str | None, bool]:
    """The actor of a sentence from its reporting verb, the stance the verb carries (or a verb
    coordinated with it: "said … and accused"), and whether the actor is sure: named, or a
    pronoun right after an attributed sentence. verbs: reporting_verbs(masked) when known."""
    matches = reporting_verbs(masked) if verbs is None else verbs
    for n, (start, end, verb) in enumerate(matches[:_MAX_VERBS]):
        # A subject is a few words: a bounded window keeps run-on text linear.
        before = masked[max(0, start - _SUBJECT_WINDOW):start].rstrip()
        # A quote mark left beside a masked quote ("''…,'' said X") is no subject.
        if before and before[-1] in _QUOTE_MARKS:
            before = before.rstrip(_QUOTE_MARKS)
        tail = before.rpartition("\x00")[2].strip(" ,;:—–-")
        after = None if verb.startswith(("told", "tell")) or before and before[-1] not in ",\x00" \
            else _INVERTED_SUBJECT.match(masked, end)
        candidates: list[tuple[str, str]] = []
        if tail:
            phrase = subject_noun_phrase(before)
            if phrase:
                candidates.append((phrase, ""))
        if after:
            role = (after.group("rest") or "").strip(" ,.")
            phrase = after.group(1)
            if phrase.endswith(".") and len(phrase.split()[-1]) > 2:
                phrase = phrase[:-1]  # "…, said Anna Kowal." (but "said John Q.")
            candidates.insert(0 if not tail else len(candidates), (phrase, role))
        for phrase, role in candidates:
            if verb.startswith("call") and fold(phrase).startswith(("a ", "an ")):
                continue  # "a group called Community Tech": naming, not speaking
            actor = ctx.actor_for_phrase(phrase, role)
            if actor is None:
                continue
            stance = verb_stance(verb)
            for later_start, _, later_verb in matches[n + 1:]:
                if stance:
                    break
                if _COORDINATED.search(masked, max(0, later_start - 40), later_start):
                    stance = verb_stance(later_verb)
            return actor, stance, fold(phrase) not in PRONOUNS or ctx.pronoun_fresh
    for m in _ACCORDING_TO.finditer(masked) if "ccording to" in masked else ():
        actor = ctx.actor_for_phrase(m.group(1), (m.group("rest") or "").strip(" ,."))
        if actor is not None:
            return actor, None, True
    return None, None, False
