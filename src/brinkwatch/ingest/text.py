"""Plain text (and light Markdown) to ``Article``: republication note, boilerplate removal, English check."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from brinkwatch.errors import EmptyInputError
from brinkwatch.ingest.clean import clean_text, keep_english, split_syndication
from brinkwatch.model import Article

# Provenance an ingest path may hand over besides the text itself.
PROVENANCE_FIELDS = frozenset(
    {"url", "title", "publisher", "author", "language", "source_path", "source_format", "syndicated_from",
     "fetched_at"}
)

_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w))")
_MD_RULE = re.compile(r"^\s*([-*_]\s*){3,}$", re.MULTILINE)


# "Title: ...", "Date: 2026-01-05" lines at the top of a plain-text file (examples/README.md documents it)
_HEADER_LINE = re.compile(r"^(title|date|publisher|url|author|source)\s*:\s*(\S.*)$", re.IGNORECASE)
_HEADER_FIELDS = {"title": "title", "publisher": "publisher", "source": "publisher", "url": "url", "author": "author"}


def split_header(text: str) -> tuple[dict[str, Any], str]:
    """Read ``Key: value`` header lines at the very top of a text file, up to the first blank line.

    Returns the Article fields they give (``pub_date`` from an ISO ``Date:``; a bad date is ignored rather
    than guessed) and the body. A file whose first line is not such a header has no header.
    """
    lines = text.lstrip("\ufeff").splitlines()
    fields: dict[str, Any] = {}
    index = 0
    while index < len(lines) and (match := _HEADER_LINE.match(lines[index].strip())):
        key, value = match.group(1).lower(), match.group(2).strip()
        if key == "date":
            try:
                fields["pub_date"] = dt.date.fromisoformat(value[:10])
            except ValueError:
                pass
        else:
            fields[_HEADER_FIELDS[key]] = value
        index += 1
    if index == 0 or (index < len(lines) and lines[index].strip()):
        return {}, text  # no header block, or "Key: value" prose that runs straight into text
    return fields, "\n".join(lines[index:])


def strip_markdown(text: str) -> str:
    """Drop Markdown markup that would otherwise end up inside sentences (links, emphasis, headings)."""
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_HEADING.sub("", text)
    text = _MD_RULE.sub("", text)
    return _MD_EMPHASIS.sub("", text)


def article_from_text(text: str, *, doc_id: str, pub_date: dt.date | None = None,
                      on_partial: Callable[[str], None] | None = None, **provenance: Any) -> Article:
    """Build an ``Article`` from plain text.

    ``provenance`` takes the other ``Article`` fields (url, title, publisher, author, source_path,
    source_format, syndicated_from, fetched_at). Raises ``EmptyInputError`` (E101) when nothing is left
    after boilerplate removal and ``NotEnglishError`` (E105) for text that is clearly not English. Of a text
    partly in another language only the English paragraphs are kept, and ``on_partial`` hears which not.
    """
    unknown = set(provenance) - PROVENANCE_FIELDS
    if unknown:
        raise TypeError(f"article_from_text() got unexpected provenance fields: {sorted(unknown)}")
    source = str(provenance.get("source_path") or doc_id)
    body, syndicated_from = split_syndication(text)
    body = clean_text(body)
    if not body:
        raise EmptyInputError("no text left after removing boilerplate", source=source)
    body, partial = keep_english(body, source=source)
    if partial and on_partial is not None:
        on_partial(partial)
    fields = {"source_format": "text", "language": "en", **provenance}
    if syndicated_from and not fields.get("syndicated_from"):
        fields["syndicated_from"] = syndicated_from
    return Article(doc_id=doc_id, text=body, pub_date=pub_date, **fields)
