"""HTTP fetching with our own client: timeouts, a size cap, limited redirects, conditional GET."""

from __future__ import annotations

from dataclasses import dataclass, field

import httpx

from .errors import FetchError

MAX_BYTES = 10 * 1024 * 1024
TIMEOUT = httpx.Timeout(10.0, connect=5.0)
MAX_REDIRECTS = 5
USER_AGENT = "Byline/0.1 (+terminal news reader)"


@dataclass
class FetchResult:
    url: str  # final URL after redirects
    status: int  # 200, or 304 when not modified (body empty then)
    body: bytes = b""
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""
    headers: dict[str, str] = field(default_factory=dict)


def fetch(url: str, *, etag: str = "", last_modified: str = "",
          client: httpx.Client | None = None) -> FetchResult:
    """GET url; raise FetchError with one clear line on any failure."""
    headers = {"User-Agent": USER_AGENT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    own = client is None
    client = client or httpx.Client(timeout=TIMEOUT, follow_redirects=True,
                                    max_redirects=MAX_REDIRECTS)
    try:
        with client.stream("GET", url, headers=headers) as resp:
            if resp.status_code == 304:
                return FetchResult(str(resp.url), 304, etag=etag, last_modified=last_modified)
            if resp.status_code >= 400:
                raise FetchError(f"{url}: HTTP {resp.status_code} {resp.reason_phrase}")
            chunks, size = [], 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > MAX_BYTES:
                    raise FetchError(f"{url}: response larger than {MAX_BYTES // 1_000_000} MB")
                chunks.append(chunk)
            return FetchResult(
                str(resp.url), resp.status_code, b"".join(chunks),
                resp.headers.get("content-type", ""), resp.headers.get("etag", ""),
                resp.headers.get("last-modified", ""), dict(resp.headers),
            )
    except httpx.TooManyRedirects:
        raise FetchError(f"{url}: too many redirects") from None
    except httpx.TimeoutException:
        raise FetchError(f"{url}: timed out") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"{url}: {type(exc).__name__}: {exc}".splitlines()[0]) from None
    finally:
        if own:
            client.close()
