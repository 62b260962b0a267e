"""Files, directories and stdin to ``Article``s: the one entry point the CLI and the API call.

Each file goes through the same gate (size E104, empty E101, binary E102, encoding E103) and is then
dispatched by extension, or by sniffing its first bytes when the extension says nothing. Nothing here
raises for a bad document: every failure becomes a ``DocumentError`` and the batch goes on.
"""

from __future__ import annotations

import datetime as dt
import errno
import io
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from brinkwatch.errors import IngestError, NotEnglishError, UnsupportedFormatError
from brinkwatch.ingest.decode import (
    GZIP_MAGIC,
    check_not_empty,
    decode_bytes,
    gunzip_head,
    gunzip_limited,
    read_limited,
)
from brinkwatch.ingest.stream import STREAM_BYTES, text_parts
from brinkwatch.ingest.text import article_from_text, split_header, strip_markdown
from brinkwatch.model import Article, DocumentError


# The readers of HTML, feeds, JSON and WARC bring lxml, htmldate, trafilatura, feedparser and warcio (~0.5 s
# of a cold start): each is imported when a file of its kind comes, so plain text never pays for them.
def article_from_html(*args, **kwargs) -> Article:
    from brinkwatch.ingest.html import article_from_html as read

    return read(*args, **kwargs)


def articles_from_feed(*args, **kwargs) -> Iterator[Article | DocumentError]:
    from brinkwatch.ingest.feed import articles_from_feed as read

    return read(*args, **kwargs)


def articles_from_jsonl(*args, **kwargs) -> Iterator[Article | DocumentError]:
    from brinkwatch.ingest.jsonl import articles_from_jsonl as read

    return read(*args, **kwargs)


def article_from_record(*args, **kwargs) -> Article:
    from brinkwatch.ingest.jsonl import article_from_record as read

    return read(*args, **kwargs)


def articles_from_warc(*args, **kwargs) -> Iterator[Article | DocumentError]:
    from brinkwatch.ingest.warc import articles_from_warc as read

    return read(*args, **kwargs)

_BY_SUFFIX: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".warc": "warc", ".warc.gz": "warc", ".arc": "warc", ".arc.gz": "warc",
}
# ".warc.gz" before ".gz"-less matches, ".ndjson" before ".json".
_SUFFIXES_LONGEST_FIRST = tuple(sorted(_BY_SUFFIX, key=len, reverse=True))
# Formats we recognise but do not read: reported as E107 without opening the file.
_UNSUPPORTED_SUFFIXES = frozenset({
    ".pdf", ".doc", ".docx", ".odt", ".rtf", ".xls", ".xlsx", ".ppt", ".pptx", ".epub", ".png", ".jpg",
    ".jpeg", ".gif", ".webp", ".svg", ".mp3", ".mp4", ".wav", ".zip", ".tar", ".tgz", ".7z", ".exe",
})
# A folder of news often holds the project's own files too (README, licence, scripts, settings): when a
# directory is walked they are skipped, not coded; a file named on the command line is always read.
_PROJECT_FILE_STEMS = frozenset({
    "readme", "license", "licence", "copying", "notice", "changelog", "changes", "history", "contributing",
    "authors", "code_of_conduct", "security", "makefile", "dockerfile", "package", "package-lock", "tsconfig",
})
_PROJECT_FILE_SUFFIXES = frozenset({
    ".py", ".pyc", ".ipynb", ".js", ".mjs", ".ts", ".css", ".scss", ".sh", ".bash", ".bat", ".ps1", ".c", ".h",
    ".cc", ".cpp", ".rs", ".go", ".java", ".kt", ".rb", ".php", ".pl", ".r", ".sql", ".toml", ".yaml", ".yml",
    ".ini", ".cfg", ".conf", ".lock", ".env", ".rst",
})
_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf", b"<channel")
STDIN = "-"
_SNIFF_HEAD = 4096


def format_of(path: Path) -> str | None:
    """The reader an extension asks for: text, markdown, html, feed, jsonl, json, warc; None to sniff."""
    name = path.name.lower()
    for suffix in _SUFFIXES_LONGEST_FIRST:
        if name.endswith(suffix) and len(name) > len(suffix):
            return _BY_SUFFIX[suffix]
    if path.suffix.lower() in _UNSUPPORTED_SUFFIXES:
        return "unsupported"
    return None


def sniff_format(data: bytes) -> str | None:
    """Guess the format from content: warc, feed, html, jsonl, text; None when it is none of them."""
    head = (gunzip_head(data) if data.startswith(GZIP_MAGIC) else data[:4096]).lstrip(b"\xef\xbb\xbf \t\r\n")
    lowered = head[:4096].lower()
    if head.startswith((b"WARC/", b"filedesc://")):
        return "warc"
    if data.startswith(GZIP_MAGIC):
        return None
    if lowered.startswith(b"<?xml") or lowered.startswith(_FEED_ROOTS):
        if any(root in lowered for root in _FEED_ROOTS):
            return "feed"
        return "html" if b"<html" in lowered else None  # XHTML
    if lowered.startswith((b"<!doctype html", b"<html", b"<head", b"<body")) or b"<p>" in lowered:
        return "html"
    if lowered.startswith(b"{"):
        return "jsonl"
    if lowered.startswith((b"[", b"<")):
        return None
    return "text"


def _doc_id(path: Path, root: Path | None) -> str:
    """Relative path under a directory given on the command line, else the file name without extension."""
    if root is not None:
        return path.relative_to(root).as_posix()
    name = path.name
    if name.lower().endswith(".gz") and format_of(path) is None:
        name = name[: -len(".gz")]
    for suffix in _SUFFIXES_LONGEST_FIRST:
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return path.stem or name


def _articles_from_json(text: str, *, source: str, default_date: dt.date | None) -> Iterator[Article | DocumentError]:
    """A .json file: one object or an array of objects, read like JSON Lines records."""
    try:
        value = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        # Many ".json" files are really JSON Lines.
        yield from articles_from_jsonl(text.splitlines(), source=source, default_date=default_date)
        return
    records = value if isinstance(value, list) else [value]
    for number, record in enumerate(records, start=1):
        try:
            yield article_from_record(record, source=source, default_date=default_date, line=number)
        except IngestError as exc:
            yield DocumentError(source=source, line=number, code=exc.code, message=exc.message)


def _html_file_article(text: str, *, source: str, doc_id: str, default_date: dt.date | None,
                       on_partial: Callable[[str], None]) -> Article:
    article = article_from_html(text, doc_id=doc_id, default_date=default_date, on_partial=on_partial)
    return article.model_copy(update={"source_path": source})


def _read_document(data: bytes, kind: str, *, source: str, doc_id: str,
                   default_date: dt.date | None) -> Iterator[Article | DocumentError]:
    """One file's articles, and a note (E105) for the paragraphs of a partly foreign text left out."""
    partial: list[str] = []
    yield from _read_kind(data, kind, source=source, doc_id=doc_id, default_date=default_date,
                          on_partial=partial.append)
    for note in partial:
        yield DocumentError(source=source, code=NotEnglishError.code, message=note)


def _read_kind(data: bytes, kind: str, *, source: str, doc_id: str, default_date: dt.date | None,
               on_partial: Callable[[str], None]) -> Iterator[Article | DocumentError]:
    """Dispatch one file's bytes to its reader; raises ``IngestError`` for whole-file failures."""
    if kind == "warc":
        check_not_empty(data, source=source)
        yield from articles_from_warc(io.BytesIO(data), source=source)
        return
    if kind == "feed":
        check_not_empty(data, source=source)
        yield from articles_from_feed(data, source=source)
        return
    text = decode_bytes(data, source=source)
    if kind == "html":
        yield _html_file_article(text, source=source, doc_id=doc_id, default_date=default_date,
                                 on_partial=on_partial)
    elif kind == "jsonl":
        yield from articles_from_jsonl(text.splitlines(), source=source, default_date=default_date)
    elif kind == "json":
        yield from _articles_from_json(text, source=source, default_date=default_date)
    elif kind == "text" and sniff_format(data) == "html":
        # A .txt that is really a saved web page: read it as HTML, not as text full of tags.
        yield _html_file_article(text, source=source, doc_id=doc_id, default_date=default_date,
                                 on_partial=on_partial)
    elif kind in ("text", "markdown"):
        header, body = split_header(text)
        body = strip_markdown(body) if kind == "markdown" else body
        pub_date = header.pop("pub_date", default_date)
        yield article_from_text(body, doc_id=doc_id, pub_date=pub_date, source_path=source,
                                source_format="text", on_partial=on_partial, **header)
    else:
        raise UnsupportedFormatError("unknown or unsupported file format", source=source)


def _stream_warc(path: Path, *, source: str, max_bytes: int) -> Iterator[Article | DocumentError]:
    with path.open("rb") as handle:
        check_not_empty(handle.read(_SNIFF_HEAD), source=source)
        handle.seek(0)
        yield from articles_from_warc(handle, source=source, max_record_bytes=max_bytes)


def _read_one(path: Path | None, stream: BinaryIO | None, *, source: str, doc_id: str,
              default_date: dt.date | None, max_bytes: int) -> Iterator[Article | DocumentError]:
    try:
        kind = format_of(path) if path is not None else None
        if kind == "unsupported":
            raise UnsupportedFormatError(f"{path.suffix} files are not supported", source=source)
        if kind == "warc" and path is not None:
            # Crawl files are often gigabytes: stream them record by record, the limit applies per record.
            yield from _stream_warc(path, source=source, max_bytes=max_bytes)
            return
        if kind in ("text", "markdown") and path is not None and path.stat().st_size > STREAM_BYTES:
            # A long text file is read as a stream and coded in parts of whole paragraphs.
            yield from text_parts(path, markdown=kind == "markdown", source=source, doc_id=doc_id,
                                  default_date=default_date, max_bytes=max_bytes)
            return
        data = read_limited(path, stream, source=source, max_bytes=max_bytes)
        check_not_empty(data, source=source)
        kind = kind or sniff_format(data)
        if kind is None and data.startswith(GZIP_MAGIC):
            # A gzipped text file (docs.jsonl.gz, page.html.gz): read what is inside by its inner name.
            data = gunzip_limited(data, source=source, max_bytes=max_bytes)
            check_not_empty(data, source=source)
            inner = Path(path.name[: -len(".gz")]) if path is not None and path.name.endswith(".gz") else None
            kind = (format_of(inner) if inner is not None else None) or sniff_format(data)
        if kind is None:
            decode_bytes(data, source=source)  # binary or undecodable content says so (E102/E103) first
            raise UnsupportedFormatError("cannot tell what format this file is in", source=source)
        yield from _read_document(data, kind, source=source, doc_id=doc_id, default_date=default_date)
    except IngestError as exc:
        yield DocumentError(source=source, line=exc.line, code=exc.code, message=exc.message)
    except OSError as exc:
        yield DocumentError(source=source, code=IngestError.code, message=f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001 - see below
        # Last resort: a parser bug triggered by one odd page (lxml, trafilatura, feedparser, warcio) must
        # not end a batch of thousands. It is recorded with its type, not swallowed.
        yield DocumentError(source=source, code=IngestError.code,
                            message=f"unexpected {type(exc).__name__} while reading: {exc}")


def is_project_file(path: Path) -> bool:
    """A README, licence, changelog, source code or configuration file: part of a project, not news."""
    stem = path.name.lower().split(".", 1)[0]
    return stem in _PROJECT_FILE_STEMS or path.suffix.lower() in _PROJECT_FILE_SUFFIXES


def _walk(root: Path, on_skip: Callable[[Path], None] | None = None) -> Iterator[Path]:
    """Files under a directory, sorted, skipping hidden files and directories and project files (reported
    to ``on_skip``)."""
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() or (path.is_symlink() and not path.exists()):
            if path.is_file() and is_project_file(path):
                if on_skip is not None:
                    on_skip(path)
                continue
            yield path  # a broken link or link loop is reported by the reader, not skipped in silence


def read_paths(paths: Sequence[str | Path], *, default_date: dt.date | None = None,
               max_bytes: int = 50_000_000,
               on_skip: Callable[[Path], None] | None = None) -> Iterator[Article | DocumentError]:
    """Read files, directories (recursively, sorted, hidden files and project files skipped) and "-" (stdin).

    Never raises for a bad document: yields ``DocumentError(source, line, code, message)`` and goes on.
    ``on_skip`` hears of every README, code or configuration file a directory walk leaves out.
    """
    for given in paths:
        if str(given) == STDIN:
            yield from _read_one(None, sys.stdin.buffer, source="<stdin>", doc_id="stdin",
                                 default_date=default_date, max_bytes=max_bytes)
            continue
        path = Path(given)
        if path.is_dir():
            for file in _walk(path, on_skip):
                yield from _read_one(file, None, source=str(file), doc_id=_doc_id(file, path),
                                     default_date=default_date, max_bytes=max_bytes)
        elif path.exists():
            yield from _read_one(path, None, source=str(path), doc_id=_doc_id(path, None),
                                 default_date=default_date, max_bytes=max_bytes)
        else:
            yield DocumentError(source=str(path), code=IngestError.code, message=_why_missing(path))


def _why_missing(path: Path) -> str:
    """Why a path given on the command line cannot be opened: missing, a symlink loop, a broken link."""
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop (too many levels of symbolic links)"
        if path.is_symlink():
            return f"broken symbolic link to {os.readlink(path)!r}"
        if exc.errno != errno.ENOENT:
            return f"cannot read: {exc.strerror or exc}"
    return "no such file or directory"
