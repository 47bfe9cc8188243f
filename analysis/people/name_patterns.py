"""Regex building blocks for capitalised names, shared by the name, role and subject parsers."""

from __future__ import annotations

from ..lexicon import NAME_PARTICLES
from ..patterns import lazy_compile

# Capitals: ASCII, Latin-1 and the Latin Extended-A block (whose lower-case letters, interleaved
# with the capitals, are let through: a name never starts with them in practice).
UPPER = "A-ZÀ-ÖØ-ÞĀ-ſ"
ABBR_WORDS = ("Mr|Mrs|Ms|Dr|Del|St|Jr|Sr|Sen|Rep|Gov|Gen|Lt|Col|Prof|Rev|Sgt|Capt|Maj|Adm|Ft|Mt"
               "|Ret|Supt")
_ABBR = rf"(?:{ABBR_WORDS})\."
NAME_WORD = rf"(?:{_ABBR}|(?:[{UPPER}]\.){{1,4}}(?!\w)|[{UPPER}][\w]*(?:[’'\-][\w]+)*)"
_PARTICLE = rf"(?:{'|'.join(NAME_PARTICLES)})"

_ABBR_TAILS: dict[str, list[str]] = {}
for _word in ABBR_WORDS.split("|"):
    _ABBR_TAILS.setdefault(_word[0], []).append(_word[1:])
# NAME_WORD with its first capital taken first: a pattern that opens with a character class lets
# the regex engine skip to candidate positions in C (and an alternation of two dozen
# abbreviations is not tried at every word). The abbreviations are told by their first letter
# (look-behinds), tried only when one to three lower-case letters and a full stop follow.
_AFTER_CAPITAL = (
    r"(?:(?=[a-z]{1,3}\.)(?:"
    + "|".join(f"(?<={first})(?:{'|'.join(tails)})" for first, tails in _ABBR_TAILS.items())
    + rf")\.|\.(?:[{UPPER}]\.){{0,3}}(?!\w)|[\w]*(?:[’'\-][\w]+)*)")
# The first word of a name: the look-behind checks the character before its capital.
_FIRST_NAME_WORD = rf"[{UPPER}](?<![\w’'\-].){_AFTER_CAPITAL}"
# The Arabic article joined to a name by a hyphen: "Bashar al-Assad", "Raed al-Jabouri".
_JOINED_ARTICLE = r"(?:al|el|ad|ash|as|at|az|an|ar|ul)-"
NAME_RE = lazy_compile(
    rf"{_FIRST_NAME_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+|{_JOINED_ARTICLE})?"
    rf"[{UPPER}]{_AFTER_CAPITAL})*")

# How an organisation's name goes on after its head noun, up to the next capitalised word:
# "of"/"for" ("the Bank of Tessaly"), or "to" and a verb ("the Committee to Protect
# Journalists"; "moved the Agency to New York" names no organisation).
NAME_GOES_ON = (
    r"(?:(?:of|for)\s+(?:the\s+|a\s+)?|to\s+"
    r"(?!(?:New|San|Los|Las|Saint|Fort|Port|North|South|East|West|United|Great)\s)"
    rf"(?=[{UPPER}][a-z]+\s+[{UPPER}]))")

# A place named after a preposition, before the state or country that may follow it after a
# comma: "in Springfield[, Ill.]", "of Washington[, DC]", "from New Haven[, Conn.]".
PLACE_AFTER_PREPOSITION = r"\b(?:in|of|at|from|near)\s+[A-Z][\w'’-]{2,40}(?:\s+[A-Z][\w'’-]+)?"
