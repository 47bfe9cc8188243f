"""The guard against XML that attacks its reader: entity declarations (billion laughs,
quadratic blowup) and external references (XXE), refused by a parser, not by a text search.

A DTD can only stand in the prolog, before the root element: after the root starts, expat
rejects any declaration as ill-formed. So `check_prolog` runs defusedxml's parser (entity
declarations and external references forbidden, a bare DOCTYPE accepted and ignored) up to the
root's start tag, which costs one small read whatever the document's size; the fast
ElementTree reader then parses a document whose prolog is known to declare nothing. A bare
DOCTYPE such as RSS 0.91's, and `<!DOCTYPE` inside CDATA (an HTML page in an entry), are no
declarations and pass.

Documents too broken for an XML parser go to feedparser's lenient reader, which has no such
guard: `declares_entities` is the stricter test applied before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from xml.etree.ElementTree import ParseError

from defusedxml import EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser

# An entity declaration, or a DOCTYPE opening an internal subset ("[").
_DECLARATION = re.compile(rb"<!\s*ENTITY\b|<!\s*DOCTYPE\b[^>\[]*\[", re.I)


class _RootReached(Exception):
    """The root element started: the prolog is over, and declared nothing."""


class _StopAtRoot:
    """A parser target that stops the parse at the first start tag."""

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        raise _RootReached

    def end(self, tag: str) -> None:
        pass

    def data(self, data: str) -> None:
        pass

    def close(self) -> None:
        return None


def check_prolog(chunks: Iterable[bytes]) -> str:
    """Read the document's prolog with defusedxml: "ok" when the root element starts without
    any entity declared; "entities" or "external" when it declares them; "ill-formed" when
    the prolog cannot be parsed (the caller then treats the document as malformed)."""
    parser = DefusedXMLParser(target=_StopAtRoot(), forbid_dtd=False, forbid_entities=True,
                              forbid_external=True)
    try:
        for chunk in chunks:
            parser.feed(chunk)
        parser.close()
    except _RootReached:
        return "ok"
    except EntitiesForbidden:
        return "entities"
    except ExternalReferenceForbidden:
        return "external"
    except (ParseError, ValueError, LookupError, RecursionError):
        return "ill-formed"
    return "ill-formed"  # no root element at all


def declares_entities(utf8: bytes) -> bool:
    """Whether a document too broken to parse holds an entity declaration or a DTD internal
    subset anywhere outside CDATA sections: what a lenient reader might act on. Linear."""
    return _DECLARATION.search(without_cdata(utf8)) is not None


def without_cdata(utf8: bytes) -> bytes:
    """The document with its CDATA sections cut out (their text is never markup).

    A loop over find() rather than a regex: linear even for thousands of unclosed sections.
    An unclosed section is kept, so whatever follows it is still checked."""
    parts, pos = [], 0
    while True:
        start = utf8.find(b"<![CDATA[", pos)
        if start < 0:
            break
        end = utf8.find(b"]]>", start + 9)
        if end < 0:
            break
        parts.append(utf8[pos:start])
        pos = end + 3
    parts.append(utf8[pos:])
    return b"".join(parts)
