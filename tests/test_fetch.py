"""fetch() against a real HTTP server on 127.0.0.1: timeouts, caps, redirects, gzip, 304."""

from __future__ import annotations

import gzip
import shutil
import ssl
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from feed_samples import rss
from http_server import Reply, ScriptedServer, conditional, gzip_bomb, redirect

from store.errors import FetchError
from store.fetch import FetchLimits, fetch

FAST = FetchLimits.with_timeout(0.5)
SMALL = FetchLimits(max_bytes=64 * 1024)


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    with ScriptedServer() as running:
        yield running


def test_plain_fetch_returns_body_and_validators(server: ScriptedServer) -> None:
    url = server.route("/f", conditional(rss(2), etag='"v1"', last_modified="Tue, 10 Nov 2026 "
                                         "08:00:00 GMT"))
    result = fetch(url)
    assert result.status == 200 and result.body == rss(2)
    assert result.etag == '"v1"'
    assert result.last_modified == "Tue, 10 Nov 2026 08:00:00 GMT"
    assert result.content_type == "application/rss+xml"
    assert server.requests_to("/f")[0].headers["user-agent"].startswith("Byline/")


def test_etag_gives_304_without_body(server: ScriptedServer) -> None:
    url = server.route("/f", conditional(rss(2), etag='"v1"'))
    result = fetch(url, etag='"v1"')
    assert result.not_modified and result.body == b""
    assert server.requests_to("/f")[0].headers["if-none-match"] == '"v1"'
    assert fetch(url, etag='"old"').status == 200


def test_last_modified_gives_304(server: ScriptedServer) -> None:
    stamp = "Tue, 10 Nov 2026 08:00:00 GMT"
    url = server.route("/f", conditional(rss(2), last_modified=stamp))
    result = fetch(url, last_modified=stamp)
    assert result.status == 304 and result.last_modified == stamp
    assert server.requests_to("/f")[0].headers["if-modified-since"] == stamp


def test_slow_answer_times_out(server: ScriptedServer) -> None:
    url = server.route("/slow", Reply(body=rss(1), delay=5))
    started = time.monotonic()
    with pytest.raises(FetchError) as err:
        fetch(url, limits=FAST)
    assert time.monotonic() - started < 2
    assert str(err.value) == f"{url}: timed out (no answer within 0.5 s)"


def test_slow_drip_is_cut_by_the_overall_deadline(server: ScriptedServer) -> None:
    # each chunk arrives within the read timeout, but the whole body never would
    url = server.route("/drip", Reply(body=rss(50), drip=0.1, chunk_size=16))
    started = time.monotonic()
    with pytest.raises(FetchError) as err:
        fetch(url, limits=FAST)
    assert str(err.value) == f"{url}: timed out (not done after 1.5 s)"
    assert time.monotonic() - started < 3


def test_slow_drip_of_headers_is_cut_by_the_overall_deadline(server: ScriptedServer) -> None:
    # every byte of the status line and headers arrives within the read timeout
    url = server.route("/heads", Reply(body=rss(1), header_drip=0.2,
                                       headers={"X-Padding": "p" * 200}))
    started = time.monotonic()
    with pytest.raises(FetchError) as err:
        fetch(url, limits=FAST)
    assert str(err.value) == f"{url}: timed out (not done after 1.5 s)"
    assert time.monotonic() - started < 2.5


def test_server_error(server: ScriptedServer) -> None:
    url = server.route("/boom", Reply(500, b"oops"))
    with pytest.raises(FetchError) as err:
        fetch(url)
    assert str(err.value) == f"{url}: HTTP 500 Internal Server Error"


def test_redirect_followed_and_final_url_kept(server: ScriptedServer) -> None:
    server.route("/old", redirect("/new", 301))
    server.route("/new", Reply(body=rss(1)))
    result = fetch(server.url("/old"))
    assert result.url == server.url("/new") and result.body == rss(1)


def test_redirect_loop_is_named(server: ScriptedServer) -> None:
    server.route("/a", redirect("/b"))
    server.route("/b", redirect("/a"))
    with pytest.raises(FetchError) as err:
        fetch(server.url("/a"))
    assert str(err.value) == f"{server.url('/a')}: redirect loop (back to {server.url('/a')})"
    assert len(server.requests) == 2


def test_a_redirect_off_http_is_refused(server: ScriptedServer) -> None:
    for n, target in enumerate(["file:///etc/hostname", "ftp://files.test/feed.xml"]):
        url = server.route(f"/away{n}", redirect(target))
        with pytest.raises(FetchError) as err:
            fetch(url)
        assert str(err.value) == f"{url}: redirected to a non-HTTP URL"


def test_too_many_redirects(server: ScriptedServer) -> None:
    for n in range(10):
        server.route(f"/r{n}", redirect(f"/r{n + 1}"))
    with pytest.raises(FetchError, match=r"too many redirects \(more than 5\)"):
        fetch(server.url("/r0"))
    assert len(server.requests) == 6


def test_oversize_body_refused_from_its_length(server: ScriptedServer) -> None:
    url = server.route("/big", Reply(body=b"x" * 200_000))
    with pytest.raises(FetchError) as err:
        fetch(url, limits=SMALL)
    assert str(err.value) == (f"{url}: response too large (195.3 KB; the limit is 64 KB: raise "
                              "it with --max-size or `byline settings max-size`)")


def test_oversize_body_without_length_stopped_while_streaming(server: ScriptedServer) -> None:
    # drip mode sends no Content-Length: the cap must stop the stream itself
    url = server.route("/big", Reply(body=b"y" * 200_000, drip=0.0001, chunk_size=16))
    with pytest.raises(FetchError, match=r"response too large \(over 1 KB; the limit is 1 KB"):
        fetch(url, limits=FetchLimits(max_bytes=1024))


def test_gzip_body_is_decoded(server: ScriptedServer) -> None:
    url = server.route("/gz", Reply(body=rss(3), gzip=True))
    result = fetch(url)
    assert result.body == rss(3)
    assert "gzip" in server.requests_to("/gz")[0].headers["accept-encoding"]


def test_gzip_bomb_stopped_at_the_cap_on_decoded_bytes(server: ScriptedServer) -> None:
    bomb = gzip_bomb(64 * 1024 * 1024)  # 64 MB of spaces in about 64 KB
    assert len(bomb) < 100 * 1024
    url = server.route("/bomb", Reply(precompressed=bomb))
    started = time.monotonic()
    with pytest.raises(FetchError) as err:
        fetch(url, limits=FetchLimits(max_bytes=1024 * 1024))
    assert str(err.value) == (f"{url}: decompressed response too large (over 1 MB; the limit "
                              "is 1 MB: raise it with --max-size or `byline settings max-size`)")
    assert time.monotonic() - started < 5


def test_corrupt_gzip_and_unknown_encoding(server: ScriptedServer) -> None:
    url = server.route("/bad", Reply(precompressed=b"\x1f\x8b\x08\x00garbage-not-deflate"))
    with pytest.raises(FetchError, match="corrupt compressed body"):
        fetch(url)
    url = server.route("/br", Reply(body=b"abc", headers={"Content-Encoding": "br"}))
    with pytest.raises(FetchError, match="unsupported content encoding 'br'"):
        fetch(url)


def test_multi_member_gzip(server: ScriptedServer) -> None:
    body = gzip.compress(b"<rss>") + gzip.compress(b"</rss>")
    url = server.route("/two", Reply(precompressed=body))
    assert fetch(url).body == b"<rss></rss>"


def test_refused_connection_and_bad_scheme() -> None:
    with ScriptedServer() as gone:
        url = gone.url("/f")
    with pytest.raises(FetchError, match=r"cannot connect"):
        fetch(url, limits=FAST)
    with pytest.raises(FetchError, match="only http:// and https:// URLs can be fetched"):
        fetch("file:///etc/hostname")


def test_https_certificates_are_verified(tmp_path: Path) -> None:
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is not installed")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                    str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=127.0.0.1"],
                   check=True, capture_output=True)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    with ScriptedServer() as server:
        server.wrap_socket(context)
        url = server.route("/f", Reply(body=rss(1))).replace("http://", "https://")
        with pytest.raises(FetchError, match="certificate verify failed"):
            fetch(url, limits=FAST)
        # the same server through a plain-http redirect is refused too
        with ScriptedServer() as plain:
            start = plain.route("/go", redirect(url))
            with pytest.raises(FetchError, match="certificate verify failed"):
                fetch(start, limits=FAST)


def test_invalid_urls_give_one_line() -> None:
    with pytest.raises(FetchError) as err:
        fetch("http://[::1")
    assert str(err.value).startswith("http://[::1: not a valid URL")
    with pytest.raises(FetchError, match=r"^http://: "):
        fetch("http://")
