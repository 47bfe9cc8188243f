"""The widget boundary for untrusted text: plain strings in, Rich `Text` out, never markup.

Everything shown from an article, a feed or a URL passes through here. `Text` objects are
never parsed for markup, so `[@click=app.quit]x[/]` stays the characters the author typed.
Control characters, escape sequences and bidi overrides are stripped again by the project's
one sanitiser, `analysis.clean_text` (the store cleans text too, but a widget must not rely
on that).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from analysis import clean_text, cleaned_offset
from store.errors import shown


def clean(value: object) -> str:
    """The text of value without escape sequences or control characters (newlines kept)."""
    return clean_text("" if value is None else str(value))


def one_line(value: object) -> str:
    """clean(), with every run of whitespace (newlines, tabs) folded into one space."""
    return shown("" if value is None else str(value), limit=None)


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


class _CleanedOffsets(Sequence[int]):
    """Where each offset of a text lands in its cleaned copy: len(clean(text[:offset])),
    never past the cleaned text and never less than an earlier offset's landing."""

    def __init__(self, value: str, cleaned_length: int) -> None:
        self._value = value
        self._end = cleaned_length
        self._known: dict[int, int] = {}

    def __len__(self) -> int:
        return len(self._value) + 1

    def __getitem__(self, offset):  # type: ignore[override]
        if isinstance(offset, slice):
            return [self[i] for i in range(*offset.indices(len(self)))]
        if offset < 0:
            offset += len(self)
        if not 0 <= offset < len(self):
            raise IndexError(offset)
        found = self._known.get(offset)
        if found is None:
            found = min(cleaned_offset(self._value, offset), self._end)
            self._known[offset] = found
        return found


def clean_mapped(value: str) -> tuple[str, Sequence[int]]:
    """clean(value), plus where each offset of value went.

    mapping[i] is the offset in the cleaned text of value[i] (or of the next kept character
    when value[i] was dropped); mapping[len(value)] is the cleaned length. Offsets computed on
    value (quote spans) stay usable on the cleaned text. A clean text (the usual case) maps
    onto itself; otherwise an offset costs one cleaning of the text before it, and only the
    few offsets asked for (quote and evidence bounds) are computed.
    """
    cleaned = clean(value)
    if cleaned == value:
        return value, range(len(value) + 1)
    return cleaned, _CleanedOffsets(value, len(cleaned))
