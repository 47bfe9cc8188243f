"""An overall deadline for one fetch, down at the socket: every read, write, connect and TLS
handshake waits at most until then.

httpx's timeouts apply to each socket operation alone, so a server that sends its status line
and headers a byte every few seconds is never cut off: it could hold a refresh for hours.
`fetch` sets the deadline of the request its thread is making (`deadline_for`), and the
network backend installed by `with_deadlines` bounds every operation by what is left.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import httpcore
import httpx

_current = threading.local()  # each worker thread makes one request at a time


class DeadlinePassed(Exception):
    """The fetch's overall deadline passed (httpx lets non-httpcore errors through as is)."""


@contextmanager
def deadline_for(moment: float) -> Iterator[None]:
    """Bound the socket operations of this thread's fetch by time.monotonic() == moment."""
    _current.at = moment
    try:
        yield
    finally:
        _current.at = None


def _bounded(timeout: float | None) -> tuple[float | None, bool]:
    """(timeout to use, whether the deadline is what limits it)."""
    end = getattr(_current, "at", None)
    if end is None:
        return timeout, False
    left = end - time.monotonic()
    if left <= 0:
        raise DeadlinePassed
    if timeout is None or left < timeout:
        return left, True
    return timeout, False


class _Stream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        bounded, by_deadline = _bounded(timeout)
        try:
            return self._inner.read(max_bytes, bounded)
        except httpcore.ReadTimeout:
            if by_deadline:
                raise DeadlinePassed from None
            raise

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        bounded, by_deadline = _bounded(timeout)
        try:
            self._inner.write(buffer, bounded)
        except httpcore.WriteTimeout:
            if by_deadline:
                raise DeadlinePassed from None
            raise

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        bounded, _ = _bounded(timeout)
        return _Stream(self._inner.start_tls(ssl_context, server_hostname, bounded))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        bounded, _ = _bounded(timeout)
        return _Stream(self._inner.connect_tcp(host, port, bounded, local_address,
                                               socket_options))

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None
                            ) -> httpcore.NetworkStream:
        bounded, _ = _bounded(timeout)
        return _Stream(self._inner.connect_unix_socket(path, bounded, socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def with_deadlines(transport: httpx.HTTPTransport) -> httpx.HTTPTransport:
    """The transport, its connections made through the deadline-aware backend.

    This reaches into httpx's connection pool (its `_pool`, httpcore's `_network_backend`):
    if a future version moves them, the transport is returned as it is and only the body
    (checked in `fetch` itself) keeps the overall deadline."""
    pool = getattr(transport, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if isinstance(backend, httpcore.NetworkBackend) and not isinstance(backend, _Backend):
        pool._network_backend = _Backend(backend)  # type: ignore[union-attr]
    return transport
