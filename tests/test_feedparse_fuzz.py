"""parse_feed on mangled feeds: a ParsedFeed or a SourceError, nothing else, never slow."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime, timedelta, timezone
from email.utils import format_datetime, parsedate_to_datetime

from feed_samples import atom, rdf, rss
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store import feedparse_fast
from store.errors import SourceError
from store.feedparse import ParsedFeed, parse_feed

SAMPLES = [rss(3), atom(2), rdf(2)]
NASTY = [b"<", b">", b"&", b"]]>", b"<![CDATA[", b"<!--", b"<?", b"\x00", b"\x1b[31m",
         b"&#0;", b"&#x110000;", b"&nbsp;", b"</item>", b"<item>", b"\xff\xfe", b"\xc3",
         b'"', b"<!DOCTYPE", b"<entry>", b"</feed>", b"<title type='xhtml'>"]


@st.composite
def mangled(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SAMPLES)))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "cut"]))
        if action == "insert":
            data[at:at] = draw(st.sampled_from(NASTY) | st.binary(max_size=8))
        elif action == "delete":
            del data[at:at + draw(st.integers(1, 40))]
        else:
            del data[at:]
    return bytes(data)


EXAMPLES = int(os.environ.get("BYLINE_FUZZ_EXAMPLES", "300"))  # more for a longer hunt


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mangled())
def test_mangled_feeds_parse_or_fail_cleanly(data: bytes) -> None:
    started = time.monotonic()
    try:
        parsed = parse_feed(data, "http://fuzz.test/feed")
    except SourceError as exc:
        assert "\n" not in str(exc)
    else:
        assert isinstance(parsed, ParsedFeed)
        for entry in parsed.entries:
            for text in (entry.title, entry.guid, entry.link, entry.author, entry.published):
                assert "\x1b" not in text and "\x00" not in text and "\n" not in text
    assert time.monotonic() - started < 2


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 8_000_000_000), st.integers(-12 * 60, 14 * 60), st.booleans())
def test_fast_rss_dates_agree_with_email_utils(stamp: int, minutes: int, gmt: bool) -> None:
    moment = datetime.fromtimestamp(stamp, timezone(timedelta(minutes=minutes)))
    text = format_datetime(moment.astimezone(UTC), usegmt=True) if gmt else \
        format_datetime(moment)
    assert feedparse_fast._date(text) == parsedate_to_datetime(text).astimezone(UTC)
