"""Writes of the derived tables (and of mentions built without the coder): dedup's merged ``events`` (and the mentions' ``event_id``) and analysis's daily
tension cache ``tension_daily`` with its bookkeeping in ``meta``.

Analysis decides what the rows hold (which mentions tell one happening, which mention stands for the event, what a
day's aggregates are) and hands the store the ``SELECT`` that computes them; the store owns the tables (declared in
``schema.py``) and every statement that writes them, one function per write. The functions take a DuckDB
connection, not a ``Store``: dedup runs on the store's connection and on bare ones (tests, benchmarks), and inside
the caller's transaction (``write_transaction``) when it keeps one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import duckdb

from brinkwatch.store.schema import create_table

if TYPE_CHECKING:
    import pyarrow as pa

# The columns of ``events`` (schema.TABLES), in the order the SELECT handed to ``replace_events`` gives them.
EVENT_COLUMNS: tuple[str, ...] = (
    "event_id", "source_code", "source_country", "source_sector", "target_code", "target_country", "target_sector",
    "cameo_code", "cameo_root", "cameo_name", "goldstein", "quad_class", "plover_type", "plover_mode", "modality",
    "is_opinion", "event_date", "date_precision", "place_name", "place_country", "lat", "lon", "killed", "injured",
    "num_mentions", "num_sources", "num_articles", "first_seen", "last_seen", "confidence", "representative_mention",
    "evidence_text",
)
EVENT_INDEX = "idx_mentions_event"  # schema.INDEXES: event_mentions (event_id)
DAILY_TABLE = "tension_daily"
# The order the whole cache is written in: by dyad, so the series query's scans skip row groups.
_DAILY_ORDER = "source_country, target_country, day, source_code, target_code, modality, is_opinion"


@contextmanager
def write_transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """All or nothing: the writes inside commit together, or none does (the error goes on)."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def append_mentions(con: duckdb.DuckDBPyConnection, table: pa.Table) -> None:
    """Append mention rows built without the coder (an Arrow table with some of ``event_mentions``' columns; the
    JSON record left empty): the hand-made corpora and synthetic loads of tests and benchmarks."""
    cols = ", ".join(table.column_names)
    con.register("_append_mentions", table)
    try:
        con.execute(f"INSERT INTO event_mentions ({cols}, record) SELECT {cols}, '{{}}' FROM _append_mentions")
    finally:
        con.unregister("_append_mentions")


# --- merged events ---------------------------------------------------------------------------------------------------

def set_event_ids(con: duckdb.DuckDBPyConnection, updates_table: str) -> None:
    """Point each mention of ``updates_table`` (mention_id, event_id) at its event."""
    con.execute(f"UPDATE event_mentions SET event_id = u.event_id FROM {updates_table} u "
                "WHERE event_mentions.mention_id = u.mention_id")


def replace_events(con: duckdb.DuckDBPyConnection, touched_table: str, rows_sql: str) -> None:
    """Delete the events whose ids ``touched_table`` (event_id) lists and insert the rows of ``rows_sql`` (a SELECT
    giving ``EVENT_COLUMNS`` in order): a reopened event no group takes any more is gone."""
    con.execute(f"DELETE FROM events WHERE event_id IN (SELECT event_id FROM {touched_table})")
    con.execute(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) {rows_sql}")


def forget_merges(con: duckdb.DuckDBPyConnection) -> None:
    """Every mention unmerged (``event_id`` NULL) and no event left: what a rebuild of dedup starts from."""
    con.execute("UPDATE event_mentions SET event_id = NULL")
    con.execute("DELETE FROM events")


def drop_event_index(con: duckdb.DuckDBPyConnection) -> str | None:
    """Drop the index on the mentions' ``event_id`` and return the SQL that builds it again (None when there is
    none). DuckDB rewrites an indexed column as delete + insert (~100x slower on disk than in place), and DDL inside
    the transaction does not avoid it: a bulk update of the event ids goes faster without the index."""
    found = con.execute("SELECT sql FROM duckdb_indexes() WHERE index_name = ?", [EVENT_INDEX]).fetchall()
    if not found:
        return None
    con.execute(f"DROP INDEX {EVENT_INDEX}")
    return found[0][0].replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS", 1)


def restore_index(con: duckdb.DuckDBPyConnection, index_sql: str | None) -> None:
    """Build again an index ``drop_event_index`` dropped (nothing when it dropped none)."""
    if index_sql:
        con.execute(index_sql)


# --- the daily tension cache -----------------------------------------------------------------------------------------

def has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    """Whether the database holds the (persistent) table ``name``: one written by an older brinkwatch and opened
    read-only may lack the support tables."""
    return bool(con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND NOT temporary",
                            [name]).fetchall()[0][0])


def replace_daily(con: duckdb.DuckDBPyConnection, rows_sql: str) -> None:
    """The whole daily cache replaced by the rows of ``rows_sql`` (the columns of ``tension_daily`` in order),
    written sorted by dyad. Creates the table on a bare connection too."""
    create_table(con, DAILY_TABLE)
    con.execute(f"DELETE FROM {DAILY_TABLE}")
    con.execute(f"INSERT INTO {DAILY_TABLE} SELECT * FROM ({rows_sql}) ORDER BY {_DAILY_ORDER}")


def replace_daily_days(con: duckdb.DuckDBPyConnection, key_match_sql: str, rows_sql: str) -> None:
    """Replace the cache rows of some (dyad, day) keys: delete those ``key_match_sql`` (a predicate over the table's
    columns, written with ``{t}`` for the table) matches and insert the rows of ``rows_sql``."""
    con.execute(f"DELETE FROM {DAILY_TABLE} WHERE {key_match_sql.format(t=DAILY_TABLE)}")
    con.execute(f"INSERT INTO {DAILY_TABLE} {rows_sql}")


def read_meta(con: duckdb.DuckDBPyConnection, key: str) -> str | None:
    """The value ``meta`` holds for ``key`` (None when none)."""
    rows = con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchall()
    return rows[0][0] if rows else None


def write_meta(con: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    """Set ``meta``'s value for ``key``."""
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])
