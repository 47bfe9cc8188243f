"""Regex building blocks for capitalised names, shared by the name, role and subject parsers."""

from __future__ import annotations

import re

# Capitals: ASCII, Latin-1 and the Latin Extended-A block (whose lower-case letters, interleaved
# with the capitals, are let through: a name never starts with them in practice).
UPPER = "A-ZÀ-ÖØ-ÞĀ-ſ"
ABBR_WORDS = ("Mr|Mrs|Ms|Dr|Del|St|Jr|Sr|Sen|Rep|Gov|Gen|Lt|Col|Prof|Rev|Sgt|Capt|Maj|Adm|Ft|Mt"
               "|Ret|Supt")
_ABBR = rf"(?:{ABBR_WORDS})\."
NAME_WORD = rf"(?:{_ABBR}|(?:[{UPPER}]\.){{1,4}}(?!\w)|[{UPPER}][\w]*(?:[’'\-][\w]+)*)"
_PARTICLE = r"(?:de|da|di|du|van|von|der|den|del|della|bin|ibn|al|le|la|dos|das)"
# The leading look-ahead on capitals lets the regex engine skip to candidate positions fast.
NAME_RE = re.compile(
    rf"(?=[{UPPER}])(?<![\w’'\-]){NAME_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{NAME_WORD})*")
DETERMINERS = frozenset(
    "the a an another one his her its their our this that these those some several two three "
    "many other".split())
