"""RSS and Atom feeds to ``Article``s, one per entry, through feedparser -- entry by entry when need be.

An entry's body is its ``content`` (or else its ``summary``) turned into text by the HTML path; an entry
with no body keeps its headline as text, because a headline alone often carries the event. The feed's
title becomes each article's publisher. A feed that feedparser cannot read (bozo, no entries) is one E106.

A feed is untrusted input, so one bad entry must cost that entry only. A well-formed feed is parsed
whole; a feed that feedparser refuses, raises on, or reads with complaints (bozo) is cut into its complete
``<item>``/``<entry>`` elements by a linear scan and each is parsed on its own behind the feed's header:
an entry that still fails is one E106 with its position, the others are read. A feed cut off in the
middle (a partial last entry, or no closing root tag) is reported as E110 and the partial entry dropped,
instead of storing its headline as an article. Entity declarations in a DOCTYPE (the "billion laughs"
bomb) are removed before parsing and reported as E111, so a few hundred bytes cannot expand to megabytes.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import feedparser
import lxml.etree

from brinkwatch.errors import (
    EmptyInputError,
    ExpansionLimitError,
    IngestError,
    MalformedRecordError,
    TruncatedInputError,
)
from brinkwatch.ingest.clean import safe_str
from brinkwatch.ingest.html import html_to_text
from brinkwatch.ingest.text import article_from_text
from brinkwatch.model import Article, DocumentError

_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")
# Bounded attribute run ([^<>]{0,2000}) so that a page of "<item" without '>' is scanned in linear time.
_ENTRY_TAG = re.compile(rb"<(/?)(?:[A-Za-z][\w.-]*:)?(item|entry)(?=[\s/>])[^<>]{0,2000}?(/?)>", re.IGNORECASE)
_ROOT_END = re.compile(rb"</(?:[A-Za-z][\w.-]*:)?(rss|feed|rdf)\s*>", re.IGNORECASE)
_ROOT_OPEN = re.compile(rb"<(?:[A-Za-z][\w.-]*:)?(rss|feed|rdf)(?=[\s>])[^<>]{0,4000}>", re.IGNORECASE)
_XML_DECLARATION = re.compile(rb"\A\s*<\?xml[^<>]{0,500}\?>")
# Each entry is parsed behind the feed's header; a longer header is rebuilt from its opening tags, so a
# feed cannot make the per-entry parse quadratic with a huge header and many entries.
_MAX_HEADER = 16_384
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)
# What an entry may fail with inside feedparser, lxml or our readers besides our own IngestError.
_ENTRY_FAILURES = (ValueError, TypeError, LookupError, AttributeError, lxml.etree.LxmlError)


@dataclass
class ParsedFeed:
    """A feed's entries (raw feedparser entries, or the error of an entry that could not be read)."""

    version: str = ""
    publisher: str | None = None
    entries: list[Any | DocumentError] = field(default_factory=list)
    problems: list[DocumentError] = field(default_factory=list)  # feed-level: truncated, entity bomb, malformed


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except ValueError:
                continue
    return None


def _entry_body(entry: Any) -> str:
    parts = entry.get("content") or []
    candidates = [(part.get("value") or "", part.get("type") or "text/html") for part in parts]
    summary = entry.get("summary_detail") or {}
    candidates.append((entry.get("summary") or "", summary.get("type") or "text/html"))
    for value, content_type in candidates:
        if not value.strip():
            continue
        text = html_to_text(value) if content_type.lower() in _HTML_TYPES or "<" in value else value
        if text.strip():
            return text
    return ""


def _optional(value: Any) -> str | None:
    return safe_str(value) if isinstance(value, str) and value.strip() else None


def _article_from_entry(entry: Any, *, source: str, index: int, publisher: str | None,
                        source_format: str) -> Article:
    title = _optional(entry.get("title"))
    link = _optional(entry.get("link"))
    doc_id = _optional(entry.get("id")) or link or f"{source}#{index}"
    body = _entry_body(entry) or title or ""
    if not body.strip():
        raise EmptyInputError("feed entry has neither text nor title", source=source, line=index)
    return article_from_text(
        body, doc_id=doc_id, pub_date=_entry_date(entry), url=link, title=title, publisher=publisher,
        author=_optional(entry.get("author")), source_path=source, source_format=source_format,
    )


def has_full_content(entry: Any) -> bool:
    """Whether an entry carries a full ``content`` body (else only a summary, and its page is worth fetching)."""
    return any((part.get("value") or "").strip() for part in entry.get("content") or [])


# --- parsing -----------------------------------------------------------------------------------------
def _without_entity_declarations(data: bytes, source: str) -> tuple[bytes, DocumentError | None]:
    """The feed with a DOCTYPE that declares entities removed, and the E111 that says so."""
    doctype = _DOCTYPE.search(data)
    if doctype is None:
        return data, None
    start = doctype.start()
    close = data.find(b">", start)
    bracket = data.find(b"[", start)
    if bracket != -1 and (close == -1 or bracket < close):
        subset_end = data.find(b"]", bracket)
        close = data.find(b">", subset_end) if subset_end != -1 else -1
    end = len(data) if close == -1 else close + 1
    if not _ENTITY.search(data, start, end):
        return data, None
    problem = DocumentError(source=source, code=ExpansionLimitError.code,
                            message="the feed declares its own XML entities (an entity bomb?); they were not "
                                    "expanded")
    return data[:start] + data[end:], problem


def _entry_spans(data: bytes) -> tuple[list[tuple[int, int]], int | None]:
    """Byte spans of complete entries, and the start of a partial one left open at the end (or None)."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for tag in _ENTRY_TAG.finditer(data):
        closing, self_closing = tag.group(1) == b"/", tag.group(3) == b"/"
        if self_closing and not closing:
            spans.append((tag.start(), tag.end()))
        elif not closing:
            open_at = tag.start()  # an entry opened inside an unclosed one: the first was broken
        elif open_at is not None:
            spans.append((open_at, tag.end()))
            open_at = None
    return spans, open_at


def _entry_header(header: bytes) -> bytes:
    """What stands before the first entry (channel title, namespaces), or only its opening tags when long."""
    if len(header) <= _MAX_HEADER:
        return header
    head = header[:_MAX_HEADER]
    declaration = _XML_DECLARATION.match(head)
    root = _ROOT_OPEN.search(head)
    rebuilt = (declaration.group().strip() if declaration else b"") + (root.group() if root else b"")
    if root is not None and root.group(1).lower() != b"feed":
        rebuilt += b"<channel>"
    return rebuilt


def _whole(data: bytes) -> feedparser.FeedParserDict | None:
    try:
        return feedparser.parse(data)
    except _ENTRY_FAILURES:
        return None


def _one_entry(header: bytes, entry: bytes, source: str, index: int) -> Any | DocumentError:
    parsed = _whole(header + entry)
    if parsed is None or len(parsed.entries) != 1:
        return DocumentError(source=source, line=index, code=MalformedRecordError.code,
                             message="feed entry cannot be read")
    return parsed.entries[0]


def parse_feed(data: bytes, *, source: str) -> ParsedFeed:
    """Parse RSS/Atom bytes into entries; never raises (a bad entry or feed becomes a ``DocumentError``)."""
    # Bytes, never a string: feedparser treats a string that looks like a URL as something to fetch.
    data, bomb = _without_entity_declarations(bytes(data), source)
    result = ParsedFeed(problems=[bomb] if bomb else [])
    whole = _whole(data)
    spans, partial = _entry_spans(data)
    truncated = partial is not None or not _ROOT_END.search(data[-4096:])
    if whole is not None:
        result.version = whole.get("version") or ""
        result.publisher = _optional(whole.feed.get("title"))
    if whole is not None and not whole.get("bozo") and not truncated:
        result.entries = list(whole.entries)
        return result
    if not spans:
        result.problems.append(_unreadable(whole, source))
        return result
    header = _entry_header(data[: spans[0][0]])
    if whole is None:
        head = _whole(header)
        result.version = (head.get("version") if head is not None else "") or ""
        result.publisher = _optional(head.feed.get("title")) if head is not None else None
    result.entries = [_one_entry(header, data[start:end], source, index)
                      for index, (start, end) in enumerate(spans, start=1)]
    if truncated:
        where = f"in entry {len(spans) + 1}" if partial is not None else "after its last entry"
        result.problems.append(DocumentError(
            source=source, line=len(spans) + 1 if partial is not None else None, code=TruncatedInputError.code,
            message=f"the feed is cut off {where}; the {len(spans)} complete entries were read"))
    return result


def _unreadable(whole: feedparser.FeedParserDict | None, source: str) -> DocumentError:
    if whole is None:
        return DocumentError(source=source, code=MalformedRecordError.code, message="malformed feed")
    if whole.get("bozo") or whole.get("version"):
        reason = whole.get("bozo_exception") or "no entries"
        return DocumentError(source=source, code=MalformedRecordError.code, message=f"malformed feed: {reason}")
    return DocumentError(source=source, code=MalformedRecordError.code, message="not an RSS or Atom feed")


def articles_from_parsed(parsed: ParsedFeed, *, source: str) -> Iterator[Article | DocumentError]:
    """The articles of a parsed feed, with its feed-level problems and each unreadable entry as errors."""
    yield from parsed.problems
    source_format = "atom" if parsed.version.startswith("atom") else "rss"
    for index, entry in enumerate(parsed.entries, start=1):
        if isinstance(entry, DocumentError):
            yield entry
            continue
        try:
            yield _article_from_entry(entry, source=source, index=index, publisher=parsed.publisher,
                                      source_format=source_format)
        except IngestError as exc:
            yield DocumentError(source=source, line=index, code=exc.code, message=exc.message)
        except _ENTRY_FAILURES as exc:
            yield DocumentError(source=source, line=index, code=MalformedRecordError.code,
                                message=f"feed entry cannot be read ({type(exc).__name__})")


def articles_from_feed(data: bytes, *, source: str) -> Iterator[Article | DocumentError]:
    """Parse RSS/Atom bytes; never raises for a bad feed or entry (yields ``DocumentError`` instead).

    ``DocumentError.line`` is the 1-based position of the entry in the feed.
    """
    yield from articles_from_parsed(parse_feed(data, source=source), source=source)
