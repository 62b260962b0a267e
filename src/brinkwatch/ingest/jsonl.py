"""JSON Lines to ``Article``: one object per line with "id" and "text" (or "html").

A record without "id" is named by its "url", else by ``<file name>:<line>``, which stays the same when
the same file is read again (so re-ingesting it is still a no-op).

Optional keys: "date" (YYYY-MM-DD or an ISO timestamp), "url", "title", "publisher", "author". Records
of the gold format (``/work/shared/gold/README.md``: extra keys "corpus", "events", "markup") read the
same way and are marked ``source_format="gold"``. Unknown keys are ignored. A malformed line yields a
``DocumentError`` (E106) naming the file and line, and reading goes on with the next line.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import PurePath
from typing import Any

from brinkwatch.errors import IngestError, MalformedRecordError
from brinkwatch.ingest.clean import safe_str
from brinkwatch.ingest.html import article_from_html, parse_date
from brinkwatch.ingest.text import article_from_text
from brinkwatch.model import Article, DocumentError

_GOLD_KEYS = frozenset({"events", "corpus", "markup"})
_STRING_FIELDS = ("url", "title", "publisher", "author")


def _optional_string(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise MalformedRecordError(f'"{key}" must be a string, not {type(value).__name__}')
    return safe_str(value) or None


def _record_date(record: dict[str, Any], default_date: dt.date | None) -> dt.date | None:
    value = record.get("date")
    if value is None or value == "":
        return default_date
    parsed = parse_date(value) if isinstance(value, str) else None
    if parsed is None:
        raise MalformedRecordError(f'"date" must be YYYY-MM-DD, not {value!r}')
    return parsed


def _record_id(record: dict[str, Any], *, source: str, line: int | None) -> str:
    """The record's "id"; without one, its "url"; without that, ``<file name>:<line>`` (stable per file)."""
    doc_id = record.get("id")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        return str(doc_id)
    if isinstance(doc_id, str) and doc_id.strip():
        return safe_str(doc_id)
    if doc_id is not None:
        raise MalformedRecordError(f'"id" must be a non-empty string or an integer, not {doc_id!r}')
    url = record.get("url")
    if isinstance(url, str) and url.strip():
        return safe_str(url)
    if line is None:
        raise MalformedRecordError('record has no "id"')
    return f"{PurePath(source).name}:{line}"


def article_from_record(record: Any, *, source: str, default_date: dt.date | None = None,
                        line: int | None = None) -> Article:
    """One decoded JSON object to an ``Article``; raises ``IngestError`` subclasses."""
    if not isinstance(record, dict):
        raise MalformedRecordError(f"expected a JSON object, got {type(record).__name__}")
    doc_id = _record_id(record, source=source, line=line)
    pub_date = _record_date(record, default_date)
    fields = {key: _optional_string(record, key) for key in _STRING_FIELDS}
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        source_format = "gold" if _GOLD_KEYS & record.keys() else "jsonl"
        return article_from_text(text, doc_id=doc_id, pub_date=pub_date, source_path=source,
                                 source_format=source_format, **fields)
    if isinstance(html, str) and html.strip():
        page = article_from_html(html, doc_id=doc_id, url=fields["url"], default_date=pub_date)
        kept = {key: value for key, value in fields.items() if value}
        return page.model_copy(update={"source_path": source, "source_format": "jsonl", **kept})
    raise MalformedRecordError('record has no "text" (a non-empty string)')


def articles_from_jsonl(lines: Iterable[str], *, source: str,
                        default_date: dt.date | None = None) -> Iterator[Article | DocumentError]:
    """Read JSON Lines; never raises for a bad line (yields a ``DocumentError`` for it instead)."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            yield DocumentError(source=source, line=number, code=MalformedRecordError.code,
                                message=f"malformed JSON: {exc}")
            continue
        try:
            yield article_from_record(record, source=source, default_date=default_date, line=number)
        except IngestError as exc:
            yield DocumentError(source=source, line=number, code=exc.code, message=exc.message)
