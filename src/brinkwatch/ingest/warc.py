"""WARC archives (plain or gzip) to ``Article``s: one per HTML or plain-text response/resource record.

The record's ``WARC-Target-URI`` is the article's ``doc_id`` and url; ``WARC-Date`` is when it was
fetched (``fetched_at``) and stands in for the publication date when the page shows none. warcio reads a
record cut short without complaint, so truncation is detected here: the payload reader must reach the
record's declared ``Content-Length``, and a gzip stream must not end inside a member. A truncated record
yields E106; the records before it have already been yielded.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import re
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from brinkwatch.errors import IngestError, InputTooLargeError, MalformedRecordError
from brinkwatch.ingest.decode import GZIP_MAGIC
from brinkwatch.ingest.html import article_from_html
from brinkwatch.ingest.text import article_from_text
from brinkwatch.model import Article, DocumentError

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)
_RECORD_TYPES = ("response", "resource", "conversion")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_DRAIN_CHUNK = 65536


class _TruncatedStream(Exception):
    """Raised (instead of EOFError, which warcio swallows) when a gzip member ends early."""


class _StrictGzip(io.RawIOBase):
    """A gunzipping reader (multi-member) that reports a member cut short instead of ending quietly.

    Python's ``gzip`` module raises on a truncated member and loses the bytes decompressed in the same
    read, so members are decompressed here with ``zlib`` and every complete byte is passed on first.
    """

    _CHUNK = 65536

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self._inflater = zlib.decompressobj(wbits=31)
        self._member_started = False
        self._pending = b""
        self._done = False
        self._failure: str | None = None
        self._failure_reported = False

    def readable(self) -> bool:
        return True

    def _inflate_more(self) -> None:
        data = self._raw.read(self._CHUNK)
        if not data:
            self._done = True
            if self._member_started and not self._inflater.eof:
                self._failure = "compressed file ended before the end of a gzip member"
            return
        while data:
            if self._inflater.eof:
                self._inflater = zlib.decompressobj(wbits=31)
            self._member_started = True
            try:
                self._pending += self._inflater.decompress(data)
            except zlib.error as exc:
                self._failure, self._done = f"corrupt gzip data: {exc}", True
                return
            data = self._inflater.unused_data if self._inflater.eof else b""
            if self._inflater.eof and not data:
                self._member_started = False

    def readinto(self, buffer: Any) -> int:
        while not self._pending and not self._done:
            self._inflate_more()
        if not self._pending and self._failure is not None:
            # The first failed read looks like the end of data, so that a buffered reader above hands
            # over the complete records before it; the next read raises.
            if self._failure_reported:
                raise _TruncatedStream(self._failure)
            self._failure_reported = True
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


def _open(stream: BinaryIO) -> BinaryIO:
    buffered = stream if isinstance(stream, io.BufferedReader) else io.BufferedReader(_Reader(stream))
    if buffered.peek(2)[:2] == GZIP_MAGIC:
        return io.BufferedReader(_StrictGzip(buffered))
    return buffered


class _Reader(io.RawIOBase):
    """Adapts any object with ``read`` (e.g. ``BytesIO``) to a raw stream that ``BufferedReader`` wraps."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _content_type(record: Any) -> str:
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    value = headers.get_header("Content-Type") or ""
    return value.split(";")[0].strip().lower()


def _warc_datetime(record: Any) -> dt.datetime | None:
    value = record.rec_headers.get_header("WARC-Date")
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _check_complete(record: Any) -> None:
    # warcio's LimitReader counts down the declared Content-Length; anything left means the file ended early.
    if getattr(record.raw_stream, "limit", 0) > 0:
        raise _TruncatedStream(f"payload ends {record.raw_stream.limit} bytes short of its Content-Length")


def _drain(record: Any) -> None:
    """Read a record we do not keep (images, scripts) in chunks, only to notice truncation."""
    while record.raw_stream.read(_DRAIN_CHUNK):
        pass
    _check_complete(record)


def _read_payload(record: Any, *, source: str, number: int, max_bytes: int | None) -> bytes:
    declared = record.rec_headers.get_header("Content-Length") or ""
    if max_bytes is not None and declared.isdigit() and int(declared) > max_bytes:
        raise InputTooLargeError(f"WARC record {number} is {int(declared):,} bytes, over the limit of "
                                 f"{max_bytes:,}", source=source, line=number)
    payload = record.content_stream().read()
    _check_complete(record)
    return payload


def _charset(record: Any) -> str | None:
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    found = _CHARSET.search(headers.get_header("Content-Type") or "")
    if not found:
        return None
    try:
        return codecs.lookup(found.group(1)).name
    except LookupError:
        return None


def _decoded(payload: bytes, charset: str | None) -> str | bytes:
    """Text in the charset the server declared; bytes (left to the HTML parser's sniffing) otherwise."""
    return payload.decode(charset, errors="replace") if charset else payload


def _article_from_record(record: Any, *, source: str, number: int, max_bytes: int | None) -> Article | None:
    if record.rec_type not in _RECORD_TYPES:
        return None
    content_type = _content_type(record)
    status = record.http_headers.get_statuscode() if record.http_headers is not None else "200"
    if status != "200" or content_type not in _HTML_TYPES + _TEXT_TYPES:
        _drain(record)
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or f"{source}#{number}"
    payload = _read_payload(record, source=source, number=number, max_bytes=max_bytes)
    fetched_at = _warc_datetime(record)
    fallback_date = fetched_at.date() if fetched_at else None
    if content_type in _HTML_TYPES:
        page = article_from_html(_decoded(payload, _charset(record)), doc_id=uri, url=uri,
                                 default_date=fallback_date)
        return page.model_copy(update={"source_path": source, "source_format": "warc", "fetched_at": fetched_at})
    text = payload.decode(_charset(record) or "utf-8", errors="replace")
    return article_from_text(text, doc_id=uri, pub_date=fallback_date, url=uri, source_path=source,
                             source_format="warc", fetched_at=fetched_at)


def articles_from_warc(stream: BinaryIO, *, source: str,
                       max_record_bytes: int | None = None) -> Iterator[Article | DocumentError]:
    """Read a WARC stream; never raises for a bad record (``DocumentError.line`` = record number, 1-based).

    The stream is read record by record, so a crawl file of any size costs the memory of one record;
    a record over ``max_record_bytes`` is skipped with E104.
    """
    number = 0
    try:
        archive = ArchiveIterator(_open(stream))
        iterator = iter(archive)
        while True:
            number += 1
            try:
                record = next(iterator)
            except StopIteration:
                # warcio ends quietly when the file stops inside a record's headers; the header line it
                # had already read for that record tells us one was started.
                if archive.next_line:
                    raise _TruncatedStream("file ends inside the record's headers") from None
                return
            try:
                article = _article_from_record(record, source=source, number=number,
                                               max_bytes=max_record_bytes)
            except IngestError as exc:
                yield DocumentError(source=source, line=number, code=exc.code, message=exc.message)
                continue
            if article is not None:
                yield article
    # After a truncated record the stream cannot be resynchronised: report it and stop.
    except (_TruncatedStream, ArchiveLoadFailed, StatusAndHeadersParserException, EOFError, OSError,
            ValueError) as exc:
        yield DocumentError(source=source, line=number, code=MalformedRecordError.code,
                            message=f"WARC record {number} is truncated or malformed: {exc}")
