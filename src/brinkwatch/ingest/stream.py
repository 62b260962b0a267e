"""Long plain-text files, read as a stream and cut into parts of whole paragraphs.

A text file over ``STREAM_BYTES`` (a transcript, a dump of many stories, a book) is never held whole: it
is decoded chunk by chunk and cut into parts of at most ``PART_CHARS`` characters, at a paragraph break
where there is one (else a line break, a sentence end, a space, or -- in a run of one character -- anywhere).
Each part becomes an ``Article`` ``<doc_id>#<n>`` with the file's header fields (``Title:``, ``Date:``,
...), so the coder parses a bounded amount of text at a time and memory stays flat however long the file.
A part that cannot be read (all foreign, empty) is one ``DocumentError`` with its part number as line;
the other parts go on.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from brinkwatch.errors import IngestError, InputTooLargeError, NotEnglishError
from brinkwatch.ingest.decode import check_not_empty, decode_bytes, guess_encoding
from brinkwatch.ingest.text import article_from_text, split_header, strip_markdown
from brinkwatch.model import Article, DocumentError

STREAM_BYTES = 8 * 1024 * 1024
PART_CHARS = 10_000  # the coder's cost per character grows with document length: keep parts article-sized
_READ_CHARS = 65_536
_HEAD_BYTES = 262_144
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _cut(buffer: str, limit: int) -> int:
    """Where to end a part of at most ``limit`` characters: the last paragraph break, line, sentence or space."""
    window = buffer[:limit]
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(window, limit // 2)]
    if breaks:
        return breaks[-1]
    for mark in ("\n", ". ", "? ", "! ", " "):
        at = window.rfind(mark, limit // 2)
        if at != -1:
            return at + len(mark)
    return limit


def _chunks(path: Path, encoding: str) -> Iterator[str]:
    with path.open("r", encoding=encoding, errors="replace", newline=None) as handle:
        while chunk := handle.read(_READ_CHARS):
            yield chunk


def split_parts(chunks: Iterator[str], part_chars: int) -> Iterator[str]:
    """Regroup a stream of text into parts of at most ``part_chars`` characters, cut as ``_cut`` says."""
    buffer = ""
    for chunk in chunks:
        buffer += chunk
        while len(buffer) >= part_chars:
            cut = _cut(buffer, part_chars)
            yield buffer[:cut]
            buffer = buffer[cut:]
    if buffer.strip():
        yield buffer


def _encoding(path: Path, *, source: str) -> str:
    """The file's encoding, judged on its head (binary, empty and undecodable files fail here: E101-E103)."""
    with path.open("rb") as handle:
        head = handle.read(_HEAD_BYTES)
    check_not_empty(head, source=source)
    decode_bytes(head[: head.rfind(b"\n") + 1] or head, source=source)  # the same gate as a small file
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        return guess_encoding(head) or "utf-8"


def text_parts(path: Path, *, markdown: bool, source: str, doc_id: str, default_date: dt.date | None,
               max_bytes: int, part_chars: int | None = None) -> Iterator[Article | DocumentError]:
    """The parts of a long text file as articles ``<doc_id>#1``, ``#2``, ... (see the module docstring)."""
    size = path.stat().st_size
    if size > max_bytes:
        raise InputTooLargeError(f"file is {size:,} bytes, more than the limit of {max_bytes:,}", source=source)
    header: dict[str, Any] = {}
    for number, part in enumerate(split_parts(_chunks(path, _encoding(path, source=source)),
                                              part_chars or PART_CHARS), start=1):
        if number == 1:
            header, part = split_header(part)
        fields = dict(header)
        pub_date = fields.pop("pub_date", default_date)
        notes: list[str] = []
        try:
            yield article_from_text(strip_markdown(part) if markdown else part, doc_id=f"{doc_id}#{number}",
                                    pub_date=pub_date, source_path=source, source_format="text",
                                    on_partial=notes.append, **fields)
        except IngestError as exc:
            yield DocumentError(source=source, line=number, code=exc.code, message=f"part {number}: {exc.message}")
        for note in notes:
            yield DocumentError(source=source, line=number, code=NotEnglishError.code, message=f"part {number}: {note}")
