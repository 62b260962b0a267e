"""fetch_url against a local http.server: 200 with validators, conditional 304, errors as E108/E104."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from brinkwatch.errors import FetchError, InputTooLargeError
from brinkwatch.ingest import FetchResult, fetch_url

FEED = b"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title></channel></rss>"
ETAG = '"v1-abc"'
LAST_MODIFIED = "Wed, 01 May 2024 10:00:00 GMT"


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output quiet
        return

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        if self.path == "/feed.xml":
            if self.headers.get("If-None-Match") == ETAG or self.headers.get("If-Modified-Since") == LAST_MODIFIED:
                self.send_response(304)
                self.end_headers()
                return
            self._send(200, FEED, {"ETag": ETAG, "Last-Modified": LAST_MODIFIED})
        elif self.path == "/moved":
            self._send(301, b"", {"Location": "/feed.xml"})
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
    result = fetch_url(f"{base_url}/feed.xml")
    assert result == FetchResult(200, FEED, ETAG, LAST_MODIFIED, f"{base_url}/feed.xml")


@pytest.mark.parametrize(("etag", "last_modified"), [(ETAG, None), (None, LAST_MODIFIED)])
def test_conditional_fetch_is_304_with_empty_body(base_url: str, etag: str | None, last_modified: str | None) -> None:
    result = fetch_url(f"{base_url}/feed.xml", etag=etag, last_modified=last_modified)
    assert (result.status, result.body) == (304, b"")
    assert (result.etag, result.last_modified) == (etag, last_modified)


def test_stale_validator_gets_the_new_body(base_url: str) -> None:
    assert fetch_url(f"{base_url}/feed.xml", etag='"old"').status == 200


def test_redirect_is_followed_and_final_url_reported(base_url: str) -> None:
    result = fetch_url(f"{base_url}/moved")
    assert (result.status, result.url, result.body) == (200, f"{base_url}/feed.xml", FEED)


def test_http_error_status_is_e108(base_url: str) -> None:
    with pytest.raises(FetchError) as error:
        fetch_url(f"{base_url}/missing")
    assert error.value.code == "E108"
    assert "404" in error.value.message


def test_connection_refused_and_bad_url_are_e108() -> None:
    with pytest.raises(FetchError):
        fetch_url("http://127.0.0.1:9/feed.xml", timeout=2)
    with pytest.raises(FetchError):
        fetch_url("not a url at all")


def test_oversized_body_is_e104(base_url: str) -> None:
    with pytest.raises(InputTooLargeError):
        fetch_url(f"{base_url}/big", max_bytes=1000)
