"""brinkwatch.export: write stored events as Parquet, CSV, GDELT 2.0, PLOVER JSON lines or ICEWS TSV."""

from brinkwatch.export.core import CSV_DTYPES, FLAT_COLUMNS, FORMATS, ExportResult, export

__all__ = ["CSV_DTYPES", "FLAT_COLUMNS", "FORMATS", "ExportResult", "export"]
