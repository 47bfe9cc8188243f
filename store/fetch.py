"""HTTP fetching with our own client: timeouts, a size cap, limited redirects, conditional GET.

Everything a server sends is treated as hostile: the body is streamed and cut at the size cap
(counted on the *decoded* bytes too, so a gzip bomb stops at the cap), a slow drip is cut by an
overall deadline, and redirects are followed by hand so a loop gets its own clear message.
"""

from __future__ import annotations

import threading
import time
import zlib
from dataclasses import dataclass, field

import httpx

from .errors import FetchError, shown, size_text
from .fetch_deadline import DeadlinePassed, deadline_for, with_deadlines

MAX_BYTES = 10 * 1024 * 1024
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 10.0
MAX_REDIRECTS = 5
USER_AGENT = "Byline/0.1 (+terminal news reader)"
_REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class FetchLimits:
    """How much a fetch may cost. `read` is the per-read timeout; `total` bounds a slow drip."""

    connect: float = CONNECT_TIMEOUT
    read: float = READ_TIMEOUT
    total: float = 3 * READ_TIMEOUT
    max_bytes: int = MAX_BYTES
    max_redirects: int = MAX_REDIRECTS

    @classmethod
    def with_timeout(cls, seconds: float | None, **kwargs: int) -> FetchLimits:
        """Limits where one number sets every timeout (connect and read; total is 3x)."""
        if seconds is None:
            return cls(**kwargs)
        return cls(connect=min(CONNECT_TIMEOUT, seconds), read=seconds, total=3 * seconds,
                   **kwargs)


DEFAULT_LIMITS = FetchLimits()


@dataclass
class FetchResult:
    url: str  # final URL after redirects
    status: int  # 200, or 304 when not modified (body empty then)
    body: bytes = b""
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class _OnDemandTransport(httpx.BaseTransport):
    """Builds the TLS transport on the first https request: loading the CA certificates costs
    30-60 ms per process, which a refresh of plain-http feeds need not pay."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tls: httpx.HTTPTransport | None = None
        self._plain: httpx.HTTPTransport | None = None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            if request.url.scheme == "https":
                if self._tls is None:  # verified against certifi's CAs
                    self._tls = with_deadlines(httpx.HTTPTransport())
                transport = self._tls
            else:
                if self._plain is None:  # http:// never speaks TLS: no CA bundle needed
                    self._plain = with_deadlines(httpx.HTTPTransport(verify=False))
                transport = self._plain
        return transport.handle_request(request)

    def close(self) -> None:
        for transport in (self._tls, self._plain):
            if transport is not None:
                transport.close()


def make_client(limits: FetchLimits = DEFAULT_LIMITS) -> httpx.Client:
    """A client for `fetch`; one can be shared by worker threads (httpx clients are)."""
    return httpx.Client(
        timeout=httpx.Timeout(limits.read, connect=limits.connect),
        follow_redirects=False,
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
        transport=_OnDemandTransport(),
    )


def fetch(url: str, *, etag: str = "", last_modified: str = "",
          client: httpx.Client | None = None,
          limits: FetchLimits = DEFAULT_LIMITS) -> FetchResult:
    """GET url (conditionally when etag/last_modified are given).

    Returns a FetchResult (status 304 with an empty body when not modified); raises FetchError
    with one clear line on any failure: timeout, HTTP error, oversize body, redirect loop.
    """
    where = shown(url)
    if not url.startswith(("http://", "https://")):
        raise FetchError(f"{where}: only http:// and https:// URLs can be fetched")
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    own = client is None
    if client is None:
        client = make_client(limits)
    deadline = time.monotonic() + limits.total
    try:
        with deadline_for(deadline):
            return _follow(client, url, headers, where, etag, last_modified, limits, deadline)
    except DeadlinePassed:
        raise FetchError(f"{where}: timed out (not done after {limits.total:g} s)") from None
    except httpx.InvalidURL as exc:
        raise FetchError(f"{where}: not a valid URL ({_first_line(exc)})") from None
    except httpx.TimeoutException:
        raise FetchError(f"{where}: timed out (no answer within {limits.read:g} s)") from None
    except httpx.ConnectError as exc:
        raise FetchError(f"{where}: cannot connect ({_first_line(exc)})") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"{where}: {type(exc).__name__}: {_first_line(exc)}") from None
    finally:
        if own:
            client.close()


def _follow(client: httpx.Client, url: str, headers: dict[str, str], where: str, etag: str,
            last_modified: str, limits: FetchLimits, deadline: float) -> FetchResult:
    """Send the request and follow redirects by hand (a loop is named as one)."""
    request = client.build_request("GET", url, headers=headers)
    seen = {str(request.url)}
    for _ in range(limits.max_redirects + 1):
        resp = client.send(request, stream=True)
        try:
            if resp.status_code in _REDIRECT_CODES and resp.next_request is not None:
                request = resp.next_request
                target = str(request.url)
                if target in seen:
                    raise FetchError(f"{where}: redirect loop (back to {shown(target)})")
                if request.url.scheme not in ("http", "https"):
                    raise FetchError(f"{where}: redirected to a non-HTTP URL")
                seen.add(target)
                continue
            return _read_response(resp, where, etag, last_modified, limits, deadline)
        finally:
            resp.close()
    raise FetchError(f"{where}: too many redirects (more than {limits.max_redirects})")


def _read_response(resp: httpx.Response, where: str, etag: str, last_modified: str,
                   limits: FetchLimits, deadline: float) -> FetchResult:
    final_url = str(resp.url)
    if resp.status_code == 304:
        return FetchResult(final_url, 304, etag=resp.headers.get("etag", etag),
                           last_modified=resp.headers.get("last-modified", last_modified))
    if resp.status_code >= 400:
        reason = shown(resp.reason_phrase)[:80]
        raise FetchError(f"{where}: HTTP {resp.status_code} {reason}".rstrip())
    if resp.status_code != 200:
        raise FetchError(f"{where}: unexpected HTTP status {resp.status_code}")
    declared = resp.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise FetchError(_too_large(where, limits, size=int(declared)))
    body = _read_body(resp, where, limits, deadline)
    return FetchResult(
        final_url, 200, body,
        resp.headers.get("content-type", ""), resp.headers.get("etag", ""),
        resp.headers.get("last-modified", ""), dict(resp.headers),
    )


def _read_body(resp: httpx.Response, where: str, limits: FetchLimits, deadline: float) -> bytes:
    """Stream the raw body, decompress it ourselves with a bounded output, stop at the cap."""
    encoding = resp.headers.get("content-encoding", "identity").strip().lower()
    if encoding in ("", "identity"):
        decoder = None
    elif encoding in ("gzip", "x-gzip", "deflate"):
        decoder = _BoundedInflater(deflate=encoding == "deflate")
    else:
        raise FetchError(f"{where}: unsupported content encoding {shown(encoding)[:40]!r}")
    chunks: list[bytes] = []
    raw_size = size = 0
    for raw in resp.iter_raw():  # as received: a chunk size would buffer past the deadline
        if time.monotonic() > deadline:
            raise DeadlinePassed
        raw_size += len(raw)
        if raw_size > limits.max_bytes:
            raise FetchError(_too_large(where, limits))
        data = raw if decoder is None else decoder.feed(raw, limits.max_bytes - size + 1, where)
        size += len(data)
        if size > limits.max_bytes:
            raise FetchError(_too_large(where, limits, decoded=decoder is not None))
        chunks.append(data)
    return b"".join(chunks)


class _BoundedInflater:
    """gzip/zlib/raw-deflate decoding that never produces more than it is allowed to."""

    def __init__(self, *, deflate: bool) -> None:
        # 32+MAX_WBITS reads both gzip and zlib headers; "deflate" is sometimes sent raw.
        self._deflate = deflate
        self._started = False
        self._z = zlib.decompressobj(32 + zlib.MAX_WBITS)

    def feed(self, raw: bytes, allowed: int, where: str) -> bytes:
        out: list[bytes] = []
        produced = 0
        try:
            while raw and produced < allowed:
                try:
                    piece = self._z.decompress(raw, allowed - produced)
                except zlib.error:
                    if self._deflate and not self._started:
                        self._z = zlib.decompressobj(-zlib.MAX_WBITS)
                        self._deflate = False
                        continue
                    raise
                self._started = True
                out.append(piece)
                produced += len(piece)
                raw = self._z.unconsumed_tail
                if self._z.eof:  # a second gzip member may follow
                    raw = self._z.unused_data
                    if raw:
                        self._z = zlib.decompressobj(32 + zlib.MAX_WBITS)
        except zlib.error:
            raise FetchError(f"{where}: corrupt compressed body") from None
        return b"".join(out)


def _too_large(where: str, limits: FetchLimits, decoded: bool = False,
               size: int | None = None) -> str:
    """The refusal, with the size (known from Content-Length, else "over" the limit, where
    the download stopped) and the limit, and how to raise it."""
    what = "decompressed response" if decoded else "response"
    limit = size_text(limits.max_bytes)
    found = size_text(size) if size is not None else f"over {limit}"
    return (f"{where}: {what} too large ({found}; the limit is {limit}: raise it with "
            "--max-size or `byline settings max-size`)")


def _first_line(exc: Exception) -> str:
    lines = str(exc).strip().splitlines()
    return shown(lines[0]) if lines else type(exc).__name__
