"""RSS and Atom feeds to ``Article``s, one per entry, through feedparser.

An entry's body is its ``content`` (or else its ``summary``) turned into text by the HTML path; an entry
with no body keeps its headline as text, because a headline alone often carries the event. The feed's
title becomes each article's publisher. A feed that feedparser cannot read (bozo, no entries) is one E106.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from typing import Any

import feedparser

from brinkwatch.errors import EmptyInputError, IngestError, MalformedRecordError
from brinkwatch.ingest.clean import safe_str
from brinkwatch.ingest.html import html_to_text
from brinkwatch.ingest.text import article_from_text
from brinkwatch.model import Article, DocumentError

_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


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


def articles_from_feed(data: bytes, *, source: str) -> Iterator[Article | DocumentError]:
    """Parse RSS/Atom bytes; never raises for a bad feed or entry (yields ``DocumentError`` instead).

    ``DocumentError.line`` is the 1-based position of the entry in the feed.
    """
    # Bytes, never a string: feedparser treats a string that looks like a URL as something to fetch.
    parsed = feedparser.parse(bytes(data))
    if not parsed.entries:
        if parsed.get("bozo"):
            reason = parsed.get("bozo_exception")
            yield DocumentError(source=source, code=MalformedRecordError.code,
                                message=f"malformed feed: {reason}")
        elif not parsed.get("version"):
            yield DocumentError(source=source, code=MalformedRecordError.code,
                                message="not an RSS or Atom feed")
        return
    version = parsed.get("version") or ""
    source_format = "atom" if version.startswith("atom") else "rss"
    publisher = _optional(parsed.feed.get("title"))
    for index, entry in enumerate(parsed.entries, start=1):
        try:
            yield _article_from_entry(entry, source=source, index=index, publisher=publisher,
                                      source_format=source_format)
        except IngestError as exc:
            yield DocumentError(source=source, line=index, code=exc.code, message=exc.message)
