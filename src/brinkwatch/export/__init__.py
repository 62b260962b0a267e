"""brinkwatch.export: write stored events as Parquet, CSV, GDELT 2.0, PLOVER JSON lines or ICEWS TSV.

``FORMATS`` is defined here, the rest is imported from ``export.core`` (DuckDB) on first use, so the CLI
can name the formats in its help without loading DuckDB for commands that export nothing.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from brinkwatch.export.core import CSV_DTYPES, FLAT_COLUMNS, ExportResult, export

FORMATS: tuple[str, ...] = ("parquet", "csv", "gdelt", "plover", "icews")

_FROM_CORE = ("CSV_DTYPES", "FLAT_COLUMNS", "ExportResult", "export")


def __getattr__(name: str) -> Any:
    if name not in _FROM_CORE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module("brinkwatch.export.core"), name)
    globals()[name] = value
    return value


__all__ = ["CSV_DTYPES", "FLAT_COLUMNS", "FORMATS", "ExportResult", "export"]
