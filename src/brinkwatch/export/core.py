"""Export of stored events to files: Parquet (date-partitioned), CSV, GDELT 2.0, PLOVER JSON lines, ICEWS.

Exports read merged events (``events``) where dedup has run, and stand-alone mentions where it has
not, through the same base relation the store's ``events()`` query uses, with the same filter.
Parquet and CSV are written by DuckDB itself; the three interchange formats are written row by row
(streamed in chunks) because their values need per-row mapping.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import duckdb

from brinkwatch.errors import ExportError
from brinkwatch.export import FORMATS
from brinkwatch.store import EventFilter, Store
from brinkwatch.store.queries import detail_sql, order_clause
from brinkwatch.store.queries import selection_sql as key_selection_sql

# The flat columns of the Parquet and CSV exports, in order. ``event_id`` is the merged event id, or
# the mention id of a mention that dedup has not merged.
FLAT_COLUMNS: tuple[str, ...] = (
    "event_id", "event_date", "date_precision",
    "source_code", "source_country", "source_sector", "source_text",
    "target_code", "target_country", "target_sector", "target_text",
    "cameo_code", "cameo_root", "cameo_name", "goldstein", "quad_class",
    "plover_type", "plover_mode", "modality", "is_opinion",
    "place_name", "place_country", "place_admin1", "lat", "lon", "place_precision",
    "killed", "injured", "speaker_code", "speaker_anonymous",
    "evidence_text", "confidence", "pattern_id",
    "mention_id", "doc_id", "sentence_index", "publisher", "pub_date", "source_url",
    "num_mentions", "num_sources", "num_articles", "first_seen", "last_seen",
)

# The text columns of the flat exports. CSV quotes them, but pandas and polars type a quoted "042" as the
# number 42 all the same; pass these to the reader: ``pd.read_csv(path, dtype=CSV_DTYPES)``,
# ``pl.read_csv(path, schema_overrides={c: pl.String for c in CSV_DTYPES})``.
CSV_DTYPES: dict[str, str] = {column: "string" for column in (
    "event_id", "date_precision", "source_code", "source_country", "source_sector", "source_text",
    "target_code", "target_country", "target_sector", "target_text", "cameo_code", "cameo_root", "cameo_name",
    "plover_type", "plover_mode", "modality", "place_name", "place_country", "place_admin1", "place_precision",
    "speaker_code", "evidence_text", "pattern_id", "mention_id", "doc_id", "publisher", "source_url",
)}

# Columns the row-by-row writers need beyond the flat ones.
# Values inside the JSON record are pulled out by DuckDB (in C++), so the writers need not parse
# every record in Python; only PLOVER's nested objects are parsed, and they are small.
EXTRA_COLUMNS: tuple[str, ...] = (
    "ingested_at", "article_title", "key_id", "sort_date",
    "COALESCE(record->>'$.source.name', record->>'$.source.text') AS source_name",
    "COALESCE(record->>'$.target.name', record->>'$.target.text') AS target_name",
    "record->>'$.place.gazetteer_id' AS gazetteer_id",
    "record->>'$.plover.context' AS plover_context",
    "CAST(record->'$.source' AS VARCHAR) AS source_json",
    "CAST(record->'$.target' AS VARCHAR) AS target_json",
    "CAST(record->'$.place' AS VARCHAR) AS place_json",
    "CAST(record->'$.evidence' AS VARCHAR) AS evidence_json",
)


@dataclass(frozen=True)
class ExportResult:
    rows: int
    path: Path


def _connection(store_or_con: Store | duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    return store_or_con.con if isinstance(store_or_con, Store) else store_or_con


def selection_sql(flt: EventFilter | None, columns: tuple[str, ...]) -> tuple[str, list[Any]]:
    """SELECT of ``columns`` over events matching ``flt``, ordered by date.

    An export takes every matching event: the filter's ``limit`` applies only when it was set
    explicitly (the default of 100 is meant for listing pages), and ``cursor`` still works.
    """
    flt = flt or EventFilter()
    keys, params = key_selection_sql(flt, "events", paged="limit" in flt.model_fields_set)
    sql = f"SELECT {', '.join(columns)} FROM ({detail_sql(keys, 'events')}) b {order_clause(flt)}"
    return sql, params


def with_story_ids(sql: str, flt: EventFilter | None) -> str:
    """Add ``story_ids``: the articles (doc ids) of all mentions of each event."""
    return (
        f"SELECT q.*, COALESCE(s.story_ids, []) AS story_ids FROM ({sql}) q LEFT JOIN ("
        "SELECT COALESCE(event_id, mention_id) AS k, list(DISTINCT doc_id ORDER BY doc_id) AS story_ids "
        f"FROM event_mentions GROUP BY 1) s ON s.k = q.key_id {order_clause(flt or EventFilter())}"
    )


def _prepare_output(output: Path, *, directory: bool, overwrite: bool) -> None:
    if output.exists():
        occupied = output.is_file() or any(output.iterdir())
        if occupied and not overwrite:
            raise ExportError("output exists", source=str(output),
                              hint="--overwrite")
        if occupied and directory:
            # Parquet partitions from an earlier export would otherwise mix with the new ones.
            if output.is_dir():
                shutil.rmtree(output)
            else:
                output.unlink()
        if not directory and output.is_dir():
            raise ExportError("output is a directory; this format writes one file", source=str(output),
                              hint="a file name such as events.tsv")
    output.parent.mkdir(parents=True, exist_ok=True)


# Undated events go to a partition of their own: a null partition value (DuckDB's
# ``__HIVE_DEFAULT_PARTITION__``) makes pyarrow, and so ``pandas.read_parquet(dir)``, fail with "Cannot yet
# unify dictionaries with nulls". The folder key is not a data column, so ``event_date`` stays a DATE inside
# every file whatever reader infers for the folder names.
UNDATED = "undated"
PARTITION_KEYS = {"day": ("event_day", "%Y-%m-%d"), "month": ("event_month", "%Y-%m")}


def _quoted_path(output: Path) -> str:
    return str(output).replace("'", "''")


# COPY returns how many rows it wrote, so the selection runs once (counting it first cost a second pass).
def _write_parquet(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any], output: Path,
                   partition: Literal["day", "month"]) -> int:
    key, fmt = PARTITION_KEYS[partition]
    keyed = f"SELECT *, COALESCE(strftime(event_date, '{fmt}'), '{UNDATED}') AS {key} FROM ({sql}) q"
    copy = f"COPY ({keyed}) TO '{_quoted_path(output)}' (FORMAT parquet, PARTITION_BY ({key}), OVERWRITE)"
    return con.execute(copy, params).fetchall()[0][0]


def text_columns(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[str]:
    """The VARCHAR columns of a selection: quoted in CSV so that a reader honouring quotes keeps "042"."""
    rel = con.sql(f"SELECT * FROM ({sql}) q LIMIT 0", params=params)
    return [name for name, kind in zip(rel.columns, rel.types, strict=True) if str(kind) == "VARCHAR"]


def _write_csv(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any], output: Path) -> int:
    quoted = ", ".join(f'"{c}"' for c in text_columns(con, sql, params))
    copy = f"COPY ({sql}) TO '{_quoted_path(output)}' (HEADER, DELIMITER ',', FORCE_QUOTE ({quoted}))"
    return con.execute(copy, params).fetchall()[0][0]


def export(
    store_or_con: Store | duckdb.DuckDBPyConnection,
    fmt: str,
    output: Path,
    flt: EventFilter | None = None,
    *,
    overwrite: bool = False,
    partition: Literal["day", "month"] = "day",
) -> ExportResult:
    """Write the events matching ``flt`` to ``output`` in ``fmt`` (one of ``FORMATS``).

    ``parquet`` writes a directory ``output/event_day=YYYY-MM-DD/*.parquet`` (or ``output/event_month=YYYY-MM/``
    with ``partition="month"``; undated events in ``event_day=undated``), every file holding all
    ``FLAT_COLUMNS``; the other formats write one file.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}", hint=f"one of {', '.join(FORMATS)}")
    con = _connection(store_or_con)
    output = Path(output)
    # Removed again on failure: it is new, or its old content is already given up (--overwrite).
    disposable = overwrite or not output.exists()
    _prepare_output(output, directory=fmt == "parquet", overwrite=overwrite)
    try:
        return ExportResult(rows=_write(con, fmt, output, flt, partition), path=output)
    except duckdb.Error as exc:
        _remove(output, disposable)
        raise ExportError(f"export failed: {exc}", source=str(output)) from exc
    except BaseException:
        _remove(output, disposable)  # a failed export leaves no half-written file behind
        raise


def _write(con: duckdb.DuckDBPyConnection, fmt: str, output: Path, flt: EventFilter | None,
           partition: Literal["day", "month"]) -> int:
    from brinkwatch.export import formats  # the interchange writers import this module's helpers

    if fmt in ("parquet", "csv"):
        sql, params = selection_sql(flt, FLAT_COLUMNS)
        if fmt == "parquet":
            return _write_parquet(con, sql, params, output, partition)
        return _write_csv(con, sql, params, output)
    sql, params = selection_sql(flt, FLAT_COLUMNS + EXTRA_COLUMNS)
    if fmt == "plover":
        sql = with_story_ids(sql, flt)
    result = con.execute(sql, params)
    try:
        return formats.write(fmt, result, output)
    except BaseException:
        # An undrained result would block every later query on this connection.
        con.abort()
        raise


def _remove(output: Path, disposable: bool) -> None:
    if not disposable:
        return
    if output.is_dir():
        shutil.rmtree(output, ignore_errors=True)
    elif output.exists():
        output.unlink(missing_ok=True)
