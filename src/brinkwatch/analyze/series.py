"""Dyad time series: per-period counts by QuadClass, Goldstein sums, magnitude and the tension index.

Everything is one SQL query. The unit counted is a *happening*: a merged row of ``events`` when dedup
has run, plus any mention not merged yet (so a half-deduplicated store still counts everything once).
Periods with no reports appear (the periods come from a generated date range) with zero counts and no
tension: they are unknown, not calm. A happening with no date at all (no event date, no publication
date) is in no period; ``undated_happenings`` lists them apart.
The tension index is defined in ``docs/tension.md``; ``TENSION_SQL`` below is that formula.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import duckdb

from brinkwatch.analyze import daily
from brinkwatch.analyze.formula import (
    ADDITIVE_COLUMNS,
    EFFECTIVE_MODALITY_SQL,
    LIVE_ADDITIVE_AGGREGATES_SQL,
    exact_sum,
)
from brinkwatch.analyze.records import DyadSeries, Freq, SeriesPoint
from brinkwatch.errors import AnalysisError

FREQS: tuple[str, ...] = ("day", "week", "month")
DEFAULT_MODALITIES: tuple[str, ...] = ("asserted", "claimed")

# One row per happening (merged event, or mention not merged yet), with the columns analysis needs.
# ``{where}`` is applied inside each branch, on the base tables, so DuckDB can push it into the scans.
_EVENT_ROWS_SQL = """
    SELECT event_id AS happening_id, source_code, source_country, target_code, target_country,
        cameo_code, goldstein, quad_class, modality, is_opinion,
        coalesce(event_date, CAST(first_seen AS DATE)) AS day, confidence, killed, injured,
        num_mentions, evidence_text
    FROM events WHERE {where}"""
_PENDING_ROWS_SQL = """
    SELECT mention_id AS happening_id, source_code, source_country, target_code, target_country,
        cameo_code, goldstein, quad_class, modality, is_opinion,
        coalesce(event_date, pub_date) AS day, confidence, killed, injured, 1 AS num_mentions, evidence_text
    FROM event_mentions WHERE event_id IS NULL AND {where}"""
HAPPENINGS_SQL = f"{_EVENT_ROWS_SQL}\n    UNION ALL{_PENDING_ROWS_SQL}"


def _actor_columns(actor: str) -> tuple[str, str]:
    """A 3-letter actor is a country (matches USAGOV, USAMIL, ...); a longer one is a full actor code."""
    return ("source_country", "target_country") if len(actor) == 3 else ("source_code", "target_code")


def dyad_filter_sql(a: str, b: str, *, directed: bool) -> str:
    """Predicate selecting rows between $a and $b; plain equality / IN filters so the scan can prune."""
    (sa, ta), (sb, tb) = _actor_columns(a), _actor_columns(b)
    if directed:
        return f"{sa} = $a AND {tb} = $b"
    if (sa, ta) == (sb, tb):
        return f"{sa} IN ($a, $b) AND {ta} IN ($a, $b) AND {sa} <> {ta}"
    return f"(({sa} = $a AND {tb} = $b) OR ({sb} = $b AND {ta} = $a))"


def happenings_filter_sql(a: str, b: str, *, directed: bool, include_opinion: bool,
                          modality_sql: str = EFFECTIVE_MODALITY_SQL) -> str:
    """Dyad + counted modalities + opinion filter; on the daily cache ``modality`` is already effective."""
    opinion = "" if include_opinion else " AND NOT is_opinion"
    return f"{dyad_filter_sql(a, b, directed=directed)} AND list_contains($modalities, {modality_sql}){opinion}"


def happenings_sql(where: str) -> str:
    return HAPPENINGS_SQL.format(where=where)


# Float sums in an order-free way (see formula.exact_sum): the same question gives the same bits on any number of
# threads; counts are plain sums.
_FLOAT_COLUMNS = ("g_sum", "conflict_w", "coop_conf", "conflict_conf", "numerator")


def _sum(column: str) -> str:
    return exact_sum(column, wide=True) if column in _FLOAT_COLUMNS else f"sum({column})"


_RAW_DAILY_SQL = f"""
    SELECT day, {LIVE_ADDITIVE_AGGREGATES_SQL}
    FROM ({{happenings}}) WHERE day IS NOT NULL GROUP BY day"""

_CACHED_DAILY_SQL = f"""
    SELECT day, {", ".join(f"{_sum(c)} AS {c}" for c in ADDITIVE_COLUMNS)}
    FROM {daily.TABLE} WHERE {{where}} GROUP BY day"""

_SERIES_SQL = """
WITH d AS ({daily}
), bounds AS (
    SELECT date_trunc('{freq}', coalesce($since, min(day))) AS lo,
           date_trunc('{freq}', coalesce($until, max(day))) AS hi
    FROM d
), periods AS (
    SELECT CAST(unnest(generate_series(lo, hi, INTERVAL 1 {freq})) AS DATE) AS period FROM bounds
    WHERE lo IS NOT NULL AND hi IS NOT NULL
), agg AS (
    SELECT CAST(date_trunc('{freq}', day) AS DATE) AS period, sum(n) AS n, sum(vc) AS vc, sum(mc) AS mc,
        sum(vf) AS vf, sum(mf) AS mf, {sum_g_sum} AS g_sum, sum(g_count) AS g_count,
        {sum_g_sum} / nullif(sum(g_count), 0) AS g_mean,
        {sum_conflict_w} AS conflict_w, {sum_coop_conf} AS coop_conf, {sum_conflict_conf} AS conflict_conf,
        {sum_numerator} AS numerator
    FROM d WHERE day BETWEEN coalesce($since, day) AND coalesce($until, day) GROUP BY 1
)
SELECT p.period, CAST(coalesce(n, 0) AS BIGINT), CAST(coalesce(vc, 0) AS BIGINT), CAST(coalesce(mc, 0) AS BIGINT),
    CAST(coalesce(vf, 0) AS BIGINT), CAST(coalesce(mf, 0) AS BIGINT),
    coalesce(g_sum, 0.0), CAST(coalesce(g_count, 0) AS BIGINT), g_mean, coalesce(conflict_w, 0.0),
    -- a period without reports is unknown, not calm: no balance, no tension
    CASE WHEN coalesce(n, 0) = 0 THEN NULL WHEN coop_conf + conflict_conf > 0
        THEN (coop_conf - conflict_conf) / (coop_conf + conflict_conf) ELSE 0.0 END,
    CASE WHEN coalesce(n, 0) = 0 THEN NULL ELSE coalesce(numerator, 0.0) / (1 + n) END
FROM periods p LEFT JOIN agg USING (period) ORDER BY p.period
"""
for _column in _FLOAT_COLUMNS:  # (the sums go in before .format: their SQL holds no braces)
    _SERIES_SQL = _SERIES_SQL.replace(f"{{sum_{_column}}}", _sum(_column))


def _daily_sql(con: duckdb.DuckDBPyConnection, where: str, cache_where: str, *, use_cache: bool) -> str:
    """Per-day additive aggregates for the dyad: from the cache when it is current (plus mentions not merged
    yet, when there may be some), else from the raw tables."""
    state = daily.cache_state(con)
    if not (use_cache and state.usable):
        return _RAW_DAILY_SQL.format(happenings=happenings_sql(where))
    cached = _CACHED_DAILY_SQL.format(where=cache_where)
    if not state.pending:
        return cached
    return f"{cached} UNION ALL {_RAW_DAILY_SQL.format(happenings=_PENDING_ROWS_SQL.format(where=where))}"


def as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise AnalysisError(f"not an ISO date: {value!r}") from exc


def is_deduplicated(con: duckdb.DuckDBPyConnection) -> bool:
    """True when dedup has run (some merged events exist)."""
    return con.sql("SELECT count(*) > 0 FROM events").fetchall()[0][0]


def dyad_range(con: duckdb.DuckDBPyConnection, a: str, b: str, *, since: dt.date | str | None = None,
               until: dt.date | str | None = None, directed: bool = False, include_opinion: bool = False,
               modalities: Sequence[str] = DEFAULT_MODALITIES) -> tuple[dt.date, dt.date] | None:
    """First and last day with a counted happening of the dyad inside [since, until]; None when it has none.

    This, not the database's first or last date, is the range a tension question is answered over."""
    a, b = a.upper(), b.upper()
    where = happenings_filter_sql(a, b, directed=directed, include_opinion=include_opinion)
    cache_where = happenings_filter_sql(a, b, directed=directed, include_opinion=include_opinion,
                                        modality_sql="modality")
    sql = (f"SELECT min(day), max(day) FROM ({_daily_sql(con, where, cache_where, use_cache=True)}) "
           "WHERE day BETWEEN coalesce($since, day) AND coalesce($until, day)")
    params = {"a": a, "b": b, "since": as_date(since), "until": as_date(until), "modalities": list(modalities)}
    try:
        first, last = con.execute(sql, params).fetchall()[0]
    except duckdb.Error as exc:
        raise AnalysisError(f"series query failed: {exc}") from exc
    return None if first is None else (first, last)


def dyad_series(con: duckdb.DuckDBPyConnection, a: str, b: str, *, freq: Freq = "week",
                since: dt.date | str | None = None, until: dt.date | str | None = None,
                directed: bool = False, include_opinion: bool = False,
                modalities: Sequence[str] = DEFAULT_MODALITIES, use_cache: bool = True) -> DyadSeries:
    """The dyad's per-period series between ``since`` and ``until`` (default: its first and last event).

    ``use_cache=False`` forces the raw query (the cache gives identical numbers, only faster)."""
    if freq not in FREQS:
        raise AnalysisError(f"freq must be one of {', '.join(FREQS)}, not {freq!r}")
    since_d, until_d = as_date(since), as_date(until)
    if since_d and until_d and since_d > until_d:
        raise AnalysisError(f"since ({since_d}) is after until ({until_d})")
    a, b = a.upper(), b.upper()
    where = happenings_filter_sql(a, b, directed=directed, include_opinion=include_opinion)
    cache_where = happenings_filter_sql(a, b, directed=directed, include_opinion=include_opinion,
                                        modality_sql="modality")
    sql = _SERIES_SQL.format(daily=_daily_sql(con, where, cache_where, use_cache=use_cache), freq=freq)
    params = {"a": a, "b": b, "since": since_d, "until": until_d,
              "modalities": list(modalities)}
    try:
        rows = con.execute(sql, params).fetchall()
    except duckdb.Error as exc:
        raise AnalysisError(f"series query failed: {exc}") from exc
    names = list(SeriesPoint.model_fields)
    points = tuple(SeriesPoint(**dict(zip(names, row, strict=True))) for row in rows)
    return DyadSeries(a=a, b=b, freq=freq, directed=directed,
                      deduplicated=is_deduplicated(con), points=points)
