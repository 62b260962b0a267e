"""fetch_url against a local http.server: 200 with validators, conditional 304, errors as E108/E104.

The server listens on loopback, which fetch_url refuses by default (E109, no request sent): the tests of
HTTP behaviour pass ``allow_private=True`` (``LOCAL``), the tests of the guard do not.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from brinkwatch.errors import AddressRefusedError, FetchError, InputTooLargeError
from brinkwatch.ingest import FetchResult, fetch_url
from brinkwatch.ingest import fetch as fetch_module
from brinkwatch.ingest.fetch import check_url, refusal_reason

FEED = b"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title></channel></rss>"
ETAG = '"v1-abc"'
LAST_MODIFIED = "Wed, 01 May 2024 10:00:00 GMT"
LOCAL = {"allow_private": True}
REQUESTS: list[str] = []


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output quiet
        return

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        REQUESTS.append(self.path)
        if self.path == "/feed.xml":
            if self.headers.get("If-None-Match") == ETAG or self.headers.get("If-Modified-Since") == LAST_MODIFIED:
                self.send_response(304)
                self.end_headers()
                return
            self._send(200, FEED, {"ETag": ETAG, "Last-Modified": LAST_MODIFIED})
        elif self.path == "/moved":
            self._send(301, b"", {"Location": "/feed.xml"})
        elif self.path == "/to-file":
            self._send(302, b"", {"Location": "file:///etc/passwd"})
        elif self.path == "/big":
            self._send(200, b"x" * 5000, {})
        else:
            self._send(404, b"not here", {})

    def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_first_fetch_returns_body_and_validators(base_url: str) -> None:
    result = fetch_url(f"{base_url}/feed.xml", **LOCAL)
    assert result == FetchResult(200, FEED, ETAG, LAST_MODIFIED, f"{base_url}/feed.xml")


@pytest.mark.parametrize(("etag", "last_modified"), [(ETAG, None), (None, LAST_MODIFIED)])
def test_conditional_fetch_is_304_with_empty_body(base_url: str, etag: str | None, last_modified: str | None) -> None:
    result = fetch_url(f"{base_url}/feed.xml", etag=etag, last_modified=last_modified, **LOCAL)
    assert (result.status, result.body) == (304, b"")
    assert (result.etag, result.last_modified) == (etag, last_modified)


def test_stale_validator_gets_the_new_body(base_url: str) -> None:
    assert fetch_url(f"{base_url}/feed.xml", etag='"old"', **LOCAL).status == 200


def test_redirect_is_followed_and_final_url_reported(base_url: str) -> None:
    result = fetch_url(f"{base_url}/moved", **LOCAL)
    assert (result.status, result.url, result.body) == (200, f"{base_url}/feed.xml", FEED)


def test_http_error_status_is_e108(base_url: str) -> None:
    with pytest.raises(FetchError) as error:
        fetch_url(f"{base_url}/missing", **LOCAL)
    assert error.value.code == "E108"
    assert "404" in error.value.message


def test_connection_refused_and_bad_url_are_e108() -> None:
    with pytest.raises(FetchError):
        fetch_url("http://127.0.0.1:9/feed.xml", timeout=2, **LOCAL)
    with pytest.raises(FetchError):
        fetch_url("not a url at all")


def test_oversized_body_is_e104(base_url: str) -> None:
    with pytest.raises(InputTooLargeError):
        fetch_url(f"{base_url}/big", max_bytes=1000, **LOCAL)


@pytest.mark.parametrize("address", ["127.0.0.1", "127.8.9.10", "::1", "10.1.2.3", "172.16.0.5", "192.168.1.1",
                                     "169.254.169.254", "fe80::1", "fc00::7", "0.0.0.0", "224.0.0.1",
                                     "::ffff:127.0.0.1", "100.64.0.1"])
def test_loopback_private_link_local_and_reserved_addresses_are_refused(address: str) -> None:
    assert refusal_reason(address) is not None
    host = f"[{address}]" if ":" in address else address
    with pytest.raises(AddressRefusedError) as error:
        check_url(f"http://{host}/feed.xml")
    assert error.value.code == "E109"


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700::1111"])
def test_public_addresses_pass(address: str) -> None:
    assert refusal_reason(address) is None


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/feed", "gopher://x/", "/etc/passwd"])
def test_only_http_and_https_are_fetched(url: str) -> None:
    with pytest.raises(AddressRefusedError):
        fetch_url(url, allow_private=True)


def test_a_local_server_is_refused_before_any_request_reaches_it(base_url: str) -> None:
    before = len(REQUESTS)
    for url in (f"{base_url}/feed.xml", base_url.replace("127.0.0.1", "localhost") + "/feed.xml"):
        with pytest.raises(AddressRefusedError) as error:
            fetch_url(url)
        assert "--allow-private-addresses" in error.value.message
    assert len(REQUESTS) == before


def test_every_redirect_hop_is_checked(base_url: str) -> None:
    with pytest.raises(AddressRefusedError):
        fetch_url(f"{base_url}/to-file", **LOCAL)


def test_the_address_actually_reached_is_checked_too(base_url: str, monkeypatch) -> None:
    """A name that resolved to a public address when checked but connects to loopback (DNS rebinding):
    the body is not read."""

    class PublicResolver:
        SOCK_STREAM = fetch_module.socket.SOCK_STREAM
        gaierror = fetch_module.socket.gaierror

        @staticmethod
        def getaddrinfo(host, port, **kwargs):
            return [(2, 1, 6, "", ("93.184.216.34", port))]

    monkeypatch.setattr(fetch_module, "socket", PublicResolver)
    with pytest.raises(AddressRefusedError) as error:
        fetch_url(f"{base_url}/feed.xml")
    assert "127.0.0.1" in error.value.message
