"""The widget boundary for untrusted text: plain strings in, Rich `Text` out, never markup.

Everything shown from an article, a feed or a URL passes through here. `Text` objects are
never parsed for markup, so `[@click=app.quit]x[/]` stays the characters the author typed;
control characters and escape sequences are stripped again (the store cleans them too, but a
widget must not rely on that).
"""

from __future__ import annotations

import re

from rich.text import Text

# ESC-introduced sequences (CSI, OSC, two-byte) first, then any remaining C0/C1 control
# character except newline and tab, plus invisible separators that break line layout.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]")
_SPACES = re.compile(r"\s+")
_UNSAFE = re.compile(f"{_ESCAPES.pattern}|{_CONTROLS.pattern}")


def clean(value: object) -> str:
    """The text of value without escape sequences or control characters (newlines kept)."""
    text = "" if value is None else str(value)
    text = _ESCAPES.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS.sub("", text)


def one_line(value: object) -> str:
    """clean(), with every run of whitespace (newlines, tabs) folded into one space."""
    return _SPACES.sub(" ", clean(value)).strip()


def plain(value: object, style: str = "") -> Text:
    """A Text showing value literally on one line."""
    return Text(one_line(value), style=style)


def block(value: object, style: str = "") -> Text:
    """A Text showing value literally, keeping its line breaks."""
    return Text(clean(value), style=style)


def shorten(value: object, width: int) -> str:
    """one_line(value) cut to at most width characters, with an ellipsis when cut."""
    text = one_line(value)
    if width <= 0:
        return ""
    return text if len(text) <= width else text[: max(width - 1, 0)].rstrip() + "…"


def clean_mapped(value: str) -> tuple[str, list[int]]:
    """clean(value) without the \r\n folding, plus where each offset of value went.

    mapping[i] is the offset in the cleaned text of value[i] (or of the next kept character
    when value[i] was dropped); mapping[len(value)] is the cleaned length. Offsets computed on
    value (quote spans) stay usable on the cleaned text.
    """
    pieces: list[str] = []
    mapping: list[int] = []
    kept = 0
    position = 0
    for match in _UNSAFE.finditer(value):
        chunk = value[position:match.start()]
        pieces.append(chunk)
        mapping.extend(range(kept, kept + len(chunk)))
        kept += len(chunk)
        mapping.extend([kept] * (match.end() - match.start()))
        position = match.end()
    chunk = value[position:]
    pieces.append(chunk)
    mapping.extend(range(kept, kept + len(chunk)))
    mapping.append(kept + len(chunk))
    return "".join(pieces), mapping
