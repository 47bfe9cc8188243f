"""The one cleaning of untrusted text: NFC, no control characters or escape sequences. Every
text from an article, a feed or a URL goes through it before it is analysed or shown."""

from __future__ import annotations

import unicodedata

from ..patterns import lazy_compile

# C0/C1 control characters except tab and newline, plus ESC sequences remnants, and the
# bidirectional overrides and isolates (U+202A-202E, U+2066-2069) that make a terminal show
# text in another order than it is written.
_CONTROL = lazy_compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff\u202a-\u202e\u2066-\u2069]")
_ANSI = lazy_compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]")


def clean_text(text: str) -> str:
    """Normalise untrusted text: NFC, no control characters, escape sequences or bidi
    overrides/isolates. The one sanitiser for text that reaches a terminal."""
    # Each pass only where it has something to do: most pages are clean, and this runs on all.
    if "\x1b" in text:
        text = _ANSI.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\u00a0" in text:
        text = text.replace("\u00a0", " ")
    # Every character _CONTROL removes is unprintable: a text printable but for its line breaks
    # has none (isprintable() is much faster than the regex scan).
    if "\t" not in text and text.replace("\n", " ").isprintable():
        return text
    return _CONTROL.sub("", text) if _CONTROL.search(text) else text


def cleaned_offset(text: str, offset: int) -> int:
    """Where offset of text lands in clean_text(text): the length of the cleaned text before
    it. An offset inside an escape sequence lands where the sequence starts: a sequence cut
    short cleans to more than the whole one does ("\\x1b[0" leaves the "0" that "\\x1b[0@"
    does not), and offsets must never run backwards."""
    if "\x1b" in text[:offset]:
        for m in _ANSI.finditer(text):
            if m.start() >= offset:
                break
            if offset < m.end():
                offset = m.start()
                break
    return len(clean_text(text[:offset]))
