"""What each store file must hold, checked whenever a file is read from disk.

JSON that parses is not yet a store file: a title that is a number, an id that is missing, a
body path that leads out of the store would each crash a command later, far from the cause.
A file whose documents do not fit its shape is damaged, and is moved aside like one that is
not JSON at all. Fields a document lacks are fine (readers give them defaults); fields it has
must be of the right type. Unknown tables and fields are left alone (a newer Byline's).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import MISSING, fields
from itertools import chain
from operator import itemgetter
from typing import Any, get_origin, get_type_hints

from analysis.model import Quote, Reaction, Speaker

Doc = dict[str, Any]
Check = Callable[[str, Doc], bool]  # one document, by its id
TableCheck = Callable[[dict[str, Doc]], bool]  # a whole table at once

ARTICLE_ID = re.compile(r"[0-9a-f]{6,64}")
_IDS = re.compile(r"(?:[0-9a-f]{6,64}\n)*")  # every id, one a line
BODY_FILE = re.compile(r"(?:bodies/[0-9a-f]{2}|chunks/[0-9a-f]{8}-[0-9]{5})\.json")
_INDEX_TYPES: dict[str, tuple[type, ...]] = {
    **dict.fromkeys(("id", "title", "published", "source", "link", "feed_url", "guid", "kind",
                     "summary", "hash", "body"), (str,)),
    "added": (int, float), "feeds": (list,)}
_ALWAYS = ("id", "title", "published", "source", "link", "feed_url", "guid", "kind", "summary",
           "hash", "added")  # every index_doc has these
_FEED_TEXT = ("title", "etag", "last_modified", "last_fetch", "last_error", "link")
_BOOKMARK_TEXT = ("quote_id", "text", "speaker", "role", "article_id", "article_title", "link",
                  "published", "note", "created")
ANALYSIS_TEXT = ("title", "byline", "dateline", "published", "url")


def _number(value: Any) -> bool:
    return type(value) in (int, float)


def _count(value: Any) -> bool:
    return type(value) is int and value >= 0


def _texts(value: Any) -> bool:
    return isinstance(value, list) and all(type(item) is str for item in value)


def _strings(doc: Doc, names: tuple[str, ...]) -> bool:
    for name in names:
        value = doc.get(name)
        if value is not None and type(value) is not str:
            return False
    return True


def _setting(key: str, doc: Doc) -> bool:
    if "value" not in doc:
        return False
    if key in ("schema", "max_size"):
        return _count(doc["value"])
    return True


def _index(docs: dict[str, Doc]) -> bool:
    """The index, checked as a whole: opening a 10,000-article store reads all of it, so the
    fields every document has are checked a column at a time in C (map, itemgetter), in a
    seventh of the time the JSON took to parse."""
    values = list(docs.values())
    try:
        kinds = {name: set(map(type, map(itemgetter(name), values))) for name in _ALWAYS}
    except KeyError:  # not written by index_doc: each field of each document
        pairs = {(name, type(value)) for doc in values for name, value in doc.items()}
        if not all(kind in _INDEX_TYPES.get(name, (kind,)) for name, kind in pairs):
            return False
    else:
        if not all(found <= set(_INDEX_TYPES[name]) for name, found in kinds.items()):
            return False
    keys = "\n".join(docs)
    if [doc.get("id") for doc in values] != list(docs) \
            or not _IDS.fullmatch(keys + "\n" if keys else ""):
        return False
    bodies = [doc["body"] for doc in values if "body" in doc]
    feeds = [doc["feeds"] for doc in values if "feeds" in doc]
    return (set(map(type, bodies)) <= {str} and all(map(BODY_FILE.fullmatch, set(bodies)))
            and set(map(type, feeds)) <= {list}
            and set(map(type, chain.from_iterable(feeds))) <= {str})


def _read_mark(key: str, doc: Doc) -> bool:
    return _number(doc.get("at", 0))


def _feed(key: str, doc: Doc) -> bool:
    return (doc.get("url") == key and _strings(doc, _FEED_TEXT)
            and _number(doc.get("added", 0)) and _count(doc.get("max_size", 0)))


def _bookmark(key: str, doc: Doc) -> bool:
    return (doc.get("quote_id") == key and type(doc.get("text")) is str
            and type(doc.get("speaker")) is str and _strings(doc, _BOOKMARK_TEXT))


def _kind_of(hint: Any) -> type:
    """int, list or str: what a model field holds, from its type hint (`list[str]` in Python,
    a bare `list` in the compiled engine, which keeps only the runtime class of each field)."""
    if hint is int:
        return int
    return list if hint is list or get_origin(hint) is list else str


def _record_check(cls: type) -> Callable[[Any], bool]:
    """A check that a dict builds cls(**dict) with fields of the declared types: `int` ones
    ints, `list[str]` ones lists of text, every other one text."""
    kinds = {name: _kind_of(hint) for name, hint in get_type_hints(cls).items()}
    required = {f.name for f in fields(cls)
                if f.default is MISSING and f.default_factory is MISSING}

    def fits(item: Any) -> bool:
        if not isinstance(item, dict) or not required <= item.keys():
            return False
        for name, value in item.items():
            kind = kinds.get(name)
            if kind is None:
                return False
            if kind is int:
                if type(value) is not int:
                    return False
            elif kind is list:
                if not _texts(value):
                    return False
            elif type(value) is not str:
                return False
        return True

    return fits


_SPEAKER = _record_check(Speaker)
_QUOTE = _record_check(Quote)
_REACTION = _record_check(Reaction)


def fits_analysis(data: Any) -> bool:
    """Whether data is a stored analysis `Analysis.from_dict` turns into well-typed objects."""
    return (isinstance(data, dict) and _strings(data, ANALYSIS_TEXT)
            and _texts(data.get("paragraphs", [])) and _texts(data.get("summary", []))
            and _all(data.get("speakers", []), _SPEAKER)
            and _all(data.get("quotes", []), _QUOTE)
            and _all(data.get("reactions", []), _REACTION))


def _all(items: Any, check: Callable[[Any], bool]) -> bool:
    return isinstance(items, list) and all(check(item) for item in items)


def _body(key: str, doc: Doc) -> bool:
    return (_strings(doc, ("kind", "text"))
            and ("analysis" not in doc or fits_analysis(doc["analysis"])))


def _analysis(key: str, doc: Doc) -> bool:
    return fits_analysis(doc)


def _digest_speaker(item: Any) -> bool:
    return (isinstance(item, dict) and _strings(item, ("id", "name", "role", "kind"))
            and _texts(item.get("aliases", [])))


def _digest_quote(item: Any) -> bool:
    return isinstance(item, dict) and _strings(item, ("id", "text", "speaker_id", "speaker")) \
        and type(item.get("id")) is str


def _digest(key: str, doc: Doc) -> bool:
    return (_strings(doc, ("title", "published"))
            and _all(doc.get("speakers", []), _digest_speaker)
            and _all(doc.get("quotes", []), _digest_quote))


def _each(check: Check) -> TableCheck:
    return lambda docs: all(check(key, doc) for key, doc in docs.items())


_BY_FILE: dict[str, dict[str, TableCheck]] = {
    "settings.json": {"settings": _each(_setting)},
    "index.json": {"articles": _index},
    "state.json": {"read": _each(_read_mark)},
    "feeds.json": {"feeds": _each(_feed)},
    "bookmarks.json": {"bookmarks": _each(_bookmark)},
}
_BY_FOLDER: dict[str, dict[str, TableCheck]] = {
    "bodies": {"bodies": _each(_body)},
    "chunks": {"bodies": _each(_body)},
    "analyses": {"analyses": _each(_analysis)},
    "quotes": {"quotes": _each(_digest)},
}


def fits(name: str, data: dict[str, dict[str, Doc]]) -> bool:
    """Whether the tables of store file `name` (already {table: {id: dict}}) fit its shape."""
    folder, _, _ = name.rpartition("/")
    checks = _BY_FOLDER.get(folder, {}) if folder else _BY_FILE.get(name, {})
    return all(check(data.get(table, {})) for table, check in checks.items())
