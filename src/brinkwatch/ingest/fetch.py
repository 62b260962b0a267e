"""Conditional HTTP GET for the feed watcher: ``fetch_url`` with ETag / Last-Modified, via httpx.

A 304 answer comes back as ``FetchResult(status=304, body=b"")`` so the caller can skip work; network
failures, timeouts and HTTP error statuses (>= 400) raise ``FetchError`` (E108); a body over
``max_bytes`` raises ``InputTooLargeError`` (E104) without being read in full. Redirects are followed
(at most ``MAX_REDIRECTS``) and ``FetchResult.url`` is the final address.

A feed is untrusted input that names URLs, so every fetch is guarded against server-side request
forgery: only ``http``/``https``, and the host of every hop (redirects included) must resolve to public
addresses only -- loopback, private, link-local, multicast and reserved ranges are refused with
``AddressRefusedError`` (E109). The address the connection actually reached is checked again before the
body is read, so a name that resolves differently the second time (DNS rebinding) gains nothing.
``allow_private=True`` (``brinkwatch watch --allow-private-addresses``) lifts the address rule for feeds
on an intranet or on this machine. Proxies from the environment are not used, so the checked address
is the one connected to.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from brinkwatch.errors import AddressRefusedError, FetchError, InputTooLargeError

USER_AGENT = "brinkwatch/0.1 (news event coder)"
MAX_REDIRECTS = 5
_SCHEMES = ("http", "https")
_REDIRECTS = (301, 302, 303, 307, 308)


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


def refusal_reason(address: str) -> str | None:
    """Why an IP address may not be fetched by default ('loopback', 'private', ...), or None if public."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind in ("loopback", "link_local", "private", "multicast", "unspecified", "reserved"):
        if getattr(ip, f"is_{kind}"):
            return kind.replace("_", "-")
    return None if ip.is_global else "non-public"


def check_url(url: str, *, allow_private: bool = False) -> None:
    """Raise unless ``url`` is http(s) and (unless ``allow_private``) its host resolves to public addresses."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in _SCHEMES:
        raise AddressRefusedError(f"only http and https URLs are fetched, not {parts.scheme or 'a bare path'!r}",
                                  source=url)
    host = parts.hostname
    if not host:
        raise FetchError("URL has no host", source=url)
    if allow_private:
        return
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError) as exc:
        raise FetchError(f"cannot resolve {host}: {exc}", source=url) from exc
    for info in infos:
        _refuse_if_not_public(str(info[4][0]), host, url)


def _refuse_if_not_public(address: str, host: str, url: str) -> None:
    reason = refusal_reason(address)
    if reason is not None:
        raise AddressRefusedError(
            f"{host} is a {reason} address ({address}); fetches of such addresses are refused unless "
            "allowed (brinkwatch watch --allow-private-addresses)", source=url)


def _check_peer(response: httpx.Response, url: str) -> None:
    """The address the connection really reached must be public too (the name may have been re-resolved)."""
    stream = response.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if peer:
        _refuse_if_not_public(str(peer[0]), urlsplit(url).hostname or "", url)


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
              max_bytes: int = 50_000_000, allow_private: bool = False) -> FetchResult:
    """GET ``url``, conditionally when ``etag`` / ``last_modified`` from an earlier fetch are given."""
    try:
        with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False) as client:
            current = url
            for _ in range(MAX_REDIRECTS + 1):
                check_url(current, allow_private=allow_private)
                with client.stream("GET", current, headers=_request_headers(etag, last_modified)) as response:
                    if not allow_private:
                        _check_peer(response, current)
                    location = response.headers.get("Location")
                    if response.status_code in _REDIRECTS and location:
                        current = urljoin(str(response.url), location)
                        continue
                    return _result(response, url=url, etag=etag, last_modified=last_modified, max_bytes=max_bytes)
            raise FetchError(f"more than {MAX_REDIRECTS} redirects", source=url)
    except httpx.InvalidURL as exc:
        raise FetchError(f"invalid URL: {exc}", source=url) from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"{type(exc).__name__}: {exc}", source=url) from exc


def _result(response: httpx.Response, *, url: str, etag: str | None, last_modified: str | None,
            max_bytes: int) -> FetchResult:
    final_url = str(response.url)
    if response.status_code == 304:
        return FetchResult(304, b"", etag, last_modified, final_url)
    if response.status_code >= 400:
        raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}", source=url)
    body = _read_body(response, url=url, max_bytes=max_bytes)
    return FetchResult(status=response.status_code, body=body, etag=response.headers.get("ETag"),
                       last_modified=response.headers.get("Last-Modified"), url=final_url)
