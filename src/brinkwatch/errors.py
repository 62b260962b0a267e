"""Numbered exceptions shared by every module.

Library code raises these; only the CLI and HTTP layers turn them into messages, exit codes and the
one JSON error shape (``{"error": {"code": "E101", "message": ..., "source": ...}}``).
Ranges: E0xx settings, E1xx ingest, E2xx knowledge data files, E3xx NLP/coding, E4xx store,
E5xx analysis, E6xx export, E7xx HTTP API, E8xx evaluation, E9xx scale-out.
"""

from __future__ import annotations


class BrinkwatchError(Exception):
    """Base class: every error has a stable code, a message, and optionally the file/field it concerns."""

    code = "E000"

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None,
                 hint: str | None = None) -> None:
        self.message = message
        self.source = source
        self.line = line
        self.hint = hint  # what to try instead, shown by the CLI as "(try: ...)"
        where = ""
        if source:
            where = f"{source}:{line}: " if line is not None else f"{source}: "
        super().__init__(f"[{self.code}] {where}{message}")

    def to_dict(self) -> dict[str, object]:
        return {"code": self.code, "message": self.message, "source": self.source, "line": self.line}


class SettingsError(BrinkwatchError):
    code = "E001"


class UsageError(BrinkwatchError):
    """A command-line flag or argument the CLI cannot use (a bad --format, an unknown country name)."""

    code = "E002"


# --- ingest -------------------------------------------------------------------------------------
class IngestError(BrinkwatchError):
    code = "E100"


class EmptyInputError(IngestError):
    code = "E101"


class BinaryInputError(IngestError):
    code = "E102"


class EncodingError(IngestError):
    code = "E103"


class InputTooLargeError(IngestError):
    code = "E104"


class NotEnglishError(IngestError):
    code = "E105"


class MalformedRecordError(IngestError):
    """A JSONL line, feed entry or WARC record that cannot be read."""

    code = "E106"


class UnsupportedFormatError(IngestError):
    code = "E107"


class FetchError(IngestError):
    code = "E108"


class AddressRefusedError(FetchError):
    """A fetch of a loopback, private, link-local or non-http(s) address, refused unless allowed."""

    code = "E109"


class TruncatedInputError(IngestError):
    """A document that ends before it is complete (a feed cut off mid-entry); what was read is kept."""

    code = "E110"


class ExpansionLimitError(IngestError):
    """A document whose entities or compression expand past a limit (an entity bomb)."""

    code = "E111"


# --- knowledge data -----------------------------------------------------------------------------
class DataFileError(BrinkwatchError):
    """A knowledge file (ontology, actors, patterns, gazetteer) failed to load or validate."""

    code = "E200"


class UnknownCodeError(DataFileError):
    code = "E201"


# --- NLP / coding -------------------------------------------------------------------------------
class ModelLoadError(BrinkwatchError):
    code = "E300"


class CodingError(BrinkwatchError):
    code = "E301"


class DocumentTimeoutError(CodingError):
    """A document that took longer than the per-document time budget; it is dropped, the batch goes on."""

    code = "E302"


# --- store --------------------------------------------------------------------------------------
class StoreError(BrinkwatchError):
    code = "E400"


class DatabaseLockedError(StoreError):
    """The database file is held by another process (DuckDB allows one writing process per file)."""

    code = "E401"


class NotFoundError(StoreError):
    code = "E404"


# --- analysis / export / api / evaluate / scale -------------------------------------------------
class AnalysisError(BrinkwatchError):
    code = "E500"


class NotEnoughDataError(AnalysisError):
    code = "E501"


class RangeTooLongError(AnalysisError):
    """An asked date range spans more periods than one tension question may (``analyze.tension.MAX_PERIODS``)."""

    code = "E502"


class ExportError(BrinkwatchError):
    code = "E600"


class ApiError(BrinkwatchError):
    code = "E700"


class AuthError(ApiError):
    code = "E701"


class PayloadTooLargeError(ApiError):
    code = "E702"


class GoldFormatError(BrinkwatchError):
    code = "E800"


class ScaleError(BrinkwatchError):
    code = "E900"
