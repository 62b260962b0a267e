"""The tension report: series, change points, verdict and the events that drove it, for one dyad.

``tension_report`` is the one answer to "are tensions between A and B rising or easing?": the CLI
(``brinkwatch tension``), the HTTP API (``/v1/dyads/{a}/{b}/tension``) and the dashboard (which reads that
endpoint) all render what it returns, so the same question on the same database gets the same answer.
The range is the one asked for, else the pair's own first to last dated happening (never the database's),
at most ``MAX_PERIODS`` periods (the latest ones). Drivers are chosen in SQL: the happenings of a date range
ranked by their signed contribution to the tension index numerator. Happenings with no date at all are
in no period; they are counted and listed apart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import duckdb

from brinkwatch.analyze.changepoints import series_change_points
from brinkwatch.analyze.formula import CONTRIBUTION_SQL, MAGNITUDE_SQL
from brinkwatch.analyze.records import Driver, DyadSeries, Freq, TensionReport
from brinkwatch.analyze.series import (
    DEFAULT_MODALITIES,
    as_date,
    dyad_range,
    dyad_series,
    happenings_filter_sql,
    happenings_sql,
)
from brinkwatch.analyze.verdict import MIN_PERIODS, compared_segments, verdict
from brinkwatch.errors import AnalysisError, NotEnoughDataError, RangeTooLongError

_DRIVERS_SQL = """
SELECT happening_id, day, cameo_code, goldstein, quad_class, contribution, num_mentions,
    coalesce(source_code, source_country), coalesce(target_code, target_country), evidence_text
FROM (SELECT *, {contribution} AS contribution, {magnitude} AS magnitude FROM ({happenings}))
WHERE {when}
ORDER BY abs(contribution) DESC, day, happening_id
LIMIT $limit
"""
_DATED = "day >= $lo AND day < $hi AND contribution {sign} 0"
_UNDATED = "day IS NULL"

# Change-point search grows much faster than linearly with the number of periods (800 daily points took
# ~25 s here), so one question covers at most this many periods: without ``since``, the latest ones.
MAX_PERIODS = 260
_PERIOD_DAYS = {"day": 1, "week": 7, "month": 31}

_PERIOD_LENGTH = {"day": dt.timedelta(days=1), "week": dt.timedelta(days=7), "month": dt.timedelta(days=31)}


def top_events(con: duckdb.DuckDBPyConnection, a: str, b: str, lo: dt.date, hi: dt.date, *,
               conflict: bool, directed: bool = False, include_opinion: bool = False,
               modalities: Sequence[str] = DEFAULT_MODALITIES, limit: int = 5) -> list[Driver]:
    """Happenings of [lo, hi) between a and b that raised (conflict) or lowered the tension index most."""
    a, b = a.upper(), b.upper()
    where = happenings_filter_sql(a, b, directed=directed, include_opinion=include_opinion)
    sql = _DRIVERS_SQL.format(contribution=CONTRIBUTION_SQL, magnitude=MAGNITUDE_SQL,
                              happenings=happenings_sql(where), when=_DATED.format(sign=">" if conflict else "<"))
    params = {"a": a, "b": b, "lo": lo, "hi": hi, "limit": limit, "modalities": list(modalities)}
    try:
        rows = con.execute(sql, params).fetchall()
    except duckdb.Error as exc:
        raise AnalysisError(f"drivers query failed: {exc}") from exc
    names = list(Driver.model_fields)
    return [Driver(**dict(zip(names, row, strict=True))) for row in rows]


def undated_happenings(con: duckdb.DuckDBPyConnection, a: str, b: str, *, directed: bool = False,
                       include_opinion: bool = False, modalities: Sequence[str] = DEFAULT_MODALITIES,
                       limit: int = 10) -> tuple[int, list[Driver]]:
    """(how many, the first ``limit``) happenings of the dyad with neither an event date nor a publication
    date: they belong to no period, so no series counts them."""
    a, b = a.upper(), b.upper()
    where = happenings_filter_sql(a, b, directed=directed, include_opinion=include_opinion)
    params = {"a": a, "b": b, "modalities": list(modalities)}
    try:
        (count,) = con.execute(f"SELECT count(*) FROM ({happenings_sql(where)}) WHERE day IS NULL",
                               params).fetchall()[0]
        rows = con.execute(_DRIVERS_SQL.format(contribution=CONTRIBUTION_SQL, magnitude=MAGNITUDE_SQL,
                                               happenings=happenings_sql(where), when=_UNDATED),
                           {**params, "limit": limit}).fetchall() if count else []
    except duckdb.Error as exc:
        raise AnalysisError(f"undated query failed: {exc}") from exc
    names = list(Driver.model_fields)
    return count, [Driver(**dict(zip(names, row, strict=True))) for row in rows]


def question_range(con: duckdb.DuckDBPyConnection, a: str, b: str, *, freq: Freq = "week",
                   since: dt.date | str | None = None, until: dt.date | str | None = None,
                   max_periods: int | None = MAX_PERIODS, **filters: object) -> tuple[dt.date, dt.date]:
    """The range a tension question is answered over: what was asked, filled in with the pair's own first and
    last dated happening; without ``since``, at most the latest ``max_periods`` periods. An asked range longer
    than that is an ``AnalysisError`` (callers that can bear the cost pass ``max_periods=None``)."""
    since_d, until_d = as_date(since), as_date(until)
    if since_d and until_d and since_d > until_d:
        raise AnalysisError(f"since ({since_d}) is after until ({until_d})")
    found = dyad_range(con, a, b, since=since_d, until=until_d, **filters)  # type: ignore[arg-type]
    if found is None:
        raise NotEnoughDataError(f"no dated events between {a.upper()} and {b.upper()} in the requested range")
    lo, hi = since_d or found[0], until_d or found[1]
    if max_periods is not None:
        longest = dt.timedelta(days=max_periods * _PERIOD_DAYS[freq] - 1)
        if hi - lo > longest:
            if since_d is not None:
                raise RangeTooLongError(f"{lo}..{hi} is more than {max_periods} periods of one {freq}; "
                                        "ask for a shorter range or a coarser freq")
            lo = max(found[0], hi - longest)
    return lo, hi


def _period_end(series: DyadSeries, index: int) -> dt.date:
    if index < len(series.points):
        return series.points[index].period
    last = series.points[-1].period
    if series.freq == "month":
        return (last.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return last + _PERIOD_LENGTH[series.freq]


def tension_report(con: duckdb.DuckDBPyConnection, a: str, b: str, *, freq: Freq = "week",
                   since: dt.date | str | None = None, until: dt.date | str | None = None,
                   directed: bool = False, include_opinion: bool = False,
                   modalities: Sequence[str] = DEFAULT_MODALITIES, max_drivers: int = 5,
                   max_periods: int | None = MAX_PERIODS) -> TensionReport:
    """Series + change points + verdict (with driving events) for the dyad a-b over ``question_range``."""
    filters = {"directed": directed, "include_opinion": include_opinion, "modalities": modalities}
    lo, hi = question_range(con, a, b, freq=freq, since=since, until=until, max_periods=max_periods, **filters)
    series = dyad_series(con, a, b, freq=freq, since=lo, until=hi, **filters)
    if not any(p.n_events for p in series.points):
        raise NotEnoughDataError(f"no events between {series.a} and {series.b} in the requested range")
    cps = series_change_points(series)
    undated_count, undated = undated_happenings(con, a, b, **filters)
    covered_points = series.covered()
    covered = [p.period for p in covered_points]
    if len(covered) < MIN_PERIODS:
        result = verdict(series, change_points=cps, max_drivers=max_drivers)
        return TensionReport(series=series, change_points=cps, verdict=result, undated_count=undated_count,
                             undated=tuple(undated))
    first, start = compared_segments([p.tension for p in covered_points], [covered.index(d) for d in cps])
    common = {**filters, "limit": max_drivers}
    recent_lo, recent_hi = covered[start], _period_end(series, len(series.points))
    after = (top_events(con, a, b, recent_lo, recent_hi, conflict=True, **common)
             + top_events(con, a, b, recent_lo, recent_hi, conflict=False, **common))
    before = top_events(con, a, b, covered[first], recent_lo, conflict=True, **common)
    result = verdict(series, change_points=cps, drivers_after=after, drivers_before=before,
                     max_drivers=max_drivers)
    return TensionReport(series=series, change_points=cps, verdict=result, undated_count=undated_count,
                         undated=tuple(undated))
