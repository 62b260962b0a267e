"""From bytes to text, with the checks every source file goes through before it is parsed.

Order matters: size first (E104, decided from ``stat`` or a bounded read, never by loading a huge file),
then empty (E101), then binary (E102: NUL bytes outside a UTF-16 text, known binary signatures, or many
control characters), then decoding: UTF-8, else the charset guessed by charset-normalizer (installed with
trafilatura), decoded with replacement characters; E103 only when no text encoding fits at all.
"""

from __future__ import annotations

import codecs
import gzip
import io
import zlib
from pathlib import Path
from typing import BinaryIO

from brinkwatch.errors import BinaryInputError, EmptyInputError, EncodingError, InputTooLargeError

try:  # a dependency of trafilatura, so normally present; without it we fall back to cp1252
    from charset_normalizer import from_bytes as _detect_charset
except ImportError:  # pragma: no cover - exercised only on unusual installs
    _detect_charset = None

# File signatures of formats we never read as text.
_BINARY_SIGNATURES: tuple[bytes, ...] = (
    b"%PDF-", b"\x89PNG", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"PK\x03\x04", b"\xd0\xcf\x11\xe0",
    b"\x7fELF", b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"RIFF", b"OggS", b"ID3", b"\x00\x00\x01\x00",
)
GZIP_MAGIC = b"\x1f\x8b"
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SNIFF_BYTES = 8192
# More than this share of control characters (other than tab/newline/CR/form feed) means "not text".
_MAX_CONTROL_RATIO = 0.05


def read_limited(path: Path | None, stream: BinaryIO | None, *, source: str, max_bytes: int) -> bytes:
    """Read a whole file (or stream), refusing anything over ``max_bytes`` without reading it all."""
    if path is not None:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputTooLargeError(f"file is {size:,} bytes, more than the limit of {max_bytes:,}", source=source)
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    else:
        assert stream is not None
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputTooLargeError(f"input is more than the limit of {max_bytes:,} bytes", source=source)
    return data


def check_not_empty(data: bytes, *, source: str) -> None:
    if not data.strip():
        raise EmptyInputError("file is empty", source=source)


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def looks_binary(data: bytes) -> bool:
    """True for known binary signatures and for NUL bytes in a file without a UTF-16/32 byte-order mark."""
    head = data[:_SNIFF_BYTES]
    if head.startswith(_BINARY_SIGNATURES) or head.startswith(GZIP_MAGIC):
        return True
    return _bom_encoding(head) is None and b"\x00" in head


def _control_ratio(text: str) -> float:
    sample = text[:_SNIFF_BYTES]
    if not sample:
        return 0.0
    controls = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f") or ch == "\ufffd")
    return controls / len(sample)


def _guess_encoding(data: bytes) -> str | None:
    if _detect_charset is None:
        return "cp1252"
    best = _detect_charset(data[:262_144]).best()
    return best.encoding if best is not None else None


def guess_encoding(data: bytes) -> str | None:
    """The encoding charset-normalizer finds for ``data`` (cp1252 without it), None when none fits."""
    return _guess_encoding(data)


def decode_bytes(data: bytes, *, source: str) -> str:
    """Decode a text file's bytes; raises E101/E102/E103 (see module docstring)."""
    check_not_empty(data, source=source)
    if looks_binary(data):
        raise BinaryInputError("file is binary, not text", source=source)
    encoding = _bom_encoding(data)
    if encoding is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            encoding = _guess_encoding(data)
            if encoding is None:
                raise EncodingError("file is neither UTF-8 nor any text encoding we can detect", source=source) from None
            text = data.decode(encoding, errors="replace")
    else:
        text = data.decode(encoding, errors="replace")
    if _control_ratio(text) > _MAX_CONTROL_RATIO:
        raise BinaryInputError("file is mostly control characters, not text", source=source)
    if not text.strip():
        raise EmptyInputError("file holds only whitespace", source=source)
    return text


def gunzip_head(data: bytes, size: int = 64) -> bytes:
    """The first bytes of a gzip stream, or b"" when it is not one (used to sniff .warc.gz)."""
    if not data.startswith(GZIP_MAGIC):
        return b""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            return handle.read(size)
    except (OSError, EOFError):
        return b""


def gunzip_limited(data: bytes, *, source: str, max_bytes: int) -> bytes:
    """Decompress a gzip file (all members) but never past ``max_bytes`` of output (E104), so a
    compression bomb costs no more memory than a large plain file would; a damaged stream is E102."""
    out = bytearray()
    remaining = data
    while remaining.startswith(GZIP_MAGIC):
        inflater = zlib.decompressobj(wbits=31)
        try:
            out += inflater.decompress(remaining, max_bytes + 1 - len(out))
        except zlib.error as exc:
            raise BinaryInputError(f"damaged gzip data: {exc}", source=source) from exc
        if len(out) > max_bytes or inflater.unconsumed_tail:
            raise InputTooLargeError(f"decompressed input is more than the limit of {max_bytes:,} bytes",
                                     source=source)
        if not inflater.eof:
            raise BinaryInputError("gzip data ends early", source=source)
        remaining = inflater.unused_data
    return bytes(out)
