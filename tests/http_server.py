"""A real threaded HTTP server on 127.0.0.1 for tests and benchmarks, driven by scripted routes.

    with ScriptedServer() as server:
        server.route("/feed.xml", Reply(body=rss, headers={"Content-Type": "application/rss+xml"}))
        server.route("/cond.xml", conditional(rss, etag='"v1"'))
        fetch(server.url("/feed.xml"))

A route is a Reply, or a callable taking the Request and returning one. Every request is kept
in `server.requests`, so tests can check what the client sent (If-None-Match, ...).
"""

from __future__ import annotations

import gzip
import ssl
import threading
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]  # lower-case names


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line is sent
    drip: float = 0.0  # seconds between body chunks (then no Content-Length is sent)
    header_drip: float = 0.0  # seconds between the bytes of the status line and headers
    chunk_size: int = 64 * 1024
    gzip: bool = False  # compress body and say Content-Encoding: gzip
    precompressed: bytes | None = None  # send these bytes as the gzip body as they are


Handler = Callable[[Request], Reply]


def conditional(body: bytes, *, etag: str = "", last_modified: str = "",
                content_type: str = "application/rss+xml") -> Handler:
    """A route honouring If-None-Match / If-Modified-Since with a 304 and no body."""

    def handle(request: Request) -> Reply:
        headers = {"Content-Type": content_type}
        if etag:
            headers["ETag"] = etag
        if last_modified:
            headers["Last-Modified"] = last_modified
        if etag and request.headers.get("if-none-match") == etag:
            return Reply(304, headers=headers)
        if (not etag and last_modified
                and request.headers.get("if-modified-since") == last_modified):
            return Reply(304, headers=headers)
        return Reply(200, body, headers)

    return handle


def redirect(location: str, status: int = 302) -> Reply:
    return Reply(status, headers={"Location": location})


def gzip_bomb(decoded_size: int) -> bytes:
    """A small gzip stream that inflates to decoded_size bytes of spaces."""
    block = b" " * (1024 * 1024)
    z = zlib.compressobj(9, zlib.DEFLATED, 31)  # wbits 31: gzip framing
    out = bytearray()
    left = decoded_size
    while left > 0:
        piece = block[: min(left, len(block))]
        out += z.compress(piece)
        left -= len(piece)
    out += z.flush()
    return bytes(out)


class ScriptedServer:
    """ThreadingHTTPServer on a random port of 127.0.0.1; a context manager."""

    def __init__(self) -> None:
        self.routes: dict[str, Reply | Handler] = {}
        self.requests: list[Request] = []
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,),
                                        daemon=True)

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def wrap_socket(self, context: ssl.SSLContext) -> None:
        """Serve https with this server-side context (call before the first request)."""
        self._httpd.socket = context.wrap_socket(self._httpd.socket, server_side=True)

    def route(self, path: str, reply: Reply | Handler) -> str:
        """Script a path; returns its full URL."""
        self.routes[path] = reply
        return self.url(path)

    def requests_to(self, path: str) -> list[Request]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def __enter__(self) -> ScriptedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._stopping.set()  # wakes handlers that are sleeping on purpose
        self._httpd.shutdown()
        self._httpd.server_close()

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                request = Request("GET", self.path.split("?", 1)[0],
                                  {k.lower(): v for k, v in self.headers.items()})
                with server._lock:
                    server.requests.append(request)
                route = server.routes.get(request.path)
                if route is None:
                    reply = Reply(404, b"not here", {"Content-Type": "text/plain"})
                else:
                    reply = route(request) if callable(route) else route
                server._send(self, reply)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass  # keep test output clean

        return _Handler

    def _send(self, handler: BaseHTTPRequestHandler, reply: Reply) -> None:
        if reply.delay and self._stopping.wait(reply.delay):
            return
        body = reply.body
        headers = dict(reply.headers)
        if reply.precompressed is not None:
            body = reply.precompressed
            headers["Content-Encoding"] = "gzip"
        elif reply.gzip:
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        if not reply.drip and reply.status != 304:
            headers.setdefault("Content-Length", str(len(body)))
        try:
            if reply.header_drip:
                head = f"HTTP/1.0 {reply.status} OK\r\n" + "".join(
                    f"{name}: {value}\r\n" for name, value in headers.items()) + "\r\n"
                for byte in head.encode():
                    handler.wfile.write(bytes([byte]))
                    handler.wfile.flush()
                    if self._stopping.wait(reply.header_drip):
                        return
            else:
                handler.send_response(reply.status)
                for name, value in headers.items():
                    handler.send_header(name, value)
                handler.end_headers()
            if reply.status == 304:
                return
            step = reply.chunk_size if not reply.drip else max(1, min(reply.chunk_size, 16))
            for start in range(0, len(body), step):
                handler.wfile.write(body[start:start + step])
                if reply.drip:
                    handler.wfile.flush()
                    if self._stopping.wait(reply.drip):
                        return
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeouts, size caps): that is what tests look for
