"""The plain text every match of a stance cue starts with, read from the parsed pattern: lets a
cue whose alternatives open with a group ("\\b(?:would|will) not …") be tried only where one of
those strings stands, instead of scanning the whole text for it."""

from __future__ import annotations

import re
from re import _constants, _parser  # the parsed form of a pattern (CPython 3.11+)

# Characters that stand as themselves in the text the trigger scan reads (lower case, "’" made
# "'"): a start string is made of them.
_SAFE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 -'")
_ZERO_WIDTH = (_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT)
_MAX_STARTS = 256  # start strings per cue: longer ones ("would not send") rule out more places


def start_literals(pattern: str, shortest: int = 2) -> tuple[str, ...] | None:
    """Strings, each at least `shortest` long, one of which every match of pattern (compiled
    without flags) starts with; None when they cannot be told."""
    try:
        parsed = _parser.parse(pattern)
    except re.error:
        return None
    if parsed.state.flags & ~re.UNICODE:  # inline flags: (?i) would widen the letters
        return None
    starts = _starts(list(parsed), 0)
    if not starts or min(map(len, starts)) < shortest:
        return None
    return tuple(sorted(starts))


def _chars(op: object, av: object) -> frozenset[str] | None:
    """The characters, as the trigger scan reads them, that one literal or [class] matches."""
    if op is _constants.LITERAL:
        members = [av]
    elif op is _constants.IN and all(o is _constants.LITERAL for o, _ in av):
        members = [a for _, a in av]
    else:
        return None
    chars = frozenset("'" if chr(c) == "’" else chr(c) for c in members)
    return chars if chars <= _SAFE else None


def _exact(items: list) -> frozenset[str] | None:
    """Every string a sequence of literals, (?:…) groups and alternations of them matches; None
    when anything else is in it."""
    found = frozenset(("",))
    for op, av in items:
        if op in (_constants.LITERAL, _constants.IN):
            options: frozenset[str] | None = _chars(op, av)
        elif op is _constants.SUBPATTERN and not av[1] and not av[2]:
            options = _exact(list(av[3]))
        elif op is _constants.BRANCH:
            branches = [_exact(list(b)) for b in av[1]]
            options = None if None in branches else frozenset().union(*branches)
        else:
            return None
        if options is None or len(found) * len(options) > _MAX_STARTS:
            return None
        found = frozenset(f + o for f in found for o in options)
    return found


def _starts(items: list, i: int) -> frozenset[str] | None:
    """Non-empty strings one of which every match of items[i:] starts with, or None."""
    while i < len(items) and items[i][0] in _ZERO_WIDTH:
        i += 1  # \b and lookarounds take no text
    if i == len(items):
        return None
    op, av = items[i]
    if op in (_constants.LITERAL, _constants.IN):
        head: frozenset[str] | None = _chars(op, av)
        if head is None:
            return None
    elif op in (_constants.SUBPATTERN, _constants.BRANCH):
        head = _exact([items[i]])
        if head is None:  # not all literals: each match starts as one of its branches does
            if op is _constants.BRANCH:
                branches = [_starts(list(b), 0) for b in av[1]]
                return None if None in branches else frozenset().union(*branches)
            return _starts(list(av[3]), 0) if not av[1] and not av[2] else None
    else:
        return None
    rest = _starts(items, i + 1)
    if rest is not None and len(head) * len(rest) <= _MAX_STARTS:
        return frozenset(h + r for h in head for r in rest)
    return None if "" in head else head
