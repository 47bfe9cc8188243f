"""A feed's bytes as UTF-8 for the XML readers: a fetched body in memory, or a file of any
size streamed chunk by chunk.

A body in memory is decoded the way feedparser decodes it (BOM, XML declaration, HTTP charset,
then its fallbacks). A file is streamed: UTF-8 (the usual case) passes through as it is read,
another declared encoding is decoded chunk by chunk, and either way the XML declaration is made
to say UTF-8. `repaired` mends the commonest breakage (a bare `&`, HTML's named entities) on the
way, chunk by chunk as well.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from html.entities import name2codepoint
from pathlib import Path

from .errors import SourceError

READ_CHUNK = 1024 * 1024
_UTF8_NAMES = (b"utf-8", b"utf8", b"us-ascii", b"ascii")
_XML_ENCODING = re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._-]+)", re.I)
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"),
         (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
# Without a BOM, how "<?" looks in the wide encodings.
_WIDE_STARTS = ((b"\x00\x00\x00\x3c", "utf-32-be"), (b"\x3c\x00\x00\x00", "utf-32-le"),
                (b"\x00\x3c\x00\x3f", "utf-16-be"), (b"\x3c\x00\x3f\x00", "utf-16-le"))
_BARE_AMPERSAND = re.compile(rb"&(?!#[0-9]{1,8};|#x[0-9A-Fa-f]{1,8};|[A-Za-z][A-Za-z0-9]{0,31};)")
_NAMED_ENTITY = re.compile(rb"&([A-Za-z][A-Za-z0-9]{0,31});")
_LONGEST_REFERENCE = 34  # "&" + 32 name characters + ";"


class FeedBytes:
    """Where a feed's bytes come from: `memory(data)` or `file(path)`. `utf8()` gives a fresh
    stream of UTF-8 chunks each time it is called (the readers may need a second look)."""

    def __init__(self, data: bytes = b"", path: Path | None = None,
                 content_type: str = "") -> None:
        self._data = data
        self._path = path
        self._content_type = content_type
        self._utf8: bytes | None = None

    @classmethod
    def memory(cls, data: bytes, content_type: str = "") -> FeedBytes:
        return cls(data, content_type=content_type)

    @classmethod
    def file(cls, path: str | Path) -> FeedBytes:
        return cls(path=Path(path))

    @property
    def in_memory(self) -> bool:
        return self._path is None

    @property
    def size(self) -> int:
        """How many bytes there are (a file's size on disk)."""
        if self._path is None:
            return len(self._data)
        try:
            return self._path.stat().st_size
        except OSError as exc:
            raise _unreadable(self._path, exc) from None

    def utf8(self) -> Iterator[bytes]:
        if self._path is None:
            if self._utf8 is None:
                self._utf8 = to_utf8(self._data, self._content_type)
            yield self._utf8
            return
        yield from _file_utf8(self._path)

    def utf8_head(self, size: int) -> bytes:
        """At least the first `size` bytes of the UTF-8 stream (all of it when shorter)."""
        head = b""
        for chunk in self.utf8():
            head += chunk
            if len(head) >= size:
                break
        return head

    def whole(self) -> bytes:
        """All of it in memory, decoded the way feedparser decodes."""
        if self._path is None:
            return b"".join(self.utf8())
        try:
            return to_utf8(self._path.read_bytes(), "")
        except OSError as exc:
            raise _unreadable(self._path, exc) from None


def to_utf8(data: bytes, content_type: str = "") -> bytes:
    """The document as UTF-8, decoded the way feedparser would (BOM, XML declaration, HTTP)."""
    if data.startswith(b"\xef\xbb\xbf"):  # a UTF-8 byte order mark
        data = data[3:]
    declared = _XML_ENCODING.match(data[:200])
    charset = _CHARSET.search(content_type)
    # UTF-8 when it is UTF-8, whatever the declaration says: a declared Latin-1 feed written
    # in UTF-8 is a common mistake, and text in another encoding almost never forms UTF-8.
    if not data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00", b"\x4c\x6f")) and (
            (declared is None or declared.group(1).lower() in _UTF8_NAMES)
            and (charset is None or charset.group(1).lower() in ("utf-8", "utf8", "us-ascii"))
            or not data.isascii()):
        try:
            data.decode("utf-8")
            return _says_utf8(data)
        except UnicodeDecodeError:
            pass
    from feedparser.encodings import convert_to_utf8

    try:
        return convert_to_utf8({"content-type": content_type} if content_type else {}, data, {})
    except Exception:  # an odd declared encoding: fall back to a lenient decode
        return data.decode("utf-8", "replace").encode("utf-8")


def _says_utf8(head: bytes) -> bytes:
    """The document with its XML declaration naming UTF-8 ("utf8", "us-ascii" confuse expat
    once the bytes are UTF-8)."""
    declared = _XML_ENCODING.match(head[:200])
    if declared is None or declared.group(1).lower() == b"utf-8":
        return head
    return head[:declared.start(1)] + b"utf-8" + head[declared.end(1):]


def _file_utf8(path: Path) -> Iterator[bytes]:
    try:
        with path.open("rb") as handle:
            head = handle.read(READ_CHUNK)
            encoding = _file_encoding(head)
            if encoding == "utf-8":
                yield _says_utf8(head.removeprefix(b"\xef\xbb\xbf"))
                while chunk := handle.read(READ_CHUNK):
                    yield chunk
                return
            decoder = codecs.getincrementaldecoder(encoding)("replace")
            text = decoder.decode(head)
            text = text.removeprefix("\ufeff")
            yield _says_utf8(text.encode("utf-8"))
            while chunk := handle.read(READ_CHUNK):
                yield decoder.decode(chunk).encode("utf-8")
            yield decoder.decode(b"", final=True).encode("utf-8")
    except OSError as exc:
        raise _unreadable(path, exc) from None


def _file_encoding(head: bytes) -> str:
    """The encoding to stream a file in: its BOM's, else the wide encoding its first bytes
    show, else the one its XML declaration names (when Python knows it), else UTF-8."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    for start, encoding in _WIDE_STARTS:
        if head.startswith(start):
            return encoding
    declared = _XML_ENCODING.match(head[:200])
    if declared is None or declared.group(1).lower() in _UTF8_NAMES:
        return "utf-8"
    name = declared.group(1).decode("ascii").lower()
    try:
        codecs.lookup(name)
    except LookupError:
        return "windows-1252"  # what feedparser falls back to among its single-byte guesses
    if _looks_utf8(head):  # declared Latin-1, written in UTF-8: a common mistake
        return "utf-8"
    return name


def _looks_utf8(head: bytes) -> bool:
    """Non-ASCII bytes that all form UTF-8 sequences: almost never true of another encoding."""
    if head.isascii():
        return False
    try:
        head[:-4].decode("utf-8")  # a sequence may be cut at the end of the chunk
    except UnicodeDecodeError:
        return False
    return True


def repaired(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The chunks with a bare `&` escaped and HTML's named entities (&nbsp;, &eacute;) turned
    into character references XML knows. Linear; no entity is expanded. A reference cut by a
    chunk boundary is held back until the next chunk completes it."""
    carry = b""
    for chunk in chunks:
        data = carry + chunk
        cut = data.rfind(b"&", max(0, len(data) - _LONGEST_REFERENCE))
        if cut >= 0 and b";" not in data[cut:]:
            data, carry = data[:cut], data[cut:]
        else:
            carry = b""
        yield repair_entities(data)
    if carry:
        yield repair_entities(carry)


def repair_entities(utf8: bytes) -> bytes:
    escaped = _BARE_AMPERSAND.sub(b"&amp;", utf8)
    return _NAMED_ENTITY.sub(_as_char_ref, escaped)


def _as_char_ref(m: re.Match[bytes]) -> bytes:
    name = m.group(1).decode("ascii")
    if name in ("amp", "lt", "gt", "quot", "apos"):
        return m.group(0)
    codepoint = name2codepoint.get(name)
    return f"&#{codepoint};".encode() if codepoint else b"&amp;" + m.group(1) + b";"


def _unreadable(path: Path, exc: OSError) -> SourceError:
    if isinstance(exc, FileNotFoundError):
        return SourceError(f"{path}: feed file no longer exists")
    return SourceError(f"{path}: cannot read ({exc.strerror or exc})")
