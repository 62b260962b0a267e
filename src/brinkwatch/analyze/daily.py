"""A daily cache of the tension aggregates of merged events, so a dyad series over 10 M mentions is fast.

``tension_daily`` holds one row per (source/target country and code, day, effective modality (see
``formula.EFFECTIVE_MODALITY_SQL``), opinion flag) with the
additive aggregates of ``formula.ADDITIVE_AGGREGATES_SQL``. It is derived data: analysis says what its rows hold and
when they change (dedup refreshes the rows of the days it touched, or rebuilds it all after a big merge), and writes
them through the store (``brinkwatch.store.derived``; the table is declared in ``store/schema.py``); ``meta``
records the events and mentions counts it was built against. ``cache_state`` tells the series query whether it may use the
cache (events unchanged since) and whether mentions not merged yet must be added from the raw table.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from brinkwatch.analyze.formula import ADDITIVE_AGGREGATES_SQL, EFFECTIVE_MODALITY_SQL
from brinkwatch.store import derived

TABLE = derived.DAILY_TABLE
FULL_REFRESH_EVENTS = 50_000  # touching more events than this rebuilds the cache in one sorted pass
_META_EVENTS = "analyze.tension_daily.events"
_META_MENTIONS = "analyze.tension_daily.mentions"

_EVENT_ROWS = f"""
    SELECT source_country, target_country, source_code, target_code,
        coalesce(event_date, CAST(first_seen AS DATE)) AS day, {EFFECTIVE_MODALITY_SQL} AS modality, is_opinion,
        goldstein, quad_class, confidence, killed, injured
    FROM events"""

_AGGREGATE = f"""
    SELECT source_country, target_country, source_code, target_code, day, modality, is_opinion,
        {ADDITIVE_AGGREGATES_SQL}
    FROM ({_EVENT_ROWS}) r WHERE r.day IS NOT NULL {{extra}}
    GROUP BY ALL"""


@dataclass(frozen=True)
class CacheState:
    usable: bool  # the cache reflects the current events table
    pending: bool  # some mentions may not be merged yet (count changed since the last merge)


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return con.sql(f"SELECT count(*) FROM {table}").fetchall()[0][0]  # metadata-only in DuckDB


def cache_state(con: duckdb.DuckDBPyConnection) -> CacheState:
    """Whether the series may read ``tension_daily``, and whether unmerged mentions must be added."""
    if not derived.has_table(con, TABLE) or not derived.has_table(con, "meta"):
        return CacheState(usable=False, pending=True)
    usable = derived.read_meta(con, _META_EVENTS) == str(_count(con, "events"))
    pending = derived.read_meta(con, _META_MENTIONS) != str(_count(con, "event_mentions"))
    return CacheState(usable=usable, pending=pending)


def _record(con: duckdb.DuckDBPyConnection) -> None:
    for key, table in ((_META_EVENTS, "events"), (_META_MENTIONS, "event_mentions")):
        derived.write_meta(con, key, str(_count(con, table)))


def rebuild_daily(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute the whole cache from ``events`` (the store writes it sorted by dyad, so scans skip row groups)."""
    derived.replace_daily(con, _AGGREGATE.format(extra=""))
    _record(con)


def snapshot_keys(con: duckdb.DuckDBPyConnection, touched_table: str) -> None:
    """Remember the (dyad, day) keys of events about to change (call before they are deleted)."""
    con.execute(f"""CREATE OR REPLACE TEMP TABLE _daily_keys AS
        SELECT DISTINCT coalesce(source_country, '') AS sc, coalesce(target_country, '') AS tc,
            coalesce(event_date, CAST(first_seen AS DATE)) AS day
        FROM events WHERE event_id IN (SELECT event_id FROM {touched_table})""")


_KEY_MATCH = ("EXISTS (SELECT 1 FROM _daily_keys k WHERE k.sc = coalesce({t}.source_country, '') "
              "AND k.tc = coalesce({t}.target_country, '') AND k.day = {t}.day)")


def refresh_daily(con: duckdb.DuckDBPyConnection, touched_table: str, n_touched: int, *,
                  consistent_before: bool) -> None:
    """Bring the cache up to date after the events in ``touched_table`` were rewritten (inside the caller's
    transaction). Small changes to a consistent cache refresh only their (dyad, day) keys; else rebuild."""
    if n_touched > FULL_REFRESH_EVENTS or not consistent_before:
        rebuild_daily(con)
        return
    con.execute(f"""INSERT INTO _daily_keys
        SELECT DISTINCT coalesce(source_country, ''), coalesce(target_country, ''),
            coalesce(event_date, CAST(first_seen AS DATE))
        FROM events WHERE event_id IN (SELECT event_id FROM {touched_table})""")
    derived.replace_daily_days(con, _KEY_MATCH, _AGGREGATE.format(extra="AND " + _KEY_MATCH.format(t="r")))
    _record(con)
