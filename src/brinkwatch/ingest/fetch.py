"""Conditional HTTP GET for the feed watcher: ``fetch_url`` with ETag / Last-Modified, via httpx.

A 304 answer comes back as ``FetchResult(status=304, body=b"")`` so the caller can skip work; network
failures, timeouts and HTTP error statuses (>= 400) raise ``FetchError`` (E108); a body over
``max_bytes`` raises ``InputTooLargeError`` (E104) without being read in full. Redirects are followed
and ``FetchResult.url`` is the final address.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from brinkwatch.errors import FetchError, InputTooLargeError

USER_AGENT = "brinkwatch/0.1 (news event coder)"


@dataclass(frozen=True)
class FetchResult:
    """One HTTP answer: status 200 with a body, or 304 (not modified) with an empty body."""

    status: int
    body: bytes
    etag: str | None
    last_modified: str | None
    url: str


def _request_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers = {"User-Agent": USER_AGENT, "Accept": "*/*"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _read_body(response: httpx.Response, *, url: str, max_bytes: int) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise InputTooLargeError(f"response is {int(declared):,} bytes, over the limit of {max_bytes:,}", source=url)
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise InputTooLargeError(f"response is over the limit of {max_bytes:,} bytes", source=url)
        chunks.append(chunk)
    return b"".join(chunks)


def fetch_url(url: str, *, etag: str | None = None, last_modified: str | None = None, timeout: float = 20,
              max_bytes: int = 50_000_000) -> FetchResult:
    """GET ``url``, conditionally when ``etag`` / ``last_modified`` from an earlier fetch are given."""
    try:
        with httpx.Client(timeout=timeout, follow_redirects=True) as client, client.stream(
            "GET", url, headers=_request_headers(etag, last_modified)
        ) as response:
            final_url = str(response.url)
            if response.status_code == 304:
                return FetchResult(304, b"", etag, last_modified, final_url)
            if response.status_code >= 400:
                raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}", source=url)
            body = _read_body(response, url=url, max_bytes=max_bytes)
            return FetchResult(
                status=response.status_code,
                body=body,
                etag=response.headers.get("ETag"),
                last_modified=response.headers.get("Last-Modified"),
                url=final_url,
            )
    except httpx.InvalidURL as exc:
        raise FetchError(f"invalid URL: {exc}", source=url) from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"{type(exc).__name__}: {exc}", source=url) from exc
